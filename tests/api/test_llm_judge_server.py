"""A server with the LLM judge and web search configured, both played by local wire-level fakes."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.api.test_auth import assert_error
from tests.conftest import SEED_CONTEXT, Server, start_server, stop_server
from tests.fakes.fixtures import FAKE_LLM_KEY, FAKE_SEARCH_KEY
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.fakes.search_server import FakeSearch


@pytest.fixture(scope="module")
def fakes() -> Iterator[tuple[FakeOpenAI, FakeSearch]]:
    with FakeOpenAI(api_key=FAKE_LLM_KEY, models=("judge-model",)) as llm, FakeSearch(api_key=FAKE_SEARCH_KEY) as web:
        yield llm, web


@pytest.fixture(scope="module")
def llm_server(fakes: tuple[FakeOpenAI, FakeSearch], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    llm, web = fakes
    srv = start_server(tmp_path_factory.mktemp("llm"), env={
        "VERACITY_JUDGES": "llm,rules", "VERACITY_LLM_BASE_URL": llm.url, "VERACITY_LLM_API_KEY": FAKE_LLM_KEY,
        "VERACITY_LLM_MODEL": "judge-model", "VERACITY_LLM_MAX_RETRIES": "1", "VERACITY_SEARCH_PROVIDER": "brave",
        "VERACITY_SEARCH_BASE_URL": web.url, "VERACITY_SEARCH_API_KEY": FAKE_SEARCH_KEY})
    yield srv
    stop_server(srv)


def _answer(verdict: str, reason: str = "scripted", evidence_index: int | None = 0) -> str:
    return json.dumps({"claims": [{"index": 0, "verdict": verdict, "reason": reason,
                                   "evidence_index": evidence_index}]})


def test_llm_judge_decides_and_its_tokens_are_counted(llm_server: Server, fakes: tuple[FakeOpenAI, FakeSearch]) -> None:
    llm, _ = fakes
    llm.script(Reply.text(_answer("hallucination", "Acme is the client, not the issuer."), usage=(500, 40)))
    with llm_server.client() as c:
        r = c.post("/v1/verify/reliability", json={"prompt": "Who issued it?", "output": "Acme issued the invoice.",
                                                   "context": SEED_CONTEXT})
    body = r.json()
    assert r.status_code == 200 and body["verdict"] == "hallucination"
    assert body["claims"][0]["reason"].startswith("According to the provided context")
    assert body["usage"]["prompt_tokens"] >= 500 and body["usage"]["completion_tokens"] >= 40
    sent = llm.chat_requests[-1]
    assert sent["model"] == "judge-model" and "Acme issued the invoice." in json.dumps(sent)


def test_unparseable_judge_answer_is_503_never_a_verdict(llm_server: Server, fakes: tuple[FakeOpenAI, FakeSearch]) -> None:
    llm, _ = fakes
    llm.script("I think it is fine.", "Still not JSON, sorry.")
    with llm_server.client() as c:
        r = c.post("/v1/verify/reliability", json={"prompt": "p", "output": "Acme is the client.",
                                                   "context": SEED_CONTEXT})
    err = assert_error(r, 503, "service_unavailable")
    assert "could not be parsed" in err["message"]


def test_rules_veto_a_judge_that_misses_a_date_contradiction(llm_server: Server,
                                                            fakes: tuple[FakeOpenAI, FakeSearch]) -> None:
    llm, _ = fakes
    llm.script(_answer("supported"))
    with llm_server.client() as c:
        body = c.post("/v1/verify/reliability", json={"prompt": "Due?", "output": "The invoice is due on June 12, 2025.",
                                                      "context": SEED_CONTEXT}).json()
    assert body["verdict"] == "hallucination" and "21Jun25" in body["explanation"]


def test_open_mode_uses_web_search_and_returns_search_results(llm_server: Server,
                                                              fakes: tuple[FakeOpenAI, FakeSearch]) -> None:
    llm, web = fakes
    web.script([{"title": "Kestrel Bridge", "url": "https://example.org/kestrel",
                 "description": "The <b>Kestrel Bridge</b> opened in 1931."}])
    llm.script(_answer("supported", "The search result says so."))
    with llm_server.client() as c:
        body = c.post("/v1/verify/reliability", json={"prompt": "When did it open?",
                                                      "output": "The Kestrel Bridge opened in 1931.",
                                                      "return_search_results": "true"}).json()
    assert body["verdict"] == "supported", body
    assert body["search_results"] == [{"title": "Kestrel Bridge", "snippet": "The Kestrel Bridge opened in 1931.",
                                       "link": "https://example.org/kestrel"}]
    assert body["claims"][0]["reason"].startswith("According to web search results")
    assert "Kestrel Bridge opened in 1931" in web.queries[-1]


def test_open_mode_without_results_uses_the_models_own_knowledge(llm_server: Server,
                                                                  fakes: tuple[FakeOpenAI, FakeSearch]) -> None:
    llm, web = fakes
    web.script([])
    llm.script(_answer("hallucination", "Paris is the capital.", None))
    with llm_server.client() as c:
        body = c.post("/v1/verify/reliability", json={"prompt": "Capital of France?",
                                                      "output": "The capital of France is Lyon."}).json()
    assert body["verdict"] == "hallucination"
    assert body["claims"][0]["reason"].startswith("According to the judge model's own knowledge")


def test_judges_endpoint_picks_the_llm_by_its_model_name(llm_server: Server,
                                                         fakes: tuple[FakeOpenAI, FakeSearch]) -> None:
    llm, _ = fakes
    llm.script(_answer("supported"))
    with llm_server.client() as c:
        r = c.post("/v1/judges/detect-hallucination", json={"model": "judge-model", "prompt": "Client?",
                                                           "output": "The client is Acme.", "context": SEED_CONTEXT})
        rules = c.post("/v1/judges/detect-hallucination", json={"model": "rules", "prompt": "Client?",
                                                               "output": "The client is Acme.", "context": SEED_CONTEXT})
    assert r.json()["is_hallucination"] is False and r.json()["claims"][0]["reason"].startswith("According to")
    assert rules.json()["claims"][0]["reason"] and not rules.json()["claims"][0]["reason"].startswith("According to")
