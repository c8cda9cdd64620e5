-- A steady mix for the memory measurement: the service's routes in turn, and one scrape of
-- /metrics every 100 requests (a scrape costs far more than a route when JVM metrics are on).
-- wrk -s benchmarks/wrk/mixed.lua http://127.0.0.1:5000 -- / /about
local paths = { "/" }
local i = 0

function init(args)
  if #args > 0 then paths = args end
end

function request()
  i = i + 1
  if i % 100 == 0 then
    return wrk.format("GET", "/metrics")
  end
  return wrk.format("GET", paths[(i % #paths) + 1])
end
