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


def test_compare_shows_every_part_and_exports_the_appendix(make_window, example_file: Path, tmp_path: Path,
                                                           qtbot, monkeypatch) -> None:
    import docx

    from app.editions import freeze_edition

    window = make_window(example_file)
    ws = window.ofile.ws
    plan = plan_id_by_title(window, "Gemensam plan")
    window.select_plan(plan)
    freeze_edition(ws, plan, "1.0")
    item = ws.list("timeline", plan)[0]
    ws.update("timeline", item["id"], title="Ny titel på fasen")
    ws.add("budget", plan, kind="cost", description="Konsultstöd", amount=250000, year=2026)
    target = tmp_path / "med-bilaga.docx"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: target)
    shown: list[str] = []

    def exec_(dialog) -> int:
        dialog.show()
        shown.append(dialog.summary.toPlainText())
        assert dialog.export_button.isEnabled()
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        return 0

    monkeypatch.setattr("ui.dialogs.edition_dialogs.CompareEditionsDialog.exec", exec_)
    window.actions_["compare"].trigger()
    assert "Tidplan\n- Ändrad:" in shown[0] and "Ny titel på fasen" in shown[0]
    assert "Budget\n- Tillagd: Kostnad Konsultstöd" in shown[0]
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    start = texts.index("Bilaga: Ändringar sedan utgåva 1.0")
    assert texts[start + 1] == "Tidplan" and "Ny titel på fasen" in texts[start + 2]
