"""The official `openai` client against a real Veracity server: verify-by-chat, models, errors."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import openai
import pytest

from tests.api.test_auth import assert_error
from tests.conftest import SEED_CONTEXT, Server

DOC_SYSTEM = f"You answer questions about this invoice record only: {SEED_CONTEXT}"


@pytest.fixture()
def client(server: Server) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(api_key=server.admin_key, base_url=server.url + "/v1", max_retries=0) as c:
        yield c


def _messages(answer: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": DOC_SYSTEM}, {"role": "user", "content": "When is the invoice due?"},
            {"role": "assistant", "content": answer}]


@pytest.mark.parametrize("model", ["verify-reliability", "klusterai/verify-reliability"])
def test_verify_reliability_through_chat_completions(client: openai.OpenAI, model: str) -> None:
    bad = client.chat.completions.create(model=model, messages=_messages("The invoice is due on June 12, 2025."))
    assert bad.object == "chat.completion" and bad.model == model
    assert bad.choices[0].finish_reason == "stop"
    content = json.loads(bad.choices[0].message.content or "")
    assert content["verdict"] == "hallucination" and content["is_hallucination"] is True
    verification = bad.model_extra["verification"]  # type: ignore[index]
    assert verification == content
    assert bad.usage is not None and bad.usage.total_tokens == content["usage"]["total_tokens"] > 0
    good = client.chat.completions.create(model=model, messages=_messages("The invoice is due on 21 June 2025."))
    assert json.loads(good.choices[0].message.content or "")["verdict"] == "supported"


def test_earlier_assistant_turns_are_context_not_verified(client: openai.OpenAI) -> None:
    messages = [{"role": "system", "content": DOC_SYSTEM}, {"role": "user", "content": "Amount?"},
                {"role": "assistant", "content": "The invoice amount is 9,999 GBP."},
                {"role": "user", "content": "And the client?"}, {"role": "assistant", "content": "The client is Acme."}]
    r = client.chat.completions.create(model="verify-reliability", messages=messages)  # type: ignore[arg-type]
    body = json.loads(r.choices[0].message.content or "")
    assert [c["text"] for c in body["claims"]] == ["The client is Acme."]
    assert body["verdict"] == "supported"


def test_content_as_a_list_of_text_parts(client: openai.OpenAI) -> None:
    messages = [{"role": "system", "content": [{"type": "text", "text": DOC_SYSTEM}]},
                {"role": "user", "content": [{"type": "text", "text": "How much?"}]},
                {"role": "assistant", "content": [{"type": "text", "text": "The invoice amount is 7,116 GBP."}]}]
    r = client.chat.completions.create(model="verify-reliability", messages=messages,  # type: ignore[arg-type]
                                       max_tokens=50, max_completion_tokens=50, temperature=0, seed=1, user="u")
    assert json.loads(r.choices[0].message.content or "")["verdict"] == "supported"


def test_streaming_the_verifier_gives_the_object_then_done(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(model="verify-reliability", stream=True,
                                            messages=_messages("The invoice is due on June 12, 2025."))
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert json.loads(text)["verdict"] == "hallucination"
    assert chunks[-1].choices[0].finish_reason == "stop"


def test_no_assistant_message_is_400(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(model="verify-reliability", messages=[{"role": "user", "content": "hi"}])
    assert err.value.body["param"] == "messages"  # type: ignore[index]


@pytest.mark.parametrize(("extra", "param"), [
    ({"n": 2}, "n"), ({"tools": [{"type": "function", "function": {"name": "f"}}]}, "tools"),
    ({"tool_choice": "auto"}, "tool_choice"), ({"response_format": {"type": "json_object"}}, "response_format"),
    ({"modalities": ["text"]}, "modalities"), ({"audio": {"voice": "x", "format": "mp3"}}, "audio"),
    ({"store": True}, "store"), ({"service_tier": "auto"}, "service_tier"),
    ({"parallel_tool_calls": False}, "parallel_tool_calls"),
])
def test_unsupported_parameters_are_400_naming_them(client: openai.OpenAI, extra: dict, param: str) -> None:
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(model="verify-reliability", messages=_messages("ok"), **extra)
    assert err.value.body["param"] == param  # type: ignore[index]


def test_stream_options_and_tool_calls_in_messages_are_400(server: Server, http: httpx.Client) -> None:
    body = {"model": "verify-reliability", "messages": _messages("ok"), "stream": True,
            "stream_options": {"include_usage": True}}
    assert assert_error(http.post("/v1/chat/completions", json=body), 400, "invalid_request_error")["param"] == \
        "stream_options"
    msgs = [*_messages("ok")[:2], {"role": "assistant", "content": None,
                                   "tool_calls": [{"id": "1", "type": "function", "function": {"name": "f"}}]}]
    err = assert_error(http.post("/v1/chat/completions", json={"model": "verify-reliability", "messages": msgs}),
                       400, "invalid_request_error")
    assert err["param"] == "messages[2].tool_calls"


def test_unknown_fields_are_ignored_and_bad_types_named(http: httpx.Client) -> None:
    ok = http.post("/v1/chat/completions", json={"model": "verify-reliability", "messages": _messages("ok"),
                                                 "frobnicate": 1, "logit_bias": None})
    assert ok.status_code == 200, ok.text
    err = assert_error(http.post("/v1/chat/completions", json={"model": "verify-reliability",
                                                              "messages": [{"role": "user", "content": 5}]}),
                       400, "invalid_request_error")
    assert err["param"] == "messages[0].content"


def test_other_models_without_an_upstream_are_404_model_not_found(client: openai.OpenAI) -> None:
    with pytest.raises(openai.NotFoundError) as err:
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
    assert err.value.body["code"] == "model_not_found"  # type: ignore[index]


def test_models_list_and_retrieve(client: openai.OpenAI) -> None:
    ids = [m.id for m in client.models.list()]
    assert "verify-reliability" in ids and "klusterai/verify-reliability" in ids
    m = client.models.retrieve("klusterai/verify-reliability")
    assert m.object == "model" and m.owned_by == "veracity" and isinstance(m.created, int)
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("no-such-model")


def test_openai_client_errors_carry_the_contract_shape(server: Server) -> None:
    with openai.OpenAI(api_key="vk-wrong", base_url=server.url + "/v1", max_retries=0) as bad:
        with pytest.raises(openai.AuthenticationError) as err:
            bad.models.list()
    assert err.value.body["type"] == "authentication_error"  # type: ignore[index]
