#!/usr/bin/env bash
# Inbox benchmark on loopback: acknowledged end-of-call-reports per second and p99 for a real ~10 KB body, with no
# inbox (handled inline), the SQLite inbox (a file) and the PostgreSQL inbox (a throwaway server on this machine,
# started here as the postgres user on a free port, fsync on, and deleted at the end), in the same run.
# Usage: tests/load/run-inbox-wrk.sh [seconds per run (default 10)] [connections list (default "8 32")]
# ROUNDS (default 3) interleaved rounds per connection count; WARMUP (default 5) seconds per host first.
# While wrk runs, GET /inbox (IVapiInbox status: pending, handled, dead-lettered) is sampled every second; after
# each inbox run the script waits (at most DRAIN_MAX, default 120 s) until nothing is pending, and reports how long.
# Per run it also prints the host's CPU time per acknowledged message (handling and drain included) and, with an
# inbox, the group commits and the writes (appends and outcomes) each carried, from the library's meter.
# MODES (default "none sqlite postgres") picks the hosts.
# Needs wrk and Debian's postgresql package. Only ever targets 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-"8 32"}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")
[ -x "$pg_bin/pg_ctl" ] || { echo "PostgreSQL is missing: apt-get install postgresql"; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

work=$(mktemp -d /tmp/vapi-inbox-bench-XXXXXX)
chmod 755 "$work"
pids=()
pg_started=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$pg_started" ] && as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release tests/VapiWebhooks.BenchHost -v q -nologo >/dev/null

# PostgreSQL refuses to run as root: initdb and the server run as the postgres user, in the temporary folder.
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$work/pg"
as_postgres "$pg_bin/initdb" -D "$work/pg" -A trust -U postgres -E UTF8 >/dev/null
pg_port=$(free_port)
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -w -t 60 -l "$work/pg/server.log" \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on -c synchronous_commit=on" start >/dev/null
pg_started=1
as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc 'CREATE DATABASE bench' >/dev/null
echo "postgres: $("$pg_bin/postgres" --version) on 127.0.0.1:$pg_port (fsync=on, synchronous_commit=on)"

declare -A port
gc_server=${GC_SERVER:-1}
start_host() { # mode db
  local p; p=$(free_port)
  port[$1]=$p
  DOTNET_gcServer=$gc_server DOTNET_GCDynamicAdaptationMode=0 dotnet tests/VapiWebhooks.BenchHost/bin/Release/net10.0/VapiWebhooks.BenchHost.dll \
    --urls "http://127.0.0.1:$p" --inbox "$1" --inbox-db "$2" >"$work/host-$1.log" 2>&1 &
  pids+=($!)
}
modes=${MODES:-"none sqlite postgres"}
for mode in $modes; do
  case $mode in
    none) start_host none "" ;;
    sqlite) start_host sqlite "$work/inbox.db" ;;
    postgres) start_host postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=bench;Pooling=true;Maximum Pool Size=50" ;;
    *) echo "unknown mode $mode"; exit 2 ;;
  esac
done
body=tests/VapiWebhooks.Tests/Fixtures/end-of-call-report/end-of-call-report__vapi4k__1.json
for mode in $modes; do
  ready=""
  for _ in $(seq 1 150); do
    if reply=$(curl -sf -H 'Content-Type: application/json' -H 'Authorization: Bearer bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83' --data-binary "@$body" "http://127.0.0.1:${port[$mode]}/vapi/webhook"); then
      ready=1; break
    fi
    sleep 0.2
  done
  [ -n "$ready" ] || { echo "the $mode host did not answer:"; cat "$work/host-$mode.log"; exit 1; }
  [ "$reply" = "{}" ] || { echo "the $mode host answered $reply, not {}"; exit 1; }
done
echo "body: $(wc -c <"$body") bytes, a different call id per request; hosts answer {}"

inbox() { curl -s "http://127.0.0.1:${port[$1]}/inbox"; }
drain() { # mode -> seconds until nothing is pending
  local start=$SECONDS pending
  while :; do
    read -r pending _ _ <<<"$(inbox "$1")"
    [ "$pending" = 0 ] && break
    [ $((SECONDS - start)) -ge "${DRAIN_MAX:-120}" ] && { echo "DRAIN_TIMEOUT"; return; }
    sleep 0.5
  done
  echo $((SECONDS - start))
}
# Each wrk run gets its own id (milliseconds since the epoch, mod 2^32; runs are seconds apart), so no body repeats
# across runs either: measure runs in a pipeline (a subshell), where a counter would not carry over.
new_run_id() { echo $(( $(date +%s%3N) % 4294967296 )); }
measure() { # mode connections seconds
  local mode=$1 c=$2 d=$3 result samples max_depth depth_end handled0 handled1 pending drained run_id
  run_id=$(new_run_id)
  read -r _ handled0 _ commits0 writes0 <<<"$(inbox "$mode")"
  read -r _ _ _ _ _ cpu0 <<<"$(curl -s "http://127.0.0.1:${port[$mode]}/stats")"
  # Queue depth every second while wrk runs.
  ( for _ in $(seq 1 $((d + 2))); do sleep 1; inbox "$mode"; echo; done ) >"$work/depth" 2>/dev/null &
  local sampler=$!
  result=$(RUN=$run_id NAME=$mode TARGET_PATH=/vapi/webhook wrk -t2 -c"$c" -d"${d}s" --latency -s tests/load/end-of-call-report.lua "http://127.0.0.1:${port[$mode]}" | grep RESULT)
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  read -r pending _ _ <<<"$(inbox "$mode")"
  drained=$(drain "$mode")
  read -r _ handled1 _ commits1 writes1 <<<"$(inbox "$mode")"
  read -r _ _ _ _ _ cpu1 <<<"$(curl -s "http://127.0.0.1:${port[$mode]}/stats")"
  local requests commits cpu_per writes_per
  requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
  commits=$((commits1 - commits0))
  # Process CPU per acknowledged message, handling and the drain included (the host's own counter, in µs).
  cpu_per=$(( (cpu1 - cpu0) / (requests > 0 ? requests : 1) ))
  writes_per=$(awk -v w=$((writes1 - writes0)) -v c=$commits 'BEGIN { printf "%.1f", c ? w / c : 0 }')
  max_depth=$(awk 'NF { if ($1 > m) m = $1 } END { print m + 0 }' "$work/depth")
  samples=$(awk 'NF { printf "%s%s", sep, $1; sep = "," }' "$work/depth")
  # handled: messages handled during the run and the drain (with an inbox: the inbox's count; equals requests when no
  # body repeated and nothing was dead-lettered).
  echo "connections=$c mode=$mode $result depth_max=$max_depth depth_at_end=$pending drain_s=$drained handled=$((handled1 - handled0)) cpu_us_per_msg=$cpu_per commits=$commits writes_per_commit=$writes_per depth_samples=$samples"
}
rounds=${ROUNDS:-3}
log="$work/results"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for c in $connections; do
  for mode in $modes; do
    RUN=$(new_run_id) TARGET_PATH=/vapi/webhook wrk -t2 -c"$c" -d"${WARMUP:-5}s" -s tests/load/end-of-call-report.lua "http://127.0.0.1:${port[$mode]}" >/dev/null
    drain "$mode" >/dev/null
  done
  for round in $(seq 1 "$rounds"); do
    for mode in $modes; do
      measure "$mode" "$c" "$seconds" | sed "s/^/round=$round /" | tee -a "$log"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
  function median(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }; return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }; k = f["connections"] SUBSEP f["mode"]; rps[k] = rps[k] " " f["rps"]; p99[k] = p99[k] " " f["p99_ms"]; depth[k] = depth[k] " " f["depth_max"]; cs[f["connections"]] = 1 }
  END {
    for (c in cs) {
      n = c SUBSEP "none"; s = c SUBSEP "sqlite"; p = c SUBSEP "postgres"
      printf "MEDIAN connections=%s none rps=%d p99=%.2f | sqlite rps=%d p99=%.2f depth_max=%d | postgres rps=%d p99=%.2f depth_max=%d | sqlite/none %.2fx postgres/none %.2fx\n", c,
        median(rps[n]), median(p99[n]), median(rps[s]), median(p99[s]), median(depth[s]), median(rps[p]), median(p99[p]), median(depth[p]),
        median(rps[s]) / median(rps[n]), median(rps[p]) / median(rps[n])
    }
  }' "$log"

