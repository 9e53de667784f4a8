"""Pure ASGI middleware: request ids, body size limit, JSON body checks, and a last-resort 500 guard.

It sits outside the framework so that every response, a crash's 500 included, carries
``x-request-id`` and the contract's error shape.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from veracity.api.jsonguard import check_json_body
from veracity.errors import InvalidRequest

log = logging.getLogger("veracity.api")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class BodyTooLarge(Exception):
    pass


def _error_body(status: int, message: str, type_: str, code: str) -> bytes:
    return json.dumps({"error": {"message": message, "type": type_, "param": None, "code": code}}).encode()


def _json_by_default(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """`curl -d '{...}'` labels JSON as a form; every POST body of this API is JSON
    (uploads come as multipart), so a form label is read as JSON."""
    return [(k, b"application/json") if k == b"content-type" and v.startswith(b"application/x-www-form-urlencoded")
            else (k, v) for k, v in headers]


def _is_multipart(scope: Scope) -> bool:
    return dict(scope.get("headers") or []).get(b"content-type", b"").startswith(b"multipart/")


def _is_json_write(scope: Scope) -> bool:
    kind = dict(scope.get("headers") or []).get(b"content-type", b"application/json")
    return scope["method"] in ("POST", "PUT", "PATCH") and b"json" in kind


class EdgeMiddleware:
    def __init__(self, app: ASGIApp, max_body_bytes: int, max_json_depth: int = 64) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_json_depth = max_json_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _SAFE_ID.match(incoming) else "req_" + secrets.token_hex(12)
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        scope["headers"] = _json_by_default(scope.get("headers") or [])
        length = dict(scope.get("headers") or []).get(b"content-length")
        upload = _is_multipart(scope) and scope.get("path") == "/v1/files"  # max_file_bytes applies, streamed
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes and not upload:
            await self._reply(send_with_id, 413, self._too_large(), "invalid_request_error", "request_too_large")
            return
        if (length is None and scope["method"] in ("POST", "PUT", "PATCH") and not _is_multipart(scope)) \
                or _is_json_write(scope):
            checked = await self._checked_body(scope, receive, send_with_id)
            if checked is None:
                return
            receive = checked
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:  # noqa: BLE001 - the guard of last resort
            log.exception("unhandled error (request %s)", request_id)
            if not started:
                msg = f"internal error; quote request id {request_id} when reporting it"
                await self._reply(send_with_id, 500, msg, "server_error", "internal_error")

    async def _checked_body(self, scope: Scope, receive: Receive, send: Send) -> Receive | None:
        """The body buffered (size limit, JSON checks) and replayable, or None once an error was sent."""
        try:
            replay, body = await self._buffered(receive)
            if _is_json_write(scope):
                check_json_body(body, self.max_json_depth)
            return replay
        except BodyTooLarge:
            await self._reply(send, 413, self._too_large(), "invalid_request_error", "request_too_large")
        except InvalidRequest as exc:
            await self._reply(send, 400, exc.message, exc.error_type, exc.code or "invalid_body")
        return None

    def _too_large(self) -> str:
        return f"request body over the limit of {self.max_body_bytes} bytes: send less, or raise max_body_bytes"

    async def _buffered(self, receive: Receive) -> tuple[Receive, bytes]:
        """Read the body up to the limit (a chunked one too), then replay it."""
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_body_bytes:
                raise BodyTooLarge()
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay, body

    @staticmethod
    async def _reply(send: Any, status: int, message: str, type_: str, code: str) -> None:
        body = _error_body(status, message, type_, code)
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
