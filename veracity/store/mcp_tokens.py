"""MCP tokens: one per API key, stored hashed, shown once (a mixin of the SQLite store).

A token is minted by ``enable_mcp`` (replacing any previous one at once) and dropped by
``disable_mcp``. ``find_mcp_token`` answers the owning API key, or None: an API key is
never accepted as an MCP token, nor a token of a revoked key.
"""

from __future__ import annotations

import hmac
import secrets
import sqlite3
import time
from typing import TYPE_CHECKING

from veracity.store.models import ApiKey, hash_secret

MCP_TOKEN_PREFIX = "vmcp-"

_KEY_COLUMNS = "k.id, k.name, k.prefix, k.admin, k.plan, k.created_at, k.revoked_at, k.last_used_at"


def new_mcp_token() -> str:
    return MCP_TOKEN_PREFIX + secrets.token_urlsafe(32)


class MCPTokensMixin:
    """Needs the host class's ``_exec(sql, params)``."""

    if TYPE_CHECKING:  # provided by the store class this is mixed into
        def _exec(self, sql: str, params: tuple = ()) -> sqlite3.Cursor: ...  # type: ignore[type-arg]

    def enable_mcp(self, key_id: str) -> str:
        """A new MCP token for ``key_id``; the previous one stops working now."""
        token = new_mcp_token()
        self._exec(
            "INSERT INTO mcp_tokens (key_id, prefix, hash, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (key_id) DO UPDATE SET prefix = excluded.prefix, hash = excluded.hash,"
            " created_at = excluded.created_at",
            (key_id, token[:9], hash_secret(token), int(time.time())),
        )
        return token

    def disable_mcp(self, key_id: str) -> None:
        self._exec("DELETE FROM mcp_tokens WHERE key_id = ?", (key_id,))

    def mcp_enabled(self, key_id: str) -> bool:
        return self._exec("SELECT 1 FROM mcp_tokens WHERE key_id = ?", (key_id,)).fetchone() is not None

    def find_mcp_token(self, secret: str) -> ApiKey | None:
        """The active API key owning this MCP token, or None."""
        digest = hash_secret(secret)
        row = self._exec(
            f"SELECT {_KEY_COLUMNS}, t.hash FROM mcp_tokens t JOIN api_keys k ON k.id = t.key_id WHERE t.hash = ?",
            (digest,),
        ).fetchone()
        if row is None or not hmac.compare_digest(row[-1], digest) or row[6] is not None:
            return None
        return ApiKey(id=row[0], name=row[1], prefix=row[2], admin=bool(row[3]), plan=row[4],
                      created_at=row[5], revoked_at=row[6], last_used_at=row[7])
