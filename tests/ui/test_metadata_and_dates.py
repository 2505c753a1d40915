"""Typing into the plan's own fields, vague dates included, stores at once."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.dates import Precision, VagueDate
from ui_steps import keys, type_into


def metadata_form(window):
    return window.editor.show_page("metadata").form


def test_typing_diarienummer_and_title_stores_them(qtbot, window) -> None:
    form = metadata_form(window)
    plan_id = window.current_plan_id()
    type_into(qtbot, form.editor("diarienummer").line, "RS 2025/117")
    type_into(qtbot, form.editor("title").line, "Nytt namn på uppdraget")
    plan = window.ofile.ws.get("plan", plan_id)
    assert plan["diarienummer"] == "RS 2025/117"
    assert plan["title"] == "Nytt namn på uppdraget"
    assert window.editor.title.text() == "Nytt namn på uppdraget"


def test_vague_date_is_understood_while_typing_and_stored_with_precision(qtbot, window) -> None:
    date_edit = metadata_form(window).editor("document_date").edit
    line = date_edit.line
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    line.selectAll()
    keys(qtbot, line, "sep 2025")
    assert date_edit.feedback.text() == "→ september 2025 (månad)"
    qtbot.keyClick(line, Qt.Key.Key_Return)
    stored = window.ofile.ws.get("plan", window.current_plan_id())["document_date"]
    assert stored == VagueDate.month(2025, 9)
    assert stored.precision is Precision.MONTH
    assert line.text() == "september 2025"


def test_impossible_date_shows_swedish_message_and_stores_nothing(qtbot, window) -> None:
    plan_id = window.current_plan_id()
    before = window.ofile.ws.get("plan", plan_id)["document_date"]
    date_edit = metadata_form(window).editor("document_date").edit
    qtbot.mouseClick(date_edit.line, Qt.MouseButton.LeftButton)
    date_edit.line.selectAll()
    keys(qtbot, date_edit.line, "31/2 2025")
    qtbot.keyClick(date_edit.line, Qt.Key.Key_Return)
    assert "februari 2025 har inte 31 dagar" in date_edit.feedback.text()
    assert "b00020" in date_edit.feedback.styleSheet()
    assert window.ofile.ws.get("plan", plan_id)["document_date"] == before
    assert window.ofile.stack.count() == 0


def test_choices_and_long_texts_store(qtbot, window) -> None:
    form = metadata_form(window)
    plan_id = window.current_plan_id()
    combo = form.editor("status").combo
    combo.setFocus()
    keys(qtbot, combo, "Avslutad")  # keyboard search in a combo box
    combo.activated.emit(combo.currentIndex())
    authors = form.editor("authors").edit
    qtbot.mouseClick(authors.viewport(), Qt.MouseButton.LeftButton)
    authors.selectAll()
    keys(qtbot, authors, "Anna Berg")
    qtbot.keyClick(authors, Qt.Key.Key_Return)
    keys(qtbot, authors, "Olle Ek")
    form.editor("diarienummer").line.setFocus()  # focus moves on: the text is stored
    plan = window.ofile.ws.get("plan", plan_id)
    assert plan["status"] == "completed"
    assert plan["authors"] == "Anna Berg\nOlle Ek"
    # Typing a long text is one undo step.
    window.undo()
    assert window.ofile.ws.get("plan", plan_id)["authors"] != "Anna Berg\nOlle Ek"
    assert window.ofile.ws.get("plan", plan_id)["status"] == "completed"


def test_decision_page_stores_signature(qtbot, window) -> None:
    form = window.editor.show_page("decision").form
    type_into(qtbot, form.editor("signature_name").line, "Maria Lind")
    type_into(qtbot, form.editor("signature_date").edit.line, "18/11 2024")
    plan = window.ofile.ws.get("plan", window.current_plan_id())
    assert plan["signature_name"] == "Maria Lind"
    assert plan["signature_date"] == VagueDate.day(2024, 11, 18)


def test_every_date_phrase_is_accepted_by_the_date_field(qtbot, window) -> None:
    """Each period of the table typed into an item's start: a date is stored at its precision,
    a whole period ("okt 2024 – jan 2025", "v. 12–14 2026") fills start and end."""
    from tests.app.date_phrases import PHRASES

    page = window.editor.show_page("timeline")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row_id = page.current_id()
    start, end = page.form.editor("start").edit, page.form.editor("end").edit
    for text, meaning in PHRASES:
        qtbot.mouseClick(end.line, Qt.MouseButton.LeftButton)  # empty the end: no old end to clash with
        qtbot.keyClick(end.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(end.line, Qt.Key.Key_Backspace)
        qtbot.keyClick(end.line, Qt.Key.Key_Return)
        type_into(qtbot, start.line, text)
        row = window.ofile.ws.get("timeline", row_id)
        expected = meaning if isinstance(meaning, tuple) else (meaning, None)
        assert (row["start"], row["end"]) == expected, (text, start.feedback.text())
        assert start.line.text() == expected[0].format()
        assert end.line.text() == ("" if expected[1] is None else expected[1].format())


def test_unreadable_date_keeps_the_text_and_lists_the_forms(qtbot, window) -> None:
    page = window.editor.show_page("timeline")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row_id = page.current_id()
    start = page.form.editor("start").edit
    type_into(qtbot, start.line, "när det passar")
    assert start.line.text() == "när det passar"
    message = start.feedback.text()
    assert "Kunde inte tolka" in message and "hösten 2025" in message and "v. 12 2026" in message
    assert window.ofile.ws.get("timeline", row_id)["start"] is None


def test_typed_range_shows_both_sides_while_typing(qtbot, window) -> None:
    page = window.editor.show_page("timeline")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    start = page.form.editor("start").edit
    qtbot.mouseClick(start.line, Qt.MouseButton.LeftButton)
    keys(qtbot, start.line, "v. 12–14 2026")
    assert start.feedback.text() == "→ v. 12–14 2026 (start och slut)"


def test_a_form_reads_the_people_only_when_it_has_a_person_field(make_window, example_file,
                                                                  monkeypatch) -> None:
    from ui.editor import row_form

    reads: list[str] = []
    real = row_form.people_names
    monkeypatch.setattr(row_form, "people_names", lambda ofile: reads.append("people") or real(ofile))
    window = make_window(example_file)
    assert window.editor.pages["metadata"].form.people == {}  # the page the window opens with
    assert reads == []
    form = window.editor.show_page("role").form  # Organisation: each role names a person
    assert reads  # the table reads them, and so does its form
    assert sorted(form.people.values()) == sorted(p["name"] for p in window.ofile.ws.list("person"))
