"""Arkiv → Importera aktiviteter eller risker: the sheet picked, the columns mapped and remembered."""

from __future__ import annotations

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
