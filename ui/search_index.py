"""Search as you type: an FTS5 index in an in-memory SQLite database, never in the user's file.

The index is built from app.search when a file is opened and a plan's row is
replaced whenever a Change names that plan. Queries are prefix searches on
every word typed, so "prim nav" finds "primärvården som nav".
"""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # app.search is loaded by the first build, which runs after the window shows
    from app.search import PlanText
    from app.workspace import Change, Workspace

_WORD = re.compile(r"\w+", re.UNICODE)


class SearchIndex:
    """The index of one open file: made by the first build, closed with the file."""

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(":memory:")
            self._db.execute(
                "CREATE VIRTUAL TABLE plan_fts USING fts5("
                "title, diarienummer, body, tokenize='unicode61 remove_diacritics 0')"
            )
        return self._db

    def rebuild(self, ws: Workspace) -> None:
        from app.search import all_plan_texts

        with self.db:
            self.db.execute("DELETE FROM plan_fts")
            for text in all_plan_texts(ws):
                self._insert(text)

    def refresh(self, ws: Workspace, change: Change) -> None:
        """Update the entries of the plans a change touched."""
        from app.search import plan_text

        if change.kind == "person":  # a person's name may appear in every plan
            self.rebuild(ws)
            return
        plan_ids = set(change.ids) if change.kind == "plan" else {change.plan_id}
        with self.db:
            for plan_id in plan_ids - {None}:
                self.db.execute("DELETE FROM plan_fts WHERE rowid = ?", (plan_id,))
                text = plan_text(ws, plan_id)
                if text is not None:
                    self._insert(text)

    def _insert(self, text: PlanText) -> None:
        self.db.execute(
            "INSERT INTO plan_fts(rowid, title, diarienummer, body) VALUES (?, ?, ?, ?)",
            (text.plan_id, text.title, text.diarienummer, text.body),
        )

    def search(self, query: str) -> set[int] | None:
        """Ids of the plans matching every word of `query`; None for an empty query (all plans)."""
        words = _WORD.findall(query)
        if not words:
            return None
        match = " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)
        rows = self.db.execute("SELECT rowid FROM plan_fts WHERE plan_fts MATCH ?", (match,))
        return {r for (r,) in rows}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
