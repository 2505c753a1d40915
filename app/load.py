"""How much of each person's time the plans in a file have booked, month by month (or week by week).

A role or a resource line with a share (``allocation``, percent of a position)
books its person for a period: its own ``start``/``end`` where given, otherwise
the plan's period — the earliest start to the latest end of the plan's living
timeline items. Vague dates widen to whole periods: a month-precision start
counts from the first of that month, a month-precision end to its last day
(a quarter or year likewise).

Rules of the arithmetic, so that the numbers can be checked by hand:

- A period (month or ISO week) that a booking covers only in part counts pro
  rata by calendar days: 90 % from 15 March to 31 March is 90 × 17/31 = 49.4 %
  of March. All days count alike (no working-day calendar).
- Shares are summed exactly (fractions) and each total is rounded once, half
  up, to one decimal. A cell is over-allocated when that rounded total is above
  100 — what the user sees is what is flagged.
- Only living plans count (no tombstone), by default every status except
  ``cancelled``; ``statuses`` chooses others. ``units`` keeps people whose unit
  (the register's, or a free-text role's ``unit``) is one of them.
- A line that names a register person counts for that person; a line with only
  a free-text name counts for that name (people who are not in the register yet).
  Lines without a share, with 0 %, or without any period are left out.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from app import kinds
from app.dates import MONTHS_EN_SHORT, Precision, VagueDate
from app.i18n import swedish, tr
from app.workspace import Workspace
from db import models

DEFAULT_STATUSES = frozenset(s for s in kinds.DOC_STATUSES if s != "cancelled")
MONTH = "month"
WEEK = "week"
_SHORT = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True)
class Period:
    """One column: a calendar month or an ISO week."""

    key: str  # "2025-03" or "2025-W12"
    label: str  # "mar 2025" or "v. 12 2025"
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def shown(self) -> str:
        """The label in the window's language: "maj 2025", "v. 12 2025"; in English "May 2025", "wk 12 2025".
        `label` stays Swedish, as the documents write it."""
        if swedish():
            return self.label
        if "-W" in self.key:
            iso = self.first.isocalendar()
            return f"wk {iso.week} {iso.year}"
        return f"{MONTHS_EN_SHORT[self.first.month - 1]} {self.first.year}"


@dataclass(frozen=True)
class Contribution:
    plan_id: int
    plan_title: str
    plan_status: str
    kind: str  # "role" | "resource"
    line_id: int
    allocation: int  # the line's share of a full position, percent
    share: float  # what it adds to this period, percent (pro rata, rounded to one decimal)


@dataclass
class Cell:
    exact: Fraction = Fraction(0)
    contributions: list[Contribution] = field(default_factory=list)

    @property
    def total(self) -> float:
        return rounded(self.exact)

    @property
    def over(self) -> bool:
        return self.total > 100

    @property
    def plan_ids(self) -> list[int]:
        return list(dict.fromkeys(c.plan_id for c in self.contributions))


@dataclass(frozen=True)
class PersonRow:
    key: str  # "p<id>" for a register person, "n:<name>" for a free-text name
    person_id: int | None
    name: str
    unit: str


@dataclass
class LoadTable:
    granularity: str  # MONTH | WEEK
    periods: list[Period]
    people: list[PersonRow]
    cells: dict[tuple[str, str], Cell]
    undated: list[tuple[str, int]] = field(default_factory=list)  # (kind, line id) with a share but no period

    def cell(self, person_key: str, period_key: str) -> Cell:
        return self.cells.get((person_key, period_key), Cell())

    def row(self, person_id: int) -> PersonRow:
        for p in self.people:
            if p.person_id == person_id:
                return p
        raise LookupError(tr("Personen (id {id}) har ingen bokning i perioden.", id=person_id))

    def totals(self, person_key: str) -> dict[str, float]:
        return {p.key: self.cell(person_key, p.key).total for p in self.periods}

    def as_json(self) -> dict[str, Any]:
        over = over_allocated(self)
        people = []
        for person in self.people:
            months = {}
            for period in self.periods:
                cell = self.cell(person.key, period.key)
                months[period.key] = {
                    "total": cell.total,
                    "plans": [
                        {"plan_id": c.plan_id, "title": c.plan_title, "kind": c.kind,
                         "allocation": c.allocation, "share": c.share}
                        for c in cell.contributions
                    ],
                }
            people.append({
                "person_id": person.person_id, "name": person.name, "unit": person.unit,
                "totals": {k: v["total"] for k, v in months.items()},
                "periods": months,
                "over_100": over.get(person.key, []),
            })
        return {
            "granularity": self.granularity,
            "periods": [p.key for p in self.periods],
            "people": people,
        }


def rounded(value: Fraction) -> float:
    """Half up to one decimal: 49.35… → 49.4, 110 → 110.0."""
    return int(value * 10 + Fraction(1, 2)) / 10 if value >= 0 else -rounded(-value)


# --- periods -------------------------------------------------------------------


def month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def parse_month(text: str) -> date:
    """"2025-03" (or "2025-3") as the first day of that month; ValueError in Swedish otherwise."""
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError):
        raise ValueError(tr("”{text}” är ingen månad; skriv till exempel 2025-03.", text=text)) from None


def months(first: date, last: date) -> list[Period]:
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        end = date(y, m, calendar.monthrange(y, m)[1])
        out.append(Period(f"{y:04d}-{m:02d}", f"{_SHORT[m - 1]} {y}", date(y, m, 1), end))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def weeks(first: date, last: date) -> list[Period]:
    out = []
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        iso = monday.isocalendar()
        out.append(Period(f"{iso.year:04d}-W{iso.week:02d}", f"v. {iso.week} {iso.year}",
                          monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    return out


# --- reading the bookings ------------------------------------------------------


@dataclass(frozen=True)
class Booking:
    kind: str
    line_id: int
    plan_id: int
    person: PersonRow
    allocation: int
    first: date | None
    last: date | None


def _vague(day: Any, precision: str | None) -> VagueDate | None:
    if day is None or precision is None:
        return None
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return VagueDate(day, Precision(precision))


def plan_periods(ws: Workspace, plan_ids: list[int]) -> dict[int, tuple[date, date]]:
    """Each plan's period: earliest start to latest end of its living timeline items."""
    ws.store.activate()
    T = models.TimelineItem
    spans: dict[int, tuple[date, date]] = {}
    if not plan_ids:
        return spans
    query = (T.select(T.plan, T.start, T.start_precision, T.end, T.end_precision)
             .where(T.deleted_at.is_null(), T.plan.in_(plan_ids)).tuples())
    for plan_id, s, sp, e, ep in query:
        dates = [v for v in (_vague(s, sp), _vague(e, ep)) if v is not None]
        if not dates:
            continue
        lo, hi = min(d.first_day for d in dates), max(d.last_day for d in dates)
        if plan_id in spans:
            lo, hi = min(lo, spans[plan_id][0]), max(hi, spans[plan_id][1])
        spans[plan_id] = (lo, hi)
    return spans


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def bookings(ws: Workspace, statuses: frozenset[str] | set[str] | None = None,
             ) -> tuple[list[Booking], dict[int, tuple[str, str]]]:
    """Every booking in `ws`'s living plans of the given statuses, and {plan id: (title, status)}."""
    ws.store.activate()
    statuses = DEFAULT_STATUSES if statuses is None else frozenset(statuses)
    P = models.Plan
    plans = {pid: (title, status) for pid, title, status in
             P.select(P.id, P.title, P.status).where(P.deleted_at.is_null(), P.status.in_(list(statuses))).tuples()}
    spans = plan_periods(ws, list(plans))
    people = {p.id: PersonRow(f"p{p.id}", p.id, p.name, p.unit) for p in models.Person.select()}
    out: list[Booking] = []
    for kind, model in (("role", models.Role), ("resource", models.ResourceLine)):
        unit_col = model.unit if kind == "role" else None
        cols = [model.id, model.plan, model.person, model.name, model.allocation,
                model.start, model.start_precision, model.end, model.end_precision]
        if unit_col is not None:
            cols.append(unit_col)
        query = (model.select(*cols)
                 .where(model.deleted_at.is_null(), model.plan.in_(list(plans)),
                        model.allocation.is_null(False), model.allocation > 0)
                 .order_by(model.plan, model.position, model.id).tuples())
        for row in query:
            line_id, plan_id, person_id, name, allocation, s, sp, e, ep = row[:9]
            unit = row[9] if len(row) > 9 else ""
            if person_id is not None and person_id in people:
                person = people[person_id]
            elif name and name.strip():
                clean = " ".join(name.split())
                person = PersonRow(f"n:{_norm(clean)}", None, clean, unit or "")
            else:
                continue
            start, end = _vague(s, sp), _vague(e, ep)
            span = spans.get(plan_id)
            first = start.first_day if start else (span[0] if span else None)
            last = end.last_day if end else (span[1] if span else None)
            out.append(Booking(kind, line_id, plan_id, person, allocation, first, last))
    return out, plans


# --- the table -----------------------------------------------------------------


def load_table(ws: Workspace, periods: list[Period], granularity: str, *, units: set[str] | None = None,
               statuses: set[str] | frozenset[str] | None = None, person_ids: set[int] | None = None,
               exclude: tuple[str, int] | None = None) -> LoadTable:
    """People × periods; see the module's docstring for the rules."""
    found, plans = bookings(ws, statuses)
    wanted_units = None if units is None else {_norm(u) for u in units}
    cells: dict[tuple[str, str], Cell] = {}
    rows: dict[str, PersonRow] = {}
    undated: list[tuple[str, int]] = []
    for b in found:
        if exclude == (b.kind, b.line_id):
            continue
        if person_ids is not None and b.person.person_id not in person_ids:
            continue
        if wanted_units is not None and _norm(b.person.unit) not in wanted_units:
            continue
        if b.first is None or b.last is None:
            undated.append((b.kind, b.line_id))
            continue
        title, status = plans[b.plan_id]
        for period in periods:
            overlap = (min(b.last, period.last) - max(b.first, period.first)).days + 1
            if overlap <= 0:
                continue
            share = Fraction(b.allocation * overlap, period.days)
            cell = cells.setdefault((b.person.key, period.key), Cell())
            cell.exact += share
            cell.contributions.append(
                Contribution(b.plan_id, title, status, b.kind, b.line_id, b.allocation, rounded(share)))
            rows[b.person.key] = b.person
    people = sorted(rows.values(), key=lambda p: (_norm(p.name), p.key))
    return LoadTable(granularity, periods, people, cells, undated)


def monthly_load(ws: Workspace, from_month: date | str, to_month: date | str, *, units: set[str] | None = None,
                 statuses: set[str] | frozenset[str] | None = None) -> LoadTable:
    """Each person's load per calendar month from `from_month` to `to_month` (both included)."""
    first = parse_month(from_month) if isinstance(from_month, str) else from_month
    last = parse_month(to_month) if isinstance(to_month, str) else to_month
    if last < first:
        raise ValueError(tr("Slutmånaden ligger före startmånaden."))
    return load_table(ws, months(first, last), MONTH, units=units, statuses=statuses)


def weekly_load(ws: Workspace, first: date, last: date, *, units: set[str] | None = None,
                statuses: set[str] | frozenset[str] | None = None) -> LoadTable:
    """Each person's load per ISO week, for the weeks that touch `first` … `last`."""
    if last < first:
        raise ValueError(tr("Slutdatumet ligger före startdatumet."))
    return load_table(ws, weeks(first, last), WEEK, units=units, statuses=statuses)


def over_allocated(table: LoadTable) -> dict[str, list[str]]:
    """{person key: [period keys over 100 %]} for the people who have any."""
    out: dict[str, list[str]] = {}
    for person in table.people:
        keys = [p.key for p in table.periods if table.cell(person.key, p.key).over]
        if keys:
            out[person.key] = keys
    return out


def booking_span(ws: Workspace, statuses: set[str] | frozenset[str] | None = None) -> tuple[date, date] | None:
    """First and last day that any dated booking covers, or None when nothing is booked."""
    found, _plans = bookings(ws, statuses)
    dated = [b for b in found if b.first and b.last]
    if not dated:
        return None
    return min(b.first for b in dated if b.first), max(b.last for b in dated if b.last)


def units_in_use(ws: Workspace) -> list[str]:
    """The units the filter can offer: of register people and of free-text roles."""
    ws.store.activate()
    names = {u.strip() for (u,) in models.Person.select(models.Person.unit)
             .where(models.Person.deleted_at.is_null()).tuples() if u and u.strip()}
    names |= {u.strip() for (u,) in models.Role.select(models.Role.unit)
              .where(models.Role.deleted_at.is_null(), models.Role.person.is_null()).tuples() if u and u.strip()}
    return sorted(names, key=str.casefold)


# --- a warning before a booking passes 100 % -------------------------------------


@dataclass(frozen=True)
class BookingWarning:
    person_id: int
    person_name: str
    period: Period
    total: float  # the month's total with the new share
    other_plans: tuple[tuple[int, str], ...]  # (plan id, title) of the other bookings that month


def check_booking(ws: Workspace, person_id: int, plan_id: int, allocation: int | None,
                  start: VagueDate | None, end: VagueDate | None, *,
                  replacing: tuple[str, int] | None = None,
                  statuses: set[str] | frozenset[str] | None = None) -> list[BookingWarning]:
    """The months in which booking `allocation` % of the person in the plan would pass 100 %.

    `replacing` names the line (kind, id) whose share the booking sets, so that it
    is not counted twice. Nothing is stored and nothing is refused: the caller shows
    the warnings and lets the user go on.
    """
    if not allocation or allocation <= 0:
        return []
    span = plan_periods(ws, [plan_id]).get(plan_id)
    first = start.first_day if start else (span[0] if span else None)
    last = end.last_day if end else (span[1] if span else None)
    if first is None or last is None or last < first:
        return []
    person = models.Person.get_by_id(person_id)
    periods = months(first, last)
    table = load_table(ws, periods, MONTH, statuses=statuses, person_ids={person_id}, exclude=replacing)
    key = f"p{person_id}"
    out = []
    for period in periods:
        overlap = (min(last, period.last) - max(first, period.first)).days + 1
        cell = table.cell(key, period.key)
        total = rounded(cell.exact + Fraction(allocation * overlap, period.days))
        if total > 100:
            others = tuple(dict.fromkeys((c.plan_id, c.plan_title) for c in cell.contributions))
            out.append(BookingWarning(person_id, person.name, period, total, others))
    return out


# --- text for the command line ---------------------------------------------------


def _percent_text(value: float) -> str:
    return "" if value == 0 else (f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ","))


def format_text(table: LoadTable) -> str:
    """People as rows, periods as columns; a total over 100 % is shown in brackets with a "*"."""
    if not table.people:
        return tr("Ingen har någon bokning med andel av tjänst i perioden.")
    heading = tr("Person")
    name_width = min(30, max(len(heading), *(len(p.name) for p in table.people)))
    width = max(8, *(len(p.shown) + 1 for p in table.periods))
    lines = [heading.ljust(name_width) + "".join(p.shown.rjust(width) for p in table.periods)]
    for person in table.people:
        cells = []
        for period in table.periods:
            cell = table.cell(person.key, period.key)
            text = _percent_text(cell.total)
            cells.append((f"[{text}]*" if cell.over else text + " ").rjust(width))
        lines.append(person.name[:name_width].ljust(name_width) + "".join(cells))
    over = over_allocated(table)
    if over:
        lines.append("")
        lines.append(tr("[…]* = över 100 % av en tjänst ({count} personer).", count=len(over)))
    return "\n".join(lines)


# --- plain data for an export: the load of a plan's people ------------------------


def plan_load(ws: Workspace, plan_uuid: str) -> dict[str, Any] | None:
    """The months a plan books people in, and those people's total load across all plans.

    Plain data for the Excel sheet "Resursbelastning": {"periods": [{"key", "label"}],
    "people": [{"name", "unit", "totals": {key: percent}, "this_plan": {key: percent},
    "over_100": [key]}]}; None when the plan books nobody with a share and a period.
    """
    plan = models.Plan.get_or_none(models.Plan.uuid == plan_uuid)
    if plan is None:
        return None
    statuses = DEFAULT_STATUSES | {plan.status}
    found, _plans = bookings(ws, statuses)
    mine = [b for b in found if b.plan_id == plan.id and b.first and b.last]
    if not mine:
        return None
    first = min(b.first for b in mine if b.first)
    last = max(b.last for b in mine if b.last)
    keys = {b.person.key for b in mine}
    table = load_table(ws, months(first, last), MONTH, statuses=statuses)
    over = over_allocated(table)
    people = []
    for person in table.people:
        if person.key not in keys:
            continue
        this_plan = {p.key: round(sum(c.share for c in table.cell(person.key, p.key).contributions
                                      if c.plan_id == plan.id), 1) for p in table.periods}
        people.append({"name": person.name, "unit": person.unit, "totals": table.totals(person.key),
                       "this_plan": this_plan, "over_100": over.get(person.key, [])})
    return {"periods": [{"key": p.key, "label": p.label} for p in table.periods], "people": people}


def file_load(ws: Workspace) -> dict[str, Any] | None:
    """Everyone's total load across the file's plans, in plan_load's shape ("this_plan" is the same total):
    the Excel sheet "Resursbelastning" of the whole file. None when nobody is booked with a share and a period."""
    found, _plans = bookings(ws, DEFAULT_STATUSES)
    dated = [b for b in found if b.first and b.last]
    if not dated:
        return None
    table = load_table(ws, months(min(b.first for b in dated), max(b.last for b in dated)), MONTH,
                       statuses=DEFAULT_STATUSES)
    over = over_allocated(table)
    people = [{"name": p.name, "unit": p.unit, "totals": table.totals(p.key), "this_plan": table.totals(p.key),
               "over_100": over.get(p.key, [])} for p in table.people]
    return {"periods": [{"key": p.key, "label": p.label} for p in table.periods], "people": people}
