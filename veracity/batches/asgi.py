"""Run one batch line through the app itself, in process: the same code path as over HTTP.

The request goes through the middleware, the router and the service, so a batch line's
``response.body`` equals what the endpoint returns. The owner's key rides in the ASGI
scope's state (``veracity.batch_key``), which no HTTP client can set.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message

from veracity.batches.lines import BatchLine, error_line, failure_of, output_line
from veracity.batches.models import LineResult
from veracity.store.models import ApiKey

BATCH_KEY_STATE = "veracity.batch_key"


def _scope(url: str, length: int, key: ApiKey) -> dict[str, Any]:
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": url, "raw_path": url.encode(), "root_path": "", "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(length).encode()),
                    (b"host", b"batch.internal")],
        "client": ("127.0.0.1", 0), "server": ("batch.internal", 80), "state": {BATCH_KEY_STATE: key},
    }


async def call_app(app: ASGIApp, url: str, body: dict[str, Any], key: ApiKey) -> tuple[int, dict[str, str], bytes]:
    """POST ``body`` to ``url`` in process: (status, headers, response body)."""
    raw = json.dumps(body).encode()
    sent = False
    status, headers, chunks = 500, {}, []

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in message.get("headers", [])}
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(_scope(url, len(raw), key), receive, send)
    return status, headers, b"".join(chunks)


async def run_line(app: ASGIApp, line: BatchLine, key: ApiKey) -> LineResult:
    """One line's output line (2xx) or error line (anything else)."""
    if line.body.get("stream"):
        return error_line(line, "unsupported_parameter", "`stream` is not supported in batches: remove it")
    status, headers, raw = await call_app(app, line.url, line.body, key)
    try:
        body = json.loads(raw)
    except ValueError:
        return error_line(line, "server_error", f"the endpoint answered {status} without a JSON body")
    if 200 <= status < 300:
        return output_line(line, status, headers.get("x-request-id", ""), body)
    return failure_of(line, status, body)
