#!/usr/bin/env bash
# Load benchmark on loopback: MapVapiWebhooks (the bench host) against Vapi's official example server
# (VapiAI/example-webhook-handler, Fastify 5, POST /story-tool) as shipped (pino-pretty logging of every request and
# reply, to /dev/null here) and with its logging off, in the same run, all posted the same real tool-calls body.
# Usage: tests/load/fastify-example.sh [seconds per run (default 10)] [connections list (default "8 32")]
# ROUNDS (default 3) interleaved rounds per connection count, WARMUP seconds (default 5) per target first.
# EXAMPLE_DIR=<checkout of VapiAI/example-webhook-handler> (needed where GitHub is unreachable); node 20+ and npm,
# wrk (apt-get install wrk). DATAS=1 / GC_SERVER=0 as in run-wrk.sh (default: classic Server GC).
# Only ever targets 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/load/fastify-example-lib.sh
seconds=${1:-10}
connections=${2:-"8 32"}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
token=bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83
body=tests/VapiWebhooks.Tests/Fixtures/tool-calls/tool-calls__vapi4k__5.json
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

prepare_fastify_example "$work/example"
dotnet build -c Release tests/VapiWebhooks.BenchHost -v q -nologo >/dev/null

gc_mode=0
[ "${DATAS:-0}" = 1 ] && gc_mode=1
gc_server=${GC_SERVER:-1}
echo "gc: DOTNET_gcServer=$gc_server DOTNET_GCDynamicAdaptationMode=$gc_mode; node $(node --version)"
host_port=$(free_port)
DOTNET_gcServer=$gc_server DOTNET_GCDynamicAdaptationMode=$gc_mode dotnet tests/VapiWebhooks.BenchHost/bin/Release/net10.0/VapiWebhooks.BenchHost.dll --urls "http://127.0.0.1:$host_port" >/dev/null 2>&1 &
pids+=($!)
shipped_port=$(free_port)
(cd "$work/example" && PORT=$shipped_port VAPI_SECRET=$token ENABLE_NGROK=false exec node src/index.js >/dev/null 2>&1) &
pids+=($!)
quiet_port=$(free_port)
(cd "$work/example" && PORT=$quiet_port VAPI_SECRET=$token ENABLE_NGROK=false exec node src/index.quiet.js >/dev/null 2>&1) &
pids+=($!)

# name=url of each target; every one gets the same body and both headers (bearer for the bench host, x-vapi-secret
# for the example), so the bytes on the wire are the same.
targets=("webhook=$host_port/vapi/webhook" "fastify=$shipped_port/story-tool" "fastify-quiet=$quiet_port/story-tool")
post() { curl -s -m 5 -w '\n%{http_code}' -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -H "x-vapi-secret: $token" --data-binary "@$body" "$1"; }
for target in "${targets[@]}"; do
  name=${target%%=*} url=http://127.0.0.1:${target#*=}
  for _ in $(seq 1 150); do
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a server exited at start (pid $pid)"; exit 1; }; done
    [ "$(post "$url" 2>/dev/null | tail -n1)" = 200 ] && break
    sleep 0.2
  done
  # Like for like: each answers 200 with a real result for the call in the body, not an error.
  reply=$(post "$url")
  python3 - "$name" "$reply" <<'PY'
import json, sys
name, raw = sys.argv[1], sys.argv[2]
text, status = raw.rsplit("\n", 1)
result = json.loads(text)["results"][0] if status == "200" else {}
if result.get("toolCallId") != "call_fzEwCjWnJsuwoeGQGbITcnpw" or not result.get("result") or result.get("error"):
    sys.exit(f"{name} did not answer the tool call with a result: {status} {text[:300]}")
print(f"reply {name}: {text[:160]}")
PY
done

run_wrk() { # port/path connections seconds
  TARGET_PATH=/${1#*/} VAPI_SECRET_HEADER=$token BODY=$body wrk -t2 -c"$2" -d"$3s" --latency -s tests/load/tool-calls.lua "http://127.0.0.1:${1%%/*}" | grep RESULT
}
rounds=${ROUNDS:-3}
log=$(mktemp -p "$work")
for c in $connections; do
  for target in "${targets[@]}"; do run_wrk "${target#*=}" "$c" "${WARMUP:-5}" >/dev/null; done
  for round in $(seq 1 "$rounds"); do
    for target in "${targets[@]}"; do
      echo "round=$round target=${target%%=*} connections=$c $(run_wrk "${target#*=}" "$c" "$seconds")" | tee -a "$log"
    done
  done
done
# Medians per target and connection count; the ratios are MapVapiWebhooks over the example (p99: lower is better).
awk '
  function median(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }; return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }; k = f["connections"] SUBSEP f["target"]; rps[k] = rps[k] " " f["rps"]; p99[k] = p99[k] " " f["p99_ms"]; bad[k] += f["errors"] + f["non2xx"]; cs[f["connections"]] = 1 }
  END {
    for (c in cs) {
      w = c SUBSEP "webhook"; s = c SUBSEP "fastify"; q = c SUBSEP "fastify-quiet"
      printf "MEDIAN connections=%s webhook rps=%d p99=%.2f | fastify (as shipped) rps=%d p99=%.2f | fastify (logging off) rps=%d p99=%.2f | webhook/fastify rps %.2fx p99 %.2fx | webhook/fastify-quiet rps %.2fx p99 %.2fx | errors+non2xx webhook=%d fastify=%d quiet=%d\n", c,
        median(rps[w]), median(p99[w]), median(rps[s]), median(p99[s]), median(rps[q]), median(p99[q]),
        median(rps[w]) / median(rps[s]), median(p99[w]) / median(p99[s]), median(rps[w]) / median(rps[q]), median(p99[w]) / median(p99[q]), bad[w], bad[s], bad[q]
    }
  }' "$log"
