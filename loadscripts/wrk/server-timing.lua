-- Reads every answer's Server-Timing and X-Bench-Mode headers and prints, after wrk's own summary,
-- the server-side percentiles: queue (waiting for a worker after the server read the request) and
-- app (serving it). wrk's latency minus these is the network and the load generator's own time.
--   wrk -t2 -c256 -d10s -s loadscripts/wrk/server-timing.lua http://127.0.0.1:8080/db
-- Works with any path in the URL; combine with another script's request() by copying it in.
local threads = {}

function setup(thread)
   threads[#threads + 1] = thread
end

-- log-spaced buckets, 2% wide, of microseconds: small and mergeable across wrk's threads
local function bucket(ms)
   return math.floor(math.log(ms * 1000 + 1) * 50)
end

local function value(b)
   return (math.exp((b + 1) / 50) - 1) / 1000
end

function init(args)
   queue, app, answers, timed, mode = {}, {}, 0, 0, nil
end

function response(status, headers, body)
   answers = answers + 1
   local timing = headers["Server-Timing"]
   if timing then
      timed = timed + 1
      local q = string.match(timing, "queue;dur=([%d.]+)")
      local a = string.match(timing, "app;dur=([%d.]+)")
      if q then local b = bucket(tonumber(q)); queue[b] = (queue[b] or 0) + 1 end
      if a then local b = bucket(tonumber(a)); app[b] = (app[b] or 0) + 1 end
   end
   if mode == nil then mode = headers["X-Bench-Mode"] end
end

local function percentiles(name, key)
   local merged, total = {}, 0
   for _, thread in ipairs(threads) do
      for b, n in pairs(thread:get(key)) do
         merged[b] = (merged[b] or 0) + n
         total = total + n
      end
   end
   if total == 0 then
      io.write(string.format("  %-5s  no entries (server-timing=off, or a target that cannot tell)\n", name))
      return
   end
   local keys = {}
   for b in pairs(merged) do keys[#keys + 1] = b end
   table.sort(keys)
   local line = string.format("  %-5s ", name)
   for _, p in ipairs({ 50, 90, 99, 99.9 }) do
      local seen, want = 0, total * p / 100
      for _, b in ipairs(keys) do
         seen = seen + merged[b]
         if seen >= want then
            line = line .. string.format(" p%-4s %8.3f ms", p, value(b))
            break
         end
      end
   end
   io.write(line .. string.format("   max %8.3f ms  (%d answers)\n", value(keys[#keys]), total))
end

function done(summary, latency, requests)
   local answers, timed, mode = 0, 0, nil
   for _, thread in ipairs(threads) do
      answers = answers + thread:get("answers")
      timed = timed + thread:get("timed")
      mode = mode or thread:get("mode")
   end
   io.write("Server-Timing (server side, from each answer's header):\n")
   io.write(string.format("  X-Bench-Mode: %s\n", mode or "(none)"))
   io.write(string.format("  answers %d, with Server-Timing %d\n", answers, timed))
   percentiles("queue", "queue")
   percentiles("app", "app")
end
