"""Vague dates as they appear in Swedish assignment documents.

Documents say "september 2025", "v. 12 2026", "hösten 2025", "slutet av 2025" or
"okt 2024 – jan 2025" rather than exact days, so a date here is the first day of a
period plus its precision. Parsing is forgiving (many hand-written forms), `format()`
is the document style (month names in lower case, as Swedish prose writes them),
`english()` the same in English ("March 2026", "early April 2026"), `shown()` whichever of
the two the window's language asks for (documents are written inside app.i18n.in_swedish,
so they stay Swedish), and ``canonical()`` is the strict form used for storage and the plan
JSON. Whatever `format()`, `english()` or `canonical()` writes, app.date_text reads back to
the same period.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property, total_ordering

from app.i18n import swedish, tr

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTHS_EN",
    "MONTHS_EN_SHORT",
    "MONTHS_LONG",
    "MONTHS_SHORT",
    "PARTS",
    "PARTS_EN",
    "SEASONS",
    "SEASONS_EN",
    "DateParseError",
    "Precision",
    "VagueDate",
    "VagueRange",
    "capitalised",
    "format_range",
    "month_shown",
    "shown_range",
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

_STYLES = ("long", "short")

# The same in English, for showing dates in English mode (documents stay Swedish).
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTHS_EN_SHORT = tuple(name[:3] for name in MONTHS_EN)
SEASONS_EN = ("spring", "summer", "autumn")  # the periods of SEASONS
PARTS_EN = ("early", "mid", "late")  # "early March 2026", "mid-March 2026", "late 2026"


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
    """Bad date text; ``str(err)`` is a plain message for the user, in the window's language."""


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

    def _written(self, style: str) -> tuple[int, int, bool]:
        """Year, month and whether `style` is "long", for the written forms; a style not known is refused."""
        if style not in _STYLES:
            raise ValueError(f"style must be one of {_STYLES}, got {style!r}")
        return self.start.year, self.start.month, style == "long"

    def format(self, style: str = "long") -> str:
        """Document form: "2024-11-18", "v. 47 2024", "september 2025" / "sep 2025", "Q3 2025",
        "tertial 2 2026" / "T2 2026", "första halvåret 2026" / "H1 2026", "hösten 2025",
        "mitten av mars 2026", "början av 2026", "2025", "årsskiftet 2025/2026"."""
        y, m, long = self._written(style)
        s, p = self.start, self.precision
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

    def english(self, style: str = "long") -> str:
        """The form of `format()` in English: "2024-11-18", "week 47 2024" / "wk 47 2024",
        "September 2025" / "Sep 2025", "Q3 2025", "tertial 2 2026" / "T2 2026", "first half of 2026" /
        "H1 2026", "autumn 2025", "mid-March 2026", "early 2026", "2025", "turn of the year 2025/2026"."""
        y, m, long = self._written(style)
        s, p = self.start, self.precision
        match p:
            case Precision.WEEK:
                iso = s.isocalendar()
                return f"{'week' if long else 'wk'} {iso.week} {iso.year}"
            case Precision.MONTH:
                return f"{(MONTHS_EN if long else MONTHS_EN_SHORT)[m - 1]} {y}"
            case Precision.MONTH_PART:
                return _part_en(self._index, f"{MONTHS_EN[m - 1]} {y}")
            case Precision.HALF:
                n = self._index + 1
                return f"{'first' if n == 1 else 'second'} half of {y}" if long else f"H{n} {y}"
            case Precision.SEASON:
                return f"{SEASONS_EN[self._index]} {y}"
            case Precision.YEAR_PART:
                return _part_en(self._index, str(y))
            case Precision.TURN:
                return f"turn of the year {y}/{y + 1}"
            case _:  # a day, a quarter, a tertial, a year: written alike but for "tertial"'s own word
                return self.format(style)

    def shown(self, style: str = "long") -> str:
        """The date as the window's language writes it: `format()` in Swedish, `english()` in English."""
        return self.format(style) if swedish() else self.english(style)


def _part_en(index: int, period: str) -> str:
    return f"{PARTS_EN[index]}{'-' if index == 1 else ' '}{period}"


def _month_name(month: int, style: str) -> str:
    return (MONTHS_LONG if style == "long" else MONTHS_SHORT)[month - 1].lower()


def month_shown(month: int) -> str:
    """A month's name as a sentence in the window's language names it: "februari", "February"."""
    return _month_name(month, "long") if swedish() else MONTHS_EN[month - 1]


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


def format_range(start: VagueDate | None, end: VagueDate | None, style: str = "short", *,
                 english: bool = False) -> str:
    """ "okt 2024 – jan 2025", "v. 12–14 2026"; a lone or repeated date is written once; nothing gives "".
    `english`: "Oct 2024 – Jan 2025", "weeks 12–14 2026"."""
    written = VagueDate.english if english else VagueDate.format
    if start is not None and end is not None and start != end:
        if start.precision is end.precision is Precision.WEEK:
            a, b = start.start.isocalendar(), end.start.isocalendar()
            if a.year == b.year and a.week <= b.week:  # "v. 5–1 2000" would read as crossing a new year
                return f"{'weeks' if english else 'v.'} {a.week}–{b.week} {a.year}"
        return f"{written(start, style)} – {written(end, style)}"
    only = start if start is not None else end
    return "" if only is None else written(only, style)


def shown_range(start: VagueDate | None, end: VagueDate | None, style: str = "short") -> str:
    """`format_range` in the window's language."""
    return format_range(start, end, style, english=not swedish())


def validate_order(start: VagueDate | None, end: VagueDate | None) -> None:
    """Raise if the end period lies wholly before the start period.

    Overlap is allowed on purpose: "2025-09-15 – september 2025" is a sensible range.
    """
    if start is not None and end is not None and end.last_day < start.first_day:
        raise DateParseError(tr("Slutdatum {end} ligger före startdatum {start}. "
                                "Ändra ordningen eller rätta något av datumen.", end=end.shown(), start=start.shown()))


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
