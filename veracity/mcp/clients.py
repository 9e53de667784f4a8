"""Ready-to-paste MCP client configurations for a hosted Veracity endpoint."""

from __future__ import annotations

import json


def _json(data: object) -> str:
    return json.dumps(data, indent=2)


def client_configs(url: str, token: str) -> str:
    """The four client configurations, each under a heading naming the client and the file."""
    auth = f"Bearer {token}"
    desktop = {"mcpServers": {"veracity": {"command": "npx",
                                           "args": ["mcp-remote", url, "--header", f"Authorization: {auth}"]}}}
    cursor = {"mcpServers": {"veracity": {"url": url, "headers": {"Authorization": auth}}}}
    vscode = {"servers": {"veracity": {"type": "http", "url": url, "headers": {"Authorization": auth}}}}
    code = f'claude mcp add --transport http veracity {url} --header "Authorization: {auth}"'
    return "\n\n".join([
        "Claude Desktop (claude_desktop_config.json; needs Node.js for npx):\n" + _json(desktop),
        "Cursor (~/.cursor/mcp.json or .cursor/mcp.json):\n" + _json(cursor),
        "VS Code (.vscode/mcp.json):\n" + _json(vscode),
        "Claude Code:\n" + code,
    ])
