"""Standalone MCP, verifying in process with the local engine.

- ``run_stdio(settings)``: MCP over stdin/stdout, for a client's ``command`` entry.
- ``http_app(settings)``: ``POST /stream`` (an API key of the local store in ``Authorization: Bearer``
  or ``x-api-key``) and ``GET /health``.
"""

from __future__ import annotations

from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from veracity import __version__
from veracity.api.auth import bearer_secret
from veracity.api.errors import veracity_error_response
from veracity.config import Settings
from veracity.engine.verifier import Verifier
from veracity.errors import AuthenticationFailed, VeracityError
from veracity.mcp.tools import ToolHost, build_server
from veracity.mcp.transport import serve_stateless
from veracity.store import Store
from veracity.store.models import ApiKey

STREAM_PATH = "/stream"


def run_stdio(settings: Settings, verifier: Verifier, store: Store | None = None) -> None:
    """Serve MCP over stdio until the client closes stdin."""
    from mcp.server.stdio import stdio_server

    host = ToolHost(verifier, settings, record_usage=store.record_usage if store else None)
    server = build_server(host)

    async def main() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(main)


def _caller(store: Store, request: Request) -> ApiKey:
    secret = bearer_secret(request)
    if not secret:
        raise AuthenticationFailed("no API key: send `Authorization: Bearer <key>` or `x-api-key: <key>` "
                                   "(create a key with `veracity keys create`)", code="missing_api_key")
    key = store.find_key(secret)
    if key is None or not key.active:
        raise AuthenticationFailed("invalid or revoked API key: this server takes an API key of its data "
                                   "directory (`veracity keys create`), not an MCP token")
    return key


class StreamEndpoint:
    def __init__(self, settings: Settings, verifier: Verifier, store: Store) -> None:
        self.settings, self.verifier, self.store = settings, verifier, store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        try:
            key = _caller(self.store, request) if not self.settings.auth_disabled else None
        except VeracityError as exc:
            await veracity_error_response(exc)(scope, receive, send)
            return
        host = ToolHost(self.verifier, self.settings, key_id=key.id if key else None,
                        record_usage=self.store.record_usage)
        await serve_stateless(build_server(host), scope, receive, send, self.settings.max_body_bytes)


def http_app(settings: Settings, verifier: Verifier, store: Store) -> Starlette:
    async def health(_: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "version": __version__, "judge": verifier.judge.name,
                             "mcp": STREAM_PATH})

    routes: list[Any] = [
        Route(STREAM_PATH, StreamEndpoint(settings, verifier, store), methods=["POST", "GET", "DELETE"]),
        Route("/health", health, methods=["GET"]),
    ]
    return Starlette(routes=routes)
