"""/v1/files: upload (streamed to disk), list, retrieve, download (streamed), delete."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from veracity.api.auth import authenticate
from veracity.api.files.upload import receive_upload
from veracity.batches.files import FileStorage
from veracity.batches.models import UPLOAD_PURPOSES, FileRecord
from veracity.errors import InvalidRequest, NotFound, PayloadTooLarge
from veracity.store.models import ApiKey, new_id

router = APIRouter()
_MULTIPART_SLACK = 64 * 1024  # room for the multipart framing around a file at the limit


def storage(request: Request) -> FileStorage:
    return request.app.state.batches.storage  # type: ignore[no-any-return]


def own_file(request: Request, file_id: str, key: ApiKey) -> FileRecord:
    """The caller's file, or 404 (another key's file is not found, never forbidden)."""
    found: FileRecord | None = request.app.state.store.get_file(file_id, key.id)
    if found is None:
        raise NotFound(f"no file with id {file_id!r}: list yours with GET /v1/files", param="file_id",
                       code="file_not_found")
    return found


def _check_length(request: Request, limit: int) -> None:
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit + _MULTIPART_SLACK:
        raise PayloadTooLarge(f"the upload is {length} bytes, over the file limit of {limit} bytes: split the file, "
                              "or raise max_file_bytes (VERACITY_MAX_FILE_BYTES)", param="file")


@router.post("/v1/files")
async def upload_file(request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    limit: int = request.app.state.settings.max_file_bytes
    _check_length(request, limit)
    file_id = new_id("file")
    with storage(request).writer(file_id) as sink:
        filename, size, fields = await receive_upload(request.stream(), request.headers.get("content-type", ""),
                                                      sink, limit)
        purpose = fields.get("purpose", "")
        if purpose not in UPLOAD_PURPOSES:
            raise InvalidRequest(f"invalid `purpose` {purpose!r}: use one of {', '.join(UPLOAD_PURPOSES)}",
                                 param="purpose", code="invalid_value")
    record = FileRecord(id=file_id, key_id=key.id, filename=filename, purpose=purpose, bytes=size,
                        created_at=int(time.time()))
    await run_in_threadpool(request.app.state.store.create_file, record)
    return record.to_wire()


@router.get("/v1/files")
def list_files(request: Request, purpose: str | None = None, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    files = request.app.state.store.list_files(key.id, purpose)
    return {"object": "list", "data": [f.to_wire() for f in files], "has_more": False}


@router.get("/v1/files/{file_id}")
def get_file(file_id: str, request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    return own_file(request, file_id, key).to_wire()


@router.get("/v1/files/{file_id}/content")
def file_content(file_id: str, request: Request, key: ApiKey = Depends(authenticate)) -> FileResponse:
    record = own_file(request, file_id, key)
    path = storage(request).path(record.id)
    if not path.is_file():
        raise NotFound(f"the content of file {file_id!r} is missing on disk: upload it again", param="file_id",
                       code="file_not_found")
    return FileResponse(path, media_type="application/octet-stream", filename=record.filename)


@router.delete("/v1/files/{file_id}")
def delete_file(file_id: str, request: Request, key: ApiKey = Depends(authenticate)) -> dict[str, Any]:
    record = own_file(request, file_id, key)
    request.app.state.store.delete_file(record.id, int(time.time()))
    storage(request).delete(record.id)
    return {"id": record.id, "object": "file", "deleted": True}
