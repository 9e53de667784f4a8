"""The OpenAI-compatible chat client: retries, back-off and error mapping."""

from __future__ import annotations

import email.utils
import time

import pytest

from tests.conftest import free_port
from tests.fakes.fixtures import FAKE_LLM_KEY
from tests.fakes.openai_server import FakeOpenAI, Reply
from veracity.errors import (
    InvalidRequest,
    JudgeError,
    NotFound,
    RateLimited,
    UpstreamError,
    UpstreamTimeout,
    VeracityError,
)
from veracity.llm import Backoff, ChatClient, LLMCallError, to_judge_error, to_upstream_error

MESSAGES = [{"role": "user", "content": "Say hi"}]


def make(fake: FakeOpenAI, delays: list[float] | None = None, **kw: float) -> ChatClient:
    sleep = delays.append if delays is not None else (lambda s: None)
    return ChatClient(fake.url, FAKE_LLM_KEY, timeout=kw.get("timeout", 5.0), max_retries=int(kw.get("retries", 2)),
                      sleep=sleep)


def test_complete_returns_content_and_usage(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.text("Hi there.", usage=(12, 3)))
    result = make(fake_openai).complete(MESSAGES, "fake-model", temperature=0, seed=7)
    assert (result.content, result.prompt_tokens, result.completion_tokens) == ("Hi there.", 12, 3)
    assert result.raw["object"] == "chat.completion"
    sent = fake_openai.chat_requests[0]
    assert sent == {"model": "fake-model", "messages": MESSAGES, "temperature": 0, "seed": 7, "stream": False}
    assert fake_openai.requests[0].headers["authorization"] == f"Bearer {FAKE_LLM_KEY}"


@pytest.mark.parametrize("failure", [Reply.error(500), Reply.error(503), Reply.reset(), Reply.error(429)])
def test_transient_failures_are_retried(fake_openai: FakeOpenAI, failure: Reply) -> None:
    delays: list[float] = []
    fake_openai.script(failure, failure, "ok")
    assert make(fake_openai, delays).complete(MESSAGES, "m").content == "ok"
    assert delays == [0.5, 1.0] and len(fake_openai.chat_requests) == 3


def test_retry_after_is_honoured_and_capped(fake_openai: FakeOpenAI) -> None:
    delays: list[float] = []
    fake_openai.script(Reply.error(429, retry_after=0.3), Reply.error(429, retry_after=100), "ok")
    assert make(fake_openai, delays).complete(MESSAGES, "m").content == "ok"
    assert delays == [0.3, 4.0]


def test_retries_are_bounded(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(*[Reply.error(429, "slow down", retry_after=2)] * 3)
    with pytest.raises(LLMCallError) as info:
        make(fake_openai, retries=2).complete(MESSAGES, "m")
    assert (info.value.kind, info.value.status, info.value.retry_after, info.value.detail) == ("status", 429, 2.0, "slow down")
    assert len(fake_openai.chat_requests) == 3


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_other_client_errors_are_not_retried(fake_openai: FakeOpenAI, status: int) -> None:
    fake_openai.script(Reply.error(status, "bad thing"))
    with pytest.raises(LLMCallError) as info:
        make(fake_openai).complete(MESSAGES, "m")
    assert info.value.status == status and info.value.detail == "bad thing"
    assert len(fake_openai.chat_requests) == 1


def test_malformed_body_is_a_protocol_error(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.malformed())
    with pytest.raises(LLMCallError) as info:
        make(fake_openai).complete(MESSAGES, "m")
    assert info.value.kind == "protocol" and "OpenAI-compatible" in info.value.message


def test_timeout_is_not_retried(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.slow(1.0))
    with pytest.raises(LLMCallError) as info:
        make(fake_openai, timeout=0.2).complete(MESSAGES, "m")
    assert info.value.kind == "timeout" and len(fake_openai.chat_requests) == 1


def test_refused_connection_is_a_connect_error() -> None:
    client = ChatClient(f"http://127.0.0.1:{free_port()}/v1", None, 2.0, 1, sleep=lambda s: None)
    with pytest.raises(LLMCallError) as info:
        client.complete(MESSAGES, "m")
    assert info.value.kind == "connect"


def test_backoff_doubles_and_is_capped() -> None:
    b = Backoff(base=0.5, cap=4.0)
    assert [b(n, None) for n in range(5)] == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert b(0, 0.1) == 0.1 and b(0, 60) == 4.0


def test_retry_after_as_http_date(fake_openai: FakeOpenAI) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)
    fake_openai.script(Reply(status=429, message="later", headers=(("Retry-After", when),)), "ok")
    delays: list[float] = []
    make(fake_openai, delays).complete(MESSAGES, "m")
    assert 0.5 < delays[0] <= 2.0


def err(kind: str, status: int | None = None, retry_after: float | None = None) -> LLMCallError:
    return LLMCallError(kind, f"{kind} failure", status=status, retry_after=retry_after,  # type: ignore[arg-type]
                        detail="upstream says no" if status else None)


@pytest.mark.parametrize(("e", "cls", "status", "text"), [
    (err("status", 401), UpstreamError, 502, "check upstream_api_key"),
    (err("status", 403), UpstreamError, 502, "check upstream_api_key"),
    (err("status", 429, 7.0), RateLimited, 429, "retry after 7s"),
    (err("timeout"), UpstreamTimeout, 504, "did not answer in time"),
    (err("connect"), UpstreamError, 502, "cannot be reached"),
    (err("status", 500), UpstreamError, 502, "HTTP 500"),
    (err("status", 503), UpstreamError, 502, "HTTP 503"),
    (err("protocol"), UpstreamError, 502, "cannot read"),
    (err("status", 400), InvalidRequest, 400, "upstream says no"),
    (err("status", 404), NotFound, 404, "upstream says no"),
])
def test_upstream_error_mapping(e: LLMCallError, cls: type[VeracityError], status: int, text: str) -> None:
    mapped = to_upstream_error(e)
    assert type(mapped) is cls and mapped.status_code == status and text in mapped.message
    if isinstance(mapped, RateLimited):
        assert mapped.retry_after == 7.0
    if isinstance(mapped, UpstreamError) and e.status in (401, 403):
        assert mapped.message == "the upstream LLM refused Veracity's credentials: check upstream_api_key"


@pytest.mark.parametrize("e", [err("timeout"), err("connect"), err("protocol"), err("status", 401),
                               err("status", 404), err("status", 429), err("status", 500), err("status", 400)])
def test_judge_error_mapping_is_always_a_judge_error(e: LLMCallError) -> None:
    mapped = to_judge_error(e)
    assert type(mapped) is JudgeError and mapped.status_code == 503 and mapped.message
