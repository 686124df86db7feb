#!/usr/bin/env bash
# Load benchmark on loopback: MapVapiWebhooks vs two hand-written baselines in the same host and run.
# Usage: tests/load/run-wrk.sh [seconds per run (default 10)] [connections list (default "8 32")]
# Needs wrk (apt-get install wrk). Only ever targets 127.0.0.1.
# The host runs classic Server GC (see the BenchHost project); DATAS=1 runs it with .NET's default DATAS instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-"8 32"}
port=5099
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
dotnet build -c Release tests/VapiWebhooks.BenchHost -v q -nologo >/dev/null
gc_mode=0
[ "${DATAS:-0}" = 1 ] && gc_mode=1
echo "gc: server, DOTNET_GCDynamicAdaptationMode=$gc_mode"
DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=$gc_mode dotnet tests/VapiWebhooks.BenchHost/bin/Release/net10.0/VapiWebhooks.BenchHost.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data '{}' "http://127.0.0.1:$port/baseline/bare" && break
  sleep 0.2
done
stats() { curl -s "http://127.0.0.1:$port/stats"; }
for c in $connections; do
  for path in /baseline/bare /baseline/jsondoc /vapi/webhook; do
    # Warm up (JIT tiering settles), then measure.
    TARGET_PATH=$path wrk -t2 -c"$c" -d"${WARMUP:-5}s" -s tests/load/tool-calls.lua "http://127.0.0.1:$port" >/dev/null
    read -r alloc0 gen0_0 gen1_0 gen2_0 pause0 <<<"$(stats)"
    result=$(TARGET_PATH=$path wrk -t2 -c"$c" -d"${seconds}s" --latency -s tests/load/tool-calls.lua "http://127.0.0.1:$port" | grep RESULT)
    read -r alloc1 gen0_1 gen1_1 gen2_1 pause1 <<<"$(stats)"
    requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
    # Server-side cost per request: bytes allocated, and collections / pause time over the whole run.
    echo "connections=$c $result bytes_per_req=$(( (alloc1 - alloc0) / (requests > 0 ? requests : 1) )) gen0=$((gen0_1 - gen0_0)) gen1=$((gen1_1 - gen1_0)) gen2=$((gen2_1 - gen2_0)) gc_pause_ms=$(awk "BEGIN { print $pause1 - $pause0 }")"
  done
done
