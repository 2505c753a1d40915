"""What the timeline shows: the rows of one plan or of all plans, read in one query.

The timeline view paints tens of thousands of rows, so this read stays lean:
one raw SELECT of plain tuples in display order (plan, then position), vague
start and end resolved to day ordinals (first day of the start period, last day
of the end period, plus the inner edges that the view fades over), and the
dependencies as pairs of row indexes. No Qt here.

Also here, because the timeline is where they show: Swedish public holidays
per year (cached) and the rules for moving a vague date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from app.dates import Precision, VagueDate
from db import models

MARKER_KINDS = frozenset({"decision_point", "milestone"})

_COLUMNS = (
    't.id, t.plan_id, t.kind, t.code, t.title, t.responsible, '
    't.start, t.start_precision, t."end", t.end_precision, t.progress, t.status'
)


class TimelineRow(NamedTuple):
    """One timeline item as plain values. Dates are stored text; *_first/*_last are day ordinals."""

    id: int
    plan_id: int
    kind: str
    code: str
    title: str
    responsible: str
    start: str | None  # first day of the start period, ISO text
    start_precision: str | None
    end: str | None  # first day of the end period, ISO text
    end_precision: str | None
    progress: int
    status: str
    start_first: int | None  # ordinal of the first day of the start period
    start_last: int | None  # ordinal of the last day of the start period
    end_first: int | None
    end_last: int | None  # ordinal of the last day of the end period

    @property
    def is_marker(self) -> bool:
        return self.kind in MARKER_KINDS

    def start_date(self) -> VagueDate | None:
        return _vague(self.start, self.start_precision)

    def end_date(self) -> VagueDate | None:
        return _vague(self.end, self.end_precision)

    def span(self) -> tuple[int, int] | None:
        """Ordinals of the first and last day the item covers (an open side borrows the other's period)."""
        first = self.start_first if self.start_first is not None else self.end_first
        last = self.end_last if self.end_last is not None else self.start_last
        if first is None or last is None:
            return None
        if self.is_marker and self.start_first is not None:
            return self.start_first, self.start_last  # type: ignore[return-value]
        return first, max(first, last)


@dataclass(frozen=True)
class PlanBand:
    plan_id: int
    title: str
    doc_type: str
    first_row: int  # index into TimelineData.rows
    count: int


@dataclass
class TimelineData:
    plan_id: int | None  # None: all plans (the portfolio)
    rows: list[TimelineRow] = field(default_factory=list)
    bands: list[PlanBand] = field(default_factory=list)
    dependencies: list[tuple[int, int]] = field(default_factory=list)  # (from row, to row) indexes
    index: dict[int, int] = field(default_factory=dict)  # item id -> row index

    def span(self) -> tuple[int, int] | None:
        """Ordinals of the earliest and latest day any row covers."""
        lo = hi = None
        for r in self.rows:
            s = r.span()
            if s is None:
                continue
            lo = s[0] if lo is None or s[0] < lo else lo
            hi = s[1] if hi is None or s[1] > hi else hi
        return None if lo is None else (lo, hi)  # type: ignore[return-value]


def _vague(text: str | None, precision: str | None) -> VagueDate | None:
    if text is None or precision is None:
        return None
    return VagueDate(date.fromisoformat(text), Precision(precision))


@lru_cache(maxsize=8192)
def _resolve(text: str, precision: str) -> tuple[int, int]:
    """(first, last) day ordinals of a stored vague date; many rows share dates, so cached."""
    d = date.fromisoformat(text)
    y, m = d.year, d.month
    if precision == "day":
        last = d
    elif precision == "month":
        last = date(y, m, calendar.monthrange(y, m)[1])
    elif precision == "quarter":
        e = m + 2
        last = date(y, e, calendar.monthrange(y, e)[1])
    else:
        last = date(y, 12, 31)
    return d.toordinal(), last.toordinal()


def _row(t: tuple) -> TimelineRow:
    s, sp, e, ep = t[6], t[7], t[8], t[9]
    sf, sl = _resolve(s, sp) if s is not None and sp is not None else (None, None)
    ef, el = _resolve(e, ep) if e is not None and ep is not None else (None, None)
    return TimelineRow(*t, sf, sl, ef, el)


def timeline_rows(plan_id: int | None = None) -> TimelineData:
    """The timeline of one plan, or of every plan (plan_id None), in display order."""
    db = models.database
    where = "t.deleted_at IS NULL AND p.deleted_at IS NULL"
    params: tuple = ()
    plan_where = "deleted_at IS NULL"
    if plan_id is not None:
        where += " AND t.plan_id = ?"
        plan_where += " AND id = ?"
        params = (plan_id,)
    raw = db.execute_sql(
        f"SELECT {_COLUMNS} FROM timeline_item t JOIN plan p ON p.id = t.plan_id "
        f"WHERE {where} ORDER BY t.plan_id, t.position, t.id",
        params,
    ).fetchall()
    rows = [_row(t) for t in raw]
    index = {r.id: i for i, r in enumerate(rows)}

    plans = db.execute_sql(
        f"SELECT id, title, doc_type FROM plan WHERE {plan_where} ORDER BY id", params
    ).fetchall()
    counts: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        c = counts.get(r.plan_id)
        if c is None:
            counts[r.plan_id] = [i, 1]
        else:
            c[1] += 1
    bands = []
    for pid, title, doc_type in plans:
        first, count = counts.get(pid, (len(rows), 0))
        bands.append(PlanBand(pid, title, doc_type, first, count))

    deps = []
    for pred, succ in db.execute_sql(
        "SELECT predecessor_id, successor_id FROM dependency WHERE deleted_at IS NULL"
    ).fetchall():
        a, b = index.get(pred), index.get(succ)
        if a is not None and b is not None:
            deps.append((a, b))
    return TimelineData(plan_id, rows, bands, deps, index)


def timeline_row(item_id: int) -> TimelineRow | None:
    """One item, as `timeline_rows` reads it (to patch a single edited row)."""
    t = models.database.execute_sql(
        f"SELECT {_COLUMNS} FROM timeline_item t WHERE t.id = ? AND t.deleted_at IS NULL", (item_id,)
    ).fetchone()
    return None if t is None else _row(t)


# --- calendar ------------------------------------------------------------------


@lru_cache(maxsize=64)
def swedish_holidays(year: int) -> dict[date, str]:
    """Sweden's public holidays of a year (without ordinary Sundays), Swedish names."""
    import holidays

    return dict(holidays.Sweden(years=year, include_sundays=False))


def week_label(d: date) -> str:
    """ISO week as Swedish documents write it: "v. 47"."""
    return f"v. {d.isocalendar().week}"


# --- moving vague dates ----------------------------------------------------------

_MONTHS_OF = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.YEAR: 12}


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift_date(v: VagueDate, *, days: int = 0, months: int = 0, anchor: str = "first") -> VagueDate:
    """Move a vague date by whole months or by days.

    Moved by a whole number of its own periods (a month by months, a quarter by
    threes, a year by twelves), it keeps its precision. Otherwise it becomes a
    day: `anchor` says which day of the period moves ("first" for starts and
    markers, "last" for ends), so the drawn edge does not jump.
    """
    if days == 0 and months == 0:
        return v
    if v.precision is Precision.DAY:
        d = add_months(v.start, months) + timedelta(days=days)
        return VagueDate(d, Precision.DAY)
    step = _MONTHS_OF[v.precision]
    if days == 0 and months % step == 0:
        return VagueDate(add_months(v.start, months), v.precision)
    base = v.first_day if anchor == "first" else v.last_day
    return VagueDate(add_months(base, months) + timedelta(days=days), Precision.DAY)
