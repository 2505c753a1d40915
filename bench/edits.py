"""The edit B5 and B5-network time: a new title through the service and the undo stack, as the
editor makes it, on the first timeline items of the bench file."""

from __future__ import annotations

import sqlite3
from typing import Any

from bench.common import now


def edit_ids(conn: sqlite3.Connection, n: int) -> list[int]:
    """The first `n` timeline items of the bench file (the rows B5 edits)."""
    return [r for (r,) in conn.execute("SELECT id FROM timeline_item WHERE deleted_at IS NULL ORDER BY id LIMIT ?",
                                       (n,))]


class UndoableEdits:
    """B5's edit: a new title through the service and the undo stack, as the editor makes it;
    calling it returns the seconds the edit took."""

    def __init__(self, ws: Any):
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QUndoStack

        from ui.undo import WorkspaceEvents

        self.app = QCoreApplication.instance() or QCoreApplication(["uppdrag-bench"])
        self.ws, self.events, self.stack = ws, WorkspaceEvents(), QUndoStack()

    def __call__(self, row_id: int, title: str) -> float:
        from ui.undo import UpdateCommand

        started = now()
        self.stack.push(UpdateCommand(self.ws, self.events, "timeline", row_id, {"title": title}))
        return now() - started
