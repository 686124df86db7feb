#!/usr/bin/env bash
# Load benchmark on loopback: MapVapiWebhooks vs two hand-written baselines in the same host and run.
# Usage: tests/load/run-wrk.sh [seconds per run (default 10)] [connections list (default "8 32")]
# Needs wrk (apt-get install wrk). Only ever targets 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-"8 32"}
port=5099
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
dotnet build -c Release tests/VapiWebhooks.BenchHost -v q -nologo >/dev/null
DOTNET_gcServer=1 dotnet tests/VapiWebhooks.BenchHost/bin/Release/net10.0/VapiWebhooks.BenchHost.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data '{}' "http://127.0.0.1:$port/baseline/bare" && break
  sleep 0.2
done
for c in $connections; do
  for path in /baseline/bare /baseline/jsondoc /vapi/webhook; do
    # Warm up, then measure.
    TARGET_PATH=$path wrk -t2 -c"$c" -d2s -s tests/load/tool-calls.lua "http://127.0.0.1:$port" >/dev/null
    echo "connections=$c $(TARGET_PATH=$path wrk -t2 -c"$c" -d"${seconds}s" --latency -s tests/load/tool-calls.lua "http://127.0.0.1:$port" | grep RESULT)"
  done
done
