"""The row table beside the chart, and the painting that keeps its scrolling cheap.

Every vertical scroll step repaints the rows the table scrolls into view. Qt's
own painting goes cell by cell: a call into the model for the index, a delegate
that asks for seven roles and lays each text out twice (to elide it, then to
draw it). When every row in the repainted strip is ordinary (not selected, not
current, not under the mouse), `TimelineTable` draws the strip itself in one go
from the model's per-row texts, with the style's font, colour, margin, centring
and elision; otherwise, and in any unusual state, Qt paints as always.
"""

from __future__ import annotations


from PySide6.QtCore import QEvent, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPalette, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget,
)

from ui.i18n import translate
from ui.timeline.view import HEADER_H, ROW_H

_ELIDED_MAX = 5000  # (text, bold, width) -> what fits; cleared when it grows past this
_KERNING_SLACK = 2.0  # px: a text this much narrower than its cell by character advances fits as laid out


class CellTexts:
    """Fonts, margins and elided texts of the table's cells, as the style's item painting has them."""

    def __init__(self) -> None:
        self.fonts: tuple[QFont, ...] = ()  # plain, bold; measured when first needed
        self._metrics: tuple[QFontMetricsF, ...] = ()
        self.ascent = (0.0, 0.0)
        self.line = (0.0, 0.0)
        self.margin = 3
        self._elided: dict[tuple[str, int, int], str] = {}
        self._advances: tuple[dict[str, float], dict[str, float]] = ({}, {})  # per font: character -> advance

    def forget(self) -> None:
        """The view's font or style changed: measure afresh."""
        self.fonts = ()
        self._elided.clear()
        self._advances = ({}, {})

    def measure(self, view: QWidget) -> None:
        plain = QFont(view.font())
        bold = QFont(plain)
        bold.setBold(True)
        self.fonts = (plain, bold)
        self._metrics = (QFontMetricsF(plain), QFontMetricsF(bold))
        self.ascent = (self._metrics[0].ascent(), self._metrics[1].ascent())
        self.line = (self._metrics[0].height(), self._metrics[1].height())
        self.margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1

    def fit(self, text: str, bold: int, cell_width: int) -> str:
        """`text` elided with "…" to the cell as the style does it; kept per text and cell width."""
        shown = self._elided.get((text, bold, cell_width))
        if shown is None:
            if len(self._elided) > _ELIDED_MAX:
                self._elided.clear()
            width = cell_width - 2 * self.margin
            if self._sum_of_advances(text, bold) + _KERNING_SLACK <= width:
                shown = text  # clearly fits: no need to lay it out just to find that out
            else:
                shown = self._metrics[bold].elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elided[text, bold, cell_width] = shown
        return shown

    def _sum_of_advances(self, text: str, bold: int) -> float:
        """The width of `text` from per-character advances (cached): within kerning of the laid-out width."""
        advances = self._advances[bold]
        try:
            return sum(map(advances.__getitem__, text))
        except KeyError:
            advance = self._metrics[bold].horizontalAdvance
            for ch in set(text) - advances.keys():
                advances[ch] = advance(ch)
            return sum(map(advances.__getitem__, text))


class TimelineTable(QTableView):
    """The rows beside the chart: same row height, same header height (`set_geometry`, from the chart),
    no scroll bar of its own."""

    row_entered = Signal(int)  # Return, Enter or Space on a row: a band or group folds as a click does

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # read-only rows: Tab leaves for the chart, arrows walk the rows
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.setShowGrid(False)
        vh = self.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setMinimumSectionSize(1)
        vh.setDefaultSectionSize(ROW_H)
        hh = self.horizontalHeader()
        hh.setFixedHeight(HEADER_H)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        hh.setStretchLastSection(False)
        self.setAccessibleName(translate("Timeline", "Tidplanens poster"))
        self.cells = CellTexts()
        self.rows_painted_plainly = 0  # rows the last paint drew itself (for tests)

    def set_geometry(self, row_h: int, header_h: int) -> None:
        """The chart's row and header heights, so that each row lines up with its bar."""
        self.verticalHeader().setDefaultSectionSize(row_h)
        self.horizontalHeader().setFixedHeight(header_h)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        current = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and current.isValid():
            self.row_entered.emit(current.row())
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.cells.forget()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        rect = event.rect()
        rows = self._plain_rows(rect)
        self.rows_painted_plainly = 0 if rows is None else len(rows)
        if rows is None:
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        try:
            self._paint_plain_rows(painter, rows, rect)
        finally:
            painter.end()

    def _plain_rows(self, rect: QRect) -> range | None:
        """The rows `rect` touches if they can all be drawn plainly; None where Qt must paint: a
        selected, current or hovered row among them, another delegate, or an unusual mode."""
        model = self.model()
        if (model is None or not hasattr(model, "cell") or type(self.itemDelegate()) is not QStyledItemDelegate
                or self.state() != QAbstractItemView.State.NoState or self.isRightToLeft() or self.showGrid()
                or self.alternatingRowColors() or self.wordWrap() or self.verticalHeader().hiddenSectionCount()
                or self.textElideMode() != Qt.TextElideMode.ElideRight):
            return None
        first = self.rowAt(rect.top())
        if first < 0:
            return range(0)  # below the last row: nothing to draw
        last = self.rowAt(rect.bottom())
        rows = range(first, (model.rowCount() if last < 0 else last + 1))
        current = self.currentIndex()
        if current.isValid() and current.row() in rows:
            return None
        selection, root = self.selectionModel(), self.rootIndex()
        if any(selection.rowIntersectsSelection(r, root) for r in rows):
            return None
        vp = self.viewport()
        if vp.testAttribute(Qt.WidgetAttribute.WA_Hover):  # a style that shades the row under the mouse
            pos = vp.mapFromGlobal(QCursor.pos())
            if vp.rect().contains(pos) and self.rowAt(pos.y()) in rows:
                return None
        return rows

    def _paint_plain_rows(self, painter: QPainter, rows: range, rect: QRect) -> None:
        """What the stock delegate paints for these rows' cells: each text, elided, in its cell."""
        cells = self.cells
        if not cells.fonts:
            cells.measure(self)
        header = self.horizontalHeader()
        columns = []
        for c in range(header.count()):
            x, w = header.sectionViewportPosition(c), header.sectionSize(c)
            if not header.isSectionHidden(c) and x + w > rect.left() and x <= rect.right():
                columns.append((c, x, w))
        painter.setPen(self._text_colour())
        cell, fit, margin = self.model().cell, cells.fit, cells.margin  # type: ignore[attr-defined]
        bold = -1
        for r in rows:
            y, h = self.rowViewportPosition(r), self.rowHeight(r)
            for c, x, w in columns:
                text, is_bold = cell(r, c)
                if not text:
                    continue
                b = 1 if is_bold else 0
                shown = fit(text, b, w)
                if shown:
                    if b != bold:
                        bold = b
                        painter.setFont(cells.fonts[b])
                    # vertically centred like the style's text layout: the line box, then its baseline
                    baseline = y + (h - cells.line[b]) / 2 + cells.ascent[b]
                    painter.drawText(QPointF(x + margin, baseline), shown)

    def _text_colour(self) -> QColor:
        """The colour the style gives an ordinary cell's text now (enabled, focused, window active)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        state = option.state
        if not state & QStyle.StateFlag.State_Enabled:
            group = QPalette.ColorGroup.Disabled
        elif state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Normal
        else:
            group = QPalette.ColorGroup.Inactive
        return option.palette.color(group, QPalette.ColorRole.Text)
