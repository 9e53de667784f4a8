"""A client without the SDK: plain JSON-RPC 2.0 over HTTP POST to /v1/mcp."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.conftest import SEED_CONTEXT, Server
from tests.mcp.helpers import RESULT_KEYS, WRONG_DUE

SPEC_ACCEPT = "application/json, text/event-stream"


@pytest.fixture(scope="module")
def token(server: Server) -> str:
    with server.client(server.new_key()) as c:
        return str(c.post("/v1/mcp/enable").json()["token"])


def rpc(server: Server, token: str, method: str, params: dict[str, Any] | None = None, *,
        accept: str | None = SPEC_ACCEPT, id_: int | None = 1) -> httpx.Response:
    body: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
    if id_ is not None:
        body["id"] = id_
    if params is not None:
        body["params"] = params
    headers = {"Authorization": f"Bearer {token}"}
    if accept is not None:
        headers["Accept"] = accept
    return httpx.post(server.url + "/v1/mcp", json=body, headers=headers, timeout=60)


def test_initialize_list_and_call_with_plain_json(server: Server, token: str) -> None:
    init = rpc(server, token, "initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                             "clientInfo": {"name": "curl", "version": "1"}})
    assert init.status_code == 200 and init.headers["content-type"].startswith("application/json")
    result = init.json()["result"]
    assert result["serverInfo"]["name"] == "veracity" and "tools" in result["capabilities"]
    assert rpc(server, token, "notifications/initialized", id_=None).status_code == 202
    tools = rpc(server, token, "tools/list", id_=2).json()["result"]["tools"]
    assert sorted(t["name"] for t in tools) == ["verify", "verify_document"]
    assert all(t["inputSchema"]["type"] == "object" for t in tools)
    call = rpc(server, token, "tools/call", {"name": "verify_document", "arguments": {
        "prompt": "When is the invoice due?", "response": WRONG_DUE, "documentContent": SEED_CONTEXT}}, id_=3)
    out = call.json()["result"]
    assert out["isError"] is False and out["content"][0]["type"] == "text"
    data = json.loads(out["content"][0]["text"])
    assert set(data) == RESULT_KEYS and data["verdict"] == "hallucination"


def test_tool_failure_is_is_error_not_a_verdict(server: Server, token: str) -> None:
    out = rpc(server, token, "tools/call", {"name": "verify", "arguments": {"prompt": "x", "response": ""}}).json()
    assert out["result"]["isError"] is True and "empty" in out["result"]["content"][0]["text"]


@pytest.mark.parametrize("accept", ["application/json", "*/*"])
def test_json_only_or_wildcard_accept_is_enough(server: Server, token: str, accept: str) -> None:
    r = rpc(server, token, "tools/list", accept=accept)
    assert r.status_code == 200 and len(r.json()["result"]["tools"]) == 2


@pytest.mark.parametrize("accept", ["text/html", "text/event-stream"])
def test_wrong_accept_is_406(server: Server, token: str, accept: str) -> None:
    r = rpc(server, token, "tools/list", accept=accept)
    assert r.status_code == 406, r.text
    assert "application/json" in r.json()["error"]["message"]


def test_unknown_method_is_a_jsonrpc_error(server: Server, token: str) -> None:
    r = rpc(server, token, "prompts/get", {"name": "x"})
    assert r.status_code == 200 and r.json()["error"]["code"] == -32601
