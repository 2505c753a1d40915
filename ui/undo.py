"""Undo commands over the workspace services, and the one signal views repaint from.

Commands only call services (orange-canvas style): `redo()` applies a change
through the Workspace, `undo()` applies its inverse, and both announce the
resulting `Change` on `WorkspaceEvents.changed`. Views never know about
commands; they listen to that signal and refresh what it names.

Every file has one QUndoStack, so Ctrl+Z works across all pages of the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.steps import FileStep
from app.workspace import Change, Workspace

# Edits of the same field of the same row, made in a row (typing, dragging a
# bar), merge into one undo step when they carry this id.
MERGE_ID = 0x5550


class WorkspaceEvents(QObject):
    changed = Signal(object)  # app.workspace.Change
    error = Signal(str)  # a Swedish message for the user


class ServiceCommand(QUndoCommand):
    """Base: holds the workspace and the events object, and announces changes."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, text: str):
        super().__init__(text)
        self.ws = ws
        self.events = events

    def announce(self, change: Change) -> None:
        self.events.changed.emit(change)


class UpdateCommand(ServiceCommand):
    """Set fields of one row. With `merge_key`, consecutive edits merge into one step."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, kind: str, row_id: int,
                 values: dict[str, Any], text: str = "Ändra", merge_key: str | None = None):
        super().__init__(ws, events, text)
        self.kind, self.row_id = kind, row_id
        self.new = dict(values)
        self.old: dict[str, Any] | None = None
        self.merge_key = merge_key

    def redo(self) -> None:
        change = self.ws.update(self.kind, self.row_id, **self.new)
        if self.old is None:
            self.old = change.old
        self.announce(change)

    def undo(self) -> None:
        assert self.old is not None
        self.announce(self.ws.update(self.kind, self.row_id, **self.old))

    def id(self) -> int:
        return MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, UpdateCommand) or other.merge_key != self.merge_key:
            return False
        if (other.kind, other.row_id) != (self.kind, self.row_id) or set(other.new) != set(self.new):
            return False
        self.new = dict(other.new)
        return True


class AddCommand(ServiceCommand):
    """Add a row; undo leaves a tombstone, redo brings the same row back."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, kind: str, plan_id: int | None,
                 values: dict[str, Any], text: str = "Lägg till", index: int | None = None):
        super().__init__(ws, events, text)
        self.kind, self.plan_id, self.values, self.index = kind, plan_id, dict(values), index
        self.row_id: int | None = None

    def redo(self) -> None:
        if self.row_id is None:
            change = self.ws.add(self.kind, self.plan_id, index=self.index, **self.values)
            self.row_id = change.ids[0]
        else:
            change = self.ws.restore(self.kind, self.row_id)
        self.announce(change)

    def undo(self) -> None:
        assert self.row_id is not None
        self.announce(self.ws.delete(self.kind, self.row_id))


class DeleteCommand(ServiceCommand):
    def __init__(self, ws: Workspace, events: WorkspaceEvents, kind: str, row_id: int, text: str = "Ta bort"):
        super().__init__(ws, events, text)
        self.kind, self.row_id = kind, row_id

    def redo(self) -> None:
        self.announce(self.ws.delete(self.kind, self.row_id))

    def undo(self) -> None:
        self.announce(self.ws.restore(self.kind, self.row_id))


class MoveCommand(ServiceCommand):
    def __init__(self, ws: Workspace, events: WorkspaceEvents, kind: str, row_id: int, new_index: int,
                 text: str = "Flytta"):
        super().__init__(ws, events, text)
        self.kind, self.row_id, self.new_index = kind, row_id, new_index
        self.old_index: int | None = None

    def redo(self) -> None:
        change = self.ws.move(self.kind, self.row_id, self.new_index)
        self.old_index = change.old_index
        self.announce(change)

    def undo(self) -> None:
        assert self.old_index is not None
        self.announce(self.ws.move(self.kind, self.row_id, self.old_index))


class FileStepCommand(QUndoCommand):
    """A whole-file step (a merge) that has already run: undo and redo swap the file's snapshots.

    `refresh` rebuilds what the window shows, since such a step touches every part of it.
    """

    def __init__(self, ws: Workspace, step: FileStep[Any], text: str, refresh: Callable[[], None]):
        super().__init__(text)
        self.ws, self.step, self.refresh = ws, step, refresh
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushed after it ran
            self._first = False
            return
        self.step.redo(self.ws)
        self.refresh()

    def undo(self) -> None:
        self.step.undo(self.ws)
        self.refresh()


def push_safely(stack: QUndoStack, command: QUndoCommand, events: WorkspaceEvents) -> bool:
    """Push a command; a validation or storage error becomes a message and nothing is pushed.

    QUndoStack.push() calls redo() first; if redo raises, the command must not
    stay on the stack, so it is tried through a throwaway call before pushing.
    """
    from app.validation import ValidationError
    from app.errors import StoreError

    try:
        command.redo()
    except (ValidationError, StoreError, LookupError, ValueError) as exc:
        events.error.emit(str(exc))
        return False
    # Already applied: push without applying it a second time.
    stack.push(_AlreadyApplied(command))
    return True


class _AlreadyApplied(QUndoCommand):
    """Wraps a command whose first redo() already ran, so push() must not run it again."""

    def __init__(self, inner: QUndoCommand):
        super().__init__(inner.text())
        self.inner = inner
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.inner.redo()

    def undo(self) -> None:
        self.inner.undo()

    def id(self) -> int:
        return self.inner.id()

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if isinstance(other, _AlreadyApplied):
            return self.inner.mergeWith(other.inner)
        return False
