"""The upstream OpenAI-compatible LLM that the chat proxy forwards to (async httpx).

Failures map onto the error hierarchy: the upstream refusing Veracity's credentials
(401/403) → 502 with a hint; 429 → 429 with its Retry-After; 400 → 400 with the
upstream's message; timeouts → 504; anything else (5xx, refused connection, a body
that is not JSON) → 502.
"""

from __future__ import annotations

import time
from typing import Any

import httpx

from veracity.errors import InvalidRequest, RateLimited, UpstreamError, UpstreamTimeout, VeracityError


def _message(resp: httpx.Response) -> str:
    try:
        err = resp.json().get("error")
        if isinstance(err, dict) and isinstance(err.get("message"), str):
            return str(err["message"])
    except (ValueError, AttributeError):
        pass
    return resp.text[:300] or resp.reason_phrase


def status_error(resp: httpx.Response) -> VeracityError:
    status, detail = resp.status_code, _message(resp)
    if status in (401, 403):
        return UpstreamError(f"the upstream LLM refused Veracity's credentials ({status}: {detail}); "
                             "check upstream_api_key")
    if status == 429:
        retry = resp.headers.get("retry-after", "1")
        return RateLimited(f"the upstream LLM is rate limiting: {detail}",
                           retry_after=float(retry) if retry.replace(".", "", 1).isdigit() else 1.0)
    if status in (400, 404, 422):
        return InvalidRequest(f"the upstream LLM rejected the request: {detail}", code="upstream_rejected")
    return UpstreamError(f"the upstream LLM failed ({status}): {detail}")


def transport_error(exc: httpx.HTTPError, url: str) -> VeracityError:
    if isinstance(exc, httpx.TimeoutException):
        return UpstreamTimeout(f"the upstream LLM at {url} did not answer in time; raise upstream_timeout or retry")
    return UpstreamError(f"cannot reach the upstream LLM at {url}: {exc.__class__.__name__}; check upstream_base_url")


class Upstream:
    def __init__(self, base_url: str, api_key: str | None, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = httpx.AsyncClient(base_url=self.base_url, headers=headers,
                                        timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)))
        self._models: tuple[float, list[dict[str, Any]]] | None = None

    async def complete(self, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            resp = await self.client.post("/chat/completions", json=payload)
        except httpx.HTTPError as exc:
            raise transport_error(exc, self.base_url) from exc
        if resp.status_code != 200:
            raise status_error(resp)
        try:
            data = resp.json()
            data["choices"][0]["message"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise UpstreamError(f"the upstream LLM answered something that is not a chat completion: {exc}") from exc
        return dict(data)

    async def open_stream(self, payload: dict[str, Any]) -> httpx.Response:
        """Send a streaming request; the caller reads and closes the response."""
        request = self.client.build_request("POST", "/chat/completions", json=payload)
        try:
            resp = await self.client.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise transport_error(exc, self.base_url) from exc
        if resp.status_code != 200:
            await resp.aread()
            await resp.aclose()
            raise status_error(resp)
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
