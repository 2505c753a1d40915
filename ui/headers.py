"""A table's column headers shown whole: a column set to a fixed width (or Qt's default) is widened to
its header's text, which another language may make longer ("Tertial", "Four-month period")."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle


def text_width(header: QHeaderView, column: int) -> int:
    """The width a section needs to show its header's text whole (the longest line, with the margins)."""
    text = str(header.model().headerData(column, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0) + 2 * margin


def fit_header_texts(header: QHeaderView, columns: Iterable[int] | None = None) -> None:
    """Widen each of `columns` (None: all) that is narrower than its header's text, sort arrow included;
    a stretched column is left to its stretch."""
    if header.model() is None:
        return
    for column in range(header.count()) if columns is None else columns:
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        needed = max(text_width(header, column), header.sectionSizeHint(column))
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)
