"""Translating :class:`~veracity.llm.client.LLMCallError` into the package's error hierarchy.

- :func:`to_judge_error`: for the LLM judge; always a :class:`JudgeError` (503), whose
  message names the setting to check.
- :func:`to_upstream_error`: for the chat proxy::

      upstream 400 / 422   → InvalidRequest (400) carrying the upstream's message
      upstream 401 / 403   → UpstreamError (502): check upstream_api_key
      upstream 404         → NotFound (404) carrying the upstream's message
      upstream 429         → RateLimited (429), Retry-After passed through
      timeout              → UpstreamTimeout (504)
      connect / 5xx / other status / protocol → UpstreamError (502)
"""

from __future__ import annotations

from veracity.errors import (
    InvalidRequest,
    JudgeError,
    NotFound,
    RateLimited,
    UpstreamError,
    UpstreamTimeout,
    VeracityError,
)
from veracity.llm.client import LLMCallError


def to_upstream_error(e: LLMCallError) -> VeracityError:
    """The error the chat proxy answers with when the upstream LLM call failed."""
    detail = e.detail or e.message
    if e.kind == "timeout":
        return UpstreamTimeout(f"the upstream LLM did not answer in time ({e.message}): retry, or raise "
                               "upstream_timeout")
    if e.kind == "connect":
        return UpstreamError(f"the upstream LLM cannot be reached ({e.message}): check upstream_base_url and that "
                             "the server is running")
    if e.kind == "protocol":
        return UpstreamError(f"the upstream LLM sent an answer Veracity cannot read: {e.message}")
    if e.status in (401, 403):
        return UpstreamError("the upstream LLM refused Veracity's credentials: check upstream_api_key")
    if e.status == 429:
        retry = e.retry_after if e.retry_after is not None else 1.0
        return RateLimited(f"the upstream LLM is rate limiting requests ({detail}): retry after {retry:g}s",
                           retry_after=retry)
    if e.status in (400, 422):
        return InvalidRequest(f"the upstream LLM rejected the request: {detail}")
    if e.status == 404:
        return NotFound(f"the upstream LLM answered 404: {detail} (check the model name)")
    return UpstreamError(f"the upstream LLM failed with HTTP {e.status}: {detail}")


def to_judge_error(e: LLMCallError) -> JudgeError:
    """The error the LLM judge raises when its endpoint failed (never a verdict)."""
    if e.kind == "timeout":
        return JudgeError(f"the LLM judge timed out ({e.message}): raise VERACITY_LLM_TIMEOUT or use a faster model")
    if e.kind == "connect":
        return JudgeError(f"the LLM judge's endpoint cannot be reached ({e.message}): check VERACITY_LLM_BASE_URL "
                          "and that the server is running")
    if e.kind == "protocol":
        return JudgeError(f"the LLM judge's endpoint sent an answer Veracity cannot read: {e.message}")
    detail = e.detail or e.message
    if e.status in (401, 403):
        return JudgeError(f"the LLM judge's endpoint refused the credentials (HTTP {e.status}): check "
                          "VERACITY_LLM_API_KEY")
    if e.status == 404:
        return JudgeError(f"the LLM judge's endpoint answered 404 ({detail}): check VERACITY_LLM_MODEL and "
                          "that VERACITY_LLM_BASE_URL ends with /v1")
    if e.status == 429:
        return JudgeError(f"the LLM judge's endpoint is still rate limiting after retries ({detail}): retry later "
                          "or raise VERACITY_LLM_MAX_RETRIES")
    return JudgeError(f"the LLM judge's endpoint failed with HTTP {e.status}: {detail}")
