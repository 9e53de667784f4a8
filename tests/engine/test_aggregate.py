"""Claim verdicts → response verdict, confidence and an explanation that agrees."""

from __future__ import annotations

from veracity.engine.aggregate import explain, response_verdict
from veracity.engine.types import Claim, ClaimVerdict, Evidence


def cv(i: int, verdict: str, p: float | None) -> ClaimVerdict:
    ev = (Evidence(text=f"evidence {i}", source="context", span=(0, 10)),)
    return ClaimVerdict(Claim(f"claim {i}", (0, 7), i), verdict, p, f"reason {i}", "test", ev)  # type: ignore[arg-type]


def test_any_hallucinated_claim_makes_the_response_a_hallucination() -> None:
    claims = [cv(0, "supported", 0.1), cv(1, "hallucination", 0.8), cv(2, "hallucination", 0.95)]
    verdict, conf = response_verdict(claims)
    assert verdict == "hallucination" and conf == 0.95
    text = explain(verdict, claims, "rag")
    assert text.startswith("2 of 3 claims are not supported by the context.")
    assert '"claim 1"' in text and "reason 2" in text and "reason 0" not in text


def test_unverifiable_wins_over_supported_but_not_over_hallucination() -> None:
    claims = [cv(0, "supported", 0.2), cv(1, "unverifiable", None)]
    verdict, conf = response_verdict(claims)
    assert verdict == "unverifiable" and conf == 0.8
    assert "could not be checked" in explain(verdict, claims, "open")
    assert response_verdict([cv(0, "unverifiable", None)]) == ("unverifiable", 1.0)
    assert response_verdict([*claims, cv(2, "hallucination", 0.7)])[0] == "hallucination"


def test_supported_confidence_is_limited_by_the_weakest_claim() -> None:
    claims = [cv(0, "supported", 0.05), cv(1, "supported", 0.3)]
    verdict, conf = response_verdict(claims)
    assert verdict == "supported" and abs(conf - 0.7) < 1e-9
    text = explain(verdict, claims, "rag")
    assert text.startswith("All 2 claims are supported by the context.") and '"evidence 0"' in text


def test_claim_confidence_follows_its_verdict() -> None:
    assert cv(0, "hallucination", 0.9).confidence == 0.9
    assert abs(cv(0, "supported", 0.1).confidence - 0.9) < 1e-9
    assert cv(0, "unverifiable", None).confidence == 0.0


def test_a_single_supported_claim_reads_naturally() -> None:
    assert explain("supported", [cv(0, "supported", 0.1)], "rag").startswith("The claim is supported by the context.")
