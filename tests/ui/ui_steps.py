"""Small steps a person takes, shared by the UI tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def keys(qtbot, widget: QWidget, text: str) -> None:
    """Type text as key presses; letters QTest cannot map (å, ä, ö, –) go as key events with text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot, widget: QWidget, text: str, *, enter: bool = True) -> None:
    """Click into a field, select what is there, type, and press Enter (or Tab away)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    else:
        widget.clearFocus()


def plan_id_by_title(window, title_start: str) -> int:
    from app.plans import list_plans

    return next(p.id for p in list_plans(window.ofile.ws) if p.title.startswith(title_start))


def shown_timeline(qtbot, ws, plan_id: int | None, *, size: tuple[int, int] = (1200, 600)):
    """A timeline panel on `ws` as a person sees it: shown, exposed, showing `plan_id` (None: all plans)."""
    from PySide6.QtGui import QUndoStack

    from ui.timeline.panel import TimelinePanel
    from ui.undo import WorkspaceEvents

    panel = TimelinePanel(ws, WorkspaceEvents(), QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_plan(plan_id)
    return panel


@contextmanager
def beside_the_window(window, path: Path) -> Iterator:
    """Another file opened read-only while the window has its own open, as another program would.

    The models follow the file opened last, so the window's file is made the active one again
    afterwards; otherwise the window's next query would silently reopen the closed file."""
    from app.workspace import Workspace

    ws = Workspace.open(path, read_only=True)
    try:
        yield ws
    finally:
        ws.close()
        window.ofile.ws.store.activate()
