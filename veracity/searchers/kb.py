"""The local knowledge base: documents ingested with ``veracity kb add``, searched with FTS5.

Each document is cut into the same overlapping word windows the engine uses for
contexts; each window is one FTS5 row. Open-mode claims are checked against the best
windows (SQLite's BM25 ranking).
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from veracity.engine.types import Evidence
from veracity.engine.windows import split_windows, terms
from veracity.errors import InvalidRequest, SearchError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS kb_documents (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, chars INTEGER NOT NULL, added_at INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS kb_windows USING fts5(
  text, doc_id UNINDEXED, start UNINDEXED, end UNINDEXED, tokenize='unicode61');
"""


@dataclass(frozen=True)
class KbDocument:
    name: str
    chars: int
    windows: int
    added_at: int


class KnowledgeBaseSearcher:
    name = "kb"

    def __init__(self, path: Path, window_words: int = 150, overlap_words: int = 50) -> None:
        self.path = Path(path)
        self.window_words = window_words
        self.overlap_words = overlap_words
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                conn = sqlite3.connect(self.path, check_same_thread=False)
                conn.executescript(_SCHEMA)
            except sqlite3.Error as exc:
                raise SearchError(f"knowledge base {self.path} cannot be opened: {exc}") from exc
            self._conn = conn
        return self._conn

    def add(self, name: str, text: str) -> int:
        """Add (or replace) a document; returns the number of windows stored."""
        if not text.strip():
            raise InvalidRequest(f"document {name!r} is empty")
        windows = split_windows(text, self.window_words, self.overlap_words, source=f"kb:{name}")
        with self._lock:
            db = self._db()
            with db:
                self._delete(db, name)
                cur = db.execute("INSERT INTO kb_documents (name, chars, added_at) VALUES (?, ?, ?)",
                                 (name, len(text), int(time.time())))
                doc_id = cur.lastrowid
                db.executemany("INSERT INTO kb_windows (text, doc_id, start, end) VALUES (?, ?, ?, ?)",
                               [(w.text, doc_id, w.span[0], w.span[1]) for w in windows if w.span])
        return len(windows)

    @staticmethod
    def _delete(db: sqlite3.Connection, name: str) -> bool:
        row = db.execute("SELECT id FROM kb_documents WHERE name = ?", (name,)).fetchone()
        if row is None:
            return False
        db.execute("DELETE FROM kb_windows WHERE doc_id = ?", (row[0],))
        db.execute("DELETE FROM kb_documents WHERE id = ?", (row[0],))
        return True

    def remove(self, name: str) -> bool:
        with self._lock:
            db = self._db()
            with db:
                return self._delete(db, name)

    def documents(self) -> list[KbDocument]:
        with self._lock:
            rows = self._db().execute(
                "SELECT d.name, d.chars, d.added_at, (SELECT count(*) FROM kb_windows w WHERE w.doc_id = d.id) "
                "FROM kb_documents d ORDER BY d.name").fetchall()
        return [KbDocument(name=r[0], chars=r[1], added_at=r[2], windows=r[3]) for r in rows]

    def search(self, query: str, k: int) -> list[Evidence]:
        words = sorted(_pieces(query))
        if not words or (not self.path.exists() and self._conn is None):
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        try:
            with self._lock:
                rows = self._db().execute(
                    "SELECT w.text, d.name, w.start, w.end, bm25(kb_windows) FROM kb_windows w "
                    "JOIN kb_documents d ON d.id = w.doc_id WHERE kb_windows MATCH ? ORDER BY bm25(kb_windows) LIMIT ?",
                    (match, k * 4)).fetchall()
        except sqlite3.Error as exc:
            raise SearchError(f"knowledge base search failed: {exc}") from exc
        wanted = set(words)
        return [Evidence(text=t, source=f"kb:{n}", score=round(-s, 4), title=n, link=f"kb://{n}#{a}-{b}")
                for t, n, a, b, s in rows if _relevant(wanted, t)][:k]


def _pieces(text: str) -> set[str]:
    """Content terms cut the way FTS5's unicode61 tokenizer cuts them ("7,116" → 7, 116)."""
    return {p for t in terms(text) for p in re.findall(r"\w+", t)}


def _relevant(wanted: set[str], text: str, share: float = 0.5) -> bool:
    """A window is evidence for a query only if it holds at least ``share`` of its terms:
    a window that merely shares a word is no basis for any verdict (open mode then
    says ``unverifiable`` rather than guessing)."""
    found = _pieces(text)
    return len(wanted & found) >= max(1, share * len(wanted))
