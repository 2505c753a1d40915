"""UI fixtures: a fresh file per test, settings in a temporary folder, no modal dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.plans import add_examples
from app.workspace import Workspace


@pytest.fixture
def empty_file(tmp_path: Path) -> Path:
    path = tmp_path / "tom.uppdrag"
    Workspace.create(path).close()
    return path


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    path = tmp_path / "exempel.uppdrag"
    ws = Workspace.create(path)
    add_examples(ws)
    ws.close()
    return path


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box the app would show, instead of showing it."""
    shown: list[str] = []
    monkeypatch.setattr("ui.errors.show_error", lambda parent, message, title=None: shown.append(message))
    return shown


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmation questions are answered yes (and recorded)."""
    asked: list[str] = []

    def ask(parent, question):
        asked.append(question)
        return True

    monkeypatch.setattr("ui.dialogs.confirm.ask", ask)
    monkeypatch.setattr("ui.dialogs.files.ask_open_after", lambda parent, path: False)

    def confirm_export(parent, findings):
        asked.extend(findings)
        return True

    monkeypatch.setattr("ui.dialogs.registrar_dialog.confirm_export", confirm_export)
    return asked


@pytest.fixture
def make_window(qtbot, settings, messages, answers):
    from ui import i18n
    from ui.main import build_window

    made = []

    def make(path: Path):
        window, hook = build_window(path, settings, interactive_errors=False)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        made.append((window, hook))
        return window

    yield make
    for window, hook in made:
        hook.uninstall()
        if window.ofile is not None:
            window.close()
    i18n.install_language("sv")


@pytest.fixture
def window(make_window, example_file):
    return make_window(example_file)
