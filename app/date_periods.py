"""Periods made from their numbers and checked: a day, a week, a month or part of one, a quarter,
tertial, half-year, season, part of a year, a year, the turn of a year. Every number out of range
is refused with a sentence in the window's language that says what is allowed; app.date_text reads
the forms people and files write into these numbers.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

from app.dates import MAX_YEAR, MIN_YEAR, DateParseError, Precision, VagueDate, month_shown
from app.i18n import tr


def _check_year(y: int) -> None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise DateParseError(tr("Året {year} ligger utanför det tillåtna intervallet {first}–{last}.", year=y,
                                first=MIN_YEAR, last=MAX_YEAR))


def _check_month(m: int) -> None:
    if not 1 <= m <= 12:
        raise DateParseError(tr("Ogiltig månad: {month}. Månaden måste vara mellan 1 och 12.", month=m))


def day(y: int, m: int, d: int) -> VagueDate:
    _check_year(y)
    _check_month(m)
    if not 1 <= d <= 31:
        raise DateParseError(tr("Ogiltig dag: {day}. Dagen måste vara mellan 1 och 31.", day=d))
    days = calendar.monthrange(y, m)[1]
    if d > days:
        raise DateParseError(tr("Ogiltigt datum: {month} {year} har inte {day} dagar, bara {days}.",
                                month=month_shown(m), year=y, day=d, days=days))
    return VagueDate.day(y, m, d)


def week(y: int, w: int) -> VagueDate:
    if not MIN_YEAR <= y <= MAX_YEAR + 1:  # the last days of MAX_YEAR may lie in the next year's week 1
        _check_year(y)
    weeks = date(y, 12, 28).isocalendar().week  # 28 December always lies in the year's last week
    if not 1 <= w <= weeks:
        raise DateParseError(tr("Ogiltig vecka: v. {week}. År {year} har veckorna 1–{weeks}.", week=w, year=y,
                                weeks=weeks))
    monday = date.fromisocalendar(y, w, 1)
    _check_year(monday.year)
    return VagueDate(monday, Precision.WEEK)


def month(y: int, m: int) -> VagueDate:
    _check_year(y)
    _check_month(m)
    return VagueDate.month(y, m)


def month_part(y: int, m: int, part: int) -> VagueDate:
    _check_year(y)
    _check_month(m)
    return VagueDate.month_part(y, m, part)


def _numbered(y: int, n: int, most: int, what: str, example: str, make: Callable[[int, int], VagueDate]) -> VagueDate:
    _check_year(y)
    if not 1 <= n <= most:
        said = (tr("Ogiltigt tertial: {n}. Det måste vara mellan 1 och {most}, till exempel {example}.", n=n,
                   most=most, example=example) if what == "tertial" else
                tr("Ogiltigt halvår: {n}. Det måste vara mellan 1 och {most}, till exempel {example}.", n=n,
                   most=most, example=example))
        raise DateParseError(said)
    return make(y, n)


def quarter(y: int, q: int) -> VagueDate:
    _check_year(y)
    if not 1 <= q <= 4:
        raise DateParseError(tr("Ogiltigt kvartal: Q{q}. Kvartalet måste vara mellan 1 och 4, till exempel Q3 2025.", q=q))
    return VagueDate.quarter(y, q)


def tertial(y: int, t: int) -> VagueDate:
    return _numbered(y, t, 3, "tertial", "T2 2026", VagueDate.tertial)


def half(y: int, h: int) -> VagueDate:
    return _numbered(y, h, 2, "half", "H1 2026", VagueDate.half)


def season(y: int, index: int) -> VagueDate:
    _check_year(y)
    return VagueDate.season(y, index)


def year_part(y: int, part: int) -> VagueDate:
    _check_year(y)
    return VagueDate.year_part(y, part)


def year(y: int) -> VagueDate:
    _check_year(y)
    return VagueDate.year(y)


def turn_or_month(first: int, written: str) -> VagueDate:
    """ "2025/2026" and "2025/26" are the turn of the year; "2025/09" stays a month."""
    second = int(written)
    if len(written) == 2:
        if second != (first + 1) % 100:
            return month(first, second)
        second = first + 1
    return turn(first, second)


def turn(first: int, second: int) -> VagueDate:
    if second != first + 1:
        raise DateParseError(tr("Ett årsskifte är mellan två år som följer på varandra, till exempel årsskiftet "
                                "{first}/{second}.", first=first, second=first + 1))
    _check_year(first)
    return VagueDate.turn(first)
