#!/usr/bin/env bash
# Cold start of the sample host: from process start to the first answered assistant-request (200 with an
# assistant), for a Native AOT build and for JIT builds with the settings that matter at start-up.
# Usage: tests/load/cold-start.sh [runs per variant (default 5)]   (VARIANTS="aot r2r" to pick some)
# Each run: a fresh data folder, the sample's full configuration (Production, a configured bearer token, Serilog
# console at Information, espeak-ng looked up), one process started and polled on loopback every millisecond.
# Prints the median and the spread per variant, and the resident memory after the first answer.
# Variant fastify-example: Vapi's official example server (VapiAI/example-webhook-handler, Fastify 5, logging as
# shipped), fetched and installed by fastify-example-lib.sh (EXAMPLE_DIR=<checkout> where GitHub is unreachable; node
# and npm); its first answered request is the same assistant-request posted to its POST /messages (200, success).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/load/fastify-example-lib.sh
runs=${1:-5}
port=${PORT:-$(free_port)}
token=cold-start-token-5a1f9c3e7b2d8046
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project=samples/VapiWebhooks.SampleHost
publish() { # name, extra publish arguments...
  local name=$1; shift
  dotnet publish "$project" -c Release -o "$work/$name" --artifacts-path "$work/artifacts-$name" -v q -nologo "$@" >"$work/publish-$name.log" 2>&1 \
    || { cat "$work/publish-$name.log"; exit 1; }
}

# name | publish flavour | environment for the process
all_variants=(
  "aot|aot|"
  "jit|jit|"
  "jit-tieredpgo-off|jit|DOTNET_TieredPGO=0"
  "jit-tc-off|jit|DOTNET_TieredCompilation=0"
  "r2r|r2r|"
  "r2r-tieredpgo-off|r2r|DOTNET_TieredPGO=0"
  "fastify-example|fastify|"
)
selected=${VARIANTS:-"aot jit jit-tieredpgo-off jit-tc-off r2r r2r-tieredpgo-off fastify-example"}

declare -A built=()
for entry in "${all_variants[@]}"; do
  IFS='|' read -r name flavour _ <<<"$entry"
  [[ " $selected " == *" $name "* ]] || continue
  [ -n "${built[$flavour]:-}" ] && continue
  # AOT_DIR / JIT_DIR / R2R_DIR: reuse an earlier publish of that flavour (its output folder).
  reuse_var=$(tr '[:lower:]' '[:upper:]' <<<"$flavour")_DIR
  if [ -n "${!reuse_var:-}" ]; then ln -s "$(realpath "${!reuse_var}")" "$work/$flavour"; built[$flavour]=1; continue; fi
  echo "preparing $flavour..." >&2
  case $flavour in
    fastify) prepare_fastify_example "$work/fastify" ;;
    aot) publish aot -r linux-x64 -p:PublishAot=true ;;
    jit) publish jit ;;
    r2r) publish r2r -r linux-x64 --self-contained false -p:PublishReadyToRun=true ;;
  esac
  built[$flavour]=1
done

for entry in "${all_variants[@]}"; do
  IFS='|' read -r name flavour environment <<<"$entry"
  [[ " $selected " == *" $name "* ]] || continue
  command="$work/$flavour/VapiWebhooks.SampleHost"
  [ "$flavour" = fastify ] && command="node src/index.js"
  python3 - "$name" "$command" "$port" "$runs" "$work" "$token" "$environment" "$flavour" <<'PY'
import os, socket, statistics, subprocess, sys, tempfile, time
name, command, port, runs, work, token, extra, flavour = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7], sys.argv[8]
fastify = flavour == "fastify"
body = open("tests/load/sample/assistant-request.json", "rb").read()
# The example has no assistant-request handling: its /messages answers any message 200 {"success":true,...}.
path, auth, expected = (b"/messages", b"x-vapi-secret: " + token.encode(), b'"success":true') if fastify else (b"/vapi/webhook", b"Authorization: Bearer " + token.encode(), b'"assistant"')
request = (b"POST " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           + auth + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
times, rss = [], []
for run in range(runs):
    data = tempfile.mkdtemp(dir=work)
    if fastify:
        env = dict(os.environ, PORT=str(port), VAPI_SECRET=token, ENABLE_NGROK="false")
        argv, cwd = command.split(" "), os.path.join(work, "fastify")
    else:
        env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", ASPNETCORE_URLS=f"http://127.0.0.1:{port}",
                   Vapi__Webhooks__Authentication__Bearer__Tokens__0=token, Sample__DataDirectory=data,
                   Sample__PublicBaseUrl="https://clinic.example.com")
        argv, cwd = [command], os.path.dirname(command)
    for pair in filter(None, extra.split(" ")):
        key, value = pair.split("=", 1)
        env[key] = value
    log = open(os.path.join(data, "host.log"), "wb")
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=cwd)
    answer = b""
    try:
        while time.perf_counter() - started < 30:
            try:
                connection = socket.create_connection(("127.0.0.1", port), timeout=10)
            except OSError:
                time.sleep(0.001)
                continue
            with connection:
                connection.sendall(request)
                chunks = []
                while (chunk := connection.recv(65536)):
                    chunks.append(chunk)
                answer = b"".join(chunks)
            break
        elapsed = (time.perf_counter() - started) * 1000
        if not answer.startswith(b"HTTP/1.1 200") or expected not in answer:
            sys.exit(f"{name}: not the expected first answer ({expected!r}): {answer[:300]!r}; see {data}/host.log")
        with open(f"/proc/{process.pid}/status") as status:
            rss.append(next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024)
        times.append(elapsed)
    finally:
        process.kill()
        process.wait()
        log.close()
times.sort()
print(f"COLDSTART variant={name} median_ms={statistics.median(times):.0f} min_ms={times[0]:.0f} max_ms={times[-1]:.0f} rss_mb={statistics.median(rss):.0f} runs={runs}", flush=True)
PY
done
