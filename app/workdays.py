"""Working days: the Swedish calendar (weekends, public holidays, the de facto days off) and the
organisation's own closed days, which the file keeps (a setting, carried by the plan file).

A lag in days counts working days; moving an exact item onto a closed day moves it on to the
next working day. Vague dates never land on a day, so they do not ask this module.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.i18n import tr
from app.setting_keys import CLOSED_DAYS_KEY
from db.settings import read_setting, write_setting

if TYPE_CHECKING:
    from app.workspace import Change, Workspace

CLOSED_DAYS_KIND = "closed_days"  # the kind of the Change that replaces them (the file's, no plan's)
MAX_CLOSED_SPAN = 366  # days in one closed period


@dataclass(frozen=True, order=True)
class ClosedPeriod:  # ordered by start, end, label
    start: date
    end: date
    label: str = ""

    def as_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label}


def parse_periods(raw: Iterable[Mapping[str, Any]]) -> list[ClosedPeriod]:
    """Closed periods from the stored form; ValueError (in Swedish) for a period that is not one."""
    out = []
    for p in raw:
        try:
            start, end = date.fromisoformat(str(p["start"])), date.fromisoformat(str(p["end"]))
        except (KeyError, ValueError):
            raise ValueError(tr("Den stängda perioden {period} har inga giltiga datum (ÅÅÅÅ-MM-DD).",
                                period=dict(p))) from None
        if end < start:
            raise ValueError(tr("Den stängda perioden {start}–{end} slutar före sin början.", start=start, end=end))
        if (end - start).days >= MAX_CLOSED_SPAN:
            raise ValueError(tr("Den stängda perioden {start}–{end} är längre än ett år.", start=start, end=end))
        out.append(ClosedPeriod(start, end, str(p.get("label", ""))))
    return sorted(set(out))


def closed_periods() -> list[ClosedPeriod]:
    """The open file's closed periods (damaged settings count as none)."""
    try:
        return parse_periods(read_setting(CLOSED_DAYS_KEY, []))
    except (ValueError, TypeError):
        return []


def store_periods(periods: Iterable[ClosedPeriod]) -> None:
    """Write the file's closed periods (inside the caller's transaction)."""
    write_setting(CLOSED_DAYS_KEY, [p.as_json() for p in sorted(set(periods))])


def period_from_text(start: str, end: str, label: str = "") -> ClosedPeriod:
    """A closed period as a person writes it: two days ("2026-07-01", "31 juli 2026"), or longer
    periods taken whole ("juli 2026" alone is all of July; "v. 28"–"v. 31 2026" four weeks).
    ValueError (in Swedish) for a date that cannot be read or a period that is not one."""
    from app.date_text import parse_date

    if not start.strip():
        raise ValueError(tr("Ange periodens första dag, till exempel 2026-07-01 eller juli 2026."))
    first = parse_date(start).first_day
    last = parse_date(end if end.strip() else start).last_day
    return parse_periods([{"start": first.isoformat(), "end": last.isoformat(), "label": label.strip()}])[0]


def set_closed_periods(ws: Workspace, periods: Iterable[ClosedPeriod]) -> Change:
    """Replace the file's closed periods in one transaction; the Change keeps the old ones for undo."""
    from app.workspace import Change

    old = closed_periods()
    ws.store.require_writable()
    with ws.store.write():
        store_periods(periods)
    return Change(CLOSED_DAYS_KIND, "updated", (), None, old={"periods": old})


def public_holidays(year: int, *, language: str = "sv") -> list[tuple[date, str]]:
    """The public holidays and de facto days off of `year` with their names, in date order."""
    import holidays

    both = holidays.Sweden(years=year, include_sundays=False, categories=("public", "de_facto"),
                           language="en_US" if language == "en" else "sv")
    return sorted(both.items())


@lru_cache(maxsize=1024)
def _public_closed(year: int) -> frozenset[date]:
    import holidays

    both = holidays.Sweden(years=year, include_sundays=False, categories=("public", "de_facto"))
    return frozenset(both)


class WorkCalendar:
    """Which days are working days: Monday to Friday, not a Swedish public holiday or de facto day
    off, not within one of the organisation's closed periods.

    The working days of the years asked about are kept as a sorted list of day ordinals, so that
    counting and adding working days is a binary search (scheduling does it for every dependency).
    """

    def __init__(self, closed: Iterable[ClosedPeriod] = ()):
        self.closed = tuple(closed)
        self._own: set[int] = set()
        for c in self.closed:
            first = c.start.toordinal()
            self._own.update(range(first, c.end.toordinal() + 1))
        self._years = (0, -1)  # the years `_days` covers
        self._bounds = (0, -1)  # and their first and last day's ordinals
        self._days: list[int] = []

    def is_working(self, d: date) -> bool:
        return d.weekday() < 5 and d not in _public_closed(d.year) and d.toordinal() not in self._own

    def _cover(self, *ordinals: int) -> list[int]:
        """The working days of at least a year either side of `ordinals` (grown by doubling)."""
        lo_o, hi_o = min(ordinals), max(ordinals)
        if self._bounds[0] + 366 <= lo_o and hi_o <= self._bounds[1] - 366:
            return self._days
        lo, hi = date.fromordinal(max(lo_o, 367)).year - 1, date.fromordinal(min(hi_o, 3652059 - 366)).year + 1
        if self._days:  # grow only on the side that is short, by at least the width already covered
            width = self._years[1] - self._years[0] + 1
            lo = min(self._years[0], lo if lo >= self._years[0] else min(lo, self._years[0] - width))
            hi = max(self._years[1], hi if hi <= self._years[1] else max(hi, self._years[1] + width))
        lo, hi = max(lo, 1), min(hi, 9998)
        first, last = date(lo, 1, 1).toordinal(), date(hi, 12, 31).toordinal()
        closed = set(self._own)
        for year in range(lo, hi + 1):
            closed.update(d.toordinal() for d in _public_closed(year))
        # date(1, 1, 1) has ordinal 1 and is a Monday: (o - 1) % 7 is the weekday.
        self._days = [o for o in range(first, last + 1) if (o - 1) % 7 < 5 and o not in closed]
        self._years, self._bounds = (lo, hi), (first, last)
        return self._days

    def cover(self, first: int, last: int) -> None:
        """Make ready the working days from ordinal `first` to `last` (and a year either side)."""
        self._cover(first, last)

    def add_ordinal(self, o: int, n: int) -> int:
        """add_working on day ordinals (what scheduling uses, for every dependency)."""
        if n == 0:
            return o
        days = self._days
        if not (self._bounds[0] + 366 <= o <= self._bounds[1] - 366 - 2 * abs(n)):
            days = self._cover(o, o + 2 * n + (14 if n > 0 else -14))
        return days[bisect_right(days, o) + n - 1] if n > 0 else days[bisect_left(days, o) + n]

    def next_working(self, d: date) -> date:
        """`d` itself when it is a working day, otherwise the first working day after it."""
        o = d.toordinal()
        days = self._cover(o)
        return date.fromordinal(days[bisect_left(days, o)])

    def add_working(self, d: date, n: int) -> date:
        """The day `n` working days after `d` (before it for negative `n`), counted from `d`."""
        if n == 0:
            return d
        o = d.toordinal()
        days = self._cover(o, o + 2 * n + (14 if n > 0 else -14))
        i = bisect_right(days, o) + n - 1 if n > 0 else bisect_left(days, o) + n
        return date.fromordinal(days[i])

    def count_ordinals(self, after: int, until: int) -> int:
        """count_working on day ordinals."""
        if until <= after:
            return 0
        days = self._days
        if not (self._bounds[0] + 366 <= after and until <= self._bounds[1] - 366):
            days = self._cover(after, until)
        return bisect_right(days, until) - bisect_right(days, after)

    def count_working(self, after: date, until: date) -> int:
        """Working days d with `after` < d <= `until` (0 when `until` is not later)."""
        if until <= after:
            return 0
        days = self._cover(after.toordinal(), until.toordinal())
        return bisect_right(days, until.toordinal()) - bisect_right(days, after.toordinal())


def file_calendar() -> WorkCalendar:
    return WorkCalendar(closed_periods())
