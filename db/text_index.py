"""A full-text table (SQLite FTS5) in an in-memory database, never in the user's file.

Each row is one plan: its id, title, diarienummer and the rest of its text. A
search is a prefix search on every word given, so "prim nav" finds
"primärvården som nav". What goes into the rows, and when, is app.search_index's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

TABLE = "plan_fts"


class TextIndex:
    """Made by its first use, closed with the file it serves (a window may close several)."""

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(":memory:")
            self._db.execute(
                f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
                "title, diarienummer, body, tokenize='unicode61 remove_diacritics 0')"
            )
        return self._db

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for several changes."""
        with self.db:
            yield

    def clear(self) -> None:
        self.db.execute(f"DELETE FROM {TABLE}")

    def remove(self, plan_id: int) -> None:
        self.db.execute(f"DELETE FROM {TABLE} WHERE rowid = ?", (plan_id,))

    def put(self, plan_id: int, title: str, diarienummer: str, body: str) -> None:
        self.db.execute(
            f"INSERT INTO {TABLE}(rowid, title, diarienummer, body) VALUES (?, ?, ?, ?)",
            (plan_id, title, diarienummer, body),
        )

    def with_all_prefixes(self, words: list[str]) -> set[int]:
        """Ids of the plans in which every word of `words` begins a word."""
        match = " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)
        rows = self.db.execute(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?", (match,))
        return {r for (r,) in rows}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
