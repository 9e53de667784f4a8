"""The web searcher against a fake Brave-format search server on loopback."""

from __future__ import annotations

import pytest

from tests.conftest import free_port
from tests.fakes.fixtures import FAKE_SEARCH_KEY
from tests.fakes.search_server import FakeSearch, SearchReply
from veracity.config import Settings
from veracity.engine.types import SearchResult, Task
from veracity.engine.verifier import Verifier
from veracity.errors import ConfigError, SearchError
from veracity.factory import build_searchers
from veracity.judges.rules import RulesJudge
from veracity.searchers.web import WebSearcher, build_web_searcher, strip_html

RESULTS = [
    {"title": "Paris - <b>Wikipedia</b>", "url": "https://example.org/paris",
     "description": "<strong>Paris</strong> is the capital &amp; largest city of France."},
    {"title": "France facts", "url": "https://example.org/france", "description": "France's capital is Paris."},
    {"title": "No link", "url": "", "description": "dropped"},
    {"title": "Lyon", "url": "https://example.org/lyon", "description": "Lyon is a city in France."},
]


def searcher(fake: FakeSearch, key: str = FAKE_SEARCH_KEY, **kw: float) -> WebSearcher:
    return WebSearcher(key, base_url=fake.url, results=int(kw.get("results", 5)), timeout=kw.get("timeout", 5.0))


def test_results_map_to_evidence(fake_search: FakeSearch) -> None:
    fake_search.script(RESULTS)
    found = searcher(fake_search).search("capital  of\nFrance", 5)
    assert [e.link for e in found] == ["https://example.org/paris", "https://example.org/france", "https://example.org/lyon"]
    first = found[0]
    assert first.text == "Paris is the capital & largest city of France."
    assert (first.source, first.title, first.score) == ("web:https://example.org/paris", "Paris - Wikipedia", 1.0)
    assert found[0].score > found[1].score > found[2].score
    req = fake_search.requests[0]
    assert req.headers["x-subscription-token"] == FAKE_SEARCH_KEY and req.headers["accept"] == "application/json"
    assert req.query == {"q": ["capital of France"], "count": ["5"]}


def test_k_limits_the_results(fake_search: FakeSearch) -> None:
    fake_search.script(RESULTS)
    assert len(searcher(fake_search).search("France", 1)) == 1


def test_empty_query_fetches_nothing(fake_search: FakeSearch) -> None:
    assert searcher(fake_search).search("   ", 3) == [] and fake_search.requests == []


def test_no_web_section_is_no_results(fake_search: FakeSearch) -> None:
    fake_search.script(SearchReply(raw_body='{"type": "search", "query": {"original": "x"}}'))
    assert searcher(fake_search).search("x", 3) == []


@pytest.mark.parametrize(("reply", "message"), [
    (SearchReply(status=500), "HTTP 500"),
    (SearchReply(status=429), "rate limit"),
    (SearchReply(raw_body="<html>oops</html>"), "did not answer with JSON"),
    (SearchReply(raw_body='[1, 2]'), "without web.results"),
    (SearchReply(raw_body='{"web": {"results": "x"}}'), "without web.results"),
])
def test_failures_are_search_errors(fake_search: FakeSearch, reply: SearchReply, message: str) -> None:
    fake_search.script(reply)
    with pytest.raises(SearchError, match=message):
        searcher(fake_search).search("France", 3)


def test_wrong_key_is_a_search_error_naming_the_setting(fake_search: FakeSearch) -> None:
    with pytest.raises(SearchError, match="VERACITY_SEARCH_API_KEY"):
        searcher(fake_search, key="wrong").search("France", 3)


def test_timeout_is_a_search_error(fake_search: FakeSearch) -> None:
    fake_search.script(SearchReply(results=RESULTS, delay=1.0))
    with pytest.raises(SearchError, match="did not answer within"):
        searcher(fake_search, timeout=0.2).search("France", 3)


def test_refused_connection_is_a_search_error() -> None:
    with pytest.raises(SearchError, match="cannot be reached"):
        WebSearcher("k", base_url=f"http://127.0.0.1:{free_port()}").search("France", 3)


def test_strip_html() -> None:
    assert strip_html("<p>A &lt;b&gt; <em>c</em>\n d</p>") == "A <b> c d"


def test_verifier_returns_search_results(fake_search: FakeSearch) -> None:
    fake_search.script(RESULTS)
    verifier = Verifier(RulesJudge(), [searcher(fake_search)])
    report = verifier.verify(Task("What is the capital of France?", "Paris is the capital of France.",
                                  return_search_results=True))
    assert report.search_results[0] == SearchResult(title="Paris - Wikipedia",
                                                    snippet="Paris is the capital & largest city of France.",
                                                    link="https://example.org/paris")
    assert all(r.link.startswith("https://example.org/") for r in report.search_results)
    assert fake_search.queries == ["Paris is the capital of France."]


def test_build_web_searcher_checks_the_settings(fake_search: FakeSearch) -> None:
    with pytest.raises(ConfigError, match="VERACITY_SEARCH_PROVIDER"):
        build_web_searcher(Settings(search_provider="nonesuch", search_api_key="k"))
    with pytest.raises(ConfigError, match="VERACITY_SEARCH_API_KEY"):
        build_web_searcher(Settings(search_provider="brave"))
    settings = Settings(search_provider="brave", search_api_key=FAKE_SEARCH_KEY, search_base_url=fake_search.url,
                        search_results=2, kb_enabled=False)
    built = build_searchers(settings)
    assert [s.name for s in built] == ["web"]
    fake_search.script(RESULTS)
    assert len(built[0].search("France", 5)) == 2  # search_results caps what is fetched
    assert fake_search.requests[0].query["count"] == ["2"]
    assert build_searchers(Settings(kb_enabled=False)) == []
