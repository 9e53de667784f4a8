"""Recording one API call into the store's usage table."""

from __future__ import annotations

import time

from fastapi import Request

from veracity.engine.types import Report
from veracity.store.models import UsageRecord


def record_call(request: Request, endpoint: str, report: Report | None, status: int = 200) -> None:
    key = getattr(request.state, "key", None)
    started = getattr(request.state, "started", time.perf_counter())
    request.app.state.store.record_usage(UsageRecord(
        key_id=key.id if key else None,
        endpoint=endpoint,
        prompt_tokens=report.usage.prompt_tokens if report else 0,
        completion_tokens=report.usage.completion_tokens if report else 0,
        latency_ms=round((time.perf_counter() - started) * 1000, 2),
        status=status,
        verdict=report.verdict if report else None,
        created_at=int(time.time()),
    ))
