"""Standalone MCP: `veracity mcp` over stdio and `veracity mcp --http`, driven by the official MCP client."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import httpx
import pytest
from mcp import ClientSession

from tests.conftest import free_port, run_cli
from tests.mcp.helpers import (
    KB_TEXT,
    RIGHT_AMOUNT,
    WRONG_DUE,
    check_document_tool,
    check_failures,
    check_tool_list,
    http_session,
    payload,
    stdio_session,
    tool_error,
    usage_rows,
)

LIMIT = 1000
ENV = {"VERACITY_MCP_MAX_DOCUMENT_CHARS": str(LIMIT)}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory whose knowledge base knows the invoice (for open-mode verdicts)."""
    path = tmp_path_factory.mktemp("mcp-standalone")
    (path / "invoice.md").write_text(KB_TEXT, encoding="utf-8")
    run_cli("kb", "add", str(path / "invoice.md"), data_dir=path)
    return path


async def check_open_mode(session: ClientSession) -> None:
    right = payload(await session.call_tool("verify", {"prompt": "How much?", "response": RIGHT_AMOUNT}))
    assert right["verdict"] == "supported" and right["search_results"], right
    wrong = payload(await session.call_tool("verify", {"prompt": "When due?", "response": WRONG_DUE,
                                                       "returnSearchResults": False}))
    assert wrong["verdict"] == "hallucination" and wrong["search_results"] == []


def test_stdio(data_dir: Path) -> None:
    async def scenario() -> None:
        async with stdio_session(data_dir, ENV) as s:
            await check_tool_list(s)
            await check_document_tool(s)
            await check_open_mode(s)
            await check_failures(s, LIMIT)

    anyio.run(scenario)
    endpoints = [r[0] for r in usage_rows(data_dir / "veracity.db")]
    assert endpoints.count("mcp:verify_document") >= 2 and endpoints.count("mcp:verify") >= 2


def test_stdio_judge_down_is_a_tool_error(tmp_path: Path) -> None:
    env = {"VERACITY_JUDGES": "llm", "VERACITY_LLM_BASE_URL": f"http://127.0.0.1:{free_port()}/v1",
           "VERACITY_LLM_MODEL": "judge", "VERACITY_LLM_MAX_RETRIES": "0", "VERACITY_LLM_TIMEOUT": "2"}

    async def scenario() -> None:
        async with stdio_session(tmp_path, env) as s:
            for name, extra in (("verify_document", {"documentContent": "Amt:7116GBP"}), ("verify", {})):
                text = tool_error(await s.call_tool(name, {"prompt": "How much?", "response": RIGHT_AMOUNT, **extra}))
                assert "cannot be reached" in text and "VERACITY_LLM_BASE_URL" in text

    anyio.run(scenario)
    assert {r[1] for r in usage_rows(tmp_path / "veracity.db")} == {503}


@pytest.fixture(scope="module")
def http_server(data_dir: Path) -> Iterator[tuple[str, str]]:
    key = run_cli("keys", "create", data_dir=data_dir).stdout.strip().splitlines()[-1]
    port = free_port()
    env = {**os.environ, "VERACITY_DATA_DIR": str(data_dir), **ENV}
    proc = subprocess.Popen([sys.executable, "-m", "veracity", "mcp", "--http", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert proc.poll() is None, "veracity mcp --http exited early"
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base, key
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_http_health(http_server: tuple[str, str]) -> None:
    health = httpx.get(http_server[0] + "/health").json()
    assert health["status"] == "ok" and health["mcp"] == "/stream"


@pytest.mark.parametrize("header", ["authorization", "x-api-key"])
def test_http_stream(http_server: tuple[str, str], header: str) -> None:
    base, key = http_server
    headers = {"Authorization": f"Bearer {key}"} if header == "authorization" else {"x-api-key": key}

    async def scenario() -> None:
        async with http_session(base + "/stream", headers) as s:
            await check_tool_list(s)
            await check_document_tool(s)
            await check_open_mode(s)
            if header == "authorization":
                await check_failures(s, LIMIT)

    anyio.run(scenario)


@pytest.mark.parametrize("secret", [None, "vk-wrong", "vmcp-a-hosted-token"])
def test_http_stream_refuses_missing_or_bad_keys(http_server: tuple[str, str], secret: str | None) -> None:
    headers = {"Accept": "application/json, text/event-stream"}
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    r = httpx.post(http_server[0] + "/stream", headers=headers, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
    assert r.status_code == 401 and r.json()["error"]["type"] == "authentication_error"
    assert "veracity keys create" in r.json()["error"]["message"]
