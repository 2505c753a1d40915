"""A table's column headers shown whole: a column set to a fixed width (or Qt's default) is widened to
its header's text, which another language may make longer ("Tertial", "Four-month period"); and a dialog
around a table opened wide enough for its columns."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView, QWidget


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


def table_width(table: QTableView) -> int:
    """The width a table needs to show every column whole: its row header, columns, frame and scroll bar."""
    header = table.horizontalHeader()
    columns = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    rows = table.verticalHeader().width() if table.verticalHeader().isVisible() else 0
    return columns + rows + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()


def fit_dialog_to_table(dialog: QWidget, table: QTableView, most: int = 1100) -> None:
    """Open `dialog` wide enough for `table`'s columns (at most `most` pixels; a scroll bar beyond)."""
    margins = dialog.layout().contentsMargins() if dialog.layout() is not None else None
    extra = margins.left() + margins.right() if margins is not None else 0
    hint = dialog.sizeHint()
    dialog.resize(max(hint.width(), min(table_width(table) + extra, most)), hint.height())
