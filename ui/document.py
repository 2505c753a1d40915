"""One open file: its Workspace, its undo stack and the signal views repaint from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from app.workspace import Workspace
from ui.undo import AddCommand, DeleteCommand, FileStepCommand, MoveCommand, UpdateCommand, WorkspaceEvents, push_safely

T = TypeVar("T")


class OpenFile:
    def __init__(self, ws: Workspace):
        self.ws = ws
        self.events = WorkspaceEvents()
        self.stack = QUndoStack()
        self.stack.setUndoLimit(500)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, parent: Any = None) -> OpenFile | None:
        """Open under the file's lock; None when the user chose not to open a file someone else has."""
        from ui.session import open_workspace

        ws = open_workspace(path, read_only=read_only, parent=parent)
        return None if ws is None else cls(ws)

    @property
    def path(self) -> Path:
        """The file the user opened (for a network file: on the share, not the working copy)."""
        return (self.ws.sharing.origin if self.ws.sharing else None) or self.ws.path

    @property
    def read_only(self) -> bool:
        return self.ws.read_only

    def push(self, command: QUndoCommand) -> bool:
        return push_safely(self.stack, command, self.events)

    def run_as_step(self, text: str, action: Callable[[], T], refresh: Callable[[], None]) -> T:
        """Run a change of the whole file (an import, a merge, a frozen edition, another steering model)
        as one undo step: Ctrl+Z gives back the file exactly as it was, and the steps before it stay.

        `refresh` rebuilds what the window shows after undo and redo. On a team server there are no
        file snapshots to go back to; the change is kept and the server's history says who made it.
        """
        from app.steps import run_step  # the snapshots' module, loaded by the first such step

        if self.ws.on_server:
            result = action()
            self.stack.clear()
            return result
        step = run_step(self.ws, action)
        self.stack.push(FileStepCommand(self.ws, step, text, refresh))
        return step.result

    # Shorthands the editor pages use.
    # An empty text names the step from the row and its fields (ui.undo.change_text).
    def update(self, kind: str, row_id: int, values: dict[str, Any], text: str = "",
               merge_key: str | None = None) -> bool:
        return self.push(UpdateCommand(self.ws, self.events, kind, row_id, values, text, merge_key))

    def add(self, kind: str, plan_id: int | None, values: dict[str, Any], text: str = "",
            index: int | None = None) -> int | None:
        command = AddCommand(self.ws, self.events, kind, plan_id, values, text, index)
        return command.row_id if self.push(command) else None

    def delete(self, kind: str, row_id: int, text: str = "") -> bool:
        return self.push(DeleteCommand(self.ws, self.events, kind, row_id, text))

    def restore(self, kind: str, row_id: int, text: str = "") -> bool:
        return self.push(DeleteCommand(self.ws, self.events, kind, row_id, text, restore=True))

    def move(self, kind: str, row_id: int, new_index: int, text: str = "") -> bool:
        return self.push(MoveCommand(self.ws, self.events, kind, row_id, new_index, text))

    def close(self) -> Any:
        """Close the file; for a network file, returns whether everything was written back (SyncStatus)."""
        from ui.session import close_workspace

        self.stack.clear()
        return close_workspace(self.ws)
