"""Reading dates as people and files write them: `parse_date` and `parse_range` take the many
hand-written forms of Swedish documents (ACCEPTED_FORMS) and their English twins (ACCEPTED_FORMS_EN:
"March 2026", "end of March 2026", "2nd quarter", "weeks 12–14 2026"), in either language whatever
the window's; `from_canonical` the strict stored form. What they cannot read is refused with a
sentence in the window's language that shows the accepted forms (in that language too). The
periods themselves, their document forms and their canonical form are app.dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache

from app import date_periods as periods
from app.i18n import swedish, tr
from app.dates import (
    MAX_YEAR, MIN_YEAR, MONTHS_EN, MONTHS_LONG, MONTHS_SHORT, PARTS, PARTS_EN, SEASONS, SEASONS_EN, DateParseError,
    Precision, VagueDate, VagueRange, validate_order,
)

_MONTH_WORDS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTHS_LONG, 1)},
    **{name.lower(): i for i, name in enumerate(MONTHS_SHORT, 1)},
    "mar": 3, "jun": 6, "jul": 7, "sept": 9,
    **{name.lower(): i for i, name in enumerate(MONTHS_EN, 1)},
    "may": 5, "oct": 10,  # the English short names that differ from the Swedish ones
}
_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}
_SEASON_WORDS = {
    **{name: i for i, (name, _, _) in enumerate(SEASONS)},
    "vår": 0, "sommar": 1, "höst": 2, "vårterminen": 0, "höstterminen": 2,
    **{name: i for i, name in enumerate(SEASONS_EN)}, "fall": 2,
}
# "slutet av 2025", "end of March 2026"; and English's own "early", "mid", "late" before a period
_PART_WORDS = {"början": 0, "mitten": 1, "mitt": 1, "slutet": 2, "slut": 2, "beginning": 0, "start": 0,
               "middle": 1, "end": 2, **{word: i for i, word in enumerate(PARTS_EN)}}
_ORDINAL_END = r"(?::[ae]|st|nd|rd|th)?"  # 3:e, 2:a, 3rd, 2nd
_ORDINAL_WORDS = "|".join(_ORDINALS)

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
ACCEPTED_FORMS_EN = (
    ("day", "2026-03-15, 15 March 2026, March 15 2026, 15/3 2026"),
    ("week", "week 12 2026, wk 12 2026, 2026-W12"),
    ("weeks", "weeks 12–14 2026"),
    ("month", "March 2026, Mar 2026, 2026-03"),
    ("quarter", "Q3 2027, 3rd quarter 2027, 2027-Q3"),
    ("tertial", "T2 2026, tertial 2 2026"),
    ("half-year", "H1 2026, first half of 2026"),
    ("season", "spring 2026, summer 2026, autumn 2025"),
    ("part of a year or month", "early 2026, mid-March 2026, end of 2025"),
    ("year", "2026, year 2026, turn of the year 2025/2026"),
    ("period", "Oct 2024 – Jan 2025, 2025-09-01 -- 2025-10-20"),
)


def _examples() -> str:
    """The accepted forms, in the window's language."""
    return "; ".join(f"{kind}: {examples}" for kind, examples in (ACCEPTED_FORMS if swedish() else ACCEPTED_FORMS_EN))


class _MissingYearError(DateParseError):
    """A form that is valid apart from lacking a year; ranges may borrow the other side's."""


def _shown(text: str) -> str:
    """The user's text, shortened so a pasted paragraph doesn't flood the message."""
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "…"


def _unrecognised(text: str) -> DateParseError:
    return DateParseError(tr("Kunde inte tolka ”{text}” som ett datum. Godkända former: {forms}.", text=_shown(text),
                             forms=_examples()))


def _missing_year(text: str) -> _MissingYearError:
    shown = _shown(text)
    return _MissingYearError(tr("Året saknas i ”{text}”. Skriv till exempel ”{text} 2025”.", text=shown))


def _month_word(word: str) -> int:
    try:
        return _MONTH_WORDS[word]
    except KeyError:
        raise DateParseError(tr("”{word}” är inget känt månadsnamn. Skriv till exempel september, sep eller sept.",
                                word=_shown(word))) from None


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
_OPT_Y = rf"(?:,? (?:of )?{_Y})?"  # "2026", ", 2026", "of 2026"
_YY = r"(?:(?P<y>[0-9]{4})|(?P<yy>[0-9]{2}))"
_WORD = r"(?P<w>[^\W\d_]+)\.?"  # any letters, so unknown month names get their own message
_WEEK = r"(?:v|v\.|vecka|veckan|w|wk\.?|week)"
_Handler = Callable[[dict, str, date | None], VagueDate]


def _y(g: dict, t: str, today: date | None) -> int:
    return _year_or_today(g, t, today)


# Tried in order with fullmatch on lower-cased, whitespace-collapsed text. Numbers are
# captured loosely ("2025-13", "Q5") so the handler can say precisely what is wrong.
# [0-9] rather than \d: \d also matches other scripts' digits, which int() would accept.
@cache
def _forms() -> list[tuple[re.Pattern[str], _Handler]]:
    # Compiled at the first parse, not at import: the GUI shows dates at start but parses none.
    return [*_day_week_quarter_forms(), *_longer_period_forms()]


def _day_week_quarter_forms() -> list[tuple[re.Pattern[str], _Handler]]:
    return [
        (re.compile(rf"{_Y}(?P<s>[-/.])(?P<m>[0-9]{{1,2}})(?P=s)(?P<d>[0-9]{{1,2}})"),
         lambda g, t, today: periods.day(int(g["y"]), int(g["m"]), int(g["d"]))),
        (re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
         lambda g, t, today: periods.day(int(g["y"]), int(g["m"]), int(g["d"]))),
        (re.compile(r"(?P<yy>[0-9]{2})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
         lambda g, t, today: periods.day(2000 + int(g["yy"]), int(g["m"]), int(g["d"]))),
        # årsskiftet 2025/2026, 2025/2026, 2025/26, turn of the year 2025/2026
        (re.compile(r"(?:års?skiftet |turn of (?:the )?(?:year )?)?(?P<a>[0-9]{4}) ?/ ?(?P<b>[0-9]{4}|[0-9]{2})"),
         lambda g, t, today: periods.turn_or_month(int(g["a"]), g["b"])),
        # 18/11 2024, 18/11/2024, 18.11.2024, 18/11-24, 18/11 (year from today)
        (re.compile(rf"(?P<d>[0-9]{{1,2}})(?P<s>[/.])(?P<m>[0-9]{{1,2}})(?:(?:(?P=s)|[ -]){_YY})?"),
         lambda g, t, today: periods.day(_y(g, t, today), int(g["m"]), int(g["d"]))),
        # ISO weeks: v. 12 2026, vecka 12 2026, v12, 2026-W12, 2026W12, v. 12, 2026
        (re.compile(rf"{_WEEK} ?(?P<w>[0-9]{{1,2}}){_OPT_Y}"),
         lambda g, t, today: periods.week(_week_year(g, t, today), int(g["w"]))),
        (re.compile(rf"{_Y}-?w(?P<w>[0-9]{{1,2}})"),
         lambda g, t, today: periods.week(int(g["y"]), int(g["w"]))),
        # Quarters come before the word forms: "3:e kvartalet 2025" would otherwise look like a day.
        (re.compile(rf"q(?P<q>[0-9]{{1,2}})(?:[ -]?{_Y})?"),
         lambda g, t, today: periods.quarter(_y(g, t, today), int(g["q"]))),
        (re.compile(rf"{_Y}[ -]?q(?P<q>[0-9]{{1,2}})"),
         lambda g, t, today: periods.quarter(int(g["y"]), int(g["q"]))),
        (re.compile(rf"(?:kv(?:artal)?|quarter)\.? ?(?P<q>[0-9]{{1,2}})(?: {_Y})?"),
         lambda g, t, today: periods.quarter(_y(g, t, today), int(g["q"]))),
        (re.compile(rf"(?P<q>[0-9]{{1,2}}){_ORDINAL_END} (?:kvartalet|quarter){_OPT_Y}"),
         lambda g, t, today: periods.quarter(_y(g, t, today), int(g["q"]))),
        (re.compile(rf"(?P<qw>{_ORDINAL_WORDS}) (?:kvartalet|quarter){_OPT_Y}"),
         lambda g, t, today: periods.quarter(_y(g, t, today), _ORDINALS[g["qw"]])),
    ]


def _longer_period_forms() -> list[tuple[re.Pattern[str], _Handler]]:
    """Tertials, halves, seasons, then parts of a year or month, years, and days and months in words."""
    seasons = "|".join(_SEASON_WORDS)
    return [
        # Tertials: T2 2026, tertial 2 2026, 2026-T2, andra tertialet 2026, 2nd tertial 2026
        (re.compile(rf"(?:t|tertial) ?(?P<n>[0-9]{{1,2}})(?:[ -]?{_Y})?"),
         lambda g, t, today: periods.tertial(_y(g, t, today), int(g["n"]))),
        (re.compile(rf"{_Y}[ -]?t(?P<n>[0-9]{{1,2}})"),
         lambda g, t, today: periods.tertial(int(g["y"]), int(g["n"]))),
        (re.compile(rf"(?P<n>[0-9]){_ORDINAL_END} (?:tertialet|tertial){_OPT_Y}"),
         lambda g, t, today: periods.tertial(_y(g, t, today), int(g["n"]))),
        (re.compile(rf"(?P<nw>{_ORDINAL_WORDS}) (?:tertialet|tertial){_OPT_Y}"),
         lambda g, t, today: periods.tertial(_y(g, t, today), _ORDINALS[g["nw"]])),
        # Half-years: H1 2026, halvår 1 2026, 2026-H1, första halvåret 2026, first half of 2026, 2nd half
        (re.compile(rf"(?:h|halvår|halvåret|half|half-year) ?(?P<n>[0-9]{{1,2}})(?:[ -]?{_Y})?"),
         lambda g, t, today: periods.half(_y(g, t, today), int(g["n"]))),
        (re.compile(rf"{_Y}[ -]?h(?P<n>[0-9]{{1,2}})"),
         lambda g, t, today: periods.half(int(g["y"]), int(g["n"]))),
        (re.compile(rf"(?P<n>[0-9]){_ORDINAL_END} (?:halvåret|half){_OPT_Y}"),
         lambda g, t, today: periods.half(_y(g, t, today), int(g["n"]))),
        (re.compile(rf"(?P<nw>första|andra|tredje|first|second|third) (?:halvåret|half){_OPT_Y}"),
         lambda g, t, today: periods.half(_y(g, t, today), _ORDINALS[g["nw"]])),
        # Seasons: våren 2026, hösten 2025, 2026-hösten, autumn 2025
        (re.compile(rf"(?P<season>{seasons}){_OPT_Y}"),
         lambda g, t, today: periods.season(_y(g, t, today), _SEASON_WORDS[g["season"]])),
        (re.compile(rf"{_Y}-(?P<season>{seasons})"),
         lambda g, t, today: periods.season(int(g["y"]), _SEASON_WORDS[g["season"]])),
        *_word_forms(),
    ]


def _word_forms() -> list[tuple[re.Pattern[str], _Handler]]:
    """Parts of a year or a month, years, and days and months in words."""
    return [
        # Parts of a year or a month: början av 2026, mitten av mars 2026, i slutet av 2025, 2026-början,
        # end of March 2026, beginning of 2026; early April, mid-March 2026, late 2026
        (re.compile(rf"(?P<part>{'|'.join(_PART_WORDS)}) (?:av|of) (?:året |the year )?(?P<rest>.+)"),
         _part_of),
        (re.compile(rf"(?P<part>{'|'.join(PARTS_EN)})[ -](?P<rest>.+)"),
         _part_of),
        (re.compile(rf"{_Y}-(?:(?P<m>[0-9]{{2}})-)?(?P<part>{'|'.join(PARTS)})"),
         lambda g, t, today: _part_of({"part": g["part"], "rest": f"{g['y']}-{g['m']}" if g["m"] else g["y"]},
                                      t, today)),
        # Years: verksamhetsår 2026, verksamhetsåret 2026, år 2026, året 2026, year 2026, fiscal year 2026
        (re.compile(rf"(?:verksamhetsåret|verksamhetsår|året|år|budgetåret|budgetår|year|fiscal year|fy) {_Y}"),
         lambda g, t, today: periods.year(int(g["y"]))),
        # 18 nov 2024, 18 november 2024, 18 nov. 2024, 18:e nov 2024, 18th of November 2024
        (re.compile(rf"(?P<d>[0-9]{{1,2}}){_ORDINAL_END} (?:of )?{_WORD}(?:,? {_Y})?"),
         lambda g, t, today: _day_from_words(g, t, today)),
        # November 18 2024, Nov 18th, 2024
        (re.compile(rf"{_WORD} (?P<d>[0-9]{{1,2}}){_ORDINAL_END}(?:,? {_Y})?"),
         lambda g, t, today: _day_from_words(g, t, today, month_first=True)),
        # september 2025, sep 2025, sept. 2025, Okt 2024, March, 2026, september (year from today)
        (re.compile(rf"{_WORD}{_OPT_Y}"),
         lambda g, t, today: _month_from_words(g, t, today)),
        (re.compile(rf"{_Y}[-/](?P<m>[0-9]{{1,2}})"),
         lambda g, t, today: periods.month(int(g["y"]), int(g["m"]))),
        (re.compile(_Y),
         lambda g, t, today: periods.year(int(g["y"]))),
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
    raise DateParseError(tr("Början, mitten eller slutet går att ange för ett år eller en månad, till exempel "
                            "”slutet av 2025” eller ”mitten av mars 2026”, inte för ”{text}”.", text=_shown(g["rest"])))


def _day_from_words(g: dict, text: str, today: date | None, *, month_first: bool = False) -> VagueDate:
    if month_first and g["w"] not in _MONTH_WORDS:  # "q 3", "foo 12": not a day in words at all
        raise _unrecognised(text)
    m = _month_word(g["w"])  # an unknown name is a worse problem than a missing year
    return periods.day(_year_or_today(g, text, today), m, int(g["d"]))


def _month_from_words(g: dict, text: str, today: date | None) -> VagueDate:
    if g["y"] is None and g["w"] not in _MONTH_WORDS:  # a lone word ("hello") is not a misspelt month
        raise _unrecognised(text)
    m = _month_word(g["w"])
    return periods.month(_year_or_today(g, text, today), m)


_LEADING = ("under ", "i ", "in ", "during ", "at ")


def _normalised(text: str) -> str:
    norm = " ".join(text.split()).lower()
    if norm.endswith("."):  # "18 nov." / end of a sentence
        norm = norm[:-1].rstrip()
    if norm.startswith(_LEADING):
        norm = norm.split(" ", 1)[1]  # "under hösten 2025", "i mars 2026", "in March 2026", "at the end of 2026"
    if norm.startswith("the "):
        norm = norm[4:]  # "the first half of 2026", "(at) the end of March"
    return norm


def parse_date(text: str, *, today: date | None = None) -> VagueDate:
    """Parse one Swedish date form. ``today`` supplies the year for "september", "v12" or "18/11"."""
    norm = _normalised(text)
    if not norm:
        raise DateParseError(tr("Datum saknas. Godkända former: {forms}.", forms=_examples()))
    if _week_range_form().fullmatch(norm):
        raise DateParseError(tr("”{text}” är en period med flera veckor. Skriv den i fältet för start och slut "
                                "eller ange en vecka, till exempel v. 12 2026.", text=_shown(text)))
    for pattern, handler in _forms():
        m = pattern.fullmatch(norm)
        if m is not None:
            return handler(m.groupdict(), text, today)
    raise _unrecognised(text)


# --- ranges -------------------------------------------------------------------------

# A spaced dash, "--" or "till" is an unambiguous separator; a bare dash ("241121-241217",
# "okt 2024–jan 2025") counts only where both sides parse, because ISO dates contain hyphens.
_SEPARATOR = re.compile(r"\s+(?:till|to|until|--|[-–—])\s+|\s*(?:--|[-–—])\s*", re.IGNORECASE)
_OPEN_START = re.compile(r"(?:till\s+|to\s+|until\s+|[-–—]\s*)(?P<rest>.+)", re.IGNORECASE)
_OPEN_END = re.compile(r"(?P<rest>.+?)\s*[-–—]")


@cache
def _week_range_form() -> re.Pattern[str]:
    # v. 12–14 2026, vecka 12-14 2026, veckorna 12–14 2026, v. 52–2 2026 (crossing the new year)
    return re.compile(rf"(?:{_WEEK}|veckorna|weeks|wks) ?(?P<a>[0-9]{{1,2}}) ?[-–—] ?(?P<b>[0-9]{{1,2}}){_OPT_Y}")


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
    start = _side(left, tr("Startdatumet"), None)
    end = _side(right, tr("Slutdatumet"), None)
    if start is None and end is None:
        start = _side(left, tr("Startdatumet"), today)
        end = _side(right, tr("Slutdatumet"), today)
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
    end = periods.week(year, b)
    start = periods.week(year - 1 if a > b else year, a)
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
        raise DateParseError(tr("Texten ”{text}” är för lång för att vara ett datum eller en period.", text=_shown(norm)))
    if (m := _OPEN_START.fullmatch(norm)) is not None:
        return VagueRange(None, _side(m["rest"], tr("Slutdatumet"), today) or parse_date(m["rest"], today=today))
    if (m := _OPEN_END.fullmatch(norm)) is not None:
        return VagueRange(_side(m["rest"], tr("Startdatumet"), today) or parse_date(m["rest"], today=today), None)

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


def stored_or_none(text: str | None) -> VagueDate | None:
    """A stored date, or None when there is none or it cannot be read (an export writes what it can)."""
    if not text:
        return None
    try:
        return from_canonical(text)
    except (DateParseError, ValueError):
        return None


def from_canonical(text: str) -> VagueDate:
    """Strict inverse of VagueDate.canonical, for stored values."""
    m = _canonical_form().fullmatch(text)
    if m is None:
        raise DateParseError(tr("”{text}” är inte ett lagrat datum. Förväntat ÅÅÅÅ-MM-DD, ÅÅÅÅ-Wnn, ÅÅÅÅ-MM, "
                                "ÅÅÅÅ-MM-början, ÅÅÅÅ-Qn, ÅÅÅÅ-Tn, ÅÅÅÅ-Hn, ÅÅÅÅ-hösten, ÅÅÅÅ-början, ÅÅÅÅ eller "
                                "ÅÅÅÅ/ÅÅÅÅ.", text=_shown(text)))
    # The form is told by the group that matched last (each form ends with a group of its own): asking
    # it alone, not for a dict of every group, was a fifth of reading a stored date.
    y, form = int(m["y"]), m.lastgroup
    if form == "turn":
        return periods.turn(y, int(m["turn"]))
    if form == "d":
        return periods.day(y, int(m["mo"]), int(m["d"]))
    if form == "mpart":
        return periods.month_part(y, int(m["mo"]), PARTS.index(m["mpart"]) + 1)
    if form == "mo":
        return periods.month(y, int(m["mo"]))
    if form == "w":
        return periods.week(y, int(m["w"]))
    if form == "q":
        return periods.quarter(y, int(m["q"]))
    if form == "t":
        return periods.tertial(y, int(m["t"]))
    if form == "h":
        return periods.half(y, int(m["h"]))
    if form == "season":
        return periods.season(y, _SEASON_WORDS[m["season"]])
    if form == "ypart":
        return periods.year_part(y, PARTS.index(m["ypart"]) + 1)
    return periods.year(y)
