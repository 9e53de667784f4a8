"""Admission of one request under its key's plan: a concurrency slot, then a request of the minute.

The counters live in the store, so every server process sharing it enforces the same limits.
A slot is a lease: released when the response has been sent (by the accounting middleware),
or freed by expiry (``inflight_lease_seconds``) if the process died first.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

from veracity.config import Settings
from veracity.errors import RateLimited
from veracity.limits.plans import PlanLimits, limits_of
from veracity.store.limits import RateState
from veracity.store.models import ApiKey

SLOT_STATE = "veracity.slot"  # ASGI scope state: the slot id to release after the response
HEADERS_STATE = "veracity.ratelimit_headers"  # ASGI scope state: x-ratelimit-* headers of a success


@dataclass(frozen=True)
class Admission:
    slot_id: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


def plan_of(settings: Settings, key: ApiKey) -> PlanLimits:
    return limits_of(key.plan, settings.plans, settings.default_plan)


def rate_headers(state: RateState) -> dict[str, str]:
    return {"x-ratelimit-limit-requests": str(state.limit),
            "x-ratelimit-remaining-requests": str(state.remaining),
            "x-ratelimit-reset-requests": f"{max(1, math.ceil(state.reset_s))}s"}


def admit(store: Any, settings: Settings, key: ApiKey) -> Admission:
    """Take a slot and count the request, or raise 429 saying when to retry."""
    plan = plan_of(settings, key)
    now = time.time()
    slot: str | None = None
    if plan.concurrent is not None:
        slot = store.acquire_slot(key.id, plan.concurrent, settings.inflight_lease_seconds, now)
        if slot is None:
            raise RateLimited(f"{plan.concurrent} requests of this key are already in flight (plan {key.plan!r}): "
                              "wait for one to finish, or use a plan that allows more", retry_after=1.0,
                              code="concurrency_limit_exceeded")
    if plan.rpm is None:
        return Admission(slot)
    state = store.take_request(key.id, plan.rpm, now)
    if not state.allowed:
        if slot is not None:
            store.release_slot(slot)
        raise RateLimited(f"rate limit of {plan.rpm} requests per minute reached (plan {key.plan!r}): retry after "
                          f"{math.ceil(state.reset_s)} s, or use a plan with a higher limit",
                          retry_after=state.reset_s, headers=rate_headers(state))
    return Admission(slot, rate_headers(state))
