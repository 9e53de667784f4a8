"""Report → the contract's reliability object (shared by the API, the CLI, MCP and batches)."""

from __future__ import annotations

import secrets
import time
from typing import Any

from veracity.engine.types import ClaimVerdict, Evidence, Report


def _evidence(e: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"text": e.text, "source": e.source}
    if e.span is not None:
        out["span"] = list(e.span)
    if e.link:
        out["link"] = e.link
    return out


def claim_to_wire(c: ClaimVerdict) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": c.claim.text,
        "span": list(c.claim.span),
        "verdict": c.verdict,
        "confidence": round(c.confidence, 4),
        "reason": c.reason,
        "evidence": [_evidence(e) for e in c.evidence],
    }
    if c.error:
        out["error"] = c.error
    return out


def new_verification_id() -> str:
    return "vrf-" + secrets.token_hex(12)


def reliability_object(report: Report, *, id: str | None = None, created: int | None = None) -> dict[str, Any]:
    return {
        "id": id or new_verification_id(),
        "object": "verification",
        "created": created if created is not None else int(time.time()),
        "model": report.model,
        "is_hallucination": report.is_hallucination,
        "verdict": report.verdict,
        "confidence": report.confidence,
        "explanation": report.explanation,
        "claims": [claim_to_wire(c) for c in report.claims],
        "search_results": [{"title": s.title, "snippet": s.snippet, "link": s.link} for s in report.search_results],
        "usage": {
            "prompt_tokens": report.usage.prompt_tokens,
            "completion_tokens": report.usage.completion_tokens,
            "total_tokens": report.usage.total_tokens,
        },
    }
