"""POST /v1/verify/reliability against a real server: every contract field, the seed cases."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import SEED_CONTEXT, Server

URL = "/v1/verify/reliability"


def verify(http: httpx.Client, output: str, context: str | None = SEED_CONTEXT, prompt: str = "Tell me about the invoice.",
           **extra: object) -> dict:
    r = http.post(URL, json={"prompt": prompt, "output": output, "context": context, **extra})
    assert r.status_code == 200, r.text
    return r.json()


def test_reliability_object_has_every_contract_field(http: httpx.Client) -> None:
    body = verify(http, "The invoice amount is 7,116 GBP. It was issued by OptiTech.")
    assert body["id"].startswith("vrf-") and body["object"] == "verification"
    assert isinstance(body["created"], int) and body["model"] == "verify-reliability"
    assert body["verdict"] in {"supported", "hallucination", "unverifiable"}
    assert body["is_hallucination"] is (body["verdict"] == "hallucination")
    assert 0.0 <= body["confidence"] <= 1.0 and body["explanation"]
    assert body["search_results"] == []
    assert set(body["usage"]) == {"prompt_tokens", "completion_tokens", "total_tokens"}
    assert body["usage"]["total_tokens"] == body["usage"]["prompt_tokens"] + body["usage"]["completion_tokens"] > 0
    assert len(body["claims"]) == 2
    output = "The invoice amount is 7,116 GBP. It was issued by OptiTech."
    for claim in body["claims"]:
        a, b = claim["span"]
        assert output[a:b] == claim["text"]
        assert claim["verdict"] in {"supported", "hallucination", "unverifiable"}
        assert 0.0 <= claim["confidence"] <= 1.0
        for ev in claim["evidence"]:
            s, e = ev["span"]
            assert SEED_CONTEXT[s:e] == ev["text"] and ev["source"] == "context"


@pytest.mark.parametrize(("output", "verdict"), [
    ("The Invoice date is: May 22, 2025", "supported"),
    ("The invoice is due on June 12, 2025.", "hallucination"),
    ("The invoice amount is 7,116 GBP.", "supported"),
])
def test_seed_cases(http: httpx.Client, output: str, verdict: str) -> None:
    body = verify(http, output)
    assert body["verdict"] == verdict, body["explanation"]
    assert body["is_hallucination"] is (verdict == "hallucination")


def test_hallucination_explanation_names_the_claim_and_quotes_evidence(http: httpx.Client) -> None:
    body = verify(http, "The invoice amount is 7,116 GBP. The invoice is due on June 12, 2025.")
    assert body["verdict"] == "hallucination"
    bad = [c for c in body["claims"] if c["verdict"] == "hallucination"]
    assert [c["text"] for c in bad] == ["The invoice is due on June 12, 2025."]
    assert "June 12, 2025" in body["explanation"] and "21Jun25" in body["explanation"]
    assert any("21Jun25" in ev["text"] for ev in bad[0]["evidence"])


def test_long_context_of_20000_words_is_windowed_not_truncated(http: httpx.Client) -> None:
    filler = " ".join(f"Paragraph {i} talks about routine office matters and nothing else." for i in range(2000))
    context = filler + " The warehouse in Leeds stores 4,250 crates of apples. " + filler
    assert len(context.split()) > 20_000
    ok = verify(http, "The warehouse in Leeds stores 4,250 crates of apples.", context, prompt="How many crates?")
    bad = verify(http, "The warehouse in Leeds stores 9,999 crates of apples.", context, prompt="How many crates?")
    assert ok["verdict"] == "supported", ok["explanation"]
    assert bad["verdict"] == "hallucination", bad["explanation"]
    ev = ok["claims"][0]["evidence"][0]
    assert context[ev["span"][0]:ev["span"][1]] == ev["text"] and "4,250 crates" in ev["text"]


def test_unicode_output_and_context_spans_are_character_offsets(http: httpx.Client) -> None:
    context = "Die Brücke in Köln wurde 1859 eröffnet. 東京タワーの高さは333メートルです。 🚀 Launch on 3 May 2021."
    output = "Die Brücke in Köln wurde 1859 eröffnet. 🚀 The launch was on 3 May 2021."
    body = verify(http, output, context, prompt="Fakten?")
    for claim in body["claims"]:
        a, b = claim["span"]
        assert output[a:b] == claim["text"]
        for ev in claim["evidence"]:
            assert context[ev["span"][0]:ev["span"][1]] == ev["text"]
    assert body["verdict"] == "supported", body["explanation"]


def test_open_mode_without_sources_is_unverifiable_and_counts_as_hallucination(http: httpx.Client) -> None:
    body = verify(http, "The Eiffel Tower is 330 metres tall.", None, prompt="How tall is the Eiffel Tower?")
    assert body["verdict"] == "unverifiable"
    assert body["is_hallucination"] is True
    assert "could not be checked" in body["explanation"]


@pytest.mark.parametrize("flag", ["true", "false", True, False])
def test_return_search_results_accepts_strings_and_booleans(http: httpx.Client, flag: object) -> None:
    body = verify(http, "The invoice amount is 7,116 GBP.", return_search_results=flag)
    assert body["search_results"] == []


def test_model_and_unknown_fields_are_accepted(http: httpx.Client) -> None:
    body = verify(http, "The invoice amount is 7,116 GBP.", model="verify-reliability", temperature=0.3)
    assert body["verdict"] == "supported"


def test_health_needs_no_key_and_every_response_has_a_request_id(server: Server) -> None:
    r = httpx.get(server.url + "/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    assert r.headers["x-request-id"]
    r = httpx.get(server.url + "/no/such/route")
    assert r.status_code == 404 and r.headers["x-request-id"]
    assert r.json()["error"]["type"] == "not_found_error"
    r = httpx.get(server.url + "/health", headers={"x-request-id": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
