"""Painting the Gantt chart: `ChartPainter` draws what `TimelineGeometry` places.

A frame is three layers. The rows (calendar shading and grid, bars, markers,
band headers, labels) are kept as a picture between frames (`ScrollCache`), so a
vertical scroll paints only the rows it uncovers. Dependency arrows and today's
line go over them every frame. The header with week numbers and Swedish month
names goes on top (`ui.timeline.chart_text`, with the labels' fonts).

The painter reads the view only through `ChartHost` (its viewport and current row);
the view tells it when the rows change (`rows_changed`) and when the font does (`measure`).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPaintEngine, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.timeline import TimelineRow, days_off, decision_state, swedish_holidays
from ui.timeline import paint
from ui.timeline.chart_text import ChartText
from ui.timeline.geometry import HEADER_H, ROW_H, Anchor, Bar, Marker, RowMetrics, TimelineGeometry, shade_runs
from ui.timeline.model import TimelineLayout
from ui.timeline.scrollcache import ScrollCache

_SHADE = {"holiday": paint.HOLIDAY, "day_off": paint.DAY_OFF, "weekend": paint.WEEKEND}


def row_geometry(font: QFont) -> tuple[int, int]:
    """(row height, header height) for the chart drawn in `font`: a line of text with 5 px above and
    below in a row, a bold line with 4 px above and below in each of the header's two lines."""
    bold = QFont(font)
    bold.setBold(True)
    row = max(ROW_H, QFontMetrics(font).height() + 10)
    line = max(HEADER_H // 2, QFontMetrics(bold).height() + 8)
    return row, 2 * line


class ChartHost(Protocol):
    """What the painter needs of the widget it paints: where, and which row is selected."""

    @property
    def current(self) -> int | None: ...

    def viewport(self) -> QWidget: ...


class ChartPainter:
    def __init__(self, host: ChartHost, geometry: TimelineGeometry, font: QFont) -> None:
        self.host, self.geometry = host, geometry
        self.rows_painted = 0  # display rows the last paint iterated (for tests and the benchmark)
        self.rows_cache = ScrollCache()  # the rows area between frames (public for tests)
        self.text: ChartText
        self._anchors: dict[int, Anchor | None] = {}  # display -> (x in, x out, y), this frame
        self._shade_cache: tuple[tuple[date, date], list[tuple[int, int, QColor]]] | None = None
        self._generation = 0  # bumped whenever the rows' data, shape or font changes (part of the cache key)
        self.measure(font)

    def measure(self, font: QFont) -> None:
        """Fonts, metrics and the row geometry that follows from the widget's font (again when it changes)."""
        self.text = ChartText(font)
        self.geometry.metrics = RowMetrics(*row_geometry(font))
        self.text.place_labels(self.geometry.metrics.row_h)
        self._generation += 1

    def rows_changed(self) -> None:
        """The rows' data or shape changed: the kept picture of them is stale."""
        self._generation += 1

    # --- frames ------------------------------------------------------------------------

    def paint_event(self) -> None:
        vp = self.host.viewport()
        w, h = vp.width(), vp.height()
        p = QPainter(vp)
        try:
            # Exports and prints render through here too: they get every row drawn, not a picture.
            header_h = self.geometry.header_h
            if p.paintEngine().type() != QPaintEngine.Type.Raster or h <= header_h or vp.devicePixelRatioF() != 1:
                self.paint(p, w, h)
                return
            margin = max(0, vp.mapTo(vp.window(), QPoint(0, 0)).x())  # see ScrollCache
            self._paint_kept_rows(p, w, h, margin)
            self._paint_over_rows(p, w, h)
            self.text.paint_kept_header(p, w, margin, self.geometry)
        finally:
            p.end()

    def paint(self, p: QPainter, w: int, h: int) -> None:
        """The whole chart: rows, arrows and today's line over them, the header on top."""
        self._anchors = {}
        self._paint_rows(p, w, h, self.geometry.header_h, h)
        self._paint_over_rows(p, w, h)
        self.text.paint_header(p, w, self.geometry)

    def _paint_kept_rows(self, p: QPainter, w: int, h: int, margin: int) -> None:
        """The rows from the kept picture, painting into it only what changed (see scrollcache)."""
        g = self.geometry
        header_h = g.header_h
        key = (w, h, g.scale.origin, g.scale.px_per_day, self.host.current, date.today(), self._generation)
        band = self.rows_cache.prepare(key, g.top, margin, w, h - header_h)
        pm = self.rows_cache.pixmap
        assert pm is not None
        self._anchors = {}
        if band is not None:
            cp = QPainter(pm)
            try:
                cp.translate(margin, -header_h)  # viewport coordinates on the pixmap
                self._paint_rows(cp, w, h, header_h + band[0], header_h + band[1])
            finally:
                cp.end()
        p.drawPixmap(0, header_h, pm, margin, 0, w, h - header_h)

    def _paint_rows(self, p: QPainter, w: int, h: int, y0: int, y1: int) -> None:
        """Calendar, rows and labels in the band y0..y1 of the viewport, exactly as a whole repaint
        draws them there: every row draws only inside its own row height, so the rows crossing the band do."""
        g = self.geometry
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.save()
        p.setClipRect(QRectF(0, y0, w, y1 - y0))
        p.setBrushOrigin(0, -g.top)  # patterns (the progress hatch) move with the rows they fill
        p.fillRect(QRectF(0, y0, w, y1 - y0), paint.WHITE)
        self._paint_calendar(p, h, g.scale.date_for_x(0), g.scale.date_for_x(w))
        rows = g.rows_between(y0, y1, h)
        self.text.labels = []
        for r in rows:
            self._anchors[r] = self._paint_row(p, r, w)
        self.rows_painted = len(rows)
        self.text.paint_labels(p)
        p.restore()

    def _paint_over_rows(self, p: QPainter, w: int, h: int) -> None:
        """Dependency arrows and today's line: on top of the rows and never kept, since an arrow
        shows while one of its ends is in view and the dashes of today's line stay put."""
        header_h = self.geometry.header_h
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.save()
        p.setClipRect(QRectF(0, header_h, w, h - header_h))
        self._paint_dependencies(p, self.geometry.visible_rows(h), self._anchors, (header_h, h))
        x = self.geometry.scale.x_for_ordinal(date.today().toordinal() + 0.5)
        p.setPen(QPen(paint.TODAY, 1.5, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, header_h), QPointF(x, h))
        p.restore()

    # --- the calendar ------------------------------------------------------------------

    def _paint_calendar(self, p: QPainter, h: int, first: date, last: date) -> None:
        scale, header_h = self.geometry.scale, self.geometry.header_h
        ppd = scale.px_per_day
        if ppd >= 4:
            key = (first, last)
            if self._shade_cache is None or self._shade_cache[0] != key:
                self._shade_cache = (key, [(o, n, _SHADE[what]) for o, n, what in shade_runs(first, last)])
            x_of = scale.x_for_ordinal
            for o, days, color in self._shade_cache[1]:
                p.fillRect(QRectF(x_of(o), header_h, ppd * days, h - header_h), color)
        elif ppd >= 2:
            for y in range(first.year, last.year + 1):
                for closed, color in ((swedish_holidays(y), paint.HOLIDAY), (days_off(y), paint.DAY_OFF)):
                    for d in closed:
                        if first <= d <= last:
                            x = scale.x_for_date(d)
                            p.fillRect(QRectF(x, header_h, max(1.0, ppd), h - header_h), color)
        _, lower = self.text.ticks(first, last, scale)
        x_for_date = scale.x_for_date
        for t in lower:
            # a 1 px line through pixel centres covers whole pixels: the same as filling that column
            p.fillRect(QRect(round(x_for_date(t.start)), header_h, 1, h - header_h), paint.GRID)

    # --- one row -------------------------------------------------------------------------

    def _paint_row(self, p: QPainter, r: int, w: int) -> Anchor | None:
        """Paint display row r; returns where dependency arrows meet it: (x in, x out, centre y)."""
        g = self.geometry
        y, row_h = g.row_y(r), g.row_h
        layout = g.layout
        e = layout.entries[r]
        selected = r == self.host.current
        if selected:
            p.fillRect(QRectF(0, y, w, row_h), paint.SELECTED_BG)
        if e < 0:
            self._paint_header_row(p, layout, r, y, w, selected)
            return None
        row = layout.data.rows[e]
        marker = g.marker_at(row, y)
        label_x: float | None = None
        anchor: Anchor | None = None
        if marker is not None:
            label_x, anchor = self._paint_marker(p, row, marker, y, selected)
        else:
            bar = g.bar_at(row, y)
            if bar is not None:
                label_x, anchor = self._paint_bar(p, row, bar, y, selected)
        baseline = layout.data.baseline
        if baseline is not None:
            self._paint_baseline(p, row.id, y, w, baseline)
        if label_x is not None and label_x < w:  # a label starting right of the chart is clipped away anyway
            self.text.labels.append((label_x, y + self.text.label_base, row.code, row.title))
        return anchor

    def _paint_header_row(self, p: QPainter, layout: TimelineLayout, r: int, y: int, w: int,
                          selected: bool) -> None:
        """A grouped portfolio's group header, or a plan's band header with a line over its days."""
        row_h = self.geometry.row_h
        group = layout.group_at(r) is not None
        if not selected:
            p.fillRect(QRectF(0, y, w, row_h), paint.GROUP_BG if group else paint.BAND_BG)
        band = None if group else self.geometry.band_bar(-1 - layout.entries[r])
        if band is not None:
            x0, x1 = band
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(paint.INK)
            p.drawRect(QRectF(x0, y + row_h / 2 - 2, x1 - x0, 4))
            p.drawPolygon(paint.diamond(QPointF(x0, y + row_h / 2), 5))
            p.drawPolygon(paint.diamond(QPointF(x1, y + row_h / 2), 5))
        p.setPen(paint.GRID_PEN)
        p.drawLine(QPointF(0, y + row_h - 0.5), QPointF(w, y + row_h - 0.5))

    def _paint_marker(self, p: QPainter, row: TimelineRow, marker: Marker, y: int,
                      selected: bool) -> tuple[float, Anchor]:
        """A milestone or decision point (with the period of a vague date) in the row whose top is y;
        its label's x and where arrows meet it."""
        g = self.geometry
        data = g.layout.data
        radius, inset = g.metrics.marker_r, g.metrics.period_inset
        c = QPointF(marker.x, marker.y)
        period = None
        if marker.period is not None:
            x0, x1 = marker.period
            period = QRectF(x0, y + inset, x1 - x0, g.row_h - 2 * inset)
        state = (decision_state(row, data.ready, date.today().toordinal())
                 if row.kind == "decision_point" else "")
        paint.draw_marker(p, c, radius, row.kind, period, selected, state)
        if row.id in data.critical:
            p.setPen(paint.CRITICAL_PEN)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(c, radius + 3, radius + 3)
        label_x = max(marker.x + radius + 4, period.right() + 4 if period is not None else 0)
        return label_x, (marker.x - radius, marker.x + radius, marker.y)

    def _paint_bar(self, p: QPainter, row: TimelineRow, bar: Bar, y: int, selected: bool) -> tuple[float, Anchor]:
        """A phase's or activity's bar in the row whose top is y, faded where its dates are vague;
        its label's x and where arrows meet it."""
        rect = QRectF(bar.x, bar.y, bar.w, bar.h)
        paint.draw_bar(p, rect, row.kind, row.progress, bar.solid_from, bar.solid_to, selected)
        if row.id in self.geometry.layout.data.critical:
            p.setPen(paint.CRITICAL_PEN)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5))
        right = rect.right()
        return right + 5, (bar.x, right, y + self.geometry.row_h / 2)

    def _paint_baseline(self, p: QPainter, item: int, y: float, w: int, baseline: Any) -> None:
        """The decided plan's span as a thin line at the foot of the row; an added item's row underlined
        with a dashed green line."""
        span = baseline.spans.get(item)
        x_of, row_h = self.geometry.scale.x_for_ordinal, self.geometry.row_h
        if span is not None:
            x0, x1 = x_of(span[0]), x_of(span[1] + 1)
            p.fillRect(QRectF(x0, y + row_h - 4, max(2.0, x1 - x0), 2), paint.BASELINE)
        elif item in baseline.added:
            p.setPen(paint.ADDED_PEN)
            p.drawLine(QPointF(0, y + row_h - 3), QPointF(w, y + row_h - 3))

    # --- dependencies ----------------------------------------------------------------------

    def _paint_dependencies(self, p: QPainter, rows: range, anchors: dict[int, Anchor | None],
                            shown: tuple[float, float]) -> None:
        """Arrows touching the visible rows (found through the per-row index), cut to the y band `shown`."""
        g = self.geometry
        deps_of = g.deps_of
        if not deps_of:
            return
        dependencies = g.layout.data.dependencies
        display_of = g.layout.display_of
        entries = g.layout.entries
        anchor_xy = g.anchor
        seen: set[int] = set()
        arrows: list[tuple[float, float, float, float]] = []
        for r in rows:
            e = entries[r]
            if e < 0:
                continue
            for i in deps_of.get(e, ()):
                if i in seen:
                    continue
                seen.add(i)
                a, b = dependencies[i]
                ra, rb = display_of.get(a), display_of.get(b)
                if ra is None or rb is None:
                    continue
                aa = anchors[ra] if ra in anchors else anchor_xy(ra)
                ab = anchors[rb] if rb in anchors else anchor_xy(rb)
                if aa is not None and ab is not None:
                    arrows.append((aa[1], aa[2], ab[0], ab[2]))
        if arrows:
            paint.draw_arrows(p, arrows, shown)
