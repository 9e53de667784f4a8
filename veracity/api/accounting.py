"""Pure ASGI middleware: one usage row per authenticated call, rate-limit headers, slot release.

What counts: every ``/v1/*`` call made with a valid API key, whatever its answer (2xx, 4xx
such as 400/413/429, 5xx), is one row ``(key, endpoint, tokens, latency, status, verdict)``
written when the response starts. Batch lines are recorded as ``batch:<url>`` and MCP tool
calls as ``mcp:<tool>`` (by the tool host). Calls without a valid key (401) are not.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from veracity.api.usage import USAGE_STATE
from veracity.batches.asgi import BATCH_KEY_STATE
from veracity.errors import VeracityError
from veracity.limits.limiter import HEADERS_STATE, SLOT_STATE
from veracity.store.models import ApiKey, UsageRecord

log = logging.getLogger("veracity.api")
_ID_SEGMENT = re.compile(r"/(?:file|batch|key)_[A-Za-z0-9]+")


def endpoint_of(scope: Scope) -> str:
    """The route a call is counted under: the noted endpoint, else the path with ids replaced by ``{id}``."""
    state = scope.get("state") or {}
    noted = state.get(USAGE_STATE)
    name = noted[0] if noted else _ID_SEGMENT.sub("/{id}", scope.get("path", ""))
    return f"batch:{name}" if BATCH_KEY_STATE in state else name


class AccountingMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        started = time.perf_counter()
        recorded = False

        async def send_accounted(message: Message) -> None:
            nonlocal recorded
            if message["type"] == "http.response.start":
                extra = [(k.encode(), v.encode()) for k, v in (state.get(HEADERS_STATE) or {}).items()]
                message["headers"] = [*message.get("headers", []), *extra]
                recorded = True
                await self._record(scope, message["status"], started)
            await send(message)

        try:
            await self.app(scope, receive, send_accounted)
        finally:
            if not recorded:
                await self._record(scope, 500, started)
            slot = state.pop(SLOT_STATE, None)
            if slot is not None:
                await self._store_call(scope, "release_slot", slot)

    async def _record(self, scope: Scope, status: int, started: float) -> None:
        state = scope.get("state") or {}
        key = state.get("key")
        if not isinstance(key, ApiKey):
            return
        _, prompt, completion, verdict = state.get(USAGE_STATE) or ("", 0, 0, None)
        record = UsageRecord(key_id=key.id, endpoint=endpoint_of(scope), prompt_tokens=prompt,
                             completion_tokens=completion, latency_ms=round((time.perf_counter() - started) * 1000, 2),
                             status=status, verdict=verdict, created_at=int(time.time()))
        await self._store_call(scope, "record_usage", record)

    @staticmethod
    async def _store_call(scope: Scope, method: str, arg: Any) -> None:
        """A store write that must never turn a served answer into a failure: logged if it fails."""
        try:
            await anyio.to_thread.run_sync(getattr(scope["app"].state.store, method), arg)
        except VeracityError as exc:
            log.warning("could not %s: %s", method.replace("_", " "), exc.message)
