"""/v1/batches: OpenAI's Batch API, run by the in-process worker."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI

from veracity.batches.files import FileStorage
from veracity.batches.worker import BatchWorker
from veracity.config import Settings


@dataclass(frozen=True)
class Batches:
    storage: FileStorage
    worker: BatchWorker


def install_batches(app: FastAPI, settings: Settings) -> BatchWorker:
    """Mount /v1/files and /v1/batches; the caller starts and stops the returned worker."""
    from veracity.api.batches.router import router as batches_router
    from veracity.api.files.router import router as files_router

    storage = FileStorage(settings.data_dir / "files")
    worker = BatchWorker(app, app.state.store, storage, settings.batch_concurrency, settings=settings)
    app.state.batches = Batches(storage, worker)
    from veracity.api.openapi import ERROR_RESPONSES

    app.include_router(files_router, tags=["files"], responses=ERROR_RESPONSES)
    app.include_router(batches_router, tags=["batches"], responses=ERROR_RESPONSES)
    return worker
