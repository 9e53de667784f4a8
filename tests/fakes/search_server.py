"""A fake web search server on loopback, speaking the Brave Search API wire format.

    with FakeSearch(api_key="search-key") as fake:
        fake.script([{"title": "Paris", "url": "https://example.org/paris", "description": "<b>Paris</b> is ..."}])
        WebSearcher("search-key", base_url=fake.url)
        fake.queries                                   # the q= of every search received

``GET /res/v1/web/search?q=...&count=N`` with ``X-Subscription-Token`` answers
``{"type": "search", "query": {"original": q}, "web": {"type": "search", "results": [...]}}``
(at most ``count`` results). Each search takes the next scripted reply: a list of result
dicts, or a :class:`SearchReply` (an error status, a raw body, a delay); with the script
empty, ``default(query)`` answers. A wrong or missing token gets a 401.
"""

from __future__ import annotations

import collections
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.fakes._http import FakeServer, RecordedRequest

Result = dict[str, Any]


@dataclass(frozen=True)
class SearchReply:
    results: list[Result] = field(default_factory=list)
    status: int = 200
    raw_body: str | None = None
    delay: float = 0.0


def no_results(query: str) -> list[Result]:
    return []


class FakeSearch(FakeServer):
    def __init__(self, api_key: str = "test-search-key",
                 default: Callable[[str], list[Result]] = no_results) -> None:
        super().__init__()
        self.api_key = api_key
        self.default = default
        self._script: collections.deque[SearchReply] = collections.deque()

    @property
    def url(self) -> str:
        """The base URL (``search_base_url``)."""
        return self.base

    def script(self, *replies: SearchReply | list[Result]) -> None:
        with self._lock:
            self._script.extend(r if isinstance(r, SearchReply) else SearchReply(results=r) for r in replies)

    @property
    def queries(self) -> list[str]:
        return [r.query.get("q", [""])[0] for r in self.requests if r.path == "/res/v1/web/search"]

    def _next(self, query: str) -> SearchReply:
        with self._lock:
            if self._script:
                return self._script.popleft()
        return SearchReply(results=self.default(query))

    def handle(self, h: BaseHTTPRequestHandler, req: RecordedRequest) -> None:
        if req.method != "GET" or req.path != "/res/v1/web/search":
            self.send_json(h, 404, {"type": "ErrorResponse", "error": {"status": 404, "detail": "not found"}})
            return
        if req.headers.get("x-subscription-token") != self.api_key:
            self.send_json(h, 401, {"type": "ErrorResponse", "error": {
                "status": 401, "code": "SUBSCRIPTION_TOKEN_INVALID", "detail": "The provided subscription token is invalid."}})
            return
        query = req.query.get("q", [""])[0]
        count = int(req.query.get("count", ["20"])[0])
        reply = self._next(query)
        if reply.delay:
            self.wait(reply.delay)
        if reply.raw_body is not None:
            self.send_raw(h, reply.status, reply.raw_body.encode(), "application/json")
        elif reply.status >= 400:
            self.send_json(h, reply.status, {"type": "ErrorResponse", "error": {"status": reply.status, "detail": "fake error"}})
        else:
            results = [{"type": "search_result", **r} for r in reply.results[:count]]
            self.send_json(h, 200, {"type": "search", "query": {"original": query},
                                    "web": {"type": "search", "results": results}})
