"""Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z take back and bring back the file's edits wherever the cursor is,
and the Edit menu names the step in Swedish."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui_steps import keys

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _focused(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_undo_in_a_field_takes_back_what_was_typed_there(qtbot, window) -> None:
    _focused(qtbot, window)
    ws = window.ofile.ws
    page = window.editor.show_page("timeline")
    row_id = page.current_id()
    before = ws.get("timeline", row_id)["title"]
    line = page.form.editor("title").line
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line, Qt.Key.Key_A, CTRL)
    keys(qtbot, line, "Ändrad aktivitet")  # typed, not yet stored (no Enter, the cursor stays)
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)
    assert ws.get("timeline", row_id)["title"] == before
    assert line.text() == before and line.hasFocus()
    qtbot.keyClick(line, Qt.Key.Key_Y, CTRL)  # redo as on Windows
    assert ws.get("timeline", row_id)["title"] == "Ändrad aktivitet"
    assert line.text() == "Ändrad aktivitet"
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)
    assert line.text() == before
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL_SHIFT)  # and as elsewhere
    assert ws.get("timeline", row_id)["title"] == "Ändrad aktivitet"
    assert window.actions_["undo"].text() == "&Ångra ändrad titel för tidplanens post ’Ändrad aktivitet’"


def test_undo_in_the_risk_register_names_the_part(qtbot, window) -> None:
    _focused(qtbot, window)
    ws = window.ofile.ws
    page = window.editor.show_page("risk")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # a new risk, its title being typed
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    keys(qtbot, editor, "Personalbrist")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    risk_id = page.selected_risk_id()
    assert ws.get("risk", risk_id)["title"] == "Personalbrist"
    table, model = page.table, page.model
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    table.setCurrentIndex(model.index(model.row_of(risk_id), model.column_of("probability")))
    keys(qtbot, table, "3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert ws.get("risk", risk_id)["probability"] == 3
    assert window.actions_["undo"].text() == "&Ångra ändrad sannolikhet för risken ’Personalbrist’"
    keys(qtbot, QApplication.focusWidget(), "2")  # typing in the next cell, then Ctrl+Z in it
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert (ws.get("risk", risk_id)["impact"], ws.get("risk", risk_id)["probability"]) == (None, 3)
    assert table.state() != table.State.EditingState
    keys(qtbot, table, "x")  # typing that means nothing here: Ctrl+Z takes back only the typing
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert (ws.get("risk", risk_id)["impact"], ws.get("risk", risk_id)["probability"]) == (None, 3)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert ws.get("risk", risk_id)["probability"] is None
    assert model.data(model.index(model.row_of(risk_id), model.column_of("probability"))) == ""
    assert window.actions_["redo"].text() == "&Gör om ändrad sannolikhet för risken ’Personalbrist’"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert ws.get("risk", risk_id)["probability"] == 3


def test_undo_in_a_section_text_and_a_date_field(qtbot, window) -> None:
    _focused(qtbot, window)
    ws = window.ofile.ws
    page = window.editor.show_page("section")
    section_id = page.current_id()
    before = ws.get("section", section_id)["body"]
    edit = page.body.edit.edit
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(edit, Qt.Key.Key_End, CTRL)
    keys(qtbot, edit, " Ett tillägg.")
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)  # the typing, not yet stored, is what goes
    assert ws.get("section", section_id)["body"] == before
    assert page.body.edit.markup() == before.strip() and edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Y, CTRL)
    assert ws.get("section", section_id)["body"].endswith("Ett tillägg.")

    timeline = window.editor.show_page("timeline")
    row_id = timeline.current_id()
    start = ws.get("timeline", row_id)["start"]
    line = timeline.form.editor("start").edit.line
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line, Qt.Key.Key_A, CTRL)
    keys(qtbot, line, "Q4 2031")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert ws.get("timeline", row_id)["start"] != start
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)  # nothing else is stored first (the section's text is as stored)
    assert ws.get("timeline", row_id)["start"] == start
    assert line.text() == (start.format() if start is not None else "")


def test_ctrl_e_in_a_field_exports_instead_of_moving_to_the_line_end(qtbot, window, monkeypatch) -> None:
    """On Linux a text field takes Ctrl+E for "end of line"; the window's Exportera till Word runs instead."""
    _focused(qtbot, window)
    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda parent, title, filter_, suggestion: asked.append(title))
    line = window.editor.show_page("metadata").form.editor("diarienummer").line
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line, Qt.Key.Key_E, CTRL)
    assert len(asked) == 1 and line.hasFocus()
