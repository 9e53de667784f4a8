"""POST /v1/judges/detect-hallucination in both request forms."""

from __future__ import annotations

import httpx
import pytest

from tests.api.test_auth import assert_error
from tests.conftest import SEED_CONTEXT
from veracity.judges.checker import DEFAULT_MODEL_DIR

URL = "/v1/judges/detect-hallucination"


def test_verify_form(http: httpx.Client) -> None:
    r = http.post(URL, json={"prompt": "Due?", "output": "The invoice is due on June 12, 2025.",
                             "context": SEED_CONTEXT})
    body = r.json()
    assert r.status_code == 200 and body["is_hallucination"] is True
    assert body["explanation"] and body["usage"]["total_tokens"] > 0 and body["verdict"] == "hallucination"


@pytest.mark.parametrize("model", [None, "rules", "verify-reliability"])
def test_messages_form_with_judge_choice(http: httpx.Client, model: str | None) -> None:
    messages = [{"role": "system", "content": f"Invoice record for the assistant to use: {SEED_CONTEXT}"},
                {"role": "user", "content": "How much is it?"},
                {"role": "assistant", "content": "The invoice amount is 7,116 GBP."}]
    r = http.post(URL, json={"model": model, "messages": messages, "max_tokens": 20, "temperature": 0})
    assert r.status_code == 200, r.text
    assert r.json()["is_hallucination"] is False
    assert r.json()["model"] == (model or "verify-reliability")  # the judge asked for is the one named


def test_stream_true_is_400(http: httpx.Client) -> None:
    err = assert_error(http.post(URL, json={"messages": [{"role": "assistant", "content": "x"}], "stream": True}),
                       400, "invalid_request_error")
    assert err["param"] == "stream"


def test_unknown_judge_is_404_and_bad_bodies_400(http: httpx.Client) -> None:
    r = http.post(URL, json={"model": "nope", "prompt": "p", "output": "o is here."})
    assert assert_error(r, 404, "not_found_error")["param"] == "model"
    assert assert_error(http.post(URL, json={"prompt": "p"}), 400, "invalid_request_error")["param"] == "output"
    assert_error(http.post(URL, json=[1, 2]), 400, "invalid_request_error")


def test_the_llm_judge_unconfigured_is_404_saying_what_to_set(http: httpx.Client) -> None:
    err = assert_error(http.post(URL, json={"model": "llm", "prompt": "p", "output": "The client is Acme."}),
                       404, "not_found_error")
    assert err["param"] == "model" and err["code"] == "model_not_found" and "VERACITY_LLM_BASE_URL" in err["message"]


@pytest.mark.skipif((DEFAULT_MODEL_DIR / "model.onnx").is_file(), reason="a checker model is shipped")
def test_choosing_the_checker_without_its_model_is_503_naming_the_file(http: httpx.Client) -> None:
    r = http.post(URL, json={"model": "checker", "prompt": "p", "output": "The client is Acme.", "context": SEED_CONTEXT})
    err = assert_error(r, 503, "service_unavailable")
    assert err["code"] == "model_unavailable" and "config.json" in err["message"]
