"""GET /v1/usage: calls per day and endpoint; a key reads its own, an admin anyone's or everyone's."""

from __future__ import annotations

import time
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

from veracity.api.auth import authenticate
from veracity.errors import PermissionDenied
from veracity.store.models import ApiKey

router = APIRouter()
DAY = 86_400


class UsageDay(BaseModel):
    day: str
    endpoint: str
    requests: int
    errors: int
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    avg_latency_ms: float
    hallucinations: int


class UsageReport(BaseModel):
    object: Literal["list"]
    key_id: str | None
    days: int
    since: int
    data: list[UsageDay]


def _whose(key: ApiKey, key_id: str | None, all_keys: bool) -> str | None:
    """The key id to report on (None: every key), refusing other keys' usage to non-admins."""
    if all_keys or (key_id is not None and key_id != key.id):
        if not key.admin:
            raise PermissionDenied("a key may read only its own usage: drop `key_id`/`all`, or use an admin key",
                                   param="all" if all_keys else "key_id")
        return None if all_keys else key_id
    return key.id


@router.get("/v1/usage", response_model=UsageReport)
def usage(request: Request, days: int = Query(30, ge=1, le=3660, description="Days back, today included."),
          key_id: str | None = Query(None, description="Admin only: another key's usage."),
          all: bool = Query(False, description="Admin only: every key's usage together."),  # noqa: A002
          key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    whose = _whose(key, key_id, all)
    since = (int(time.time()) // DAY - (days - 1)) * DAY
    rows = request.app.state.store.usage_summary(whose, since)
    return {"object": "list", "key_id": whose, "days": days, "since": since, "data": [r.to_wire() for r in rows]}
