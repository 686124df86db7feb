-- wrk script for the sample host: POST the body in $BODY with the token in $TOKEN to $TARGET_PATH.
-- Prints one RESULT line with throughput, p50/p99/max latency and errors (timeouts counted apart).
local path = os.getenv("TARGET_PATH") or "/vapi/webhook"
local name = os.getenv("NAME") or path
local file = assert(io.open(os.getenv("BODY"), "rb"))
wrk.body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.path = path
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "load-test-token")

function done(summary, latency, requests)
  io.write(string.format("RESULT name=%s requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f timeouts=%d errors=%d non2xx=%d\n",
    name, summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.timeout, summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.status))
end
