"""Arkiv → Importera aktiviteter eller risker: the sheet picked, the columns mapped and remembered."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Försättsblad"
    sheet = wb.create_sheet("Lista")
    sheet.append(["Uppgift", "Från", "Till", "Vem", "Kolumn X"])
    sheet.append(["Intervjuer med enheterna", "hösten 2025", "2025-12-01", "Anna", 40])
    sheet.append(["Trasig rad", "32/13 2025", None, "Bo", None])
    wb.save(path)
    return path


def test_excel_import_with_sheet_and_mapping_remembered(window, qtbot, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    book = _workbook(tmp_path / "lista.xlsx")
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: book)
    shown: list[str] = []
    monkeypatch.setattr("ui.file_actions.show_error", lambda parent, message, title=None: shown.append(message))
    monkeypatch.setattr("ui.errors.show_error", lambda parent, message, title=None: shown.append(message))
    seen: dict[str, object] = {}

    def run(dialog) -> bool:
        assert dialog.sheet.isVisibleTo(dialog) and dialog.sheet.currentText() == "Lista"  # the one with a list
        dialog.sheet.setCurrentText("Försättsblad")  # empty: said, and the columns stay
        assert "Försättsblad" in shown.pop() and dialog.combos["title"].currentText() == "Uppgift"
        dialog.sheet.setCurrentText("Lista")
        assert dialog.table_key() == "activities"
        assert dialog.combos["title"].currentText() == "Uppgift" and dialog.combos["start"].currentText() == "Från"
        assert dialog.combos["progress"].currentText() == "(ingen)"
        dialog.combos["progress"].setCurrentText("Kolumn X")  # mapped by hand
        dialog.combos["responsible"].setCurrentText("Vem")
        seen["mapping"] = dialog.mapping()
        return True

    monkeypatch.setattr("ui.dialogs.files.run_dialog", run)
    plan_id = window.current_plan_id()
    before = len(window.ofile.ws.list("timeline", plan_id))
    assert window.actions_["import_table"].isEnabled()
    window.actions_["import_table"].trigger()
    items = window.ofile.ws.list("timeline", plan_id)
    assert len(items) == before + 1, shown
    new = next(i for i in items if i["title"] == "Intervjuer med enheterna")
    assert (new["progress"], new["responsible"]) == (40, "Anna")
    assert "1 nya och 0 ändrade aktiviteter" in shown[0] and "rad 3: Start" in shown[0]
    assert window.settings.import_mapping("activities")["progress"] == "Kolumn X"
    window.actions_["undo"].trigger()  # one undo step gives back the plan as it was
    assert len(window.ofile.ws.list("timeline", plan_id)) == before
    window.actions_["redo"].trigger()

    def again(dialog) -> bool:  # next time the mapping made by hand is there already
        dialog.sheet.setCurrentText("Lista")
        assert dialog.combos["progress"].currentText() == "Kolumn X"
        return False

    monkeypatch.setattr("ui.dialogs.files.run_dialog", again)
    window.actions_["import_table"].trigger()
    assert len(window.ofile.ws.list("timeline", plan_id)) == before + 1


def test_a_damaged_file_is_said_and_nothing_changes(window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "trasig.xlsx"
    bad.write_bytes(b"inte en arbetsbok")
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: bad)
    shown: list[str] = []
    monkeypatch.setattr("ui.file_actions.show_error", lambda parent, message, title=None: shown.append(message))
    plan_id = window.current_plan_id()
    before = window.ofile.ws.list("timeline", plan_id)
    window.actions_["import_table"].trigger()
    assert "ingen Excel-arbetsbok" in shown[0]
    assert window.ofile.ws.list("timeline", plan_id) == before


def test_the_risk_register_goes_out_as_csv_and_back_with_the_unread_rows_said(
        window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Arkiv → Exportera riskregistret som CSV, then the same file (a row made unreadable, one added) through
    Importera aktiviteter eller risker: the risks come back, the bad row is named by its line, and nothing else moves."""
    ws = window.ofile.ws
    plan_id = window.current_plan_id()
    ws.add("risk", plan_id, title="Personalbrist", consequence="Vården försenas", probability=2, impact=3)
    ws.add("risk", plan_id, title="=HYPERLINK(\"http://x\")", probability=4, impact=4)  # user text, not a formula
    ws.add("risk", plan_id, title="Leverantören går i konkurs", probability=1, impact=4)
    risks = ws.list("risk", plan_id)
    out = tmp_path / "risker.csv"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: out)
    monkeypatch.setattr("ui.dialogs.files.ask_open_after", lambda *a, **k: False)
    assert window.actions_["export_risks.csv"].isEnabled()
    window.actions_["export_risks.csv"].trigger()
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:2] == ["Id", "Risk"] and len(rows) == len(risks) + 1
    titles = [row[1] for row in rows[1:]]
    assert {"Personalbrist", "Leverantören går i konkurs"} <= set(titles)
    assert not any(cell.startswith("=") for row in rows for cell in row)  # user text is never a formula
    rows[1][header.index("Sannolikhet")] = "mycket"  # not a score: that row is left out and named
    new = ["" for _ in header]
    new[header.index("Risk")] = "Ny risk från Excel"
    rows.append(new)
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    out.write_bytes(("\ufeff" + text.getvalue()).encode("utf-8"))
    shown: list[str] = []
    monkeypatch.setattr("ui.file_actions.show_error", lambda parent, message, title=None: shown.append(message))
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: out)

    def run(dialog) -> bool:
        assert dialog.table_key() == "risks"  # told by its header
        return True

    monkeypatch.setattr("ui.dialogs.files.run_dialog", run)
    window.actions_["import_table"].trigger()
    after = ws.list("risk", plan_id)
    assert "Ny risk från Excel" in [r["title"] for r in after], shown
    assert len(after) == len(risks) + 1
    assert shown and "rad 2" in shown[0], shown  # the same summary as for an activity list
    assert {r["title"]: r["probability"] for r in after}["Leverantören går i konkurs"] == 1
