"""POST /v1/chat/completions: `verify-reliability` verifies; other models are proxied."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from veracity.api.auth import authenticate
from veracity.api.chat.models import ChatRequest
from veracity.api.chat.service import forward_payload, proxy, relay, upstream_of
from veracity.api.chat.wire import sse, verification_chunks, verification_completion
from veracity.api.usage import note_usage, record_call
from veracity.engine.conversation import conversation_task
from veracity.limits.context import check_context, check_messages
from veracity.store.models import ApiKey

router = APIRouter()
_SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


async def _chunks(items: list[dict[str, Any]]) -> AsyncIterator[bytes]:
    for item in items:
        yield sse(item)
    yield sse("[DONE]")


@router.post("/v1/chat/completions", response_model=None)
async def chat_completions(body: ChatRequest, request: Request,
                           key: ApiKey = Depends(authenticate)) -> dict[str, Any] | StreamingResponse:
    body.check_supported()
    check_messages(request, len(body.messages))
    prompt_tokens = check_context(request, *(m.text() for m in body.messages), param="messages")
    if body.is_verifier:
        task = conversation_task(body.turns(), body.return_search_results)
        report = await run_in_threadpool(request.app.state.verifier.verify, task)
        record_call(request, "/v1/chat/completions", report)
        completion = verification_completion(body.model, report)
        if body.stream:
            return StreamingResponse(_chunks(verification_chunks(completion)), media_type="text/event-stream",
                                     headers=_SSE_HEADERS)
        return completion
    raw = await request.json()
    if not body.stream:
        completion = await proxy(request, body, raw)
        note_proxied(request, completion, prompt_tokens)
        return completion
    resp = await upstream_of(request, body.model).open_stream(forward_payload(raw, stream=True))
    note_usage(request, "/v1/chat/completions", prompt_tokens, 0, None)  # recorded when the stream starts
    return StreamingResponse(relay(request, body, resp), media_type="text/event-stream", headers=_SSE_HEADERS)


def note_proxied(request: Request, completion: dict[str, Any], prompt_tokens: int) -> None:
    """A proxied call's usage: the upstream's token counts when it gives them, and the fact-check verdict."""
    raw_usage, meta = completion.get("usage"), completion.get("fact_check_metadata")
    usage: dict[str, Any] = raw_usage if isinstance(raw_usage, dict) else {}
    meta = meta if isinstance(meta, dict) else {}
    note_usage(request, "/v1/chat/completions", int(usage.get("prompt_tokens") or prompt_tokens),
               int(usage.get("completion_tokens") or 0), meta.get("verdict"))
