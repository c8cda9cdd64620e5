-- gauges-app's /add and /remove, balanced: after `lag` first additions (default 256), the requests
-- alternate between removing the oldest number and adding a new one. A /remove/n is sent 2*lag-1
-- requests after its /add/n, far more than the connections in flight, so it never overtakes its
-- /add (which would answer 404), and the list stays `lag` numbers long.
--   wrk -s benchmarks/wrk/add-remove.lua http://127.0.0.1:5000 -- 256
-- Each wrk thread runs its own copy: with -t2 both add the same numbers, still balanced.
local lag = 256
local i = -1

function init(args)
  if args[1] then lag = tonumber(args[1]) end
end

function request()
  i = i + 1
  if i == 0 then
    -- wrk calls request() once to check the script and drops that request; make it one that
    -- nothing depends on (a thread after the first sends it: one 0 left in the list)
    return wrk.format("GET", "/add/0")
  end
  if i <= lag then
    return wrk.format("GET", "/add/" .. i)
  end
  local m = i - lag
  if m % 2 == 1 then
    return wrk.format("GET", "/remove/" .. ((m + 1) / 2))
  end
  return wrk.format("GET", "/add/" .. (lag + m / 2))
end
