"""Persistence behind one protocol: API keys, usage records (and, later, files and batches).

``open_store(url)`` picks the backend from the URL: ``sqlite:///path`` (default, WAL).
The schema is created and migrated by the package itself on open.
"""

from __future__ import annotations

from typing import Protocol

from veracity.errors import ConfigError
from veracity.store.models import ApiKey, UsageRecord


class Store(Protocol):
    def create_key(self, name: str, *, admin: bool = False, plan: str = "trial") -> tuple[ApiKey, str]: ...

    def list_keys(self, *, include_revoked: bool = True) -> list[ApiKey]: ...

    def find_key(self, secret: str) -> ApiKey | None: ...

    def revoke_key(self, key_id: str) -> ApiKey: ...

    def record_usage(self, record: UsageRecord) -> None: ...

    def close(self) -> None: ...


def open_store(url: str) -> Store:
    if url.startswith("sqlite:///"):
        from veracity.store.sqlite import SQLiteStore

        return SQLiteStore(url.removeprefix("sqlite:///"))
    raise ConfigError(f"unsupported store URL {url!r}: use sqlite:///PATH")
