"""Search as you type: the plans' text in an in-memory full-text index (db.text_index).

The index is built from app.search when a file is opened and a plan's entry is
replaced whenever a Change names that plan. A query finds the plans in which
every word typed begins a word.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from db.text_index import TextIndex

if TYPE_CHECKING:  # app.search is loaded by the first build, which runs after the window shows
    from app.search import PlanText
    from app.workspace import Change, Workspace

_WORD = re.compile(r"\w+", re.UNICODE)


class SearchIndex:
    """The index of one open file: made by the first build, closed with the file."""

    def __init__(self) -> None:
        self.text = TextIndex()

    def rebuild(self, ws: Workspace) -> None:
        from app.search import all_plan_texts

        with self.text.batch():
            self.text.clear()
            for text in all_plan_texts(ws):
                self._insert(text)

    def refresh(self, ws: Workspace, change: Change) -> None:
        """Update the entries of the plans a change touched."""
        from app.search import plan_text

        if change.kind == "person":  # a person's name may appear in every plan
            self.rebuild(ws)
            return
        plan_ids = set(change.ids) if change.kind == "plan" else {change.plan_id}
        with self.text.batch():
            for plan_id in {i for i in plan_ids if i is not None}:
                self.text.remove(plan_id)
                text = plan_text(ws, plan_id)
                if text is not None:
                    self._insert(text)

    def _insert(self, text: PlanText) -> None:
        self.text.put(text.plan_id, text.title, text.diarienummer, text.body)

    def search(self, query: str) -> set[int] | None:
        """Ids of the plans matching every word of `query`; None for an empty query (all plans)."""
        words = _WORD.findall(query)
        if not words:
            return None
        return self.text.with_all_prefixes(words)

    def close(self) -> None:
        self.text.close()
