"""The timeline as a native Word Gantt table: crisp in print, editable, no picture.

One row per timeline item and one column per month (per ISO week for plans shorter
than three months; per quarter or year when months would be too many for the page).
Phases and activities fill their columns; a decision point or milestone is a marker
"◆ BP1" in its column, widened over the empty cells after it so the code fits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.dates import MONTHS_SHORT
from app.export.docx_context import CM, Context
from app.export.docx_styles import S
from app.export.docx_tables import Cell
from app.export.plan_data import as_text, vague

__all__ = ["CONTENT", "Axis", "axis_for", "item_span", "render_gantt"]

PHASE, ACTIVITY, HEAD, PERIOD = "1F4E79", "8EAADB", "DCE3EE", "FCE4A6"
MARKER = "◆"
LABEL_WIDTH = 4.6 * CM
MAX_COLUMNS = 40  # Word allows 63; beyond ~40 the columns are too thin to read
_LINE = '<w:{side} w:val="single" w:sz="2" w:space="0" w:color="BFBFBF"/>'


@dataclass(frozen=True)
class Column:
    first: dt.date
    last: dt.date
    label: str
    group: str


@dataclass(frozen=True)
class Axis:
    unit: str  # "week", "month", "quarter" or "year"
    columns: list[Column]

    def index(self, day: dt.date) -> int:
        """The column holding ``day`` (clamped to the axis)."""
        for k, col in enumerate(self.columns):
            if day <= col.last:
                return k
        return len(self.columns) - 1


def item_span(item: dict) -> tuple[dt.date, dt.date] | None:
    """First and last day an item covers; a decision point or milestone is its date, the
    whole of it when the date is vague ("Q3 2025" covers July to September)."""
    start, end = vague(item.get("start")), vague(item.get("end"))
    if item.get("kind") in ("decision_point", "milestone"):
        point = start or end
        return (point.first_day, point.last_day) if point else None
    if start and end:
        return min(start.first_day, end.first_day), max(start.last_day, end.last_day)
    only = start or end
    return (only.first_day, only.last_day) if only else None


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _month_end(year: int, month: int) -> dt.date:
    y, m = _add_months(year, month, 1)
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def axis_for(first: dt.date, last: dt.date) -> Axis:
    if (last - first).days < 92:
        monday = first - dt.timedelta(days=first.weekday())
        cols = []
        while monday <= last and len(cols) < MAX_COLUMNS:
            thursday = monday + dt.timedelta(days=3)
            cols.append(Column(monday, monday + dt.timedelta(days=6), str(monday.isocalendar().week),
                               f"{MONTHS_SHORT[thursday.month - 1]} {thursday.year}"))
            monday += dt.timedelta(days=7)
        return Axis("week", cols)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= 36:
        cols = []
        for n in range(months):
            y, m = _add_months(first.year, first.month, n)
            cols.append(Column(dt.date(y, m, 1), _month_end(y, m), MONTHS_SHORT[m - 1], str(y)))
        return Axis("month", cols)
    if months <= 3 * MAX_COLUMNS:
        cols = []
        y, q = first.year, (first.month - 1) // 3
        while dt.date(y, 3 * q + 1, 1) <= last:
            cols.append(Column(dt.date(y, 3 * q + 1, 1), _month_end(y, 3 * q + 3), f"Q{q + 1}", str(y)))
            y, q = (y + 1, 0) if q == 3 else (y, q + 1)
        return Axis("quarter", cols)
    years = range(first.year, min(last.year, first.year + MAX_COLUMNS - 1) + 1)
    return Axis("year", [Column(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y)[2:], str(y)) for y in years])


def _spans(ctx: Context) -> list[tuple[dict, tuple[dt.date, dt.date] | None]]:
    return [(item, item_span(item)) for item in ctx.plan.timeline]


def _has_gantt(ctx: Context) -> bool:
    return any(item_span(item) for item in ctx.plan.timeline)


def _label(item: dict) -> str:
    code, title = as_text(item.get("code")).strip(), as_text(item.get("title"))
    return f"{code} {title}" if code and title.strip() else code or title


def render_gantt(ctx: Context, head: str = "Fas/aktivitet", legend: bool = True,
                 window: tuple[dt.date, dt.date] | None = None) -> None:
    """The timeline of `ctx.plan` as a Gantt table; `head` names the items' column. With `window` (first
    and last day) the axis is that period's, and a bar is drawn only for the part inside it."""
    rows = _spans(ctx)
    if window is not None:
        rows = [(item, _clipped(span, window)) for item, span in rows]
    dated = [span for _, span in rows if span]
    axis = axis_for(*window) if window is not None else axis_for(min(s[0] for s in dated), max(s[1] for s in dated))
    n = len(axis.columns)
    col_width = (ctx.text_width - LABEL_WIDTH) / n
    table = ctx.table([LABEL_WIDTH] + [col_width] * n, text_style=S.GANTT, head_style=S.GANTT, cell_margin=28)
    line = "".join(_LINE.format(side=s) for s in ("left", "right"))

    groups: list[tuple[str, int]] = []
    for col in axis.columns:
        if groups and groups[-1][0] == col.group:
            groups[-1] = (col.group, groups[-1][1] + 1)
        else:
            groups.append((col.group, 1))
    table.header([Cell("", shade=HEAD)] + [Cell(g, span=k, shade=HEAD, style=S.GANTT, align="center", bold=True)
                                          for g, k in groups])
    narrow = col_width < 0.75 * CM and axis.unit == "month"
    table.header([Cell(head, shade=HEAD, bold=True)]
                 + [Cell(c.label[0] if narrow else c.label, shade=HEAD, align="center") for c in axis.columns])

    blank = Cell("", borders=line)  # cells are immutable: one instance per kind serves every row
    phase_bar, activity_bar = (Cell("", shade=colour, borders=line) for colour in (PHASE, ACTIVITY))
    for item, span in rows:
        cells: list[Cell] = [Cell(_label(item), shade=item.get("shade"))]
        if span is None:
            cells += [blank] * n
        elif item.get("kind") in ("decision_point", "milestone"):
            cells += _marker_cells(item, axis.index(span[0]), axis.index(span[1]), n, col_width, line)
        else:
            a, b = axis.index(span[0]), axis.index(span[1])
            bar = phase_bar if item.get("kind") == "phase" else activity_bar
            bars = [bar if a <= k <= b else blank for k in range(n)]
            cells += _with_points(bars, item, axis, window, col_width, line)
        table.row(cells, keep_together=True)
    if legend:
        _legend(ctx)


def _clipped(span: tuple[dt.date, dt.date] | None, window: tuple[dt.date, dt.date]
             ) -> tuple[dt.date, dt.date] | None:
    """The part of `span` inside `window`; None when none is."""
    if span is None or span[1] < window[0] or span[0] > window[1]:
        return None
    return max(span[0], window[0]), min(span[1], window[1])


def _marker_place(item: dict, col: int, last: int, n: int, col_width: float, line: str) -> tuple[int, Cell]:
    """The marker's first column and its cell, widened over the columns after it so the code fits; a
    vague date over several columns (a quarter on a month axis) is shaded over its whole period."""
    code = as_text(item.get("code")).strip() or as_text(item.get("title")).strip()[:12]
    text = f"{MARKER} {code}".strip()
    needed = max(1, min(n, int((len(text) * 90 + 80) // col_width) + 1), last - col + 1)
    start = col if col + needed <= n else max(0, n - needed)
    span = min(n - start, max(needed, col - start + 1))
    align = "right" if start < col else "center" if last > col else None
    shade = PERIOD if last > col else None
    return start, Cell(text, span=span, bold=True, align=align, borders=line, shade=shade)


def _marker_cells(item: dict, col: int, last: int, n: int, col_width: float, line: str) -> list[Cell]:
    """A marker's row: the marker (_marker_place) among empty cells."""
    start, cell = _marker_place(item, col, last, n, col_width, line)
    blank = Cell("", borders=line)
    return [blank] * start + [cell] + [blank] * (n - start - cell.span)


def _with_points(bars: list[Cell], item: dict, axis: Axis, window: tuple[dt.date, dt.date] | None,
                 col_width: float, line: str) -> list[Cell]:
    """A bar's cells with the markers of its "points" (items of their own: a plan's next decision point
    on the portfolio's bar) drawn over it; a point outside `window` is left out."""
    cells = list(bars)
    for point in item.get("points", ()):
        span = item_span({**point, "kind": "decision_point"})
        span = span if window is None or span is None else _clipped(span, window)
        if span is None or len(cells) != len(bars):
            continue  # one marker per bar: the columns shift once a marker spans several
        start, cell = _marker_place(point, axis.index(span[0]), axis.index(span[1]), len(bars), col_width, line)
        cells[start:start + cell.span] = [cell]
    return cells


def _legend(ctx: Context) -> None:
    from docx.shared import RGBColor

    p = ctx.paragraph(style=S.NOTE)
    for mark, colour, label in (("■", PHASE, " Fas   "), ("■", ACTIVITY, " Delaktivitet   "),
                                (MARKER, "000000", " Beslutspunkt/milstolpe")):
        run = p.add_run(mark)
        run.font.color.rgb = RGBColor.from_string(colour)
        p.add_run(label)


CONTENT = {"gantt": (_has_gantt, render_gantt)}
