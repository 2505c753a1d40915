from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.dates import MONTHS_LONG, MONTHS_SHORT, DateParseError, Precision, VagueDate, VagueRange, format_range, validate_order
from app.date_text import ACCEPTED_FORMS, from_canonical, parse_date, parse_range

D, M, Q, Y = VagueDate.day, VagueDate.month, VagueDate.quarter, VagueDate.year


# --- parsing: every accepted form ------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-18", D(2024, 11, 18)),
        ("20241118", D(2024, 11, 18)),
        ("241118", D(2024, 11, 18)),
        ("18/11 2024", D(2024, 11, 18)),
        ("31/10 2025", D(2025, 10, 31)),
        ("18/11/2024", D(2024, 11, 18)),
        ("18.11.2024", D(2024, 11, 18)),
        ("18/11-24", D(2024, 11, 18)),
        ("1/2 2025", D(2025, 2, 1)),
        ("18 nov 2024", D(2024, 11, 18)),
        ("18 november 2024", D(2024, 11, 18)),
        ("18 nov. 2024", D(2024, 11, 18)),
        ("18 NOV 2024", D(2024, 11, 18)),
        ("29/2 2024", D(2024, 2, 29)),
        ("September 2025", M(2025, 9)),
        ("sep 2025", M(2025, 9)),
        ("sept 2025", M(2025, 9)),
        ("sept. 2025", M(2025, 9)),
        ("Okt 2024", M(2024, 10)),
        ("oktober 2024", M(2024, 10)),
        ("OKTOBER 2024", M(2024, 10)),
        ("mars 2025", M(2025, 3)),
        ("mar 2025", M(2025, 3)),
        ("juni 2025", M(2025, 6)),
        ("jun 2025", M(2025, 6)),
        ("jul 2025", M(2025, 7)),
        ("juli 2025", M(2025, 7)),
        ("maj 2025", M(2025, 5)),
        ("dec 2025", M(2025, 12)),
        ("2025-09", M(2025, 9)),
        ("Q3 2025", Q(2025, 3)),
        ("q1 2025", Q(2025, 1)),
        ("kvartal 3 2025", Q(2025, 3)),
        ("3:e kvartalet 2025", Q(2025, 3)),
        ("tredje kvartalet 2025", Q(2025, 3)),
        ("2025-Q3", Q(2025, 3)),
        ("2025-q4", Q(2025, 4)),
        ("2025", Y(2025)),
        ("1900", Y(1900)),
        ("2199", Y(2199)),
        # surrounding whitespace, inner runs of whitespace and one trailing period are ignored
        ("  2024-11-18  ", D(2024, 11, 18)),
        ("\tSeptember\u00a0 2025\n", M(2025, 9)),
        ("Q3 2025.", Q(2025, 3)),
        ("2025.", Y(2025)),
    ],
)
def test_parse_date_accepts(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September", M(2024, 9)),
        ("sept.", M(2024, 9)),
        ("18 nov", D(2024, 11, 18)),
        ("18/11", D(2024, 11, 18)),
        ("Q3", Q(2024, 3)),
    ],
)
def test_year_taken_from_today_only_when_given(text, expected):
    assert parse_date(text, today=date(2024, 5, 6)) == expected
    with pytest.raises(DateParseError, match="Året saknas"):
        parse_date(text)


def test_explicit_year_beats_today():
    assert parse_date("September 2025", today=date(2024, 5, 6)) == M(2025, 9)


# --- parsing: rejected input and its messages -------------------------------------

@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Datum saknas"),
        ("   ", "Datum saknas"),
        (".", "Datum saknas"),
        ("31/2 2025", "februari 2025 har inte 31 dagar"),
        ("29/2 2025", "februari 2025 har inte 29 dagar"),
        ("31/4 2025", "april 2025 har inte 31 dagar"),
        ("2025-02-30", "februari 2025 har inte 30 dagar"),
        ("0/1 2025", "Ogiltig dag"),
        ("32/1 2025", "Ogiltig dag"),
        ("2025-13", "Ogiltig månad"),
        ("2025-00", "Ogiltig månad"),
        ("18/13 2025", "Ogiltig månad"),
        ("251318", "Ogiltig månad"),
        ("Q5 2025", "Ogiltigt kvartal"),
        ("Q0 2025", "Ogiltigt kvartal"),
        ("2025-Q5", "Ogiltigt kvartal"),
        ("Q10 2025", "Ogiltigt kvartal: Q10"),
        ("kvartal 7 2025", "Ogiltigt kvartal"),
        ("hello", "Kunde inte tolka"),
        ("septober 2025", "inget känt månadsnamn"),
        ("18 novembr 2025", "inget känt månadsnamn"),
        ("1899", "utanför det tillåtna intervallet 1900–2199"),
        ("2200", "utanför det tillåtna intervallet"),
        ("Sep 1850", "utanför"),
        ("20251", "Kunde inte tolka"),
        ("September", "Året saknas"),
        ("2024-11-18 extra", "Kunde inte tolka"),
        ("Octobre 2025", "inget känt månadsnamn"),
        ("31 February 2025", "februari 2025 har inte 31 dagar"),  # read in English, said in Swedish
        ("5th quarter 2025", "Ogiltigt kvartal: Q5"),
        ("third half of 2025", "Ogiltigt halvår: 3"),
        ("end of Q3 2025", "inte för ”q3 2025”"),
        ("Smarch 12 2025", "Kunde inte tolka"),  # a word before a day number is a month name or nothing
    ],
)
def test_parse_date_rejects_with_swedish_message(text, fragment):
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    message = str(info.value)
    assert fragment in message
    assert message[0].isupper() or message[0] == "”"
    assert message.endswith(".")


def test_unrecognised_text_message_lists_accepted_forms():
    message = str(pytest.raises(DateParseError, parse_date, "hello").value)
    assert "”hello”" in message
    for _kind, examples in ACCEPTED_FORMS:
        for form in examples.split(", "):
            assert form in message


def test_date_parse_error_is_a_value_error():
    assert issubclass(DateParseError, ValueError)


# --- VagueDate: periods, construction, canonical and display forms -----------------

@pytest.mark.parametrize(
    ("vd", "first", "last"),
    [
        (D(2024, 2, 29), date(2024, 2, 29), date(2024, 2, 29)),
        (M(2024, 2), date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        (M(2025, 2), date(2025, 2, 1), date(2025, 2, 28)),
        (M(1900, 2), date(1900, 2, 1), date(1900, 2, 28)),  # century, not leap
        (M(2000, 2), date(2000, 2, 1), date(2000, 2, 29)),  # divisible by 400, leap
        (M(2025, 4), date(2025, 4, 1), date(2025, 4, 30)),
        (M(2025, 12), date(2025, 12, 1), date(2025, 12, 31)),
        (Q(2025, 1), date(2025, 1, 1), date(2025, 3, 31)),
        (Q(2025, 2), date(2025, 4, 1), date(2025, 6, 30)),
        (Q(2025, 3), date(2025, 7, 1), date(2025, 9, 30)),
        (Q(2025, 4), date(2025, 10, 1), date(2025, 12, 31)),
        (Y(2024), date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_first_and_last_day(vd, first, last):
    assert vd.first_day == first
    assert vd.last_day == last


@pytest.mark.parametrize(
    ("vd", "canonical", "long", "short"),
    [
        (D(2024, 11, 18), "2024-11-18", "2024-11-18", "2024-11-18"),
        (M(2025, 9), "2025-09", "september 2025", "sep 2025"),
        (M(2025, 3), "2025-03", "mars 2025", "mars 2025"),
        (M(2024, 10), "2024-10", "oktober 2024", "okt 2024"),
        (Q(2025, 3), "2025-Q3", "Q3 2025", "Q3 2025"),
        (Y(2025), "2025", "2025", "2025"),
    ],
)
def test_canonical_and_format(vd, canonical, long, short):
    assert vd.canonical() == canonical
    assert from_canonical(canonical) == vd
    assert vd.format() == long
    assert vd.format("long") == long
    assert vd.format("short") == short


def test_month_names():
    assert MONTHS_LONG[0] == "Januari" and MONTHS_LONG[11] == "December"
    assert list(MONTHS_SHORT) == ["Jan", "Feb", "Mars", "Apr", "Maj", "Juni",
                                  "Juli", "Aug", "Sep", "Okt", "Nov", "Dec"]


@pytest.mark.parametrize(
    "text",
    ["", "2025-9", "2025-13", "2025-Q5", "2025-02-30", "1899", "18/11 2024", " 2025", "2025-q3", "Q3 2025"],
)
def test_from_canonical_is_strict(text):
    with pytest.raises(DateParseError):
        from_canonical(text)


def test_constructor_requires_first_day_of_period():
    with pytest.raises(ValueError):
        VagueDate(date(2025, 9, 15), Precision.MONTH)
    with pytest.raises(ValueError):
        VagueDate(date(2025, 2, 1), Precision.QUARTER)
    with pytest.raises(ValueError):
        VagueDate(date(2025, 2, 1), Precision.YEAR)
    with pytest.raises(ValueError):
        VagueDate.quarter(2025, 5)
    with pytest.raises(ValueError):
        VagueDate.year(1899)


def test_constructor_accepts_precision_as_stored_string():
    vd = VagueDate(date(2025, 7, 1), "quarter")
    assert vd.precision is Precision.QUARTER
    assert vd == Q(2025, 3)


def test_constructor_rejects_datetime():
    from datetime import datetime

    with pytest.raises(TypeError):
        VagueDate(datetime(2025, 1, 1), Precision.DAY)


def test_ordering_is_by_start_then_precision():
    assert D(2025, 1, 5) < M(2025, 2) < Q(2025, 2) < Y(2026)
    assert Y(2025) > M(2025, 1) > D(2025, 1, 1)
    assert sorted([Y(2025), M(2025, 1), D(2025, 1, 1)]) == [D(2025, 1, 1), M(2025, 1), Y(2025)]


def test_format_rejects_unknown_style():
    with pytest.raises(ValueError):
        M(2025, 9).format("medium")


# --- ranges --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Okt 2024 – Jan 2025", M(2024, 10), M(2025, 1)),
        ("Maj 2024 – Okt 2025", M(2024, 5), M(2025, 10)),
        ("Jan 2025 – April 2025", M(2025, 1), M(2025, 4)),
        ("Okt 2024 - Jan 2025", M(2024, 10), M(2025, 1)),
        ("Okt 2024 — Jan 2025", M(2024, 10), M(2025, 1)),
        ("Okt 2024–Jan 2025", M(2024, 10), M(2025, 1)),
        ("Maj 2024 till Okt 2025", M(2024, 5), M(2025, 10)),
        ("241121 – 241217", D(2024, 11, 21), D(2024, 12, 17)),
        ("241121-241217", D(2024, 11, 21), D(2024, 12, 17)),
        ("2024-11-18 – 2024-12-01", D(2024, 11, 18), D(2024, 12, 1)),
        ("2024-11-18-2024-12-01", D(2024, 11, 18), D(2024, 12, 1)),
        ("2025-2026", Y(2025), Y(2026)),
        ("Q3 2025 – 2026", Q(2025, 3), Y(2026)),
        ("2025-09-15 – September 2025", D(2025, 9, 15), M(2025, 9)),  # overlap is fine
        ("Okt – Dec 2025", M(2025, 10), M(2025, 12)),  # year borrowed from the other side
        ("Nov – Feb 2025", M(2024, 11), M(2025, 2)),  # ... crossing new year
        ("Nov 2024 – Feb", M(2024, 11), M(2025, 2)),
        ("2024-11-18", D(2024, 11, 18), None),
        ("2025-09", M(2025, 9), None),
        ("September 2025", M(2025, 9), None),
        ("– Jan 2025", None, M(2025, 1)),
        ("Okt 2024 –", M(2024, 10), None),
    ],
)
def test_parse_range(text, start, end):
    assert parse_range(text) == VagueRange(start, end)


def test_parse_range_uses_today_for_missing_years():
    today = date(2024, 5, 6)
    assert parse_range("Okt – Dec", today=today) == VagueRange(M(2024, 10), M(2024, 12))
    assert parse_range("Nov – Feb", today=today) == VagueRange(M(2024, 11), M(2025, 2))
    assert parse_range("18/11 – 20/11", today=today) == VagueRange(D(2024, 11, 18), D(2024, 11, 20))
    # the other side's year wins over today's
    assert parse_range("Okt – Dec 2025", today=today) == VagueRange(M(2025, 10), M(2025, 12))
    with pytest.raises(DateParseError, match="Året saknas"):
        parse_range("Okt – Dec")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Jan 2025 – Okt 2024", "Slutdatum oktober 2024 ligger före startdatum januari 2025"),
        ("2025 – Q4 2024", "Slutdatum"),
        ("241217 – 241121", "före startdatum"),
        ("Okt 2024 – Jan 20255", "Slutdatumet: Kunde inte tolka ”Jan 20255”"),
        ("Okt 2024 – Jan 2300", "Slutdatumet: Året 2300"),
        ("hello – Jan 2025", "Startdatumet: Kunde inte tolka"),
        ("31/2 2025 – 2026", "Startdatumet: Ogiltigt datum: februari 2025"),
        ("", "Datum saknas"),
        ("hello", "Kunde inte tolka"),
        ("2025-13", "Ogiltig månad"),
        ("Okt 2024 – " * 20 + "x", "för lång"),
    ],
)
def test_parse_range_rejects(text, fragment):
    with pytest.raises(DateParseError) as info:
        parse_range(text)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("start", "end", "short", "long"),
    [
        (M(2024, 10), M(2025, 1), "okt 2024 – jan 2025", "oktober 2024 – januari 2025"),
        (M(2024, 10), None, "okt 2024", "oktober 2024"),
        (None, M(2025, 1), "jan 2025", "januari 2025"),
        (M(2025, 1), M(2025, 1), "jan 2025", "januari 2025"),
        (D(2024, 11, 21), D(2024, 12, 17), "2024-11-21 – 2024-12-17", "2024-11-21 – 2024-12-17"),
        (None, None, "", ""),
    ],
)
def test_format_range(start, end, short, long):
    assert format_range(start, end) == short
    assert format_range(start, end, "long") == long
    assert VagueRange(start, end).format() == short
    assert VagueRange(start, end).format("long") == long


def test_validate_order():
    validate_order(M(2024, 10), M(2025, 1))
    validate_order(None, M(2025, 1))
    validate_order(M(2025, 1), None)
    validate_order(M(2025, 1), M(2025, 1))
    validate_order(M(2025, 1), D(2025, 1, 31))  # same period, end inside it
    validate_order(D(2025, 1, 31), M(2025, 1))  # end period still reaches the start
    with pytest.raises(DateParseError, match="Slutdatum .* före startdatum"):
        validate_order(D(2025, 2, 1), M(2025, 1))
    with pytest.raises(DateParseError, match="Slutdatum .* före startdatum"):
        validate_order(Y(2025), Q(2024, 4))


# --- properties --------------------------------------------------------------------

from tests.app.date_strategies import vague_dates  # noqa: E402 - beside the properties that use it

@pytest.mark.parametrize("precision", list(Precision))
@given(data=st.data())
def test_format_parses_back_for_every_precision(precision, data):
    vd = data.draw(vague_dates(st.just(precision)))
    assert vd.precision is precision
    assert parse_date(vd.format("long")) == vd
    assert parse_date(vd.format("short")) == vd
    assert parse_date(vd.format().upper()) == vd
    assert from_canonical(vd.canonical()) == vd


@given(vague_dates())
def test_period_bounds_are_consistent(vd):
    assert vd.first_day == vd.start <= vd.last_day
    assert (vd.last_day - vd.first_day).days < 366
    assert parse_date(vd.last_day.isoformat()).last_day == vd.last_day


@given(vague_dates(), vague_dates())
def test_canonical_sorts_like_vague_dates_by_start(a, b):
    # stored canonical text keeps chronological order of period starts within a precision
    if a.precision == b.precision and a.precision is not Precision.SEASON:  # seasons are stored by name
        assert (a.canonical() < b.canonical()) == (a < b)


@given(vague_dates(), vague_dates(), st.sampled_from(["short", "long"]))
def test_range_round_trip(a, b, style):
    a, b = sorted((a, b))
    expected = VagueRange(a, b) if a != b else VagueRange(a, None)  # same date is written once
    assert parse_range(format_range(a, b, style)) == expected
    assert parse_range(VagueRange(a, b).format(style)) == expected


@given(vague_dates(), vague_dates())
@example(VagueDate(date(2000, 1, 31), Precision.WEEK), VagueDate(date(2000, 1, 3), Precision.WEEK))  # v. 5–1
def test_reversed_range_is_rejected(a, b):
    if b.last_day < a.first_day:
        with pytest.raises(DateParseError, match="Slutdatum"):
            parse_range(format_range(a, b))


_pieces = st.sampled_from(
    ["2024", "2025", "11", "18", "241118", "20241118", "1899", "2200", "0", "99", "-", "–", "—", "/",
     ".", ":e", " ", "q", "Q3", "kv", "kvartal", "kvartalet", "tredje", "till", "sep", "sept", "maj",
     "november", "hello", "é", "٣", "\u00a0", "\n", "ǅ", "İ", "ß"]
)


@settings(max_examples=500)
@given(st.one_of(st.text(), st.lists(_pieces, max_size=8).map("".join)),
       st.none() | st.dates())
def test_arbitrary_text_only_raises_date_parse_error(text, today):
    for parse in (parse_date, parse_range):
        try:
            result = parse(text, today=today)
        except DateParseError as err:
            assert str(err).strip()
        else:
            assert isinstance(result, VagueDate | VagueRange)
