"""Driving Veracity's MCP endpoints with the official MCP client (SDK), plus shared cases."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx2
import mcp_types as types
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

from tests.conftest import SEED_CONTEXT
from veracity.store.models import hash_secret

WRONG_DUE = "The invoice is due on June 12, 2025."
RIGHT_AMOUNT = "The invoice amount is 7,116 GBP."
KB_TEXT = ("Invoice INV7701B from OptiTech to Acme. The invoice amount is 7,116 GBP. The invoice date is May 22, "
           "2025. The invoice is due on June 21, 2025, on net 30 terms.")
RESULT_KEYS = {"prompt", "response", "is_hallucination", "verdict", "explanation", "confidence", "claims",
               "search_results", "usage"}


@asynccontextmanager
async def http_session(url: str, headers: dict[str, str] | None = None) -> AsyncIterator[ClientSession]:
    async with (httpx2.AsyncClient(headers=headers or {}, timeout=60) as http,
                streamable_http_client(url, http_client=http) as (read, write),
                ClientSession(read, write) as session):
        await session.initialize()
        yield session


@asynccontextmanager
async def stdio_session(data_dir: Path, env: dict[str, str] | None = None) -> AsyncIterator[ClientSession]:
    full_env = {"VERACITY_DATA_DIR": str(data_dir), "PYTHONPATH": os.getcwd(),
                "VERACITY_JUDGES": os.environ.get("VERACITY_JUDGES", "rules"), **(env or {})}
    params = StdioServerParameters(command=sys.executable, args=["-m", "veracity", "mcp"], env=full_env)
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session


def payload(result: types.CallToolResult) -> dict[str, Any]:
    assert not result.is_error, result.content
    assert len(result.content) == 1 and isinstance(result.content[0], types.TextContent)
    data: dict[str, Any] = json.loads(result.content[0].text)
    assert set(data) == RESULT_KEYS
    return data


def tool_error(result: types.CallToolResult) -> str:
    assert result.is_error, result.content
    item = result.content[0]
    assert isinstance(item, types.TextContent) and "verdict" not in item.text
    return item.text


async def check_tool_list(session: ClientSession) -> None:
    tools = {t.name: t for t in (await session.list_tools()).tools}
    assert set(tools) == {"verify", "verify_document"}
    verify, document = tools["verify"].input_schema, tools["verify_document"].input_schema
    assert verify["required"] == ["prompt", "response"]
    assert document["required"] == ["prompt", "response", "documentContent"]
    assert verify["properties"]["returnSearchResults"]["default"] is True
    assert "verify_document" in (tools["verify"].description or "")
    assert all(p.get("description") for p in document["properties"].values())


async def check_document_tool(session: ClientSession) -> None:
    """verify_document on the invoice seed: a hallucination and a supported claim."""
    wrong = payload(await session.call_tool("verify_document", {
        "prompt": "When is the invoice due?", "response": WRONG_DUE, "documentContent": SEED_CONTEXT}))
    assert wrong["verdict"] == "hallucination" and wrong["is_hallucination"] is True
    assert wrong["response"] == WRONG_DUE and wrong["claims"][0]["verdict"] == "hallucination"
    assert "21Jun25" in wrong["explanation"]
    right = payload(await session.call_tool("verify_document", {
        "prompt": "What is the amount?", "response": RIGHT_AMOUNT, "documentContent": SEED_CONTEXT,
        "returnSearchResults": False}))
    assert right["verdict"] == "supported" and right["is_hallucination"] is False
    assert right["usage"]["total_tokens"] > 0


async def check_failures(session: ClientSession, document_limit: int) -> None:
    """Empty response, missing or oversized document, unknown tool: tool errors, never verdicts."""
    empty = tool_error(await session.call_tool("verify", {"prompt": "Due?", "response": "  "}))
    assert "`response` is empty" in empty
    missing = tool_error(await session.call_tool("verify_document", {"prompt": "Due?", "response": WRONG_DUE}))
    assert "documentContent" in missing
    big = tool_error(await session.call_tool("verify_document", {
        "prompt": "Due?", "response": WRONG_DUE, "documentContent": "x " * (document_limit // 2 + 1)}))
    assert "over the limit" in big and "documentContent" in big
    unknown = tool_error(await session.call_tool("translate", {"prompt": "a", "response": "b"}))
    assert "verify_document" in unknown


def usage_rows(db: Path, api_key: str | None = None) -> list[tuple[str, int, str | None]]:
    params: tuple[str, ...] = ()
    with sqlite3.connect(db) as conn:
        if api_key is None:
            sql = "SELECT endpoint, status, verdict FROM usage WHERE endpoint LIKE 'mcp:%'"
        else:
            sql = ("SELECT u.endpoint, u.status, u.verdict FROM usage u JOIN api_keys k ON k.id = u.key_id "
                   "WHERE k.hash = ? ORDER BY u.id")
            params = (hash_secret(api_key),)
        return [tuple(r) for r in conn.execute(sql, params).fetchall()]  # type: ignore[misc]
