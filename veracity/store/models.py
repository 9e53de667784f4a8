"""Stored records, and how API keys are minted and hashed (keys never rest in clear)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

KEY_PREFIX = "vk-"


@dataclass(frozen=True)
class ApiKey:
    id: str
    name: str
    prefix: str  # first characters of the secret, to recognise a key in listings
    admin: bool
    plan: str
    created_at: int
    revoked_at: int | None = None
    last_used_at: int | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class UsageRecord:
    key_id: str | None
    endpoint: str
    prompt_tokens: int
    completion_tokens: int
    latency_ms: float
    status: int
    verdict: str | None
    created_at: int


def new_secret() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """SHA-256 of the key: keys carry 256 bits of randomness, so no salt or KDF is needed."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"
