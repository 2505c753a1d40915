"""A walk through the paths whose sentences come from app/ (export, merge, import, a dependency cycle
refused), in each language: every text shown on the way is collected, and a Swedish word in English
mode, or an English one in Swedish mode, fails (what the user wrote, file names and quoted values aside)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app.plans import find_plan, list_plans
from db.history import default_author
from app.workspace import Workspace
from test_language import ENGLISH, SWEDISH, _chrome_texts
from ui.editor.dependency_box import DependencyDialog


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Lista"
    sheet.append(["Uppgift", "Från", "Till", "Kolumn X"])
    sheet.append(["Intervjuer", "hösten 2025", "2025-12-01", 40])
    sheet.append(["Trasig rad", "32/13 2025", None, None])
    sheet.append(["Ord i stället för tal", "2025-10-01", None, "fyrtio"])
    wb.save(path)
    return path


def _colleague_copy(window, example_file: Path, tmp_path: Path, plan_uuid: str) -> Path:
    """A copy edited by a colleague: the plan's Dnr, which this file changes too (a conflict). The models
    follow the file opened last: the window's file is made the active one again afterwards."""
    other = tmp_path / "kollegans.uppdrag"
    shutil.copy(example_file, other)
    ws = Workspace.open(other)
    try:
        ws.update("plan", find_plan(ws, plan_uuid), diarienummer="KOLLEGA 1")
    finally:
        ws.close()
        window.ofile.ws.store.activate()
    return other


class Walk:
    """What the window showed: messages, the status bar, dialogs' texts."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        self.said: list[tuple[str, str]] = []
        self.tmp_path = tmp_path
        self.user_texts: set[str] = {default_author()}  # the file's words: titles, and who changed what
        for module in ("ui.errors", "ui.file_actions", "ui.sharing_actions", "ui.dialogs.table_import_dialog"):
            monkeypatch.setattr(f"{module}.show_error",
                                lambda parent, message, title=None: self.add("message", message, title or ""),
                                raising=False)

    def add(self, where: str, *texts: str) -> None:
        self.said += [(where, t) for t in texts if t]

    def dialog(self, dialog) -> None:
        self.add("dialog title", dialog.windowTitle())
        self.said += _chrome_texts(dialog)
        for combo_owner in dialog.findChildren(QAction):
            self.add("dialog action", combo_owner.text())

    def shown(self, text: str) -> str:
        """A text without what the user or the file wrote: quoted values, paths and file names."""
        text = text.split("Accepted forms:")[0].split("Godtagna former:")[0]
        for user_text in sorted(self.user_texts, key=len, reverse=True):
            text = text.replace(user_text, "")
        text = re.sub(r"[”“\"’][^”“\"’]*[”“\"’]", "", text)
        text = text.replace(str(self.tmp_path), "")
        return re.sub(r"\S+\.(uppdrag|xlsx|ics|docx|json)\b", "", text)


def _walk(window, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, example_file: Path) -> Walk:
    walk = Walk(monkeypatch, tmp_path)
    ws = window.ofile.ws
    plan_id = window.current_plan_id()
    walk.user_texts |= {p.title for p in list_plans(ws)} | {i["title"] for i in ws.list("timeline", plan_id)}
    # export: a calendar with an item without dates (a warning), then to a folder that is not there (refused)
    page = window.editor.show_page("timeline")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    answers = [tmp_path / "plan.ics", tmp_path / "saknas" / "plan.docx"]
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda parent, title, filter_, suggestion: answers.pop(0))
    monkeypatch.setattr("ui.dialogs.files.ask_calendar_activities", lambda parent: True)
    window.actions_["export.ics"].trigger()
    window.actions_["export.docx"].trigger()
    assert (tmp_path / "plan.ics").exists() and not answers
    # a dependency that would make a cycle, refused
    items = ws.list("timeline", plan_id)
    first, second = items[0], items[1]
    box = page.dependencies
    for after, before in ((second, first), (first, second)):
        page.select_row(page.model.row_of(after["id"]))

        def run(dialog: DependencyDialog, title: str = before["title"]) -> int:
            walk.dialog(dialog)
            dialog.item.setCurrentIndex(next(i for i in range(dialog.item.count()) if title in dialog.item.itemText(i)))
            return 1

        monkeypatch.setattr(DependencyDialog, "exec", run)
        qtbot.mouseClick(box.add_before, Qt.MouseButton.LeftButton)
    walk.add("status bar", window.statusBar().currentMessage())
    assert len(ws.list("dependency")) == 1
    _import_a_table(walk, window, monkeypatch, tmp_path)
    _merge_a_colleagues_copy(walk, window, monkeypatch, tmp_path, example_file)
    return walk


def _import_a_table(walk: Walk, window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An activity list read from a workbook: the column dialog, then the summary with the row left out."""
    book = _workbook(tmp_path / "lista.xlsx")
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: book)

    def mapping(dialog) -> bool:
        walk.dialog(dialog)
        walk.add("column", *(dialog.columns.itemAt(r, dialog.columns.ItemRole.LabelRole).widget().text()
                             for r in range(dialog.columns.rowCount())))
        dialog.combos["progress"].setCurrentText("Kolumn X")  # words in one row, not a number: left out
        return True

    monkeypatch.setattr("ui.dialogs.files.run_dialog", mapping)
    window.actions_["import_table"].trigger()
    window.actions_["import_table"].trigger()  # the same rows again: unchanged
    walk.add("status bar", window.statusBar().currentMessage())


def _merge_a_colleagues_copy(walk: Walk, window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                             example_file: Path) -> None:
    """A colleague's copy merged in, with a conflict settled in the dialog."""
    ws, plan_id = window.ofile.ws, window.current_plan_id()
    other = _colleague_copy(window, example_file, tmp_path, ws.get("plan", plan_id)["uuid"])
    ws.update("plan", plan_id, diarienummer="MIN 2")
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *a, **k: other)

    def settle(dialog) -> int:
        walk.dialog(dialog)
        walk.add("conflict", *(dialog.table.item(r, c).text() for r in range(dialog.table.rowCount()) for c in (0, 1)))
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", settle)
    window.actions_["merge"].trigger()
    walk.add("status bar", window.statusBar().currentMessage())
    window.actions_["merge"].trigger()  # nothing new the second time
    walk.add("status bar", window.statusBar().currentMessage())


def test_english_mode_says_export_merge_import_and_cycle_in_english(qtbot, make_window, example_file: Path,
                                                                     tmp_path: Path, monkeypatch) -> None:
    window = make_window(example_file)
    window.findChild(QAction, "actionLanguage_en").trigger()
    walk = _walk(window, qtbot, monkeypatch, tmp_path, example_file)
    texts = [t for _, t in walk.said]
    assert any("items without dates were left out of the calendar" in t for t in texts), texts
    assert any("does not exist" in t for t in texts), texts
    assert any("would make a cycle" in t for t in texts), texts
    assert any(t.startswith("Merge with") and "Conflicts: 1" in t for t in texts), "\n".join(texts)
    assert any("Nothing new to bring in" in t for t in texts), texts
    assert any("new and" in t and "changed activities were read" in t and "row 3: Start" in t
               and "row 4: Done (%)" in t for t in texts), "\n".join(texts)
    assert {"Name", "Start", "End", "Done (%)"} <= set(texts)
    swedish = sorted({f"{where}: {text}" for where, text in walk.said if SWEDISH.search(walk.shown(text))})
    assert swedish == [], "\n".join(swedish)


def test_swedish_mode_says_export_merge_import_and_cycle_in_swedish(qtbot, make_window, example_file: Path,
                                                                     tmp_path: Path, monkeypatch) -> None:
    window = make_window(example_file)
    walk = _walk(window, qtbot, monkeypatch, tmp_path, example_file)
    texts = [t for _, t in walk.said]
    assert any("punkter utan datum kom inte med i kalendern" in t for t in texts), texts
    assert any("cirkel" in t for t in texts) and any(t.startswith("Sammanslagning med") for t in texts), texts
    assert {"Benämning", "Start", "Slut", "Färdigt (%)"} <= set(texts)
    english = sorted({f"{where}: {text}" for where, text in walk.said
                      if ENGLISH.search(walk.shown(text).replace("&", ""))})
    assert english == [], "\n".join(english)
