"""The main window: new plans, copy and delete with undo, undo across pages, search, files, errors."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt

from app.plans import list_plans
from app.templates import DOC_TYPE_LABELS, TEMPLATES
from app.workspace import Workspace
from ui.dialogs.new_plan import COPY, NewPlanDialog
from ui_steps import keys, type_into


def fill_new_plan_dialog(monkeypatch, qtbot, key: str, title: str) -> None:
    """When the dialog opens, pick `key` in the template list with the keyboard and type a title."""

    def run(dialog: NewPlanDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        combo = dialog.kind
        combo.setFocus()
        while combo.currentData() != key:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        dialog.title.clear()
        keys(qtbot, dialog.title, title)
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", run)


@pytest.mark.parametrize("key", list(DOC_TYPE_LABELS))
def test_new_plan_from_each_template_and_undo(qtbot, monkeypatch, make_window, empty_file, key) -> None:
    window = make_window(empty_file)
    fill_new_plan_dialog(monkeypatch, qtbot, key, f"Nytt {key} för Västra vårdcentralen")
    window.actions_["new_plan"].trigger()
    plans = list_plans(window.ofile.ws)
    assert [(p.doc_type, p.title) for p in plans] == [(key, f"Nytt {key} för Västra vårdcentralen")]
    plan_id = plans[0].id
    assert window.current_plan_id() == plan_id
    sections = window.ofile.ws.list("section", plan_id)
    assert [s["heading"] for s in sections] == [s.heading for s in TEMPLATES[key].sections]
    assert window.editor.page("section").model.rowCount() == len(sections)
    window.actions_["undo"].trigger()
    assert list_plans(window.ofile.ws) == []
    assert window.editor is None
    window.actions_["redo"].trigger()
    assert [p.id for p in list_plans(window.ofile.ws)] == [plan_id]


def test_copy_of_existing_plan_from_dialog(qtbot, monkeypatch, window) -> None:
    before = len(list_plans(window.ofile.ws))
    fill_new_plan_dialog(monkeypatch, qtbot, COPY, "Kopierad plan")
    window.actions_["new_plan"].trigger()
    plans = list_plans(window.ofile.ws)
    assert len(plans) == before + 1
    copy = next(p for p in plans if p.title == "Kopierad plan")
    assert window.ofile.ws.list("section", copy.id)


def test_delete_plan_asks_and_undo_restores(window, answers) -> None:
    plan_id = window.current_plan_id()
    title = window.ofile.ws.get("plan", plan_id)["title"]
    window.actions_["delete_plan"].trigger()
    assert title in answers[-1]
    assert plan_id not in [p.id for p in list_plans(window.ofile.ws)]
    assert window.plan_model.index_of_plan(plan_id).isValid() is False
    window.tree.setFocus()
    window.actions_["undo"].trigger()
    assert plan_id in [p.id for p in list_plans(window.ofile.ws)]
    assert window.plan_model.index_of_plan(plan_id).isValid()


def test_delete_plan_answered_no_keeps_the_plan(window, answers) -> None:
    answers.reply = False
    plan_id = window.current_plan_id()
    window.actions_["delete_plan"].trigger()
    assert answers
    assert plan_id in [p.id for p in list_plans(window.ofile.ws)]
    assert window.current_plan_id() == plan_id
    assert not window.ofile.stack.canUndo()


def test_copy_plan_action_and_undo(window) -> None:
    before = len(list_plans(window.ofile.ws))
    window.actions_["copy_plan"].trigger()
    assert len(list_plans(window.ofile.ws)) == before + 1
    assert window.ofile.ws.get("plan", window.current_plan_id())["title"].startswith("Kopia av ")
    window.undo()
    assert len(list_plans(window.ofile.ws)) == before


def test_undo_and_redo_across_pages_with_shortcuts(qtbot, window) -> None:
    ws, plan_id = window.ofile.ws, window.current_plan_id()
    old_diarienummer = ws.get("plan", plan_id)["diarienummer"]
    metadata = window.editor.show_page("metadata").form
    type_into(qtbot, metadata.editor("diarienummer").line, "HSN 2025/9")
    timeline = window.editor.show_page("timeline")
    row_id = timeline.current_id()
    type_into(qtbot, timeline.form.editor("title").line, "Ändrad aktivitet")
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.get("timeline", row_id)["title"] != "Ändrad aktivitet"
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.get("plan", plan_id)["diarienummer"] == old_diarienummer
    assert window.editor.tabs.currentWidget() is window.editor.page("metadata")  # shows where it happened
    assert metadata.editor("diarienummer").line.text() == old_diarienummer
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ws.get("plan", plan_id)["diarienummer"] == "HSN 2025/9"
    assert ws.get("timeline", row_id)["title"] == "Ändrad aktivitet"
    assert window.editor.tabs.currentWidget() is window.editor.page("timeline")


def test_search_as_you_type_over_title_diarienummer_and_text(qtbot, window) -> None:
    ws = window.ofile.ws
    directive = next(p for p in list_plans(ws) if p.doc_type == "directive")
    window.select_plan(directive.id)
    type_into(qtbot, window.editor.show_page("metadata").form.editor("diarienummer").line, "RS 2024/4711")

    def shown() -> set[str]:
        qtbot.wait(200)  # the search runs once typing pauses
        model = window.plan_model
        titles = set()
        for d in range(model.rowCount()):
            doc = model.index(d, 0)
            for s in range(model.rowCount(doc)):
                status = model.index(s, 0, doc)
                titles |= {model.index(p, 0, status).data() for p in range(model.rowCount(status))}
        return titles

    assert len(shown()) == 2
    type_into(qtbot, window.search, "Örebro", enter=False)
    assert shown() == {"Gemensam plan för primärvården som nav"}
    type_into(qtbot, window.search, "4711", enter=False)
    assert shown() == {directive.title}
    type_into(qtbot, window.search, "västerbottningen", enter=False)  # only in a section's text
    assert shown() == {directive.title}
    type_into(qtbot, window.search, "finnsintenågonstans", enter=False)
    assert shown() == set()
    window.search.clear()
    assert len(shown()) == 2


def test_search_index_follows_edits(qtbot, window) -> None:
    page = window.editor.show_page("term")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.editor("term").line, "Zebraprojektet")
    assert window.index.search("zebra") == {window.current_plan_id()}


def test_close_and_reopen_finds_everything_and_remembers_window(qtbot, make_window, example_file, settings) -> None:
    window = make_window(example_file)
    plan_id = window.current_plan_id()
    type_into(qtbot, window.editor.show_page("metadata").form.editor("version").line, "7")
    page = window.editor.show_page("section")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    keys(qtbot, page.form.editor("heading").line, "Sista ordet")
    window.splitter.setSizes([250, 1150])
    window.close()  # the heading being typed is stored on close
    assert window.ofile is None
    ws = Workspace.open(example_file)
    try:
        assert ws.get("plan", plan_id)["version"] == "7"
        assert "Sista ordet" in [s["heading"] for s in ws.list("section", plan_id)]
    finally:
        ws.close()
    from ui.settings import AppSettings

    remembered = AppSettings(settings)
    assert remembered.last_file == example_file.resolve()
    assert remembered.geometry is not None and remembered.splitter is not None
    again = make_window(example_file)
    assert again.ofile.ws.get("plan", plan_id)["version"] == "7"
    assert again.splitter.sizes()[0] < 300


def test_refused_file_shows_message_and_app_stays_usable(qtbot, make_window, example_file, tmp_path) -> None:
    window = make_window(example_file)
    garbage = tmp_path / "skräp.uppdrag"
    garbage.write_bytes(b"inte en databas " * 100)
    assert window.open_path(garbage) is False
    dialog = window.problem_dialog
    assert dialog.isVisible() and dialog.message.text() and "Traceback" not in dialog.message.text()
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.ofile is None or window.ofile.path == example_file
    assert window.open_path(example_file) is True
    assert window.plan_model.plan_count() == 2


def test_read_only_file_says_so(make_window, example_file) -> None:
    window = make_window(example_file)
    window.open_path(example_file, read_only=True)
    assert "skrivskyddad" in window.file_label.text()
    assert not window.actions_["new_plan"].isEnabled()
    assert not window.editor.page("timeline").add_button.isEnabled()


def test_unexpected_exception_is_logged_and_reported(make_window, example_file, private_data_dir, messages) -> None:
    window = make_window(example_file)
    from ui.errors import ExceptionHook

    hook = ExceptionHook(lambda: window, interactive=True)
    try:
        raise RuntimeError("något gick sönder")
    except RuntimeError:
        hook(*sys.exc_info())
    assert hook.last_log is not None and hook.last_log.parent == private_data_dir / "logs"
    assert "något gick sönder" in hook.last_log.read_text(encoding="utf-8")
    assert "Ditt arbete är sparat" in messages[-1]
    from app.validation import ValidationError

    hook(ValidationError, ValidationError([("title", "Titeln saknas.")]), None)
    assert messages[-1] == "Titeln saknas."
    assert window.isVisible()


def test_export_word_and_json(qtbot, monkeypatch, window, tmp_path) -> None:
    targets = iter([tmp_path / "plan.json", tmp_path / "plan.docx"])
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: next(targets))
    window.actions_["export.json"].trigger()
    assert (tmp_path / "plan.json").exists()
    window.actions_["export.docx"].trigger()
    assert (tmp_path / "plan.docx").stat().st_size > 1000


def test_export_word_with_checklists(qtbot, monkeypatch, window, tmp_path) -> None:
    from docx import Document

    from app.plans import list_plans

    directive = next(p for p in list_plans(window.ofile.ws) if p.doc_type == "directive")
    window.show_plan(directive.id)
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: tmp_path / "med.docx")
    monkeypatch.setattr("ui.dialogs.files.ask_open_after", lambda *a, **k: False)
    window.actions_["export_checklists"].trigger()
    assert "Bilaga: Checklistor inför beslut" in [p.text for p in Document(str(tmp_path / "med.docx")).paragraphs]


def test_new_file_and_import(qtbot, monkeypatch, window, tmp_path) -> None:
    from app.plans import example_files

    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: tmp_path / "ny")
    window.actions_["new_file"].trigger()
    assert window.ofile.path == tmp_path / "ny.uppdrag"
    assert window.plan_model.plan_count() == 0
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: example_files()[0])
    window.actions_["import"].trigger()
    assert window.plan_model.plan_count() == 1
    assert window.editor is not None


def test_menus_have_mnemonics_and_shortcuts(window) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Arkiv", "&Redigera", "&Visa", "&Inställningar", "&Hjälp"]
    assert window.actions_["undo"].shortcut().toString() == "Ctrl+Z"
    assert [k.toString() for k in window.actions_["redo"].shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    assert window.actions_["new_plan"].shortcut().toString() == "Ctrl+N"
    assert window.search.accessibleName()


def test_no_two_actions_of_the_window_share_a_shortcut(window) -> None:
    from PySide6.QtGui import QAction

    owners: dict[str, list[str]] = {}
    # the window's own actions and its controllers' (ui.controllers), each once
    for action in {id(a): a for a in [*window.findChildren(QAction), *window.actions_.values()]}.values():
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.objectName() or action.text())
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}
    assert window.actions_["checkout"].shortcut().toString() == "Ctrl+Shift+O"
    assert window.actions_["portfolio_overview"].shortcut().toString() == "Ctrl+Shift+B"


def test_an_error_in_the_status_bar_is_red_until_it_goes_and_its_timer_is_the_window_s(window) -> None:
    window.show_message("Ändringen kunde inte sparas.")
    assert "#b00020" in window.statusBar().styleSheet()
    timer = window.message_colour_timer
    assert timer.parent() is window and timer.isActive() and timer.interval() == window.MESSAGE_MS
    timer.timeout.emit()
    assert window.statusBar().styleSheet() == ""


def test_closing_the_file_closes_its_search_index(window) -> None:
    window.search.setText("plan")
    window.refresh_list()
    assert window.index.search("plan")
    window.close_file()
    assert window.plans.search_index.text._db is None


def test_new_plan_dialog_offers_the_steering_models(qtbot, monkeypatch, make_window, empty_file) -> None:
    window = make_window(empty_file)

    def run(dialog: NewPlanDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        offered = [dialog.model.itemText(i) for i in range(dialog.model.count())]
        assert offered == ["PPS", "XLPM/PROPS", "PROJEKTiL", "Lokal uppdragsmodell (BP0–BP3)", "Egen"]
        dialog.kind.setFocus()
        while dialog.kind.currentData() != "project_plan":
            qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
        assert dialog.model.currentData() == "pps"  # a project plan's usual model
        dialog.model.setFocus()
        while dialog.model.currentData() != "xlpm":
            qtbot.keyClick(dialog.model, Qt.Key.Key_Down)
        dialog.model.activated.emit(dialog.model.currentIndex())
        keys(qtbot, dialog.title, "Ny IT-plattform")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", run)
    window.actions_["new_plan"].trigger()
    plan_id = window.current_plan_id()
    ws = window.ofile.ws
    assert ws.get("plan", plan_id)["steering_model"] == "xlpm"
    assert [t["code"] for t in ws.list("timeline", plan_id) if t["kind"] == "decision_point"] == [
        f"TG{i}" for i in range(6)]


def test_qt_warnings_go_to_the_log(qtbot) -> None:
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    from app.logs import configure_logging
    from ui.errors import route_qt_messages

    path = configure_logging()
    route_qt_messages()
    try:
        qWarning("en varning från Qt")
    finally:
        qInstallMessageHandler(None)
    assert "WARNING" in path.read_text(encoding="utf-8") and "en varning från Qt" in path.read_text(encoding="utf-8")


def test_ms_project_xml_from_the_file_menu(qtbot, monkeypatch, window, answers, tmp_path) -> None:
    """Arkiv → Exportera som MS Project-XML, then Arkiv → Importera plan into a new file: the plan is
    there with its timeline, and the import's summary is shown."""
    from app.planfile.write import plan_to_dict

    plan_id = window.current_plan_id()
    before = plan_to_dict(window.ofile.ws, plan_id)
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: tmp_path / "plan.xml")
    window.actions_["export.xml"].trigger()
    assert (tmp_path / "plan.xml").read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"')

    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: tmp_path / "ny")
    window.actions_["new_file"].trigger()
    shown: list[list[str]] = []
    monkeypatch.setattr("ui.dialogs.files.show_import_summary", lambda parent, lines: shown.append(lines))
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: tmp_path / "plan.xml")
    window.actions_["import"].trigger()
    assert window.plan_model.plan_count() == 1
    after = plan_to_dict(window.ofile.ws, window.current_plan_id())
    assert [(t["uuid"], t["start"], t["end"]) for t in after["timeline"]] == \
        [(t["uuid"], t["start"], t["end"]) for t in before["timeline"]]
    assert shown and shown[0][0].startswith(f"Läste {len(before['timeline'])} uppgifter")
