"""The fact-checking proxy: other models go upstream and come back with fact_check_metadata."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import openai
import pytest

from tests.api.test_auth import assert_error
from tests.conftest import SEED_CONTEXT, Server, start_server, stop_server
from tests.fakes.fixtures import FAKE_LLM_KEY
from tests.fakes.openai_server import FakeOpenAI, Reply

DOC = f"Use this invoice record: {SEED_CONTEXT}"


@pytest.fixture(scope="module")
def upstream() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=FAKE_LLM_KEY, models=("fake-model", "fake-large")) as fake:
        yield fake


@pytest.fixture(scope="module")
def proxy_server(upstream: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("proxy"), env={
        "VERACITY_UPSTREAM_BASE_URL": upstream.url, "VERACITY_UPSTREAM_API_KEY": FAKE_LLM_KEY,
        "VERACITY_UPSTREAM_TIMEOUT": "2"})
    yield srv
    stop_server(srv)


@pytest.fixture()
def client(proxy_server: Server) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(api_key=proxy_server.admin_key, base_url=proxy_server.url + "/v1", max_retries=0) as c:
        yield c


def _ask() -> list[dict[str, str]]:
    return [{"role": "system", "content": DOC}, {"role": "user", "content": "When is the invoice due?"}]


def test_completion_is_forwarded_unchanged_plus_fact_check_metadata(client: openai.OpenAI,
                                                                     upstream: FakeOpenAI) -> None:
    upstream.script("The invoice is due on June 12, 2025.")
    r = client.chat.completions.create(model="fake-model", messages=_ask(), temperature=0.2,  # type: ignore[arg-type]
                                       max_tokens=64, seed=3, user="alice")
    assert r.choices[0].message.content == "The invoice is due on June 12, 2025."
    sent = upstream.chat_requests[-1]
    assert sent["model"] == "fake-model" and sent["temperature"] == 0.2 and sent["max_tokens"] == 64
    assert sent["seed"] == 3 and sent["user"] == "alice" and "api_key" not in sent
    meta = r.model_extra["fact_check_metadata"]  # type: ignore[index]
    assert meta["is_hallucination"] is True and meta["claims_detected"] == 1
    assert meta["sources_consulted"] == ["context"] and 0 < meta["confidence_score"] <= 1
    assert meta["claims"][0]["verdict"] == "hallucination"


def test_supported_answer_is_not_flagged(client: openai.OpenAI, upstream: FakeOpenAI) -> None:
    upstream.script("The invoice is due on 21 June 2025.")
    r = client.chat.completions.create(model="fake-model", messages=_ask())  # type: ignore[arg-type]
    assert r.model_extra["fact_check_metadata"]["is_hallucination"] is False  # type: ignore[index]


def test_streaming_relays_chunks_then_metadata_then_done(client: openai.OpenAI, upstream: FakeOpenAI) -> None:
    upstream.script("The invoice is due on June 12, 2025.")
    chunks = list(client.chat.completions.create(model="fake-model", messages=_ask(),  # type: ignore[arg-type]
                                                 stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "The invoice is due on June 12, 2025."
    assert len([c for c in chunks if c.choices]) >= 5, "upstream chunks must be relayed one by one"
    last = chunks[-1]
    assert last.choices == [] and last.model_extra["fact_check_metadata"]["is_hallucination"] is True  # type: ignore[index]
    assert upstream.chat_requests[-1]["stream"] is True


def test_raw_stream_ends_with_done(proxy_server: Server, upstream: FakeOpenAI) -> None:
    upstream.script("Acme is the client.")
    with proxy_server.client() as http, http.stream("POST", "/v1/chat/completions", json={
            "model": "fake-model", "messages": _ask(), "stream": True}) as resp:
        assert resp.headers["content-type"].startswith("text/event-stream")
        events = [line for line in resp.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "data: [DONE]" and '"fact_check_metadata"' in events[-2]


def test_mid_stream_failure_is_an_error_event(client: openai.OpenAI, upstream: FakeOpenAI) -> None:
    upstream.script(Reply.broken_stream("one two three four five six", after_chunks=3))
    got: list[str] = []
    with pytest.raises(openai.APIError) as err:
        for chunk in client.chat.completions.create(model="fake-model", messages=_ask(),  # type: ignore[arg-type]
                                                    stream=True):
            got.extend(c.delta.content or "" for c in chunk.choices)
    assert "upstream" in str(err.value.message)
    assert "".join(got).strip() == "one two"


@pytest.mark.parametrize(("reply", "error", "status"), [
    (Reply.error(401), openai.APIStatusError, 502),
    (Reply.error(500), openai.APIStatusError, 502),
    (Reply.error(400, "bad max_tokens"), openai.BadRequestError, 400),
])
def test_upstream_errors_map_to_contract_errors(client: openai.OpenAI, upstream: FakeOpenAI, reply: Reply,
                                                error: type[Exception], status: int) -> None:
    upstream.script(reply)
    with pytest.raises(error) as err:
        client.chat.completions.create(model="fake-model", messages=_ask())  # type: ignore[arg-type]
    assert err.value.status_code == status  # type: ignore[attr-defined]


def test_upstream_credentials_problem_says_what_to_check(proxy_server: Server, upstream: FakeOpenAI,
                                                         http: httpx.Client) -> None:
    upstream.script(Reply.error(401))
    with proxy_server.client() as c:
        err = assert_error(c.post("/v1/chat/completions", json={"model": "fake-model", "messages": _ask()}),
                           502, "upstream_error")
    assert "upstream_api_key" in err["message"]


def test_upstream_429_passes_through_with_retry_after(proxy_server: Server, upstream: FakeOpenAI) -> None:
    upstream.script(Reply.error(429, retry_after=7))
    with proxy_server.client() as c:
        r = c.post("/v1/chat/completions", json={"model": "fake-model", "messages": _ask()})
    assert_error(r, 429, "rate_limit_error")
    assert r.headers["retry-after"] == "7"


def test_upstream_timeout_is_504(proxy_server: Server, upstream: FakeOpenAI) -> None:
    upstream.script(Reply.slow(4.0))
    with proxy_server.client() as c:
        t0 = time.monotonic()
        r = c.post("/v1/chat/completions", json={"model": "fake-model", "messages": _ask()})
    assert_error(r, 504, "upstream_error")
    assert time.monotonic() - t0 < 4.0


def test_models_include_the_upstreams(client: openai.OpenAI) -> None:
    ids = [m.id for m in client.models.list()]
    assert {"verify-reliability", "fake-model", "fake-large"} <= set(ids)
    assert client.models.retrieve("fake-large").id == "fake-large"


def test_first_token_is_not_held_back(client: openai.OpenAI, upstream: FakeOpenAI) -> None:
    upstream.script(Reply(content="one two three four five six seven eight", chunk_delay=0.3))
    t0 = time.monotonic()
    stream = client.chat.completions.create(model="fake-model", messages=_ask(), stream=True)  # type: ignore[arg-type]
    arrivals = [(time.monotonic() - t0, c) for c in stream]
    first_text = next(t for t, c in arrivals if c.choices and c.choices[0].delta.content)
    assert first_text < 1.0, "the first token must be relayed as soon as the upstream sends it"
    assert arrivals[-1][0] > 2.0 and "fact_check_metadata" in (arrivals[-1][1].model_extra or {})
