#!/usr/bin/env bash
# CI check of the sample host as Native AOT: publish it (no trim/AOT warning allowed: warnings are errors), start
# it with its full configuration and send it one request of each kind Vapi sends (the simulator's whole call runs
# against the JIT host in tests/VapiWebhooks.SampleHost.Tests). Only ever targets 127.0.0.1.
# Usage: tests/load/aot-smoke.sh   (AOT_DIR=<folder> checks an earlier publish instead of publishing again)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${PORT:-5095}
token=aot-smoke-token-7d3c9e1a5b-0f2e4d6c8b
work=$(mktemp -d)
host=""
cleanup() { if [ -n "$host" ]; then kill "$host" 2>/dev/null; wait "$host" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

if [ -n "${AOT_DIR:-}" ]; then
  ln -s "$(realpath "$AOT_DIR")" "$work/aot"
else
  echo "publishing the sample host with Native AOT..."
  if ! dotnet publish samples/VapiWebhooks.SampleHost -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" \
       --artifacts-path "$work/artifacts" -v q -nologo >"$work/publish.log" 2>&1; then
    cat "$work/publish.log"; echo "AOT publish failed"; exit 1
  fi
  if grep -E "warning (IL|NETSDK)" "$work/publish.log"; then echo "trim/AOT warnings (above)"; exit 1; fi
fi
ls -l "$work/aot/VapiWebhooks.SampleHost"

ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Vapi__Webhooks__Authentication__Bearer__Tokens__0=$token \
  Sample__DataDirectory="$work/data" "$work/aot/VapiWebhooks.SampleHost" >"$work/host.log" 2>&1 &
host=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done

failures=0
post() { # file path -> writes the reply to $work/reply, echoes the status
  curl -s -o "$work/reply" -w '%{http_code}' -X POST "http://127.0.0.1:$port$2" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $token" --data-binary "@$1"
}
expect() { # kind path marker (a string the reply must contain; empty: any 200)
  local file=tests/load/sample/$1.json status
  if [ "$1" = tool-calls ]; then # a day the clinic is open, never in the past
    sed "s/DATE/$(date -u -d 'next tuesday' +%F)/" "$file" >"$work/tool-calls.json"; file=$work/tool-calls.json
  fi
  status=$(post "$file" "$2")
  if [ "$status" = 200 ] && { [ -z "$3" ] || grep -q -- "$3" "$work/reply"; }; then
    echo "ok   $1 -> $status ($(wc -c <"$work/reply") bytes)"
  else
    echo "FAIL $1 -> $status, expected 200 with '$3': $(head -c 300 "$work/reply")"; failures=$((failures + 1))
  fi
}
expect assistant-request /vapi/webhook '"assistant"'
expect tool-calls /vapi/webhook 'Free slots on'
expect knowledge-base-request /vapi/webhook '"documents"'
expect call.endpointing.request /vapi/webhook '"timeoutSeconds"'
expect transfer-destination-request /vapi/webhook '"'   # the front desk or a spoken refusal, by the clinic's hours
expect status-update /vapi/webhook ''
expect speech-update /vapi/webhook ''
expect end-of-call-report /vapi/webhook ''
expect voice-request /vapi/voice ''
if [ "$(wc -c <"$work/reply")" -lt 1000 ]; then echo "FAIL voice-request: only $(wc -c <"$work/reply") bytes of audio"; failures=$((failures + 1)); fi
unsigned=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/vapi/webhook" -H 'Content-Type: application/json' --data-binary @tests/load/sample/status-update.json)
if [ "$unsigned" = 401 ]; then echo "ok   unsigned -> 401"; else echo "FAIL unsigned -> $unsigned"; failures=$((failures + 1)); fi
if grep -E '^\[[0-9:]+ (ERR|FTL)\]' "$work/host.log"; then echo "FAIL: errors in the host's log (above)"; failures=$((failures + 1)); fi
if [ "$failures" -ne 0 ]; then echo "--- host log"; cat "$work/host.log"; echo "AOT check: $failures failure(s)"; exit 1; fi
echo "AOT check: every kind answered"
