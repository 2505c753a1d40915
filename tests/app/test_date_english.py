"""Dates in English: `VagueDate.english()` writes each period as English writes it, `shown()` and
`shown_range()` follow the language sentences are said in (Swedish inside app.i18n.in_swedish, as
documents are written), the reader takes the English forms to the same period as their Swedish twins
in either language, and a bad date is refused in the language of the sentences, its month names too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.date_text import ACCEPTED_FORMS, ACCEPTED_FORMS_EN, parse_date, parse_range
from app.dates import (
    MONTHS_EN, MONTHS_LONG, DateParseError, Precision, VagueDate, VagueRange, format_range, month_shown, shown_range,
    validate_order,
)
from app.i18n import in_swedish, install, install_language
from tests.app.date_strategies import vague_dates

V = VagueDate
TODAY = date(2026, 6, 10)


@pytest.fixture(scope="module")
def compiled() -> None:
    from ui.i18n_build import build

    assert build()


@pytest.fixture
def english(compiled) -> Iterator[None]:
    """Sentences said in English, as the command line says them with `--lang en` (Swedish again after)."""
    assert install_language("en")
    yield
    install(None)


@pytest.mark.parametrize(("value", "long", "short"), [
    (V.day(2026, 3, 5), "2026-03-05", "2026-03-05"),
    (V.week(2026, 12), "week 12 2026", "wk 12 2026"),
    (V.week(2027, 1), "week 1 2027", "wk 1 2027"),
    (V.month(2026, 3), "March 2026", "Mar 2026"),
    (V.month(2026, 9), "September 2026", "Sep 2026"),
    (V.month_part(2026, 3, 1), "early March 2026", "early March 2026"),
    (V.month_part(2026, 3, 2), "mid-March 2026", "mid-March 2026"),
    (V.month_part(2026, 5, 3), "late May 2026", "late May 2026"),
    (V.quarter(2026, 3), "Q3 2026", "Q3 2026"),
    (V.tertial(2026, 2), "tertial 2 2026", "T2 2026"),
    (V.half(2026, 1), "first half of 2026", "H1 2026"),
    (V.half(2026, 2), "second half of 2026", "H2 2026"),
    (V.season(2026, 0), "spring 2026", "spring 2026"),
    (V.season(2026, 1), "summer 2026", "summer 2026"),
    (V.season(2025, 2), "autumn 2025", "autumn 2025"),
    (V.year_part(2026, 1), "early 2026", "early 2026"),
    (V.year_part(2026, 2), "mid-2026", "mid-2026"),
    (V.year_part(2026, 3), "late 2026", "late 2026"),
    (V.year(2026), "2026", "2026"),
    (V.turn(2025), "turn of the year 2025/2026", "turn of the year 2025/2026"),
])
def test_every_precision_written_in_english(value, long, short) -> None:
    assert value.english() == value.english("long") == long
    assert value.english("short") == short


def test_english_refuses_an_unknown_style() -> None:
    with pytest.raises(ValueError, match="style must be one of"):
        V.month(2026, 3).english("medium")


def test_shown_follows_the_language_and_documents_stay_swedish(english) -> None:
    march, q3 = V.month(2026, 3), V.quarter(2026, 3)
    assert march.shown() == "March 2026" and march.shown("short") == "Mar 2026"
    assert shown_range(march, V.month(2026, 5)) == "Mar 2026 – May 2026"
    assert shown_range(march, q3, "long") == "March 2026 – Q3 2026"
    assert month_shown(2) == "February"
    with in_swedish():  # a document (Word export) in English mode
        assert march.shown() == "mars 2026" and march.shown("short") == "mars 2026"
        assert shown_range(march, V.month(2026, 5)) == "mars 2026 – maj 2026"
        assert month_shown(2) == "februari"


def test_shown_is_swedish_without_a_language() -> None:
    assert V.month_part(2026, 3, 2).shown() == "mitten av mars 2026"
    assert V.half(2026, 1).shown("short") == "H1 2026"
    assert shown_range(V.week(2026, 12), V.week(2026, 14)) == "v. 12–14 2026"
    assert [month_shown(m) for m in range(1, 13)] == [name.lower() for name in MONTHS_LONG]


@pytest.mark.parametrize(("start", "end", "written"), [
    (V.month(2024, 10), V.month(2025, 1), "Oct 2024 – Jan 2025"),
    (V.week(2026, 12), V.week(2026, 14), "weeks 12–14 2026"),
    (V.week(2025, 52), V.week(2026, 2), "wk 52 2025 – wk 2 2026"),  # across a new year: both years
    (V.month(2026, 3), V.month(2026, 3), "Mar 2026"),  # the same date once
    (V.month(2026, 3), None, "Mar 2026"),
    (None, V.season(2026, 2), "autumn 2026"),
    (None, None, ""),
])
def test_ranges_in_english(start, end, written) -> None:
    assert format_range(start, end, english=True) == written
    assert format_range(start, end) == format_range(start, end, english=False)


# --- the reader: English and Swedish alike, in either language ---------------------------

TWINS = [
    ("March 2026", "mars 2026"),
    ("Mar 2026", "mar 2026"),
    ("May 2026", "maj 2026"),
    ("Oct 2024", "okt 2024"),
    ("in March 2026", "i mars 2026"),
    ("end of March 2026", "slutet av mars 2026"),
    ("at the end of March 2026", "i slutet av mars 2026"),
    ("late March 2026", "slutet av mars 2026"),
    ("beginning of 2026", "början av 2026"),
    ("start of the year 2026", "början av året 2026"),
    ("middle of March 2026", "mitten av mars 2026"),
    ("mid-March 2026", "mitten av mars 2026"),
    ("mid 2026", "mitten av 2026"),
    ("early April", "början av april"),
    ("Q3 2026", "kvartal 3 2026"),
    ("quarter 3 2026", "Q3 2026"),
    ("2nd quarter", "andra kvartalet"),
    ("third quarter of 2026", "tredje kvartalet 2026"),
    ("3rd quarter 2026", "3:e kvartalet 2026"),
    ("week 12", "v. 12"),
    ("week 12 2026", "vecka 12 2026"),
    ("wk 12 2026", "v. 12 2026"),
    ("week 12 of 2026", "v. 12 2026"),
    ("H1 2027", "första halvåret 2027"),
    ("the first half of 2027", "första halvåret 2027"),
    ("2nd half 2027", "andra halvåret 2027"),
    ("half-year 2 2027", "halvår 2 2027"),
    ("second tertial 2026", "andra tertialet 2026"),
    ("2nd tertial 2026", "2:a tertialet 2026"),
    ("spring 2026", "våren 2026"),
    ("during summer 2026", "under sommaren 2026"),
    ("autumn 2025", "hösten 2025"),
    ("fall 2025", "hösten 2025"),
    ("year 2026", "år 2026"),
    ("fiscal year 2026", "verksamhetsår 2026"),
    ("turn of the year 2025/2026", "årsskiftet 2025/2026"),
    ("turn of 2025/26", "årsskiftet 2025/2026"),
    ("15 March 2026", "15 mars 2026"),
    ("15th of March 2026", "15:e mars 2026"),
    ("March 15, 2026", "2026-03-15"),
    ("Nov 18th 2024", "18 nov 2024"),
    ("september", "september"),
]


@pytest.mark.parametrize(("english_text", "swedish_text"), TWINS)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_english_phrases_read_as_their_swedish_twins(compiled, english_text, swedish_text, language) -> None:
    install_language(language)
    try:
        expected = parse_date(swedish_text, today=TODAY)
        assert parse_date(english_text, today=TODAY) == expected
        assert parse_date(english_text.upper(), today=TODAY) == expected
    finally:
        install(None)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Oct 2024 – Jan 2025", V.month(2024, 10), V.month(2025, 1)),
    ("March 2026 to May 2026", V.month(2026, 3), V.month(2026, 5)),
    ("March until May 2026", V.month(2026, 3), V.month(2026, 5)),
    ("weeks 12–14 2026", V.week(2026, 12), V.week(2026, 14)),
    ("wks 52-2 2026", V.week(2025, 52), V.week(2026, 2)),
    ("early April – late June 2026", V.month_part(2026, 4, 1), V.month_part(2026, 6, 3)),
    ("to March 2026", None, V.month(2026, 3)),
    ("until Q3 2026", None, V.quarter(2026, 3)),
])
def test_english_ranges_read(text, start, end) -> None:
    assert parse_range(text) == VagueRange(start, end)


@settings(max_examples=300)
@given(vague_dates(), st.sampled_from(["long", "short"]))
def test_english_and_swedish_forms_read_back_to_the_same_period(v, style) -> None:
    for text in (v.english(style), v.format(style), v.english(style).upper(), f"in {v.english(style)}"):
        assert parse_date(text) == v, text
        assert parse_range(text) == VagueRange(v, None), text


@settings(max_examples=200)
@given(vague_dates(), vague_dates(), st.sampled_from(["long", "short"]))
def test_english_ranges_read_back(a, b, style) -> None:
    a, b = sorted((a, b))
    expected = VagueRange(a, b) if a != b else VagueRange(a, None)
    assert parse_range(format_range(a, b, style, english=True)) == expected


def test_every_accepted_form_in_either_table_reads() -> None:
    assert [kind for kind, _ in ACCEPTED_FORMS_EN] != [kind for kind, _ in ACCEPTED_FORMS]
    assert len(ACCEPTED_FORMS_EN) == len(ACCEPTED_FORMS)
    for _kind, examples in ACCEPTED_FORMS + ACCEPTED_FORMS_EN:
        for form in examples.split(", "):
            assert parse_range(form).start is not None, form


# --- refusals in the language of the sentences --------------------------------------------

_SWEDISH_MONTHS = re.compile(r"\b(" + "|".join(name.lower() for name in MONTHS_LONG if name not in MONTHS_EN)
                             + r")\b", re.IGNORECASE)
_SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(och|eller|inte|att|för|med|till|som|av|är|dag|vecka|månad|kvartal|halvår|år)\b")


def _unquoted(text: str) -> str:
    return re.sub(r"[”“][^”“]*[”“]", "", text)


BAD = ["31/2 2026", "31 February 2026", "30 februari 2026", "2026-04-31", "hello", "", "Octobre 2026", "Q5 2026",
       "5th quarter 2026", "T4 2026", "third half of 2026", "2026-13", "week 54 2026", "end of Q3 2026", "1899",
       "September", "32/1 2026", "x" * 120, "March 2026 – January 2026"]
PERIODS = ["v. 12–14 2026", "weeks 12–14 2026"]  # one date can't be several weeks; a period can


@pytest.mark.parametrize("text", BAD + PERIODS)
def test_bad_dates_are_refused_in_english_without_swedish(english, text) -> None:
    for parse in (parse_date,) if text in PERIODS else (parse_date, parse_range):
        with pytest.raises(DateParseError) as caught:
            parse(text)
        said = str(caught.value)
        assert _SWEDISH_MONTHS.search(said) is None, said
        assert _SWEDISH.search(_unquoted(said)) is None, said


def test_a_day_the_month_lacks_names_the_month_in_the_language(english) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("31/2 2026")
    assert str(caught.value) == "Invalid date: February 2026 does not have 31 days, only 28."
    install(None)
    with pytest.raises(DateParseError) as caught:
        parse_date("31 February 2026")
    assert str(caught.value) == "Ogiltigt datum: februari 2026 har inte 31 dagar, bara 28."


def test_an_unreadable_date_lists_the_english_forms_in_english(english) -> None:
    said = str(pytest.raises(DateParseError, parse_date, "hello").value)
    assert said.startswith("Could not read “hello” as a date. Accepted forms: day: 2026-03-15, ")
    for _kind, examples in ACCEPTED_FORMS_EN:
        assert examples in said
    assert "mars 2026" not in said


def test_a_reversed_period_names_its_dates_in_english(english) -> None:
    with pytest.raises(DateParseError) as caught:
        validate_order(V.month(2026, 3), V.month_part(2026, 1, 2))
    assert "mid-January 2026" in str(caught.value) and "March 2026" in str(caught.value)
    with pytest.raises(DateParseError) as caught:
        parse_range("March 2026 – January 2026")
    assert "January 2026" in str(caught.value) and "lies before the start" in str(caught.value)


def test_a_part_of_what_is_neither_year_nor_month_is_refused_plainly(english) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("end of Q3 2026")
    assert str(caught.value) == ("Early, mid or late (the beginning, middle or end) can be given for a year or a "
                                 "month, for example “end of 2025” or “mid-March 2026”, not for “q3 2026”.")


def test_a_precision_of_every_kind_has_an_english_twin_here() -> None:
    read = {parse_date(english_text, today=TODAY).precision for english_text, _ in TWINS}
    assert read == set(Precision)


def test_the_command_line_reports_dates_in_its_language(compiled, tmp_path, capsys) -> None:
    from app.cli import main
    from app.editions import freeze_edition
    from app.plans import example_files, import_plan_file
    from app.workspace import Workspace
    from db.models import TimelineItem

    path = tmp_path / "a.uppdrag"
    ws = Workspace.create(path)
    try:
        plan_id = import_plan_file(ws, example_files()[0])[0]
        freeze_edition(ws, plan_id, "9.0")
        item = TimelineItem.select(TimelineItem.id).where(TimelineItem.plan == plan_id).first().id
        ws.update("timeline", item, start=V.month_part(2026, 3, 2), end=V.half(2026, 2))
    finally:
        ws.close()
    said = {}
    for language in ("en", "sv"):
        for command in ("history", "diff"):
            assert main(["--lang", language, command, str(path), str(plan_id)]) == 0
            said[language, command] = capsys.readouterr().out
    for command in ("history", "diff"):
        assert "→ mid-March 2026" in said["en", command] and "→ second half of 2026" in said["en", command]
        assert "→ mitten av mars 2026" in said["sv", command] and "→ andra halvåret 2026" in said["sv", command]
        assert "mars" not in said["en", command] and "halvåret" not in said["en", command]
