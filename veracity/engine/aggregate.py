"""Claim verdicts → one response verdict, confidence and explanation.

Rules (documented in the README):
- any claim judged ``hallucination`` → the response is a hallucination; its confidence
  is the highest hallucination probability among those claims;
- else any claim ``unverifiable`` → the response is ``unverifiable``; ``is_hallucination``
  follows the ``unverifiable_is_hallucination`` policy; confidence is the lowest
  confidence of the decided claims (1.0 when no claim could be decided);
- else ``supported``, with confidence ``1 - max p_hallucination`` over the claims (1.0 for an
  output that only asks questions and so makes no claim).
The explanation names the failing claims and quotes their evidence, so it always
agrees with the verdict.
"""

from __future__ import annotations

from collections.abc import Sequence

from veracity.engine.types import ClaimVerdict, Verdict


def response_verdict(claims: Sequence[ClaimVerdict]) -> tuple[Verdict, float]:
    bad = [c for c in claims if c.verdict == "hallucination"]
    if bad:
        return "hallucination", max(c.p_hallucination or 0.0 for c in bad)
    unknown = [c for c in claims if c.verdict == "unverifiable"]
    if unknown:
        decided = [c.confidence for c in claims if c.verdict != "unverifiable"]
        return "unverifiable", min(decided) if decided else 1.0
    return "supported", 1.0 - max((c.p_hallucination or 0.0 for c in claims), default=0.0)


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 1]}…"'


def explain(verdict: Verdict, claims: Sequence[ClaimVerdict], mode: str) -> str:
    """One paragraph that agrees with ``verdict`` and cites evidence."""
    where = "the context" if mode == "rag" else "the available sources"
    n = len(claims)
    if verdict == "hallucination":
        bad = [c for c in claims if c.verdict == "hallucination"]
        head = f"{len(bad)} of {n} claim{'s' if n != 1 else ''} {'is' if len(bad) == 1 else 'are'} not supported by {where}."
        parts = [head] + [f"Claim {c.claim.index + 1} {_quote(c.claim.text)}: {c.reason}" for c in bad]
        return " ".join(parts)
    if verdict == "unverifiable":
        unk = [c for c in claims if c.verdict == "unverifiable"]
        head = f"{len(unk)} of {n} claim{'s' if n != 1 else ''} could not be checked: no evidence in {where} decides {'it' if len(unk) == 1 else 'them'}."
        detail = [f"Claim {c.claim.index + 1} {_quote(c.claim.text)}: {c.reason}" for c in unk[:5]]
        return " ".join([head, *detail])
    if n == 0:
        return "The output makes no claim to check: it only asks questions that name nothing."
    head = f"The claim is supported by {where}." if n == 1 else f"All {n} claims are supported by {where}."
    cites = [f"Claim {c.claim.index + 1} is backed by {_quote(c.evidence[0].text, 120)}." for c in claims[:3] if c.evidence]
    return " ".join([head, *cites])
