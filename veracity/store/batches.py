"""Files, batches and per-line batch results in SQLite (a mixin of :class:`SQLiteStore`).

Each finished batch line is one committed row of ``batch_results`` (primary key
``(batch_id, custom_id)``, inserted with ``OR IGNORE``): a line is recorded at most once,
and what is recorded survives a crash of the server.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from veracity.batches.models import ACTIVE_STATUSES, BatchError, BatchRecord, FileRecord, LineResult

_FILE_COLUMNS = "id, key_id, filename, purpose, bytes, created_at"
_BATCH_COLUMNS = ("id, key_id, input_file_id, endpoint, completion_window, metadata, status, errors, output_file_id, "
                  "error_file_id, total, created_at, in_progress_at, expires_at, finalizing_at, completed_at, "
                  "failed_at, expired_at, cancelling_at, cancelled_at")
_TIME_NAMES = ("in_progress_at", "expires_at", "finalizing_at", "completed_at", "failed_at", "expired_at",
               "cancelling_at", "cancelled_at")
_UPDATABLE = frozenset({"status", "errors", "output_file_id", "error_file_id", "total", *_TIME_NAMES})


def _file(row: Any) -> FileRecord:
    return FileRecord(id=row[0], key_id=row[1], filename=row[2], purpose=row[3], bytes=row[4], created_at=row[5])


def _errors(raw: str | None) -> tuple[BatchError, ...]:
    return tuple(BatchError(**e) for e in json.loads(raw)) if raw else ()


class BatchStoreMixin:
    """Needs ``_exec`` (one locked, autocommitted statement) from the store it is mixed into."""

    if TYPE_CHECKING:  # provided by the store class this is mixed into
        def _exec(self, sql: str, params: tuple = ()) -> sqlite3.Cursor: ...  # type: ignore[type-arg]

    # -- files -------------------------------------------------------------------------------
    def create_file(self, f: FileRecord) -> None:
        self._exec(f"INSERT INTO files ({_FILE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                   (f.id, f.key_id, f.filename, f.purpose, f.bytes, f.created_at))

    def get_file(self, file_id: str, key_id: str | None = None) -> FileRecord | None:
        """The file, or None when it does not exist, was deleted, or belongs to another key."""
        row = self._exec(f"SELECT {_FILE_COLUMNS} FROM files WHERE id = ? AND deleted_at IS NULL", (file_id,)).fetchone()
        if row is None or (key_id is not None and row[1] != key_id):
            return None
        return _file(row)

    def list_files(self, key_id: str, purpose: str | None = None) -> list[FileRecord]:
        sql = f"SELECT {_FILE_COLUMNS} FROM files WHERE key_id = ? AND deleted_at IS NULL"
        params: tuple[str, ...] = (key_id,)
        if purpose:
            sql, params = sql + " AND purpose = ?", (key_id, purpose)
        return [_file(r) for r in self._exec(sql + " ORDER BY created_at DESC, id", params).fetchall()]

    def delete_file(self, file_id: str, now: int) -> None:
        self._exec("UPDATE files SET deleted_at = ? WHERE id = ?", (now, file_id))

    # -- batches -----------------------------------------------------------------------------
    def create_batch(self, b: BatchRecord) -> None:
        self._exec(
            "INSERT INTO batches (id, key_id, input_file_id, endpoint, completion_window, metadata, status, "
            "created_at, expires_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "(SELECT coalesce(max(seq), 0) + 1 FROM batches))",
            (b.id, b.key_id, b.input_file_id, b.endpoint, b.completion_window,
             json.dumps(b.metadata) if b.metadata is not None else None, b.status, b.created_at,
             b.times.get("expires_at")))

    def _batch(self, row: Any) -> BatchRecord:
        done, failed = self.result_counts(row[0])
        return BatchRecord(
            id=row[0], key_id=row[1], input_file_id=row[2], endpoint=row[3], completion_window=row[4],
            metadata=json.loads(row[5]) if row[5] else None, status=row[6], errors=_errors(row[7]),
            output_file_id=row[8], error_file_id=row[9], total=row[10], created_at=row[11],
            completed=done, failed=failed, times=dict(zip(_TIME_NAMES, row[12:20])))

    def get_batch(self, batch_id: str, key_id: str | None = None) -> BatchRecord | None:
        row = self._exec(f"SELECT {_BATCH_COLUMNS} FROM batches WHERE id = ?", (batch_id,)).fetchone()
        if row is None or (key_id is not None and row[1] != key_id):
            return None
        return self._batch(row)

    def batch_status(self, batch_id: str) -> str | None:
        row = self._exec("SELECT status FROM batches WHERE id = ?", (batch_id,)).fetchone()
        return str(row[0]) if row else None

    def list_batches(self, key_id: str, after: str | None, limit: int) -> tuple[list[BatchRecord], bool]:
        """Newest first; ``after`` is the id of the last batch of the previous page."""
        where, params = "key_id = ?", [key_id]
        if after:
            where += " AND seq < coalesce((SELECT seq FROM batches WHERE id = ? AND key_id = ?), 0)"
            params += [after, key_id]
        rows = self._exec(f"SELECT {_BATCH_COLUMNS} FROM batches WHERE {where} ORDER BY seq DESC LIMIT ?",
                          (*params, limit + 1)).fetchall()
        return [self._batch(r) for r in rows[:limit]], len(rows) > limit

    def update_batch(self, batch_id: str, **fields: Any) -> None:
        unknown = set(fields) - _UPDATABLE
        if unknown:
            raise ValueError(f"not updatable: {sorted(unknown)}")
        if "errors" in fields:
            fields["errors"] = json.dumps([e.__dict__ for e in fields["errors"]])
        sets = ", ".join(f"{name} = ?" for name in fields)
        self._exec(f"UPDATE batches SET {sets} WHERE id = ?", (*fields.values(), batch_id))

    def active_batch_ids(self) -> list[str]:
        marks = ", ".join("?" for _ in ACTIVE_STATUSES)
        rows = self._exec(f"SELECT id FROM batches WHERE status IN ({marks}) ORDER BY seq", ACTIVE_STATUSES)
        return [r[0] for r in rows.fetchall()]

    # -- results -----------------------------------------------------------------------------
    def save_result(self, batch_id: str, r: LineResult) -> bool:
        """Record one finished line (committed at once); False if it was already recorded."""
        cur = self._exec("INSERT OR IGNORE INTO batch_results (batch_id, custom_id, line, ok, payload) "
                         "VALUES (?, ?, ?, ?, ?)", (batch_id, r.custom_id, r.line, int(r.ok), json.dumps(r.payload)))
        return cur.rowcount == 1

    def finished_custom_ids(self, batch_id: str) -> set[str]:
        rows = self._exec("SELECT custom_id FROM batch_results WHERE batch_id = ?", (batch_id,)).fetchall()
        return {r[0] for r in rows}

    def result_counts(self, batch_id: str) -> tuple[int, int]:
        row = self._exec("SELECT coalesce(sum(ok), 0), count(*) FROM batch_results WHERE batch_id = ?",
                         (batch_id,)).fetchone()
        return int(row[0]), int(row[1]) - int(row[0])

    def iter_results(self, batch_id: str, page: int = 1000) -> Iterator[LineResult]:
        """Every recorded result in input-line order, read page by page."""
        last = -1
        while True:
            rows = self._exec("SELECT custom_id, line, ok, payload FROM batch_results WHERE batch_id = ? AND line > ? "
                              "ORDER BY line LIMIT ?", (batch_id, last, page)).fetchall()
            for row in rows:
                yield LineResult(custom_id=row[0], line=row[1], ok=bool(row[2]), payload=json.loads(row[3]))
            if len(rows) < page:
                return
            last = rows[-1][1]
