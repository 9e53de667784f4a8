"""Serving one streamable-HTTP MCP request, statelessly.

Every POST is a complete exchange (no ``Mcp-Session-Id``), so a per-request session
manager is enough and no app-wide lifespan is needed. Responses are plain JSON when the
client accepts ``application/json`` (clients send ``application/json, text/event-stream``,
as the spec asks); a client accepting neither gets 406.
"""

from __future__ import annotations

from typing import Any

from mcp.server import Server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from starlette.types import Receive, Scope, Send


async def serve_stateless(server: Server[Any], scope: Scope, receive: Receive, send: Send,
                          max_body_bytes: int) -> None:
    manager = StreamableHTTPSessionManager(app=server, json_response=True, stateless=True,
                                           max_request_body_size=max_body_bytes)
    async with manager.run():
        await manager.handle_request(scope, receive, send)
