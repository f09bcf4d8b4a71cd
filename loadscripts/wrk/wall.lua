-- Seed 002's authenticated wall: GET /wall/ID with a session cookie, as the seed sent it with httperf.
-- The cookie value comes from `bench token USER` (or a real sign-in), by environment or argument:
--   sid=$(bin/bench token user1 --set secret=...)      # the target's db and secret knobs
--   SESSIONID=$sid wrk -t1 -c64 -d10s --latency -s loadscripts/wrk/wall.lua http://127.0.0.1:8080
--   wrk -t1 -c64 -d10s -s loadscripts/wrk/wall.lua http://127.0.0.1:8080 -- $sid 1,2,201
-- Walls (WALLS or the second argument, default 1) are visited in turn; user1 belongs to 1, 2, 201 and 202.
local sid, walls

-- error() in init is wrk's "PANIC: unprotected error in call to Lua API": say it in one line and stop instead.
local function stop(message)
   io.stderr:write(message, "\n")
   os.exit(1)
end

function init(args)
   sid = args[1] or os.getenv("SESSIONID")
   if sid == nil or sid == "" then
      stop("wall.lua: no session cookie. Get one with SESSIONID=$(bin/bench token user1 --set secret=S) for a target started"
         .. " with the same --set secret=S (or with the target's --set db=postgres ... knobs), then run wrk again"
         .. " (or pass it after --: wrk ... -s wall.lua URL -- SESSION)")
   end
   walls = {}
   for wall in string.gmatch(args[2] or os.getenv("WALLS") or "1", "%d+") do
      walls[#walls + 1] = wrk.format("GET", "/wall/" .. wall, { ["Cookie"] = "sessionid=" .. sid })
   end
   if #walls == 0 then
      stop("wall.lua: WALLS holds no wall id (e.g. WALLS=1,2,201)")
   end
end

local turn = 0

function request()
   turn = turn % #walls + 1
   return walls[turn]
end
