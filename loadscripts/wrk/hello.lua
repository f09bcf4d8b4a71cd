-- GET /hello (seed 000's ctime hello). wrk counts non-2xx/3xx answers in its "Non-2xx or 3xx responses" line.
--   wrk -t1 -c64 -d10s --latency -s loadscripts/wrk/hello.lua http://127.0.0.1:8080
wrk.method = "GET"
wrk.path = "/hello"
