#!/usr/bin/env bash
# Load benchmark on loopback: MapVapiWebhooks vs two hand-written baselines in the same host and run.
# Usage: tests/load/run-wrk.sh [seconds per run (default 10)] [connections list (default "8 32")]
# ROUNDS (default 3) interleaved rounds per connection count; the summary lines give medians and ratios.
# Needs wrk (apt-get install wrk). Only ever targets 127.0.0.1.
# The host runs classic Server GC (DOTNET_GCDynamicAdaptationMode=0), as a latency-sensitive service is
# configured; DATAS=1 runs .NET's default (DATAS), which collects gen0 far more often (docs/benchmarks.md).
# GC_SERVER=0 runs workstation GC.
# INSPECTOR=1 maps the inspector (MapVapiInspector, so the host runs in Development): every exchange is captured;
# INSPECTOR_WATCH=1 also keeps its live stream open (a page watching). Compare with ASPNETCORE_ENVIRONMENT=Development
# and no INSPECTOR: the same host, environment and pipeline without the capture.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-"8 32"}
# A free port, so that two runs on one machine never measure each other's host.
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
dotnet build -c Release tests/VapiWebhooks.BenchHost -v q -nologo >/dev/null
gc_mode=0
[ "${DATAS:-0}" = 1 ] && gc_mode=1
gc_server=${GC_SERVER:-1}
echo "gc: DOTNET_gcServer=$gc_server DOTNET_GCDynamicAdaptationMode=$gc_mode"
host_args=()
if [ "${INSPECTOR:-0}" = 1 ]; then
  host_args+=(--inspector=true)
  export ASPNETCORE_ENVIRONMENT=Development
fi
echo "environment: ${ASPNETCORE_ENVIRONMENT:-Production}, inspector: ${INSPECTOR:-0}, watching: ${INSPECTOR_WATCH:-0}"
DOTNET_gcServer=$gc_server DOTNET_GCDynamicAdaptationMode=$gc_mode dotnet tests/VapiWebhooks.BenchHost/bin/Release/net10.0/VapiWebhooks.BenchHost.dll --urls "http://127.0.0.1:$port" "${host_args[@]}" >/dev/null 2>&1 &
host=$!
watcher=""
trap 'kill $host $watcher 2>/dev/null; wait $host 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  kill -0 "$host" 2>/dev/null || { echo "the bench host exited at start (is port $port taken?)"; exit 1; }
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data '{}' "http://127.0.0.1:$port/baseline/bare" && break
  sleep 0.2
done
# Like for like: the library must answer what the hand-written handler answers (a tool result, not an error).
body=${BODY:-tests/VapiWebhooks.Tests/Fixtures/tool-calls/tool-calls__vapi4k__5.json}
reply() { curl -s -H 'Content-Type: application/json' -H 'Authorization: Bearer bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83' --data-binary "@$body" "http://127.0.0.1:$port$1"; }
expected=$(reply /baseline/jsondoc)
actual=$(reply /vapi/webhook)
if [ "$expected" != "$actual" ]; then
  echo "replies differ: /baseline/jsondoc answered $expected but /vapi/webhook answered $actual"
  exit 1
fi
echo "reply: $actual"
if [ "${INSPECTOR_WATCH:-0}" = 1 ]; then
  # A page watching: the live stream open for the whole run (each exchange serialized and redacted for it).
  curl -s -N "http://127.0.0.1:$port/vapi/inspector/api/events" >/dev/null &
  watcher=$!
fi
stats() { curl -s "http://127.0.0.1:$port/stats"; }
measure() { # path connections seconds
  local path=$1 c=$2 d=$3 result requests alloc0 alloc1 gen0_0 gen0_1 gen1_0 gen1_1 gen2_0 gen2_1 pause0 pause1 cpu0 cpu1
  read -r alloc0 gen0_0 gen1_0 gen2_0 pause0 cpu0 <<<"$(stats)"
  result=$(TARGET_PATH=$path wrk -t2 -c"$c" -d"${d}s" --latency -s tests/load/tool-calls.lua "http://127.0.0.1:$port" | grep RESULT)
  read -r alloc1 gen0_1 gen1_1 gen2_1 pause1 cpu1 <<<"$(stats)"
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
  # Server-side cost per request: CPU (all threads, GC included) and bytes allocated; collections and pause time over the run.
  echo "connections=$c $result cpu_us_per_req=$(awk "BEGIN { printf \"%.1f\", ($cpu1 - $cpu0) / ($requests > 0 ? $requests : 1) }") bytes_per_req=$(( (alloc1 - alloc0) / (requests > 0 ? requests : 1) )) gen0=$((gen0_1 - gen0_0)) gen1=$((gen1_1 - gen1_0)) gen2=$((gen2_1 - gen2_0)) gc_pause_ms=$(awk "BEGIN { print $pause1 - $pause0 }")"
}
rounds=${ROUNDS:-3}
log=$(mktemp)
for c in $connections; do
  # Warm up every path (JIT tiering settles), then measure in interleaved rounds: a burst of noise on a
  # shared machine then hits one round of every path, and the medians below ignore it.
  for path in /baseline/bare /baseline/jsondoc /vapi/webhook; do
    TARGET_PATH=$path wrk -t2 -c"$c" -d"${WARMUP:-5}s" -s tests/load/tool-calls.lua "http://127.0.0.1:$port" >/dev/null
  done
  for round in $(seq 1 "$rounds"); do
    for path in /baseline/bare /baseline/jsondoc /vapi/webhook; do
      measure "$path" "$c" "$seconds" | sed "s/^/round=$round /" | tee -a "$log"
    done
  done
done
# Medians per path and connection count, and the ratios the goals are stated in.
awk '
  function median(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }; return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }; k = f["connections"] SUBSEP f["path"]; rps[k] = rps[k] " " f["rps"]; p99[k] = p99[k] " " f["p99_ms"]; cpu[k] = cpu[k] " " f["cpu_us_per_req"]; cs[f["connections"]] = 1 }
  END {
    for (c in cs) {
      b = c SUBSEP "/baseline/bare"; j = c SUBSEP "/baseline/jsondoc"; v = c SUBSEP "/vapi/webhook"
      printf "MEDIAN connections=%s bare rps=%d p99=%.2f cpu=%.1fus | jsondoc rps=%d p99=%.2f cpu=%.1fus | webhook rps=%d p99=%.2f cpu=%.1fus | webhook/jsondoc rps %.2fx p99 %.2fx | webhook/bare rps %.2fx\n", c,
        median(rps[b]), median(p99[b]), median(cpu[b]), median(rps[j]), median(p99[j]), median(cpu[j]), median(rps[v]), median(p99[v]), median(cpu[v]),
        median(rps[v]) / median(rps[j]), median(p99[v]) / median(p99[j]), median(rps[v]) / median(rps[b])
    }
  }' "$log"
rm -f "$log"
