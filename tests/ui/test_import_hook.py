"""PySide6's import hook answered from the files' bytes (ui.import_hook): the same answers as its own."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_the_started_app_sorts_its_modules_as_pyside6_would(tmp_path: Path) -> None:
    """A fresh process, as `uppdrag` starts: the window's modules (imported after PySide6) are marked
    as using PySide6, the Qt-free ones imported after it as not, and `__feature__` still works."""
    code = (
        "import json, sys\n"
        "from ui.entry import before_qt\n"
        "before_qt()\n"
        "from PySide6.QtWidgets import QApplication\n"
        "def exec_():\n"
        "    app = QApplication.instance()\n"
        "    feature = sys.modules['shibokensupport.feature']\n"
        "    marks = {n: v for n, v in feature.pyside_feature_dict.items() if n.startswith(('ui.', 'app.', 'db.'))}\n"
        "    print(json.dumps({'lighter': getattr(feature._mod_uses_pyside, 'reads_bytes', False), 'marks': marks}))\n"
        "    for window in app.topLevelWidgets():\n"
        "        window.close()\n"
        "    return 0\n"
        "QApplication.exec = staticmethod(exec_)\n"
        "from ui.main import run\n"
        "run(None, [])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "UPPDRAG_DATA_DIR": str(tmp_path),
           "UPPDRAG_SETTINGS": str(tmp_path / "settings.ini")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    marks = result["marks"]
    assert result["lighter"] is True
    assert marks["ui.main_window"] == 0 and marks["ui.editor.plan_editor"] == 0
    assert len(marks) > 20
    for name, mark in marks.items():  # PySide6's own rule: the source names PySide6
        origin = importlib.util.find_spec(name).origin
        assert mark == (0 if "PySide6" in Path(origin).read_text(encoding="utf-8") else -1), name
