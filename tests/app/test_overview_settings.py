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
