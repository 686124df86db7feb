#!/usr/bin/env bash
# Bytes allocated per request by the bench host (Kestrel on loopback, Release): MapVapiWebhooks with the real
# tool-calls body and the real end-of-call report (a notification handler counts it), and the hand-written
# JsonDocument tool handler (b) for scale. Allocation does not depend on the machine's load, so short wrk runs do.
# Usage: tests/load/bytes-per-request.sh [seconds per run (default 3)]     Needs wrk. Only ever targets 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-3}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
dotnet build -c Release tests/VapiWebhooks.BenchHost -v q -nologo >/dev/null
DOTNET_gcServer=${GC_SERVER:-1} DOTNET_GCDynamicAdaptationMode=0 dotnet tests/VapiWebhooks.BenchHost/bin/Release/net10.0/VapiWebhooks.BenchHost.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  kill -0 "$host" 2>/dev/null || { echo "the bench host exited at start"; exit 1; }
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data '{}' "http://127.0.0.1:$port/baseline/bare" && break
  sleep 0.2
done
fixtures=tests/VapiWebhooks.Tests/Fixtures
for run in "tool-calls|$fixtures/tool-calls/tool-calls__vapi4k__5.json|/baseline/jsondoc" \
           "tool-calls|$fixtures/tool-calls/tool-calls__vapi4k__5.json|/vapi/webhook" \
           "end-of-call-report|$fixtures/end-of-call-report/end-of-call-report__vapi4k__1.json|/vapi/webhook"; do
  IFS='|' read -r name body path <<<"$run"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H 'Authorization: Bearer bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83' --data-binary "@$body" "http://127.0.0.1:$port$path")
  [ "$status" = 200 ] || { echo "$path answered $status to $name"; exit 1; }
  # Warm up (JIT tiering, pools), then count: the host's allocated bytes before and after, over the requests wrk made.
  TARGET_PATH=$path BODY=$body wrk -t1 -c2 -d"${seconds}s" -s tests/load/tool-calls.lua "http://127.0.0.1:$port" >/dev/null
  read -r before _ <<<"$(curl -s "http://127.0.0.1:$port/stats")"
  result=$(TARGET_PATH=$path BODY=$body wrk -t1 -c2 -d"${seconds}s" -s tests/load/tool-calls.lua "http://127.0.0.1:$port" | grep RESULT)
  read -r after _ <<<"$(curl -s "http://127.0.0.1:$port/stats")"
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
  echo "BYTES body=$name path=$path requests=$requests bytes_per_req=$(( (after - before) / (requests > 0 ? requests : 1) )) $(grep -o 'non2xx=[0-9]*' <<<"$result")"
done
