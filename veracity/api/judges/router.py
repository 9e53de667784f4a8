"""POST /v1/judges/detect-hallucination: the older judge form, two request shapes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, StrictStr, ValidationError

from veracity.api.auth import authenticate
from veracity.api.chat.models import ChatMessage
from veracity.api.errors import validation_error
from veracity.api.usage import record_call
from veracity.api.verify.models import VerifyRequest
from veracity.engine.conversation import Turn, conversation_task
from veracity.engine.types import Task
from veracity.errors import InvalidRequest
from veracity.limits.context import check_context, check_messages
from veracity.store.models import ApiKey
from veracity.wire import reliability_object

router = APIRouter()


class JudgeMessagesRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    model: StrictStr | None = None
    messages: list[ChatMessage]
    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    stream: bool | None = None


def _task(raw: Any) -> tuple[Task, str | None]:
    if not isinstance(raw, dict):
        raise InvalidRequest("the request body must be a JSON object", code="invalid_body")
    try:
        if "messages" in raw:
            req = JudgeMessagesRequest.model_validate(raw)
            if req.stream:
                raise InvalidRequest("`stream` is not supported by the judges endpoint: send stream=false",
                                     param="stream", code="unsupported_parameter")
            turns = [Turn("tool" if m.role == "function" else m.role, m.text()) for m in req.messages]
            return conversation_task(turns), req.model
        verify = VerifyRequest.model_validate(raw)
    except ValidationError as exc:
        raise validation_error(exc.errors()) from exc
    return Task(verify.prompt, verify.output, verify.context, verify.return_search_results), verify.model


@router.post("/v1/judges/detect-hallucination")
def detect_hallucination(request: Request, raw: dict[str, Any] | list[Any],
                         key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    if isinstance(raw, dict) and isinstance(raw.get("messages"), list):
        check_messages(request, len(raw["messages"]))
    task, model = _task(raw)
    check_context(request, task.prompt, task.output, task.context,
                  param="messages" if isinstance(raw, dict) and "messages" in raw else None)
    verifiers = request.app.state.verifiers
    report = verifiers.get(model).verify(task)
    record_call(request, "/v1/judges/detect-hallucination", report)
    return {**reliability_object(report), "model": verifiers.name(model)}
