"""Working days: the Swedish calendar (weekends, public holidays, the de facto days off) and the
organisation's own closed days, which the file keeps (a setting, carried by the plan file).

A lag in days counts working days; moving an exact item onto a closed day moves it on to the
next working day. Vague dates never land on a day, so they do not ask this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from app.timeline import days_off, swedish_holidays
from db import models

CLOSED_DAYS_KEY = "closed_days"  # Setting: [{"start": ISO day, "end": ISO day, "label": text}, …]
MAX_CLOSED_SPAN = 366  # days in one closed period


@dataclass(frozen=True)
class ClosedPeriod:
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
            raise ValueError(f"Den stängda perioden {dict(p)} har inga giltiga datum (ÅÅÅÅ-MM-DD).") from None
        if end < start:
            raise ValueError(f"Den stängda perioden {start}–{end} slutar före sin början.")
        if (end - start).days >= MAX_CLOSED_SPAN:
            raise ValueError(f"Den stängda perioden {start}–{end} är längre än ett år.")
        out.append(ClosedPeriod(start, end, str(p.get("label", ""))))
    return sorted(set(out), key=lambda c: (c.start, c.end, c.label))


def closed_periods() -> list[ClosedPeriod]:
    """The open file's closed periods (damaged settings count as none)."""
    row = models.Setting.get_or_none(models.Setting.key == CLOSED_DAYS_KEY)
    if row is None:
        return []
    try:
        return parse_periods(json.loads(row.value))
    except (ValueError, TypeError):
        return []


def store_periods(periods: Iterable[ClosedPeriod]) -> None:
    """Write the file's closed periods (inside the caller's transaction)."""
    value = json.dumps([p.as_json() for p in sorted(set(periods), key=lambda c: (c.start, c.end, c.label))],
                       ensure_ascii=False)
    models.Setting.insert(key=CLOSED_DAYS_KEY, value=value).on_conflict(
        conflict_target=[models.Setting.key], preserve=[models.Setting.value]).execute()


@lru_cache(maxsize=64)
def _public_closed(year: int) -> frozenset[date]:
    return frozenset(swedish_holidays(year)) | frozenset(days_off(year))


class WorkCalendar:
    """Which days are working days: Monday to Friday, not a Swedish public holiday or de facto day
    off, not within one of the organisation's closed periods."""

    def __init__(self, closed: Iterable[ClosedPeriod] = ()):
        self.closed = tuple(closed)
        self._own: set[date] = set()
        for c in self.closed:
            self._own.update(c.start + timedelta(days=n) for n in range((c.end - c.start).days + 1))

    def is_working(self, d: date) -> bool:
        return d.weekday() < 5 and d not in _public_closed(d.year) and d not in self._own

    def next_working(self, d: date) -> date:
        """`d` itself when it is a working day, otherwise the first working day after it."""
        for _ in range(800):
            if self.is_working(d):
                return d
            d += timedelta(days=1)
        return d

    def add_working(self, d: date, n: int) -> date:
        """The day `n` working days after `d` (before it for negative `n`), counted from `d`."""
        step = 1 if n >= 0 else -1
        left = abs(n)
        while left:
            d += timedelta(days=step)
            if self.is_working(d):
                left -= 1
        return d


def file_calendar() -> WorkCalendar:
    return WorkCalendar(closed_periods())
