"""The edges of app.dates that the phrase table leaves open: every ordinal, week ranges without a
year, moving by a period's own unit right up to the last year a plan can have, and the step size
a drag on the timeline uses."""

from __future__ import annotations

from datetime import date

import pytest
from app.dates import (
    MAX_YEAR,
    MIN_YEAR,
    DateParseError,
    Precision,
    VagueDate,
    VagueRange,
    step_date,
    unit_days,
    validate_order,
)
from app import date_periods
from app.date_text import from_canonical, parse_date, parse_range, stored_or_none

V = VagueDate


@pytest.mark.parametrize(("ordinal", "quarter"), [("första", 1), ("andra", 2), ("tredje", 3), ("fjärde", 4)])
def test_every_ordinal_quarter(ordinal: str, quarter: int) -> None:
    assert parse_date(f"{ordinal} kvartalet 2025") == V.quarter(2025, quarter)


@pytest.mark.parametrize(("ordinal", "half"), [("första", 1), ("andra", 2)])
def test_every_ordinal_half_year(ordinal: str, half: int) -> None:
    assert parse_date(f"{ordinal} halvåret 2026") == V.half(2026, half)


def test_a_week_range_without_a_year_takes_today_s_week_year() -> None:
    assert parse_range("v. 12–14", today=date(2026, 3, 1)) == VagueRange(V.week(2026, 12), V.week(2026, 14))
    assert parse_range("v. 52–2", today=date(2026, 1, 2)) == VagueRange(V.week(2025, 52), V.week(2026, 2))
    with pytest.raises(DateParseError, match="Året saknas i ”v. 12–14”"):
        parse_range("v. 12–14")


def test_a_week_range_of_one_week_is_that_week() -> None:
    assert parse_range("v. 12–12 2026") == VagueRange(V.week(2026, 12), None)


def test_a_side_without_a_year_borrows_the_other_s() -> None:
    assert parse_range("nov – feb 2025") == VagueRange(V.month(2024, 11), V.month(2025, 2))
    assert parse_range("okt 2024 – jan") == VagueRange(V.month(2024, 10), V.month(2025, 1))
    assert parse_range("mars – maj", today=date(2026, 1, 10)) == VagueRange(V.month(2026, 3), V.month(2026, 5))


@pytest.mark.parametrize(("v", "steps", "moved"), [
    (V.day(2025, 12, 31), 1, V.day(2026, 1, 1)),
    (V.week(2025, 52), 2, V.week(2026, 2)),
    (V.month_part(2025, 12, 3), 1, V.month_part(2026, 1, 1)),
    (V.month(2025, 11), 3, V.month(2026, 2)),
    (V.quarter(2025, 4), 1, V.quarter(2026, 1)),
    (V.tertial(2025, 3), -1, V.tertial(2025, 2)),
    (V.season(2025, 2), 1, V.season(2026, 0)),
    (V.half(2025, 2), 1, V.half(2026, 1)),
    (V.year_part(2025, 3), 1, V.year_part(2026, 1)),
    (V.year(2025), -2, V.year(2023)),
    (V.turn(2025), 1, V.turn(2026)),
])
def test_one_step_of_each_kind(v: VagueDate, steps: int, moved: VagueDate) -> None:
    assert step_date(v, steps) == moved


def test_a_step_beyond_the_last_year_is_refused() -> None:
    assert step_date(V.year(MAX_YEAR - 1), 1) == V.year(MAX_YEAR)
    with pytest.raises(ValueError, match=str(MAX_YEAR + 1)):
        step_date(V.year(MAX_YEAR), 1)


@pytest.mark.parametrize(("v", "days"), [
    (V.day(2025, 1, 1), 1.0), (V.week(2025, 1), 7.0), (V.month_part(2025, 1, 1), 30.44 / 3),
    (V.month(2025, 1), 30.44), (V.quarter(2025, 1), 3 * 30.44), (V.tertial(2025, 1), 4 * 30.44),
    (V.season(2025, 0), 365.25 / 3), (V.half(2025, 1), 6 * 30.44), (V.year_part(2025, 1), 365.25 / 3),
    (V.year(2025), 12 * 30.44), (V.turn(2025), 365.25),
])
def test_a_drag_step_is_about_one_period_long(v: VagueDate, days: float) -> None:
    assert unit_days(v) == pytest.approx(days)


def test_the_first_week_after_the_last_year_may_start_in_it() -> None:
    assert parse_date("v. 1 2200") == V.week(2200, 1) == V(date(2199, 12, 30), Precision.WEEK)
    for text, year in [("v. 2 2200", 2200), ("v. 1 2201", 2201), ("v. 10 1899", 1899)]:
        with pytest.raises(DateParseError) as refused:
            parse_date(text)
        assert str(refused.value) == f"Året {year} ligger utanför det tillåtna intervallet 1900–2199."


@pytest.mark.parametrize(("text", "message"), [
    ("T4 2026", "Ogiltigt tertial: 4. Det måste vara mellan 1 och 3, till exempel T2 2026."),
    ("H3 2026", "Ogiltigt halvår: 3. Det måste vara mellan 1 och 2, till exempel H1 2026."),
    ("2025/2027", "Ett årsskifte är mellan två år som följer på varandra, till exempel årsskiftet 2025/2026."),
])
def test_a_numbered_period_out_of_range_says_what_would_do(text: str, message: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_date(text)
    assert str(refused.value) == message


@pytest.mark.parametrize(("make", "most"), [(V.quarter, 4), (V.tertial, 3), (V.half, 2)])
def test_a_period_numbered_past_the_year_s_count_is_refused_by_its_name(make, most: int) -> None:
    with pytest.raises(ValueError, match=f"^{make.__name__} must be 1–{most}, got {most + 1}$"):
        make(2025, most + 1)


def test_a_stored_value_that_is_no_stored_date_lists_the_stored_forms() -> None:
    with pytest.raises(DateParseError) as refused:
        from_canonical("mars 2025")
    assert str(refused.value) == (
        "”mars 2025” är inte ett lagrat datum. Förväntat ÅÅÅÅ-MM-DD, ÅÅÅÅ-Wnn, ÅÅÅÅ-MM, ÅÅÅÅ-MM-början, ÅÅÅÅ-Qn, "
        "ÅÅÅÅ-Tn, ÅÅÅÅ-Hn, ÅÅÅÅ-hösten, ÅÅÅÅ-början, ÅÅÅÅ eller ÅÅÅÅ/ÅÅÅÅ.")


def test_an_end_before_the_start_says_both_and_what_to_do() -> None:
    with pytest.raises(DateParseError) as refused:
        validate_order(V.month(2026, 3), V.month(2026, 1))
    assert str(refused.value) == (
        "Slutdatum januari 2026 ligger före startdatum mars 2026. Ändra ordningen eller rätta något av datumen.")


def test_a_written_year_wins_over_today_s() -> None:
    today = date(2026, 5, 1)
    assert parse_date("v. 12 2020", today=today) == V.week(2020, 12)
    assert parse_date("v. 12", today=today) == V.week(2026, 12)
    assert parse_date("slutet av mars", today=today) == V.month_part(2026, 3, 3)
    assert parse_date("början av 2020", today=today) == V.year_part(2020, 1)


def test_an_unknown_style_of_writing_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="style must be one of .*, got 'medium'$"):
        V.month(2025, 3).format("medium")


def test_a_week_past_the_year_s_last_is_refused_with_the_week_written() -> None:
    with pytest.raises(DateParseError) as refused:
        date_periods.week(2025, 53)
    assert str(refused.value) == "Ogiltig vecka: v. 53. År 2025 har veckorna 1–52."
    with pytest.raises(DateParseError) as refused:
        date_periods.half(2026, 0)
    assert str(refused.value) == "Ogiltigt halvår: 0. Det måste vara mellan 1 och 2, till exempel H1 2026."


@pytest.mark.parametrize(("text", "taken"), [
    ("T2", V.tertial(2027, 2)), ("tertial 2", V.tertial(2027, 2)), ("andra tertialet", V.tertial(2027, 2)),
    ("mars 18", V.day(2027, 3, 18)), ("March 18", V.day(2027, 3, 18)), ("Q3", V.quarter(2027, 3)),
    ("kvartal 3", V.quarter(2027, 3)), ("3:e kvartalet", V.quarter(2027, 3)), ("tredje kvartalet", V.quarter(2027, 3)),
])
def test_a_tertial_a_quarter_and_a_day_written_month_first_take_today_s_year(text: str, taken: VagueDate) -> None:
    assert parse_date(text, today=date(2027, 5, 10)) == taken


def test_an_open_range_reads_its_side_with_today() -> None:
    today = date(2027, 5, 10)
    assert parse_range("till mars", today=today) == VagueRange(None, V.month(2027, 3))
    assert parse_range("mars –", today=today) == VagueRange(V.month(2027, 3), None)


def test_a_range_refused_names_the_side_at_fault() -> None:
    with pytest.raises(DateParseError, match="^Året saknas i ”mars”. Skriv till exempel ”mars 2025”.$"):
        parse_range("mars – april")
    with pytest.raises(DateParseError, match="^Slutdatumet: Kunde inte tolka ”xyz” som ett datum. Godkända former: "
                                             "dag: 2026-03-15, 15 mars 2026, 15/3 2026, 260315; vecka: "):
        parse_range("till xyz")
    with pytest.raises(DateParseError, match="^Startdatumet: Kunde inte tolka ”xyz”"):
        parse_range("xyz –")


def test_a_long_text_is_shown_shortened_to_forty_characters() -> None:
    with pytest.raises(DateParseError, match=f"^Kunde inte tolka ”{'a' * 37}…” som"):
        parse_date("a" * 41)
    with pytest.raises(DateParseError, match=f"^Kunde inte tolka ”{'a' * 40}” som"):
        parse_date("a" * 40)


def test_a_stored_date_or_none() -> None:
    assert stored_or_none("2026-03") == V.month(2026, 3)
    assert [stored_or_none(text) for text in (None, "", "mars 2026", "2026-13")] == [None] * 4


def test_a_side_refused_once_today_gives_it_a_year_is_named() -> None:
    today = date(2025, 5, 1)  # 2025 has 52 weeks
    with pytest.raises(DateParseError, match="^Startdatumet: Ogiltig vecka: v. 53. År 2025 har veckorna 1–52.$"):
        parse_range("v. 53 – v. 2", today=today)
    with pytest.raises(DateParseError, match="^Slutdatumet: Ogiltig vecka: v. 53. År 2025 har veckorna 1–52.$"):
        parse_range("v. 2 – v. 53", today=today)


def test_a_part_of_a_month_and_a_half_year_written_out() -> None:
    assert V.month_part(2026, 9, 1).format("short") == "början av september 2026"
    assert [V.half(2026, n).format("long") for n in (1, 2)] == ["första halvåret 2026", "andra halvåret 2026"]


def test_one_date_read_as_a_range_takes_today_s_year_and_a_long_text_is_refused_as_one() -> None:
    assert parse_range("mars", today=date(2027, 5, 10)) == VagueRange(V.month(2027, 3), None)
    with pytest.raises(DateParseError, match="^Kunde inte tolka ”a{37}…” som ett datum"):
        parse_range("a" * 100)
    with pytest.raises(DateParseError, match="^Texten ”a{37}…” är för lång för att vara ett datum eller en period.$"):
        parse_range("a" * 101)


@pytest.mark.parametrize(("text", "message"), [
    ("till mars", "^Året saknas i ”mars”"), ("mars –", "^Året saknas i ”mars”"),
    ("mars 2026 – xyz – april 2026", "^Slutdatumet: Kunde inte tolka ”xyz – april 2026” som ett datum"),
])
def test_a_range_without_a_year_or_with_two_dashes_is_refused_by_its_first_fault(text: str, message: str) -> None:
    with pytest.raises(DateParseError, match=message):
        parse_range(text)


@pytest.mark.parametrize(("text", "message"), [
    ("till v. 53", "^Slutdatumet: Ogiltig vecka: v. 53. År 2025 har veckorna 1–52.$"),
    ("v. 53 –", "^Startdatumet: Ogiltig vecka: v. 53. År 2025 har veckorna 1–52.$"),
])
def test_an_open_range_refused_once_today_gives_it_a_year_names_its_side(text: str, message: str) -> None:
    with pytest.raises(DateParseError, match=message):
        parse_range(text, today=date(2025, 5, 1))


def test_a_range_of_one_day_borrows_no_other_year() -> None:
    one = VagueRange(V.day(2026, 3, 1), V.day(2026, 3, 1))
    assert parse_range("1 mars – 1 mars", today=date(2026, 5, 10)) == one
    assert parse_range("1 mars – 1 mars 2026") == one
    assert parse_range("1 mars 2026 – 1 mars") == one
    assert parse_range("mars 2026 – april") == VagueRange(V.month(2026, 3), V.month(2026, 4))


@pytest.mark.parametrize(("text", "today", "year"), [
    ("nov – feb", date(MAX_YEAR, 5, 1), MAX_YEAR), (f"nov – feb {MIN_YEAR}", None, MIN_YEAR),
    (f"nov {MAX_YEAR} – feb", None, MAX_YEAR),
])
def test_a_range_crossing_the_first_or_last_year_is_refused_as_reversed(text: str, today: date | None,
                                                                        year: int) -> None:
    with pytest.raises(DateParseError, match=f"^Slutdatum februari {year} ligger före startdatum november {year}."):
        parse_range(text, today=today)


@pytest.mark.parametrize(("text", "message"), [
    ("Q3", "Året saknas i ”Q3”. Skriv till exempel ”Q3 2025”."),
    ("kvartal 3", "Året saknas i ”kvartal 3”. Skriv till exempel ”kvartal 3 2025”."),
    ("3:e kvartalet", "Året saknas i ”3:e kvartalet”. Skriv till exempel ”3:e kvartalet 2025”."),
    ("tredje kvartalet", "Året saknas i ”tredje kvartalet”. Skriv till exempel ”tredje kvartalet 2025”."),
    ("18 flurp 2026", "”flurp” är inget känt månadsnamn. Skriv till exempel september, sep eller sept."),
    ("2026-13-01", "Ogiltig månad: 13. Månaden måste vara mellan 1 och 12."),
    ("32 mars 2026", "Ogiltig dag: 32. Dagen måste vara mellan 1 och 31."),
])
def test_a_refusal_names_what_was_written(text: str, message: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_date(text)
    assert str(refused.value) == message


@pytest.mark.parametrize(("text", "taken"), [
    ("T2", V.tertial(2027, 2)), ("tertial 2", V.tertial(2027, 2)), ("2:a tertialet", V.tertial(2027, 2)),
    ("andra tertialet", V.tertial(2027, 2)), ("H2", V.half(2027, 2)), ("halvår 2", V.half(2027, 2)),
    ("2:a halvåret", V.half(2027, 2)), ("andra halvåret", V.half(2027, 2)), ("våren", V.season(2027, 0)),
    ("tredje kvartalet", V.quarter(2027, 3)),
])
def test_every_form_without_a_year_takes_today_s_or_names_itself_when_there_is_none(text: str,
                                                                                   taken: VagueDate) -> None:
    assert parse_date(text, today=date(2027, 5, 10)) == taken
    with pytest.raises(DateParseError) as refused:
        parse_date(text)
    assert str(refused.value) == f"Året saknas i ”{text}”. Skriv till exempel ”{text} 2025”."


def test_an_empty_text_a_week_range_and_a_sentence_s_full_stop() -> None:
    with pytest.raises(DateParseError, match="^Datum saknas. Godkända former: dag: 2026-03-15, 15 mars 2026"):
        parse_date(" ")
    with pytest.raises(DateParseError, match="^”v. 12–14 2026” är en period med flera veckor. Skriv den i fältet för "
                                             "start och slut eller ange en vecka, till exempel v. 12 2026.$"):
        parse_date("v. 12–14 2026")
    assert parse_date("mars 2026 .") == V.month(2026, 3)


def test_a_vague_date_made_wrongly_says_how() -> None:
    with pytest.raises(TypeError, match="^start must be a datetime.date, not str$"):
        V("2026-01-01", Precision.DAY)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="^2026-01-02 is not the first day of a month$"):
        V(date(2026, 1, 2), Precision.MONTH)
