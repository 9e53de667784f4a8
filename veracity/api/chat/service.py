"""Chat completions: verify a conversation, or proxy it upstream and fact-check the answer."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
from fastapi import Request
from starlette.concurrency import run_in_threadpool

from veracity.api.chat.models import ChatRequest
from veracity.api.chat.upstream import Upstream
from veracity.api.chat.wire import fact_check_failure, fact_check_metadata, metadata_chunk, sse
from veracity.engine.conversation import Turn, conversation_task
from veracity.engine.verifier import Verifier
from veracity.errors import NotFound, VeracityError

log = logging.getLogger("veracity.api")
_NOT_FORWARDED = ("api_key", "return_search_results")


def upstream_of(request: Request, model: str) -> Upstream:
    upstream: Upstream | None = request.app.state.upstream
    if upstream is None:
        raise NotFound(f"model {model!r} is not served here: use `verify-reliability`, or set upstream_base_url to "
                       "proxy other models to an OpenAI-compatible LLM", param="model", code="model_not_found")
    return upstream


def forward_payload(raw: dict[str, Any], stream: bool) -> dict[str, Any]:
    payload = {k: v for k, v in raw.items() if k not in _NOT_FORWARDED}
    payload["stream"] = stream
    return payload


async def check_answer(verifier: Verifier, req: ChatRequest, answer: str) -> dict[str, Any]:
    """fact_check_metadata for the upstream's answer; a verification failure is reported, never a verdict."""
    if not answer.strip():
        return fact_check_failure("the upstream answer holds no text to verify")
    task = conversation_task([*req.turns(), Turn("assistant", answer)], req.return_search_results)
    try:
        report = await run_in_threadpool(verifier.verify, task)
    except VeracityError as exc:
        return fact_check_failure(exc.message)
    return fact_check_metadata(report)


async def proxy(request: Request, req: ChatRequest, raw: dict[str, Any]) -> dict[str, Any]:
    completion = await upstream_of(request, req.model).complete(forward_payload(raw, stream=False))
    answer = completion["choices"][0]["message"].get("content") or ""
    completion["fact_check_metadata"] = await check_answer(request.app.state.verifier, req, answer)
    return completion


async def relay(request: Request, req: ChatRequest, resp: httpx.Response) -> AsyncIterator[bytes]:
    """Relay upstream SSE chunks as they come, then one chunk with fact_check_metadata, then [DONE]."""
    parts: list[str] = []
    chunk_id, finished = "chatcmpl-proxy", False
    try:
        async for line in resp.aiter_lines():
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                finished = True
                break
            chunk = json.loads(data)
            if isinstance(chunk, dict) and chunk.get("error"):
                yield sse({"error": chunk["error"]})
                return
            chunk_id = chunk.get("id", chunk_id)
            for choice in chunk.get("choices") or []:
                parts.append((choice.get("delta") or {}).get("content") or "")
            yield sse(data)
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("upstream stream broke: %s", exc)
        yield sse({"error": {"message": f"the upstream LLM stream broke: {exc.__class__.__name__}", "type":
                             "upstream_error", "param": None, "code": "upstream_stream_error"}})
        return
    finally:
        await resp.aclose()
    if not finished:
        yield sse({"error": {"message": "the upstream LLM closed the stream before it finished", "type":
                             "upstream_error", "param": None, "code": "upstream_stream_error"}})
        return
    metadata = await check_answer(request.app.state.verifier, req, "".join(parts))
    yield sse(metadata_chunk(chunk_id, req.model, metadata))
    yield sse("[DONE]")
