"""The chart's rows as last painted, so a vertical scroll repaints only what it uncovers.

Scrolling up or down moves every row by the same whole number of pixels and
changes nothing else, so the picture can be shifted and only the band of rows
that scrolled into view painted (what `QWidget.scroll` does for the row table).
Anything else — zoom, a sideways scroll, a new selection, changed data, another
size or day — changes the key and the whole rows area is painted again.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPixmap


class ScrollCache:
    """A pixmap of the rows area with `margin` extra pixels on its left.

    The margin mirrors where the chart sits in its window: Qt places the glyphs of a
    text that starts left of x = 0 on the device a little differently, and a label
    whose bar is scrolled off to the left starts there, so without it such labels
    would come out a shade different from a whole repaint onto the window.
    """

    def __init__(self) -> None:
        self.pixmap: QPixmap | None = None
        self._key: Hashable = None
        self._top = 0

    def invalidate(self) -> None:
        """Paint the whole rows area next time."""
        self._key = None

    def prepare(self, key: Hashable, top: int, margin: int, width: int, height: int) -> tuple[int, int] | None:
        """Make the pixmap show the rows from scroll offset `top`; returns the band (y0, y1) still to be
        painted, in pixmap coordinates: all of it, the edge a scroll uncovered, or None for nothing."""
        pm = self.pixmap
        if pm is None or pm.width() != margin + width or pm.height() != height:
            pm = self.pixmap = QPixmap(margin + width, height)
            pm.fill(QColor("white"))  # opaque, so it is copied onto the window without blending
            self._key = None
        dy = self._top - top  # > 0: the rows move down (scrolled up)
        self._top = top
        if key != self._key or abs(dy) >= height:
            self._key = key
            return 0, height
        if dy == 0:
            return None
        pm.scroll(0, dy, QRect(margin, 0, width, height))
        return (0, dy) if dy > 0 else (height + dy, height)
