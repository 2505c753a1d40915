"""The risk matrix: probability × consequence as a painted heat map with the number of risks per cell.

Probability runs upwards (highest at the top), consequence to the right.
Clicking a cell asks for the register to be filtered to it; dragging from a
cell to another (or dropping a register row on a cell) asks for the risk to
be re-assessed. The view only emits signals; the panel turns them into undo
commands and hands back new counts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from app.risks import RiskSettings, risk_value
from ui.risks.levels import impact_text, probability_text
from ui.i18n import translate
from ui.risks.model import LEVEL_COLOURS, RISK_MIME, level_text, level_word

Cell = tuple[int, int]  # (probability, impact)

TOP, RIGHT = 12, 12
MIN_POINTS = 7.0  # the axis labels' font shrinks this far at most; below that the widget grows instead
TITLE = 24  # the axis titles' band, left of the probability labels and below the consequence labels
WRAP = Qt.TextFlag.TextWordWrap
LEFT_FLAGS = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | WRAP
BOTTOM_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | WRAP


class RiskMatrixView(QWidget):
    # More than 25 methods (30): twelve are Qt's event handlers (paint, resize of the font, mouse,
    # keyboard, focus, and dropping a risk on a cell), each short; the rest are the cells' and
    # axis labels' geometry, which the handlers and the tests share.
    """The probability × consequence grid with each cell's count of risks: click a cell to filter,
    drop a risk on one to score it, move between cells with the arrow keys."""

    cellClicked = Signal(object)  # (probability, impact), or None when the filter is cleared  # noqa: N815
    riskDropped = Signal(int, int, int)  # risk id, probability, impact  # noqa: N815

    def __init__(self, settings: RiskSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.counts: dict[Cell, int] = {}
        self.selected: Cell | None = None
        # Which risk a drag from a cell moves (the panel answers: the selected one if it is there).
        self.risk_in_cell: Callable[[Cell], int | None] = lambda cell: None
        self._press: tuple[QPoint, Cell] | None = None
        self._dragging = False
        self._hover: Cell | None = None
        self.focus_cell: Cell | None = None  # where the arrow keys are
        self._measured: tuple[tuple, tuple[QFont, QFont, float, float]] | None = None
        self._fit_minimum()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAcceptDrops(True)
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("Risks", "Riskmatris"))

    # --- state from the panel -------------------------------------------------------

    def set_settings(self, settings: RiskSettings) -> None:
        self.settings = settings
        if self.selected and max(self.selected) > settings.scale:
            self.selected = None
        self._fit_minimum()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._fit_minimum()
        super().changeEvent(event)

    def _fit_minimum(self) -> None:
        """Never smaller than the labels need: each word under its column at the smallest label font,
        the probability labels beside the rows."""
        small = QFont(self.font())
        small.setPointSizeF(min(small.pointSizeF(), MIN_POINTS))
        fm, normal = QFontMetricsF(small), QFontMetricsF(self.font())
        words = [w for t in self._bottom_labels() for w in t.split()]
        side = max(240.0, self.settings.scale * (max((fm.horizontalAdvance(w) for w in words), default=0.0) + 8))
        left = TITLE + 6 + max((normal.horizontalAdvance(w) for t in self._left_labels() for w in t.split()),
                               default=0.0)
        self.setMinimumSize(int(max(360.0, left / 0.3 if left > 108 else 0.0, left + side + RIGHT + 40)),
                            int(max(300.0, TOP + side + TITLE + 6 + 3 * fm.height() + 10)))

    def set_counts(self, counts: dict[Cell, int]) -> None:
        self.counts = dict(counts)
        self.update()

    def set_selected(self, cell: Cell | None) -> None:
        self.selected = cell
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 440)

    # --- geometry ----------------------------------------------------------------------

    def _left_labels(self) -> list[str]:
        return [f"{p} {probability_text(self.settings, p)}".strip() for p in range(1, self.settings.scale + 1)]

    def _bottom_labels(self) -> list[str]:
        return [f"{i} {impact_text(self.settings, i)}".strip() for i in range(1, self.settings.scale + 1)]

    def _margins(self) -> tuple[float, float]:
        return self._layout()[2:]

    def _layout(self) -> tuple[QFont, QFont, float, float]:
        """The fonts of the probability and consequence labels and the margins they need (left,
        bottom), measured once per size, font and labels."""
        key = (self.width(), self.height(), self.font().key(), tuple(self._left_labels()),
               tuple(self._bottom_labels()))
        if self._measured is None or self._measured[0] != key:
            left_width = max(60.0, self.width() * 0.3)
            left_font = self._fitting_font(self._left_labels(), left_width)
            n = self.settings.scale
            fm = QFontMetricsF(left_font)
            left = TITLE + 6 + min(max((fm.horizontalAdvance(t) for t in self._left_labels()), default=0.0),
                                   left_width)
            # The columns' width depends on the room the labels below take, and that on the width:
            # start from two lines and settle (it does in a step or two).
            bottom = TITLE + 6 + 2 * QFontMetricsF(self.font()).height()
            for _ in range(4):
                side = max(1.0, min(self.width() - left - RIGHT, self.height() - TOP - bottom))
                bottom_font = self._fitting_font(self._bottom_labels(), side / n - 4)
                fm = QFontMetricsF(bottom_font)
                tallest = max((fm.boundingRect(QRectF(0, 0, side / n - 4, 1000), BOTTOM_FLAGS, t).height()
                               for t in self._bottom_labels()), default=0.0)
                if TITLE + 6 + tallest <= bottom:
                    break
                bottom = TITLE + 6 + tallest
            self._measured = (key, (left_font, bottom_font, left, bottom))
        return self._measured[1]

    def _fitting_font(self, labels: list[str], width: float) -> QFont:
        """The widget's font, smaller only if a label's longest word would not fit in `width` (a word
        is never cut: "Katastrofal", not "Katastrofa…")."""
        font = QFont(self.font())
        words = [w for text in labels for w in text.split()]
        while font.pointSizeF() > MIN_POINTS and words and max(
                QFontMetricsF(font).horizontalAdvance(w) for w in words) > width:
            font.setPointSizeF(font.pointSizeF() - 0.5)
        return font

    def _grid(self) -> QRectF:
        """The square of cells, as large as fits, centred horizontally beside its labels."""
        left, bottom = self._margins()
        w = max(1, self.width() - left - RIGHT)
        h = max(1, self.height() - TOP - bottom)
        side = min(w, h)
        return QRectF(left + (w - side) / 2, TOP, side, side)

    def axis_labels(self) -> list[tuple[QRectF, int, str, QFont]]:
        """Every axis label: the rectangle it is drawn in, its alignment flags, its text and font."""
        g = self._grid()
        left_font, bottom_font, left, bottom = self._layout()
        out = []
        for p, text in enumerate(self._left_labels(), start=1):
            r = self.cell_rect((p, 1))
            out.append((QRectF(g.left() - left + TITLE, r.top(), left - TITLE - 6, r.height()), LEFT_FLAGS, text,
                        left_font))
        for i, text in enumerate(self._bottom_labels(), start=1):
            r = self.cell_rect((1, i))
            out.append((QRectF(r.left() + 2, r.bottom() + 4, r.width() - 4, bottom - TITLE - 4), BOTTOM_FLAGS, text,
                        bottom_font))
        return out

    def cell_rect(self, cell: Cell) -> QRectF:
        p, i = cell
        n = self.settings.scale
        g = self._grid()
        w, h = g.width() / n, g.height() / n
        return QRectF(g.left() + (i - 1) * w, g.top() + (n - p) * h, w, h)

    def cell_center(self, cell: Cell) -> QPoint:
        return self.cell_rect(cell).center().toPoint()

    def cell_at(self, pos: QPoint | QPointF) -> Cell | None:
        n = self.settings.scale
        g = self._grid()
        x, y = pos.x(), pos.y()
        if not g.contains(QPointF(x, y)):
            return None
        i = min(n, int((x - g.left()) / (g.width() / n)) + 1)
        p = n - min(n - 1, int((y - g.top()) / (g.height() / n)))
        return (p, i)

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        n = self.settings.scale
        pal = self.palette()
        base_font = QFont(self.font())
        big = QFont(base_font)
        big.setPointSizeF(base_font.pointSizeF() * 1.6)
        big.setBold(True)
        for p in range(1, n + 1):
            for i in range(1, n + 1):
                rect = self.cell_rect((p, i))
                level = self.settings.level(risk_value(p, i)) or "green"
                colour = QColor(LEVEL_COLOURS[level])
                count = self.counts.get((p, i), 0)
                if count == 0:
                    colour = colour.lighter(125)
                painter.fillRect(rect, colour)
                painter.setPen(QPen(QColor("#ffffff"), 2))
                painter.drawRect(rect)
                if count:
                    painter.setPen(QColor("#1b1b1b"))
                    painter.setFont(big)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))
                painter.setFont(base_font)
                painter.setPen(QColor(0, 0, 0, 110))
                painter.drawText(rect.adjusted(4, 2, -4, -2),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, str(p * i))
                word_rect = rect.adjusted(4, 2, -4, -2)
                word = QFontMetrics(painter.font()).elidedText(level_word(level), Qt.TextElideMode.ElideRight,
                                                               int(word_rect.width()))
                painter.drawText(word_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, word)
        keyboard = self.focus_cell if self.hasFocus() else None
        for cell, pen in ((keyboard, QPen(QColor("#1b1b1b"), 2, Qt.PenStyle.DotLine)),
                          (self._hover, QPen(QColor("#1f4e9c"), 3, Qt.PenStyle.DashLine)),
                          (self.selected, QPen(QColor("#1f4e9c"), 4))):
            if cell is not None and max(cell) <= n:
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.cell_rect(cell).adjusted(2, 2, -2, -2))
        # Axis labels: probability at the left (score and name), consequence below.
        painter.setPen(pal.color(pal.ColorRole.WindowText))
        for rect, flags, text, font in self.axis_labels():
            painter.setFont(font)
            painter.drawText(rect, flags, text)
        bold = QFont(base_font)
        bold.setBold(True)
        painter.setFont(bold)
        g = self._grid()
        left, bottom = self._margins()
        painter.drawText(QRectF(g.left(), g.bottom() + bottom - TITLE, g.width(), 20), Qt.AlignmentFlag.AlignCenter,
                         translate("Risks", "Konsekvens"))
        painter.save()
        painter.translate(g.left() - left + 4, g.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-g.height() / 2, 0, g.height(), 18), Qt.AlignmentFlag.AlignCenter, translate("Risks", "Sannolikhet"))
        painter.restore()
        painter.end()

    # --- mouse: click filters, drag re-assesses -----------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and cell is not None:
            self._press = (event.position().toPoint(), cell)
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None:
            return
        start, cell = self._press
        if not self._dragging and (event.position().toPoint() - start).manhattanLength() >= QApplication.startDragDistance():
            self._dragging = self.counts.get(cell, 0) > 0
            if self._dragging:
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._dragging:
            self._hover = self.cell_at(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        _start, source = self._press
        target = self.cell_at(event.position())
        dragging = self._dragging
        self._press, self._dragging, self._hover = None, False, None
        self.unsetCursor()
        self.update()
        if dragging:
            risk_id = self.risk_in_cell(source)
            if target is not None and target != source and risk_id is not None:
                self.riskDropped.emit(risk_id, target[0], target[1])
        elif target == source:
            self.cellClicked.emit(None if self.selected == target else target)

    # --- keyboard: arrows walk the cells, Enter or Space filters by the cell --------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        n = self.settings.scale
        p, i = self.focus_cell or self.selected or (n, 1)
        moves = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Left: (0, -1)}
        if event.key() in moves:
            dp, di = moves[Qt.Key(event.key())]
            self.set_focus_cell((min(n, max(1, p + dp)), min(n, max(1, i + di))))
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.focus_cell is not None:
            self.cellClicked.emit(None if self.selected == self.focus_cell else self.focus_cell)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if self.focus_cell is None:
            self.set_focus_cell(self.selected or (self.settings.scale, 1))

    def set_focus_cell(self, cell: Cell) -> None:
        """The cell the keyboard is on: outlined, and read out (scores, names, risks in it, level)."""
        self.focus_cell = cell
        self.setAccessibleDescription(self.describe(cell))
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))
        self.update()

    def describe(self, cell: Cell) -> str:
        p, i = cell
        level = level_text(self.settings.level(risk_value(p, i))) or ""
        return translate("Risks", "Sannolikhet %1 (%2), konsekvens %3 (%4): %5 risker, %6").replace(
            "%1", str(p)).replace("%2", probability_text(self.settings, p)).replace("%3", str(i)).replace(
            "%4", impact_text(self.settings, i)).replace("%5", str(self.counts.get(cell, 0))).replace(
            "%6", level.lower())

    # --- drops from the register ----------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(RISK_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position())
        if cell is not None and event.mimeData().hasFormat(RISK_MIME):
            self._hover = cell
            event.acceptProposedAction()
        else:
            self._hover = None
            event.ignore()
        self.update()

    def dragLeaveEvent(self, event: object) -> None:  # noqa: N802
        self._hover = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._hover = None
        self.update()
        cell = self.cell_at(event.position())
        raw = bytes(event.mimeData().data(RISK_MIME).data()).decode() if event.mimeData().hasFormat(RISK_MIME) else ""
        if cell is None or not raw.isdigit():
            event.ignore()
            return
        event.acceptProposedAction()
        self.riskDropped.emit(int(raw), cell[0], cell[1])

    def cell_geometry(self, cell: Cell) -> QRect:
        """The cell's rectangle in widget pixels (for tests and tooltips)."""
        return self.cell_rect(cell).toRect()
