"""Undo commands over the workspace services, and the one signal views repaint from.

Commands only call services (orange-canvas style): `redo()` applies a change
through the Workspace, `undo()` applies its inverse, and both announce the
resulting `Change` on `WorkspaceEvents.changed`. Views never know about
commands; they listen to that signal and refresh what it names.

Every file has one QUndoStack, so Ctrl+Z works across all pages of the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app import kinds
from app.workspace import Change, Workspace
from ui.i18n import kind_label, translate

if TYPE_CHECKING:
    from app.steps import FileStep  # the step is made where it is run; its module loads db.backup

# Edits of the same field of the same row, made in a row (typing, dragging a
# bar), merge into one undo step when they carry this id.
MERGE_ID = 0x5550


def change_text(ws: Workspace, kind: str, action: str, row_id: int, fields: tuple[str, ...] = ()) -> str:
    """An undo step's name, naming the part: "ändrad sannolikhet för risken ’Personalbrist’"
    (the Edit menu puts "Ångra"/"Gör om" before it)."""
    k = kinds.kind(kind)
    try:
        row = ws.peek(kind, row_id)  # (not counted as seen: app.workspace)
    except LookupError:
        row = {}
    name = kinds.row_name(row)
    if not name and row.get("person"):  # a role or resource line on a person of the register
        name = kinds.row_name(ws.peek("person", row["person"]))
    # The nouns are app.kinds' Swedish labels, in the current language where it has them.
    part = f"{kind_label(k.label)} ’{name}’" if name else kind_label(k.label)
    if action == "updated":
        labels = [kind_label(kinds.FIELD_LABELS.get(f, f)) for f in fields]
        what = labels[0] if len(labels) == 1 else translate("Undo", "%1 och %2").replace(
            "%1", ", ".join(labels[:-1])).replace("%2", labels[-1])
        if len(fields) == 1 and fields[0] in kinds.NEUTER_FIELDS:
            template = translate("Undo", "ändrat %1 för %2")
        elif len(fields) == 1:
            template = translate("Undo", "ändrad %1 för %2")
        else:
            template = translate("Undo", "ändrade %1 för %2")
        return template.replace("%1", what).replace("%2", part)
    template = {"added": translate("Undo", "att %1 lades till"), "deleted": translate("Undo", "att %1 togs bort"),
                "restored": translate("Undo", "att %1 återställdes"), "moved": translate("Undo", "att %1 flyttades")}[action]
    return template.replace("%1", part)


class WorkspaceEvents(QObject):
    changed = Signal(object)  # app.workspace.Change
    error = Signal(str)  # a Swedish message for the user
    # (the command, app.concurrency.EditConflict): someone else on the team server changed a field
    # this edit wanted to change, deleted the row it edits, or changed the row it deletes; nothing
    # was written. Without a window that shows them
    # (`handles_conflicts`), it is said on `error` like any refusal.
    conflict = Signal(object)
    handles_conflicts = False
    # After push_safely put a command on the file's undo stack (not after undo or redo): what the edit
    # changed may ask for a step of its own after it (ui.schedule_watch moves successors). Whoever listens
    # here hears the file's edits without a connection to the stack, so nothing it owns can outlive a
    # sender: a stack destroyed with commands on it signals `indexChanged` from its destructor.
    pushed = Signal()
    pushing = False  # True while push_safely applies and pushes a command


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
                 values: dict[str, Any], text: str = "", merge_key: str | None = None):
        super().__init__(ws, events, text)
        self.kind, self.row_id = kind, row_id
        self.new = dict(values)
        self.old: dict[str, Any] | None = None
        self.merge_key = merge_key

    def redo(self) -> None:
        change = self.ws.update(self.kind, self.row_id, **self.new)
        if self.old is None:
            self.old = change.old
            if not self.text():
                self.setText(change_text(self.ws, self.kind, "updated", self.row_id, tuple(self.new)))
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
                 values: dict[str, Any], text: str = "", index: int | None = None):
        super().__init__(ws, events, text)
        self.kind, self.plan_id, self.values, self.index = kind, plan_id, dict(values), index
        self.row_id: int | None = None

    def redo(self) -> None:
        if self.row_id is None:
            change = self.ws.add(self.kind, self.plan_id, index=self.index, **self.values)
            self.row_id = change.ids[0]
            if not self.text():
                self.setText(change_text(self.ws, self.kind, "added", self.row_id))
        else:
            change = self.ws.restore(self.kind, self.row_id)
        self.announce(change)

    def undo(self) -> None:
        assert self.row_id is not None
        self.announce(self.ws.delete(self.kind, self.row_id))


class DeleteCommand(ServiceCommand):
    """Leave a tombstone, or with `restore` bring a deleted row back; undo does the other."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, kind: str, row_id: int, text: str = "",
                 restore: bool = False):
        super().__init__(ws, events, text)
        self.kind, self.row_id, self.action = kind, row_id, "restored" if restore else "deleted"
        self.steps = (ws.restore, ws.delete) if restore else (ws.delete, ws.restore)

    def redo(self) -> None:
        self.announce(self.steps[0](self.kind, self.row_id))
        if not self.text():
            self.setText(change_text(self.ws, self.kind, self.action, self.row_id))

    def undo(self) -> None:
        self.announce(self.steps[1](self.kind, self.row_id))


class MoveCommand(ServiceCommand):
    def __init__(self, ws: Workspace, events: WorkspaceEvents, kind: str, row_id: int, new_index: int,
                 text: str = ""):
        super().__init__(ws, events, text or change_text(ws, kind, "moved", row_id))
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
    Once it is on the stack, `events.pushed` says so.
    """
    outer, events.pushing = events.pushing, True
    try:
        applied = _tried(command.redo, command, events)
        if applied:  # already applied: push without applying it a second time
            stack.push(_AlreadyApplied(command))
    finally:
        events.pushing = outer
    if applied:
        events.pushed.emit()
    return applied


def _tried(run: Callable[[], None], command: Any, events: WorkspaceEvents) -> bool:
    """`run()`; a refusal (bad input, the store's error, a conflict on a team server) becomes a message
    or, with a window that shows them, the conflict signal naming `command`; whether it ran."""
    from app.validation import ValidationError
    from app.errors import StoreError

    try:
        run()
    except (ValidationError, StoreError, LookupError, ValueError) as exc:
        from app.concurrency import EditConflict

        if isinstance(exc, EditConflict) and events.handles_conflicts:
            events.conflict.emit((command, exc))
        else:
            events.error.emit(str(exc))
        return False
    return True


class Step:
    """An undo (`back`) or redo of the stack's next step that was refused, carried on the conflict
    signal: `again()` runs it through the stack once the user has chosen to write it all the same."""

    def __init__(self, stack: QUndoStack, events: WorkspaceEvents, back: bool):
        self.stack, self.events, self.back = stack, events, back

    def again(self) -> None:
        step_safely(self.stack, self.events, self.back)

    def pass_over(self) -> None:
        """The step taken off the stack without writing it: what it would undo (redo) stays as someone
        else's later change left it, and the step before it is the next to undo. (Gone, not moved to
        the other side of the stack: undone it was not, so it could not be redone.)"""
        command = _next_step(self.stack, self.back)
        if isinstance(command, _AlreadyApplied):
            command.ran = True  # (the stack's own call below runs nothing of it)
            command.setObsolete(True)  # (and then takes it off the stack)
            (self.stack.undo if self.back else self.stack.redo)()


def step_safely(stack: QUndoStack, events: WorkspaceEvents, back: bool) -> bool:
    """Undo (`back`) or redo the stack's next step, tried first: refused (on a team server, when
    someone else has changed what it would write over since), it says so as `push_safely` does and
    the stack stays where it was, so the step can be undone (redone) again; whether it ran."""
    command = _next_step(stack, back)
    if isinstance(command, _AlreadyApplied):
        if not _tried(command.inner.undo if back else command.inner.redo, Step(stack, events, back), events):
            return False
        command.ran = True  # the stack's own call below only moves its index
    (stack.undo if back else stack.redo)()
    return True


def _next_step(stack: QUndoStack, back: bool) -> QUndoCommand | None:
    """The command the stack's next undo (`back`) or redo runs; None when there is none."""
    index = stack.index() - 1 if back else stack.index()
    return stack.command(index) if 0 <= index < stack.count() else None


class _AlreadyApplied(QUndoCommand):
    """Wraps a command whose first redo() already ran, so push() must not run it again."""

    def __init__(self, inner: QUndoCommand):
        super().__init__(inner.text())
        self.inner = inner
        self.ran = True  # the stack's next call has run already (the first redo, or by step_safely)

    def redo(self) -> None:
        if self.ran:
            self.ran = False
            return
        self.inner.redo()

    def undo(self) -> None:
        if self.ran:
            self.ran = False
            return
        self.inner.undo()

    def id(self) -> int:
        return self.inner.id()

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if isinstance(other, _AlreadyApplied):
            return self.inner.mergeWith(other.inner)
        return False
