"""The window on a team server: Arkiv → Öppna server…, recent servers, a read-only window for a
reader, a password asked for once, and other clients' commits shown without reloading by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMenu

from app.plans import example_files, list_plans
from app.workspace import Workspace
from tests.conftest import pg_password
from tests.ui.ui_steps import keys
from ui.main import build_window
from ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def team(server_db):
    ws = Workspace.open(server_db.url("alice"))
    ws.add("plan", title="Teamets plan", doc_type="plan", template="plan")
    ws.close()
    return server_db


@pytest.fixture
def window(qtbot, settings, empty_file):
    win, hook = build_window(empty_file, settings, interactive_errors=False)
    qtbot.addWidget(win)
    yield win
    win.close_file()
    hook.uninstall()


def answer(monkeypatch, qtbot, dialog_class: str, text: str) -> list[str]:
    """The dialog opens for real; the person types `text` into its field and presses OK."""
    asked: list[str] = []

    def exec_(dialog) -> int:
        asked.append(dialog.windowTitle())
        keys(qtbot, dialog.field, text)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(f"ui.server_actions.{dialog_class}.exec", exec_)
    return asked


def test_opening_a_server_from_the_menu(qtbot, monkeypatch, window, team, settings):
    url = team.url("alice")
    asked = []

    def exec_(dialog) -> int:
        asked.append(dialog.windowTitle())
        dialog.field.clear()
        keys(qtbot, dialog.field, url)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("ui.server_actions.ServerDialog.exec", exec_)
    window.actions_["open_server"].trigger()
    assert asked == ["Öppna server"]
    assert window.ofile is not None and window.ofile.ws.on_server
    assert window.plan_model.rowCount() > 0 and window.count_label.text() == "1 plan"
    assert "Teamserver" in window.file_label.text() and "alice" in window.file_label.text()
    assert window.session.sync.label.text() == "Server"  # where the file lives, in the status bar
    assert window.actions_["new_plan"].isEnabled()
    assert not window.actions_["save_copy"].isEnabled()  # IT backs the server up
    assert AppSettings(settings).recent_servers == [url]
    menu = window.findChild(QMenu, "recentServersMenu")
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == [url]


def test_a_reader_gets_a_read_only_window(qtbot, window, team):
    assert window.open_path(team.url("rita"))
    assert window.ofile.read_only
    assert "skrivskyddad" in window.file_label.text()
    assert not window.actions_["new_plan"].isEnabled()
    assert "läsbehörighet" in window.statusBar().currentMessage()


def test_a_password_is_asked_for_when_the_server_wants_one(qtbot, monkeypatch, window, team, tmp_path):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "inget"))
    asked = answer(monkeypatch, qtbot, "PasswordDialog", pg_password("bob"))
    assert window.open_path(team.url("bob"))
    assert asked == ["Lösenord"] and window.ofile.ws.store.author == "bob"


def test_a_server_that_does_not_answer_is_one_message(window, messages):
    from tests.pg_cluster import free_port

    assert not window.open_path(f"postgresql://alice@127.0.0.1:{free_port()}/uppdrag")
    assert len(messages) == 1 and "svarar inte" in messages[0]


def test_another_clients_commit_shows_up(qtbot, window, team):
    """A plan imported by another program appears in the list without reloading by hand."""
    assert window.open_path(team.url("bob"))
    before = len(list_plans(window.ofile.ws))
    assert window.count_label.text() == ("1 plan" if before == 1 else f"{before} planer")
    assert window.ofile.ws.store.listener.connected.wait(10)
    done = subprocess.run([sys.executable, "-m", "app.cli", "import", team.url("alice"), str(_renamed_example())],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: window.count_label.text() == f"{before + 1} planer", timeout=10000)
    assert "ändrats av ett annat program" in window.statusBar().currentMessage()


def _renamed_example() -> Path:
    """An example plan under a uuid no database has yet."""
    import json
    import tempfile
    import uuid

    data = json.loads(example_files()[0].read_text(encoding="utf-8"))
    data["uuid"] = str(uuid.uuid4())
    out = Path(tempfile.mkdtemp()) / "ny.json"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out
