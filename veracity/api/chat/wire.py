"""Reports → chat-completion shapes: the verifier's completion and `fact_check_metadata`."""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

from veracity.engine.types import Report
from veracity.wire import claim_to_wire, reliability_object


def completion_id() -> str:
    return "chatcmpl-" + secrets.token_hex(12)


def verification_completion(model: str, report: Report) -> dict[str, Any]:
    obj = reliability_object(report)
    return {
        "id": completion_id(),
        "object": "chat.completion",
        "created": obj["created"],
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps(obj, ensure_ascii=False),
                                             "refusal": None},
                     "finish_reason": "stop", "logprobs": None}],
        "usage": obj["usage"],
        "system_fingerprint": None,
        "verification": obj,
    }


def verification_chunks(completion: dict[str, Any]) -> list[dict[str, Any]]:
    """The same completion as stream chunks: the content, then the finish."""
    base = {"id": completion["id"], "object": "chat.completion.chunk", "created": completion["created"],
            "model": completion["model"]}
    content = completion["choices"][0]["message"]["content"]
    return [
        {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": content}, "finish_reason": None}]},
        {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": completion["usage"],
         "verification": completion["verification"]},
    ]


def fact_check_metadata(report: Report) -> dict[str, Any]:
    sources = sorted({e.source for c in report.claims for e in c.evidence})
    return {
        "claims_detected": len(report.claims),
        "confidence_score": report.confidence,
        "sources_consulted": sources,
        "is_hallucination": report.is_hallucination,
        "verdict": report.verdict,
        "explanation": report.explanation,
        "claims": [claim_to_wire(c) for c in report.claims],
    }


def fact_check_failure(message: str) -> dict[str, Any]:
    """Metadata when verification itself failed: no verdict, the error instead."""
    return {"claims_detected": 0, "confidence_score": None, "sources_consulted": [], "is_hallucination": None,
            "verdict": None, "claims": [], "error": {"message": message, "type": "service_unavailable"}}


def metadata_chunk(completion_id: str, model: str, metadata: dict[str, Any]) -> dict[str, Any]:
    return {"id": completion_id, "object": "chat.completion.chunk", "created": int(time.time()), "model": model,
            "choices": [], "fact_check_metadata": metadata}


def sse(data: dict[str, Any] | str) -> bytes:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return f"data: {text}\n\n".encode()
