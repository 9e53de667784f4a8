"""Hosted MCP on the main server: ``POST /v1/mcp`` (MCP token) and its management routes (API key).

    GET  /v1/mcp/status   → {"enabled", "url"}
    POST /v1/mcp/enable   → {"enabled": true, "url", "token"}   (new token, shown once; the old one stops)
    POST /v1/mcp/disable  → {"enabled": false}                   (the token stops at once)
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from veracity.api.auth import DEV_KEY, authenticate, bearer_secret
from veracity.api.errors import veracity_error_response
from veracity.errors import AuthenticationFailed, VeracityError
from veracity.limits.limiter import HEADERS_STATE, SLOT_STATE, admit, plan_of
from veracity.mcp.tools import ToolHost, build_server
from veracity.mcp.transport import serve_stateless
from veracity.store.models import KEY_PREFIX, ApiKey

MCP_PATH = "/v1/mcp"

router = APIRouter()


def mcp_url(request: Request) -> str:
    return str(request.base_url).rstrip("/") + MCP_PATH


def token_owner(request: Request) -> ApiKey:
    """The API key owning the request's MCP token, or 401 saying what to do."""
    if request.app.state.settings.auth_disabled:
        return DEV_KEY
    secret = bearer_secret(request, allow_x_api_key=False)
    if not secret:
        raise AuthenticationFailed(
            "no MCP token: send `Authorization: Bearer <MCP token>` (get one with `veracity mcp enable`)",
            code="missing_mcp_token")
    if secret.startswith(KEY_PREFIX):
        raise AuthenticationFailed(
            "this is an API key, not an MCP token: get an MCP token with `veracity mcp enable` "
            "(or POST /v1/mcp/enable) and use that", code="invalid_mcp_token")
    owner: ApiKey | None = request.app.state.store.find_mcp_token(secret)
    if owner is None:
        raise AuthenticationFailed(
            "invalid MCP token (it may have been replaced or disabled): get a new one with `veracity mcp enable`",
            code="invalid_mcp_token")
    return owner


class HostedMCP:
    """The ASGI endpoint of ``/v1/mcp``: authenticate the token, then serve the MCP exchange."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        try:
            owner = token_owner(request)
        except VeracityError as exc:
            response = veracity_error_response(exc)
            response.headers["WWW-Authenticate"] = "Bearer"
            await response(scope, receive, send)
            return
        state = request.app.state
        try:  # the owner's plan: each POST is one request; the slot is released by the accounting middleware
            admission = await run_in_threadpool(admit, state.store, state.settings, owner)
        except VeracityError as exc:
            await veracity_error_response(exc)(scope, receive, send)
            return
        if admission.slot_id is not None:
            scope.setdefault("state", {})[SLOT_STATE] = admission.slot_id
        scope.setdefault("state", {})[HEADERS_STATE] = admission.headers
        host = ToolHost(state.verifier, state.settings, key_id=owner.id, record_usage=state.store.record_usage,
                        max_context_tokens=plan_of(state.settings, owner).max_context_tokens)
        await serve_stateless(build_server(host), scope, receive, send, state.settings.max_body_bytes)


router.routes.append(Route(MCP_PATH, HostedMCP(), methods=["POST", "GET", "DELETE"], include_in_schema=False))


@router.get(MCP_PATH + "/status")
def mcp_status(request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    return {"enabled": bool(request.app.state.store.mcp_enabled(key.id)), "url": mcp_url(request)}


@router.post(MCP_PATH + "/enable")
def mcp_enable(request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    token: str = request.app.state.store.enable_mcp(key.id)
    return {"enabled": True, "url": mcp_url(request), "token": token}


@router.post(MCP_PATH + "/disable")
def mcp_disable(request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    request.app.state.store.disable_mcp(key.id)
    return {"enabled": False}
