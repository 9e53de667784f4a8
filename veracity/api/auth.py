"""API-key authentication: ``Authorization: Bearer``, ``x-api-key``, or ``api_key`` in a JSON body."""

from __future__ import annotations

import json
import time

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from veracity.errors import AuthenticationFailed, PermissionDenied
from veracity.limits.limiter import HEADERS_STATE, SLOT_STATE, admit
from veracity.store.models import ApiKey

DEV_KEY = ApiKey(id="key_dev", name="development mode", prefix="dev", admin=True, plan="enterprise", created_at=0)


def bearer_secret(request: Request, *, allow_x_api_key: bool = True) -> str | None:
    """The secret of ``Authorization: Bearer`` (or, if allowed, of ``x-api-key``)."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if allow_x_api_key:
        return request.headers.get("x-api-key", "").strip() or None
    return None


async def _body_secret(request: Request) -> str | None:
    if "json" not in request.headers.get("content-type", "") and request.method != "POST":
        return None
    try:
        data = json.loads(await request.body() or b"null")
    except (ValueError, UnicodeDecodeError):
        return None
    key = data.get("api_key") if isinstance(data, dict) else None
    return key.strip() if isinstance(key, str) and key.strip() else None


async def authenticate(request: Request) -> ApiKey:
    """The caller's key, or 401 with a message that says what to do."""
    request.state.started = time.perf_counter()
    batch_key = request.scope.get("state", {}).get("veracity.batch_key")  # set in process by batches, never by HTTP
    if isinstance(batch_key, ApiKey):
        request.state.key = batch_key
        return batch_key
    if request.app.state.settings.auth_disabled:
        request.state.key = DEV_KEY
        return DEV_KEY
    secret = bearer_secret(request) or await _body_secret(request)
    if not secret:
        raise AuthenticationFailed(
            "no API key: send `Authorization: Bearer <key>` (create a key with `veracity keys create`)",
            code="missing_api_key")
    key = request.app.state.store.find_key(secret)
    if key is None:
        raise AuthenticationFailed("invalid API key: check it, or create one with `veracity keys create`")
    if not key.active:
        raise AuthenticationFailed("this API key was revoked: use another key or create one with `veracity keys create`",
                                   code="revoked_api_key")
    request.state.key = key
    await _admit(request, key)
    return key


async def _admit(request: Request, key: ApiKey) -> None:
    """Apply the key's plan (429 over it); the slot is released after the response by the accounting middleware."""
    admission = await run_in_threadpool(admit, request.app.state.store, request.app.state.settings, key)
    state = request.scope.setdefault("state", {})
    if admission.slot_id is not None:
        state[SLOT_STATE] = admission.slot_id
    if admission.headers:
        state[HEADERS_STATE] = admission.headers


async def require_admin(key: ApiKey = Depends(authenticate)) -> ApiKey:
    if not key.admin:
        raise PermissionDenied("this route needs an admin key (`veracity keys create --admin`)")
    return key
