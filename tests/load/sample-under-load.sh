#!/usr/bin/env bash
# The sample host under load (issue 18): status-update against speech-update (no handler, no storage) in the same run,
# on loopback, with the sample's full configuration. A status-update is acknowledged once its body is committed to the
# sample's SQLite inbox, then handled in the background (two SQLite writes, through the sample's single writer); each
# request carries a call id of its own, so that no body repeats (a repeated body would be a retry, not stored).
# Usage: tests/load/sample-under-load.sh [seconds per run (default 30)] [connections (default 8)]
# ROUNDS (default 1) interleaved rounds. Needs wrk (apt-get install wrk). Only ever targets 127.0.0.1.
# Goal: status-update >= 0.5x speech-update's requests/s, p99 < 10 ms, no request over 100 ms (max_ms).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
connections=${2:-8}
port=${PORT:-5097}
token=load-test-token-6b9e2d5a8c1f4037
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
out=$(mktemp -d)
data=$(mktemp -d)
# SAMPLE_BIN: an already built sample host (its executable) instead of a fresh Release build.
if [ -n "${SAMPLE_BIN:-}" ]; then binary=$SAMPLE_BIN; else
  dotnet build -c Release samples/VapiWebhooks.SampleHost -o "$out" -v q -nologo >/dev/null; binary=$out/VapiWebhooks.SampleHost
fi
# Production environment (no development token), a fresh database, Warning logs (one line per request would
# measure the console, not the sample).
ASPNETCORE_ENVIRONMENT=Production Vapi__Webhooks__Authentication__Bearer__Tokens__0=$token Sample__DataDirectory="$data" \
  Serilog__MinimumLevel__Default=Warning DOTNET_gcServer=1 \
  "$binary" --contentRoot "$(dirname "$binary")" --urls "http://127.0.0.1:$port" >"$data/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null || true; rm -rf "$out" "$data"' EXIT
for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
status_call=5d0c9f3e-2b7a-4c41-9e6f-8a1b3c5d7e90
run() { # name body seconds
  call=""; [ "$2" = status-update.json ] && call=$status_call
  RUN=$(( $(date +%s%3N) % 4294967296 )) CALL_ID=$call NAME=$1 BODY=tests/load/sample/$2 TOKEN=$token wrk -t2 -c"$connections" -d"${3}s" --latency -s tests/load/sample.lua "http://127.0.0.1:$port" | grep RESULT
}
run warmup-status status-update.json 5 >/dev/null
run warmup-speech speech-update.json 5 >/dev/null
log=$(mktemp)
for round in $(seq 1 "${ROUNDS:-1}"); do
  run speech-update speech-update.json "$seconds" | sed "s/^/round=$round /" | tee -a "$log"
  run status-update status-update.json "$seconds" | sed "s/^/round=$round /" | tee -a "$log"
done
awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }; rps[f["name"]] += f["rps"]; n[f["name"]]++ }
  END { printf "RATIO status-update/speech-update rps %.2fx (mean of %d rounds)\n", (rps["status-update"] / n["status-update"]) / (rps["speech-update"] / n["speech-update"]), n["status-update"] }' "$log"
rm -f "$log"
# Handled in the background: wait (at most 120 s) until the count stops growing.
count() { sqlite3 "$data/clinic.db" 'select count(*) from call_status_events' 2>/dev/null || echo "?"; }
rows=$(count); waited=0
while [ "$waited" -lt 120 ]; do sleep 1; waited=$((waited + 1)); next=$(count); [ "$next" = "$rows" ] && break; rows=$next; done
echo "stored status events: $rows (the last counted ${waited} s after the run)"
