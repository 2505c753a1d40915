"""The row table beside the chart, and the delegate that keeps its repaint cheap.

Every vertical scroll step repaints the rows the table scrolls into view, and the
stock delegate asks the model for seven roles per cell and lays each text out
twice (to elide it, then to draw it). `RowTextDelegate` draws an ordinary cell
straight from the model's per-row texts with the same font, colour, margin and
elision, and leaves the selected row, the focused or hovered cell and right-to-left
layouts to the stock delegate, so every cell looks exactly as before.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.timeline.view import HEADER_H, ROW_H

_State = QStyle.StateFlag
# the selected row, the focused cell, a hovered cell (some styles shade it) and a cell being
# edited are left to the stock delegate
_STOCK_STATES = _State.State_Selected | _State.State_HasFocus | _State.State_MouseOver | _State.State_Editing
_ELIDED_MAX = 5000  # (text, bold, width) -> what fits; cleared when it grows past this
_KERNING_SLACK = 2.0  # px: a text this much narrower than its cell by character advances fits as laid out


class RowTextDelegate(QStyledItemDelegate):
    """Paints an ordinary cell as one `drawText` of its cached, already elided text.

    Per cell it asks Qt only for what it must (state, rect, row, column): the text colour
    per state, the fonts and the elided texts are kept until `forget()`.
    """

    def __init__(self, model: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        self._pens: dict[Any, QColor | None] = {}  # option state -> text colour (None: stock delegate)
        self._fonts: tuple[QFont, ...] = ()  # plain, bold; measured at the first paint
        self._metrics: tuple[QFontMetricsF, QFontMetricsF] = (QFontMetricsF(QFont()), QFontMetricsF(QFont()))
        self._ascent = (0.0, 0.0)
        self._line = (0.0, 0.0)
        self._margin = 3
        self._elided: dict[tuple[str, int, int], str] = {}
        self._advances: tuple[dict[str, float], dict[str, float]] = ({}, {})  # per font: character -> advance

    def forget(self) -> None:
        """The view's font, palette or style changed: measure and look everything up afresh."""
        self._pens.clear()
        self._fonts = ()
        self._elided.clear()
        self._advances = ({}, {})

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        state = option.state
        pen = self._pens.get(state, False)
        if pen is False:
            pen = self._pens[state] = self._text_colour(option)
        if pen is None:
            super().paint(painter, option, index)
            return
        text, bold = self._model.cell(index.row(), index.column())
        if not text:
            return
        x, y, w, h = option.rect.getRect()
        b = 1 if bold else 0
        shown = self._elided.get((text, b, w))
        if shown is None:
            shown = self._fit(text, b, w)
        if shown:
            painter.setPen(pen)
            painter.setFont(self._fonts[b])
            # vertically centred like the style's text layout: the line box, then its baseline
            baseline = y + (h - self._line[b]) / 2 + self._ascent[b]
            painter.drawText(QPointF(x + self._margin, baseline), shown)

    def _text_colour(self, option: QStyleOptionViewItem) -> QColor | None:
        """The style's text colour for a cell in this state; None where the stock delegate paints."""
        state = option.state
        if state & _STOCK_STATES or option.direction != Qt.LayoutDirection.LeftToRight:
            return None
        if not self._fonts:
            self._measure(option)
        if not state & _State.State_Enabled:
            group = QPalette.ColorGroup.Disabled
        elif state & _State.State_Active:
            group = QPalette.ColorGroup.Normal
        else:
            group = QPalette.ColorGroup.Inactive
        return option.palette.color(group, QPalette.ColorRole.Text)

    def _measure(self, option: QStyleOptionViewItem) -> None:
        plain = QFont(option.font)
        bold = QFont(plain)
        bold.setBold(True)
        self._fonts = (plain, bold)
        self._metrics = (QFontMetricsF(plain), QFontMetricsF(bold))
        self._ascent = (self._metrics[0].ascent(), self._metrics[1].ascent())
        self._line = (self._metrics[0].height(), self._metrics[1].height())
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            self._margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1

    def _fit(self, text: str, bold: int, cell_width: int) -> str:
        """`text` elided with "…" to the cell as the style does it; kept per text and cell width."""
        if len(self._elided) > _ELIDED_MAX:
            self._elided.clear()
        width = cell_width - 2 * self._margin
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
    """The rows beside the chart: same row height, same header height, no scroll bar of its own."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
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
        self.setAccessibleName("Tidplanens poster")

    def setModel(self, model: Any) -> None:  # noqa: N802
        super().setModel(model)
        self.setItemDelegate(RowTextDelegate(model, self))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in _LOOK_CHANGES:
            delegate = self.itemDelegate()
            if isinstance(delegate, RowTextDelegate):
                delegate.forget()
        super().changeEvent(event)


_LOOK_CHANGES = frozenset({QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                           QEvent.Type.LayoutDirectionChange})
