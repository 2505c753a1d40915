"""The settings two copies of a file share travel with a merge and are never lost: a colleague's closed
days, a steering model read into their copy and a plan's chosen decided edition come across, and where
both copies hold a different value (the risk scale) this copy's stays and the report says so."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from app.merge import merge_files
from app.merge_settings import merge_settings
from app.workdays import ClosedPeriod, closed_periods, set_closed_periods
from app.workspace import Workspace

JULY = {"start": "2026-07-01", "end": "2026-07-31", "label": "Sommarstängt"}
XMAS = {"start": "2026-12-28", "end": "2026-12-30", "label": "Mellandagar"}
MODEL = 'key = "grindar"\nname = "Grindar"\n'


def test_closed_days_of_either_copy_are_all_kept() -> None:
    merged = merge_settings({"closed_days": [XMAS]}, {"closed_days": [JULY, XMAS]}, "din.uppdrag")
    assert merged.writes == {"closed_days": [JULY, XMAS]}
    assert merged.lines == ["Stängda perioder från den andra filen: 1"]
    assert merge_settings({"closed_days": [JULY, XMAS]}, {"closed_days": [XMAS]}, "din.uppdrag").writes == {}


def test_the_reporting_interval_is_taken_when_this_copy_has_none_and_kept_when_it_differs() -> None:
    merged = merge_settings({}, {"report_interval_days": 14}, "din.uppdrag")
    assert merged.writes == {"report_interval_days": 14}
    assert merged.lines == ["Rapporteringsintervallet från den andra filen: 14 dagar"]
    merged = merge_settings({"report_interval_days": 28}, {"report_interval_days": 14}, "din.uppdrag")
    assert merged.writes == {}
    assert merged.lines == ["Rapporteringsintervallet skiljer sig i ”din.uppdrag”; den här filens behölls."]
    assert merge_settings({"report_interval_days": 28}, {}, "din.uppdrag").lines == []


def test_a_model_or_choice_this_copy_lacks_is_taken_and_a_different_one_kept() -> None:
    merged = merge_settings({"steering_models": {"a": "A"}, "baseline_editions": {"p1": "e1"}},
                            {"steering_models": {"a": "A2", "b": "B"}, "baseline_editions": {"p1": "e9", "p2": "e2"}},
                            "din.uppdrag")
    assert merged.writes == {"steering_models": {"a": "A", "b": "B"}, "baseline_editions": {"p1": "e1", "p2": "e2"}}
    assert merged.lines == [
        "Styrmodeller från den andra filen: 1", "Styrmodellen ”a” ser olika ut i filerna; den här filens behölls.",
        "Valda beslutade utgåvor från den andra filen: 1",
        "En plan jämförs med olika utgåvor i filerna; den här filens val behölls."]


@pytest.mark.parametrize(("mine", "theirs", "writes", "lines"), [
    ({"risk_scale": 4}, {"risk_scale": 5}, {}, ["Riskskalan skiljer sig i ”din.uppdrag”; den här filens behölls."]),
    ({}, {"risk_scale": 5}, {}, ["Riskskalan skiljer sig i ”din.uppdrag”; den här filens behölls."]),
    ({}, {"risk_scale": 4}, {}, []),
    ({"risk_levels": {"4": {"red": 9}}}, {}, {}, ["Risknivåerna skiljer sig i ”din.uppdrag”; den här filens behölls."]),
    ({"closed_days": "trasig"}, {"closed_days": [JULY, 3]}, {"closed_days": [JULY]},
     ["Stängda perioder från den andra filen: 1"]),
])
def test_the_risk_scale_and_damaged_values(mine: dict, theirs: dict, writes: dict, lines: list[str]) -> None:
    merged = merge_settings(mine, theirs, "din.uppdrag")
    assert (merged.writes, merged.lines) == (writes, lines)


def test_a_copy_made_in_the_file_manager_brings_its_settings_back(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "min.uppdrag", tmp_path / "din.uppdrag"
    ws = Workspace.create(mine)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Gemensam").ids[0]
    ws.close()
    shutil.copy(mine, theirs)
    ws = Workspace.open(theirs)
    set_closed_periods(ws, [ClosedPeriod(date(2026, 7, 1), date(2026, 7, 31), "Sommarstängt")])
    ws.set_setting("steering_models", {"grindar": MODEL})
    ws.set_setting("risk_scale", 5)
    plan_uuid = ws.get("plan", plan)["uuid"]
    ws.close()

    dry = merge_files(mine, theirs, dry_run=True)
    assert "  Stängda perioder från den andra filen: 1" in dry.lines()
    ws = Workspace.open(mine)
    assert closed_periods() == [] and ws.setting("steering_models") is None
    ws.close()

    report = merge_files(mine, theirs)
    assert report.lines() == [
        "Sammanslagning med ”din.uppdrag”:", "  Stängda perioder från den andra filen: 1",
        "  Styrmodeller från den andra filen: 1", "  Riskskalan skiljer sig i ”din.uppdrag”; den här filens behölls.",
        "  Konflikter: 0"]
    ws = Workspace.open(mine)
    try:
        assert closed_periods() == [ClosedPeriod(date(2026, 7, 1), date(2026, 7, 31), "Sommarstängt")]
        assert ws.setting("steering_models") == {"grindar": MODEL}
        assert ws.risk_scale == 4
        assert ws.get("plan", plan)["uuid"] == plan_uuid
    finally:
        ws.close()
    again = merge_files(mine, theirs)
    assert not again.changed


def test_closed_days_this_copy_has_gain_the_others_and_an_unreadable_setting_there_is_passed_over(
        tmp_path: Path) -> None:
    mine, theirs = tmp_path / "min.uppdrag", tmp_path / "din.uppdrag"
    ws = Workspace.create(mine)
    set_closed_periods(ws, [ClosedPeriod(date(2026, 12, 28), date(2026, 12, 30), "Mellandagar")])
    ws.close()
    shutil.copy(mine, theirs)
    ws = Workspace.open(theirs)
    set_closed_periods(ws, [ClosedPeriod(date(2026, 7, 1), date(2026, 7, 31), "Sommarstängt"),
                            ClosedPeriod(date(2026, 12, 28), date(2026, 12, 30), "Mellandagar")])
    ws.store.db.execute_sql("""INSERT INTO setting (key, value) VALUES ('risk_scale', '{trasig')""")
    ws.close()
    report = merge_files(mine, theirs)
    assert report.lines() == ["Sammanslagning med ”din.uppdrag”:", "  Stängda perioder från den andra filen: 1",
                              "  Konflikter: 0"]
    ws = Workspace.open(mine)
    try:
        assert [p.label for p in closed_periods()] == ["Sommarstängt", "Mellandagar"]
        assert ws.risk_scale == 4
    finally:
        ws.close()
