"""Building a batch's output and error files from its persisted results.

The files are written only at the end, from the ``batch_results`` rows (one per finished
line, committed as each line finished): a crash before or during this step loses nothing,
and running it again gives the same lines. A write failure (disk full, no permission) ends
the batch ``failed`` with a message; the results stay in the store.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any, Literal

from veracity.batches.files import FileStorage
from veracity.batches.lines import BatchLine, error_line, parse_line
from veracity.batches.models import BatchError, BatchRecord, FileRecord
from veracity.store.models import new_id

log = logging.getLogger("veracity.batches")
Outcome = Literal["completed", "cancelled", "expired"]


def close_unfinished(store: Any, storage: FileStorage, batch: BatchRecord, outcome: Outcome) -> None:
    """Give every line that never ran an error result (``batch_cancelled`` / ``batch_expired``)."""
    if outcome == "completed" or not storage.path(batch.input_file_id).is_file():
        return
    done = store.finished_custom_ids(batch.id)
    why = "the batch was cancelled before this request ran" if outcome == "cancelled" else \
        "the batch's completion window ended before this request ran: submit it again"
    for number, raw in storage.lines(batch.input_file_id):
        line = parse_line(number, raw)
        if isinstance(line, BatchLine) and line.custom_id not in done:
            store.save_result(batch.id, error_line(line, f"batch_{outcome}", why))
            done.add(line.custom_id)


def _write(store: Any, storage: FileStorage, batch: BatchRecord, ok: bool, suffix: str) -> str | None:
    """One of the two files, or None when no line belongs in it."""
    file_id, size = new_id("file"), 0
    with storage.writer(file_id) as fh:
        for result in store.iter_results(batch.id):
            if result.ok == ok:
                data = (json.dumps(result.payload) + "\n").encode()
                fh.write(data)
                size += len(data)
    if size == 0:
        storage.delete(file_id)
        return None
    store.create_file(FileRecord(id=file_id, key_id=batch.key_id, filename=f"{batch.id}_{suffix}.jsonl",
                                 purpose="batch_output", bytes=size, created_at=int(time.time())))
    return file_id


def finalize(store: Any, storage: FileStorage, batch: BatchRecord, outcome: Outcome) -> None:
    """Write the files and move the batch to its final status (or to ``failed`` if writing fails)."""
    now = int(time.time())
    if outcome == "completed":
        store.update_batch(batch.id, status="finalizing", finalizing_at=now)
    try:
        close_unfinished(store, storage, batch, outcome)
        output_id = _write(store, storage, batch, True, "output")
        error_id = _write(store, storage, batch, False, "error")
    except OSError as exc:
        log.error("batch %s: cannot write its output: %s", batch.id, exc)
        done, failed = store.result_counts(batch.id)
        message = (f"could not write the output files under {storage.root} ({exc.strerror or exc}); the "
                   f"{done + failed} finished results are kept in the store: free disk space, then export them with "
                   f"`veracity batch export {batch.id} --output OUT.jsonl` on the server host")
        store.update_batch(batch.id, status="failed", failed_at=int(time.time()),
                           errors=(BatchError("output_write_failed", message),))
        return
    store.update_batch(batch.id, status=outcome, output_file_id=output_id, error_file_id=error_id,
                       **{f"{outcome}_at": int(time.time())})
