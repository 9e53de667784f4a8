"""Hosted MCP on the real server (`server` fixture), driven by the official MCP client."""

from __future__ import annotations

import anyio
import httpx
import pytest
from mcp import MCPError

from tests.api.test_auth import BODY, assert_error
from tests.conftest import Server
from tests.mcp.helpers import (
    WRONG_DUE,
    check_document_tool,
    check_failures,
    check_tool_list,
    http_session,
    payload,
    usage_rows,
)


def enable(server: Server, key: str) -> dict:
    with server.client(key) as c:
        r = c.post("/v1/mcp/enable")
    assert r.status_code == 200, r.text
    return r.json()


def mcp_call(url: str, token: str) -> httpx.Response:
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    return httpx.post(url, json=body, headers={"Authorization": f"Bearer {token}",
                                               "Accept": "application/json, text/event-stream"})


def test_tools_over_hosted_mcp(server: Server) -> None:
    key = server.new_key()
    enabled = enable(server, key)
    assert enabled["enabled"] is True and enabled["url"] == server.url + "/v1/mcp"
    assert enabled["token"].startswith("vmcp-")

    async def scenario() -> None:
        async with http_session(enabled["url"], {"Authorization": f"Bearer {enabled['token']}"}) as s:
            await check_tool_list(s)
            await check_document_tool(s)
            open_mode = payload(await s.call_tool("verify", {"prompt": "When is the invoice due?",
                                                             "response": WRONG_DUE}))
            assert open_mode["verdict"] in ("unverifiable", "hallucination") and open_mode["is_hallucination"]
            assert isinstance(open_mode["search_results"], list)
            await check_failures(s, 200_000)

    anyio.run(scenario)
    rows = [r for r in usage_rows(server.data_dir / "veracity.db", key) if r[0].startswith("mcp:")]  # + /v1/mcp/enable
    assert [r[0] for r in rows[:3]] == ["mcp:verify_document", "mcp:verify_document", "mcp:verify"]
    assert rows[0][1:] == (200, "hallucination") and rows[1][1:] == (200, "supported")
    assert (400, None) in [r[1:] for r in rows[3:]] and (413, None) in [r[1:] for r in rows[3:]]


def test_token_lifecycle(server: Server) -> None:
    key = server.new_key()
    with server.client(key) as c:
        assert c.get("/v1/mcp/status").json() == {"enabled": False, "url": server.url + "/v1/mcp"}
        first = c.post("/v1/mcp/enable").json()
        assert c.get("/v1/mcp/status").json()["enabled"] is True
        assert mcp_call(first["url"], first["token"]).status_code == 200
        second = c.post("/v1/mcp/enable").json()
        assert second["token"] != first["token"]
        err = assert_error(mcp_call(first["url"], first["token"]), 401, "authentication_error")
        assert "veracity mcp enable" in err["message"]
        assert mcp_call(second["url"], second["token"]).status_code == 200
        assert c.post("/v1/mcp/disable").json() == {"enabled": False}
        assert c.get("/v1/mcp/status").json()["enabled"] is False
        assert_error(mcp_call(second["url"], second["token"]), 401, "authentication_error")


def test_tokens_are_per_key_and_stored_hashed(server: Server) -> None:
    a, b = server.new_key(), server.new_key()
    token_a, token_b = enable(server, a)["token"], enable(server, b)["token"]
    with server.client(b) as c:
        c.post("/v1/mcp/disable")
    assert mcp_call(server.url + "/v1/mcp", token_a).status_code == 200
    assert mcp_call(server.url + "/v1/mcp", token_b).status_code == 401
    raw = (server.data_dir / "veracity.db").read_bytes()
    wal = server.data_dir / "veracity.db-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert token_a.encode() not in raw


def test_api_key_is_not_an_mcp_token_and_the_reverse(server: Server) -> None:
    key = server.new_key()
    token = enable(server, key)["token"]
    err = assert_error(mcp_call(server.url + "/v1/mcp", key), 401, "authentication_error")
    assert "not an MCP token" in err["message"]
    assert_error(httpx.post(server.url + "/v1/mcp", json={}), 401, "authentication_error")
    with server.client(token) as c:
        assert_error(c.post("/v1/verify/reliability", json=BODY), 401, "authentication_error")
        assert_error(c.post("/v1/mcp/enable"), 401, "authentication_error")


def test_sdk_client_with_a_bad_token_fails_to_connect(server: Server) -> None:
    async def scenario() -> None:
        async with http_session(server.url + "/v1/mcp", {"Authorization": "Bearer vmcp-nope"}):
            pass

    with pytest.raises(BaseException) as info:
        anyio.run(scenario)
    assert any(isinstance(e, MCPError) for e in _leaves(info.value))


def _leaves(exc: BaseException) -> list[BaseException]:
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for e in exc.exceptions for leaf in _leaves(e)]
    return [exc]
