"""Vague dates as they appear in Swedish assignment documents.

Documents say "September 2025", "Q3 2025", "241118" or "Okt 2024 – Jan 2025" rather
than exact days, so a date here is the first day of a period plus its precision.
Parsing is forgiving (many hand-written forms), formatting is the document style,
and ``canonical()`` is the strict, sortable form used for storage.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache, cached_property

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTHS_LONG",
    "MONTHS_SHORT",
    "DateParseError",
    "Precision",
    "VagueDate",
    "VagueRange",
    "format_range",
    "parse_date",
    "parse_range",
    "validate_order",
]

# Sane bounds for plans; they also catch typos such as "20255" -> "2025" slips.
MIN_YEAR = 1900
MAX_YEAR = 2199

# Index 0 is January. Capitalised as written in the documents' tables.
MONTHS_LONG = (
    "Januari", "Februari", "Mars", "April", "Maj", "Juni",
    "Juli", "Augusti", "September", "Oktober", "November", "December",
)
MONTHS_SHORT = (
    "Jan", "Feb", "Mars", "Apr", "Maj", "Juni",
    "Juli", "Aug", "Sep", "Okt", "Nov", "Dec",
)

_MONTH_WORDS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTHS_LONG, 1)},
    **{name.lower(): i for i, name in enumerate(MONTHS_SHORT, 1)},
    "mar": 3, "jun": 6, "jul": 7, "sept": 9,
}
_QUARTER_WORDS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}

_EXAMPLES = (
    "2024-11-18, 241118, 18/11 2024, 18 nov 2024, September 2025, sep 2025, 2025-09, Q3 2025 eller 2025"
)
_STYLES = ("long", "short")


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class DateParseError(ValueError):
    """Bad date text; ``str(err)`` is a plain Swedish message meant for the user."""


class _MissingYearError(DateParseError):
    """A form that is valid apart from lacking a year; ranges may borrow the other side's."""


@dataclass(frozen=True, order=True)
class VagueDate:
    """A period: ``start`` is its first day, ``precision`` its length.

    Ordering is by start, then precision (day < month < quarter < year).
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
        aligned = {
            Precision.DAY: True,
            Precision.MONTH: s.day == 1,
            Precision.QUARTER: s.day == 1 and s.month % 3 == 1,
            Precision.YEAR: s.day == 1 and s.month == 1,
        }[p]
        if not aligned:
            raise ValueError(f"{s.isoformat()} is not the first day of a {p.value}")

    @classmethod
    def day(cls, year: int, month: int, day: int) -> VagueDate:
        return cls(date(year, month, day), Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> VagueDate:
        return cls(date(year, month, 1), Precision.MONTH)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> VagueDate:
        if not 1 <= quarter <= 4:
            raise ValueError(f"quarter must be 1–4, got {quarter}")
        return cls(date(year, 3 * quarter - 2, 1), Precision.QUARTER)

    @classmethod
    def year(cls, year: int) -> VagueDate:
        return cls(date(year, 1, 1), Precision.YEAR)

    @property
    def first_day(self) -> date:
        return self.start

    @cached_property  # a VagueDate never changes; validate_order asks for it often
    def last_day(self) -> date:
        y, m = self.start.year, self.start.month
        if self.precision is Precision.DAY:
            return self.start
        if self.precision is Precision.MONTH:
            return date(y, m, calendar.monthrange(y, m)[1])
        if self.precision is Precision.QUARTER:
            end_month = m + 2
            return date(y, end_month, calendar.monthrange(y, end_month)[1])
        return date(y, 12, 31)

    def canonical(self) -> str:
        y, m = self.start.year, self.start.month
        match self.precision:
            case Precision.DAY:
                return self.start.isoformat()
            case Precision.MONTH:
                return f"{y:04d}-{m:02d}"
            case Precision.QUARTER:
                return f"{y:04d}-Q{(m - 1) // 3 + 1}"
            case _:
                return f"{y:04d}"

    @classmethod
    def from_canonical(cls, text: str) -> VagueDate:
        """Strict inverse of :meth:`canonical`, for stored values."""
        m = re.fullmatch(r"([0-9]{4})(?:-Q([0-9])|-([0-9]{2})(?:-([0-9]{2}))?)?", text)
        if m is None:
            raise DateParseError(
                f"”{_shown(text)}” är inte ett lagrat datum. "
                "Förväntat ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ-Qn eller ÅÅÅÅ."
            )
        y, q, mo, d = m.groups()
        if q is not None:
            return _quarter(int(y), int(q))
        if d is not None:
            return _day(int(y), int(mo), int(d))
        if mo is not None:
            return _month(int(y), int(mo))
        return _year(int(y))

    def format(self, style: str = "long") -> str:
        """Document form: "2024-11-18", "September 2025" / "Sep 2025", "Q3 2025", "2025"."""
        if style not in _STYLES:
            raise ValueError(f"style must be one of {_STYLES}, got {style!r}")
        y, m = self.start.year, self.start.month
        match self.precision:
            case Precision.DAY:
                return self.start.isoformat()
            case Precision.MONTH:
                names = MONTHS_LONG if style == "long" else MONTHS_SHORT
                return f"{names[m - 1]} {y}"
            case Precision.QUARTER:
                return f"Q{(m - 1) // 3 + 1} {y}"
            case _:
                return str(y)


@dataclass(frozen=True)
class VagueRange:
    """A period between two vague dates; either side may be open (None). Not validated on construction."""

    start: VagueDate | None
    end: VagueDate | None

    def format(self, style: str = "short") -> str:
        return format_range(self.start, self.end, style)


def format_range(start: VagueDate | None, end: VagueDate | None, style: str = "short") -> str:
    """ "Okt 2024 – Jan 2025"; a lone or repeated date is written once; nothing gives ""."""
    if start is not None and end is not None and start != end:
        return f"{start.format(style)} – {end.format(style)}"
    only = start if start is not None else end
    return "" if only is None else only.format(style)


def validate_order(start: VagueDate | None, end: VagueDate | None) -> None:
    """Raise if the end period lies wholly before the start period.

    Overlap is allowed on purpose: "2025-09-15 – September 2025" is a sensible range.
    """
    if start is not None and end is not None and end.last_day < start.first_day:
        raise DateParseError(
            f"Slutdatum {end.format()} ligger före startdatum {start.format()}. "
            "Ändra ordningen eller rätta något av datumen."
        )


# --- parsing -----------------------------------------------------------------


def _shown(text: str) -> str:
    """The user's text, shortened so a pasted paragraph doesn't flood the message."""
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "…"


def _unrecognised(text: str) -> DateParseError:
    return DateParseError(
        f"Kunde inte tolka ”{_shown(text)}” som ett datum. Godkända former är till exempel {_EXAMPLES}."
    )


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


def _month(y: int, m: int) -> VagueDate:
    _check_year(y)
    _check_month(m)
    return VagueDate.month(y, m)


def _quarter(y: int, q: int) -> VagueDate:
    _check_year(y)
    if not 1 <= q <= 4:
        raise DateParseError(
            f"Ogiltigt kvartal: Q{q}. Kvartalet måste vara mellan 1 och 4, till exempel Q3 2025."
        )
    return VagueDate.quarter(y, q)


def _year(y: int) -> VagueDate:
    _check_year(y)
    return VagueDate.year(y)


def _month_word(word: str) -> int:
    try:
        return _MONTH_WORDS[word]
    except KeyError:
        raise DateParseError(
            f"”{_shown(word)}” är inget känt månadsnamn. Skriv till exempel september, sep eller sept."
        ) from None


def _year_or_today(g: dict[str, str | None], text: str, today: date | None) -> int:
    if g.get("y") is not None:
        return int(g["y"])
    if g.get("yy") is not None:  # two-digit years are this century: "241118", "31/10-25"
        return 2000 + int(g["yy"])
    if today is None:
        raise _missing_year(text)
    return today.year


_Y = r"(?P<y>[0-9]{4})"
_YY = r"(?:(?P<y>[0-9]{4})|(?P<yy>[0-9]{2}))"
_WORD = r"(?P<w>[^\W\d_]+)\.?"  # any letters, so unknown month names get their own message
_Handler = Callable[[dict, str, date | None], VagueDate]

# Tried in order with fullmatch on lower-cased, whitespace-collapsed text. Numbers are
# captured loosely ("2025-13", "Q5") so the handler can say precisely what is wrong.
# [0-9] rather than \d: \d also matches other scripts' digits, which int() would accept.
@cache
def _forms() -> list[tuple[re.Pattern[str], _Handler]]:
    # Compiled at the first parse, not at import: the GUI shows dates at start but parses none.
    return [
        (re.compile(rf"{_Y}(?P<s>[-/.])(?P<m>[0-9]{{1,2}})(?P=s)(?P<d>[0-9]{{1,2}})"),
         lambda g, t, today: _day(int(g["y"]), int(g["m"]), int(g["d"]))),
        (re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
         lambda g, t, today: _day(int(g["y"]), int(g["m"]), int(g["d"]))),
        (re.compile(r"(?P<yy>[0-9]{2})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
         lambda g, t, today: _day(2000 + int(g["yy"]), int(g["m"]), int(g["d"]))),
        # 18/11 2024, 18/11/2024, 18.11.2024, 18/11-24, 18/11 (year from today)
        (re.compile(rf"(?P<d>[0-9]{{1,2}})(?P<s>[/.])(?P<m>[0-9]{{1,2}})(?:(?:(?P=s)|[ -]){_YY})?"),
         lambda g, t, today: _day(_year_or_today(g, t, today), int(g["m"]), int(g["d"]))),
        # Quarters come before the word forms: "3:e kvartalet 2025" would otherwise look like a day.
        (re.compile(rf"q(?P<q>[0-9]{{1,2}})(?:[ -]?{_Y})?"),
         lambda g, t, today: _quarter(_year_or_today(g, t, today), int(g["q"]))),
        (re.compile(rf"{_Y}[ -]?q(?P<q>[0-9]{{1,2}})"),
         lambda g, t, today: _quarter(int(g["y"]), int(g["q"]))),
        (re.compile(rf"kv(?:artal)?\.? ?(?P<q>[0-9]{{1,2}})(?: {_Y})?"),
         lambda g, t, today: _quarter(_year_or_today(g, t, today), int(g["q"]))),
        (re.compile(rf"(?P<q>[0-9]{{1,2}})(?::[ae])? kvartalet(?: {_Y})?"),
         lambda g, t, today: _quarter(_year_or_today(g, t, today), int(g["q"]))),
        (re.compile(rf"(?P<qw>första|andra|tredje|fjärde) kvartalet(?: {_Y})?"),
         lambda g, t, today: _quarter(_year_or_today(g, t, today), _QUARTER_WORDS[g["qw"]])),
        # 18 nov 2024, 18 november 2024, 18 nov. 2024, 18:e nov 2024
        (re.compile(rf"(?P<d>[0-9]{{1,2}})(?::[ae])? {_WORD}(?: {_Y})?"),
         lambda g, t, today: _day_from_words(g, t, today)),
        # September 2025, sep 2025, sept. 2025, Okt 2024, September (year from today)
        (re.compile(rf"{_WORD}(?: {_Y})?"),
         lambda g, t, today: _month_from_words(g, t, today)),
        (re.compile(rf"{_Y}[-/](?P<m>[0-9]{{1,2}})"),
         lambda g, t, today: _month(int(g["y"]), int(g["m"]))),
        (re.compile(_Y),
         lambda g, t, today: _year(int(g["y"]))),
    ]


def _day_from_words(g: dict, text: str, today: date | None) -> VagueDate:
    m = _month_word(g["w"])  # an unknown name is a worse problem than a missing year
    return _day(_year_or_today(g, text, today), m, int(g["d"]))


def _month_from_words(g: dict, text: str, today: date | None) -> VagueDate:
    if g["y"] is None and g["w"] not in _MONTH_WORDS:  # a lone word ("hello") is not a misspelt month
        raise _unrecognised(text)
    m = _month_word(g["w"])
    return _month(_year_or_today(g, text, today), m)


def parse_date(text: str, *, today: date | None = None) -> VagueDate:
    """Parse one Swedish date form. ``today`` supplies the year for "September" or "18/11"."""
    norm = " ".join(text.split()).lower()
    if norm.endswith("."):  # "18 nov." / end of a sentence
        norm = norm[:-1].rstrip()
    if not norm:
        raise DateParseError(f"Datum saknas. Skriv till exempel {_EXAMPLES}.")
    for pattern, handler in _forms():
        m = pattern.fullmatch(norm)
        if m is not None:
            return handler(m.groupdict(), text, today)
    raise _unrecognised(text)


# A spaced dash or "till" is an unambiguous separator; a bare dash ("241121-241217",
# "Okt 2024–Jan 2025") counts only where both sides parse, because ISO dates contain hyphens.
_SEPARATOR = re.compile(r"\s+(?:till|[-–—])\s+|\s*[-–—]\s*", re.IGNORECASE)
_OPEN_START = re.compile(r"(?:till\s+|[-–—]\s*)(?P<rest>.+)", re.IGNORECASE)
_OPEN_END = re.compile(r"(?P<rest>.+?)\s*[-–—]")


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
    return parse_date(text, today=date(year, 1, 1))


def _parse_pair(left: str, right: str, today: date | None) -> VagueRange:
    # Sides are first read without `today`, so "Okt – Dec 2025" takes 2025 from its
    # other side rather than from the calendar; "Nov – Feb 2025" then means Nov 2024.
    start = _side(left, "Startdatumet", None)
    end = _side(right, "Slutdatumet", None)
    if start is None and end is None:
        start = _side(left, "Startdatumet", today)
        end = _side(right, "Slutdatumet", today)
        if start is None or end is None:  # no `today` either
            raise _missing_year(left if start is None else right)
        if end.last_day < start.first_day and start.start.year < MAX_YEAR:  # "Nov – Feb" crosses new year
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


def parse_range(text: str, *, today: date | None = None) -> VagueRange:
    """Parse "Okt 2024 – Jan 2025", "241121 – 241217", "Maj 2024 till Okt 2025" or one date.

    A single date gives ``VagueRange(d, None)``; "– Jan 2025" gives an open start and
    "Okt 2024 –" an open end. Raises DateParseError if the end lies before the start.
    """
    norm = " ".join(text.split())
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
