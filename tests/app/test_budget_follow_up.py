"""Budget follow-up: a budget line's tertial, utfall and prognos stored, checked, carried by the plan file,
and shown as budget vs utfall vs prognos in the Word and Excel exports."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.export.docx_export import export_docx
from app.planfile.write import plan_to_dict
from app.plans import import_plan_data
from app.validation import ValidationError
from app.workspace import Workspace
from tests.export.fixtures import open_docx, rows, small_plan, table_with_header


@pytest.fixture
def ws(any_ws) -> Any:
    return any_ws


def _followed_plan() -> dict[str, Any]:
    plan = copy.deepcopy(small_plan())
    licences, training, _grant = plan["budget"]
    licences.update(tertial=1, actual=400000, forecast=1100000)
    training.update(actual=50000)
    return plan


def test_follow_up_is_stored_checked_and_carried_by_the_plan_file(ws: Workspace, tmp_path: Path) -> None:
    plan_id, _ = import_plan_data(ws, _followed_plan())
    data = plan_to_dict(ws, plan_id)
    licences, training, grant = data["budget"]
    assert (licences["tertial"], licences["actual"], licences["forecast"]) == (1, 400000, 1100000)
    assert training["actual"] == 50000 and "forecast" not in training and "tertial" not in training
    assert not {"tertial", "actual", "forecast"} & set(grant)  # written as before the follow-up existed

    line = ws.list("budget", plan_id)[1]
    ws.update("budget", line["id"], forecast=260000, tertial=3)
    assert ws.get("budget", line["id"])["forecast"] == 260000
    with pytest.raises(ValidationError, match="Tertialen måste vara 1, 2 eller 3"):
        ws.update("budget", line["id"], tertial=4)
    with pytest.raises(ValidationError, match="Utfallet måste vara ett helt antal kronor"):
        ws.update("budget", line["id"], actual=-5)
    with pytest.raises(ValidationError, match="Ange året som tertialen hör till"):
        ws.update("budget", grant_id(ws, plan_id), tertial=2)
    assert ws.get("budget", line["id"])["tertial"] == 3  # nothing of a refused change is kept

    other = Workspace.create(tmp_path / "annan.uppdrag")
    try:
        again, _ = import_plan_data(other, plan_to_dict(ws, plan_id))
        assert plan_to_dict(other, again)["budget"] == plan_to_dict(ws, plan_id)["budget"]
    finally:
        other.close()


def grant_id(ws: Workspace, plan_id: int) -> int:
    return next(b["id"] for b in ws.list("budget", plan_id) if b["kind"] == "financing")


def test_word_shows_budget_against_utfall_and_prognos(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    export_docx(_followed_plan(), out)
    grid = [[c.replace("\xa0", " ") for c in r] for r in rows(table_with_header(open_docx(out), "Post"))]
    assert grid[0] == ["Post", "År", "Budget", "Utfall", "Prognos", "Avvikelse", "Kommentar"]
    assert grid[2] == ["Licenser", "2025 T1", "1 050 000 kr", "400 000 kr", "1 100 000 kr", "−50 000 kr", ""]
    assert grid[3] == ["Utbildning", "2025", "200 000 kr", "50 000 kr", "", "", "Inkl. lokaler"]
    assert grid[4] == ["Summa kostnader", "", "1 250 000 kr", "450 000 kr", "1 100 000 kr", "−50 000 kr", ""]


def test_word_without_follow_up_keeps_one_amount_column(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    export_docx(small_plan(), out)
    assert rows(table_with_header(open_docx(out), "Post"))[0] == ["Post", "År", "Belopp", "Kommentar"]


def test_excel_has_the_follow_up_columns(ws: Workspace, tmp_path: Path) -> None:
    from app.exporters import export_plan

    plan_id, _ = import_plan_data(ws, _followed_plan())
    out = tmp_path / "plan.xlsx"
    export_plan(ws, plan_id, out)
    sheet = load_workbook(out)["Budget"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    found = {name: header.index(name) for name in ("Tertial", "Utfall (kr)", "Prognos (kr)", "Avvikelse (kr)")}
    licences = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "Licenser")
    assert [licences[found[n]] for n in found] == [1, 400000, 1100000, -50000]
