"""/v1/batches: create, retrieve, list (cursor pages), cancel."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from veracity.api.auth import authenticate
from veracity.api.files.router import own_file
from veracity.batches.models import BATCH_URLS, TERMINAL_STATUSES, BatchRecord
from veracity.errors import Conflict, InvalidRequest, NotFound
from veracity.store.models import ApiKey, new_id

router = APIRouter()
WINDOWS = {"24h": 24 * 3600}


class CreateBatch(BaseModel):
    model_config = ConfigDict(extra="ignore")
    input_file_id: StrictStr
    endpoint: StrictStr
    completion_window: StrictStr = "24h"
    metadata: dict[StrictStr, StrictStr] | None = Field(None, max_length=16)


def own_batch(request: Request, batch_id: str, key: ApiKey) -> BatchRecord:
    found: BatchRecord | None = request.app.state.store.get_batch(batch_id, key.id)
    if found is None:
        raise NotFound(f"no batch with id {batch_id!r}: list yours with GET /v1/batches", param="batch_id",
                       code="batch_not_found")
    return found


def _check(body: CreateBatch) -> None:
    if body.endpoint not in BATCH_URLS:
        raise InvalidRequest(f"`endpoint` {body.endpoint!r} cannot run in a batch: use one of {', '.join(BATCH_URLS)}",
                             param="endpoint", code="invalid_value")
    if body.completion_window not in WINDOWS:
        raise InvalidRequest("`completion_window` must be \"24h\"", param="completion_window", code="invalid_value")


@router.post("/v1/batches")
def create_batch(body: CreateBatch, request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    _check(body)
    source = own_file(request, body.input_file_id, key)
    if source.purpose != "batch":
        raise InvalidRequest(f"file {source.id} has purpose {source.purpose!r}: upload the input with purpose "
                             "\"batch\"", param="input_file_id", code="invalid_value")
    now = int(time.time())
    batch = BatchRecord(id=new_id("batch"), key_id=key.id, input_file_id=source.id, endpoint=body.endpoint,
                        completion_window=body.completion_window, status="validating", created_at=now,
                        metadata=body.metadata, times={"expires_at": now + WINDOWS[body.completion_window]})
    request.app.state.store.create_batch(batch)
    request.app.state.batches.worker.wake()
    return own_batch(request, batch.id, key).to_wire()


@router.get("/v1/batches/{batch_id}")
def get_batch(batch_id: str, request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    return own_batch(request, batch_id, key).to_wire()


@router.get("/v1/batches")
def list_batches(request: Request, after: str | None = None, limit: int = Query(20, ge=1, le=100),
                 key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    batches, has_more = request.app.state.store.list_batches(key.id, after, limit)
    data = [b.to_wire() for b in batches]
    return {"object": "list", "data": data, "first_id": data[0]["id"] if data else None,
            "last_id": data[-1]["id"] if data else None, "has_more": has_more}


@router.post("/v1/batches/{batch_id}/cancel")
def cancel_batch(batch_id: str, request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    batch = own_batch(request, batch_id, key)
    if batch.status in TERMINAL_STATUSES:
        raise Conflict(f"batch {batch_id} is already {batch.status}: nothing to cancel", code="batch_not_active")
    if batch.status in ("validating", "in_progress"):
        request.app.state.store.update_batch(batch.id, status="cancelling", cancelling_at=int(time.time()))
        request.app.state.batches.worker.wake()
    return own_batch(request, batch_id, key).to_wire()
