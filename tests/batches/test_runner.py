"""The batch runner in process: validation rules, expiry, and a full disk at finalization."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import BinaryIO

from tests.batches.helpers import jsonl, verify_line
from tests.conftest import run_cli
from veracity.api.app import create_app
from veracity.batches.files import FileStorage
from veracity.batches.lines import validate
from veracity.batches.models import BatchRecord, FileRecord
from veracity.config import Settings


def _app(tmp_path: Path):  # type: ignore[no-untyped-def]
    return create_app(Settings.model_validate({"data_dir": tmp_path, "auth_disabled": True}))


def _batch(app, lines: list, expires_at: int) -> BatchRecord:  # type: ignore[no-untyped-def, type-arg]
    storage, store = app.state.batches.storage, app.state.store
    with storage.writer("file_in") as fh:
        fh.write(jsonl(lines))
    store.create_file(FileRecord("file_in", "key_dev", "in.jsonl", "batch", 1, int(time.time())))
    batch = BatchRecord(id="batch_t", key_id="key_dev", input_file_id="file_in", endpoint="/v1/verify/reliability",
                        completion_window="24h", status="validating", created_at=int(time.time()),
                        times={"expires_at": expires_at})
    store.create_batch(batch)
    return batch


def test_validate_lists_every_bad_line_with_its_number() -> None:
    raw = [(1, b'{"custom_id": "a", "url": "/v1/verify/reliability", "body": {}}'), (2, b"[1]"),
           (3, b'{"custom_id": "a", "url": "/v1/verify/reliability", "body": {}}'),
           (4, b'{"custom_id": "b", "method": "GET", "url": "/v1/verify/reliability", "body": {}}'),
           (5, b'{"custom_id": "c", "url": "/v1/verify/reliability", "body": "x"}')]
    total, errors = validate(raw)
    assert total == 5
    assert [(e.line, e.code) for e in errors] == [(2, "invalid_line"), (3, "duplicate_custom_id"),
                                                  (4, "invalid_method"), (5, "invalid_body")]
    assert validate([])[1][0].code == "empty_file"


def test_expired_batch_keeps_finished_results_and_reports_the_rest(tmp_path: Path) -> None:
    app = _app(tmp_path)
    store = app.state.store
    _batch(app, [verify_line("a"), verify_line("b")], expires_at=int(time.time()) - 1)
    asyncio.run(app.state.batches.worker.process("batch_t"))
    batch = store.get_batch("batch_t")
    assert batch.status == "expired" and batch.times["expired_at"] and batch.total == 2
    errors = [r.payload["error"]["code"] for r in store.iter_results("batch_t")]
    assert errors == ["batch_expired", "batch_expired"] and batch.error_file_id and batch.output_file_id is None


class FullDisk(FileStorage):
    """Fault injection: new files are opened on /dev/full, where the kernel answers every
    write with ENOSPC, exactly as a full disk does. Nothing else is patched."""

    def _open(self, path: Path) -> BinaryIO:
        return open("/dev/full", "wb")  # noqa: SIM115 - closed by the writer


def test_disk_full_at_finalization_fails_the_batch_and_keeps_results(tmp_path: Path) -> None:
    app = _app(tmp_path)
    store = app.state.store
    batch = _batch(app, [verify_line("a"), verify_line("b", output="The amount is 7116 GBP.")], int(time.time()) + 60)
    worker = app.state.batches.worker
    worker.storage = FullDisk(tmp_path / "files")
    asyncio.run(worker.process(batch.id))
    failed = store.get_batch(batch.id)
    assert failed.status == "failed" and failed.output_file_id is None
    assert failed.errors[0].code == "output_write_failed" and "No space left" in failed.errors[0].message
    assert "veracity batch export" in failed.errors[0].message
    assert [r.custom_id for r in store.iter_results(batch.id)] == ["a", "b"]
    assert not list((tmp_path / "files").glob("*.part"))
    store.close()
    out = tmp_path / "recovered.jsonl"
    run_cli("batch", "export", batch.id, "--output", str(out), data_dir=tmp_path)
    assert [line.count('"custom_id"') for line in out.read_text().splitlines()] == [1, 1]
