"""The SQLite store: schema created and migrated by the package, keys hashed, revocation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from veracity.errors import BackendError, ConfigError, NotFound
from veracity.store import open_store
from veracity.store.models import UsageRecord, hash_secret
from veracity.store.sqlite import SQLiteStore, migrations


def test_fresh_store_is_migrated_to_the_latest_version_in_wal_mode(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "v.db")
    assert store.schema_version == migrations()[-1][0]
    with sqlite3.connect(tmp_path / "v.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    again = SQLiteStore(tmp_path / "v.db")  # reopening applies nothing twice
    assert again.schema_version == migrations()[-1][0]
    with sqlite3.connect(tmp_path / "v.db") as db:
        assert db.execute("SELECT count(*) FROM schema_version").fetchone()[0] == migrations()[-1][0]


def test_keys_round_trip_hashed(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'v.db'}")
    key, secret = store.create_key("ci", admin=True, plan="core")
    with sqlite3.connect(tmp_path / "v.db") as db:
        stored = db.execute("SELECT hash FROM api_keys WHERE id = ?", (key.id,)).fetchone()[0]
    assert stored == hash_secret(secret) and secret not in stored
    found = store.find_key(secret)
    assert found is not None and found.id == key.id and found.admin and found.plan == "core"
    assert store.find_key(secret + "x") is None
    assert store.revoke_key(key.id).revoked_at is not None
    found = store.find_key(secret)
    assert found is not None and not found.active
    with pytest.raises(NotFound):
        store.revoke_key("key_unknown")


def test_usage_is_recorded(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "v.db")
    store.record_usage(UsageRecord("key_1", "/v1/verify/reliability", 10, 3, 12.5, 200, "supported", 1))
    with sqlite3.connect(tmp_path / "v.db") as db:
        assert db.execute("SELECT endpoint, prompt_tokens, verdict FROM usage").fetchall() == [
            ("/v1/verify/reliability", 10, "supported")]


def test_unwritable_location_is_a_clear_backend_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackendError, match="writable"):
        SQLiteStore(blocker / "sub" / "v.db")


def test_unknown_store_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="sqlite:///"):
        open_store("mysql://x")
