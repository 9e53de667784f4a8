"""SQLite store (WAL): zero set-up, one file under the data directory."""

from __future__ import annotations

import hmac
import sqlite3
import threading
import time
from pathlib import Path

from veracity.errors import BackendError, NotFound
from veracity.store.batches import BatchStoreMixin
from veracity.store.mcp_tokens import MCPTokensMixin
from veracity.store.models import ApiKey, UsageRecord, hash_secret, new_id, new_secret

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def migrations() -> list[tuple[int, str]]:
    """``NNNN_name.sql`` files in order: each feature adds its own file, applied once."""
    out = []
    for f in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        out.append((int(f.name[:4]), f.read_text(encoding="utf-8")))
    return out


_KEY_COLUMNS = "id, name, prefix, admin, plan, created_at, revoked_at, last_used_at"


def _key(row: tuple) -> ApiKey:  # type: ignore[type-arg]
    return ApiKey(id=row[0], name=row[1], prefix=row[2], admin=bool(row[3]), plan=row[4],
                  created_at=row[5], revoked_at=row[6], last_used_at=row[7])


class SQLiteStore(MCPTokensMixin, BatchStoreMixin):
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA busy_timeout=30000")
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise BackendError(f"cannot open the store at {self.path}: {exc}; check the data directory "
                               "exists and is writable") from exc

    def _migrate(self) -> None:
        with self._lock:
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
            current = row[0] or 0
            for version, script in migrations():
                if version <= current:
                    continue
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    for statement in filter(str.strip, script.split(";")):
                        self._db.execute(statement)
                    self._db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
                    self._db.execute("COMMIT")
                except sqlite3.Error:
                    self._db.execute("ROLLBACK")
                    raise

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)

    def _exec(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:  # type: ignore[type-arg]
        try:
            with self._lock:
                return self._db.execute(sql, params)
        except sqlite3.Error as exc:
            raise BackendError(f"store error: {exc}") from exc

    def create_key(self, name: str, *, admin: bool = False, plan: str = "trial") -> tuple[ApiKey, str]:
        secret = new_secret()
        key = ApiKey(id=new_id("key"), name=name, prefix=secret[:7], admin=admin, plan=plan, created_at=int(time.time()))
        self._exec(
            "INSERT INTO api_keys (id, name, prefix, hash, admin, plan, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key.id, key.name, key.prefix, hash_secret(secret), int(admin), plan, key.created_at),
        )
        return key, secret

    def list_keys(self, *, include_revoked: bool = True) -> list[ApiKey]:
        where = "" if include_revoked else " WHERE revoked_at IS NULL"
        rows = self._exec(f"SELECT {_KEY_COLUMNS} FROM api_keys{where} ORDER BY created_at, id").fetchall()
        return [_key(r) for r in rows]

    def find_key(self, secret: str) -> ApiKey | None:
        digest = hash_secret(secret)
        row = self._exec(f"SELECT {_KEY_COLUMNS}, hash FROM api_keys WHERE hash = ?", (digest,)).fetchone()
        if row is None or not hmac.compare_digest(row[-1], digest):
            return None
        key = _key(row[:-1])
        if key.active:
            self._exec("UPDATE api_keys SET last_used_at = ? WHERE id = ?", (int(time.time()), key.id))
        return key

    def revoke_key(self, key_id: str) -> ApiKey:
        self._exec("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (int(time.time()), key_id))
        row = self._exec(f"SELECT {_KEY_COLUMNS} FROM api_keys WHERE id = ?", (key_id,)).fetchone()
        if row is None:
            raise NotFound(f"no API key with id {key_id!r}: list them with `veracity keys list`", param="id")
        return _key(row)

    def record_usage(self, r: UsageRecord) -> None:
        self._exec(
            "INSERT INTO usage (key_id, endpoint, prompt_tokens, completion_tokens, latency_ms, status, verdict, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (r.key_id, r.endpoint, r.prompt_tokens, r.completion_tokens, r.latency_ms, r.status, r.verdict, r.created_at),
        )

    def close(self) -> None:
        with self._lock:
            self._db.close()
