"""Recording a decision at a decision point the way a person does: the button, the dialog, the log."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.decisions import checklist
from app.plans import create_plan
from ui.dialogs.decision_dialog import DecisionDialog
from ui_steps import keys, type_into


def test_decision_with_checklist_is_logged_and_undone(qtbot, monkeypatch, window) -> None:
    ws = window.ofile.ws
    plan_id = create_plan(ws, "project_plan", "PROJEKTiL-plan", steering_model="projektil").ids[0]
    window.show_plan(plan_id)
    assert window.current_plan_id() == plan_id
    page = window.editor.show_page("timeline")
    bp2 = next(r for r in ws.list("timeline", plan_id) if r["code"] == "BP2")
    page.select_row(page.model.row_of(bp2["id"]))
    assert page.decision_button.isEnabled()

    def run(dialog: DecisionDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.table.rowCount() == len(checklist(bp2)) == 9
        type_into(qtbot, dialog.on.line, "2026-04-01")
        dialog.decided_by.setFocus()
        dialog.decided_by.lineEdit().selectAll()
        keys(qtbot, dialog.decided_by.lineEdit(), "Styrgrupp")
        while dialog.outcome.currentData() != "continue":
            qtbot.keyClick(dialog.outcome, Qt.Key.Key_Down)
        keys(qtbot, dialog.diarienummer, "RS 2026/7")
        for combo in dialog.answers:
            combo.setCurrentIndex(combo.findData("ja"))
        dialog.answers[3].setCurrentIndex(dialog.answers[3].findData("ej_aktuellt"))
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", run)
    qtbot.mouseClick(page.decision_button, Qt.MouseButton.LeftButton)
    log = [e for e in ws.list("log", plan_id) if e["kind"] == "decision"]
    assert len(log) == 1
    entry = log[0]
    assert (entry["entry_date"], entry["decided_by"], entry["outcome"], entry["diarienummer"], entry["item"]) == (
        date(2026, 4, 1), "Styrgrupp", "continue", "RS 2026/7", bp2["id"])
    answers = checklist(ws.get("timeline", bp2["id"]))
    assert [a.answer for a in answers].count("ja") == 8 and answers[3].answer == "ej_aktuellt"
    assert ws.get("timeline", bp2["id"])["status"] == "done"
    log_page = window.editor.show_page("log")
    assert any("Fortsätt" in cell for row in log_page.model.cells for cell in row)
    window.actions_["undo"].trigger()
    assert [e for e in ws.list("log", plan_id) if e["kind"] == "decision"] == []
    assert ws.get("timeline", bp2["id"])["status"] == bp2["status"]
    assert [a.answer for a in checklist(ws.get("timeline", bp2["id"]))] == [""] * 9


def test_change_model_shows_a_preview_first(qtbot, monkeypatch, window) -> None:
    from ui.dialogs.steering_dialog import ChangeModelDialog

    ws = window.ofile.ws
    plan_id = create_plan(ws, "project_plan", "Modellbyte", steering_model="pps").ids[0]
    window.show_plan(plan_id)
    seen: list[str] = []

    def run(dialog: ChangeModelDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.model.setFocus()
        while dialog.model.currentData() != "xlpm":
            qtbot.keyClick(dialog.model, Qt.Key.Key_Down)
        seen.append(dialog.preview.text())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ChangeModelDialog, "exec", run)
    window.actions_["steering_model"].trigger()
    assert "Läggs till: TG0, TG1, TG2, TG3, TG4, TG5" in seen[0]
    assert "Tas bort: BP1, BP2, BP3, BP4, BP5, BP6, BP7, BP8" in seen[0]
    assert ws.get("plan", plan_id)["steering_model"] == "xlpm"
    assert [t["code"] for t in ws.list("timeline", plan_id) if t["kind"] == "decision_point"] == [
        f"TG{i}" for i in range(6)]
    # One undo step: the plan has its old model and decision points back.
    assert "byt styrmodell" in window.actions_["undo"].text()
    window.actions_["undo"].trigger()
    assert ws.get("plan", plan_id)["steering_model"] == "pps"
    assert [t["code"] for t in ws.list("timeline", plan_id) if t["kind"] == "decision_point"] == [
        f"BP{i}" for i in range(1, 9)]


def test_an_organisations_model_file_is_read_into_the_file(qtbot, monkeypatch, window, tmp_path) -> None:
    from app.steering import models
    from ui.dialogs import files

    good = tmp_path / "grindar.toml"
    good.write_text('key = "grindar"\nname = "Grindar 1–6"\n[[decision_points]]\ncode = "G1"\nname = "Grind 1"\n'
                    'decides = "Start."\n', encoding="utf-8")
    monkeypatch.setattr(files, "open_path", lambda *a, **k: good)
    window.actions_["read_model"].trigger()
    assert "grindar" in models(window.ofile.ws)
    assert "Grindar 1–6" in window.statusBar().currentMessage()


def test_answering_the_checklist_makes_the_point_ready(qtbot, monkeypatch, window) -> None:
    from datetime import date as day

    from app.timeline import decision_state, timeline_rows
    from ui.dialogs.decision_dialog import ChecklistDialog

    ws = window.ofile.ws
    plan_id = create_plan(ws, "project_plan", "Checklista", steering_model="xlpm").ids[0]
    window.show_plan(plan_id)
    page = window.editor.show_page("timeline")
    tg2 = next(r for r in ws.list("timeline", plan_id) if r["code"] == "TG2")
    page.select_row(page.model.row_of(tg2["id"]))

    def run(dialog: ChecklistDialog) -> int:
        qtbot.addWidget(dialog)
        for combo in dialog.table.answers:
            combo.setCurrentIndex(combo.findData("ja"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ChecklistDialog, "exec", run)
    qtbot.mouseClick(page.checklist_button, Qt.MouseButton.LeftButton)
    assert all(a.answer == "ja" for a in checklist(ws.get("timeline", tg2["id"])))
    data = timeline_rows(ws, plan_id)
    row = data.rows[data.index[tg2["id"]]]
    assert decision_state(row, data.ready, day(2026, 1, 1).toordinal()) == "ready"
    assert [e for e in ws.list("log", plan_id) if e["kind"] == "decision"] == []  # no decision yet
    window.actions_["undo"].trigger()
    assert all(a.answer == "" for a in checklist(ws.get("timeline", tg2["id"])))
