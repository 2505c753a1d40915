"""Painting the Gantt chart: the painting half of `TimelineView`, as a mixin.

A frame is three layers. The rows (calendar shading and grid, bars, markers,
band headers, labels) are kept as a picture between frames (`ScrollCache`), so a
vertical scroll paints only the rows it uncovers. Dependency arrows and today's
line go over them every frame. The header with week numbers and Swedish month
names goes on top.

The host class is the view: it provides `scale`, `layout_rows`, `band_spans`,
`deps_of`, `current`, `visible_rows()`, `marker_center()`, `bar_rect()`,
`shaded_days()`, `verticalScrollBar()` and `viewport()`, calls `_init_painting()`
once and bumps `_generation` whenever its rows change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor, QFont, QFontMetrics, QPaintEngine, QPainter, QPaintEvent, QPen, QPixmap, QStaticText, QTransform,
)

from app.timeline import MARKER_KINDS, TimelineRow, days_off, decision_state, swedish_holidays
from ui.timeline import paint
from ui.timeline.scrollcache import ScrollCache

# The chart's geometry at the usual 9 pt font, and its least: a larger system font makes rows and
# header taller (`row_geometry`), the row table beside the chart takes the same heights.
HEADER_H = 44  # two header lines of 22 px; the row table's header has the same height
ROW_H = 24
MARKER_R = 7.0


def row_geometry(font: QFont) -> tuple[int, int]:
    """(row height, header height) for the chart drawn in `font`: a line of text with 5 px above and
    below in a row, a bold line with 4 px above and below in each of the header's two lines."""
    bold = QFont(font)
    bold.setBold(True)
    row = max(ROW_H, QFontMetrics(font).height() + 10)
    line = max(HEADER_H // 2, QFontMetrics(bold).height() + 8)
    return row, 2 * line


class ChartPainting:
    # set by the host view
    scale: Any
    layout_rows: Any
    band_spans: list[tuple[int, int] | None]
    deps_of: dict[int, list[int]]
    current: int | None
    rows_painted: int

    def _init_painting(self) -> None:
        self._labels: list[tuple[float, float, str, str]] = []
        self._anchors: dict[int, tuple[float, float, float] | None] = {}  # display -> (x in, x out, y), this frame
        self._shade_cache: tuple[tuple[date, date], list[tuple[int, int, QColor]]] | None = None
        self._shade_years: dict[int, list[tuple[int, int, QColor]]] = {}
        self._ticks_cache: tuple[Any, Any] = (None, None)
        self.rows_cache = ScrollCache()  # the rows area between frames (public for tests)
        self._generation = 0  # bumped whenever the rows' data, shape or font changes (part of the cache key)
        self._header_pixmap: QPixmap | None = None
        self._header_key: tuple[Any, ...] | None = None
        self._measure_font()

    def _measure_font(self) -> None:
        """Fonts, metrics and the geometry that follows from the widget's font (again when it changes)."""
        self._font = QFont(self.font())  # type: ignore[attr-defined]
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._small = QFont(self._font)
        if self._font.pointSizeF() > 0:
            self._small.setPointSizeF(max(6.0, self._font.pointSizeF() * 0.85))
        else:  # a font given in pixels
            self._small.setPixelSize(max(8, round(self._font.pixelSize() * 0.85)))
        self._metrics = QFontMetrics(self._font)
        self._bold_metrics = QFontMetrics(self._bold)
        self._small_metrics = QFontMetrics(self._small)
        self._static_text: dict[tuple[str, int], QStaticText] = {}  # (text, id of the font) -> laid out
        self._header_widths: dict[str, int] = {}
        self._code_widths: dict[str, int] = {}
        self.row_h, self.header_h = row_geometry(self._font)
        h = self.row_h
        self.marker_r = MARKER_R * h / ROW_H  # markers, bars and the label grow with the row
        self._bar_insets = (h // 6, h // 4)  # phase, other bars: 4 and 6 px in a 24 px row
        self._period_inset = h * 5 // ROW_H
        self._label_base = (h + self._metrics.ascent() - self._metrics.descent()) // 2 + 1
        self._header_pixmap = None
        self._header_key = None
        self._generation += 1

    def bar_inset(self, kind: str) -> int:
        """Space above and below a bar in its row: phases are drawn taller than activities."""
        return self._bar_insets[0 if kind == "phase" else 1]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        vp = self.viewport()
        w, h = vp.width(), vp.height()
        p = QPainter(vp)
        try:
            # Exports and prints render through here too: they get every row drawn, not a picture.
            if p.paintEngine().type() != QPaintEngine.Type.Raster or h <= self.header_h or vp.devicePixelRatioF() != 1:
                self.paint_chart(p, w, h)
                return
            margin = max(0, vp.mapTo(vp.window(), QPoint(0, 0)).x())  # see ScrollCache
            self._paint_kept_rows(p, w, h, margin)
            self._paint_over_rows(p, w, h)
            self._paint_kept_header(p, w, margin)
        finally:
            p.end()

    def paint_chart(self, p: QPainter, w: int, h: int) -> None:
        """The whole chart: rows, arrows and today's line over them, the header on top."""
        self._anchors = {}
        self._paint_rows(p, w, h, self.header_h, h)
        self._paint_over_rows(p, w, h)
        self._paint_header(p, w, self.scale.date_for_x(0), self.scale.date_for_x(w))

    def _paint_kept_rows(self, p: QPainter, w: int, h: int, margin: int) -> None:
        """The rows from the kept picture, painting into it only what changed (see scrollcache)."""
        key = (w, h, self.scale.origin, self.scale.px_per_day, self.current, date.today(), self._generation)
        band = self.rows_cache.prepare(key, self.verticalScrollBar().value(), margin, w, h - self.header_h)
        pm = self.rows_cache.pixmap
        assert pm is not None
        self._anchors = {}
        if band is not None:
            cp = QPainter(pm)
            try:
                cp.translate(margin, -self.header_h)  # viewport coordinates on the pixmap
                self._paint_rows(cp, w, h, self.header_h + band[0], self.header_h + band[1])
            finally:
                cp.end()
        p.drawPixmap(0, self.header_h, pm, margin, 0, w, h - self.header_h)

    def _paint_rows(self, p: QPainter, w: int, h: int, y0: int, y1: int) -> None:
        """Calendar, rows and labels in the band y0..y1 of the viewport, exactly as a whole repaint
        draws them there: every row draws only inside its own row height, so the rows crossing the band do."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        top = self.verticalScrollBar().value()
        p.save()
        p.setClipRect(QRectF(0, y0, w, y1 - y0))
        p.setBrushOrigin(0, -top)  # patterns (the progress hatch) move with the rows they fill
        p.fillRect(QRectF(0, y0, w, y1 - y0), paint.WHITE)
        self._paint_calendar(p, w, h, self.scale.date_for_x(0), self.scale.date_for_x(w))
        rows = self.visible_rows()
        first = max(rows.start, (y0 - self.header_h + top) // self.row_h)
        last = max(first, min(rows.stop, (y1 - self.header_h + top - 1) // self.row_h + 1))
        self._labels = []
        for r in range(first, last):
            self._anchors[r] = self._paint_row(p, r, w)
        self.rows_painted = last - first
        self._paint_labels(p)
        p.restore()

    def _paint_over_rows(self, p: QPainter, w: int, h: int) -> None:
        """Dependency arrows and today's line: on top of the rows and never kept, since an arrow
        shows while one of its ends is in view and the dashes of today's line stay put."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.save()
        p.setClipRect(QRectF(0, self.header_h, w, h - self.header_h))
        self._paint_dependencies(p, self.visible_rows(), self._anchors)
        self._paint_today(p, h)
        p.restore()

    def _paint_kept_header(self, p: QPainter, w: int, margin: int) -> None:
        """The header from a picture kept until the zoom, the horizontal position, the width or the
        day changes: a vertical scroll leaves it as it was."""
        key = (margin, w, self.scale.origin, self.scale.px_per_day, date.today())
        pm = self._header_pixmap
        if key != self._header_key or pm is None:
            if pm is None or pm.width() != margin + w:
                pm = self._header_pixmap = QPixmap(margin + w, self.header_h)
            hp = QPainter(pm)
            try:
                hp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                hp.translate(margin, 0)
                self._paint_header(hp, w, self.scale.date_for_x(0), self.scale.date_for_x(w))
            finally:
                hp.end()
            self._header_key = key
        p.drawPixmap(0, 0, pm, margin, 0, w, self.header_h)

    def _shade_runs(self, first: date, last: date) -> list[tuple[int, int, QColor]]:
        """Shaded days first..last as runs of consecutive days of one colour: (first ordinal, days, colour);
        cut from whole years worked out once, since a zoom or sideways scroll asks for a new range."""
        lo, hi = first.toordinal(), last.toordinal()
        runs: list[tuple[int, int, QColor]] = []
        for year in range(first.year, last.year + 1):
            for o, days, color in self._year_runs(year):
                a, b = max(o, lo), min(o + days - 1, hi)
                if a > b:
                    continue
                if runs and runs[-1][0] + runs[-1][1] == a and runs[-1][2] is color:
                    runs[-1] = (runs[-1][0], runs[-1][1] + b - a + 1, color)
                else:
                    runs.append((a, b - a + 1, color))
        return runs

    def _year_runs(self, year: int) -> list[tuple[int, int, QColor]]:
        runs = self._shade_years.get(year)
        if runs is None:
            runs = self._shade_years[year] = []
            for d, what in self.shaded_days(date(year, 1, 1), date(year, 12, 31)):  # type: ignore[attr-defined]
                color = {"holiday": paint.HOLIDAY, "day_off": paint.DAY_OFF}.get(what, paint.WEEKEND)
                o = d.toordinal()
                if runs and runs[-1][0] + runs[-1][1] == o and runs[-1][2] is color:
                    runs[-1] = (runs[-1][0], runs[-1][1] + 1, color)
                else:
                    runs.append((o, 1, color))
        return runs

    def _ticks(self, first: date, last: date) -> tuple[list[Any], list[Any]]:
        """The header's ticks for first..last at this zoom: the calendar's grid and the header share them."""
        key = (first, last, self.scale.px_per_day)
        if self._ticks_cache[0] != key:
            self._ticks_cache = (key, self.scale.header_ticks(first, last))
        return self._ticks_cache[1]

    def _paint_calendar(self, p: QPainter, w: int, h: int, first: date, last: date) -> None:
        ppd = self.scale.px_per_day
        if ppd >= 4:
            key = (first, last)
            if self._shade_cache is None or self._shade_cache[0] != key:
                self._shade_cache = (key, self._shade_runs(first, last))
            x_of = self.scale.x_for_ordinal
            for o, days, color in self._shade_cache[1]:
                p.fillRect(QRectF(x_of(o), self.header_h, ppd * days, h - self.header_h), color)
        elif ppd >= 2:
            for y in range(first.year, last.year + 1):
                for days, color in ((swedish_holidays(y), paint.HOLIDAY), (days_off(y), paint.DAY_OFF)):
                    for d in days:
                        if first <= d <= last:
                            x = self.scale.x_for_date(d)
                            p.fillRect(QRectF(x, self.header_h, max(1.0, ppd), h - self.header_h), color)
        _, lower = self._ticks(first, last)
        x_for_date = self.scale.x_for_date
        for t in lower:
            # a 1 px line through pixel centres covers whole pixels: the same as filling that column
            p.fillRect(QRect(round(x_for_date(t.start)), self.header_h, 1, h - self.header_h), paint.GRID)

    def _paint_row(self, p: QPainter, r: int, w: int) -> tuple[float, float, float] | None:
        """Paint display row r; returns where dependency arrows meet it: (x in, x out, centre y)."""
        y = self.header_h + r * self.row_h - self.verticalScrollBar().value()
        layout = self.layout_rows
        e = layout.entries[r]
        selected = r == self.current
        if selected:
            p.fillRect(QRectF(0, y, w, self.row_h), paint.SELECTED_BG)
        if e < 0 and layout.group_at(r) is not None:  # a grouped portfolio's group header
            if not selected:
                p.fillRect(QRectF(0, y, w, self.row_h), paint.GROUP_BG)
            p.setPen(paint.GRID_PEN)
            p.drawLine(QPointF(0, y + self.row_h - 0.5), QPointF(w, y + self.row_h - 0.5))
            return None
        if e < 0:
            band = -1 - e
            if not selected:
                p.fillRect(QRectF(0, y, w, self.row_h), paint.BAND_BG)
            span = self.band_spans[band] if band < len(self.band_spans) else None
            if span is not None:
                x0, x1 = self.scale.x_for_ordinal(span[0]), self.scale.x_for_ordinal(span[1] + 1)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(paint.INK)
                p.drawRect(QRectF(x0, y + self.row_h / 2 - 2, x1 - x0, 4))
                p.drawPolygon(paint.diamond(QPointF(x0, y + self.row_h / 2), 5))
                p.drawPolygon(paint.diamond(QPointF(x1, y + self.row_h / 2), 5))
            p.setPen(paint.GRID_PEN)
            p.drawLine(QPointF(0, y + self.row_h - 0.5), QPointF(w, y + self.row_h - 0.5))
            return None
        row = layout.data.rows[e]
        x_of = self.scale.x_for_ordinal
        label_x: float | None = None
        anchor: tuple[float, float, float] | None = None
        if row.kind in MARKER_KINDS:
            if row.start_first is not None:
                c = QPointF(x_of(row.start_first + 0.5), y + self.row_h / 2)
                period = None
                if row.start_precision != "day" and row.start_last is not None:
                    x0 = x_of(row.start_first)
                    x1 = x_of(row.start_last + 1)
                    period = QRectF(x0, y + self._period_inset, x1 - x0, self.row_h - 2 * self._period_inset)
                state = (decision_state(row, layout.data.ready, date.today().toordinal())
                         if row.kind == "decision_point" else "")
                paint.draw_marker(p, c, self.marker_r, row.kind, period, selected, state)
                if row.id in layout.data.critical:
                    p.setPen(paint.CRITICAL_PEN)
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawEllipse(c, self.marker_r + 3, self.marker_r + 3)
                cx = c.x()
                label_x = max(cx + self.marker_r + 4, period.right() + 4 if period is not None else 0)
                anchor = (cx - self.marker_r, cx + self.marker_r, y + self.row_h / 2)
        else:
            span = row.span()
            if span is not None:
                x0 = x_of(span[0])
                x1 = x_of(span[1] + 1)
                inset = self.bar_inset(row.kind)
                rect = QRectF(x0, y + inset, max(2.0, x1 - x0), self.row_h - 2 * inset)
                sx = self._solid_from(row)
                ex = self._solid_to(row)
                paint.draw_bar(p, rect, row.kind, row.progress, sx, ex, selected)
                if row.id in layout.data.critical:
                    p.setPen(paint.CRITICAL_PEN)
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5))
                right = rect.right()
                label_x = right + 5
                anchor = (x0, right, y + self.row_h / 2)
        baseline = layout.data.baseline
        if baseline is not None:
            self._paint_baseline(p, row.id, y, baseline)
        if label_x is not None and label_x < w:  # a label starting right of the chart is clipped away anyway
            self._labels.append((label_x, y + self._label_base, row.code, row.title))
        return anchor

    def _paint_baseline(self, p: QPainter, item: int, y: float, baseline: Any) -> None:
        """The decided plan's span as a thin line at the foot of the row; an added item's row underlined
        with a dashed green line."""
        span = baseline.spans.get(item)
        x_of = self.scale.x_for_ordinal
        if span is not None:
            x0, x1 = x_of(span[0]), x_of(span[1] + 1)
            p.fillRect(QRectF(x0, y + self.row_h - 4, max(2.0, x1 - x0), 2), paint.BASELINE)
        elif item in baseline.added:
            p.setPen(paint.ADDED_PEN)
            p.drawLine(QPointF(0, y + self.row_h - 3), QPointF(self.viewport().width(), y + self.row_h - 3))

    def _static(self, text: str, font: QFont) -> QStaticText:
        """A laid-out text, kept between frames (drawStaticText skips the per-frame text layout)."""
        cache = self._static_text
        key = (text, id(font))  # one of this view's own fonts
        st = cache.get(key)
        if st is None:
            if len(cache) > 20000:
                cache.clear()
            st = cache[key] = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(QTransform(), font)
        return st

    def _header_advance(self, text: str) -> int:
        """Width of a header label: a few hundred distinct texts (months, weeks, days, years)."""
        width = self._header_widths.get(text)
        if width is None:
            width = self._header_widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def _paint_labels(self, p: QPainter) -> None:
        """Codes (bold) then titles of the rows painted this frame: one font and pen switch each."""
        labels = self._labels
        if not labels:
            return
        static = self._static
        bold_ascent = self._bold_metrics.ascent()
        bold, small = self._bold, self._small
        widths = self._code_widths  # codes repeat across frames; measuring one lays it out
        if len(widths) > 20000:
            widths.clear()
        titles = []
        p.setFont(self._bold)
        p.setPen(paint.INK)
        for x, base, code, title in labels:
            if code:
                p.drawStaticText(QPointF(x, base - bold_ascent), static(code, bold))
                width = widths.get(code)
                if width is None:
                    width = widths[code] = self._bold_metrics.horizontalAdvance(code)
                x += width + 5
            titles.append((x, base, title))
        p.setFont(self._small)
        p.setPen(paint.LABEL)
        ascent = self._small_metrics.ascent()
        for x, base, title in titles:
            p.drawStaticText(QPointF(x, base - ascent), static(title, small))

    def _solid_from(self, row: TimelineRow) -> float | None:
        """x where a vague start stops fading in; None for an exact or open start."""
        if row.start_first is None or row.start_precision == "day":
            return None
        return self.scale.x_for_ordinal(row.start_last + 1)  # type: ignore[operator]

    def _solid_to(self, row: TimelineRow) -> float | None:
        """x where a vague end starts fading out; None for an exact or open end."""
        if row.end_first is None or row.end_precision == "day":
            return None
        return self.scale.x_for_ordinal(row.end_first)

    def _paint_dependencies(self, p: QPainter, rows: range,
                            anchors: dict[int, tuple[float, float, float] | None] | None = None) -> None:
        """Arrows touching the visible rows (found through the per-row index), drawn as two paths."""
        if not self.deps_of:
            return
        anchors = {} if anchors is None else anchors
        dependencies = self.layout_rows.data.dependencies
        display_of = self.layout_rows.display_of
        entries = self.layout_rows.entries
        deps_of = self.deps_of
        anchor_xy = self._anchor_xy
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
            paint.draw_arrows(p, arrows)

    def _anchor_xy(self, display: int) -> tuple[float, float, float] | None:
        """(x in, x out, centre y) of a row's marker or bar, for rows not painted this frame: the
        arithmetic of `marker_center` and `bar_rect` without making Qt objects (arrows need many)."""
        e = self.layout_rows.entries[display]
        if e < 0:
            return None
        row = self.layout_rows.data.rows[e]
        y = self.header_h + display * self.row_h - self.verticalScrollBar().value() + self.row_h / 2
        x_of = self.scale.x_for_ordinal
        if row.kind in MARKER_KINDS:
            if row.start_first is None:
                return None
            cx = x_of(row.start_first + 0.5)
            return cx - self.marker_r, cx + self.marker_r, y
        span = row.span()
        if span is None:
            return None
        x0 = x_of(span[0])
        return x0, x0 + max(2.0, x_of(span[1] + 1) - x0), y

    def _paint_today(self, p: QPainter, h: int) -> None:
        x = self.scale.x_for_ordinal(date.today().toordinal() + 0.5)
        p.setPen(QPen(paint.TODAY, 1.5, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, self.header_h), QPointF(x, h))

    def _paint_header(self, p: QPainter, w: int, first: date, last: date) -> None:
        half = self.header_h // 2
        p.save()
        p.setClipRect(QRectF(0, 0, w, self.header_h))  # the ends of its tick lines stay out of the first row
        p.fillRect(QRectF(0, 0, w, self.header_h), QColor("#FAFAFA"))
        upper, lower = self._ticks(first, last)
        advance = self._header_advance
        tick_pen = QPen(QColor("#BBBBBB"), 1)
        for ticks, top, font, bold in ((upper, 0, self._bold, True), (lower, half if upper else 0, self._font, False)):
            height = half if upper else self.header_h
            ascent = (self._bold_metrics if bold else self._metrics).ascent()
            p.setFont(font)
            for t in ticks:
                x0 = self.scale.x_for_date(t.start)
                x1 = self.scale.x_for_date(t.end)
                p.setPen(tick_pen)
                p.drawLine(QPointF(round(x0) + 0.5, top), QPointF(round(x0) + 0.5, top + height))
                text = t.label
                text_w = advance(text) + 6
                if x1 - x0 < text_w and text.isalpha():  # "Mars", "Juni": try "Mar", "Jun"
                    text = text[:3]
                    text_w = advance(text) + 6
                if x1 - x0 < text_w:
                    continue
                # keep the label of a long unit in view while its start is scrolled off
                tx = min(max(x0 + 3, 3.0), x1 - text_w + 3)
                p.setPen(paint.INK)
                p.drawStaticText(QPointF(tx, top + height - 7 - ascent), self._static(text, font))
        today_x = self.scale.x_for_ordinal(date.today().toordinal() + 0.5)
        if 0 <= today_x <= w:
            p.setPen(QPen(paint.TODAY, 2))
            p.drawLine(QPointF(today_x, self.header_h - 6), QPointF(today_x, self.header_h))
        p.setPen(QPen(QColor("#999999"), 1))
        p.drawLine(QPointF(0, self.header_h - 0.5), QPointF(w, self.header_h - 0.5))
        if upper:
            p.setPen(QPen(QColor("#DDDDDD"), 1))
            p.drawLine(QPointF(0, half - 0.5), QPointF(w, half - 0.5))
        p.restore()
