"""GET /v1/models and /v1/models/{id}: the verifier models and what the upstream serves."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from veracity.api.auth import authenticate
from veracity.api.chat.models import VERIFIER_MODELS
from veracity.errors import NotFound
from veracity.store.models import ApiKey

router = APIRouter()
CREATED = 1767225600  # 2026-01-01, the verifier models' fixed creation date


def _model(id_: str, owner: str, created: int = CREATED) -> dict[str, Any]:
    return {"id": id_, "object": "model", "created": created, "owned_by": owner}


async def all_models(request: Request) -> list[dict[str, Any]]:
    out = [_model(m, "veracity") for m in VERIFIER_MODELS]
    out += [_model(j, "veracity") for j in request.app.state.verifiers.names()]
    upstream = request.app.state.upstream
    if upstream is not None:
        seen = {m["id"] for m in out}
        for m in await upstream.models():
            if m["id"] not in seen:
                out.append(_model(m["id"], str(m.get("owned_by", "upstream")), int(m.get("created") or CREATED)))
    return out


@router.get("/v1/models")
async def list_models(request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    return {"object": "list", "data": await all_models(request)}


@router.get("/v1/models/{model_id:path}")
async def get_model(model_id: str, request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    for m in await all_models(request):
        if m["id"] == model_id:
            return m
    raise NotFound(f"no model {model_id!r}: list them with GET /v1/models", param="model", code="model_not_found")
