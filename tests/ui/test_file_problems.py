"""A file that cannot be opened, or turns out damaged, is never a dead end: one dialog offers its latest
good backup (listing the backups with their dates), another file or a new file; and wherever no plan is
shown, the window says what to do next with buttons that all work."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.workspace import Workspace
from db.backup import make_session_backup


def _file_with_a_backup(path: Path) -> Path:
    ws = Workspace.create(path)
    ws.add("plan", doc_type="plan", template="plan", title="Planen som ska räddas")
    ws.close()
    return make_session_backup(path)


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _suggestions(window) -> dict[str, bool]:
    """The buttons the empty window offers, each with whether it can be pressed."""
    return {b.text(): b.isEnabled() and b.isVisibleTo(window) for b in window.placeholder.buttons}


def test_refused_file_offers_its_latest_backup_and_opens_it(qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "skadad.uppdrag"
    backup = _file_with_a_backup(path)
    unreadable = backup.with_name("skadad.20200101T000000000000Z.uppdrag")  # an older one, unreadable
    unreadable.write_bytes(b"trasig")
    _truncate(path)
    damaged = path.read_bytes()
    window = make_window(path)
    dialog = window.problem_dialog
    qtbot.waitUntil(dialog.isVisible)  # over the window once it is on screen
    assert dialog.windowTitle() == "Filen kan inte öppnas"
    rows = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert len(rows) == 2 and " kl. " in rows[0] and rows[1].endswith("– oläsbar")
    assert "Den senaste hela säkerhetskopian är från" in dialog.advice.text()
    assert dialog.selected_backup().path == backup and dialog.backup_button.isEnabled()
    assert dialog.other_button.isEnabled() and dialog.new_button.isEnabled()
    # the empty window behind it says what to do, and every suggestion works
    assert window.ofile is None and "Ingen fil är öppen" in window.placeholder.text()
    assert _suggestions(window) == {"Öppna…": True, "Ny databasfil…": True}

    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.ofile is not None and not window.ofile.read_only
    assert [p["title"] for p in window.ofile.ws.list("plan")] == ["Planen som ska räddas"]
    assert "återställd från säkerhetskopian" in window.statusBar().currentMessage()
    (aside,) = tmp_path.glob("skadad.uppdrag.fore-aterstallning*")
    assert aside.read_bytes() == damaged  # the damaged file is kept, byte for byte


def test_without_backups_another_file_or_a_new_one(qtbot, make_window, tmp_path: Path, example_file: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ingen-kopia.uppdrag"
    path.write_bytes(b"inte en databas " * 100)
    window = make_window(path)
    dialog = window.problem_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.backup_button.isVisible() and not dialog.table.isVisible()
    assert "Det finns ingen säkerhetskopia av filen." in dialog.advice.text()
    monkeypatch.setattr("ui.dialogs.files.open_path", lambda *args: example_file)
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert window.ofile is not None and window.ofile.path == example_file

    window.open_path(path)
    new = tmp_path / "ny.uppdrag"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *args: new)
    qtbot.mouseClick(window.problem_dialog.new_button, Qt.MouseButton.LeftButton)
    assert window.ofile is not None and window.ofile.path == new
    assert "Filen har inga planer ännu" in window.placeholder.text()
    assert _suggestions(window) == {"Ny plan…": True, "Importera plan (JSON, MS Project)…": True}


def test_a_read_only_file_suggests_only_what_it_allows(qtbot, make_window, example_file: Path) -> None:
    window = make_window(example_file)
    window.open_path(example_file, read_only=True)
    window._clear_editor()  # no plan chosen
    assert "skrivskyddad" in window.placeholder.text()
    assert set(_suggestions(window)) == {"Återställ från säkerhetskopia…", "Öppna…"}
    assert all(_suggestions(window).values())
    assert not window.actions_["new_plan"].isEnabled()


def test_search_without_hits_says_so(qtbot, window) -> None:
    qtbot.keyClicks(window.search, "zzzinget")
    window.refresh_list()
    assert window.count_label.text().startswith("Inga träffar för ”zzzinget”.")
    window.search.clear()
    window.refresh_list()
    assert window.count_label.text() == "2 planer"


def test_damage_found_after_opening_makes_the_window_read_only_and_offers_the_backup(
        qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The integrity check runs once the window is on screen (not beside its first paint); damage it
    finds turns the open file read-only and opens the problem dialog with the backup."""
    from db import store as store_module
    from tests.db.test_integrity_on_open import damage_index

    path = tmp_path / "index.uppdrag"
    backup = _file_with_a_backup(path)
    damage_index(path)  # passes quick_check: the file opens; integrity_check finds the bad index
    started_while_hidden = []
    real_start = store_module.start_integrity_check

    def start(p: Path, **kwargs: bool):
        from PySide6.QtWidgets import QApplication

        started_while_hidden.append(not any(w.isVisible() for w in QApplication.topLevelWidgets()))
        return real_start(p, **kwargs)

    monkeypatch.setattr(store_module, "start_integrity_check", start)
    before = path.read_bytes()
    window = make_window(path)
    qtbot.waitUntil(lambda: window.problem_dialog is not None and window.problem_dialog.isVisible(), timeout=10000)
    assert started_while_hidden and not any(started_while_hidden)  # (the session backup checks its copy too)
    assert window.ofile.read_only and window.ofile.ws.store.integrity_problems()
    assert window.problem_dialog.selected_backup().path == backup
    assert path.read_bytes() == before


def test_an_empty_table_and_risk_register_say_how_to_fill_them(qtbot, window) -> None:
    from app.plans import create_plan
    from app.workspace import Change

    ws = window.ofile.ws
    plan_id = create_plan(ws, "plan", "Tomt uppdrag").ids[0]
    window.ofile.events.changed.emit(Change("plan", "added", (plan_id,), plan_id))
    assert window.current_plan_id() == plan_id
    empty = next(k for k in ("reference", "term", "log", "budget") if not ws.list(k, plan_id))
    page = window.editor.show_page(empty)
    assert page.summary.text().startswith("Inga rader ännu: lägg till den första med ”Lägg till")
    assert page.add_button.isEnabled()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert not page.summary.text().startswith("Inga rader")
    risks = window.editor.show_page("risk")
    assert risks.filter_label.text() == "Inga risker ännu: lägg till den första med ”Ny risk”."
    assert risks.add_button.isEnabled()


def test_a_data_folder_that_cannot_be_made_says_where_and_what_to_do(make_window, messages, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """First start where the data folder should be is a file: the person is told where and why, in Swedish,
    and the empty window offers opening another file or making a new one."""
    blocked = tmp_path / "Uppdrag"
    blocked.write_text("inte en mapp")
    monkeypatch.setenv("UPPDRAG_DATA_DIR", str(blocked))
    window = make_window(None)
    assert window.ofile is None
    assert len(messages) == 1 and str(blocked) in messages[0]
    assert "där mappen ska ligga finns redan en fil" in messages[0] and "UPPDRAG_DATA_DIR" in messages[0]
    assert blocked.read_text() == "inte en mapp"
    suggested = {b.objectName() for b in window.findChildren(QPushButton) if b.objectName().startswith("suggest_")}
    assert {"suggest_actionOpen", "suggest_actionNewFile"} <= suggested, suggested
