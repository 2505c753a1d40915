"""Undo that never empties: importing a plan, freezing an edition and changing a plan's steering model
are each one undo step, and the edits made before them can still be undone afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.editions import list_editions
from app.plans import export_plan_json, list_plans
from tests.ui.ui_steps import plan_id_by_title


def _edit_title(window, plan: int, title: str) -> None:
    window.ofile.update("plan", plan, {"subtitle": title}, "Ändra undertitel")


def test_import_is_one_undo_step_after_earlier_edits(make_window, example_file: Path, tmp_path: Path,
                                                     monkeypatch) -> None:
    window = make_window(example_file)
    ws = window.ofile.ws
    plan = plan_id_by_title(window, "Gemensam plan")
    source = export_plan_json(ws, plan, tmp_path / "plan.json")
    text = source.read_text(encoding="utf-8").replace(ws.get("plan", plan)["uuid"], "0f0e0d0c-0b0a-4908-8706-050403020100")
    source.write_text(text.replace("Gemensam plan", "Importerad plan"), encoding="utf-8")
    _edit_title(window, plan, "Före importen")
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: source)

    window.actions_["import"].trigger()
    titles = [p.title for p in list_plans(ws)]
    assert any(t.startswith("Importerad plan") for t in titles)
    assert window.ofile.stack.count() == 2
    assert "import av plan.json" in window.actions_["undo"].text()

    window.actions_["undo"].trigger()
    assert not any(p.title.startswith("Importerad plan") for p in list_plans(ws))
    window.actions_["undo"].trigger()  # the edit before the import is still there to undo
    assert ws.get("plan", plan)["subtitle"] != "Före importen"
    window.actions_["redo"].trigger()
    window.actions_["redo"].trigger()
    assert any(p.title.startswith("Importerad plan") for p in list_plans(ws))
    assert ws.get("plan", plan)["subtitle"] == "Före importen"


def test_freeze_is_one_undo_step(make_window, example_file: Path, qtbot, monkeypatch) -> None:
    window = make_window(example_file)
    ws = window.ofile.ws
    plan = plan_id_by_title(window, "Gemensam plan")
    window.select_plan(plan)
    _edit_title(window, plan, "Före frysningen")
    edition_before = ws.get("plan", plan)["edition"]

    def exec_(dialog) -> int:
        dialog.show()
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr("ui.dialogs.edition_dialogs.FreezeEditionDialog.exec", exec_)
    window.actions_["freeze"].trigger()
    assert len(list_editions(ws, plan)) == 1
    assert window.ofile.stack.count() == 2

    window.actions_["undo"].trigger()
    assert list_editions(ws, plan) == [] and ws.get("plan", plan)["edition"] == edition_before
    window.actions_["undo"].trigger()
    assert ws.get("plan", plan)["subtitle"] != "Före frysningen"
    window.actions_["redo"].trigger()
    window.actions_["redo"].trigger()
    assert [e.label for e in list_editions(ws, plan)] == [ws.get("plan", plan)["edition"]]
