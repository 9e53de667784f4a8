"""Persistence behind one protocol: API keys, usage records (and, later, files and batches).

``open_store(url)`` picks the backend from the URL: ``sqlite:///path`` (default, WAL).
The schema is created and migrated by the package itself on open.
"""

from __future__ import annotations

from typing import Protocol

from veracity.errors import ConfigError
from veracity.store.limits import RateState
from veracity.store.models import ApiKey, UsageRecord
from veracity.store.usage import UsageSummaryRow


class Store(Protocol):
    def create_key(self, name: str, *, admin: bool = False, plan: str = "trial") -> tuple[ApiKey, str]: ...

    def list_keys(self, *, include_revoked: bool = True) -> list[ApiKey]: ...

    def find_key(self, secret: str) -> ApiKey | None: ...

    def revoke_key(self, key_id: str) -> ApiKey: ...

    def record_usage(self, record: UsageRecord) -> None: ...

    def usage_summary(self, key_id: str | None, since: int) -> list[UsageSummaryRow]: ...

    def take_request(self, key_id: str, limit: int, now: float) -> RateState: ...

    def acquire_slot(self, key_id: str, limit: int, lease_s: float, now: float) -> str | None: ...

    def release_slot(self, slot_id: str) -> None: ...

    def close(self) -> None: ...


def open_store(url: str) -> Store:
    if url.startswith("sqlite:///"):
        from veracity.store.sqlite import SQLiteStore

        return SQLiteStore(url.removeprefix("sqlite:///"))
    raise ConfigError(f"unsupported store URL {url!r}: use sqlite:///PATH")
