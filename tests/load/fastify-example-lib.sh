# Sourced by fastify-example.sh and cold-start.sh: Vapi's official example server (VapiAI/example-webhook-handler,
# Fastify 5), fetched and installed outside the repository; nothing of it is committed.
#
# prepare_fastify_example DEST   puts a runnable copy in DEST, dependencies installed with npm ci:
#   - from EXAMPLE_DIR when set (a checkout, or a bare clone: its HEAD is exported), else
#   - from a shallow git clone of https://github.com/VapiAI/example-webhook-handler, or fails saying what to set.
#   DEST/src/index.js is the example as shipped (pino-pretty logging of every request and reply);
#   DEST/src/index.quiet.js is the same file with its logger off (Fastify({ logger: false })).
# Run it with: (cd DEST && PORT=<port> VAPI_SECRET=<secret> ENABLE_NGROK=false node src/index.js)
# Tool route: POST /story-tool with header x-vapi-secret; it answers results[0].toolCallId from message.toolCalls[0].id.

fastify_example_url=https://github.com/VapiAI/example-webhook-handler

prepare_fastify_example() {
  local dest=$1
  command -v node >/dev/null && command -v npm >/dev/null \
    || { echo "the Fastify example needs node (20 or later) and npm" >&2; return 2; }
  rm -rf "$dest"
  mkdir -p "$dest"
  if [ -n "${EXAMPLE_DIR:-}" ]; then
    if [ -f "$EXAMPLE_DIR/src/index.js" ]; then
      (cd "$EXAMPLE_DIR" && tar --exclude=./node_modules --exclude=./.git -cf - .) | tar -xf - -C "$dest"
    elif git -C "$EXAMPLE_DIR" rev-parse --verify -q HEAD >/dev/null 2>&1; then
      git -C "$EXAMPLE_DIR" archive HEAD | tar -xf - -C "$dest"
    else
      echo "EXAMPLE_DIR=$EXAMPLE_DIR is neither a checkout of $fastify_example_url (no src/index.js) nor a git repository of it" >&2
      return 2
    fi
  elif ! git clone -q --depth 1 "$fastify_example_url" "$dest" 2>/dev/null; then
    echo "could not clone $fastify_example_url (no network to GitHub?)." >&2
    echo "Clone it where you can and pass it: EXAMPLE_DIR=<path to the checkout> $0 ..." >&2
    return 2
  fi
  [ -f "$dest/src/routes/story-tool.js" ] || { echo "the example has no src/routes/story-tool.js: not VapiAI/example-webhook-handler, or it changed" >&2; return 2; }
  echo "installing the Fastify example's dependencies (npm ci)..." >&2
  (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error >"$dest/npm.log" 2>&1) \
    || { cat "$dest/npm.log" >&2; echo "npm ci failed in $dest" >&2; return 1; }
  # Its logging is configured in code (pino-pretty, with every reply's body): the quiet variant turns it off.
  sed 's/logger: loggerConfig/logger: false/' "$dest/src/index.js" >"$dest/src/index.quiet.js"
  grep -q 'logger: false' "$dest/src/index.quiet.js" \
    || { echo "the example's src/index.js no longer has 'logger: loggerConfig': update the quiet variant here" >&2; return 1; }
}

# A free loopback port (the OS picks it, the socket is closed at once).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
