"""`veracity mcp enable|status|disable` against the running server, and the client configurations."""

from __future__ import annotations

import httpx

from tests.conftest import Server, run_cli
from tests.mcp.clients_text import extract_json
from veracity.mcp.clients import client_configs


def test_client_configs_text() -> None:
    text = client_configs("https://v.example/v1/mcp", "vmcp-T")
    desktop, cursor, vscode = (extract_json(text, h) for h in ("Claude Desktop", "Cursor", "VS Code"))
    assert desktop == {"mcpServers": {"veracity": {"command": "npx", "args": [
        "mcp-remote", "https://v.example/v1/mcp", "--header", "Authorization: Bearer vmcp-T"]}}}
    assert cursor == {"mcpServers": {"veracity": {"url": "https://v.example/v1/mcp",
                                                  "headers": {"Authorization": "Bearer vmcp-T"}}}}
    assert vscode == {"servers": {"veracity": {"type": "http", "url": "https://v.example/v1/mcp",
                                               "headers": {"Authorization": "Bearer vmcp-T"}}}}
    assert ".vscode/mcp.json" in text
    assert ('claude mcp add --transport http veracity https://v.example/v1/mcp '
            '--header "Authorization: Bearer vmcp-T"') in text


def test_enable_status_disable(server: Server) -> None:
    key = server.new_key()
    env = {"VERACITY_API_KEY": key}
    off = run_cli("mcp", "status", "--url", server.url, data_dir=server.data_dir, env=env).stdout
    assert "disabled" in off and "veracity mcp enable" in off
    out = run_cli("mcp", "enable", "--url", server.url, data_dir=server.data_dir, env=env).stdout
    token = next(w for w in out.split() if w.startswith("vmcp-"))
    url = server.url + "/v1/mcp"
    assert extract_json(out, "Cursor")["mcpServers"]["veracity"]["headers"]["Authorization"] == f"Bearer {token}"
    assert f'claude mcp add --transport http veracity {url} --header "Authorization: Bearer {token}"' in out
    assert _tools_list(url, token) == 200
    on = run_cli("mcp", "status", "--url", server.url, "--key", key, data_dir=server.data_dir).stdout
    assert "enabled" in on and url in on and "VS Code" in on
    run_cli("mcp", "disable", "--url", server.url, data_dir=server.data_dir, env=env)
    assert _tools_list(url, token) == 401


def test_errors_say_what_to_do(server: Server) -> None:
    no_key = run_cli("mcp", "enable", "--url", server.url, data_dir=server.data_dir,
                     env={"VERACITY_API_KEY": ""}, check=False)
    assert no_key.returncode != 0 and "VERACITY_API_KEY" in no_key.stderr
    bad = run_cli("mcp", "status", "--url", server.url, "--key", "vk-bad", data_dir=server.data_dir, check=False)
    assert bad.returncode == 1 and "401" in bad.stderr and "veracity keys create" in bad.stderr
    down = run_cli("mcp", "status", "--url", "http://127.0.0.1:9", "--key", "vk-x", data_dir=server.data_dir,
                   check=False)
    assert down.returncode == 1 and "veracity serve" in down.stderr


def _tools_list(url: str, token: str) -> int:
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json, text/event-stream"}
    return httpx.post(url, json=body, headers=headers).status_code


