#!/usr/bin/env python3
"""Regenerate vapi-server-messages.schema.json from a Vapi OpenAPI document.

Usage:
    python3 schemas/refresh.py PATH/TO/openapi.json [OUTPUT]

PATH/TO/openapi.json is either Vapi's full API spec (VapiAI/docs, fern/apis/api/openapi.json)
or an extract holding only components.schemas. OUTPUT defaults to
vapi-server-messages.schema.json beside this script.

What it does, and nothing more:
  * takes `ServerMessage`, every `ServerMessage*` schema (which includes every
    `ServerMessageResponse*` schema), every `ClientInboundMessage*` schema (the live-call control
    commands) and the transitive closure of the schemas they reference;
  * rewrites every reference `#/components/schemas/X` (in `$ref` and in OpenAPI
    `discriminator.mapping` values) to `#/definitions/X`, so that NJsonSchema can resolve it
    (11.6.2 still leaves `#/components/schemas/...` unresolved);
  * writes `{"$schema": draft-04, "definitions": {...}}` with sorted keys and a 2-space indent,
    so the output depends only on the input.
Schema content is never edited otherwise. Python 3 standard library only.

After a refresh, regenerate the typed assistant that is built from this file:
    dotnet run --project tools/VapiWebhooks.ModelGenerator
"""

import json
import os
import re
import sys

OPENAPI_PREFIX = "#/components/schemas/"
DEFINITIONS_PREFIX = "#/definitions/"
DRAFT_04 = "http://json-schema.org/draft-04/schema#"
REF_PATTERN = re.compile(r"^#/components/schemas/(.+)$")


def referenced_names(node):
    """Yield the component names referenced anywhere below node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                match = REF_PATTERN.match(value)
                if match:
                    yield match.group(1)
                elif value.startswith("#"):
                    raise SystemExit(f"unsupported local reference: {value}")
            elif key == "mapping" and isinstance(value, dict):
                for target in value.values():
                    if isinstance(target, str):
                        match = REF_PATTERN.match(target)
                        if match:
                            yield match.group(1)
            else:
                yield from referenced_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from referenced_names(item)


def all_refs(node):
    """Yield every $ref and discriminator mapping target below node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            elif key == "mapping" and isinstance(value, dict):
                yield from (target for target in value.values() if isinstance(target, str))
            else:
                yield from all_refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_refs(item)


def rewrite_refs(node):
    """Return a copy of node with every #/components/schemas/X reference pointing at #/definitions/X."""
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(OPENAPI_PREFIX):
                result[key] = DEFINITIONS_PREFIX + value[len(OPENAPI_PREFIX):]
            elif key == "mapping" and isinstance(value, dict):
                result[key] = {
                    k: (DEFINITIONS_PREFIX + v[len(OPENAPI_PREFIX):]
                        if isinstance(v, str) and v.startswith(OPENAPI_PREFIX) else rewrite_refs(v))
                    for k, v in value.items()
                }
            else:
                result[key] = rewrite_refs(value)
        return result
    if isinstance(node, list):
        return [rewrite_refs(item) for item in node]
    return node


def extract(openapi):
    try:
        schemas = openapi["components"]["schemas"]
    except (KeyError, TypeError):
        raise SystemExit("input has no components.schemas: is it a Vapi openapi.json?")
    # ServerMessage*: what Vapi posts and reads back. ClientInboundMessage*: the live-call control commands a
    # server posts to call.monitor.controlUrl.
    roots = sorted(name for name in schemas if name.startswith(("ServerMessage", "ClientInboundMessage")))
    if "ServerMessage" not in roots:
        raise SystemExit("input has no ServerMessage schema")
    selected = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in selected:
            continue
        if name not in schemas:
            raise SystemExit(f"dangling reference: #/components/schemas/{name}")
        selected.add(name)
        pending.extend(n for n in referenced_names(schemas[name]) if n not in selected)
    definitions = {name: rewrite_refs(schemas[name]) for name in sorted(selected)}
    return {"$schema": DRAFT_04, "definitions": definitions}


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    source = argv[1]
    output = argv[2] if len(argv) == 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "vapi-server-messages.schema.json")
    with open(source, encoding="utf-8") as handle:
        openapi = json.load(handle)
    document = extract(openapi)
    if any(ref.startswith(OPENAPI_PREFIX) for ref in all_refs(document)):
        raise SystemExit("a #/components/schemas/ reference survived the rewrite")
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    with open(output, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"wrote {len(document['definitions'])} definitions to {output}")
    print("next: dotnet run --project tools/VapiWebhooks.ModelGenerator (regenerates src/VapiWebhooks/Models/Generated)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
