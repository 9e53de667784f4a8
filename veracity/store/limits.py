"""Rate and concurrency counters shared by every process using the store (a mixin of the SQLite store).

* Requests per minute: one row per key and wall-clock minute, counted up inside a
  ``BEGIN IMMEDIATE`` transaction, so two processes never both take the last request.
* Concurrent requests: one row per request in flight, a lease with an expiry time. A
  process that dies without releasing its rows frees them when the lease runs out.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from veracity.store.models import new_id


@dataclass(frozen=True)
class RateState:
    """The outcome of counting one request against a per-minute limit."""

    allowed: bool
    limit: int
    remaining: int
    reset_s: float  # seconds until the window restarts


class LimitsMixin:
    """Needs the host class's ``_transaction()``."""

    if TYPE_CHECKING:  # provided by the store class this is mixed into
        def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def take_request(self, key_id: str, limit: int, now: float) -> RateState:
        """Count one request of ``key_id`` in the current minute, unless the limit is reached."""
        minute = int(now // 60)
        reset = 60 - (now % 60)
        with self._transaction() as db:
            row = db.execute("SELECT count FROM rate_windows WHERE key_id = ? AND minute = ?",
                             (key_id, minute)).fetchone()
            used = int(row[0]) if row else 0
            if used >= limit:
                return RateState(False, limit, 0, reset)
            if row is None:
                db.execute("DELETE FROM rate_windows WHERE key_id = ? AND minute < ?", (key_id, minute))
                db.execute("INSERT INTO rate_windows (key_id, minute, count) VALUES (?, ?, 1)", (key_id, minute))
            else:
                db.execute("UPDATE rate_windows SET count = count + 1 WHERE key_id = ? AND minute = ?",
                           (key_id, minute))
        return RateState(True, limit, limit - used - 1, reset)

    def acquire_slot(self, key_id: str, limit: int, lease_s: float, now: float) -> str | None:
        """A slot id for one request in flight, or None when ``limit`` are already in flight."""
        with self._transaction() as db:
            db.execute("DELETE FROM inflight WHERE key_id = ? AND expires_at < ?", (key_id, now))
            (count,) = db.execute("SELECT count(*) FROM inflight WHERE key_id = ?", (key_id,)).fetchone()
            if count >= limit:
                return None
            slot = new_id("slot")
            db.execute("INSERT INTO inflight (id, key_id, expires_at) VALUES (?, ?, ?)", (slot, key_id, now + lease_s))
        return slot

    def release_slot(self, slot_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM inflight WHERE id = ?", (slot_id,))

    def inflight_count(self, key_id: str, now: float) -> int:
        with self._transaction() as db:
            row = db.execute("SELECT count(*) FROM inflight WHERE key_id = ? AND expires_at >= ?",
                             (key_id, now)).fetchone()
        return int(row[0])

