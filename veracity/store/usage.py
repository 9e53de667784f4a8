"""Usage summaries: calls per day and endpoint (a mixin of the SQLite store)."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any


@dataclass(frozen=True)
class UsageSummaryRow:
    day: str  # YYYY-MM-DD, UTC
    endpoint: str
    requests: int
    errors: int  # calls answered with a status of 400 or more
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    avg_latency_ms: float
    hallucinations: int  # calls whose verdict was `hallucination`

    def to_wire(self) -> dict[str, Any]:
        return asdict(self)


_SUMMARY = (
    "SELECT date(created_at, 'unixepoch') AS day, endpoint, count(*), sum(status >= 400), sum(prompt_tokens),"
    " sum(completion_tokens), avg(latency_ms), sum(verdict = 'hallucination') FROM usage WHERE created_at >= ?{where}"
    " GROUP BY day, endpoint ORDER BY day, endpoint"
)


class UsageMixin:
    """Needs the host class's ``_exec(sql, params)``."""

    if TYPE_CHECKING:  # provided by the store class this is mixed into
        def _exec(self, sql: str, params: tuple = ()) -> sqlite3.Cursor: ...  # type: ignore[type-arg]

    def usage_summary(self, key_id: str | None, since: int) -> list[UsageSummaryRow]:
        """Per day and endpoint since ``since`` (Unix seconds): one key's calls, or everyone's (None)."""
        where, params = ("", (since,)) if key_id is None else (" AND key_id = ?", (since, key_id))
        rows = self._exec(_SUMMARY.format(where=where), params).fetchall()
        return [UsageSummaryRow(day=r[0], endpoint=r[1], requests=r[2], errors=int(r[3] or 0),
                                prompt_tokens=int(r[4] or 0), completion_tokens=int(r[5] or 0),
                                total_tokens=int((r[4] or 0) + (r[5] or 0)), avg_latency_ms=round(r[6] or 0.0, 2),
                                hallucinations=int(r[7] or 0)) for r in rows]
