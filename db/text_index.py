"""A full-text table (SQLite FTS5) in an in-memory database, never in the user's file.

Each row is one plan: its id, title, diarienummer and the rest of its text. A
search is a prefix search on every word given, so "prim nav" finds
"primärvården som nav". The plans are kept twice: as written (`plan_fts`) and with
accents folded away (`plan_fold`, unicode61's remove_diacritics 2), so that a query
can ignore them or not. What goes into the rows, and when, is app.search_index's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

TABLE = "plan_fts"
FOLDED = "plan_fold"
TABLES = {TABLE: 0, FOLDED: 2}  # table -> unicode61's remove_diacritics


def _terms(words: list[str]) -> list[str]:
    return ['"' + w.replace('"', '""') + '"*' for w in words]


class TextIndex:
    """Made by its first use, closed with the file it serves (a window may close several)."""

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(":memory:")
            for table, fold in TABLES.items():
                self._db.execute(
                    f"CREATE VIRTUAL TABLE {table} USING fts5("
                    f"title, diarienummer, body, tokenize='unicode61 remove_diacritics {fold}')"
                )
        return self._db

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for several changes."""
        with self.db:
            yield

    def clear(self) -> None:
        for table in TABLES:
            self.db.execute(f"DELETE FROM {table}")

    def remove(self, plan_id: int) -> None:
        for table in TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE rowid = ?", (plan_id,))

    def put(self, plan_id: int, title: str, diarienummer: str, body: str) -> None:
        for table in TABLES:
            self.db.execute(
                f"INSERT INTO {table}(rowid, title, diarienummer, body) VALUES (?, ?, ?, ?)",
                (plan_id, title, diarienummer, body),
            )

    def with_all_prefixes(self, words: list[str], *, fold: bool = False) -> list[int]:
        """Ids of the plans in which every word of `words` begins a word, in the index's order;
        `fold` ignores accents."""
        table = FOLDED if fold else TABLE
        rows = self.db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (" AND ".join(_terms(words)),))
        return [r for (r,) in rows]

    def in_title(self, words: list[str], *, fold: bool = False) -> list[int]:
        """Ids of the plans whose title or diarienummer has a word beginning with one of `words`,
        best first (bm25)."""
        table = FOLDED if fold else TABLE
        rows = self.db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY bm25({table}, 10.0, 10.0, 1.0)",
            ("{title diarienummer} : (" + " OR ".join(_terms(words)) + ")",))
        return [r for (r,) in rows]

    def texts(self, plan_id: int) -> tuple[str, str, str] | None:
        """The stored title, diarienummer and body of one plan."""
        row = self.db.execute(f"SELECT title, diarienummer, body FROM {TABLE} WHERE rowid = ?", (plan_id,)).fetchone()
        return None if row is None else (row[0] or "", row[1] or "", row[2] or "")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
