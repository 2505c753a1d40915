"""Every rule of app.validation at its edges, with the exact Swedish sentence a user reads."""

from __future__ import annotations

from typing import Any

import pytest

from app import kinds
from app.date_text import parse_date
from app.validation import ValidationError, score_problems, timeline_problems, validate

PLAN = {"title": "Plan", "doc_type": "plan", "status": "draft", "decision_choice": ""}
SECTION = {"heading": "Bakgrund", "level": 1, "content": ""}
TIMELINE = {"kind": "activity", "title": "Kartlägg", "status": "planned", "progress": None, "start": None, "end": None}
ROLE = {"kind": "leader", "person": None, "name": "Eva", "allocation": None, "start": None, "end": None}
BUDGET = {"kind": "cost", "description": "Konsult", "amount": 0, "year": 2025}
RISK = {"title": "Personalbrist", "probability": 1, "impact": 4, "status": "open", "trend": ""}


def problems(kind: str, row: dict[str, Any], **kw: Any) -> list[tuple[str, str]]:
    try:
        validate(kind, row, **kw)
    except ValidationError as exc:
        return exc.problems
    return []


def test_the_error_says_every_problem_and_names_the_fields() -> None:
    error = ValidationError([("title", "Titeln saknas."), ("status", "Statusen är fel.")])
    assert str(error) == "Titeln saknas. Statusen är fel."
    assert error.fields == ["title", "status"]
    with pytest.raises(ValidationError) as raised:
        validate("plan", {**PLAN, "title": " ", "status": "x"})
    assert raised.value.fields == ["title", "status"]


@pytest.mark.parametrize("value", [None, "", "  \t"])
def test_a_required_text_that_is_missing_or_blank(value: Any) -> None:
    assert problems("plan", {**PLAN, "title": value}) == [("title", "Titeln saknas.")]


@pytest.mark.parametrize("value", ["x", 0])
def test_a_required_value_that_is_there(value: Any) -> None:
    assert problems("plan", {**PLAN, "title": value}) == []


def test_a_value_outside_its_choices_lists_them_with_the_empty_choice_named() -> None:
    assert problems("plan", {**PLAN, "decision_choice": "kanske"}) == [
        ("decision_choice", "Beslutet ”kanske” är inte giltig; välj en av: (tomt), Ja, Nej.")]
    assert problems("plan", {**PLAN, "doc_type": "memo"}) == [("doc_type", (
        "Dokumenttypen ”memo” är inte giltig; välj en av: Uppdragsdirektiv, Uppdragsplan, Projektdirektiv, Projektplan."))]
    assert problems("plan", {**PLAN, "status": None}) == [("status", (
        "Statusen ”None” är inte giltig; välj en av: Utkast, För beslut, Beslutad, Pågående, Avslutad, Avbruten."))]


def test_a_person_needs_a_name() -> None:
    assert problems("person", {"name": "Eva"}) == []
    assert problems("person", {"name": ""}) == [("name", "Namnet saknas.")]


@pytest.mark.parametrize("level", [1, 2])
def test_a_section_is_on_level_one_or_two(level: int) -> None:
    assert problems("section", {**SECTION, "level": level}) == []


@pytest.mark.parametrize("level", [0, 3, None, "1"])
def test_a_section_on_another_level(level: Any) -> None:
    assert problems("section", {**SECTION, "level": level}) == [("level", "Rubriknivån måste vara 1 eller 2.")]


def test_a_section_holds_a_known_content_or_none() -> None:
    assert problems("section", {**SECTION, "content": "milestones"}) == []
    assert problems("section", {"heading": "Mål", "level": 2}) == []
    assert problems("section", {**SECTION, "content": "bilder"}) == [("content", "Okänt innehåll i avsnittet: ”bilder”.")]
    assert problems("section", {**SECTION, "heading": ""}) == [("heading", "Rubriken saknas.")]


def test_a_goal_has_a_kind_and_a_text() -> None:
    assert problems("goal", {"kind": "effect", "text": "Kortare köer"}) == []
    assert problems("goal", {"kind": "mål", "text": ""}) == [
        ("kind", "Måltypen ”mål” är inte giltig; välj en av: Effektmål, Uppdragsmål."), ("text", "Måltexten saknas.")]


@pytest.mark.parametrize("value", [None, 0, 100])
def test_a_percentage_from_0_to_100(value: Any) -> None:
    assert problems("timeline", {**TIMELINE, "progress": value}) == []


@pytest.mark.parametrize("value", [-1, 101, True, 50.5, "50"])
def test_a_percentage_outside_or_not_a_whole_number(value: Any) -> None:
    assert problems("timeline", {**TIMELINE, "progress": value}) == [
        ("progress", f"Färdigställandet måste vara ett heltal mellan 0 och 100 procent (fick {value}).")]


def test_an_end_before_the_start_is_the_end_s_problem() -> None:
    start, end = parse_date("andra kvartalet 2025"), parse_date("mars 2025")
    assert problems("timeline", {**TIMELINE, "start": start, "end": end}) == [("end", (
        "Slutdatum mars 2025 ligger före startdatum Q2 2025. "
        "Ändra ordningen eller rätta något av datumen."))]
    assert problems("timeline", {**TIMELINE, "start": end, "end": start}) == []
    overlap = parse_date("2025-06-30")  # the last day of the quarter: overlapping is allowed
    assert problems("timeline", {**TIMELINE, "start": start, "end": overlap}) == []
    assert problems("timeline", {**TIMELINE, "start": start, "end": "mars 2025"}) == []  # not read yet


def test_timeline_problems_say_what_validate_says_row_by_row() -> None:
    rows = [TIMELINE, {**TIMELINE, "title": ""}, {**TIMELINE, "progress": True}, {**TIMELINE, "progress": 1},
            {**TIMELINE, "kind": "fas", "status": "klar"}, {**TIMELINE, "start": "juni 2025", "end": "maj 2025"},
            {**TIMELINE, "start": "trettonde månaden"}]
    found = timeline_problems(rows, lambda text: None if text is None else parse_date(text))
    assert sorted(found) == [1, 2, 4, 5, 6]
    for i in (1, 2, 4, 5):
        row = {**rows[i], **{k: parse_date(rows[i][k]) for k in ("start", "end") if rows[i][k]}}
        with pytest.raises(ValidationError) as raised:
            validate("timeline", row)
        assert found[i] == str(raised.value)
    assert "trettonde" in found[6]


def test_timeline_problems_of_several_rows_failing_one_rule_differently() -> None:
    rows = [{**TIMELINE, "title": ""}, TIMELINE, {**TIMELINE, "title": "  "}, {**TIMELINE, "progress": 101},
            {**TIMELINE, "progress": -1}]
    assert timeline_problems(rows) == {
        0: "Benämningen saknas.", 2: "Benämningen saknas.",
        3: "Färdigställandet måste vara ett heltal mellan 0 och 100 procent (fick 101).",
        4: "Färdigställandet måste vara ett heltal mellan 0 och 100 procent (fick -1)."}


def test_timeline_problems_find_each_end_before_its_start_when_every_date_reads() -> None:
    rows = [{**TIMELINE, "start": "juni 2025", "end": "maj 2025"}, {**TIMELINE, "start": "2025-03-10", "end": "2025-03-10"},
            {**TIMELINE, "start": "mars 2025", "end": None}, {**TIMELINE, "start": None, "end": "maj 2025"},
            {**TIMELINE, "start": "2025-03-10", "end": "v. 11 2025"}]
    found = timeline_problems(rows, lambda text: None if text is None else parse_date(text))
    assert sorted(found) == [0]
    assert found[0] == "Slutdatum maj 2025 ligger före startdatum juni 2025. Ändra ordningen eller rätta något av datumen."


def test_timeline_problems_name_a_missing_title_as_a_blank_one() -> None:
    assert timeline_problems([TIMELINE, {**TIMELINE, "title": None}]) == {1: "Benämningen saknas."}


def test_timeline_problems_leave_out_only_the_rules_whose_fields_the_caller_holds() -> None:
    """An MS Project file's kinds, statuses and progress come from fixed tables (`held`): those rules are
    not asked, every other one is, before and after them."""
    rows = [{**TIMELINE, "kind": "fas"}, {**TIMELINE, "title": ""}, {**TIMELINE, "status": "klar"},
            {**TIMELINE, "start": "juni 2025", "end": "maj 2025"}]
    read = lambda text: None if text is None else parse_date(text)  # noqa: E731
    assert sorted(timeline_problems(rows, read)) == [0, 1, 2, 3]
    assert sorted(timeline_problems(rows, read, held={"kind", "status", "progress"})) == [1, 3]
    assert sorted(timeline_problems(rows, read, held={"kind"})) == [1, 2, 3]


def test_an_actual_finish_may_not_come_before_the_actual_start() -> None:
    began, finished = parse_date("2025-03-10").first_day, parse_date("2025-03-01").first_day
    assert problems("timeline", {**TIMELINE, "actual_start": began, "actual_finish": finished}) == [
        ("actual_finish", "Det faktiska slutet (2025-03-01) ligger före den faktiska starten (2025-03-10).")]
    assert problems("timeline", {**TIMELINE, "actual_start": began, "actual_finish": began}) == []
    assert problems("timeline", {**TIMELINE, "actual_start": finished, "actual_finish": began}) == []
    assert problems("timeline", {**TIMELINE, "actual_start": None, "actual_finish": finished}) == []
    assert problems("timeline", {**TIMELINE, "actual_start": began, "actual_finish": None}) == []


def test_a_role_names_someone() -> None:
    assert problems("role", ROLE) == []
    assert problems("role", {**ROLE, "name": "", "person": 3}) == []
    for name in ("", "  ", None):
        assert problems("role", {**ROLE, "name": name}) == [("name", "Ange en person eller ett namn för rollen.")]
    assert problems("role", {**ROLE, "allocation": 101}) == [
        ("allocation", "Andelen av tjänst måste vara ett heltal mellan 0 och 100 procent (fick 101).")]
    assert problems("role", {**ROLE, "kind": "boss"}) == [("kind", (
        "Rollen ”boss” är inte giltig; välj en av: " + ", ".join(kinds.ROLE_KINDS.values()) + "."))]
    assert problems("role", {**ROLE, "start": parse_date("2026"), "end": parse_date("2025")})[0][0] == "end"


def test_a_resource_s_share_and_period() -> None:
    assert problems("resource", {"allocation": 50}) == []
    assert problems("resource", {"allocation": -5}) == [
        ("allocation", "Andelen av tjänst måste vara ett heltal mellan 0 och 100 procent (fick -5).")]
    assert problems("resource", {"start": parse_date("2026"), "end": parse_date("2025")})[0][0] == "end"


@pytest.mark.parametrize("amount", [0, 1, 5_000_000, None])
def test_a_budget_amount_of_whole_kronor_zero_or_more(amount: Any) -> None:
    assert problems("budget", {**BUDGET, "amount": amount}) == []


@pytest.mark.parametrize("amount", [-1, 12.5, True, "100"])
def test_a_budget_amount_below_zero_or_not_whole(amount: Any) -> None:
    assert problems("budget", {**BUDGET, "amount": amount}) == [
        ("amount", f"Beloppet måste vara ett helt antal kronor, 0 eller mer (fick {amount}).")]


@pytest.mark.parametrize("year", [1900, 2199, None])
def test_a_budget_year_from_1900_to_2199(year: Any) -> None:
    assert problems("budget", {**BUDGET, "year": year}) == []


@pytest.mark.parametrize("year", [1899, 2200, "2025", 2025.0])
def test_a_budget_year_outside_the_range(year: Any) -> None:
    assert problems("budget", {**BUDGET, "year": year}) == [("year", f"Året måste vara mellan 1900 och 2199 (fick {year}).")]


@pytest.mark.parametrize("rule", ["", "shared"])
def test_a_budget_row_that_is_summed_or_shared(rule: str) -> None:
    assert problems("budget", {**BUDGET, "sum_rule": rule}) == []


@pytest.mark.parametrize("rule", ["delad", None])
def test_a_budget_row_summed_some_other_way(rule: Any) -> None:
    assert problems("budget", {**BUDGET, "sum_rule": rule}) == [
        ("sum_rule", f"Summeringen ”{rule}” är inte giltig; välj en av: Summeras, Delad, summeras inte.")]


def test_a_budget_has_a_kind_and_a_description() -> None:
    assert problems("budget", {**BUDGET, "kind": "intäkt", "description": ""}) == [
        ("kind", "Budgettypen ”intäkt” är inte giltig; välj en av: Kostnad, Finansiering."),
        ("description", "Beskrivningen saknas.")]


@pytest.mark.parametrize(("scale", "top"), [(4, 4), (5, 5)])
def test_risk_scores_from_1_to_the_scale(scale: int, top: int) -> None:
    assert problems("risk", {**RISK, "probability": top, "impact": 1}, risk_scale=scale) == []
    assert problems("risk", {**RISK, "probability": top + 1}, risk_scale=scale) == [
        ("probability", f"Sannolikheten måste vara mellan 1 och {scale} (fick {top + 1}).")]


@pytest.mark.parametrize("value", [0, True, 2.5])
def test_a_risk_score_below_1_or_not_whole(value: Any) -> None:
    assert problems("risk", {**RISK, "impact": value}) == [("impact", f"Konsekvensen måste vara mellan 1 och 4 (fick {value}).")]


def test_a_risk_s_title_status_and_trend() -> None:
    assert problems("risk", {**RISK, "probability": None, "impact": None}) == []
    assert problems("risk", {**RISK, "title": "", "status": "x", "trend": "x"}) == [
        ("title", "Risken saknas."),
        ("status", "Statusen ”x” är inte giltig; välj en av: Öppen, Hanteras, Stängd."),
        ("trend", "Trenden ”x” är inte giltig; välj en av: (tomt), Ökande, Oförändrad, Minskande.")]


def test_an_assessment_uses_its_own_scale_four_when_it_has_none() -> None:
    assert problems("risk_assessment", {"scale": 5, "probability": 5, "impact": 5}) == []
    assert problems("risk_assessment", {"scale": None, "probability": 4, "impact": 1}) == []
    assert problems("risk_assessment", {"probability": 5, "impact": 1}) == [
        ("probability", "Sannolikheten måste vara mellan 1 och 4 (fick 5).")]
    assert problems("risk_assessment", {"scale": 5, "probability": 1, "impact": 6}) == [
        ("impact", "Konsekvensen måste vara mellan 1 och 5 (fick 6).")]


@pytest.mark.parametrize(("kind", "row", "field", "message"), [
    ("log", {"kind": "issue", "text": ""}, "text", "Texten saknas."),
    ("status_report", {"report_date": None, "status": "green"}, "report_date", "Datumet saknas."),
    ("term", {"term": ""}, "term", "Begreppet saknas."),
    ("reference", {"title": ""}, "title", "Referensen saknas."),
    ("edition", {"label": ""}, "label", "Utgåvans beteckning saknas."),
])
def test_what_the_other_rows_require(kind: str, row: dict[str, Any], field: str, message: str) -> None:
    assert problems(kind, row) == [(field, message)]
    assert problems(kind, {**row, field: "2025-01-01"}) == []


def test_a_decision_in_the_log_has_a_known_outcome_or_none() -> None:
    decision = {"kind": "decision", "text": "Fortsätt till BP3"}
    assert problems("log", decision) == []
    assert problems("log", {**decision, "outcome": ""}) == []
    assert problems("log", {**decision, "outcome": "continue"}) == []
    assert problems("log", {**decision, "outcome": "kanske"}) == [("outcome", (
        "Beslutet ”kanske” är inte giltig; välj en av: (tomt), Fortsätt, Avbryt, Gör om, Ändra inriktning."))]


def test_an_imported_risk_s_scores_against_the_file_s_scale() -> None:
    assert score_problems({"probability": 5, "impact": 1}, 5) == []
    assert score_problems({"probability": None}, 4) == []
    assert score_problems({"probability": 5, "impact": 0}, 4) == [
        "Sannolikheten måste vara mellan 1 och 4 (fick 5).", "Konsekvensen måste vara mellan 1 och 4 (fick 0)."]


def test_a_log_entry_and_a_status_report_have_known_kinds() -> None:
    assert problems("log", {"kind": "rykte", "text": "x"}) == [("kind", "Loggtypen ”rykte” är inte giltig; välj en av: "
                                                                 "Ärende, Beslut, Ändring, Avvikelse, Sammanslagning.")]
    assert problems("status_report", {"report_date": "2025-01-01", "status": "blå"}) == [
        ("status", "Statusen ”blå” är inte giltig; välj en av: Grön, Gul, Röd.")]


@pytest.mark.parametrize("field", ["actual", "forecast"])
@pytest.mark.parametrize("value", [0, 1, None])
def test_an_actual_or_forecast_of_whole_kronor_zero_or_more(field: str, value: Any) -> None:
    assert problems("budget", {**BUDGET, field: value}) == []


@pytest.mark.parametrize(("field", "label"), [("actual", "Utfallet"), ("forecast", "Prognosen")])
@pytest.mark.parametrize("value", [-1, True, 2.5])
def test_an_actual_or_forecast_below_zero_or_not_whole(field: str, label: str, value: Any) -> None:
    assert problems("budget", {**BUDGET, field: value}) == [
        (field, f"{label} måste vara ett helt antal kronor, 0 eller mer (fick {value}).")]


@pytest.mark.parametrize("tertial", [1, 2, 3])
def test_a_budget_row_of_a_tertial(tertial: int) -> None:
    assert problems("budget", {**BUDGET, "tertial": tertial}) == []


@pytest.mark.parametrize("tertial", [0, 4, True, "1"])
def test_a_budget_row_of_no_tertial(tertial: Any) -> None:
    assert problems("budget", {**BUDGET, "tertial": tertial}) == [
        ("tertial", f"Tertialen måste vara 1, 2 eller 3 (fick {tertial}).")]


def test_a_tertial_needs_its_year() -> None:
    assert problems("budget", {**BUDGET, "year": None, "tertial": 2}) == [("tertial", "Ange året som tertialen hör till.")]


def test_a_dependency_has_a_known_kind_a_whole_lag_and_two_items() -> None:
    fine = {"kind": "SS", "lag": -2, "lag_unit": "week", "predecessor": 1, "successor": 2}
    assert problems("dependency", fine) == []
    assert problems("dependency", {**fine, "kind": "SF", "lag": "två", "lag_unit": "år", "successor": 1}) == [
        ("kind", "Beroendets typ ”SF” är inte giltig; välj en av: Slut till start, Start till start, Slut till slut."),
        ("lag_unit", "Förskjutningens enhet ”år” är inte giltig; välj en av: arbetsdagar, veckor."),
        ("lag", "Förskjutningen måste vara ett heltal mellan −999 och 999 (fick två)."),
        ("successor", "En post kan inte bero av sig själv.")]
    assert problems("dependency", {**fine, "lag": 1000})[0][0] == "lag"
    assert problems("dependency", {**fine, "lag": -1000})[0][0] == "lag"
    assert problems("dependency", {**fine, "lag": 999}) == problems("dependency", {**fine, "lag": -999}) == []
