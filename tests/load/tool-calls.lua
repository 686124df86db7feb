-- wrk script: POST one real tool-calls body with the bench token to the path in $TARGET_PATH.
-- The top-level chunk runs in every thread and in the main state, so done() sees the same path.
local path = os.getenv("TARGET_PATH") or "/vapi/webhook"
local file = assert(io.open(os.getenv("BODY") or "tests/VapiWebhooks.Tests/Fixtures/tool-calls/tool-calls__vapi4k__5.json", "rb"))
wrk.body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.path = path
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83"
-- The legacy secret header as well (fastify-example.sh: Vapi's example server checks x-vapi-secret).
local secret = os.getenv("VAPI_SECRET_HEADER")
if secret then
  wrk.headers["x-vapi-secret"] = secret
end

function done(summary, latency, requests)
  io.write(string.format("RESULT path=%s requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    path, summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
