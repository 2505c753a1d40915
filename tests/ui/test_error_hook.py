"""The UI fixtures' error hook, proved on a test run of its own: an unexpected exception in a Qt
slot fails the running test (the app's own hook would only have logged it), while an expected
error is shown as a message as the app shows it to a user."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

INNER_TESTS = '''
import pytest
from PySide6.QtWidgets import QPushButton


def click(window, slot):
    button = QPushButton("knapp", window)
    button.clicked.connect(slot)
    button.click()


def test_a_slot_that_raises(window):
    click(window, lambda: 1 / 0)


def test_an_expected_error_is_a_message(window, messages):
    from app.validation import ValidationError

    def slot():
        raise ValidationError([("title", "Titeln saknas.")])

    click(window, slot)
    assert messages == ["Titeln saknas."]
'''


def test_an_exception_in_a_slot_fails_the_test(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makeini("[pytest]\nqt_api = pyside6\n")
    pytester.makeconftest('pytest_plugins = ["tests.conftest", "tests.ui.conftest"]\n')
    pytester.makepyfile(test_inner=INNER_TESTS)
    # In a process of its own: a run in this one would take the modules it imported out of sys.modules
    # when it ends, and a later test's monkeypatch could then patch another copy of a module than the
    # one the window's code holds (a file dialog opened for real, and the suite waited for it).
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH")))))
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*test_a_slot_that_raises*", "*ZeroDivisionError*"])
    assert "test_an_expected_error_is_a_message FAILED" not in result.stdout.str()


def test_an_unexpected_database_error_is_said_without_sqlite_words(qtbot, monkeypatch, tmp_path) -> None:
    """The dialog of an unexpected error shows a Swedish sentence, not SQLite's English."""
    import sqlite3

    from ui.errors import ExceptionHook

    shown: list[str] = []
    monkeypatch.setattr("ui.errors.show_error", lambda parent, message, title=None: shown.append(message))
    monkeypatch.setattr("app.logs.log_unexpected", lambda *exc_info: tmp_path / "fel.log")
    hook = ExceptionHook(lambda: None, interactive=True)
    try:
        raise RuntimeError("write failed") from sqlite3.OperationalError("disk I/O error")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1 and "disken" in shown[0] and "I/O" not in shown[0]
