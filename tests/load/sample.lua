-- wrk script for the sample host: POST the body in $BODY with the token in $TOKEN to $TARGET_PATH.
-- Prints one RESULT line with throughput, p50/p99/max latency and errors (timeouts counted apart).
local path = os.getenv("TARGET_PATH") or "/vapi/webhook"
local name = os.getenv("NAME") or path
local file = assert(io.open(os.getenv("BODY"), "rb"))
wrk.body = file:read("*a")
file:close()
-- CALL_ID: a call id in the body, replaced in each request by one unique to the run ($RUN), the thread and the
-- request, so that no body repeats (a repeated body is a retry the sample's inbox acknowledges without storing).
local callId = os.getenv("CALL_ID")
local run = tonumber(os.getenv("RUN") or "0")
local parts
if callId and callId ~= "" then
  parts = {}
  local start = 1
  while true do
    local first, last = wrk.body:find(callId, start, true)
    if not first then break end
    parts[#parts + 1] = wrk.body:sub(start, first - 1)
    start = last + 1
  end
  assert(#parts > 0, "the body does not contain CALL_ID")
  parts[#parts + 1] = wrk.body:sub(start)
end
wrk.method = "POST"
wrk.path = path
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "load-test-token")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tag", threads)
end

local counter = 0
function request()
  if not parts then
    return wrk.format()
  end
  counter = counter + 1
  local id = string.format("%08x-%04x-4000-8000-%012x", run % 0x80000000, (tag or 0) % 0x10000, counter)
  return wrk.format(nil, nil, nil, table.concat(parts, id))
end

function done(summary, latency, requests)
  io.write(string.format("RESULT name=%s requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f timeouts=%d errors=%d non2xx=%d\n",
    name, summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.timeout, summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.status))
end
