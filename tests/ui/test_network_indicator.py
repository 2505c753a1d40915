"""The window on a file on a network drive: where the file lives and whether everything is
written back, in the status bar; edits go to the local working copy and reach the share by
themselves, also after the share was away. The share is a folder declared as one
(UPPDRAG_NETWORK_FOLDERS); tests/network runs the same code on real sshfs mounts."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from app.plans import add_examples
from app.workspace import Workspace
from tests.conftest import foreign_lock, written_back_elsewhere
from ui_steps import type_into


@pytest.fixture
def share_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    share = tmp_path / "G"
    share.mkdir()
    monkeypatch.setenv("UPPDRAG_NETWORK_FOLDERS", str(share))
    path = share / "gemensam.uppdrag"
    ws = Workspace.create(path)
    add_examples(ws)
    ws.close()
    return path


def _label(window) -> QLabel:
    return window.statusBar().findChild(QLabel, "locationLabel")


def _title_on(path: Path, plan_id: int) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT title FROM plan WHERE id = ?", (plan_id,)).fetchone()[0]
    finally:
        conn.close()


def _quick(window) -> None:
    nf = window.ofile.ws.sharing.netfile
    nf.debounce_s, nf.poll_s, nf.retry_s = 0.1, 0.05, 0.2


def test_a_local_file_says_so(window) -> None:
    assert _label(window).text() == "Lokal fil"


def test_an_edit_goes_to_the_working_copy_and_is_written_back(qtbot, make_window, share_file: Path) -> None:
    window = make_window(share_file)
    assert window.ofile.path == share_file
    assert window.ofile.ws.path != share_file  # SQLite works on the local working copy
    assert share_file.name in window.file_label.text()
    qtbot.waitUntil(lambda: _label(window).text() == "Nätverksenhet – allt sparat")
    _quick(window)
    plan_id = window.current_plan_id()
    type_into(qtbot, window.editor.show_page("metadata").form.editor("title").line, "Ny rubrik på nätverket")
    qtbot.waitUntil(lambda: _title_on(share_file, plan_id) == "Ny rubrik på nätverket", timeout=20000)
    qtbot.waitUntil(lambda: _label(window).text() == "Nätverksenhet – allt sparat")
    assert sorted(p.name for p in share_file.parent.iterdir()) == [share_file.name, share_file.name + ".lock"]


def test_a_share_that_is_away_says_not_saved_and_the_edit_follows_when_it_returns(
        qtbot, make_window, share_file: Path, tmp_path: Path) -> None:
    window = make_window(share_file)
    _quick(window)
    plan_id = window.current_plan_id()
    share, away = share_file.parent, tmp_path / "G-borta"
    share.rename(away)  # the network drive is gone
    type_into(qtbot, window.editor.show_page("metadata").form.editor("title").line, "Skrivet utan nätverk")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Ej sparad till {share_file} – försöker igen",
                    timeout=20000)
    assert _label(window).text() == "Nätverksenhet – ej sparad"
    away.rename(share)  # and back
    qtbot.waitUntil(lambda: _label(window).text() == "Nätverksenhet – allt sparat", timeout=20000)
    assert _title_on(share_file, plan_id) == "Skrivet utan nätverk"
    assert window.statusBar().currentMessage() == f"Allt är sparat till {share_file}."


def test_closing_while_the_share_is_away_says_the_edits_are_kept(qtbot, make_window, share_file: Path,
                                                               tmp_path: Path, messages: list[str]) -> None:
    window = make_window(share_file)
    _quick(window)
    plan_id = window.current_plan_id()
    local = window.ofile.ws.path
    share_file.parent.rename(tmp_path / "G-borta")
    type_into(qtbot, window.editor.show_page("metadata").form.editor("title").line, "Sparad lokalt")
    window.close_file()
    assert messages and messages[-1].startswith(f"Ej sparad till {share_file}")
    assert "finns kvar på den här datorn" in messages[-1]
    assert _title_on(local, plan_id) == "Sparad lokalt"


def test_a_lock_that_cannot_be_written_opens_read_only(make_window, share_file: Path, monkeypatch) -> None:
    def refuse(self, **_kw):
        raise PermissionError(13, "Åtkomst nekad")

    monkeypatch.setattr("db.lock.FileLock.acquire", refuse)
    window = make_window(share_file)
    assert window.ofile.read_only
    assert "Låsfilen kunde inte skrivas" in window.statusBar().currentMessage()
    assert _label(window).text() == "Nätverksenhet – skrivskyddad"
    assert not window.actions_["new_plan"].isEnabled()


def test_a_new_file_on_the_network_drive_is_written_there_whole(qtbot, make_window, share_file: Path,
                                                               monkeypatch) -> None:
    window = make_window(share_file)
    target = share_file.parent / "ny.uppdrag"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: target)
    window.actions_["new_file"].trigger()
    assert window.ofile.path == target and not window.ofile.read_only
    assert window.ofile.ws.path != target
    qtbot.waitUntil(lambda: _label(window).text() == "Nätverksenhet – allt sparat")
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(
        [share_file.name, target.name, target.name + ".lock"])


def test_a_read_only_view_shows_what_the_editor_writes_back(qtbot, make_window, share_file: Path, empty_file: Path,
                                                          tmp_path: Path, monkeypatch) -> None:
    foreign_lock(share_file)  # karin edits the file on another computer
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.LockedFileDialog.exec",
                        lambda dialog: dialog.read_only_button.click() or 1)
    window = make_window(empty_file)
    assert window.open_path(share_file)
    assert window.ofile.read_only
    nf = window.ofile.ws.sharing.netfile
    nf.read_poll_s = 0.05
    window.session.watcher.timer.setInterval(50)
    plan_id = window.current_plan_id()
    title = window.editor.show_page("metadata").form.editor("title").line
    assert title.text() != "Karins nya rubrik"
    qtbot.waitUntil(lambda: _label(window).text() == "Nätverksenhet – skrivskyddad")

    # Karin's program writes the file back: an edited copy renamed over it on the share.
    written_back_elsewhere(share_file, tmp_path, "UPDATE plan SET title = ? WHERE id = ?", ("Karins nya rubrik", plan_id))
    shared = share_file.read_bytes()

    qtbot.waitUntil(lambda: window.editor.show_page("metadata").form.editor("title").line.text()
                    == "Karins nya rubrik", timeout=20000)
    row = window.plan_model.index_of_plan(plan_id)
    assert row.data() == "Karins nya rubrik"
    assert window.ofile.read_only and not window.actions_["new_plan"].isEnabled()
    qtbot.waitUntil(lambda: "uppdaterat" in _label(window).toolTip())  # the status comes by a queued signal
    assert "karin" in _label(window).toolTip()
    assert share_file.read_bytes() == shared  # the view never writes to the share
    assert sorted(p.name for p in share_file.parent.iterdir()) == [share_file.name, share_file.name + ".lock"]


KARIN_EDITS = """
import sys
from app.workspace import Workspace
ws = Workspace.open(sys.argv[1])
ws.update("plan", int(sys.argv[2]), title="Karins rubrik")
ws.close()
"""


def test_a_file_changed_on_the_share_is_merged_and_the_window_shows_both(qtbot, make_window, share_file: Path,
                                                                          tmp_path: Path) -> None:
    window = make_window(share_file)
    _quick(window)
    qtbot.waitUntil(lambda: _label(window).text() == "Nätverksenhet – allt sparat")
    mine = window.current_plan_id()
    theirs = next(p for p in (1, 2) if p != mine)
    # Someone edits a copy on another computer (a broken stale lock, a file manager) and puts it back.
    copy = tmp_path / "karins.uppdrag"
    shutil.copyfile(share_file, copy)
    env = {**os.environ, "UPPDRAG_DATA_DIR": str(tmp_path / "karin"),
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-c", KARIN_EDITS, str(copy), str(theirs)], env=env, check=True)
    shutil.copyfile(copy, share_file.with_name(".inkommande"))
    os.replace(share_file.with_name(".inkommande"), share_file)

    type_into(qtbot, window.editor.show_page("metadata").form.editor("title").line, "Min rubrik")
    qtbot.waitUntil(lambda: window.plan_model.index_of_plan(theirs).data() == "Karins rubrik", timeout=20000)
    qtbot.waitUntil(lambda: "sammanfogade" in window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: _label(window).text() == "Nätverksenhet – allt sparat", timeout=20000)
    assert window.plan_model.index_of_plan(mine).data() == "Min rubrik"
    assert (_title_on(share_file, mine), _title_on(share_file, theirs)) == ("Min rubrik", "Karins rubrik")
