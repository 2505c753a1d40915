"""How timeline items look: colours, bars, vague edges, markers, arrows.

Colours are the Okabe–Ito palette (safe for the common colour-vision
deficiencies) and every kind also differs in shape or pattern, so a grey print
still tells a phase from an activity and a decision point from a milestone.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPainterPath, QPen, QPolygonF

# Okabe–Ito
ORANGE = QColor("#E69F00")
SKY = QColor("#56B4E9")
GREEN = QColor("#009E73")
YELLOW = QColor("#F0E442")
BLUE = QColor("#0072B2")
VERMILION = QColor("#D55E00")
PURPLE = QColor("#CC79A7")
INK = QColor("#222222")

PHASE_FILL, PHASE_LINE = QColor("#A9D6F2"), BLUE
ACTIVITY_FILL, ACTIVITY_LINE, ACTIVITY_DONE = QColor("#F6D38A"), QColor("#8A5C00"), QColor("#B97F00")
DECISION_FILL, DECISION_LINE = GREEN, QColor("#00513B")
MILESTONE_FILL, MILESTONE_LINE = QColor("#FFFFFF"), QColor("#8E3F6D")
WEEKEND = QColor("#F1F1F1")
HOLIDAY = QColor("#E4E4E4")
DAY_OFF = QColor("#ECE6D8")  # de facto days off (julafton): warmer and lighter than a public holiday
GRID = QColor("#DDDDDD")
BAND_BG = QColor("#EEF2F5")
GROUP_BG = QColor("#DCE3EA")  # a group of plans in a grouped portfolio, above its bands
SELECTED_BG = QColor("#FBF6C4")
TODAY = VERMILION
ARROW = QColor("#555555")
FADED_ALPHA = 30  # what is left of a colour at the far end of a vague period
WHITE = QColor("white")
LABEL = QColor("#444444")
GRID_PEN = QPen(GRID, 1)
ARROW_PEN = QPen(ARROW, 1.2)
ARROW_MARGIN = 10.0  # px past the shown band that arrows are still stroked (see draw_arrows)
CRITICAL_PEN = QPen(QColor("#C62828"), 2)  # items on the critical path, when it is shown
BASELINE = QColor("#6D6D6D")  # the decided plan's bar: a thin line under today's bar
ADDED_PEN = QPen(QColor("#2E7D32"), 1.5, Qt.PenStyle.DashLine)  # an item added since the decided plan
_SOLID: dict[int, QBrush] = {}  # rgba -> brush, for the exact (not vague) bars
_PENS: dict[tuple[int, float], QPen] = {}  # (rgba, width) -> pen of a solid outline
DONE_HATCH = QBrush(QColor(0, 0, 0, 90), Qt.BrushStyle.BDiagPattern)


def _faded(c: QColor, alpha: int) -> QColor:
    out = QColor(c)
    out.setAlpha(alpha)
    return out


def vague_gradient(color: QColor, x0: float, x1: float, solid_from: float | None,
                   solid_to: float | None) -> QBrush:
    """A horizontal brush over x0..x1: faded before `solid_from`, solid, faded after `solid_to`.

    `solid_from` is the end of a vague start period, `solid_to` the beginning of a
    vague end period (None: that side is exact).
    """
    if solid_from is None and solid_to is None:
        key = color.rgba()
        brush = _SOLID.get(key)
        if brush is None:
            brush = _SOLID[key] = QBrush(color)
        return brush
    width = max(1e-6, x1 - x0)
    g = QLinearGradient(x0, 0, x1, 0)
    a = 0.0 if solid_from is None else min(1.0, max(0.0, (solid_from - x0) / width))
    b = 1.0 if solid_to is None else min(1.0, max(0.0, (solid_to - x0) / width))
    if b < a:  # the start and end periods overlap (e.g. "Okt 2024 – Okt 2024")
        a = b = (a + b) / 2
    g.setColorAt(0.0, _faded(color, FADED_ALPHA) if solid_from is not None else color)
    g.setColorAt(a, color)
    g.setColorAt(b, color)
    g.setColorAt(1.0, _faded(color, FADED_ALPHA) if solid_to is not None else color)
    return QBrush(g)


def draw_bar(p: QPainter, rect: QRectF, kind: str, progress: int, solid_from: float | None,
             solid_to: float | None, selected: bool) -> None:
    if kind == "phase":
        fill, line = PHASE_FILL, PHASE_LINE
    else:
        fill, line = ACTIVITY_FILL, ACTIVITY_LINE
    x0, x1 = rect.left(), rect.right()
    width = 2.0 if selected else 1.2
    p.setBrush(vague_gradient(fill, x0, x1, solid_from, solid_to))
    line_brush = vague_gradient(line, x0, x1, solid_from, solid_to)
    if solid_from is None and solid_to is None:
        key = (line.rgba(), width)
        pen = _PENS.get(key)
        if pen is None:
            pen = _PENS[key] = QPen(line_brush, width)
    else:
        pen = QPen(line_brush, width)
    p.setPen(pen)
    radius = 2.0 if kind == "phase" else 4.0
    p.drawRoundedRect(rect, radius, radius)
    if kind == "phase":
        # a solid top edge: phases read as brackets even in grey print
        p.fillRect(QRectF(x0, rect.top(), rect.width(), 3), line_brush)
    if progress > 0 and kind != "phase":
        done = QRectF(x0, rect.top() + rect.height() * 0.3, rect.width() * min(100, progress) / 100,
                      rect.height() * 0.4)
        p.fillRect(done, ACTIVITY_DONE)
        p.fillRect(done, DONE_HATCH)
    if selected:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(INK, 1, Qt.PenStyle.DotLine))
        p.drawRect(rect.adjusted(-2, -2, 2, 2))


def diamond(center: QPointF, r: float) -> QPolygonF:
    cx, cy = center.x(), center.y()
    return QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)])


def draw_marker(p: QPainter, center: QPointF, r: float, kind: str, period: QRectF | None,
                selected: bool, state: str = "") -> None:
    """Milestones: hollow diamond with a dot. Decision points by their state, told apart by shape so that
    grey-scale print reads them too: kommande hollow, klar för beslut half filled, beslutad filled,
    försenad hollow with a thick outline and a cross. A vague date shows its period."""
    line = DECISION_LINE if kind == "decision_point" else MILESTONE_LINE
    if period is not None and period.width() > 2:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(vague_gradient(_faded(line, 70), period.left(), period.right(), period.left(), None))
        p.drawRect(period)
        p.setPen(QPen(_faded(line, 140), 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(period.left(), period.bottom()), QPointF(period.right(), period.bottom()))
    if kind == "decision_point":
        _draw_decision_point(p, center, r, state or "decided", line)
    else:
        p.setBrush(MILESTONE_FILL)
        p.setPen(QPen(PURPLE.darker(130), 2.5))
        p.drawPolygon(diamond(center, r))
        p.setBrush(line)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(center, 2.0, 2.0)
    if selected:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(INK, 1, Qt.PenStyle.DotLine))
        p.drawRect(QRectF(center.x() - r - 3, center.y() - r - 3, 2 * r + 6, 2 * r + 6))


def _draw_decision_point(p: QPainter, center: QPointF, r: float, state: str, line: QColor) -> None:
    shape = diamond(center, r)
    if state == "decided":
        p.setBrush(DECISION_FILL)
        p.setPen(QPen(line, 1.5))
        p.drawPolygon(shape)
        return
    p.setBrush(WHITE)
    p.setPen(QPen(INK if state == "late" else line, 3.0 if state == "late" else 1.5))
    p.drawPolygon(shape)
    if state == "ready":  # the left half filled: prepared, waiting for the decision
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(DECISION_FILL)
        p.drawPolygon(QPolygonF([QPointF(center.x() - r, center.y()), QPointF(center.x(), center.y() - r),
                                 QPointF(center.x(), center.y() + r)]))
    elif state == "late":
        d = r * 0.4
        p.setPen(QPen(INK, 1.5))
        p.drawLine(QPointF(center.x() - d, center.y() - d), QPointF(center.x() + d, center.y() + d))
        p.drawLine(QPointF(center.x() - d, center.y() + d), QPointF(center.x() + d, center.y() - d))


def draw_arrow(p: QPainter, start: QPointF, end: QPointF) -> None:
    """Finish-to-start: out of the predecessor's end, down, into the successor's start."""
    path = QPainterPath(start)
    out_x = start.x() + 6
    if end.x() - 6 >= out_x:
        path.lineTo(out_x, start.y())
        path.lineTo(out_x, end.y())
        path.lineTo(end.x() - 6, end.y())
    else:  # the successor starts before the predecessor ends: go round
        mid_y = (start.y() + end.y()) / 2
        path.lineTo(out_x, start.y())
        path.lineTo(out_x, mid_y)
        path.lineTo(end.x() - 10, mid_y)
        path.lineTo(end.x() - 10, end.y())
        path.lineTo(end.x() - 6, end.y())
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(ARROW, 1.2))
    p.drawPath(path)
    p.setBrush(ARROW)
    p.setPen(Qt.PenStyle.NoPen)
    tip = QPointF(end.x() - 1, end.y())
    p.drawPolygon(QPolygonF([tip, QPointF(tip.x() - 6, tip.y() - 4), QPointF(tip.x() - 6, tip.y() + 4)]))


def draw_arrows(p: QPainter, arrows: list[tuple[float, float, float, float]],
                shown: tuple[float, float] = (-math.inf, math.inf)) -> None:
    """Many `draw_arrow`s (start x, y, end x, y) with the pen and brush set once: each line a polyline,
    each head a triangle.

    `shown` is the band of y the painter's clip lets through. An arrow to a row far above or below
    runs thousands of pixels past it, and stroking all of that costs twice a short arrow: every y is
    cut to the band widened by `ARROW_MARGIN`, so what shows is the same and what is cut off is never
    stroked (the pen's joins and caps reach half its width; a head reaches 4 px either side).
    """
    lo, hi = shown[0] - ARROW_MARGIN, shown[1] + ARROW_MARGIN
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(ARROW_PEN)
    for sx, sy, ex, ey in arrows:
        out_x = sx + 6
        a = lo if sy < lo else hi if sy > hi else sy
        b = lo if ey < lo else hi if ey > hi else ey
        if ex - 6 >= out_x:
            p.drawPolyline([QPointF(sx, a), QPointF(out_x, a), QPointF(out_x, b), QPointF(ex - 6, b)])
        else:  # the successor starts before the predecessor ends: go round
            mid_y = (sy + ey) / 2
            m = lo if mid_y < lo else hi if mid_y > hi else mid_y
            p.drawPolyline([QPointF(sx, a), QPointF(out_x, a), QPointF(out_x, m), QPointF(ex - 10, m),
                            QPointF(ex - 10, b), QPointF(ex - 6, b)])
    p.setBrush(ARROW)
    p.setPen(Qt.PenStyle.NoPen)
    for _sx, _sy, ex, ey in arrows:
        if lo < ey < hi:  # a head outside the band would be cut away whole
            tx = ex - 1
            p.drawPolygon([QPointF(tx, ey), QPointF(tx - 6, ey - 4), QPointF(tx - 6, ey + 4)])
