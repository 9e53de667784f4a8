"""Size limits of one request: context tokens per plan (413) and messages per conversation (400)."""

from __future__ import annotations

from fastapi import Request

from veracity.engine.tokens import count_tokens
from veracity.errors import InvalidRequest, PayloadTooLarge
from veracity.limits.plans import limits_of


def check_context(request: Request, *texts: str | None, param: str | None = None) -> int:
    """The tokens of ``texts`` (prompt + output + context, or a whole conversation); 413 over the plan."""
    tokens = count_tokens(*texts)
    key = getattr(request.state, "key", None)
    if key is None:
        return tokens
    settings = request.app.state.settings
    limit = limits_of(key.plan, settings.plans, settings.default_plan).max_context_tokens
    if limit is not None and tokens > limit:
        raise PayloadTooLarge(f"the request holds about {tokens} tokens of prompt, output and context, over the "
                              f"limit of {limit} of plan {key.plan!r}: send a shorter context, or use a plan with "
                              "a larger context", param=param, code="context_length_exceeded")
    return tokens


def check_messages(request: Request, count: int) -> None:
    limit: int = request.app.state.settings.max_messages
    if count > limit:
        raise InvalidRequest(f"`messages` holds {count} messages, over the limit of {limit}: send the recent "
                             "turns only, or raise max_messages", param="messages", code="too_many_messages")
