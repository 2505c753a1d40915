"""PySide6's import hook answered from the files' bytes (ui.import_hook): the same answers as its own
(tests/ui/test_start_arguments.py checks the answers a started app got)."""

from __future__ import annotations

import sys

import pytest

from ui import import_hook


def test_the_lighter_hook_answers_as_pysides_own(monkeypatch: pytest.MonkeyPatch) -> None:
    import json as a_stdlib_module

    import PySide6.QtCore  # loads the hook

    import app.plans
    import ui.main_window

    feature = sys.modules["shibokensupport.feature"]
    own = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", own)  # put back after the test
    import_hook.lighten()
    lighter = feature._mod_uses_pyside
    assert lighter is not own
    import_hook.lighten()
    assert feature._mod_uses_pyside is lighter  # once
    for module in (ui.main_window, app.plans, a_stdlib_module, sys, PySide6.QtCore, import_hook):
        assert lighter(module) == own(module), module.__name__
    assert lighter(ui.main_window) and not lighter(app.plans)

