"""The Excel export as a risk workbook a risk owner can work in: read with openpyxl, and computed by
LibreOffice Calc (converted headless; its formulas and conditional formats must survive)."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.dates import VagueDate
from app.plans import create_plan
from app.risks import RiskSettings, change_scale, save_settings
from app.workspace import Workspace
from tests.export.test_pdf_export import require_libreoffice


@pytest.fixture
def risky(tmp_path: Path) -> tuple[Path, int, int]:
    path = tmp_path / "r.uppdrag"
    ws = Workspace.create(path)
    change_scale(ws, 5)
    save_settings(ws, RiskSettings(5, ("Sällan", "Ibland", "Möjlig", "Trolig", "Nästan säker"),
                                   ("Liten", "Märkbar", "Kännbar", "Allvarlig", "Katastrofal"), 6, 15))
    plan_id = create_plan(ws, "plan", "Nära vård", diarienummer="RS 2025/117", edition="1.0",
                          document_date=VagueDate.day(2025, 11, 18)).ids[0]
    ws.add("risk", plan_id, title="Låg risk", probability=1, impact=2)
    ws.add("risk", plan_id, title="=HYPERLINK(\"http://x\")", probability=5, impact=4, owner="Anna")
    ws.add("risk", plan_id, title="Medel", probability=2, impact=3)
    ws.add("risk", plan_id, title="Obedömd")
    person = ws.add("person", name="Bo Ek", unit="=1+1").ids[0]
    ws.add("resource", plan_id, competence="Utredare", person=person, allocation=60,
           start=VagueDate.month(2026, 1), end=VagueDate.month(2026, 3))
    other = create_plan(ws, "plan", "Annat uppdrag").ids[0]
    ws.add("resource", other, competence="Utredare", person=person, allocation=60,
           start=VagueDate.month(2026, 1), end=VagueDate.month(2026, 3))
    ws.add("risk", other, title="Annan plans risk", probability=3, impact=3)
    ws.close()
    return path, plan_id, other


def _export(path: Path, out: Path, *args: str) -> openpyxl.Workbook:
    assert main(["export", str(path), *args, "-o", str(out)]) == 0
    return openpyxl.load_workbook(out)


def test_identification_sorted_risks_formulas_rules_and_validation(risky, tmp_path: Path) -> None:
    path, plan_id, _ = risky
    wb = _export(path, tmp_path / "plan.xlsx", str(plan_id))
    ident = {row[0].value: row[1].value for row in wb["Plan"].iter_rows(min_row=3, max_row=9)}
    assert ident["Uppdrag"] == "Nära vård" and ident["Diarienummer"] == "RS 2025/117"
    assert (ident["Utgåva"], ident["Status"], ident["Datum"]) == ("1.0", "Utkast", "2025-11-18")
    assert ident["Exporterad"].date() == date.today()

    risks = wb["Risker"]
    head = [c.value for c in risks[1]]
    col = {h: openpyxl.utils.get_column_letter(i) for i, h in enumerate(head, start=1)}
    titles = [risks[f"A{r}"].value for r in range(2, 6)]
    assert titles == ["=HYPERLINK(\"http://x\")", "Medel", "Låg risk", "Obedömd"]  # by value, as in Word
    assert risks["A2"].data_type == "s"  # user text, never a formula
    assert risks[f"{col['Riskvärde']}2"].value == '=IF(OR(D2="",F2=""),"",D2*F2)'
    assert '>=15,"Hög"' in risks[f"{col['Risknivå']}2"].value and '>=6,"Medel"' in risks[f"{col['Risknivå']}2"].value
    rules = {str(area.sqref): [r.formula[0] for r in area.rules] for area in risks.conditional_formatting}
    value = col["Riskvärde"]
    assert rules[f"{col['Risknivå']}2:{col['Risknivå']}1000"] == [
        f"AND(ISNUMBER(${value}2),${value}2>=15)", f"AND(ISNUMBER(${value}2),${value}2>=6,${value}2<15)",
        f"AND(ISNUMBER(${value}2),${value}2<6)"]
    (check,) = risks.data_validations.dataValidation
    assert (check.type, check.operator, check.formula1, check.formula2) == ("whole", "between", "1", "5")
    assert str(check.sqref) == f"{col['Sannolikhet']}2:{col['Sannolikhet']}1000 " \
                               f"{col['Konsekvens']}2:{col['Konsekvens']}1000"
    assert list(risks.tables) == ["Risker"]

    matrix = wb["Riskmatris"]
    assert [matrix.cell(row=3, column=c).value for c in range(2, 7)] == [
        "1 Liten", "2 Märkbar", "3 Kännbar", "4 Allvarlig", "5 Katastrofal"]
    assert matrix["A4"].value == "5 Nästan säker" and matrix["A8"].value == "1 Sällan"
    top_right, bottom_left, middle = matrix["F4"], matrix["B8"], matrix["C7"]  # 25, 1 and 2 × 2 = 4
    assert top_right.fill.start_color.rgb.endswith("FFC7CE") and bottom_left.fill.start_color.rgb.endswith("C6EFCE")
    assert matrix["D6"].fill.start_color.rgb.endswith("FFEB9C") and middle.fill.start_color.rgb.endswith("C6EFCE")
    assert matrix["E4"].value.startswith("=COUNTIFS(Risker!$D$2:$D$1000,5,Risker!$F$2:$F$1000,4)")

    load = wb["Resursbelastning"]  # this plan's share only: 60 %, not the 120 % of both plans
    row = next(r for r in load.iter_rows(min_row=2) if r[0].value == "Bo Ek")
    assert [c.value for c in row[2:5]] == [60, 60, 60] and row[2].font.bold  # bold: over 100 % in the file
    assert row[1].value == "=1+1" and row[1].data_type == "s"  # user text, never a formula
    assert "den här planen" in " ".join(str(r[0].value) for r in load.iter_rows() if r[0].value)


def test_the_whole_files_workbook(risky, tmp_path: Path) -> None:
    path, _plan_id, _other = risky
    wb = _export(path, tmp_path / "alla.xlsx", "--portfolj")
    assert wb.sheetnames == ["Plan", "Risker", "Riskmatris", "Resursbelastning"]
    risks = wb["Risker"]
    assert risks["A1"].value == "Plan" and risks["B1"].value == "Risk"
    assert {risks[f"A{r}"].value for r in range(2, 7)} == {"Nära vård", "Annat uppdrag"}
    load = wb["Resursbelastning"]
    row = next(r for r in load.iter_rows(min_row=2) if r[0].value == "Bo Ek")
    assert [c.value for c in row[2:5]] == [120, 120, 120] and row[2].font.bold  # over 100 % across the file


def test_libreoffice_reads_and_computes_the_workbook(risky, tmp_path: Path) -> None:
    soffice = require_libreoffice()
    path, plan_id, _ = risky
    source = tmp_path / "plan.xlsx"
    _export(path, source, str(plan_id))
    work = tmp_path / "lo"
    work.mkdir()
    env = {**os.environ, "HOME": str(work)}
    done = subprocess.run([soffice, f"-env:UserInstallation={(work / 'profil').as_uri()}", "--headless",
                           "--norestore", "--nolockcheck", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                           "--outdir", str(work), str(source)],
                          capture_output=True, text=True, timeout=240, env=env, stdin=subprocess.DEVNULL)
    said = (done.stdout + done.stderr).lower()
    assert done.returncode == 0 and "error" not in said and "repair" not in said, said
    computed = openpyxl.load_workbook(work / "plan.xlsx", data_only=True)  # the values Calc computed
    risks = computed["Risker"]
    head = [c.value for c in risks[1]]
    rows = [{h: c.value for h, c in zip(head, r)} for r in risks.iter_rows(min_row=2, max_row=5)]
    assert [(r["Riskvärde"], r["Risknivå"]) for r in rows] == [(20, "Hög"), (6, "Medel"), (2, "Låg"), (None, None)]
    assert rows[0]["Risk"] == "=HYPERLINK(\"http://x\")"  # still text after Calc
    matrix = computed["Riskmatris"]
    assert (matrix["E4"].value, matrix["C7"].value, matrix["B8"].value, matrix["F4"].value) == (1, 0, 0, 0)
    assert matrix["C8"].value == 1  # "Låg risk": probability 1, consequence 2
    reread = openpyxl.load_workbook(work / "plan.xlsx")
    assert reread["Risker"].conditional_formatting and reread["Risker"].data_validations.dataValidation
