"""Work that can wait until a window is on screen: run it just after the window's first paint.

Start-up does only what the first frame needs (the plan list and the open plan);
the search index, the session backup and such run from here, so the window
appears as soon as it can.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], object]):
        super().__init__(widget)
        self._widget = widget
        self._work = work

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self.deleteLater()
            QTimer.singleShot(0, self._widget, self._work)  # after the paint, not inside it; not if the widget is gone
        return False


def after_first_paint(widget: QWidget, work: Callable[[], object]) -> None:
    """Run `work` once, on the event loop, after `widget` is next painted."""
    widget.installEventFilter(_FirstPaint(widget, work))
