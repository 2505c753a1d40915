"""The sentences app/ and db/ say (a refused file, a date, an amount or a score that does not do, a
locked or read-only file) come in the window's language: English in English mode, from the same
Linguist file as the ui's strings (context "App"); and every sentence marked there has its English."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app.resources import resource_path
from test_language import ts_messages
from ui_steps import type_into
from wrong_language import SWEDISH


def test_every_sentence_app_and_db_mark_has_its_english() -> None:
    from app.i18n import marked_sentences

    found = list(marked_sentences())
    assert len(found) > 50
    not_literal = [where for where, text in found if not text]
    assert not_literal == [], "tr() needs one literal Swedish sentence (values go in as {name})"
    have = ts_messages(resource_path("translations", "uppdrag_en.ts"))
    missing, unfinished, places = [], [], []
    for where, text in found:
        english, kind = have.get(("App", text), ("", "missing"))
        if kind == "missing":
            missing.append(f"{where}: {text}")
        elif kind or not english:
            unfinished.append(f"{where}: {text}")
        elif set(re.findall(r"{(\w+)}", english)) != set(re.findall(r"{(\w+)}", text)):
            places.append(f"{where}: {text} -> {english}")
    assert missing == [], "run `make translations-update` and translate them"
    assert unfinished == [], "translate these in app/resources/translations/uppdrag_en.ts"
    assert places == [], "the English must keep the sentence's {places}"


def test_a_marked_sentence_without_english_is_found(tmp_path: Path) -> None:
    from app.i18n import marked_sentences

    (tmp_path / "app").mkdir()
    (tmp_path / "db").mkdir()
    (tmp_path / "app" / "x.py").write_text('tr("En mening utan översättning.")\ntr(f"Fel {x}")\n', encoding="utf-8")
    assert list(marked_sentences(tmp_path)) == [("app/x.py:1", "En mening utan översättning."), ("app/x.py:2", "")]
    have = ts_messages(resource_path("translations", "uppdrag_en.ts"))
    assert ("App", "En mening utan översättning.") not in have


def _said(text: str) -> str:
    """A message without what the user typed (between quotes); the date forms it lists are English too."""
    return re.sub(r"[”“\"][^”“\"]*[”“\"]", "", text)


def _refused_in_forms(qtbot, window) -> list[str]:
    """What the forms say to a date that does not read, a day that does not exist and an end before its
    start (the timeline's form), an amount below nothing (the budget's) and a score off the scale (the
    risk register's; said through the file's error signal)."""
    said: list[str] = []
    # a date that does not read, in the timeline's form
    page = window.editor.show_page("timeline")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    start, end = page.form.editor("start").edit, page.form.editor("end").edit
    type_into(qtbot, start.line, "när det passar")
    assert start.feedback.text().startswith("Could not read “när det passar” as a date. Accepted forms: day: ")
    said.append(start.feedback.text())
    type_into(qtbot, start.line, "31/2 2026")
    said.append(start.feedback.text())
    type_into(qtbot, start.line, "mars 2026")
    type_into(qtbot, end.line, "januari 2026")  # before the start
    said.append(end.feedback.text())
    # an amount below nothing, in the budget's form
    budget = window.editor.show_page("budget")
    qtbot.mouseClick(budget.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, budget.form.editor("amount").line, "-5")
    # a score off the scale, in the risk register
    risks = window.editor.show_page("risk")
    qtbot.mouseClick(risks.add_button, Qt.MouseButton.LeftButton)
    model = risks.model
    assert not model.setData(model.index(0, model.column_of("probability")), 9)
    return said


def test_english_mode_says_app_and_db_sentences_in_english(qtbot, make_window, example_file: Path,
                                                            empty_file: Path, tmp_path: Path, monkeypatch) -> None:
    from tests.conftest import foreign_lock

    window = make_window(example_file)
    window.findChild(QAction, "actionLanguage_en").trigger()
    errors: list[str] = []
    window.ofile.events.error.connect(errors.append)
    said = _refused_in_forms(qtbot, window)
    said += errors
    assert any(s.startswith("The amount must be a whole number of kronor") for s in said), said
    assert "The probability must be between 1 and 4 (got 9)." in said
    assert any("does not have 31 days" in s for s in said) and any("lies before the start" in s for s in said)
    # undo names the step in English
    assert window.actions_["undo"].text().replace("&", "") == "Undo adding the risk ’New risk’"
    window.ofile.stack.undo()  # the risk added
    assert window.actions_["redo"].text().replace("&", "") == "Redo adding the risk ’New risk’"
    window.ofile.stack.undo()  # the budget line added
    window.ofile.stack.undo()  # the schedule item's start, typed in the form
    said.append(window.actions_["redo"].text())
    assert said[-1].replace("&", "").startswith("Redo changed start of the schedule item")
    # a file that is not an Uppdrag file
    bad = tmp_path / "trasig.uppdrag"
    bad.write_bytes(b"inte en databas " * 100)
    assert not window.open_path(bad)
    qtbot.waitUntil(lambda: window.problem_dialog is not None)
    said.append(window.problem_dialog.message.text())
    assert "is not an Uppdrag file" in said[-1]
    window.problem_dialog.reject()
    # a file someone else is editing, opened read-only
    foreign_lock(example_file)

    def exec_(dialog):
        said.append(dialog.message.text())
        dialog._done("read_only")
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.LockedFileDialog.exec", exec_)
    assert window.open_path(example_file)
    assert window.ofile.read_only
    said.append(window.statusBar().currentMessage())
    assert "it is opened read-only" in said[-1]
    swedish = [s for s in said if SWEDISH.search(_said(s))]
    assert swedish == [], "\n".join(swedish)


def test_english_mode_says_a_server_edit_conflict_and_a_network_file_held_in_english(qtbot, window) -> None:
    from app import kinds
    from app.concurrency import EditConflict, EditedField
    from app.i18n import tr

    window.findChild(QAction, "actionLanguage_en").trigger()
    clash = EditConflict(kinds.kind("risk"), {"id": 1, "title": "Personalbrist"},
                         [EditedField("probability", 2, 3)], "karin", "", "v2")
    assert str(clash) == ("The risk “Personalbrist” was changed by karin on the server while you were typing "
                          "(probability: your value “2”, the saved one “3”). Nothing was overwritten; "
                          "choose which value holds.")
    held = tr("Filen redigeras av {holder}; du ser det senast sparade läget.", holder="karin")
    assert held == "The file is being edited by karin; you see what was last saved."
