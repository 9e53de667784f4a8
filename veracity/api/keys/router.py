"""Admin routes for API keys: POST/GET /v1/keys, DELETE /v1/keys/{id}."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, StrictBool, StrictStr

from veracity.api.auth import require_admin
from veracity.limits.plans import check_plan_name
from veracity.store.models import ApiKey

router = APIRouter()


class KeyCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: StrictStr = "api key"
    admin: StrictBool = False
    plan: StrictStr | None = None  # default: the default_plan setting


def key_to_wire(key: ApiKey) -> dict[str, Any]:
    return {"id": key.id, "object": "api_key", "name": key.name, "prefix": key.prefix, "admin": key.admin,
            "plan": key.plan, "created_at": key.created_at, "revoked_at": key.revoked_at,
            "last_used_at": key.last_used_at}


@router.post("/v1/keys", status_code=201)
def create_key(body: KeyCreate, request: Request, _: ApiKey = Depends(require_admin)) -> dict[str, Any]:
    settings = request.app.state.settings
    plan = check_plan_name(body.plan or settings.default_plan, settings.plans)
    key, secret = request.app.state.store.create_key(body.name, admin=body.admin, plan=plan)
    return {**key_to_wire(key), "key": secret}


@router.get("/v1/keys")
def list_keys(request: Request, _: ApiKey = Depends(require_admin)) -> dict[str, Any]:
    return {"object": "list", "data": [key_to_wire(k) for k in request.app.state.store.list_keys()]}


@router.delete("/v1/keys/{key_id}")
def revoke_key(key_id: str, request: Request, _: ApiKey = Depends(require_admin)) -> dict[str, Any]:
    key = request.app.state.store.revoke_key(key_id)
    return {**key_to_wire(key), "deleted": True}
