"""The upstream OpenAI-compatible LLM that the chat proxy forwards to (async httpx).

Failures become :class:`veracity.llm.LLMCallError` and then the contract's errors through
:func:`veracity.llm.errors.to_upstream_error` (401/403 → 502, 429 → 429 with its
Retry-After, 400 → 400, timeouts → 504, anything else → 502).
"""

from __future__ import annotations

import time
from typing import Any

import httpx

from veracity.errors import VeracityError
from veracity.llm.client import LLMCallError, status_error, transport_error
from veracity.llm.errors import to_upstream_error


def _transport(exc: httpx.TransportError, url: str, timeout: float) -> VeracityError:
    return to_upstream_error(transport_error(exc, url, timeout))


def _status(resp: httpx.Response, url: str) -> VeracityError:
    return to_upstream_error(status_error(resp, url))


class Upstream:
    def __init__(self, base_url: str, api_key: str | None, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = httpx.AsyncClient(base_url=self.base_url, headers=headers,
                                        timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)))
        self._models: tuple[float, list[dict[str, Any]]] | None = None

    async def complete(self, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            resp = await self.client.post("/chat/completions", json=payload)
        except httpx.TransportError as exc:
            raise _transport(exc, self.base_url, self.timeout) from exc
        if resp.status_code != 200:
            raise _status(resp, self.base_url)
        try:
            data = resp.json()
            data["choices"][0]["message"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise to_upstream_error(LLMCallError("protocol", f"not a chat completion ({exc})", url=self.base_url)) from exc
        return dict(data)

    async def open_stream(self, payload: dict[str, Any]) -> httpx.Response:
        """Send a streaming request; the caller reads and closes the response."""
        request = self.client.build_request("POST", "/chat/completions", json=payload)
        try:
            resp = await self.client.send(request, stream=True)
        except httpx.TransportError as exc:
            raise _transport(exc, self.base_url, self.timeout) from exc
        if resp.status_code != 200:
            await resp.aread()
            await resp.aclose()
            raise _status(resp, self.base_url)
        return resp

    async def models(self, ttl: float = 60.0) -> list[dict[str, Any]]:
        """The upstream's models (cached for ``ttl`` seconds); empty if it cannot be reached."""
        if self._models and time.monotonic() - self._models[0] < ttl:
            return self._models[1]
        try:
            resp = await self.client.get("/models")
            data = resp.json().get("data", []) if resp.status_code == 200 else []
        except (httpx.HTTPError, ValueError, AttributeError):
            data = []
        models = [m for m in data if isinstance(m, dict) and isinstance(m.get("id"), str)]
        self._models = (time.monotonic(), models)
        return models

    async def aclose(self) -> None:
        await self.client.aclose()
