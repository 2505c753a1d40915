"""Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z undo and redo the file's edits wherever the keyboard focus is (and the
window's Ctrl+E exports from a field too).

A text field claims these keys for its own undo (Qt asks it first, through a ShortcutOverride
event), so with the cursor in a field the window's Ångra never ran and nothing visible happened to
what was stored. This filter takes the keys away from the widgets of the windows it covers and runs
the file's undo/redo instead; a field's typing not yet stored is stored first (the window's undo does
that), so Ctrl+Z in a field takes back what was just typed there. Dialogs of their own (a file
dialog, a message) keep their fields' usual keys.

The filter goes on each widget as it takes the focus, not on the application: a filter on the
application sees every event of every object (paints, scrolling) and would run Python for each.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

UNDO_KEYS = (QKeySequence("Ctrl+Z"),)
REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
# The window's shortcuts that a text field takes for its own editing on Linux (Ctrl+E moves to the end
# of the line there): the field is not asked, so the window's action runs (Exportera till Word).
WINDOW_KEYS = (QKeySequence("Ctrl+E"),)


def _matches(event: QKeyEvent, sequences: tuple[QKeySequence, ...]) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in sequences)


class UndoKeys(QObject):
    """Watches the focus for as long as it lives; `covers(widget)` says whose keys it takes."""

    def __init__(self, covers: Callable[[QWidget], bool], undo: Callable[[], None], redo: Callable[[], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.covers, self.undo, self.redo = covers, undo, redo
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def remove(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.covers(new):
            new.installEventFilter(self)  # again for a widget that has it: Qt keeps one

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent) or not self.covers(watched):
            return False
        if kind == QEvent.Type.ShortcutOverride and _matches(event, WINDOW_KEYS):
            return True  # not accepted: Qt goes on to the window's shortcut
        if _matches(event, UNDO_KEYS):
            run = self.undo
        elif _matches(event, REDO_KEYS):
            run = self.redo
        else:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut and no field's own undo: the key comes here as a key press
            return True
        run()
        return True
