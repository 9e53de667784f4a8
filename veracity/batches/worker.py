"""The in-process batch worker: validates, runs and finalizes batches in the background.

One batch at a time, its lines ``concurrency`` at a time, each through the app in process
(:mod:`veracity.batches.asgi`). Each finished line is committed to the store before the
next slot opens, so a server killed at any moment resumes where it was: on start the
worker picks up every batch still ``validating``, ``in_progress``, ``cancelling`` or
``finalizing`` and skips the ``custom_id``s already recorded. A line that was running
when the process died has no record and runs again; it is written once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from starlette.types import ASGIApp

from veracity.api.auth import DEV_KEY
from veracity.batches.asgi import run_line
from veracity.batches.files import FileStorage
from veracity.batches.finalize import Outcome, finalize
from veracity.batches.lines import BatchLine, error_line, parse_line, validate
from veracity.batches.models import BatchError, BatchRecord
from veracity.config import Settings
from veracity.limits.limiter import plan_of
from veracity.store.models import ApiKey

log = logging.getLogger("veracity.batches")


class BatchWorker:
    def __init__(self, app: ASGIApp, store: Any, storage: FileStorage, concurrency: int, poll_s: float = 2.0,
                 settings: Settings | None = None) -> None:
        self.app = app
        self.settings = settings
        self.store = store
        self.storage = storage
        self.concurrency = concurrency
        self.poll_s = poll_s
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._wake = asyncio.Event()
        self._task = asyncio.create_task(self._loop(), name="veracity-batch-worker")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    def wake(self) -> None:
        self._wake.set()

    async def _loop(self) -> None:
        while True:
            self._wake.clear()
            for batch_id in await asyncio.to_thread(self.store.active_batch_ids):
                try:
                    await self.process(batch_id)
                except asyncio.CancelledError:
                    raise
                except Exception:  # noqa: BLE001 - one broken batch must not stop the worker
                    log.exception("batch %s failed unexpectedly", batch_id)
                    await asyncio.to_thread(self._fail, batch_id, BatchError(
                        "internal_error", "the batch failed unexpectedly: see the server log, then submit it again"))
            try:
                await asyncio.wait_for(self._wake.wait(), self.poll_s)
            except TimeoutError:
                pass

    def _fail(self, batch_id: str, *errors: BatchError) -> None:
        self.store.update_batch(batch_id, status="failed", failed_at=int(time.time()), errors=errors)

    async def process(self, batch_id: str) -> None:
        """Take one batch from wherever it stands to a final status."""
        batch = await asyncio.to_thread(self.store.get_batch, batch_id)
        if batch is None:
            return
        if batch.status == "validating":
            batch = await asyncio.to_thread(self._validate, batch)
            if batch is None:
                return
        if batch.status == "finalizing":
            await asyncio.to_thread(finalize, self.store, self.storage, batch, "completed")
            return
        outcome = await self._run(batch)
        fresh = await asyncio.to_thread(self.store.get_batch, batch_id)
        if fresh is not None and fresh.status == "cancelling":
            outcome = "cancelled"
        await asyncio.to_thread(finalize, self.store, self.storage, fresh or batch, outcome)

    def _validate(self, batch: BatchRecord) -> BatchRecord | None:
        if not self.storage.path(batch.input_file_id).is_file():
            self._fail(batch.id, BatchError("input_file_missing", f"the input file {batch.input_file_id} is gone: "
                                            "upload it again and create a new batch"))
            return None
        total, errors = validate(self.storage.lines(batch.input_file_id))
        errors = [*errors, *self._over_plan(batch.key_id, total)]
        if errors:
            self._fail(batch.id, *errors)
            return None
        current = self.store.get_batch(batch.id)
        if current is not None and current.status == "validating":
            self.store.update_batch(batch.id, status="in_progress", in_progress_at=int(time.time()), total=total)
        else:
            self.store.update_batch(batch.id, total=total)
        return self.store.get_batch(batch.id)

    def _over_plan(self, key_id: str, total: int) -> list[BatchError]:
        """The plan's limit on lines per batch, as a validation error when the file is over it."""
        key = self._owner(key_id)
        if self.settings is None or key is None:
            return []
        limit = plan_of(self.settings, key).max_batch_lines
        if limit is None or total <= limit:
            return []
        return [BatchError("too_many_requests", f"the input file holds {total} requests, over the limit of {limit} "
                           f"per batch of plan {key.plan!r}: split it into files of at most {limit} lines")]

    def _owner(self, key_id: str) -> ApiKey | None:
        if key_id == DEV_KEY.id:
            return DEV_KEY
        return next((k for k in self.store.list_keys() if k.id == key_id), None)

    def _stop_reason(self, batch: BatchRecord) -> Outcome | None:
        status = self.store.batch_status(batch.id)
        if status is None or status == "cancelling":
            return "cancelled"
        expires = batch.times.get("expires_at")
        return "expired" if expires is not None and time.time() >= expires else None

    async def _run(self, batch: BatchRecord) -> Outcome:
        """Run every line not yet recorded; stop early on cancel or expiry (running lines finish)."""
        key = await asyncio.to_thread(self._owner, batch.key_id)
        done = await asyncio.to_thread(self.store.finished_custom_ids, batch.id)
        slots = asyncio.Semaphore(self.concurrency)
        running: set[asyncio.Task[None]] = set()
        outcome: Outcome = "completed"
        try:
            for number, raw in self.storage.lines(batch.input_file_id):
                line = parse_line(number, raw)
                if not isinstance(line, BatchLine) or line.custom_id in done:
                    continue
                await slots.acquire()
                stop = await asyncio.to_thread(self._stop_reason, batch)
                if stop is not None:
                    slots.release()
                    outcome = stop
                    break
                task = asyncio.create_task(self._one(batch.id, line, key))
                running.add(task)
                task.add_done_callback(running.discard)
                task.add_done_callback(lambda _: slots.release())
        finally:
            if running:
                await asyncio.gather(*running, return_exceptions=True)
        return outcome

    async def _one(self, batch_id: str, line: BatchLine, key: ApiKey | None) -> None:
        if key is None:
            result = error_line(line, "invalid_api_key", "the key that created this batch no longer exists")
        else:
            try:
                result = await run_line(self.app, line, key)
            except Exception as exc:  # noqa: BLE001 - recorded as this line's failure
                log.exception("batch %s line %d failed", batch_id, line.line)
                result = error_line(line, "server_error", f"the request failed: {exc.__class__.__name__}")
        await asyncio.to_thread(self.store.save_result, batch_id, result)
