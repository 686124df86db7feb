-- wrk script for the inbox benchmark: POST a real ~10 KB end-of-call-report (vapi4k's captured one) with the bench
-- token to $TARGET_PATH, each request for a different call: the call id is replaced by one unique to the run ($RUN),
-- the wrk thread and the request. No body repeats, so the inbox stores every one (a repeated body is a retry it
-- acknowledges without storing), and no two share a call (a call's messages are handled one at a time).
local path = os.getenv("TARGET_PATH") or "/vapi/webhook"
local name = os.getenv("NAME") or path
local run = tonumber(os.getenv("RUN") or "0")
local file = assert(io.open(os.getenv("BODY") or "tests/VapiWebhooks.Tests/Fixtures/end-of-call-report/end-of-call-report__vapi4k__1.json", "rb"))
local template = file:read("*a")
file:close()
local callId = "b1223960-1b4d-4585-91b8-a69b0f57ec2f"
local first, last = template:find(callId, 1, true)
assert(first, "the body does not contain the call id to replace")
local before, after = template:sub(1, first - 1), template:sub(last + 1)
wrk.method = "POST"
wrk.path = path
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tag", threads)
end

local counter = 0
function request()
  counter = counter + 1
  -- Same length as the original id: 8-4-4-4-12 hex digits.
  local id = string.format("%08x-%04x-4000-8000-%012x", run % 0x80000000, (tag or 0) % 0x10000, counter)
  return wrk.format(nil, nil, nil, before .. id .. after)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT name=%s requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    name, summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
