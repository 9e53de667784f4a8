"""Plans: the built-in ones, custom ones from configuration, and the lookup of a key's plan.

A limit of ``None`` means unlimited. A custom plan (``[veracity.plans.NAME]`` in the TOML
file, or ``VERACITY_PLANS`` as JSON) may override a built-in one; a limit it leaves out is
unlimited.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from veracity.errors import InvalidRequest


class PlanLimits(BaseModel):
    """What one plan allows; ``None``: unlimited."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rpm: int | None = Field(None, ge=1, description="Requests per minute.")
    concurrent: int | None = Field(None, ge=1, description="Requests in flight at the same time.")
    max_context_tokens: int | None = Field(None, ge=1, description="Tokens of prompt + output + context.")
    max_batch_lines: int | None = Field(None, ge=1, description="Requests in one batch input file.")


BUILTIN_PLANS: dict[str, PlanLimits] = {
    "trial": PlanLimits(rpm=30, concurrent=20, max_context_tokens=32_000, max_batch_lines=1_000),
    "core": PlanLimits(rpm=600, concurrent=100, max_context_tokens=100_000, max_batch_lines=50_000),
    "scale": PlanLimits(rpm=1_200, concurrent=200, max_context_tokens=200_000, max_batch_lines=200_000),
    "enterprise": PlanLimits(rpm=None, concurrent=None, max_context_tokens=None, max_batch_lines=None),
}


def all_plans(custom: Mapping[str, PlanLimits]) -> dict[str, PlanLimits]:
    """Built-in plans, overridden or extended by the configured ones."""
    return {**BUILTIN_PLANS, **custom}


def check_plan_name(name: str, custom: Mapping[str, PlanLimits]) -> str:
    """``name`` if it is a known plan, else a 400 listing the known ones."""
    known = all_plans(custom)
    if name not in known:
        raise InvalidRequest(f"unknown plan {name!r}: use one of {', '.join(sorted(known))} "
                             "(or define it under [veracity.plans.NAME] in the config file)",
                             param="plan", code="unknown_plan")
    return name


def limits_of(plan: str, custom: Mapping[str, PlanLimits], default_plan: str) -> PlanLimits:
    """The limits of a key's plan; a plan no longer configured falls back to ``default_plan``."""
    known = all_plans(custom)
    return known.get(plan) or known.get(default_plan) or BUILTIN_PLANS["trial"]
