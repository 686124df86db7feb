// The Vapi inspector page: vanilla JavaScript, no dependencies, nothing loaded from elsewhere.
"use strict";
(function () {
  const base = document.body.dataset.base;
  const $ = (id) => document.getElementById(id);
  const exchanges = new Map(); // id -> exchange view
  const order = []; // ids, oldest first
  const MAX = 5000;
  let selectedCall = null; // null: every exchange
  let selectedId = null;
  let filterText = "";

  // ---- helpers -------------------------------------------------------------------------------------------------
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null) continue;
        if (k === "className") node.className = v;
        else if (k === "text") node.textContent = v;
        else if (k.startsWith("data-")) node.setAttribute(k, v);
        else node[k] = v;
      }
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }
  const time = (iso) => { const d = new Date(iso); return d.toLocaleTimeString(undefined, { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0"); };
  const parse = (text) => { if (!text) return null; try { return JSON.parse(text); } catch { return null; } };
  const message = (x) => { const body = parse(x.request); return body ? (body.message || body) : null; };
  const callKey = (x) => x.callId || "(no call)";
  function outcomeLabel(x) {
    switch (x.outcome) {
      case "Replied": case "Acknowledged": return x.status < 400 ? "replied" : "failed";
      case "Inbox": return x.status < 400 ? "stored" : "failed";
      case "InboxDuplicate": return "duplicate";
      case "NoHandler": return x.status < 400 ? "fallback" : "no handler";
      case "DeadlineExceeded": return "timed out";
      case "HandlerFailed": return x.status < 400 ? "fallback" : "failed";
      case "ClientGone": return "client gone";
      default: return x.status === 401 ? "refused" : (x.status >= 400 ? "refused" : "");
    }
  }
  const outcomeClass = (label) => "outcome-" + (label === "replied" || label === "stored" ? "replied" : label === "fallback" || label === "duplicate" ? "fallback" : label === "timed out" ? "timed-out" : label ? "failed" : "none");
  // What the durable inbox did with a notification, in words; null when it had no part in the exchange.
  function inboxNote(x) {
    if (x.inboxBypassed) return "bypassed: handlers ran inline, in process (through the inbox this body is a duplicate and runs nothing)";
    if (x.outcome === "Inbox") return x.status < 400 ? "stored: its handlers run in the inbox's workers" : "not stored (the store was unavailable)";
    if (x.outcome === "InboxDuplicate") return "duplicate: the inbox already holds this message; handlers not run";
    return null;
  }
  function matches(x) {
    if (!filterText) return true;
    const hay = [x.type, x.callId, x.endpoint, x.authentication, String(x.status), x.outcome, x.request, x.reply].join("\n").toLowerCase();
    return hay.includes(filterText);
  }

  // ---- live list -----------------------------------------------------------------------------------------------
  function add(x, live) {
    if (!exchanges.has(x.id)) order.push(x.id);
    exchanges.set(x.id, x);
    while (order.length > MAX) exchanges.delete(order.shift());
    if (live) scheduleRender(x.id);
  }
  let pending = null;
  const fresh = new Set();
  function scheduleRender(id) {
    if (id !== undefined) fresh.add(id);
    if (pending) return;
    pending = requestAnimationFrame(() => { pending = null; render(); fresh.clear(); });
  }

  function latencyCell(x) {
    const cell = el("td", { className: "latency" });
    if (x.deadlineMs) {
      const ratio = x.latencyMs / x.deadlineMs;
      const bar = el("span", { className: "bar" + (ratio > 0.8 ? " late" : ratio > 0.5 ? " warn" : ""), title: `${x.latencyMs.toFixed(1)} ms of a ${(x.deadlineMs / 1000).toFixed(1)} s budget` });
      const fill = el("span");
      fill.style.width = `${Math.max(1, Math.min(100, ratio * 100)).toFixed(1)}%`; // CSSOM: allowed by the page's CSP
      bar.append(fill);
      cell.append(bar);
      cell.append(`${x.latencyMs.toFixed(1)} ms / ${(x.deadlineMs / 1000).toFixed(1)} s`);
    } else {
      cell.append(`${x.latencyMs.toFixed(1)} ms`);
    }
    return cell;
  }

  function row(x) {
    const label = outcomeLabel(x);
    const refused = x.status === 401;
    const tr = el("tr", { className: "exchange-row" + (x.id === selectedId ? " selected" : "") + (fresh.has(x.id) ? " new" : ""), "data-id": x.id, "data-type": x.type || "", "data-call": x.callId || "" },
      el("td", { text: time(x.time) }),
      el("td", { className: "endpoint", text: x.endpoint, title: x.endpoint }),
      el("td", { className: "type", text: (x.type || "—") + (x.replayOf ? ` (replay of #${x.replayOf})` : ""), title: (x.type || "") + (x.replayOf ? ` (replay of #${x.replayOf})` : "") }),
      el("td", { className: "call", text: x.callId || "—", title: x.callId || "" }),
      el("td", { className: "auth" + (refused ? " auth-refused" : ""), text: refused ? "refused" : x.authentication }),
      el("td", { className: "status status-" + String(x.status)[0], text: String(x.status) }),
      latencyCell(x),
      el("td", { className: "outcome " + outcomeClass(label), text: label }));
    tr.addEventListener("click", () => select(x.id));
    return tr;
  }

  function render() {
    const rows = $("exchange-rows");
    const visible = [];
    for (let i = order.length - 1; i >= 0; i--) {
      const x = exchanges.get(order[i]);
      if (selectedCall !== null && callKey(x) !== selectedCall) continue;
      if (!matches(x)) continue;
      visible.push(x);
    }
    rows.replaceChildren(...visible.slice(0, 1000).map(row));
    $("empty").hidden = order.length > 0;
    $("count").textContent = `${order.length} exchange${order.length === 1 ? "" : "s"}`;
    renderCalls();
    renderConversation();
  }

  function renderCalls() {
    const calls = new Map();
    for (const id of order) {
      const x = exchanges.get(id);
      const key = callKey(x);
      const c = calls.get(key) || { count: 0, last: x.time };
      c.count++; c.last = x.time; calls.set(key, c);
    }
    const list = $("call-list");
    const items = [el("li", { className: "call-item" + (selectedCall === null ? " selected" : ""), "data-call": "*", text: "All exchanges" }, el("span", { className: "n", text: String(order.length) }))];
    const sorted = [...calls.entries()].sort((a, b) => (a[1].last < b[1].last ? 1 : -1));
    for (const [key, c] of sorted) {
      items.push(el("li", { className: "call-item" + (selectedCall === key ? " selected" : ""), "data-call": key, title: key, text: key }, el("span", { className: "n", text: String(c.count) })));
    }
    for (const li of items) li.addEventListener("click", () => { selectedCall = li.dataset.call === "*" ? null : li.dataset.call; render(); });
    list.replaceChildren(...items);
  }

  // ---- per call: the conversation as bubbles -------------------------------------------------------------------
  function bubbles(x) {
    const m = message(x);
    const type = x.type || "";
    const out = [];
    const reply = parse(x.reply);
    if (type.startsWith("transcript") && m) {
      if ((m.transcriptType || "final") === "final" && m.transcript) out.push(["bubble " + (m.role === "user" ? "user" : "assistant"), m.role === "user" ? "caller" : "assistant", m.transcript]);
    } else if (type === "tool-calls" && m) {
      const results = reply && Array.isArray(reply.results) ? reply.results : [];
      for (const call of (m.toolCallList || m.toolCalls || [])) {
        const fn = call.function || {};
        const args = typeof fn.arguments === "string" ? fn.arguments : JSON.stringify(fn.arguments || {});
        const result = results.find((r) => r.toolCallId === call.id);
        const answer = result ? (result.error ? "error: " + result.error : result.result) : "(no result)";
        out.push(["bubble tool", "tool", `${fn.name}(${args}) → ${typeof answer === "string" ? answer : JSON.stringify(answer)}`]);
      }
    } else if (type === "voice-request" && m) {
      out.push(["bubble voice", "custom voice", m.text || ""]);
    } else if (type === "assistant-request") {
      out.push(["bubble event", null, "call started: assistant-request" + (m && m.customer && m.customer.number ? " from " + m.customer.number : "")]);
    } else if (type === "status-update" && m) {
      out.push(["bubble event", null, "status: " + (m.status || "?") + (m.endedReason ? " (" + m.endedReason + ")" : "")]);
    } else if (type === "end-of-call-report" && m) {
      out.push(["bubble event", null, "call ended" + (m.endedReason ? ": " + m.endedReason : "") + (m.analysis && m.analysis.summary ? "\n" + m.analysis.summary : "")]);
    } else if (type === "transfer-destination-request" || type === "handoff-destination-request" || type === "knowledge-base-request") {
      out.push(["bubble event", null, type]);
    }
    return out;
  }

  function renderConversation() {
    const header = $("call-header");
    if (selectedCall === null) { header.hidden = true; return; }
    header.hidden = false;
    $("call-title").textContent = "Call " + selectedCall;
    const nodes = [];
    for (const id of order) {
      const x = exchanges.get(id);
      if (callKey(x) !== selectedCall || x.replayOf) continue;
      for (const [cls, who, text] of bubbles(x)) {
        const b = el("div", { className: cls, "data-id": x.id }, who ? el("span", { className: "who", text: who }) : null, text);
        b.addEventListener("click", () => select(x.id));
        nodes.push(b);
      }
    }
    const conv = $("conversation");
    conv.replaceChildren(...nodes);
    conv.scrollTop = conv.scrollHeight;
  }

  // ---- one exchange --------------------------------------------------------------------------------------------
  function fact(dl, name, value) { dl.append(el("dt", { text: name }), el("dd", { text: value })); }

  async function select(id) {
    selectedId = id;
    const x = exchanges.get(id);
    if (!x) return;
    for (const tr of document.querySelectorAll("#exchange-rows tr")) tr.classList.toggle("selected", Number(tr.dataset.id) === id);
    $("detail").hidden = false;
    $("detail").dataset.id = String(id);
    $("detail-title").textContent = `#${x.id} ${x.type || "(refused)"}`;
    const dl = $("detail-facts");
    dl.replaceChildren();
    fact(dl, "Time", new Date(x.time).toISOString());
    fact(dl, "Endpoint", x.endpoint);
    fact(dl, "Call", x.callId || "—");
    fact(dl, "Authentication", x.authentication);
    fact(dl, "Status", String(x.status));
    fact(dl, "Latency", `${x.latencyMs.toFixed(2)} ms` + (x.deadlineMs ? ` of a ${(x.deadlineMs / 1000).toFixed(1)} s budget` : ""));
    fact(dl, "Outcome", outcomeLabel(x) || "—");
    if (inboxNote(x)) fact(dl, "Inbox", inboxNote(x));
    fact(dl, "Request", x.request ? `${x.requestBytes} bytes${x.requestTruncated ? " (truncated)" : ""}` : "not read");
    fact(dl, "Reply", x.audioUrl ? `${x.audioBytes} bytes of PCM at ${x.sampleRate} Hz` : x.reply ? `${x.replyBytes} bytes${x.replyTruncated ? " (truncated)" : ""}` : "—");
    if (x.replayOf) fact(dl, "Replay of", "#" + x.replayOf);
    $("request-body").textContent = x.request || "(no body: refused before it was read)";
    $("reply-body").textContent = x.audioUrl ? "(audio: see the voice reply above)" : (x.reply || "(no body)");
    $("replay").disabled = !x.canReplay;
    $("replay").title = x.canReplay ? "Send this request through the same pipeline again (in process, authentication bypassed; a notification the inbox would store runs its handlers inline)" : "Nothing to replay (no body, or a truncated one)";
    $("replay-result").hidden = true;
    const headers = $("headers");
    headers.replaceChildren(...(x.headers || []).map(([n, v]) => el("tr", null, el("td", { text: n }), el("td", { text: v }))));
    highlight();
    await showVoice(x);
  }

  async function showVoice(x) {
    const voice = $("voice");
    const player = $("player");
    if (!x.audioUrl) { voice.hidden = true; player.removeAttribute("src"); return; }
    voice.hidden = false;
    player.src = x.audioUrl;
    const canvas = $("waveform");
    canvas.dataset.drawn = "false";
    try {
      const response = await fetch(x.audioUrl, { cache: "no-store" });
      const buffer = await response.arrayBuffer();
      if (selectedId !== x.id) return;
      drawWaveform(canvas, new Int16Array(buffer.slice(44, 44 + ((buffer.byteLength - 44) & ~1))));
    } catch (e) {
      canvas.dataset.drawn = "error";
    }
  }

  function drawWaveform(canvas, samples) {
    const width = canvas.width = canvas.clientWidth || 600;
    const height = canvas.height = 80;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#101418";
    ctx.fillRect(0, 0, width, height);
    ctx.strokeStyle = "#4dabf7";
    ctx.beginPath();
    const per = Math.max(1, Math.floor(samples.length / width));
    for (let x = 0; x < width; x++) {
      let min = 0, max = 0;
      const start = x * per;
      for (let i = start; i < start + per && i < samples.length; i++) { const s = samples[i]; if (s < min) min = s; if (s > max) max = s; }
      const y1 = height / 2 - (max / 32768) * (height / 2);
      const y2 = height / 2 - (min / 32768) * (height / 2);
      ctx.moveTo(x + 0.5, y1);
      ctx.lineTo(x + 0.5, Math.max(y2, y1 + 1));
    }
    ctx.stroke();
    canvas.dataset.drawn = String(samples.length > 0);
  }

  // Search inside the request and reply: every match marked, the count shown.
  function highlight() {
    const term = $("search").value;
    let total = 0;
    for (const id of ["request-body", "reply-body", "replay-body"]) {
      const pre = $(id);
      const text = pre.textContent;
      if (!term) { pre.textContent = text; continue; }
      const lower = text.toLowerCase();
      const needle = term.toLowerCase();
      const parts = [];
      let at = 0;
      for (let i = lower.indexOf(needle); i >= 0 && parts.length < 4000; i = lower.indexOf(needle, i + needle.length)) {
        parts.push(text.slice(at, i), el("mark", { text: text.slice(i, i + needle.length) }));
        at = i + needle.length;
        total++;
      }
      parts.push(text.slice(at));
      pre.replaceChildren(...parts);
    }
    $("search-count").textContent = term ? `${total} match${total === 1 ? "" : "es"}` : "";
    const first = document.querySelector("pre.body mark");
    if (first) { first.classList.add("current"); first.scrollIntoView({ block: "nearest" }); }
  }

  async function replay() {
    const id = Number($("detail").dataset.id);
    const button = $("replay");
    button.disabled = true;
    try {
      const response = await fetch(`${base}/api/exchanges/${id}/replay`, { method: "POST", headers: { "X-Vapi-Inspector": "1" } });
      const text = await response.text();
      $("replay-result").hidden = false;
      if (!response.ok) { $("replay-status").textContent = `(${response.status})`; $("replay-body").textContent = text; return; }
      const view = JSON.parse(text);
      add(view.replay, true);
      $("replay-status").textContent = `#${view.replay.id} · ${view.replay.status} · ${outcomeLabel(view.replay)}` + (view.replay.inboxBypassed ? " · inline, inbox bypassed" : "") + ` · ${view.replay.latencyMs.toFixed(1)} ms`;
      $("replay-body").textContent = view.replay.audioUrl ? `(audio: ${view.replay.audioBytes} bytes of PCM)` : (view.replay.reply || "(no body)");
      $("replay-result").dataset.id = String(view.replay.id);
      highlight();
    } finally {
      button.disabled = false;
    }
  }

  // ---- live connection -----------------------------------------------------------------------------------------
  function connect() {
    const status = $("connection");
    const source = new EventSource(`${base}/api/events`);
    source.addEventListener("exchange", (e) => add(JSON.parse(e.data), true));
    source.addEventListener("ready", () => { status.textContent = "live"; status.className = "connection live"; document.body.dataset.ready = "true"; render(); });
    source.onerror = () => { status.textContent = "reconnecting…"; status.className = "connection down"; };
  }

  // ---- tools ---------------------------------------------------------------------------------------------------
  let tools = [];
  async function loadTools() {
    const response = await fetch(`${base}/api/tools`, { cache: "no-store" });
    tools = await response.json();
    $("no-tools").hidden = tools.length > 0;
    const items = tools.map((t) => { const li = el("li", { className: "tool-item", "data-tool": t.name, text: t.name }); li.addEventListener("click", () => showTool(t)); return li; });
    $("tool-list").replaceChildren(...items);
  }

  function field(name, schema, required) {
    // A type list such as ["string", "integer"] (numbers readable from strings): the most specific input wins.
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const type = ["boolean", "integer", "number", "string", "object", "array"].find((t) => types.includes(t));
    const label = el("label", null, el("span", { text: name + (required ? " *" : "") }));
    let input;
    if (Array.isArray(schema.enum)) {
      input = el("select", { name });
      for (const v of schema.enum) if (v !== null) input.append(el("option", { value: String(v), text: String(v) }));
    } else if (type === "boolean") {
      input = el("input", { type: "checkbox", name });
    } else if (type === "integer" || type === "number") {
      input = el("input", { type: "number", name, step: type === "integer" ? "1" : "any" });
    } else if (type === "string") {
      input = el("input", { type: "text", name });
    } else {
      input = el("textarea", { name, placeholder: "JSON" });
    }
    input.dataset.kind = type || "json";
    input.required = !!required && type !== "boolean";
    if (schema.description) label.title = schema.description;
    label.append(input);
    return label;
  }

  function showTool(tool) {
    for (const li of document.querySelectorAll("#tool-list li")) li.classList.toggle("selected", li.dataset.tool === tool.name);
    const form = $("tool-form");
    form.hidden = false;
    form.dataset.tool = tool.name;
    $("tool-name").textContent = tool.name;
    $("tool-type").textContent = "Arguments: " + tool.argumentsType;
    const fields = $("tool-fields");
    const schema = tool.schema || {};
    const props = schema.properties;
    if (props && typeof props === "object" && Object.keys(props).length > 0) {
      const required = new Set(schema.required || []);
      fields.replaceChildren(...Object.entries(props).map(([n, s]) => field(n, s || {}, required.has(n))));
      fields.dataset.mode = "fields";
    } else {
      const area = el("textarea", { name: "__json", placeholder: "{ }", value: "{}" });
      fields.replaceChildren(el("label", null, el("span", { text: "Arguments (JSON object)" }), area));
      fields.dataset.mode = "json";
    }
    $("tool-result").hidden = true;
  }

  function readArguments() {
    const fields = $("tool-fields");
    if (fields.dataset.mode === "json") return JSON.parse(fields.querySelector("textarea").value || "{}");
    const args = {};
    for (const input of fields.querySelectorAll("input, select, textarea")) {
      const kind = input.dataset.kind;
      if (kind === "boolean") { args[input.name] = input.checked; continue; }
      if (input.value === "") continue;
      if (kind === "integer" || kind === "number") args[input.name] = Number(input.value);
      else if (kind === "string" || input.tagName === "SELECT") args[input.name] = input.value;
      else args[input.name] = JSON.parse(input.value);
    }
    return args;
  }

  async function runTool(event) {
    event.preventDefault();
    const form = $("tool-form");
    const name = form.dataset.tool;
    let args;
    try { args = readArguments(); } catch (e) { $("tool-result").hidden = false; $("tool-status").textContent = "(invalid JSON)"; $("tool-reply").textContent = String(e); return; }
    $("run-tool").disabled = true;
    try {
      const callId = encodeURIComponent($("tool-call-id").value || "inspector");
      const response = await fetch(`${base}/api/tools/${encodeURIComponent(name)}?callId=${callId}`, { method: "POST", headers: { "Content-Type": "application/json", "X-Vapi-Inspector": "1" }, body: JSON.stringify(args) });
      const text = await response.text();
      $("tool-result").hidden = false;
      if (!response.ok) { $("tool-status").textContent = `(${response.status})`; $("tool-reply").textContent = text; return; }
      const view = JSON.parse(text);
      add(view, true);
      $("tool-status").textContent = `#${view.id} · ${view.status} · ${outcomeLabel(view)} · ${view.latencyMs.toFixed(1)} ms`;
      $("tool-reply").textContent = view.reply || "(no body)";
      $("tool-result").dataset.id = String(view.id);
    } finally {
      $("run-tool").disabled = false;
    }
  }

  // ---- inbox ---------------------------------------------------------------------------------------------------
  async function loadInbox() {
    const response = await fetch(`${base}/api/inbox`, { cache: "no-store" });
    if (!response.ok) { $("inbox-status").textContent = `Inbox: ${response.status}`; return; }
    const inbox = await response.json();
    $("inbox-status").textContent = `Pending ${inbox.pending} · being handled ${inbox.leased} · dead-lettered ${inbox.deadLettered} · handled ${inbox.handled}` + (inbox.oldestPendingAgeSeconds ? ` · oldest pending ${inbox.oldestPendingAgeSeconds.toFixed(1)} s` : "");
    const body = $("dead-letters").querySelector("tbody");
    body.replaceChildren(...inbox.deadLetters.map((d) => {
      const button = el("button", { type: "button", text: "Requeue" });
      button.addEventListener("click", () => requeue([d.id]));
      return el("tr", { className: "dead-letter", "data-id": d.id }, el("td", { text: d.id }), el("td", { text: d.type }), el("td", { text: d.callId || "—" }), el("td", { text: String(d.attempts) }), el("td", { text: d.lastError || "" }), el("td", null, button));
    }));
  }

  async function requeue(ids) {
    await fetch(`${base}/api/inbox/requeue`, { method: "POST", headers: { "Content-Type": "application/json", "X-Vapi-Inspector": "1" }, body: JSON.stringify(ids) });
    await loadInbox();
  }

  // While the inbox view is open it refreshes itself every second.
  let inboxTimer = null;
  function watchInbox(on) {
    if (inboxTimer) { clearInterval(inboxTimer); inboxTimer = null; }
    if (on) inboxTimer = setInterval(() => { loadInbox().catch(() => {}); }, 1000);
  }

  // ---- start ---------------------------------------------------------------------------------------------------
  function showTab(name) {
    for (const b of document.querySelectorAll("button.tab")) b.classList.toggle("active", b.dataset.tab === name);
    $("exchanges-view").hidden = name !== "exchanges";
    $("tools-view").hidden = name !== "tools";
    $("inbox-view").hidden = name !== "inbox";
    if (name === "tools") loadTools();
    if (name === "inbox") loadInbox();
    watchInbox(name === "inbox");
  }

  for (const b of document.querySelectorAll("button.tab")) b.addEventListener("click", () => showTab(b.dataset.tab));
  $("filter").addEventListener("input", (e) => { filterText = e.target.value.trim().toLowerCase(); render(); });
  $("search").addEventListener("input", highlight);
  $("replay").addEventListener("click", replay);
  $("close-detail").addEventListener("click", () => { $("detail").hidden = true; selectedId = null; render(); });
  $("tool-form").addEventListener("submit", runTool);
  $("requeue-all").addEventListener("click", () => requeue(null));
  fetch(`${base}/api/info`, { cache: "no-store" }).then((r) => r.json()).then((info) => { $("inbox-tab").hidden = !info.inbox; }).catch(() => {});
  connect();
  render();
})();
