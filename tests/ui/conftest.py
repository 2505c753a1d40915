"""UI fixtures: a fresh file per test, settings in a temporary folder, no modal dialogs, and
an error hook under which an unexpected exception in a Qt slot fails the running test."""

from __future__ import annotations

import sys
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


class Answers(list):
    """The confirmation questions asked, each answered `reply`: yes, unless a test sets it to False."""

    reply = True


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Confirmation questions are answered (and recorded) instead of shown."""
    asked = Answers()

    def ask(parent, question):
        asked.append(question)
        return asked.reply

    monkeypatch.setattr("ui.dialogs.confirm.ask", ask)
    monkeypatch.setattr("ui.dialogs.files.ask_open_after", lambda parent, path: False)

    def confirm_export(parent, findings):
        asked.extend(findings)
        return True

    monkeypatch.setattr("ui.dialogs.registrar_dialog.confirm_export", confirm_export)
    return asked


class FailingHook:
    """sys.excepthook over the app's own: an expected error (validation, storage, lookup) is shown
    as the app shows it, so `messages` records it; anything else goes on to pytest-qt's hook, which
    the app's hook replaced, and fails the running test instead of ending up in a log file."""

    def __init__(self, app_hook) -> None:
        self.app_hook = app_hook

    def __call__(self, exc_type, exc, tb) -> None:
        from ui.errors import is_expected

        if is_expected(exc):
            self.app_hook(exc_type, exc, tb)
        else:
            self.app_hook.previous(exc_type, exc, tb)


@pytest.fixture
def make_window(qtbot, settings, messages, answers):
    from ui import i18n
    from ui.main import build_window

    made = []

    def make(path: Path):
        window, hook = build_window(path, settings)
        sys.excepthook = FailingHook(hook)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        made.append((window, hook))
        return window

    yield make
    for window, hook in reversed(made):
        if window.ofile is not None:
            window.close()
        hook.uninstall()
    i18n.install_language("sv")


@pytest.fixture
def window(make_window, example_file):
    return make_window(example_file)
