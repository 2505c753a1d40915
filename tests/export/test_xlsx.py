"""The Excel export, read back with openpyxl, and through the command line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.dates import VagueDate
from app.export.xlsx_export import export_xlsx
from app.planfile.write import plan_to_dict
from app.plans import create_plan
from app.workspace import Workspace


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "x.uppdrag"
    ws = Workspace.create(path)
    plan_id = create_plan(ws, "plan", "Titel").ids[0]
    ws.add("risk", plan_id, title="Brist på\x01 personal", cause="Pensionsavgångar", probability=3, impact=4,
           owner="Anna", due=VagueDate.month(2025, 9), status="handled", trend="up")
    ws.add("risk", plan_id, title="=SUMMA(A1:A2)", probability=1, impact=1)
    ws.add("timeline", plan_id, kind="activity", title="Kartläggning",
           start=VagueDate.quarter(2025, 3), end=VagueDate.day(2025, 11, 18), progress=40)
    ws.add("resource", plan_id, competence="Verksamhetsutvecklare", name="Bo", allocation=50,
           start=VagueDate.month(2025, 1))
    ws.add("budget", plan_id, kind="cost", description="Konsulter", amount=1_250_000, year=2025)
    ws.close()
    return path, plan_id


def _read(path: Path, plan_id: int, out: Path) -> object:
    ws = Workspace.open(path, read_only=True)
    try:
        result = export_xlsx(plan_to_dict(ws, plan_id), out)
    finally:
        ws.close()
    assert result.path == out
    return result


def _header(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def test_sheets_headers_types_and_layout(filled: tuple[Path, int], tmp_path: Path) -> None:
    path, plan_id = filled
    out = tmp_path / "ut.xlsx"
    result = _read(path, plan_id, out)
    assert result.warnings == ["1 otillåtna styrtecken togs bort ur texten."]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Plan", "Risker", "Riskmatris", "Aktiviteter", "Resurser", "Budget"]

    risks = wb["Risker"]
    head = _header(risks)
    assert head[:4] == ["Risk", "Orsak", "Följd", "Sannolikhet"]
    assert {"Konsekvens", "Riskvärde", "Ansvarig", "Åtgärd", "Datum", "Status", "Trend"} <= set(head)
    row = {h: c for h, c in zip(head, risks[2], strict=True)}
    assert row["Risk"].value == "Brist på personal"  # control character stripped
    assert row["Riskvärde"].value == '=IF(OR(D2="",F2=""),"",D2*F2)'  # a formula Excel keeps computing
    assert isinstance(row["Datum"].value, datetime) and row["Datum"].value.date().isoformat() == "2025-09-01"
    assert row["Datum (text)"].value == "September 2025"
    assert (row["Status"].value, row["Trend"].value) == ("Hanteras", "Ökande")
    formula_like = risks.cell(row=3, column=1)  # sorted by value as in Word: 12 first, then 1
    assert formula_like.value == "=SUMMA(A1:A2)" and formula_like.data_type == "s"

    for name in ("Risker", "Aktiviteter", "Resurser", "Budget"):  # Excel tables: filters and sorting
        sheet = wb[name]
        assert sheet.freeze_panes == "A2"
        assert list(sheet.tables) == [name] and sheet.tables[name].ref.startswith("A1:")
        assert sheet.column_dimensions["A"].width >= len(str(sheet["A1"].value))
    assert risks.tables["Risker"].ref == f"A1:{openpyxl.utils.get_column_letter(len(head))}3"

    act = wb["Aktiviteter"]
    titles = {c.value: c.column for c in act[1]}
    kartl = next(r for r in act.iter_rows(min_row=2) if r[titles["Benämning"] - 1].value == "Kartläggning")
    assert kartl[titles["Start"] - 1].value == datetime(2025, 7, 1)
    assert kartl[titles["Start (text)"] - 1].value == "Q3 2025"
    assert kartl[titles["Färdigt (%)"] - 1].value == 40

    res = wb["Resurser"]
    assert _header(res)[:3] == ["Resurs/kompetens", "Namn", "Andel av tjänst (%)"]
    assert res["C2"].value == 50

    budget = wb["Budget"]
    assert _header(budget) == ["Typ", "Beskrivning", "Belopp (kr)", "År", "Tertial", "Utfall (kr)", "Prognos (kr)",
                               "Avvikelse (kr)", "Kommentar", "Summering"]
    assert budget["J2"].value == "Summeras"
    amount = budget["C2"]
    assert amount.value == 1_250_000 and isinstance(amount.value, int)
    assert "kr" in amount.number_format and "0" in amount.number_format
    assert budget["A2"].value == "Kostnad" and budget["D2"].value == 2025


def test_empty_plan_gives_headers_only(tmp_path: Path) -> None:
    out = tmp_path / "tom.xlsx"
    export_xlsx({"title": "Tom"}, out)
    wb = openpyxl.load_workbook(out)
    for name in ("Risker", "Aktiviteter", "Resurser", "Budget"):
        assert wb[name].max_row == 1 and wb[name].freeze_panes == "A2"
        assert wb[name].tables[name].ref.endswith("2")  # a table has a row under its header


def test_cli_export_xlsx(filled: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, plan_id = filled
    out = tmp_path / "cli.xlsx"
    assert main(["export", str(path), str(plan_id), "-o", str(out)]) == 0
    assert "Skrev" in capsys.readouterr().out
    # Other sheets (e.g. resource load) may follow the registers.
    assert openpyxl.load_workbook(out).sheetnames[:6] == ["Plan", "Risker", "Riskmatris", "Aktiviteter", "Resurser",
                                                          "Budget"]


def test_unwritable_target_is_a_swedish_error(tmp_path: Path) -> None:
    out = tmp_path / "saknas" / "ut.xlsx"
    with pytest.raises(OSError, match="Kunde inte skriva"):
        export_xlsx({"title": "T"}, out)
