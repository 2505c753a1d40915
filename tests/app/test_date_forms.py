"""Every period of the issue's table: parsed, ordered by its days, printed in every form the app
writes and read back to the same period."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.dates import MAX_YEAR, MIN_YEAR, SEASONS, DateParseError, Precision, VagueDate, VagueRange, capitalised, format_range, step_date
from app.date_text import from_canonical, parse_date, parse_range
from app.export.plan_data import dates_capitalised, format_date, format_date_range
from tests.app.date_phrases import PHRASES
from tests.app.date_strategies import vague_dates

V = VagueDate


@pytest.mark.parametrize(("text", "meaning"), PHRASES)
def test_every_phrase_is_read(text, meaning) -> None:
    if isinstance(meaning, tuple):
        assert parse_range(text) == VagueRange(*meaning)
        with pytest.raises(DateParseError):  # one date alone cannot hold two
            parse_date(text)
    else:
        assert parse_date(text) == meaning
        assert parse_range(text) == VagueRange(meaning, None)


def test_week_without_year_takes_this_years_weeks() -> None:
    assert parse_date("v12", today=date(2026, 5, 1)) == V.week(2026, 12)
    assert parse_date("v. 1", today=date(2025, 12, 30)) == V.week(2026, 1)  # that week-year
    with pytest.raises(DateParseError, match="Året saknas"):
        parse_date("v12")


def test_week_53_only_where_the_year_has_it() -> None:
    assert V.week(2020, 53).last_day == date(2021, 1, 3)
    with pytest.raises(DateParseError, match="veckorna 1–52"):
        parse_date("v. 53 2025")


def test_seasons_are_defined_once_and_cover_the_year() -> None:
    months = [m for _, first, last in SEASONS for m in range(first, last + 1)]
    assert months == list(range(1, 13))
    assert parse_date("hösten 2025").first_day == date(2025, 9, 1)
    assert parse_date("under hösten 2025") == parse_date("hösten 2025")


def test_parts_of_a_period() -> None:
    assert (parse_date("början av 2026").first_day, parse_date("början av 2026").last_day) == (
        date(2026, 1, 1), date(2026, 4, 30))
    assert parse_date("slutet av februari 2024").last_day == date(2024, 2, 29)
    assert parse_date("i slutet av 2025") == V.year_part(2025, 3)
    with pytest.raises(DateParseError, match="ett år eller en månad"):
        parse_date("mitten av Q3 2026")


def test_turn_of_year_spans_december_and_january() -> None:
    turn = parse_date("årsskiftet 2025/2026")
    assert (turn.first_day, turn.last_day) == (date(2025, 12, 1), date(2026, 1, 31))
    assert parse_date("2025/26") == turn
    assert parse_date("2025/09") == V.month(2025, 9)
    with pytest.raises(DateParseError, match="följer på varandra"):
        parse_date("2025/2027")


def test_sorting_and_overlap_use_first_and_last_day() -> None:
    dates = [V.year(2026), V.half(2026, 1), V.week(2026, 1), V.turn(2025), V.month(2026, 1), V.day(2026, 1, 1)]
    assert sorted(dates) == [V.turn(2025), V.week(2026, 1), V.day(2026, 1, 1), V.month(2026, 1),
                             V.half(2026, 1), V.year(2026)]
    assert V.week(2026, 1).first_day == date(2025, 12, 29)  # ISO week 1 may start in the old year
    assert format_range(V.week(2025, 52), V.week(2026, 2)) == "v. 52 2025 – v. 2 2026"
    assert parse_range("v. 52 2025 – v. 2 2026") == parse_range("v. 52–2 2026")


def test_unreadable_text_lists_every_form_with_examples() -> None:
    message = str(pytest.raises(DateParseError, parse_date, "nästa vecka").value)
    for example in ("v. 12 2026", "T2 2026", "hösten 2025", "slutet av 2025", "årsskiftet 2025/2026",
                    "okt 2024 – jan 2025"):
        assert example in message


def test_month_names_are_lower_case_and_capitalised_only_at_a_cell_start() -> None:
    assert V.month(2026, 3).format() == "mars 2026"
    assert format_range(V.month(2024, 10), V.month(2025, 1)) == "okt 2024 – jan 2025"
    assert format_date("2026-03") == "Mars 2026"  # the documents' habit: a cell starts with a capital
    assert format_date_range("2024-10", "2025-01") == "Okt 2024 – jan 2025"
    with dates_capitalised(False):
        assert format_date("2026-03") == "mars 2026"
        assert format_date_range("2024-10", "2025-01") == "okt 2024 – jan 2025"
    assert capitalised("hösten 2025") == "Hösten 2025"


@given(vague_dates(), st.integers(-30, 30))
def test_a_step_keeps_the_precision_and_steps_back(v, n) -> None:
    # 30 steps of at most a year stay inside the years a plan can have (test_date_edges: beyond them)
    assume(MIN_YEAR + 31 <= v.start.year <= MAX_YEAR - 31)
    moved = step_date(v, n)
    assert moved.precision is v.precision
    assert (moved > v) == (n > 0) or n == 0
    assert step_date(moved, -n) == v


def _written_forms(v: VagueDate) -> list[str]:
    """Every way the app writes one date: JSON, Word and Excel cells (capitalised or not), the timeline."""
    forms = [v.canonical(), v.format("long"), v.format("short"), json.loads(json.dumps(v.canonical()))]
    for capitalise in (True, False):
        with dates_capitalised(capitalise):
            forms += [format_date(v.canonical()), format_date(v.canonical(), "short"),
                      format_date_range(v.canonical(), None)]
    return forms


@settings(max_examples=300)
@given(vague_dates())
def test_every_written_form_reads_back_to_the_same_period(v) -> None:
    for text in _written_forms(v):
        assert parse_date(text) == v, text
        assert parse_range(text) == VagueRange(v, None), text
    assert from_canonical(v.canonical()) == v


@settings(max_examples=300)
@given(vague_dates(), vague_dates(), st.booleans())
def test_every_written_range_reads_back(a, b, capitalise) -> None:
    a, b = sorted((a, b))
    expected = VagueRange(a, b) if a != b else VagueRange(a, None)
    with dates_capitalised(capitalise):
        written = [format_date_range(a.canonical(), b.canonical()), format_date_range(a.canonical(),
                   b.canonical(), "long"), format_range(a, b)]
    for text in written:
        assert parse_range(text) == expected, text


@pytest.mark.parametrize("precision", list(Precision))
def test_every_precision_has_a_phrase_in_the_table(precision) -> None:
    meanings = [m for _, m in PHRASES]
    flat = [x for m in meanings for x in (m if isinstance(m, tuple) else (m,))]
    assert any(x.precision is precision for x in flat)
