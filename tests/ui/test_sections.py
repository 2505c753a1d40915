"""Sections: formatted text stored as markup, add, rename, reorder, level, delete and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui_steps import keys, type_into


def sections_page(window):
    return window.editor.show_page("section")


def headings(window) -> list[str]:
    return [s["heading"] for s in window.ofile.ws.list("section", window.current_plan_id())]


def test_body_with_bold_and_list_is_stored_as_markup(qtbot, window) -> None:
    page = sections_page(window)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    section_id = page.current_id()
    edit = page.body.edit.edit
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton)
    keys(qtbot, edit, "Inledning ")
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, edit, "viktigt")
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, edit, " slut.")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.mouseClick(page.body.edit.buttons["bullet"], Qt.MouseButton.LeftButton)
    keys(qtbot, edit, "ett")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    keys(qtbot, edit, "två")
    page.form.editor("heading").line.setFocus()  # leaving the text stores it
    stored = window.ofile.ws.get("section", section_id)["body"]
    assert stored == "Inledning **viktigt** slut.\n\n- ett\n- två"
    # One typing session is one undo step.
    window.undo()
    assert window.ofile.ws.get("section", section_id)["body"] == ""
    window.redo()
    assert window.ofile.ws.get("section", section_id)["body"] == stored
    assert "**viktigt**" in page.body.edit.markup()


def test_guidance_is_the_placeholder(window) -> None:
    page = sections_page(window)
    section = page.current()
    assert section["guidance"]
    assert page.body.edit.edit.placeholderText() == section["guidance"]


def test_add_rename_reorder_level_and_delete_section(qtbot, window, answers) -> None:
    page = sections_page(window)
    page.list.setCurrentIndex(page.model.index(0))
    first = headings(window)[0]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    heading = page.form.editor("heading").line
    assert heading.hasFocus()
    keys(qtbot, heading, "Kommunikationsplan")
    qtbot.keyClick(heading, Qt.Key.Key_Return)
    assert headings(window)[:2] == [first, "Kommunikationsplan"]
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert headings(window)[:2] == ["Kommunikationsplan", first]
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert headings(window)[2] == "Kommunikationsplan"
    section_id = page.current_id()
    level = window.ofile.ws.get("section", section_id)["level"]
    qtbot.mouseClick(page.level_button, Qt.MouseButton.LeftButton)
    assert window.ofile.ws.get("section", section_id)["level"] == 3 - level
    assert "." in page.model.rows[2][1].split(" ")[0]
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "Kommunikationsplan" in answers[-1]
    assert "Kommunikationsplan" not in headings(window)
    window.undo()
    assert headings(window)[2] == "Kommunikationsplan"


def test_delete_section_answered_no_keeps_it(qtbot, window, answers) -> None:
    answers.reply = False
    page = sections_page(window)
    page.list.setCurrentIndex(page.model.index(1))
    before = headings(window)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert before[1] in answers[-1]
    assert headings(window) == before
    assert not window.ofile.stack.canUndo()


def test_editing_heading_renames_in_list(qtbot, window) -> None:
    page = sections_page(window)
    page.list.setCurrentIndex(page.model.index(1))
    type_into(qtbot, page.form.editor("heading").line, "Bakgrund och nuläge")
    assert "Bakgrund och nuläge" in page.model.rows[1][1]
    assert headings(window)[1] == "Bakgrund och nuläge"
