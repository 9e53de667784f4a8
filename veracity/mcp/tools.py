"""The two MCP tools, identical in every transport: `verify` and `verify_document`.

``build_server(host)`` returns an MCP ``Server`` whose tool calls run the host's verifier
(in a worker thread: verification is CPU-bound) and record usage like API calls. A failure
(bad arguments, document too long, judge down) is a tool error (``isError: true``) with a
message that says what to do, never a verdict.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
import mcp_types as types
from mcp.server import Server, ServerRequestContext

from veracity import __version__
from veracity.config import Settings
from veracity.engine.tokens import count_tokens
from veracity.engine.types import Report, Task
from veracity.engine.verifier import Verifier
from veracity.errors import InvalidRequest, PayloadTooLarge, VeracityError
from veracity.store.models import UsageRecord
from veracity.wire import reliability_object

log = logging.getLogger("veracity.mcp")

RESULT_FIELDS = ("prompt", "response", "is_hallucination", "verdict", "explanation", "confidence", "claims",
                 "search_results", "usage")

_PROMPT = {"type": "string", "description": "The question or instruction the AI answered (the user's request)."}
_RESPONSE = {"type": "string", "description": "The AI-generated text to check, exactly as produced."}
_SEARCH = {"type": "boolean", "default": True,
           "description": "Include the evidence sources consulted (`search_results`) in the result."}
_DOCUMENT = {"type": "string",
             "description": "The full source text (document, contract, invoice, retrieved passages) the response "
                            "must be faithful to. Only this text counts as evidence."}

TOOLS = [
    types.Tool(
        name="verify",
        title="Verify a response (open mode)",
        description=(
            "Check whether an AI-generated response is factually reliable when there is NO source document: "
            "each claim is checked against the configured knowledge base and search sources. Returns a verdict "
            "(supported, hallucination or unverifiable), an explanation and per-claim evidence. Call it before "
            "relying on, or passing on, an answer whose facts matter. If the answer is based on a document the "
            "user gave you, call verify_document instead."),
        input_schema={"type": "object", "properties": {"prompt": _PROMPT, "response": _RESPONSE,
                                                       "returnSearchResults": _SEARCH},
                      "required": ["prompt", "response"], "additionalProperties": False},
    ),
    types.Tool(
        name="verify_document",
        title="Verify a response against a document (RAG mode)",
        description=(
            "Check whether an AI-generated response is faithful to a given document: every claim must be "
            "supported by documentContent, and anything contradicted or absent is flagged. Use it for answers, "
            "summaries or extractions based on a document, retrieved passages or other provided context. "
            "Returns a verdict, an explanation and the supporting or contradicting passages per claim."),
        input_schema={"type": "object", "properties": {"prompt": _PROMPT, "response": _RESPONSE,
                                                       "documentContent": _DOCUMENT, "returnSearchResults": _SEARCH},
                      "required": ["prompt", "response", "documentContent"], "additionalProperties": False},
    ),
]
TOOL_NAMES = tuple(t.name for t in TOOLS)


@dataclass(frozen=True)
class ToolHost:
    """What tool calls run against: the verifier, the settings, and where usage goes."""

    verifier: Verifier
    settings: Settings
    key_id: str | None = None
    record_usage: Callable[[UsageRecord], None] | None = None
    max_context_tokens: int | None = None  # the key's plan limit (hosted MCP); None: unlimited


def _text(args: dict[str, Any], name: str, *, required: bool = True) -> str:
    value = args.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise InvalidRequest(f"`{name}` must be a string: pass the text itself", param=name)
    return value


def _flag(args: dict[str, Any], name: str) -> bool:
    value = args.get(name, True)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if not isinstance(value, bool):
        raise InvalidRequest(f"`{name}` must be true or false", param=name)
    return value


def task_from_arguments(name: str, args: dict[str, Any], settings: Settings) -> Task:
    """Validate a tool call's arguments into a Task, or raise an error saying what to fix."""
    if name not in TOOL_NAMES:
        raise InvalidRequest(f"unknown tool {name!r}: call `verify` or `verify_document`", param="name")
    prompt, response = _text(args, "prompt"), _text(args, "response")
    if not response.strip():
        raise InvalidRequest("`response` is empty: pass the AI-generated text to check", param="response")
    if len(response) > settings.max_output_chars:
        raise PayloadTooLarge(f"`response` is {len(response)} characters, over the limit of "
                              f"{settings.max_output_chars}: check a shorter part", param="response")
    document: str | None = None
    if name == "verify_document":
        document = _text(args, "documentContent")
        if not document.strip():
            raise InvalidRequest("`documentContent` is empty: pass the document text, or call `verify` to check "
                                 "without a document", param="documentContent")
        limit = settings.mcp_max_document_chars
        if len(document) > limit:
            raise PayloadTooLarge(f"`documentContent` is {len(document)} characters, over the limit of {limit}: "
                                  "pass only the relevant part of the document (the server's "
                                  "mcp_max_document_chars setting)", param="documentContent")
    return Task(prompt, response, document, _flag(args, "returnSearchResults"))


def result_object(task: Task, report: Report) -> dict[str, Any]:
    wire = reliability_object(report)
    out: dict[str, Any] = {"prompt": task.prompt, "response": task.output}
    out.update({k: wire[k] for k in RESULT_FIELDS[2:]})
    return out


def _error_result(message: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(text=f"Error: {message}")], is_error=True)


async def call_tool(host: ToolHost, name: str, args: dict[str, Any]) -> types.CallToolResult:
    """Run one tool call; every failure becomes a tool error."""
    started = time.perf_counter()
    report: Report | None = None
    status = 200
    try:
        task = task_from_arguments(name, args, host.settings)
        _check_context(host, task)
        report = await anyio.to_thread.run_sync(host.verifier.verify, task)
        return types.CallToolResult(content=[types.TextContent(text=json.dumps(result_object(task, report)))])
    except VeracityError as exc:
        status = exc.status_code
        return _error_result(exc.message)
    except Exception:  # noqa: BLE001 - a tool call must answer, not crash the session
        log.exception("MCP tool %s failed", name)
        status = 500
        return _error_result("internal error while verifying; try again, and report it if it persists")
    finally:
        _record(host, name, report, status, started)


def _check_context(host: ToolHost, task: Task) -> None:
    tokens = count_tokens(task.prompt, task.output, task.context)
    if host.max_context_tokens is not None and tokens > host.max_context_tokens:
        raise PayloadTooLarge(f"the call holds about {tokens} tokens of prompt, response and document, over your "
                              f"plan's limit of {host.max_context_tokens}: pass a shorter document",
                              param="documentContent", code="context_length_exceeded")


def _record(host: ToolHost, name: str, report: Report | None, status: int, started: float) -> None:
    if host.record_usage is None:
        return
    try:
        host.record_usage(UsageRecord(
            key_id=host.key_id, endpoint=f"mcp:{name}" if name in TOOL_NAMES else "mcp:unknown",
            prompt_tokens=report.usage.prompt_tokens if report else 0,
            completion_tokens=report.usage.completion_tokens if report else 0,
            latency_ms=round((time.perf_counter() - started) * 1000, 2), status=status,
            verdict=report.verdict if report else None, created_at=int(time.time())))
    except VeracityError as exc:
        log.warning("could not record MCP usage: %s", exc.message)


INSTRUCTIONS = ("Veracity checks whether AI-generated text is reliable. Call `verify_document` when the answer is "
                "based on a document you have, `verify` otherwise.")


def build_server(host: ToolHost) -> Server[Any]:
    """An MCP server exposing the two tools over any transport."""

    async def list_tools(_: ServerRequestContext[Any], __: types.PaginatedRequestParams | None) -> types.ListToolsResult:
        return types.ListToolsResult(tools=list(TOOLS))

    async def on_call(_: ServerRequestContext[Any], params: types.CallToolRequestParams) -> types.CallToolResult:
        return await call_tool(host, params.name, dict(params.arguments or {}))

    return Server("veracity", version=__version__, instructions=INSTRUCTIONS,
                  on_list_tools=list_tools, on_call_tool=on_call)
