"""Vague dates as they appear in Swedish assignment documents.

Documents say "september 2025", "v. 12 2026", "hösten 2025", "slutet av 2025" or
"okt 2024 – jan 2025" rather than exact days, so a date here is the first day of a
period plus its precision. Parsing is forgiving (many hand-written forms), `format()`
is the document style (month names in lower case, as Swedish prose writes them),
and ``canonical()`` is the strict form used for storage and the plan JSON. Whatever
`format()` or `canonical()` writes, `parse_date` reads back to the same period.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache, cached_property, total_ordering

__all__ = [
    "ACCEPTED_FORMS",
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTHS_LONG",
    "MONTHS_SHORT",
    "PARTS",
    "SEASONS",
    "DateParseError",
    "Precision",
    "VagueDate",
    "VagueRange",
    "capitalised",
    "format_range",
    "parse_date",
    "parse_range",
    "step_date",
    "unit_days",
    "validate_order",
]

# Sane bounds for plans; they also catch typos such as "20255" -> "2025" slips.
MIN_YEAR = 1900
MAX_YEAR = 2199

# Index 0 is January. Capitalised for headings (the timeline's header); dates in text use lower case.
MONTHS_LONG = (
    "Januari", "Februari", "Mars", "April", "Maj", "Juni",
    "Juli", "Augusti", "September", "Oktober", "November", "December",
)
MONTHS_SHORT = (
    "Jan", "Feb", "Mars", "Apr", "Maj", "Juni",
    "Juli", "Aug", "Sep", "Okt", "Nov", "Dec",
)

# The seasons as plans use them, defined here once: (written form, first month, last month).
# They follow the planning year rather than the weather: "våren" is the months before the
# summer break, "hösten" the months after it, so the three cover a year without overlap.
SEASONS = (("våren", 1, 5), ("sommaren", 6, 8), ("hösten", 9, 12))
# A part of a year or a month is a third of it: "början av 2026" is january–april,
# "mitten av mars" the 11th–20th, "slutet av mars" the 21st to the month's end.
PARTS = ("början", "mitten", "slutet")
_MONTH_PART_DAYS = (1, 11, 21)

_MONTH_WORDS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTHS_LONG, 1)},
    **{name.lower(): i for i, name in enumerate(MONTHS_SHORT, 1)},
    "mar": 3, "jun": 6, "jul": 7, "sept": 9,
}
_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}
_SEASON_WORDS = {
    **{name: i for i, (name, _, _) in enumerate(SEASONS)},
    "vår": 0, "sommar": 1, "höst": 2, "vårterminen": 0, "höstterminen": 2,
}
_PART_WORDS = {"början": 0, "mitten": 1, "mitt": 1, "slutet": 2, "slut": 2}

# Every accepted kind of date with examples, shown whenever a text cannot be read.
ACCEPTED_FORMS = (
    ("dag", "2026-03-15, 15 mars 2026, 15/3 2026, 260315"),
    ("vecka", "v. 12 2026, vecka 12 2026, 2026-W12"),
    ("veckor", "v. 12–14 2026"),
    ("månad", "mars 2026, mar 2026, 2026-03"),
    ("kvartal", "Q3 2027, kvartal 3 2027, 2027-Q3"),
    ("tertial", "T2 2026, tertial 2 2026"),
    ("halvår", "H1 2026, första halvåret 2026"),
    ("årstid", "våren 2026, sommaren 2026, hösten 2025"),
    ("del av år eller månad", "början av 2026, mitten av mars 2026, slutet av 2025"),
    ("år", "2026, verksamhetsår 2026, årsskiftet 2025/2026"),
    ("period", "okt 2024 – jan 2025, 2025-09-01 -- 2025-10-20"),
)
_EXAMPLES = "; ".join(f"{kind}: {examples}" for kind, examples in ACCEPTED_FORMS)
_STYLES = ("long", "short")


class Precision(StrEnum):
    DAY = "day"
    WEEK = "week"  # ISO week, starting on its Monday
    MONTH_PART = "month_part"  # början/mitten/slutet av en månad
    MONTH = "month"
    QUARTER = "quarter"
    TERTIAL = "tertial"  # four months, the regions' reporting period
    SEASON = "season"  # see SEASONS
    HALF = "half"
    YEAR_PART = "year_part"  # början/mitten/slutet av ett år
    YEAR = "year"
    TURN = "turn"  # årsskiftet: december and january


# Periods that are whole months: their length in months, or None where it varies (seasons).
_MONTHS_LONG_PERIODS = {
    Precision.MONTH: 1, Precision.QUARTER: 3, Precision.TERTIAL: 4, Precision.HALF: 6,
    Precision.YEAR_PART: 4, Precision.YEAR: 12, Precision.TURN: 2,
}
# First months a period may start in (None: any month).
_START_MONTHS = {
    Precision.MONTH: None, Precision.QUARTER: (1, 4, 7, 10), Precision.TERTIAL: (1, 5, 9),
    Precision.HALF: (1, 7), Precision.YEAR_PART: (1, 5, 9), Precision.YEAR: (1,), Precision.TURN: (12,),
    Precision.SEASON: tuple(first for _, first, _ in SEASONS),
}


class DateParseError(ValueError):
    """Bad date text; ``str(err)`` is a plain Swedish message meant for the user."""


class _MissingYearError(DateParseError):
    """A form that is valid apart from lacking a year; ranges may borrow the other side's."""


def _months_after(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


@total_ordering
@dataclass(frozen=True)
class VagueDate:
    """A period: ``start`` is its first day, ``precision`` its length.

    Ordering is by first day, then last day (the shorter period first), so sorting and
    overlap both follow the days a period covers.
    """

    start: date
    precision: Precision

    def __post_init__(self) -> None:
        # datetime is a date subclass but cannot be compared with one: refuse it.
        if type(self.start) is not date:
            raise TypeError(f"start must be a datetime.date, not {type(self.start).__name__}")
        object.__setattr__(self, "precision", Precision(self.precision))  # accept "month" from storage
        s, p = self.start, self.precision
        if not MIN_YEAR <= s.year <= MAX_YEAR:
            raise ValueError(f"year {s.year} outside {MIN_YEAR}–{MAX_YEAR}")
        # One representation per period, so equality and hashing mean "same period".
        if p is Precision.DAY:
            aligned = True
        elif p is Precision.WEEK:
            aligned = s.weekday() == 0
        elif p is Precision.MONTH_PART:
            aligned = s.day in _MONTH_PART_DAYS
        else:
            months = _START_MONTHS[p]
            aligned = s.day == 1 and (months is None or s.month in months)
        if not aligned:
            raise ValueError(f"{s.isoformat()} is not the first day of a {p.value}")

    def _key(self) -> tuple[date, date, str]:
        return (self.start, self.last_day, self.precision.value)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, VagueDate):
            return NotImplemented
        return self._key() < other._key()

    @classmethod
    def day(cls, year: int, month: int, day: int) -> VagueDate:
        return cls(date(year, month, day), Precision.DAY)

    @classmethod
    def week(cls, iso_year: int, week: int) -> VagueDate:
        return cls(date.fromisocalendar(iso_year, week, 1), Precision.WEEK)

    @classmethod
    def month(cls, year: int, month: int) -> VagueDate:
        return cls(date(year, month, 1), Precision.MONTH)

    @classmethod
    def month_part(cls, year: int, month: int, part: int) -> VagueDate:
        """``part`` 1–3: början, mitten, slutet."""
        return cls(date(year, month, _MONTH_PART_DAYS[part - 1]), Precision.MONTH_PART)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> VagueDate:
        if not 1 <= quarter <= 4:
            raise ValueError(f"quarter must be 1–4, got {quarter}")
        return cls(date(year, 3 * quarter - 2, 1), Precision.QUARTER)

    @classmethod
    def tertial(cls, year: int, tertial: int) -> VagueDate:
        if not 1 <= tertial <= 3:
            raise ValueError(f"tertial must be 1–3, got {tertial}")
        return cls(date(year, 4 * tertial - 3, 1), Precision.TERTIAL)

    @classmethod
    def half(cls, year: int, half: int) -> VagueDate:
        if not 1 <= half <= 2:
            raise ValueError(f"half must be 1–2, got {half}")
        return cls(date(year, 6 * half - 5, 1), Precision.HALF)

    @classmethod
    def season(cls, year: int, season: int) -> VagueDate:
        """``season`` is an index into SEASONS."""
        return cls(date(year, SEASONS[season][1], 1), Precision.SEASON)

    @classmethod
    def year_part(cls, year: int, part: int) -> VagueDate:
        """``part`` 1–3: början, mitten, slutet."""
        return cls(date(year, 4 * part - 3, 1), Precision.YEAR_PART)

    @classmethod
    def year(cls, year: int) -> VagueDate:
        return cls(date(year, 1, 1), Precision.YEAR)

    @classmethod
    def turn(cls, first_year: int) -> VagueDate:
        """Årsskiftet first_year/first_year + 1: december and january."""
        return cls(date(first_year, 12, 1), Precision.TURN)

    @property
    def first_day(self) -> date:
        return self.start

    @cached_property  # a VagueDate never changes; validate_order asks for it often
    def last_day(self) -> date:
        s, p = self.start, self.precision
        if p is Precision.DAY:
            return s
        if p is Precision.WEEK:
            return s + timedelta(days=6)
        if p is Precision.MONTH_PART:
            if s.day < _MONTH_PART_DAYS[-1]:
                return s + timedelta(days=9)
            return date(s.year, s.month, calendar.monthrange(s.year, s.month)[1])
        if p is Precision.SEASON:
            last_month = SEASONS[self._index][2]
            return date(s.year, last_month, calendar.monthrange(s.year, last_month)[1])
        return _months_after(s, _MONTHS_LONG_PERIODS[p]) - timedelta(days=1)

    @property
    def _index(self) -> int:
        """Which quarter, tertial, half, season or part (0-based) the period is."""
        s, p = self.start, self.precision
        if p is Precision.MONTH_PART:
            return _MONTH_PART_DAYS.index(s.day)
        if p is Precision.SEASON:
            return [first for _, first, _ in SEASONS].index(s.month)
        return (s.month - 1) // _MONTHS_LONG_PERIODS[p]

    def canonical(self) -> str:
        s, p = self.start, self.precision
        y, m = s.year, s.month
        match p:
            case Precision.DAY:
                return s.isoformat()
            case Precision.WEEK:
                iso = s.isocalendar()
                return f"{iso.year:04d}-W{iso.week:02d}"
            case Precision.MONTH:
                return f"{y:04d}-{m:02d}"
            case Precision.MONTH_PART:
                return f"{y:04d}-{m:02d}-{PARTS[self._index]}"
            case Precision.QUARTER:
                return f"{y:04d}-Q{self._index + 1}"
            case Precision.TERTIAL:
                return f"{y:04d}-T{self._index + 1}"
            case Precision.HALF:
                return f"{y:04d}-H{self._index + 1}"
            case Precision.SEASON:
                return f"{y:04d}-{SEASONS[self._index][0]}"
            case Precision.YEAR_PART:
                return f"{y:04d}-{PARTS[self._index]}"
            case Precision.TURN:
                return f"{y:04d}/{y + 1:04d}"
            case _:
                return f"{y:04d}"

    @classmethod
    def from_canonical(cls, text: str) -> VagueDate:
        """Strict inverse of :meth:`canonical`, for stored values."""
        m = _canonical_form().fullmatch(text)
        if m is None:
            raise DateParseError(
                f"”{_shown(text)}” är inte ett lagrat datum. Förväntat ÅÅÅÅ-MM-DD, ÅÅÅÅ-Wnn, ÅÅÅÅ-MM, "
                "ÅÅÅÅ-MM-början, ÅÅÅÅ-Qn, ÅÅÅÅ-Tn, ÅÅÅÅ-Hn, ÅÅÅÅ-hösten, ÅÅÅÅ-början, ÅÅÅÅ eller ÅÅÅÅ/ÅÅÅÅ."
            )
        g = m.groupdict()
        y = int(g["y"])
        if g["turn"] is not None:
            return _turn(y, int(g["turn"]))
        if g["d"] is not None:
            return _day(y, int(g["mo"]), int(g["d"]))
        if g["mpart"] is not None:
            return _month_part(y, int(g["mo"]), PARTS.index(g["mpart"]) + 1)
        if g["mo"] is not None:
            return _month(y, int(g["mo"]))
        if g["w"] is not None:
            return _week(y, int(g["w"]))
        if g["q"] is not None:
            return _quarter(y, int(g["q"]))
        if g["t"] is not None:
            return _tertial(y, int(g["t"]))
        if g["h"] is not None:
            return _half(y, int(g["h"]))
        if g["season"] is not None:
            return _season(y, _SEASON_WORDS[g["season"]])
        if g["ypart"] is not None:
            return _year_part(y, PARTS.index(g["ypart"]) + 1)
        return _year(y)

    def format(self, style: str = "long") -> str:
        """Document form: "2024-11-18", "v. 47 2024", "september 2025" / "sep 2025", "Q3 2025",
        "tertial 2 2026" / "T2 2026", "första halvåret 2026" / "H1 2026", "hösten 2025",
        "mitten av mars 2026", "början av 2026", "2025", "årsskiftet 2025/2026"."""
        if style not in _STYLES:
            raise ValueError(f"style must be one of {_STYLES}, got {style!r}")
        s, p = self.start, self.precision
        y, m = s.year, s.month
        long = style == "long"
        match p:
            case Precision.DAY:
                return s.isoformat()
            case Precision.WEEK:
                iso = s.isocalendar()
                return f"v. {iso.week} {iso.year}"
            case Precision.MONTH:
                return f"{_month_name(m, style)} {y}"
            case Precision.MONTH_PART:
                return f"{PARTS[self._index]} av {_month_name(m, 'long')} {y}"
            case Precision.QUARTER:
                return f"Q{self._index + 1} {y}"
            case Precision.TERTIAL:
                return f"tertial {self._index + 1} {y}" if long else f"T{self._index + 1} {y}"
            case Precision.HALF:
                n = self._index + 1
                return f"{'första' if n == 1 else 'andra'} halvåret {y}" if long else f"H{n} {y}"
            case Precision.SEASON:
                return f"{SEASONS[self._index][0]} {y}"
            case Precision.YEAR_PART:
                return f"{PARTS[self._index]} av {y}"
            case Precision.TURN:
                return f"årsskiftet {y}/{y + 1}"
            case _:
                return str(y)


def _month_name(month: int, style: str) -> str:
    return (MONTHS_LONG if style == "long" else MONTHS_SHORT)[month - 1].lower()


def capitalised(text: str) -> str:
    """Text as it starts a table cell where the organisation's style capitalises it ("Mars 2026")."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class VagueRange:
    """A period between two vague dates; either side may be open (None). Not validated on construction."""

    start: VagueDate | None
    end: VagueDate | None

    def format(self, style: str = "short") -> str:
        return format_range(self.start, self.end, style)


def format_range(start: VagueDate | None, end: VagueDate | None, style: str = "short") -> str:
    """ "okt 2024 – jan 2025", "v. 12–14 2026"; a lone or repeated date is written once; nothing gives ""."""
    if start is not None and end is not None and start != end:
        if start.precision is end.precision is Precision.WEEK:
            a, b = start.start.isocalendar(), end.start.isocalendar()
            if a.year == b.year and a.week <= b.week:  # "v. 5–1 2000" would read as crossing a new year
                return f"v. {a.week}–{b.week} {a.year}"
        return f"{start.format(style)} – {end.format(style)}"
    only = start if start is not None else end
    return "" if only is None else only.format(style)


def validate_order(start: VagueDate | None, end: VagueDate | None) -> None:
    """Raise if the end period lies wholly before the start period.

    Overlap is allowed on purpose: "2025-09-15 – september 2025" is a sensible range.
    """
    if start is not None and end is not None and end.last_day < start.first_day:
        raise DateParseError(
            f"Slutdatum {end.format()} ligger före startdatum {start.format()}. "
            "Ändra ordningen eller rätta något av datumen."
        )


# --- moving by a period's own unit -------------------------------------------------


def unit_days(v: VagueDate) -> float:
    """About how many days one step of `v`'s own unit is (to turn a drag distance into steps)."""
    if v.precision is Precision.TURN:
        return 365.25
    if v.precision is Precision.SEASON:
        return 365.25 / len(SEASONS)
    if v.precision in (Precision.MONTH_PART, Precision.YEAR_PART):
        return (30.44 if v.precision is Precision.MONTH_PART else 365.25) / len(PARTS)
    return {Precision.DAY: 1.0, Precision.WEEK: 7.0}.get(v.precision, 30.44 * _MONTHS_LONG_PERIODS.get(v.precision, 1))


def step_date(v: VagueDate, steps: int) -> VagueDate:
    """`v` moved by whole periods of its own kind, keeping its precision: a week by weeks,
    a quarter by quarters, "hösten 2025" one step on to "våren 2026".

    Raises ValueError when the result falls outside MIN_YEAR–MAX_YEAR.
    """
    p, s = v.precision, v.start
    if steps == 0:
        return v
    if p is Precision.DAY:
        return VagueDate(s + timedelta(days=steps), p)
    if p is Precision.WEEK:
        return VagueDate(s + timedelta(weeks=steps), p)
    if p is Precision.MONTH_PART:
        months, part = divmod(v._index + steps, len(PARTS))
        first = _months_after(date(s.year, s.month, 1), months)
        return VagueDate(first.replace(day=_MONTH_PART_DAYS[part]), p)
    if p is Precision.SEASON:
        years, index = divmod(v._index + steps, len(SEASONS))
        return VagueDate.season(s.year + years, index)
    step = 12 if p is Precision.TURN else _MONTHS_LONG_PERIODS[p]
    return VagueDate(_months_after(s, step * steps), p)


# --- parsing -----------------------------------------------------------------


def _shown(text: str) -> str:
    """The user's text, shortened so a pasted paragraph doesn't flood the message."""
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "…"


def _unrecognised(text: str) -> DateParseError:
    return DateParseError(f"Kunde inte tolka ”{_shown(text)}” som ett datum. Godkända former: {_EXAMPLES}.")


def _missing_year(text: str) -> _MissingYearError:
    shown = _shown(text)
    return _MissingYearError(f"Året saknas i ”{shown}”. Skriv till exempel ”{shown} 2025”.")


def _check_year(y: int) -> None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise DateParseError(f"Året {y} ligger utanför det tillåtna intervallet {MIN_YEAR}–{MAX_YEAR}.")


def _check_month(m: int) -> None:
    if not 1 <= m <= 12:
        raise DateParseError(f"Ogiltig månad: {m}. Månaden måste vara mellan 1 och 12.")


def _day(y: int, m: int, d: int) -> VagueDate:
    _check_year(y)
    _check_month(m)
    if not 1 <= d <= 31:
        raise DateParseError(f"Ogiltig dag: {d}. Dagen måste vara mellan 1 och 31.")
    days = calendar.monthrange(y, m)[1]
    if d > days:
        raise DateParseError(
            f"Ogiltigt datum: {MONTHS_LONG[m - 1].lower()} {y} har inte {d} dagar, bara {days}."
        )
    return VagueDate.day(y, m, d)


def _week(y: int, w: int) -> VagueDate:
    if not MIN_YEAR <= y <= MAX_YEAR + 1:  # the last days of MAX_YEAR may lie in the next year's week 1
        _check_year(y)
    weeks = date(y, 12, 28).isocalendar().week  # 28 December always lies in the year's last week
    if not 1 <= w <= weeks:
        raise DateParseError(f"Ogiltig vecka: v. {w}. År {y} har veckorna 1–{weeks}.")
    monday = date.fromisocalendar(y, w, 1)
    _check_year(monday.year)
    return VagueDate(monday, Precision.WEEK)


def _month(y: int, m: int) -> VagueDate:
    _check_year(y)
    _check_month(m)
    return VagueDate.month(y, m)


def _month_part(y: int, m: int, part: int) -> VagueDate:
    _check_year(y)
    _check_month(m)
    return VagueDate.month_part(y, m, part)


def _numbered(y: int, n: int, most: int, what: str, example: str, make: Callable[[int, int], VagueDate]) -> VagueDate:
    _check_year(y)
    if not 1 <= n <= most:
        raise DateParseError(f"Ogiltigt {what}: {n}. Det måste vara mellan 1 och {most}, till exempel {example}.")
    return make(y, n)


def _quarter(y: int, q: int) -> VagueDate:
    _check_year(y)
    if not 1 <= q <= 4:
        raise DateParseError(
            f"Ogiltigt kvartal: Q{q}. Kvartalet måste vara mellan 1 och 4, till exempel Q3 2025."
        )
    return VagueDate.quarter(y, q)


def _tertial(y: int, t: int) -> VagueDate:
    return _numbered(y, t, 3, "tertial", "T2 2026", VagueDate.tertial)


def _half(y: int, h: int) -> VagueDate:
    return _numbered(y, h, 2, "halvår", "H1 2026", VagueDate.half)


def _season(y: int, index: int) -> VagueDate:
    _check_year(y)
    return VagueDate.season(y, index)


def _year_part(y: int, part: int) -> VagueDate:
    _check_year(y)
    return VagueDate.year_part(y, part)


def _year(y: int) -> VagueDate:
    _check_year(y)
    return VagueDate.year(y)


def _turn_or_month(first: int, written: str) -> VagueDate:
    """ "2025/2026" and "2025/26" are the turn of the year; "2025/09" stays a month."""
    second = int(written)
    if len(written) == 2:
        if second != (first + 1) % 100:
            return _month(first, second)
        second = first + 1
    return _turn(first, second)


def _turn(first: int, second: int) -> VagueDate:
    if second != first + 1:
        raise DateParseError(
            f"Ett årsskifte är mellan två år som följer på varandra, till exempel årsskiftet {first}/{first + 1}."
        )
    _check_year(first)
    return VagueDate.turn(first)


def _month_word(word: str) -> int:
    try:
        return _MONTH_WORDS[word]
    except KeyError:
        raise DateParseError(
            f"”{_shown(word)}” är inget känt månadsnamn. Skriv till exempel september, sep eller sept."
        ) from None


def _year_or_today(g: dict[str, str | None], text: str, today: date | None) -> int:
    if g.get("y") is not None:
        return int(g["y"])  # type: ignore[arg-type]
    if g.get("yy") is not None:  # two-digit years are this century: "241118", "31/10-25"
        return 2000 + int(g["yy"])  # type: ignore[arg-type]
    if today is None:
        raise _missing_year(text)
    return today.year


@cache
def _canonical_form() -> re.Pattern[str]:
    parts = "|".join(PARTS)
    seasons = "|".join(name for name, _, _ in SEASONS)
    return re.compile(
        rf"(?P<y>[0-9]{{4}})(?:/(?P<turn>[0-9]{{4}})"
        rf"|-(?P<mo>[0-9]{{2}})(?:-(?P<d>[0-9]{{2}})|-(?P<mpart>{parts}))?"
        rf"|-W(?P<w>[0-9]{{2}})|-Q(?P<q>[0-9])|-T(?P<t>[0-9])|-H(?P<h>[0-9])"
        rf"|-(?P<season>{seasons})|-(?P<ypart>{parts}))?"
    )


_Y = r"(?P<y>[0-9]{4})"
_OPT_Y = rf"(?:,? {_Y})?"
_YY = r"(?:(?P<y>[0-9]{4})|(?P<yy>[0-9]{2}))"
_WORD = r"(?P<w>[^\W\d_]+)\.?"  # any letters, so unknown month names get their own message
_WEEK = r"(?:v|v\.|vecka|veckan|w)"
_Handler = Callable[[dict, str, date | None], VagueDate]


def _y(g: dict, t: str, today: date | None) -> int:
    return _year_or_today(g, t, today)


# Tried in order with fullmatch on lower-cased, whitespace-collapsed text. Numbers are
# captured loosely ("2025-13", "Q5") so the handler can say precisely what is wrong.
# [0-9] rather than \d: \d also matches other scripts' digits, which int() would accept.
@cache
def _forms() -> list[tuple[re.Pattern[str], _Handler]]:
    # Compiled at the first parse, not at import: the GUI shows dates at start but parses none.
    seasons = "|".join(_SEASON_WORDS)
    return [
        (re.compile(rf"{_Y}(?P<s>[-/.])(?P<m>[0-9]{{1,2}})(?P=s)(?P<d>[0-9]{{1,2}})"),
         lambda g, t, today: _day(int(g["y"]), int(g["m"]), int(g["d"]))),
        (re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
         lambda g, t, today: _day(int(g["y"]), int(g["m"]), int(g["d"]))),
        (re.compile(r"(?P<yy>[0-9]{2})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
         lambda g, t, today: _day(2000 + int(g["yy"]), int(g["m"]), int(g["d"]))),
        # årsskiftet 2025/2026, 2025/2026, 2025/26
        (re.compile(r"(?:års?skiftet )?(?P<a>[0-9]{4}) ?/ ?(?P<b>[0-9]{4}|[0-9]{2})"),
         lambda g, t, today: _turn_or_month(int(g["a"]), g["b"])),
        # 18/11 2024, 18/11/2024, 18.11.2024, 18/11-24, 18/11 (year from today)
        (re.compile(rf"(?P<d>[0-9]{{1,2}})(?P<s>[/.])(?P<m>[0-9]{{1,2}})(?:(?:(?P=s)|[ -]){_YY})?"),
         lambda g, t, today: _day(_y(g, t, today), int(g["m"]), int(g["d"]))),
        # ISO weeks: v. 12 2026, vecka 12 2026, v12, 2026-W12, 2026W12, v. 12, 2026
        (re.compile(rf"{_WEEK} ?(?P<w>[0-9]{{1,2}}){_OPT_Y}"),
         lambda g, t, today: _week(_week_year(g, t, today), int(g["w"]))),
        (re.compile(rf"{_Y}-?w(?P<w>[0-9]{{1,2}})"),
         lambda g, t, today: _week(int(g["y"]), int(g["w"]))),
        # Quarters come before the word forms: "3:e kvartalet 2025" would otherwise look like a day.
        (re.compile(rf"q(?P<q>[0-9]{{1,2}})(?:[ -]?{_Y})?"),
         lambda g, t, today: _quarter(_y(g, t, today), int(g["q"]))),
        (re.compile(rf"{_Y}[ -]?q(?P<q>[0-9]{{1,2}})"),
         lambda g, t, today: _quarter(int(g["y"]), int(g["q"]))),
        (re.compile(rf"kv(?:artal)?\.? ?(?P<q>[0-9]{{1,2}})(?: {_Y})?"),
         lambda g, t, today: _quarter(_y(g, t, today), int(g["q"]))),
        (re.compile(rf"(?P<q>[0-9]{{1,2}})(?::[ae])? kvartalet(?: {_Y})?"),
         lambda g, t, today: _quarter(_y(g, t, today), int(g["q"]))),
        (re.compile(rf"(?P<qw>första|andra|tredje|fjärde) kvartalet(?: {_Y})?"),
         lambda g, t, today: _quarter(_y(g, t, today), _ORDINALS[g["qw"]])),
        # Tertials: T2 2026, tertial 2 2026, 2026-T2, andra tertialet 2026
        (re.compile(rf"(?:t|tertial) ?(?P<n>[0-9]{{1,2}})(?:[ -]?{_Y})?"),
         lambda g, t, today: _tertial(_y(g, t, today), int(g["n"]))),
        (re.compile(rf"{_Y}[ -]?t(?P<n>[0-9]{{1,2}})"),
         lambda g, t, today: _tertial(int(g["y"]), int(g["n"]))),
        (re.compile(rf"(?P<n>[0-9])(?::[ae])? tertialet{_OPT_Y}"),
         lambda g, t, today: _tertial(_y(g, t, today), int(g["n"]))),
        (re.compile(rf"(?P<nw>första|andra|tredje|fjärde) tertialet{_OPT_Y}"),
         lambda g, t, today: _tertial(_y(g, t, today), _ORDINALS[g["nw"]])),
        # Half-years: H1 2026, halvår 1 2026, 2026-H1, första halvåret 2026
        (re.compile(rf"(?:h|halvår|halvåret) ?(?P<n>[0-9]{{1,2}})(?:[ -]?{_Y})?"),
         lambda g, t, today: _half(_y(g, t, today), int(g["n"]))),
        (re.compile(rf"{_Y}[ -]?h(?P<n>[0-9]{{1,2}})"),
         lambda g, t, today: _half(int(g["y"]), int(g["n"]))),
        (re.compile(rf"(?P<nw>första|andra|tredje) halvåret{_OPT_Y}"),
         lambda g, t, today: _half(_y(g, t, today), _ORDINALS[g["nw"]])),
        # Seasons: våren 2026, hösten 2025, 2026-hösten
        (re.compile(rf"(?P<season>{seasons}){_OPT_Y}"),
         lambda g, t, today: _season(_y(g, t, today), _SEASON_WORDS[g["season"]])),
        (re.compile(rf"{_Y}-(?P<season>{seasons})"),
         lambda g, t, today: _season(int(g["y"]), _SEASON_WORDS[g["season"]])),
        # Parts of a year or a month: början av 2026, mitten av mars 2026, i slutet av 2025, 2026-början
        (re.compile(rf"(?:i )?(?P<part>{'|'.join(_PART_WORDS)}) av (?:året )?(?P<rest>.+)"),
         lambda g, t, today: _part_of(g, t, today)),
        (re.compile(rf"{_Y}-(?:(?P<m>[0-9]{{2}})-)?(?P<part>{'|'.join(PARTS)})"),
         lambda g, t, today: _part_of({"part": g["part"], "rest": f"{g['y']}-{g['m']}" if g["m"] else g["y"]},
                                      t, today)),
        # Years: verksamhetsår 2026, verksamhetsåret 2026, år 2026, året 2026
        (re.compile(rf"(?:verksamhetsåret|verksamhetsår|året|år|budgetåret|budgetår) {_Y}"),
         lambda g, t, today: _year(int(g["y"]))),
        # 18 nov 2024, 18 november 2024, 18 nov. 2024, 18:e nov 2024
        (re.compile(rf"(?P<d>[0-9]{{1,2}})(?::[ae])? {_WORD}(?: {_Y})?"),
         lambda g, t, today: _day_from_words(g, t, today)),
        # september 2025, sep 2025, sept. 2025, Okt 2024, september (year from today)
        (re.compile(rf"{_WORD}(?: {_Y})?"),
         lambda g, t, today: _month_from_words(g, t, today)),
        (re.compile(rf"{_Y}[-/](?P<m>[0-9]{{1,2}})"),
         lambda g, t, today: _month(int(g["y"]), int(g["m"]))),
        (re.compile(_Y),
         lambda g, t, today: _year(int(g["y"]))),
    ]


def _week_year(g: dict, text: str, today: date | None) -> int:
    if g.get("y") is None and today is not None:
        return today.isocalendar().year  # "v12" means this week-numbering year's week 12
    return _year_or_today(g, text, today)


def _part_of(g: dict, text: str, today: date | None) -> VagueDate:
    part = _PART_WORDS[g["part"]] + 1
    period = parse_date(g["rest"], today=today)
    if period.precision is Precision.YEAR:
        return VagueDate.year_part(period.start.year, part)
    if period.precision is Precision.MONTH:
        return VagueDate.month_part(period.start.year, period.start.month, part)
    raise DateParseError(
        f"Början, mitten eller slutet går att ange för ett år eller en månad, till exempel "
        f"”slutet av 2025” eller ”mitten av mars 2026”, inte för ”{_shown(g['rest'])}”."
    )


def _day_from_words(g: dict, text: str, today: date | None) -> VagueDate:
    m = _month_word(g["w"])  # an unknown name is a worse problem than a missing year
    return _day(_year_or_today(g, text, today), m, int(g["d"]))


def _month_from_words(g: dict, text: str, today: date | None) -> VagueDate:
    if g["y"] is None and g["w"] not in _MONTH_WORDS:  # a lone word ("hello") is not a misspelt month
        raise _unrecognised(text)
    m = _month_word(g["w"])
    return _month(_year_or_today(g, text, today), m)


def _normalised(text: str) -> str:
    norm = " ".join(text.split()).lower()
    if norm.endswith("."):  # "18 nov." / end of a sentence
        norm = norm[:-1].rstrip()
    if norm.startswith(("under ", "i ")) and not norm.startswith(("i början", "i mitten", "i slutet")):
        norm = norm.split(" ", 1)[1]  # "under hösten 2025", "i mars 2026"
    return norm


def parse_date(text: str, *, today: date | None = None) -> VagueDate:
    """Parse one Swedish date form. ``today`` supplies the year for "september", "v12" or "18/11"."""
    norm = _normalised(text)
    if not norm:
        raise DateParseError(f"Datum saknas. Godkända former: {_EXAMPLES}.")
    if _week_range_form().fullmatch(norm):
        raise DateParseError(
            f"”{_shown(text)}” är en period med flera veckor. Skriv den i fältet för start och slut "
            "eller ange en vecka, till exempel v. 12 2026."
        )
    for pattern, handler in _forms():
        m = pattern.fullmatch(norm)
        if m is not None:
            return handler(m.groupdict(), text, today)
    raise _unrecognised(text)


# --- ranges -------------------------------------------------------------------------

# A spaced dash, "--" or "till" is an unambiguous separator; a bare dash ("241121-241217",
# "okt 2024–jan 2025") counts only where both sides parse, because ISO dates contain hyphens.
_SEPARATOR = re.compile(r"\s+(?:till|--|[-–—])\s+|\s*(?:--|[-–—])\s*", re.IGNORECASE)
_OPEN_START = re.compile(r"(?:till\s+|[-–—]\s*)(?P<rest>.+)", re.IGNORECASE)
_OPEN_END = re.compile(r"(?P<rest>.+?)\s*[-–—]")


@cache
def _week_range_form() -> re.Pattern[str]:
    # v. 12–14 2026, vecka 12-14 2026, veckorna 12–14 2026, v. 52–2 2026 (crossing the new year)
    return re.compile(rf"(?:{_WEEK}|veckorna) ?(?P<a>[0-9]{{1,2}}) ?[-–—] ?(?P<b>[0-9]{{1,2}}){_OPT_Y}")


class _OrderError(DateParseError):
    """Both sides parsed but are reversed: no other split of the text should be tried."""


def _side(text: str, label: str, today: date | None) -> VagueDate | None:
    """One side of a range, None if only its year is missing; errors name the side."""
    try:
        return parse_date(text, today=today)
    except _MissingYearError:
        return None
    except DateParseError as err:
        raise DateParseError(f"{label}: {err}") from None


def _borrow_year(text: str, year: int) -> VagueDate:
    return parse_date(text, today=date(year, 7, 1))  # mid-year: its ISO week-year is `year` too


def _parse_pair(left: str, right: str, today: date | None) -> VagueRange:
    # Sides are first read without `today`, so "okt – dec 2025" takes 2025 from its
    # other side rather than from the calendar; "nov – feb 2025" then means nov 2024.
    start = _side(left, "Startdatumet", None)
    end = _side(right, "Slutdatumet", None)
    if start is None and end is None:
        start = _side(left, "Startdatumet", today)
        end = _side(right, "Slutdatumet", today)
        if start is None or end is None:  # no `today` either
            raise _missing_year(left if start is None else right)
        if end.last_day < start.first_day and start.start.year < MAX_YEAR:  # "nov – feb" crosses new year
            end = _borrow_year(right, start.start.year + 1)
    elif start is None:
        start = _borrow_year(left, end.start.year)
        if end.last_day < start.first_day and end.start.year > MIN_YEAR:
            start = _borrow_year(left, end.start.year - 1)
    elif end is None:
        end = _borrow_year(right, start.start.year)
        if end.last_day < start.first_day and start.start.year < MAX_YEAR:
            end = _borrow_year(right, start.start.year + 1)
    try:
        validate_order(start, end)
    except DateParseError as err:
        raise _OrderError(str(err)) from None
    return VagueRange(start, end)


def _week_range(m: re.Match[str], today: date | None) -> VagueRange:
    a, b = int(m["a"]), int(m["b"])
    if m["y"] is None and today is None:
        raise _missing_year(m.string)
    year = int(m["y"]) if m["y"] is not None else today.isocalendar().year  # type: ignore[union-attr]
    # The year written belongs to the end; "v. 52–2 2026" starts in the year before.
    end = _week(year, b)
    start = _week(year - 1 if a > b else year, a)
    if start == end:
        return VagueRange(start, None)
    return VagueRange(start, end)


def parse_range(text: str, *, today: date | None = None) -> VagueRange:
    """Parse "okt 2024 – jan 2025", "v. 12–14 2026", "241121 – 241217", "maj 2024 till okt 2025",
    "2025-09-01 -- 2025-10-20" or one date.

    A single date gives ``VagueRange(d, None)``; "– jan 2025" gives an open start and
    "okt 2024 –" an open end. Raises DateParseError if the end lies before the start.
    """
    norm = " ".join(text.split())
    if (m := _week_range_form().fullmatch(_normalised(norm))) is not None:
        return _week_range(m, today)
    try:
        return VagueRange(parse_date(norm, today=today), None)
    except DateParseError as err:
        single_error = err
    if not norm:
        raise single_error
    if len(norm) > 100:  # every split is tried, so bound the work on pasted paragraphs
        raise DateParseError(f"Texten ”{_shown(norm)}” är för lång för att vara ett datum eller en period.")
    if (m := _OPEN_START.fullmatch(norm)) is not None:
        return VagueRange(None, _side(m["rest"], "Slutdatumet", today) or parse_date(m["rest"], today=today))
    if (m := _OPEN_END.fullmatch(norm)) is not None:
        return VagueRange(_side(m["rest"], "Startdatumet", today) or parse_date(m["rest"], today=today), None)

    spaced_error: DateParseError | None = None
    for sep in _SEPARATOR.finditer(norm):
        try:
            return _parse_pair(norm[: sep.start()], norm[sep.end():], today)
        except _OrderError:
            raise
        except DateParseError as err:
            if spaced_error is None and sep.group()[0].isspace() and sep.group()[-1].isspace():
                spaced_error = err  # the writer clearly meant a range here: explain this split
    raise spaced_error or single_error
