"""Where things are in the Gantt chart: dates ↔ x, display rows ↔ y, the bars and markers of items,
and what lies under a point. Plain arithmetic on the `TimeScale`, the `TimelineLayout` and the row
heights: no widget and no painter, so the painter, the drag controller and the tests share one answer.

Coordinates are the chart viewport's: y = 0 is the top of the header, `top` is how far the rows are
scrolled down (the vertical scroll bar's value, which the view keeps here).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from app.timeline import MARKER_KINDS, TimelineRow, days_off, swedish_holidays
from ui.timeline.model import TimelineLayout
from ui.timeline.scale import TimeScale

# The chart's geometry at the usual 9 pt font, and its least: a larger system font makes rows and
# header taller (`chart.row_geometry`), the row table beside the chart takes the same heights.
HEADER_H = 44  # two header lines of 22 px; the row table's header has the same height
ROW_H = 24
MARKER_R = 7.0
EDGE_PX = 5  # how close to a bar's end counts as grabbing that end
LINK_PX = 10  # just past a bar's end (or a marker): the handle a dependency is dragged from
PAD_DAYS = 60  # room to scroll before the first and after the last item

Anchor = tuple[float, float, float]  # where dependency arrows meet a row: (x in, x out, centre y)


class Bar(NamedTuple):
    """An item's bar. A vague start fades in until `solid_from`, a vague end fades out from `solid_to`
    (None: that side is exact or open)."""

    x: float
    y: float
    w: float
    h: float
    solid_from: float | None
    solid_to: float | None

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


class Marker(NamedTuple):
    """A milestone's or decision point's centre, and the period (x0, x1) of a vague date (else None)."""

    x: float
    y: float
    period: tuple[float, float] | None


class RowMetrics:
    """Row and header height, and the sizes that grow with the row (markers, bar insets)."""

    __slots__ = ("bar_insets", "header_h", "marker_r", "period_inset", "row_h")

    def __init__(self, row_h: int = ROW_H, header_h: int = HEADER_H) -> None:
        self.row_h, self.header_h = row_h, header_h
        self.marker_r = MARKER_R * row_h / ROW_H  # markers, bars and the label grow with the row
        self.bar_insets = (row_h // 6, row_h // 4)  # phase, other bars: 4 and 6 px in a 24 px row
        self.period_inset = row_h * 5 // ROW_H

    def bar_inset(self, kind: str) -> int:
        """Space above and below a bar in its row: phases are drawn taller than activities."""
        return self.bar_insets[0 if kind == "phase" else 1]


class TimelineGeometry:
    """The chart's geometry for one scale, layout, row size and scroll position."""

    def __init__(self, scale: TimeScale | None = None, layout: TimelineLayout | None = None,
                 metrics: RowMetrics | None = None) -> None:
        self.scale = scale or TimeScale()
        self.layout = layout or TimelineLayout()
        self.metrics = metrics or RowMetrics()
        self.top = 0  # px the rows are scrolled down
        self.band_spans: list[tuple[int, int] | None] = []  # each band's first and last day (ordinals)
        self.deps_of: dict[int, list[int]] = {}  # data row index -> its dependencies (indexes)
        self.refresh()

    @property
    def row_h(self) -> int:
        return self.metrics.row_h

    @property
    def header_h(self) -> int:
        return self.metrics.header_h

    def refresh(self) -> None:
        """The layout's data or shape changed: the band spans and the dependency index again."""
        data = self.layout.data
        self.band_spans = data.band_spans()
        deps: dict[int, list[int]] = {}
        for i, (a, b) in enumerate(data.dependencies):
            deps.setdefault(a, []).append(i)
            deps.setdefault(b, []).append(i)
        self.deps_of = deps

    # --- rows ------------------------------------------------------------------------

    def row_y(self, display: int) -> int:
        """Top of a display row."""
        return self.metrics.header_h + display * self.metrics.row_h - self.top

    def row_at(self, y: float) -> int | None:
        m = self.metrics
        if y < m.header_h:
            return None
        r = int((y - m.header_h + self.top) // m.row_h)
        return r if 0 <= r < len(self.layout) else None

    def visible_rows(self, height: int) -> range:
        """The display rows a viewport `height` px tall shows (partly or whole)."""
        m = self.metrics
        first = max(0, self.top // m.row_h)
        last = min(len(self.layout), (self.top + max(0, height - m.header_h)) // m.row_h + 1)
        return range(first, max(first, last))

    def rows_between(self, y0: int, y1: int, height: int) -> range:
        """The visible display rows that cross the band y0..y1."""
        m, rows = self.metrics, self.visible_rows(height)
        first = max(rows.start, (y0 - m.header_h + self.top) // m.row_h)
        last = max(first, min(rows.stop, (y1 - m.header_h + self.top - 1) // m.row_h + 1))
        return range(first, last)

    # --- items -----------------------------------------------------------------------

    def bar_at(self, row: TimelineRow, y: float) -> Bar | None:
        """The bar of `row` drawn in the row whose top is y (None for markers and undated items)."""
        if row.kind in MARKER_KINDS:
            return None
        span = row.span()
        if span is None:
            return None
        x_of = self.scale.x_for_ordinal
        x0, x1 = x_of(span[0]), x_of(span[1] + 1)
        inset = self.metrics.bar_inset(row.kind)
        return Bar(x0, y + inset, max(2.0, x1 - x0), self.metrics.row_h - 2 * inset,
                   self.solid_from(row), self.solid_to(row))

    def marker_at(self, row: TimelineRow, y: float) -> Marker | None:
        """The marker of `row` in the row whose top is y (None for bars and undated markers)."""
        if row.kind not in MARKER_KINDS or row.start_first is None:
            return None
        x_of = self.scale.x_for_ordinal
        period = None
        if row.start_precision != "day" and row.start_last is not None:
            period = (x_of(row.start_first), x_of(row.start_last + 1))
        return Marker(x_of(row.start_first + 0.5), y + self.metrics.row_h / 2, period)

    def bar(self, display: int) -> Bar | None:
        row = self.layout.row(display)
        return None if row is None else self.bar_at(row, self.row_y(display))

    def marker(self, display: int) -> Marker | None:
        row = self.layout.row(display)
        return None if row is None else self.marker_at(row, self.row_y(display))

    def band_bar(self, band: int) -> tuple[float, float] | None:
        """x0, x1 of the line across a plan's band header: its first to its last day."""
        span = self.band_spans[band] if band < len(self.band_spans) else None
        if span is None:
            return None
        return self.scale.x_for_ordinal(span[0]), self.scale.x_for_ordinal(span[1] + 1)

    def solid_from(self, row: TimelineRow) -> float | None:
        """x where a vague start stops fading in; None for an exact or open start."""
        if row.start_first is None or row.start_precision == "day" or row.start_last is None:
            return None
        return self.scale.x_for_ordinal(row.start_last + 1)

    def solid_to(self, row: TimelineRow) -> float | None:
        """x where a vague end starts fading out; None for an exact or open end."""
        if row.end_first is None or row.end_precision == "day":
            return None
        return self.scale.x_for_ordinal(row.end_first)

    def anchor(self, display: int) -> Anchor | None:
        """(x in, x out, centre y) of a row's marker or bar, where dependency arrows meet it."""
        e = self.layout.entries[display]
        if e < 0:
            return None
        row = self.layout.data.rows[e]
        m = self.metrics
        y = m.header_h + display * m.row_h - self.top + m.row_h / 2
        x_of = self.scale.x_for_ordinal
        if row.kind in MARKER_KINDS:
            if row.start_first is None:
                return None
            cx = x_of(row.start_first + 0.5)
            return cx - m.marker_r, cx + m.marker_r, y
        span = row.span()
        if span is None:
            return None
        x0 = x_of(span[0])
        return x0, x0 + max(2.0, x_of(span[1] + 1) - x0), y

    # --- hit testing -------------------------------------------------------------------

    def hit_test(self, x: float, y: float) -> tuple[int, str] | None:
        """(display row, part) under a point; part is bar, start, end, marker, link, band or group."""
        r = self.row_at(y)
        if r is None:
            return None
        if self.layout.band_at(r) is not None:
            return r, "band"
        if self.layout.group_at(r) is not None:
            return r, "group"
        row = self.layout.row(r)
        assert row is not None
        top = self.row_y(r)
        marker = self.marker_at(row, top)
        if marker is not None:
            return self._marker_part(r, marker, x, y)
        bar = self.bar_at(row, top)
        if bar is None:
            return None
        part = self._bar_part(bar, x, y, row.start is not None, row.end is not None)
        return None if part is None else (r, part)

    def _marker_part(self, r: int, marker: Marker, x: float, y: float) -> tuple[int, str] | None:
        radius = self.metrics.marker_r
        if abs(x - marker.x) + abs(y - marker.y) <= radius + 3:
            return r, "marker"
        if 0 < x - (marker.x + radius + 3) <= LINK_PX and abs(y - marker.y) <= radius:
            return r, "link"
        return None

    @staticmethod
    def _bar_part(bar: Bar, x: float, y: float, has_start: bool, has_end: bool) -> str | None:
        """Which part of a bar a point is on: the link handle past its end, an end, the bar, or none."""
        right = bar.right
        if 0 < x - (right + EDGE_PX) <= LINK_PX and bar.y - 3 <= y <= bar.bottom + 3:
            return "link"
        # the bar grown by EDGE_PX on each side and 3 px above and below (QRectF.adjusted and contains)
        left_out, top_out = bar.x - EDGE_PX, bar.y - 3
        if not (left_out <= x <= left_out + (bar.w + 2 * EDGE_PX) and top_out <= y <= top_out + (bar.h + 6)):
            return None
        near_start = abs(x - bar.x) <= EDGE_PX and has_start
        near_end = abs(x - right) <= EDGE_PX and has_end
        if near_start and near_end:  # a tiny bar: the nearer end wins
            return "start" if abs(x - bar.x) < abs(x - right) else "end"
        if near_start:
            return "start"
        if near_end:
            return "end"
        return "bar" if bar.x <= x <= right else None

    # --- scrolling ---------------------------------------------------------------------

    def content_range(self, width: int) -> tuple[float, float]:
        """The days (ordinals) one can scroll across: the items with room either side, or half a
        year around today for an empty chart, and at least what a `width` px viewport shows now."""
        span = self.layout.data.span()
        today = date.today().toordinal()
        lo, hi = (today - 180, today + 180) if span is None else (span[0], span[1] + 1)
        lo, hi = lo - PAD_DAYS, hi + PAD_DAYS
        visible = width / self.scale.px_per_day
        return min(lo, self.scale.origin), max(hi, self.scale.origin + visible)


# --- the calendar's shading ------------------------------------------------------------

def shaded_days(first: date, last: date) -> list[tuple[date, str]]:
    """Days first..last shaded in the chart: ("weekend" | "holiday" | "day_off"), holidays winning,
    then the de facto days off (julafton) over weekends."""
    out = []
    d = first
    while d <= last:
        if d in swedish_holidays(d.year):
            out.append((d, "holiday"))
        elif d in days_off(d.year):
            out.append((d, "day_off"))
        elif d.weekday() >= 5:
            out.append((d, "weekend"))
        d += timedelta(days=1)
    return out


@lru_cache(maxsize=64)
def year_runs(year: int) -> tuple[tuple[int, int, str], ...]:
    """A year's shaded days as runs of consecutive days of one kind: (first ordinal, days, kind)."""
    runs: list[tuple[int, int, str]] = []
    for d, what in shaded_days(date(year, 1, 1), date(year, 12, 31)):
        o = d.toordinal()
        if runs and runs[-1][0] + runs[-1][1] == o and runs[-1][2] == what:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1, what)
        else:
            runs.append((o, 1, what))
    return tuple(runs)


def shade_runs(first: date, last: date) -> list[tuple[int, int, str]]:
    """Shaded days first..last as runs (first ordinal, days, kind), cut from whole years worked out
    once, since a zoom or sideways scroll asks for a new range."""
    lo, hi = first.toordinal(), last.toordinal()
    runs: list[tuple[int, int, str]] = []
    for year in range(first.year, last.year + 1):
        for o, days, what in year_runs(year):
            a, b = max(o, lo), min(o + days - 1, hi)
            if a > b:
                continue
            if runs and runs[-1][0] + runs[-1][1] == a and runs[-1][2] == what:
                runs[-1] = (runs[-1][0], runs[-1][1] + b - a + 1, what)
            else:
                runs.append((a, b - a + 1, what))
    return runs
