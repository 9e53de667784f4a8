"""SQLite store (WAL): zero set-up, one file under the data directory."""

from __future__ import annotations

import hmac
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from veracity.errors import BackendError, NotFound
from veracity.store.batches import BatchStoreMixin
from veracity.store.limits import LimitsMixin
from veracity.store.mcp_tokens import MCPTokensMixin
from veracity.store.models import ApiKey, UsageRecord, hash_secret, new_id, new_secret
from veracity.store.usage import UsageMixin

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def migrations() -> list[tuple[int, str]]:
    """``NNNN_name.sql`` files in order: each feature adds its own file, applied once."""
    out = []
    for f in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        out.append((int(f.name[:4]), f.read_text(encoding="utf-8")))
    return out


def store_error(exc: sqlite3.Error, path: Path) -> BackendError:
    """A 503 that says what is wrong with the store and what to do about it."""
    text = str(exc)
    if "full" in text:
        hint = f"the disk holding {path} is full: free space there; calls work again at once"
    elif "readonly" in text or "read-only" in text:
        hint = f"the store {path} is read-only: make it (and its directory) writable; calls work again at once"
    elif "I/O" in text:
        hint = f"the disk holding {path} failed to read or write: check it"
    else:
        hint = "retry; if it persists, check the data directory"
    return BackendError(f"store error: {text}; {hint}", code="store_unavailable")


_KEY_COLUMNS = "id, name, prefix, admin, plan, created_at, revoked_at, last_used_at"


def _key(row: tuple) -> ApiKey:  # type: ignore[type-arg]
    return ApiKey(id=row[0], name=row[1], prefix=row[2], admin=bool(row[3]), plan=row[4],
                  created_at=row[5], revoked_at=row[6], last_used_at=row[7])


class SQLiteStore(MCPTokensMixin, BatchStoreMixin, LimitsMixin, UsageMixin):
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            uri = str(path).startswith("file:")  # e.g. file:/data/veracity.db?mode=ro (a read-only replica)
            if not uri:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=None, uri=uri)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=30000")
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise BackendError(f"cannot open the store at {self.path}: {exc}; check the data directory "
                               "exists and is writable") from exc

    def _migrate(self) -> None:
        with self._lock:
            exists = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone()
            if not exists:  # no write at all when up to date: a read-only store still opens
                self._db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
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
            raise store_error(exc, self.path) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: the write lock is taken first, so processes serialise."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise store_error(exc, self.path) from exc
            try:
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise store_error(exc, self.path) from exc
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        try:
            self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # nothing was open (a failed COMMIT already rolled back)

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
