"""A small synchronous client for OpenAI-compatible chat completion endpoints.

``ChatClient.complete`` POSTs ``{base_url}/chat/completions`` and returns a
:class:`ChatResult`. Transient failures (HTTP 429, 5xx, refused or reset connections)
are retried with exponential back-off, honouring ``Retry-After``; other 4xx answers and
timeouts are not retried. Every failure is raised as one neutral :class:`LLMCallError`,
which callers translate with :func:`to_judge_error` (the LLM judge) or
:func:`to_upstream_error` (the chat proxy)::

    LLMCallError.kind   "timeout"  no answer within the timeout
                        "connect"  refused / reset connection (after retries)
                        "status"   a non-2xx answer (``status`` set; after retries for 429/5xx)
                        "protocol" a 2xx answer that is not a chat completion
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Self

import httpx

ErrorKind = Literal["timeout", "connect", "status", "protocol"]
Message = Mapping[str, Any]
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class LLMCallError(Exception):
    """A failed chat completion call; ``detail`` is the endpoint's own error message, if any."""

    def __init__(self, kind: ErrorKind, message: str, *, status: int | None = None,
                 retry_after: float | None = None, detail: str | None = None, url: str = "") -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.message = message
        self.status = status
        self.retry_after = retry_after
        self.detail = detail
        self.url = url


@dataclass(frozen=True)
class ChatResult:
    content: str
    prompt_tokens: int
    completion_tokens: int
    raw: dict[str, Any] = field(repr=False)


@dataclass(frozen=True)
class Backoff:
    """Delay before retry ``attempt`` (0-based): ``base * 2**attempt`` or ``Retry-After``, capped at ``cap``."""

    base: float = 0.5
    cap: float = 4.0

    def __call__(self, attempt: int, retry_after: float | None) -> float:
        wanted = retry_after if retry_after is not None else self.base * (2 ** attempt)
        return max(0.0, min(self.cap, wanted))


class ChatClient:
    """Sync client of ``POST {base_url}/chat/completions``; thread-safe (one shared connection pool)."""

    def __init__(self, base_url: str, api_key: str | None = None, timeout: float = 60.0, max_retries: int = 2, *,
                 backoff: Callable[[int, float | None], float] | None = None,
                 sleep: Callable[[float], None] = time.sleep, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff or Backoff()
        self.sleep = sleep
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        self._http = httpx.Client(timeout=httpx.Timeout(timeout), headers=headers, transport=transport)

    @property
    def url(self) -> str:
        return f"{self.base_url}/chat/completions"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def complete(self, messages: Sequence[Message], model: str, **params: Any) -> ChatResult:
        """One chat completion (``stream`` is not supported here); raises :class:`LLMCallError`."""
        body = {"model": model, "messages": list(messages), **params, "stream": False}
        attempt = 0
        while True:
            try:
                return _parse(self._post(body), self.url)
            except LLMCallError as exc:
                if not _retryable(exc) or attempt >= self.max_retries:
                    raise
                self.sleep(self.backoff(attempt, exc.retry_after))
                attempt += 1

    def _post(self, body: dict[str, Any]) -> httpx.Response:
        try:
            response = self._http.post(self.url, json=body)
        except httpx.TransportError as exc:
            raise transport_error(exc, self.url, self.timeout) from exc
        if response.status_code >= 400:
            raise status_error(response, self.url)
        return response


def transport_error(exc: httpx.TransportError, url: str, timeout: float) -> LLMCallError:
    """A transport failure (timeout, refused or reset connection) as an :class:`LLMCallError`."""
    if isinstance(exc, httpx.TimeoutException):
        return LLMCallError("timeout", f"no answer from {url} within {timeout:g}s", url=url)
    if isinstance(exc, (httpx.ConnectError, httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)):
        return LLMCallError("connect", f"cannot reach {url}: {exc or type(exc).__name__}", url=url)
    return LLMCallError("connect", f"transport failure talking to {url}: {exc}", url=url)


def status_error(response: httpx.Response, url: str) -> LLMCallError:
    """An HTTP error answer (status >= 400) as an :class:`LLMCallError`; the body must be read."""
    detail = _error_detail(response)
    return LLMCallError("status", f"{url} answered HTTP {response.status_code}: {detail}",
                        status=response.status_code, retry_after=_retry_after(response), detail=detail, url=url)


def _retryable(exc: LLMCallError) -> bool:
    return exc.kind == "connect" or (exc.kind == "status" and exc.status in RETRY_STATUSES)


def _parse(response: httpx.Response, url: str) -> ChatResult:
    try:
        raw = response.json()
        message = raw["choices"][0]["message"]
        content = _text(message.get("content"))
        usage = raw.get("usage") or {}
        prompt_tokens = int(usage.get("prompt_tokens") or 0)
        completion_tokens = int(usage.get("completion_tokens") or 0)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise LLMCallError("protocol", f"{url} did not answer with a chat completion ({type(exc).__name__}: {exc}); "
                           "check that the base URL points at an OpenAI-compatible /v1 endpoint", url=url) from exc
    return ChatResult(content, prompt_tokens, completion_tokens, raw)


def _text(content: Any) -> str:
    """Message content as text: a string, a list of ``{"type": "text", "text": ...}`` parts, or null."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    raise TypeError(f"message content is a {type(content).__name__}")


def _error_detail(response: httpx.Response) -> str:
    """The endpoint's error message: OpenAI's ``{"error": {"message"}}``, a plain ``{"error": str}``, or the text."""
    try:
        data = response.json()
    except (ValueError, json.JSONDecodeError):
        return (response.text or response.reason_phrase or "").strip()[:500]
    err = data.get("error") if isinstance(data, dict) else None
    if isinstance(err, dict) and err.get("message"):
        return str(err["message"])[:500]
    if isinstance(err, str):
        return err[:500]
    if isinstance(data, dict) and data.get("message"):
        return str(data["message"])[:500]
    return json.dumps(data)[:500]


def _retry_after(response: httpx.Response) -> float | None:
    """``Retry-After`` in seconds (a number or an HTTP date), or ``retry-after-ms``."""
    ms = response.headers.get("retry-after-ms")
    if ms:
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
