"""The fake OpenAI server speaks the wire protocol the official ``openai`` client expects."""

from __future__ import annotations

import httpx
import openai
import pytest

from tests.fakes.fixtures import FAKE_LLM_KEY
from tests.fakes.openai_server import FakeOpenAI, Reply


def sdk(fake: FakeOpenAI, key: str = FAKE_LLM_KEY) -> openai.OpenAI:
    return openai.OpenAI(base_url=fake.url, api_key=key, max_retries=0, timeout=5)


def test_chat_completion(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("Paris is the capital of France.")
    done = sdk(fake_openai).chat.completions.create(model="m1", messages=[{"role": "user", "content": "Capital?"}])
    assert done.choices[0].message.content == "Paris is the capital of France."
    assert done.choices[0].finish_reason == "stop" and done.model == "m1" and done.object == "chat.completion"
    assert done.usage is not None and done.usage.completion_tokens == 6
    assert fake_openai.chat_requests[0]["messages"] == [{"role": "user", "content": "Capital?"}]


def test_default_reply_echoes_the_last_user_message(fake_openai: FakeOpenAI) -> None:
    done = sdk(fake_openai).chat.completions.create(model="m", messages=[{"role": "user", "content": "ping"}])
    assert done.choices[0].message.content == "You said: ping"


def test_streaming(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("one two three four")
    stream = sdk(fake_openai).chat.completions.create(
        model="m", messages=[{"role": "user", "content": "count"}], stream=True,
        stream_options={"include_usage": True})
    chunks = list(stream)
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "one two three four"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 4


def test_raw_sse_ends_with_done(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("a b")
    with httpx.stream("POST", fake_openai.url + "/chat/completions", headers={"Authorization": f"Bearer {FAKE_LLM_KEY}"},
                      json={"model": "m", "messages": [], "stream": True}) as r:
        lines = [line for line in r.iter_lines() if line]
    assert r.headers["content-type"] == "text/event-stream"
    assert all(line.startswith("data: ") for line in lines) and lines[-1] == "data: [DONE]"


def test_mid_stream_failure(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.broken_stream("one two three four five", after_chunks=3))
    stream = sdk(fake_openai).chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}], stream=True)
    got: list[str] = []
    with pytest.raises((httpx.RemoteProtocolError, openai.APIError)):
        for chunk in stream:
            got.append(chunk.choices[0].delta.content or "")
    assert "".join(got) == "one two"


def test_wrong_key_is_401(fake_openai: FakeOpenAI) -> None:
    with pytest.raises(openai.AuthenticationError):
        sdk(fake_openai, "wrong").chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
    assert fake_openai.requests[0].headers["authorization"] == "Bearer wrong"


def test_rate_limit_with_retry_after(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.error(429, "slow down", retry_after=3))
    with pytest.raises(openai.RateLimitError) as info:
        sdk(fake_openai).chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
    assert info.value.response.headers["retry-after"] == "3"
    assert info.value.body == {"message": "slow down", "type": "rate_limit_error", "param": None, "code": None}


def test_models(fake_openai: FakeOpenAI) -> None:
    client = sdk(fake_openai)
    assert [m.id for m in client.models.list()] == ["fake-model"]
    assert client.models.retrieve("fake-model").owned_by == "fake"
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("nope")
