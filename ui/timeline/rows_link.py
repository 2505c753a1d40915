"""The row table and the chart as one: one vertical scroll, the same row heights, one current row.

The chart's scroll bar drives the table's and back; a larger font makes the chart's rows taller and
the table's with them (and its columns of short texts wider); the current row follows from either
side; a click or Return on a band or group header in the table folds it as in the chart.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtGui import QFontMetrics

from ui.timeline.model import TimelineLayout, TimelineTableModel
from ui.timeline.table import TimelineTable
from ui.timeline.view import TimelineView

# The table's column widths (title, code, responsible, start, end, float, slip) in px at the usual
# 9 pt font, whose line is _BASE_LINE px high. A larger font widens the columns of short texts that
# must show whole (codes, dates, days) in proportion; titles and names are cut with "…" as before,
# so that the chart keeps its room.
_BASE_WIDTHS = (210, 44, 110, 88, 88, 84, 90)
_GROWS = (False, True, False, True, True, True, True)
_BASE_LINE = 14


class RowsHost(Protocol):
    """The panel: the layout both sides show, and what folding a header does."""

    layout_rows: TimelineLayout

    def toggle_band(self, plan_id: int) -> None: ...

    def toggle_group(self, group: int) -> None: ...


class RowsLink(QObject):
    open_item_requested = Signal(str, int)  # kind, row id: an item opened from the table

    def __init__(self, host: RowsHost, table: TimelineTable, model: TimelineTableModel, view: TimelineView) -> None:
        super().__init__(table)
        self.host, self.table, self.model, self.view = host, table, model, view
        self.fit_rows(view.row_h, view.header_h)
        view.geometry_changed.connect(self.fit_rows)  # a larger system font: taller rows in both
        chart_bar, table_bar = view.verticalScrollBar(), table.verticalScrollBar()
        chart_bar.valueChanged.connect(table_bar.setValue)
        table_bar.valueChanged.connect(chart_bar.setValue)
        table_bar.rangeChanged.connect(lambda *_: table_bar.setValue(chart_bar.value()))

    def connect_selection(self) -> None:
        """The current row and header clicks, both ways (after the panel's own connections)."""
        self.view.current_changed.connect(self._chart_current_changed)
        self.table.clicked.connect(self._table_clicked)
        self.table.doubleClicked.connect(self._table_double_clicked)
        self.table.row_entered.connect(self._table_entered)
        self.table.selectionModel().currentRowChanged.connect(self._table_current_changed)

    def column_widths(self) -> list[int]:
        """The table's column widths for the chart's font: wider with a larger system font."""
        factor = max(1.0, QFontMetrics(self.view.font()).height() / _BASE_LINE)
        return [round(w * factor) if grows else w for w, grows in zip(_BASE_WIDTHS, _GROWS, strict=True)]

    def fit_rows(self, row_h: int, header_h: int) -> None:
        """The table's rows as tall as the chart's, its columns as wide as the font needs."""
        self.table.set_geometry(row_h, header_h)
        for col, width in enumerate(self.column_widths()):
            self.table.setColumnWidth(col, width)

    def _chart_current_changed(self, display: int) -> None:
        sm = self.table.selectionModel()
        if display < 0:
            sm.clearSelection()
            return
        index = self.model.index(display, 0)
        if self.table.currentIndex().row() != display:
            sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)

    def _table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.view.set_current(current.row(), notify=False)

    def _table_clicked(self, index: QModelIndex) -> None:
        layout = self.host.layout_rows
        band = layout.band_at(index.row()) if index.isValid() else None
        group = layout.group_at(index.row()) if index.isValid() else None
        if band is not None:
            self.host.toggle_band(layout.data.bands[band].plan_id)
        elif group is not None:
            self.host.toggle_group(group)

    def _table_entered(self, display: int) -> None:
        """Return on a band or group header folds it (as a click does); on an item, opens it."""
        index = self.model.index(display, 0)
        if self.host.layout_rows.row(display) is None:
            self._table_clicked(index)
            self.table.setCurrentIndex(self.model.index(min(display, self.model.rowCount() - 1), 0))
        else:
            self._table_double_clicked(index)

    def _table_double_clicked(self, index: QModelIndex) -> None:
        row = self.host.layout_rows.row(index.row()) if index.isValid() else None
        if row is not None:
            self.open_item_requested.emit("timeline", row.id)
