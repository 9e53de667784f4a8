"""POST /v1/verify/reliability: thin router over the engine."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from veracity.api.auth import authenticate
from veracity.api.usage import record_call
from veracity.api.verify.models import ReliabilityObject, VerifyRequest
from veracity.engine.types import Task
from veracity.errors import InvalidRequest
from veracity.limits.context import check_context
from veracity.store.models import ApiKey
from veracity.wire import reliability_object

router = APIRouter()


@router.post("/v1/verify/reliability", response_model=None, responses={200: {"model": ReliabilityObject}})
def verify_reliability(body: VerifyRequest, request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    limit = request.app.state.settings.max_output_chars
    if len(body.output) > limit:
        raise InvalidRequest(f"`output` is {len(body.output)} characters, over the limit of {limit}", param="output")
    check_context(request, body.prompt, body.output, body.context, param="context" if body.context else "output")
    task = Task(body.prompt, body.output, body.context, body.return_search_results)
    report = request.app.state.verifier.verify(task)
    record_call(request, "/v1/verify/reliability", report)
    return reliability_object(report)
