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
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from app.dates import Precision, VagueDate
from db import models
from db.bulk import is_postgres
from db.statements import in_style

if TYPE_CHECKING:
    from app.workspace import Workspace

MARKER_KINDS = frozenset({"decision_point", "milestone"})

_COLUMNS = (
    't.id, t.plan_id, t.kind, t.code, t.title, t.responsible, '
    't.start, t.start_precision, t."end", t.end_precision, t.progress, t.status, t.version_id'
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
    version: str = ""  # the row's version as read (Workspace.shown)

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
    count: int  # its items (also when they are not read yet)
    loaded: bool = True  # False: its rows are not read yet (see `timeline_head`)


_UNSET: Any = object()


@dataclass
class TimelineData:
    plan_id: int | None  # None: all plans (the portfolio)
    rows: list[TimelineRow] = field(default_factory=list)
    bands: list[PlanBand] = field(default_factory=list)
    dependencies: list[tuple[int, int]] = field(default_factory=list)  # (from row, to row) indexes
    index: dict[int, int] = field(default_factory=dict)  # item id -> row index
    ready: set[int] = field(default_factory=set)  # decision points whose checklist is fully answered
    complete: bool = True  # False: only the first bands' rows are read (see `timeline_head`)
    floats: dict[int, int] = field(default_factory=dict)  # item id -> total float in days, once asked for
    critical: set[int] = field(default_factory=set)  # items on the critical path, once asked for
    baseline: Any = None  # app.baseline.TimelineBaseline, once the decided plan is asked for
    # Derived, cached: computed once per load (or after `replace_row`), never per frame.
    _span: Any = field(default=_UNSET, init=False, repr=False, compare=False)
    _band_spans: list[tuple[int, int] | None] | None = field(default=None, init=False, repr=False, compare=False)

    def span(self) -> tuple[int, int] | None:
        """Ordinals of the earliest and latest day any row covers (cached; see `replace_row`)."""
        if self._span is _UNSET:
            if self.bands and sum(b.count for b in self.bands) == len(self.rows):
                spans = [s for s in self.band_spans() if s is not None]
                self._span = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
            else:
                self._span = rows_span(self.rows)
        return self._span

    @staticmethod
    def band_range(band: PlanBand) -> range:
        """Indexes into `rows` of the rows read for `band` (none while it is not loaded)."""
        return range(band.first_row, band.first_row + band.count) if band.loaded else range(0)

    def band_rows(self, band: PlanBand) -> list[TimelineRow]:
        r = self.band_range(band)
        return self.rows[r.start:r.stop]

    def band_spans(self) -> list[tuple[int, int] | None]:
        """The span of each band's rows, in band order (cached)."""
        if self._band_spans is None:
            self._band_spans = [rows_span(self.band_rows(b)) for b in self.bands]
        return self._band_spans

    def replace_row(self, i: int, row: TimelineRow) -> None:
        """Patch one row in place (after an edit); only its band's span is recomputed."""
        self.rows[i] = row
        self._span = _UNSET
        spans = self._band_spans
        if spans is None:
            return
        for b, band in enumerate(self.bands):
            if i in self.band_range(band):
                spans[b] = rows_span(self.band_rows(band))

    def invalidate(self) -> None:
        """The rows changed in place: recompute the spans when next asked."""
        self._span = _UNSET
        self._band_spans = None


def rows_span(rows: list[TimelineRow]) -> tuple[int, int] | None:
    """Ordinals of the earliest and latest day any of `rows` covers (`TimelineRow.span` inlined)."""
    lo = hi = None
    markers = MARKER_KINDS
    for r in rows:
        sf, sl, ef, el = r[12], r[13], r[14], r[15]
        if sf is not None and r[2] in markers:
            first, last = sf, sl
        else:
            first = sf if sf is not None else ef
            last = el if el is not None else sl
            if first is None or last is None:
                continue
            if last < first:
                last = first
        if lo is None or first < lo:
            lo = first
        if hi is None or last > hi:
            hi = last
    return None if lo is None else (lo, hi)


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
    elif precision == "year":
        last = date(y, 12, 31)
    else:
        last = VagueDate(d, Precision(precision)).last_day
    return d.toordinal(), last.toordinal()


_NO_DATE = (None, None)


def _rows(raw: list[tuple]) -> list[TimelineRow]:
    """Read tuples as rows, vague dates resolved: one dict look-up per date, no per-row calls but the tuple's."""
    cache: dict[tuple[str | None, str | None], tuple[int | None, int | None]] = {}
    resolve = _resolve
    make = tuple.__new__
    cls = TimelineRow
    out = []
    append = out.append
    for t in raw:
        ks, ke = (t[6], t[7]), (t[8], t[9])
        s = cache.get(ks)
        if s is None:
            s = cache[ks] = resolve(*ks) if ks[0] is not None and ks[1] is not None else _NO_DATE
        e = cache.get(ke)
        if e is None:
            e = cache[ke] = resolve(*ke) if ke[0] is not None and ke[1] is not None else _NO_DATE
        append(make(cls, t[:12] + s + e + t[12:]))  # (the version read last, kept last)
    return out


def timeline_rows(ws: Workspace, plan_id: int | None = None) -> TimelineData:
    """The timeline of one plan, or of every plan (plan_id None), in display order."""
    ws.store.activate()
    return _assemble(plan_id, _plans(plan_id), _read_rows(plan_id), counts={}, loaded=None)


def timeline_head(ws: Workspace, rows_wanted: int) -> TimelineData:
    """The portfolio's first bands, enough for `rows_wanted` display rows, with every band listed.

    Opening the portfolio of a large file paints from this and then swaps in
    `timeline_rows(None)`. Bands not read yet have `loaded` False and no rows
    (nor a span until then), but their item counts and the portfolio's span are
    already right, so the swap moves nothing on screen. `complete` says whether
    the head happens to hold everything.
    """
    ws.store.activate()
    db = models.database
    plans = _plans(None)
    markers = ", ".join(f"'{k}'" for k in sorted(MARKER_KINDS))
    # Per plan, in the order of its index: items, earliest stored date, latest stored date that counts.
    per_plan = {pid: rest for pid, *rest in db.execute_sql(
        f'SELECT plan_id, count(*), min(coalesce(start, "end")), max(start), max(CASE WHEN kind NOT IN ({markers}) '
        'THEN "end" END) FROM timeline_item WHERE deleted_at IS NULL GROUP BY plan_id'
    ).fetchall()}
    chosen: list[int] = []
    shown = 0
    for pid, _title, _doc_type in plans:
        if shown >= rows_wanted:
            break
        chosen.append(pid)
        shown += 1 + per_plan.get(pid, (0,))[0]
    if len(chosen) == len(plans):
        return _assemble(None, plans, _read_rows(None), counts={}, loaded=None)
    marks = ", ".join([db.param] * len(chosen))
    raw = db.execute_sql(
        f"SELECT {_COLUMNS} FROM timeline_item t WHERE t.deleted_at IS NULL AND t.plan_id IN ({marks}) "
        "ORDER BY t.plan_id, t.position, t.id",
        chosen,
    ).fetchall()
    counts = {pid: v[0] for pid, v in per_plan.items()}
    data = _assemble(None, plans, raw, counts=counts, loaded=frozenset(chosen))
    data.complete = False
    data._span = _portfolio_span([per_plan[pid] for pid, _t, _d in plans if pid in per_plan])
    return data


def _plans(plan_id: int | None) -> list[tuple]:
    """(id, title, doc_type) of one live plan, or of every live plan (plan_id None), by id."""
    mark = models.database.param
    where, params = ("deleted_at IS NULL", ()) if plan_id is None else (f"deleted_at IS NULL AND id = {mark}", (plan_id,))
    sql = f"SELECT id, title, doc_type FROM plan WHERE {where} ORDER BY id"
    return models.database.execute_sql(sql, params).fetchall()


def _read_rows(plan_id: int | None) -> list[tuple]:
    where, params = "t.deleted_at IS NULL AND p.deleted_at IS NULL", ()
    if plan_id is not None:
        where, params = where + f" AND t.plan_id = {models.database.param}", (plan_id,)
    return models.database.execute_sql(
        f"SELECT {_COLUMNS} FROM timeline_item t JOIN plan p ON p.id = t.plan_id "
        f"WHERE {where} ORDER BY t.plan_id, t.position, t.id",
        params,
    ).fetchall()


def _assemble(plan_id: int | None, plans: list[tuple], raw: list[tuple], *, counts: dict[int, int],
              loaded: frozenset[int] | None) -> TimelineData:
    """Rows, bands and dependencies from the read tuples; `loaded` None means every band was read."""
    rows = _rows(raw)
    index = dict(zip(map(itemgetter(0), rows), range(len(rows))))
    placed: dict[int, tuple[int, int]] = {}  # plan id -> (first row, count); rows come plan by plan
    i = 0
    for pid, group in groupby(map(itemgetter(1), rows)):
        n = sum(1 for _ in group)
        placed[pid] = (i, n)
        i += n
    bands = []
    for pid, title, doc_type in plans:
        first, count = placed.get(pid, (len(rows), 0))
        is_loaded = loaded is None or pid in loaded
        bands.append(PlanBand(pid, title, doc_type, first, count if is_loaded else counts.get(pid, 0), is_loaded))

    get = index.get
    sql = "SELECT predecessor_id, successor_id FROM dependency WHERE deleted_at IS NULL"
    params: list[int] = []
    if loaded is not None:
        params = sorted(loaded)
        sql += (" AND successor_id IN (SELECT id FROM timeline_item WHERE plan_id IN "
                f"({', '.join([models.database.param] * len(params))}))")
    deps = [
        (a, b)
        for a, b in ((get(pred), get(succ)) for pred, succ in models.database.execute_sql(sql, params).fetchall())
        if a is not None and b is not None
    ]
    plan_ids = None if loaded is None else sorted(loaded)
    return TimelineData(plan_id, rows, bands, deps, index, ready_points(plan_id, plan_ids))


# --- decision points' states --------------------------------------------------------

# A decision point on the timeline: kommande, klar för beslut (its checklist is fully answered),
# beslutad (a decision is recorded: app.decisions marks it done) or försenad (its date has passed).
DECISION_STATES = {"upcoming": "Kommande", "ready": "Klar för beslut", "decided": "Beslutad", "late": "Försenad"}


def checklist_complete(text: str | None) -> bool:
    """Whether a stored checklist (app.decisions) has items and an answer to each."""
    try:
        items = json.loads(text or "[]")
    except ValueError:
        return False
    return isinstance(items, list) and bool(items) and all(
        isinstance(a, dict) and a.get("answer") for a in items)


def ready_points(plan_id: int | None = None, plan_ids: list[int] | None = None) -> set[int]:
    """Ids of the decision points (of one plan, of `plan_ids`, or of all) whose checklist is complete."""
    sql = ("SELECT id, checklist FROM timeline_item WHERE deleted_at IS NULL AND kind = 'decision_point' "
           "AND checklist != ''")
    params: list[int] = []
    if plan_id is not None:
        sql, params = sql + " AND plan_id = ?", [plan_id]
    elif plan_ids is not None:
        sql, params = sql + f" AND plan_id IN ({', '.join('?' * len(plan_ids))})", plan_ids
    rows = models.database.execute_sql(in_style(models.database, sql), params).fetchall()
    return {i for i, text in rows if checklist_complete(text)}


def point_ready(item_id: int) -> bool:
    row = models.database.execute_sql(in_style(models.database, "SELECT checklist FROM timeline_item WHERE id = ?"),
                                      (item_id,)).fetchone()
    return row is not None and checklist_complete(row[0])


def decision_state(row: TimelineRow, ready: set[int], today: int) -> str:
    """upcoming | ready | decided | late for a decision point row; `today` is a day ordinal."""
    if row.status == "done":
        return "decided"
    last = row.end_last if row.end_last is not None else row.start_last
    if row.status == "delayed" or (last is not None and last < today):
        return "late"
    return "ready" if row.id in ready else "upcoming"


def next_decision_point(rows: list[TimelineRow], ready: set[int], today: int) -> tuple[TimelineRow, str] | None:
    """A plan's next decision point among its rows (the first undecided, dated ones by date) and its state."""
    open_points = [r for r in rows if r.kind == "decision_point" and r.status != "done"]
    if not open_points:
        return None
    dated = sorted((r for r in open_points if r.start_first is not None), key=lambda r: r.start_first)
    first = (dated or open_points)[0]
    return first, decision_state(first, ready, today)


# How far past its stored (first) day a period of each precision can reach.
_REACH = {"day": 0, "week": 6, "month_part": 10, "month": 30, "quarter": 91, "tertial": 122, "season": 152,
          "half": 183, "year_part": 122, "year": 365, "turn": 61}


def _portfolio_span(per_plan: list[list[Any]]) -> tuple[int, int] | None:
    """`rows_span` of all items, from each plan's (count, earliest date, latest date that counts).

    The earliest day is the earliest stored date (a stored date is the first day
    of its period). The latest day is at least the latest stored date D that
    counts (a marker's end does not); only an item with a date within one
    period of D can reach past it, so just those few are read and resolved.
    """
    firsts = [p[1] for p in per_plan if p[1] is not None]
    if not firsts:
        return None
    latest = date.fromisoformat(max(d for p in per_plan for d in p[2:] if d is not None))
    mark = models.database.param
    # Two plain comparisons with the widest reach first: most rows fail them, and only the few
    # left are tested precision by precision (the same rows as the per-precision terms alone).
    widest = (latest - timedelta(days=max(_REACH.values()))).isoformat()
    reach, params = [], [widest, widest]
    # SQLite would pick the date index for the OR below and read most of the table through it.
    not_indexed = "" if is_postgres(models.database) else " NOT INDEXED"
    for column in ("start", '"end"'):
        for precision, days in _REACH.items():
            reach.append(f"(t.{column} >= {mark} AND t.{column.strip('"')}_precision = {mark})")
            params += [(latest - timedelta(days=days)).isoformat(), precision]
    near = _rows(models.database.execute_sql(
        f"SELECT {_COLUMNS} FROM timeline_item t{not_indexed} JOIN plan p ON p.id = t.plan_id "
        f"WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL AND (t.start >= {mark} OR t.\"end\" >= {mark}) "
        f"AND ({' OR '.join(reach)})", params
    ).fetchall())
    last = rows_span(near)
    return date.fromisoformat(min(firsts)).toordinal(), last[1] if last else latest.toordinal()


def timeline_row(ws: Workspace, item_id: int) -> TimelineRow | None:
    """One item, as `timeline_rows` reads it (to patch a single edited row)."""
    ws.store.activate()
    t = models.database.execute_sql(
        f"SELECT {_COLUMNS} FROM timeline_item t WHERE t.id = {models.database.param} AND t.deleted_at IS NULL",
        (item_id,)
    ).fetchone()
    return None if t is None else _rows([t])[0]


# --- calendar ------------------------------------------------------------------


@lru_cache(maxsize=64)
def swedish_holidays(year: int) -> dict[date, str]:
    """Sweden's public holidays of a year (without ordinary Sundays), Swedish names."""
    import holidays

    return dict(holidays.Sweden(years=year, include_sundays=False))


@lru_cache(maxsize=64)
def days_off(year: int) -> dict[date, str]:
    """The days that are not public holidays but that workplaces close on all the same
    (midsommarafton, julafton, nyårsafton), kept apart from the official ones."""
    import holidays

    return dict(holidays.Sweden(years=year, include_sundays=False, categories=("de_facto",)))


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
    """Move a vague date by whole months or by days (app.dates.step_date moves it by its own unit).

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
    step = _MONTHS_OF.get(v.precision)
    if step is not None and days == 0 and months % step == 0:
        return VagueDate(add_months(v.start, months), v.precision)
    base = v.first_day if anchor == "first" else v.last_day
    return VagueDate(add_months(base, months) + timedelta(days=days), Precision.DAY)
