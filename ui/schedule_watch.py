"""After an item moves or grows: which successors now start too early, and moving them.

One watcher per open file listens to the changes. When an item's start or end changed, it asks
app.schedule for the successors (the whole chain) that no longer keep their dependencies. In a
plan with automatic scheduling they are moved at once; otherwise the notice bars of the timeline
show them with a button that moves them all. Either way the move is one undo step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.schedule import Move, apply_moves, too_early_after
from ui.i18n import translate
from ui.undo import ServiceCommand, WorkspaceEvents, push_safely

MAX_NAMED = 3  # successors named in the notice; the rest are counted


class MoveSuccessorsCommand(ServiceCommand):
    """Move a chain of successors (one transaction, one undo step)."""

    def __init__(self, ws: Any, events: WorkspaceEvents, moves: list[Move], text: str):
        super().__init__(ws, events, text)
        self.moves = list(moves)

    def redo(self) -> None:
        for change in apply_moves(self.ws, self.moves):
            self.announce(change)

    def undo(self) -> None:
        for change in apply_moves(self.ws, self.moves, undo=True):
            self.announce(change)


class ScheduleWatcher(QObject):
    """The file's watcher: a child of its events object, and the only signals it hears are that
    object's own (`changed`, `pushed`), so it lives exactly as long as every sender it listens to.
    It holds the undo stack only to push onto; it never listens to it (a stack destroyed with
    commands on it signals from its destructor, when a receiver in the same collection may be
    half gone)."""

    pending_changed = Signal(object)  # list[Move]: the successors that start too early now

    def __init__(self, ws: Any, events: WorkspaceEvents, stack: Any):
        super().__init__(events)
        self.ws, self.events, self.stack = ws, events, stack
        self.pending: list[Move] = []
        self._moving = False
        self._automatic: list[Move] = []  # moved once the edit that asked for it is on the undo stack
        events.changed.connect(self._on_changed)
        events.pushed.connect(self._after_push)

    @classmethod
    def of(cls, ws: Any, events: WorkspaceEvents, stack: Any) -> ScheduleWatcher:
        """The file's one watcher (kept on its events object, which every view of the file shares)."""
        watcher = getattr(events, "schedule_watcher", None)
        if watcher is None:
            watcher = cls(ws, events, stack)
            events.schedule_watcher = watcher  # type: ignore[attr-defined]
        return watcher

    def _on_changed(self, change: Any) -> None:
        if self._moving or self.ws.read_only:
            return
        dates_moved = change.kind == "timeline" and change.action == "updated" and (
            "start" in change.old or "end" in change.old)
        linked = change.kind == "dependency" and change.action in ("added", "updated", "restored")
        if not (dates_moved or linked):
            return
        if linked:
            item = self.ws.get("dependency", change.ids[0])["predecessor"]
        else:
            item = change.ids[0]
        moves = too_early_after(self.ws, item)
        plan = self.ws.get("timeline", item)["plan"]
        # Automatically only after an edit: an undo or redo leaves the steps on the stack as they are
        # (a new step would drop what can be redone), so there the move is offered.
        if moves and self.events.pushing and self.ws.get("plan", plan)["auto_schedule"]:
            self._automatic = moves
            return
        self.set_pending(moves)

    def _after_push(self) -> None:
        """Move automatically after the edit itself is on the stack, so that undo takes the move first."""
        if self._automatic and not self._moving:
            self.pending, self._automatic = self._automatic, []
            self.move_pending(translate("Undo", "Flytta efterföljare automatiskt"))

    def set_pending(self, moves: list[Move]) -> None:
        self.pending = moves
        self.pending_changed.emit(moves)

    def move_pending(self, text: str | None = None) -> bool:
        """Move every pending successor: one undo step."""
        if not self.pending:
            return False
        text = text or translate("Undo", "Flytta efterföljare")
        command: QUndoCommand = MoveSuccessorsCommand(self.ws, self.events, self.pending, text)
        self._moving = True
        try:
            done = push_safely(self.stack, command, self.events)
        finally:
            self._moving = False
        self.set_pending([] if done else self.pending)
        return done


def notice_text(moves: list[Move]) -> str:
    names = ", ".join(m.title for m in moves[:MAX_NAMED])
    if len(moves) > MAX_NAMED:
        names += translate("Timeline", " och %1 till").replace("%1", str(len(moves) - MAX_NAMED))
    return translate("Timeline", "%1 efterföljare börjar för tidigt: %2.").replace("%1", str(len(moves))).replace(
        "%2", names)


class ScheduleNotice(QWidget):
    """The bar above the timeline that offers to move successors that start too early."""

    def __init__(self, watcher: ScheduleWatcher, parent: QWidget | None = None):
        super().__init__(parent)
        self.watcher = watcher
        self.label = QLabel(self)
        self.label.setObjectName("schedule_notice")
        self.move_button = QPushButton(translate("Timeline", "Flytta dem"), self)
        self.move_button.setToolTip(translate("Timeline", "Flyttar hela kedjan av efterföljare så att beroendena hålls "
                                                   "(ett ångra-steg)."))
        self.move_button.clicked.connect(self.move_all)
        self.dismiss_button = QPushButton(translate("Timeline", "Låt dem vara"), self)
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.move_button)
        layout.addWidget(self.dismiss_button)
        watcher.pending_changed.connect(self.show_moves)
        self.show_moves(watcher.pending)

    def move_all(self) -> None:
        self.watcher.move_pending()

    def dismiss(self) -> None:
        self.watcher.set_pending([])

    def show_moves(self, moves: list[Move]) -> None:
        self.label.setText(notice_text(moves) if moves else "")
        self.setVisible(bool(moves))
