"""What a file keeps for Översikt: the filters as last chosen (view state, never an undo step, nothing
kept in a file opened read-only, a damaged setting read as no filter) and the organisation's reporting
interval (read, validated in Swedish, set with the old value kept for undo, and the grey state following it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.overview import overview
from app.overview_settings import (
    CHOICE_KEY, OverviewChoice, interval_text, load_choice, parse_interval, remember_choice, report_interval,
    set_report_interval,
)
from app.workspace import Workspace


def test_the_choice_is_kept_by_the_file_and_a_damaged_one_read_as_no_filter(tmp_path: Path) -> None:
    path = tmp_path / "fil.uppdrag"
    ws = Workspace.create(path)
    choice = OverviewChoice(report="red", owner="Lars Eklöf", organisation="", period="2026 T2", text="ambulans")
    remember_choice(ws, choice)
    ws.close()
    ws = Workspace.open(path, read_only=True)
    assert load_choice(ws) == choice
    remember_choice(ws, OverviewChoice())  # read-only: nothing written, nothing raised
    ws.close()
    ws = Workspace.open(path)
    assert load_choice(ws) == choice
    ws.set_setting(CHOICE_KEY, {"owner": 7, "report": "red", "okänd": "x"})
    assert load_choice(ws) == OverviewChoice(report="red")
    ws.set_setting(CHOICE_KEY, ["inte", "en", "karta"])
    assert load_choice(ws) == OverviewChoice()
    ws.close()


def test_the_interval_is_read_in_days_or_weeks_and_refused_in_swedish() -> None:
    assert [parse_interval(t) for t in ("30", "30 dagar", " 4 veckor ", "2 v", "1 vecka", "1 dag", "52 veckor")] == [
        30, 30, 28, 14, 7, 1, 364]
    for bad in ("", "snart", "0", "-3 dagar", "60 veckor", "3 månader", "4,5 veckor"):
        with pytest.raises(ValueError, match="Rapporteringsintervallet ”.*” går inte att använda"):
            parse_interval(bad)
    assert [interval_text(d) for d in (31, 28, 7, 1)] == ["31 dagar", "4 veckor", "1 vecka", "1 dag"]


def test_the_interval_is_written_in_the_window_s_language_and_read_in_either() -> None:
    from app.i18n import speaking

    with speaking("en") as english:
        assert english, "no compiled translation (make translations)"
        assert [interval_text(d) for d in (31, 28, 7, 1)] == ["31 days", "4 weeks", "1 week", "1 day"]
        assert [parse_interval(t) for t in ("30 days", "4 weeks", "1 week", "1 day", "2 w", "3 wks", "30 dagar",
                                            "4 veckor", "30 d")] == [30, 28, 7, 1, 14, 21, 30, 28, 30]
        with pytest.raises(ValueError, match="The reporting interval “3 months” cannot be used"):
            parse_interval("3 months")
    assert parse_interval("4 weeks") == 28 and interval_text(28) == "4 veckor"


def test_the_interval_is_set_with_the_old_kept_and_the_grey_follows(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "fil.uppdrag")
    plan = ws.add("plan", doc_type="plan", template="plan", title="A").ids[0]
    ws.add("status_report", plan, report_date=date(2026, 3, 1), status="green")
    assert report_interval(ws) == 31 and overview(ws, date(2026, 3, 21))[0].report == "green"
    change = set_report_interval(ws, 14)
    assert change.old == {"days": 31} and report_interval(ws) == 14
    assert overview(ws, date(2026, 3, 21))[0].report == "grey"
    with pytest.raises(ValueError, match="mellan 1 dag och 52 veckor"):
        set_report_interval(ws, 0)
    ws.set_setting("report_interval_days", "trasig")
    assert report_interval(ws) == 31  # unreadable: the default
    ws.close()
