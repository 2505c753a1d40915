"""The generic table editor on the list kinds: timeline, organisation, budget, reports, terms."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.dates import VagueDate
from ui_steps import keys, type_into


def test_timeline_item_with_vague_dates_and_progress(qtbot, window) -> None:
    page = window.editor.show_page("timeline")
    plan_id = window.current_plan_id()
    before = len(window.ofile.ws.list("timeline", plan_id))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row_id = page.current_id()
    form = page.form
    type_into(qtbot, form.editor("code").line, "BP2")
    type_into(qtbot, form.editor("title").line, "Beslut om genomförande")
    start = form.editor("start").edit
    qtbot.mouseClick(start.line, Qt.MouseButton.LeftButton)
    keys(qtbot, start.line, "Q3 2025")
    assert start.feedback.text() == "→ Q3 2025 (kvartal)"
    qtbot.keyClick(start.line, Qt.Key.Key_Return)
    type_into(qtbot, form.editor("end").edit.line, "okt 2025")
    type_into(qtbot, form.editor("responsible").line, "Uppdragsledare")
    type_into(qtbot, form.editor("progress").line, "40")
    row = window.ofile.ws.get("timeline", row_id)
    assert len(window.ofile.ws.list("timeline", plan_id)) == before + 1
    assert (row["code"], row["title"], row["responsible"], row["progress"]) == (
        "BP2", "Beslut om genomförande", "Uppdragsledare", 40)
    assert row["start"] == VagueDate.quarter(2025, 3)
    assert row["end"] == VagueDate.month(2025, 10)
    assert page.model.cells[page.model.row_of(row_id)][3] == "Q3 2025"


def test_end_before_start_is_refused_in_swedish(qtbot, window) -> None:
    page = window.editor.show_page("timeline")
    row_id = page.current_id()
    type_into(qtbot, page.form.editor("start").edit.line, "2025-10-01")
    type_into(qtbot, page.form.editor("end").edit.line, "2025-09-01")
    row = window.ofile.ws.get("timeline", row_id)
    assert row["end"] != VagueDate.day(2025, 9, 1)
    assert "före startdatum" in window.statusBar().currentMessage()


def test_people_in_roles_from_register_and_free_text(qtbot, window) -> None:
    ws = window.ofile.ws
    people = ws.list("person")
    known = people[0]
    page = window.editor.show_page("role")
    plan_id = window.current_plan_id()
    added = []
    for name in (known["name"], "Kim Fri Text"):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        added.append(page.current_id())
        combo = page.form.editor("kind").combo
        combo.setCurrentIndex(combo.findData("steering_group"))
        combo.activated.emit(combo.currentIndex())
        type_into(qtbot, page.form.editor("person").line, name)
        type_into(qtbot, page.form.editor("allocation").line, "20 %")
    first, second = (ws.get("role", i) for i in added)
    assert (first["kind"], first["person"], first["allocation"]) == ("steering_group", known["id"], 20)
    assert (second["person"], second["name"]) == (None, "Kim Fri Text")
    steering = [r for r in ws.list("role", plan_id) if r["kind"] == "steering_group"]
    assert len(steering) >= 2
    assert page.form.editor("person").line.completer().model().stringList()


def test_invalid_percent_says_so_and_stores_nothing(qtbot, window) -> None:
    page = window.editor.show_page("role")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row_id = page.current_id()
    number = page.form.editor("allocation")
    type_into(qtbot, number.line, "hälften")
    assert number.message.text() == "Skriv ett heltal, till exempel 50."
    assert window.ofile.ws.get("role", row_id)["allocation"] is None
    type_into(qtbot, number.line, "150")
    assert window.ofile.ws.get("role", row_id)["allocation"] is None
    assert "mellan 0 och 100" in window.statusBar().currentMessage()


def test_budget_totals_per_kind(qtbot, window) -> None:
    page = window.editor.show_page("budget")
    for kind, amount in (("cost", "1 200 000"), ("cost", "300000"), ("financing", "2000000")):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        combo = page.form.editor("kind").combo
        combo.setCurrentIndex(combo.findData(kind))
        combo.activated.emit(combo.currentIndex())
        type_into(qtbot, page.form.editor("amount").line, amount)
    rows = window.ofile.ws.list("budget", window.current_plan_id())
    costs = sum(r["amount"] or 0 for r in rows if r["kind"] == "cost")
    assert costs >= 1_500_000
    text = page.summary.text().replace("\u00a0", " ")
    assert f"Summa kostnader: {costs:,} kr".replace(",", " ") in text


def test_status_report_log_terms_and_references(qtbot, window) -> None:
    ws, plan_id = window.ofile.ws, window.current_plan_id()
    page = window.editor.show_page("status_report")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    combo = page.form.editor("status").combo
    combo.setCurrentIndex(combo.findData("red"))
    combo.activated.emit(combo.currentIndex())
    type_into(qtbot, page.form.editor("report_date").edit.line, "2025-03-31")
    report = ws.get("status_report", page.current_id())
    assert (report["status"], report["report_date"]) == ("red", date(2025, 3, 31))

    page = window.editor.show_page("log")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.editor("decided_by").line, "Styrgruppen")
    assert ws.get("log", page.current_id())["decided_by"] == "Styrgruppen"

    page = window.editor.show_page("term")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.editor("term").line, "LSG")
    assert "LSG" in [t["term"] for t in ws.list("term", plan_id)]

    page = window.editor.show_page("reference")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.editor("url").line, "https://example.se")
    assert ws.get("reference", page.current_id())["url"] == "https://example.se"

    page = window.editor.show_page("goal")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    text = page.form.editor("text").edit
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton)
    text.setFocus()
    text.selectAll()
    keys(qtbot, text, "Kortare väntetider")
    page.form.editor("measure").edit.setFocus()
    assert ws.get("goal", page.current_id())["text"] == "Kortare väntetider"


def test_delete_row_asks_and_undo_brings_it_back(qtbot, window, answers) -> None:
    page = window.editor.show_page("timeline")
    plan_id = window.current_plan_id()
    row_id = page.current_id()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert answers
    assert row_id not in [r["id"] for r in window.ofile.ws.list("timeline", plan_id)]
    window.undo()
    assert row_id in [r["id"] for r in window.ofile.ws.list("timeline", plan_id)]


def test_delete_row_answered_no_keeps_it(qtbot, window, answers) -> None:
    answers.reply = False
    page = window.editor.show_page("timeline")
    plan_id = window.current_plan_id()
    before = window.ofile.ws.list("timeline", plan_id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert answers
    assert window.ofile.ws.list("timeline", plan_id) == before
    assert not window.ofile.stack.canUndo()
