"""Text edits that say when they gain and lose keyboard focus (edits are stored when focus leaves)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit


def focus_signalling(base: type) -> type:
    class Edit(base):  # type: ignore[valid-type, misc]
        focus_lost = Signal()
        focus_gained = Signal()

        def focusOutEvent(self, event: Any) -> None:  # noqa: N802
            super().focusOutEvent(event)
            self.focus_lost.emit()

        def focusInEvent(self, event: Any) -> None:  # noqa: N802
            super().focusInEvent(event)
            self.focus_gained.emit()

    Edit.__name__ = Edit.__qualname__ = f"Focus{base.__name__}"
    return Edit


# The rich-text one (ui.editor.markup_edit's) is made with its module: the window's first page has none.
FocusPlainTextEdit = focus_signalling(QPlainTextEdit)
