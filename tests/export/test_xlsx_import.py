"""Excel import of an activity list or a risk register: a workbook someone already has, and the app's own."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.export.fixtures import stored_rows
from app.cli import main
from app.dates import VagueDate
from app.importers import TableChoice, import_file, preview_table
from app.plans import create_plan
from app.tables import TableError
from app.workspace import Workspace


@pytest.fixture
def plan_file(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "x.uppdrag"
    ws = Workspace.create(path)
    plan_id = create_plan(ws, "plan", "Nära vård").ids[0]
    for item in ws.list("timeline", plan_id):
        ws.delete("timeline", item["id"])
    ws.close()
    return path, plan_id


def _users_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Försättsblad"
    wb.active["A1"] = "Det här är inte listan"
    sheet = wb.create_sheet("Mina aktiviteter")
    sheet.append(["Aktivitetslista för projektet"])  # a title above the table
    sheet.append([])
    sheet.append(["Uppgift", "Från", "Till", "Vem", "Klart %", "Anteckning"])
    sheet.append(["Intervjuer", datetime(2025, 9, 1), datetime(2025, 10, 15), "Anna", "=HYPERLINK(\"http://x\")",
                  "=cmd|' /C calc'!A0"])
    sheet["F4"].data_type = "s"  # text that looks like a formula; E4 is a real formula
    sheet.append(["Analys", "hösten 2025", "v. 50 2025", "Bo", 50, None])
    sheet.append(["Rapport", "dec 2025", "mitten av januari", "Bo", 120, None])  # 120 % and no year
    sheet.append([None, None, None, None, None, None])
    for _ in range(5):  # formatted, empty rows
        sheet.append([None] * 6)
    wb.save(path)
    return path


def test_users_sheet_picked_and_columns_mapped(plan_file, tmp_path: Path) -> None:
    path, plan_id = plan_file
    book = _users_workbook(tmp_path / "lista.xlsx")
    preview = preview_table(book, "Mina aktiviteter")
    assert preview.sheets == ["Försättsblad", "Mina aktiviteter"]
    assert preview.header == ["Uppgift", "Från", "Till", "Vem", "Klart %", "Anteckning"]
    assert preview.table == "activities" and preview.found == {"title": "Uppgift", "start": "Från", "end": "Till",
                                                               "comment": "Anteckning"}
    mapping = {"responsible": "Vem", "progress": "Klart %"}
    ws = Workspace.open(path)
    try:
        outcome = import_file(ws, book, TableChoice(plan_id, None, "Mina aktiviteter", mapping))
    finally:
        ws.close()
    assert outcome.lines[0] == "2 nya och 0 ändrade aktiviteter lästes in."
    assert any(line.startswith("  rad 6: ") for line in outcome.lines)  # the row number in Excel
    assert any("1 celler började med =" in line for line in outcome.lines)
    items = {i["title"]: i for i in stored_rows(path, plan_id)}
    assert set(items) == {"Intervjuer", "Analys"}
    first = items["Intervjuer"]
    assert (first["start"], first["end"]) == (VagueDate.day(2025, 9, 1), VagueDate.day(2025, 10, 15))
    assert first["responsible"] == "Anna" and first["comment"] == "=cmd|' /C calc'!A0"  # text, never run
    assert first["progress"] == 0  # a formula's value as Excel last computed it: none, never run here
    assert items["Analys"]["end"] == VagueDate.week(2025, 50) and items["Analys"]["progress"] == 50


def test_the_apps_own_workbook_reads_back_on_the_cli(plan_file, tmp_path: Path, capsys) -> None:
    path, plan_id = plan_file
    ws = Workspace.open(path)
    ws.add("timeline", plan_id, kind="milestone", code="MS1", title="Status", start=VagueDate.month(2025, 9))
    ws.add("risk", plan_id, title="Personalbrist", probability=3, impact=2, due=VagueDate.quarter(2026, 1))
    ws.close()
    out = tmp_path / "plan.xlsx"
    assert main(["export", str(path), str(plan_id), "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    wb["Aktiviteter"]["C2"] = "Statusrapport"
    wb["Aktiviteter"].append(["Aktivitet", "", "Ny aktivitet", "", None, "Q2 2026"])
    wb.save(out)
    capsys.readouterr()
    assert main(["import", str(path), str(out), "--plan", str(plan_id), "--blad", "Aktiviteter"]) == 0
    assert "1 nya och 1 ändrade aktiviteter" in capsys.readouterr().out
    items = {i["title"]: i for i in stored_rows(path, plan_id)}
    assert items["Statusrapport"]["start"] == VagueDate.month(2025, 9)  # the month kept, not its first day
    assert items["Ny aktivitet"]["start"] == VagueDate.quarter(2026, 2)
    assert main(["import", str(path), str(out), "--plan", str(plan_id), "--blad", "Risker"]) == 0
    assert "0 nya och 0 ändrade risker lästes in (1 oförändrade)." in capsys.readouterr().out
    assert main(["import", str(path), str(out), "--plan", str(plan_id), "--blad", "Saknas"]) == 1
    assert "inget blad ”Saknas”" in capsys.readouterr().err


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b"\0" * (1024 * 1024)
            for _ in range(600):
                fh.write(block)
    return path


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"PK\x03\x04 trasig"), "ingen Excel-arbetsbok"),
    (lambda p: p.write_text("Benämning;Start\n", encoding="utf-8"), "ingen Excel-arbetsbok"),
    (_zip_bomb, "packas upp till mer än"),
    (lambda p: p.write_bytes(_truncated()), "ingen Excel-arbetsbok"),
])
def test_damaged_workbooks_are_refused(plan_file, tmp_path: Path, capsys, make, message) -> None:
    path, plan_id = plan_file
    book = tmp_path / "trasig.xlsx"
    make(book)
    before = stored_rows(path, plan_id)
    assert main(["import", str(path), str(book), "--plan", str(plan_id)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert stored_rows(path, plan_id) == before


def _entity_bomb(path: Path) -> Path:
    """A workbook whose sheet declares entities that expand a billion times ("billion laughs")."""
    import io

    buffer = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active.append(["Benämning"])
    wb.active.append(["Planering"])
    wb.save(buffer)
    lol = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE bomb [\n<!ENTITY lol0 "lol">\n'
           + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">\n' for n in range(1, 10)) + "]>\n")
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if b"Planering" in data:  # the cell's text (in the sheet or the shared strings) is the bomb
                text = data.decode("utf-8")
                text = text.split("?>", 1)[1] if text.startswith("<?xml") else text
                data = (lol + text.lstrip().replace("Planering", "&lol9;")).encode("utf-8")
            out.writestr(item, data)
    return path


def test_a_workbook_with_an_entity_bomb_is_refused_and_nothing_is_written(plan_file, tmp_path: Path, capsys) -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML  # openpyxl parses through defusedxml (a runtime dependency)
    path, plan_id = plan_file
    book = _entity_bomb(tmp_path / "bomb.xlsx")
    before = stored_rows(path, plan_id)
    assert main(["import", str(path), str(book), "--plan", str(plan_id)]) == 1
    err = capsys.readouterr().err
    assert "innehåller XML-entiteter eller en DTD" in err and "Traceback" not in err
    assert stored_rows(path, plan_id) == before


def _truncated() -> bytes:
    import io

    buffer = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active.append(["Benämning"])
    wb.save(buffer)
    return buffer.getvalue()[:-200]


def test_an_empty_sheet_and_an_unknown_table(tmp_path: Path) -> None:
    book = tmp_path / "tom.xlsx"
    wb = openpyxl.Workbook()
    wb.create_sheet("Annat").append(["Fält A", "Fält B"])
    wb.save(book)
    with pytest.raises(TableError, match="är tomt"):
        preview_table(book, "Sheet")
    preview = preview_table(book)  # the first sheet with anything in it
    assert (preview.sheet, preview.table) == ("Annat", None)
