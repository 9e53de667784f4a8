"""What one API call is charged: noted by the route, written by the accounting middleware.

A route calls :func:`record_call` with its report (verdict, tokens); the middleware
(:mod:`veracity.api.accounting`) writes one usage row per authenticated call when the
response starts, with the status, so errors are recorded too.
"""

from __future__ import annotations

from fastapi import Request

from veracity.engine.types import Report

USAGE_STATE = "veracity.usage"  # ASGI scope state: (endpoint, prompt_tokens, completion_tokens, verdict)


def record_call(request: Request, endpoint: str, report: Report | None) -> None:
    """Note the call's report for its usage row (the status is taken from the response)."""
    if report is None:
        note_usage(request, endpoint, 0, 0, None)
    else:
        note_usage(request, endpoint, report.usage.prompt_tokens, report.usage.completion_tokens, report.verdict)


def note_usage(request: Request, endpoint: str, prompt_tokens: int, completion_tokens: int,
               verdict: str | None) -> None:
    request.scope.setdefault("state", {})[USAGE_STATE] = (endpoint, prompt_tokens, completion_tokens, verdict)
