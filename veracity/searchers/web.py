"""Web search as an open-mode evidence source (``search_provider = "brave"``).

Wire format: the Brave Search API, ``GET {base}/res/v1/web/search?q=QUERY&count=N`` with
``X-Subscription-Token: KEY`` and ``Accept: application/json``; results are read from
``web.results[]`` (``title``, ``url``, ``description``). Only that URL is ever fetched
(redirects are not followed; result pages are never opened). Each result becomes
``Evidence(text=description without HTML, source="web:<url>", title, link=url)`` with a
rank score (1.0 for the first, falling by rank). Timeouts, non-2xx answers and bodies
that are not the expected JSON raise :class:`SearchError`.
"""

from __future__ import annotations

import html
import re
from typing import Any

import httpx

from veracity.config import Settings
from veracity.engine.types import Evidence
from veracity.errors import ConfigError, SearchError

PROVIDERS = {"brave": "https://api.search.brave.com"}
SEARCH_PATH = "/res/v1/web/search"
MAX_QUERY_CHARS = 400
_TAG = re.compile(r"<[^>]*>")


class WebSearcher:
    name = "web"

    def __init__(self, api_key: str, base_url: str = PROVIDERS["brave"], results: int = 5, timeout: float = 10.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.url = base_url.rstrip("/") + SEARCH_PATH
        self.results = results
        self.timeout = timeout
        headers = {"X-Subscription-Token": api_key, "Accept": "application/json"}
        self._http = httpx.Client(headers=headers, timeout=timeout, follow_redirects=False, transport=transport)

    def close(self) -> None:
        self._http.close()

    def search(self, query: str, k: int) -> list[Evidence]:
        """Up to ``k`` results of the ``search_results`` fetched for ``query``."""
        query = " ".join(query.split())[:MAX_QUERY_CHARS]
        if not query or k < 1:
            return []
        data = self._fetch(query)
        return _evidence(data, self.url)[:k]

    def _fetch(self, query: str) -> Any:
        try:
            response = self._http.get(self.url, params={"q": query, "count": self.results})
        except httpx.TimeoutException as exc:
            raise SearchError(f"web search at {self.url} did not answer within {self.timeout:g}s: retry later or "
                              "check search_base_url") from exc
        except httpx.TransportError as exc:
            raise SearchError(f"web search at {self.url} cannot be reached ({exc}): check search_base_url and the "
                              "network") from exc
        if response.status_code in (401, 403):
            raise SearchError(f"web search refused the API key (HTTP {response.status_code}): check "
                              "VERACITY_SEARCH_API_KEY")
        if response.status_code == 429:
            raise SearchError("web search rate limit reached (HTTP 429): retry later or raise the plan's quota")
        if not response.is_success:
            raise SearchError(f"web search failed with HTTP {response.status_code}: {response.text[:200]!r}")
        try:
            return response.json()
        except ValueError as exc:
            raise SearchError(f"web search at {self.url} did not answer with JSON: {response.text[:120]!r}") from exc


def _evidence(data: Any, url: str) -> list[Evidence]:
    try:
        web = data.get("web") or {}
        results = web.get("results") or []
        if not isinstance(results, list):
            raise TypeError("web.results is not a list")
        rows = [(str(r.get("title") or ""), str(r.get("url") or ""), str(r.get("description") or "")) for r in results]
    except (AttributeError, TypeError) as exc:
        raise SearchError(f"web search at {url} answered JSON without web.results[] ({exc})") from exc
    out: list[Evidence] = []
    for rank, (title, link, description) in enumerate(r for r in rows if r[1]):
        text = strip_html(description) or strip_html(title)
        if text:
            out.append(Evidence(text=text, source=f"web:{link}", score=round(1.0 / (1 + rank), 4),
                                title=strip_html(title) or link, link=link))
    return out


def strip_html(text: str) -> str:
    """``text`` without tags and entities, whitespace collapsed ("<strong>Paris</strong> &amp;" → "Paris &")."""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def build_web_searcher(settings: Settings) -> WebSearcher:
    """The web searcher from ``search_*`` settings; :class:`ConfigError` when it cannot work."""
    provider = (settings.search_provider or "").strip().lower()
    if provider not in PROVIDERS:
        raise ConfigError(f"unknown search_provider {settings.search_provider!r}: set VERACITY_SEARCH_PROVIDER to "
                          f"one of {', '.join(sorted(PROVIDERS))}, or leave it unset for no web search")
    if not settings.search_api_key:
        raise ConfigError(f"web search ({provider}) needs an API key: set VERACITY_SEARCH_API_KEY")
    return WebSearcher(settings.search_api_key, settings.search_base_url or PROVIDERS[provider],
                       settings.search_results)
