-- A mix of the benchmark endpoints, in fixed proportions per 20 requests: /hello 6, /db 4, / 3,
-- /hello.txt 2, /static/site.css 1, /surveys 1, /wall/1 3 (with SESSIONID, else /hello instead).
--   SESSIONID=$(bin/bench token user1 ...) wrk -t1 -c64 -d10s --latency -s loadscripts/wrk/mixed.lua http://127.0.0.1:8080
-- Only 2xx count as success here: wrk's "Non-2xx or 3xx responses" line should stay absent.
local mix = {}

local function add(times, path, headers)
   for _ = 1, times do
      mix[#mix + 1] = wrk.format("GET", path, headers)
   end
end

function init(args)
   local sid = args[1] or os.getenv("SESSIONID")
   add(6, "/hello")
   add(4, "/db")
   add(3, "/")
   add(2, "/hello.txt")
   add(1, "/static/site.css")
   add(1, "/surveys")
   if sid ~= nil and sid ~= "" then
      add(3, "/wall/1", { ["Cookie"] = "sessionid=" .. sid })
   else
      add(3, "/hello")
   end
end

local turn = 0

function request()
   turn = turn % #mix + 1
   return mix[turn]
end
