-- GET /db?id=N with N cycling through the ten rows (seed 000's random row, but every row equally often,
-- so runs compare). Plain /db (the target picks the row) is: wrk ... http://127.0.0.1:8080/db
--   wrk -t1 -c64 -d10s --latency -s loadscripts/wrk/db.lua http://127.0.0.1:8080
local requests = {}
local next_id = 0

-- in init, not at load: wrk sets the Host header only then
function init(args)
   for id = 1, 10 do
      requests[id] = wrk.format("GET", "/db?id=" .. id)
   end
end

function request()
   next_id = next_id % 10 + 1
   return requests[next_id]
end
