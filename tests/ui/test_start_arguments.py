"""What `uppdrag ARG` starts: a mistyped command is answered on the terminal and never opens a window."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import entry


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The argument lists the app's window would have been started with."""
    calls: list[list[str]] = []
    monkeypatch.setattr(entry, "start_gui", lambda argv: calls.append(argv) or 0)
    return calls


def test_mistyped_command_suggests_the_nearest_and_exits_2(started, capsys, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert entry.main(["lsit", "plan.uppdrag"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("uppdrag: okänt kommando ’lsit’ – menade du ’list’?\n")
    assert "Kommandon: init, list, import, export, check" in err
    assert started == []
    assert entry.main(["qwerty"]) == 2
    assert "okänt kommando ’qwerty’\n" in capsys.readouterr().err
    assert started == []


def test_a_file_to_open_still_starts_the_app(started, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lista").write_bytes(b"")  # an existing file, whatever its name
    for argv in (["ny.uppdrag"], ["lista"], ["--db", "x.uppdrag"], ["postgresql://kim@server/plan"], []):
        assert entry.main(argv) == 0
    assert started == [["ny.uppdrag"], ["lista"], ["--db", "x.uppdrag"], ["postgresql://kim@server/plan"], []]


def test_a_start_refused_on_its_file_says_why_and_exits_1(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Without arguments the command line is not loaded, yet a refused start still answers in Swedish."""
    from db.errors import StoreError

    def refuse(argv: list[str]) -> int:
        raise StoreError("Filen ”plan.uppdrag” finns inte.")

    monkeypatch.setattr(entry, "start_gui", refuse)
    for argv in ([], ["plan.uppdrag"]):
        assert entry.main(argv) == 1
        assert capsys.readouterr().err == "uppdrag: Filen ”plan.uppdrag” finns inte.\n"


def test_an_unexpected_error_at_start_is_not_taken_for_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(argv: list[str]) -> int:
        raise RuntimeError("fel i programmet")

    monkeypatch.setattr(entry, "start_gui", fail)
    with pytest.raises(RuntimeError, match="fel i programmet"):
        entry.main([])


# What the first window needs loads at start; these load when a feature is first used (and the
# tests of each feature use them from there). A fresh process, as `uppdrag` starts.
LOADED_WHEN_USED = ("app.cli", "app.network_file", "app.steps", "app.editions", "db.backup", "db.server",
                    "psycopg", "lxml", "openpyxl", "docx", "icalendar", "holidays", "configparser")


def _fresh_process(code: str, data: Path) -> subprocess.CompletedProcess[str]:
    """`code` run by a fresh interpreter, as `uppdrag` starts, with its own data folder and settings."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "UPPDRAG_DATA_DIR": str(data),
           "UPPDRAG_SETTINGS": str(data / "settings.ini")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
                          cwd=Path(__file__).resolve().parents[2], timeout=120)


def test_the_first_window_loads_no_feature_before_it_is_used(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from ui.entry import before_qt\n"
        "before_qt()\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(['uppdrag'])\n"
        "from ui.main import build_window\n"
        "window, hook = build_window(None, interactive_errors=False)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert window.editor is not None and window.plan_model.rowCount() > 0\n"
        f"print('LOADED', sorted(m for m in {LOADED_WHEN_USED!r} if m in sys.modules))\n"
        "window.close()\n"
        "hook.uninstall()\n"
    )
    out = _fresh_process(code, tmp_path)
    assert "LOADED []" in out.stdout, out.stdout + out.stderr


def _started_app(before: str, on_exec: str) -> str:
    """The code of a start as `uppdrag` starts (ui.main.run), with `before` run after before_qt and
    `on_exec` (indented for a function) run where the event loop would start; then the windows close."""
    return (
        "from ui.entry import before_qt\n"
        "before_qt()\n"
        "from PySide6.QtWidgets import QApplication\n"
        f"{before}"
        "def exec_():\n"
        "    app = QApplication.instance()\n"
        f"{on_exec}"
        "    for window in app.topLevelWidgets():\n"
        "        window.close()\n"
        "    return 0\n"
        "QApplication.exec = staticmethod(exec_)\n"
        "from ui.main import run\n"
        "run(None, [])\n"
    )


def test_the_window_icon_is_set_once_the_window_is_painted(tmp_path: Path) -> None:
    """An SVG icon loads Qt's SVG library and its icon engine: not before the first paint, but after it."""
    code = _started_app(
        "def svg_loaded():\n"
        "    with open('/proc/self/maps') as maps:\n"
        "        return any('libQt6Svg' in line for line in maps)\n",
        "    print('SHOWN', app.windowIcon().isNull(), svg_loaded())\n"
        "    for _ in range(50):\n"
        "        app.processEvents()\n"
        "        if not app.windowIcon().isNull():\n"
        "            break\n"
        "    print('PAINTED', app.windowIcon().isNull())\n",
    )
    out = _fresh_process(code, tmp_path)
    assert "SHOWN True False" in out.stdout, out.stdout + out.stderr
    assert "PAINTED False" in out.stdout, out.stdout + out.stderr


def test_the_started_app_sorts_its_modules_as_pyside6_would(tmp_path: Path) -> None:
    """PySide6's import hook answered from the files' bytes (ui.import_hook): the window's modules,
    imported after PySide6, are marked as using it and the Qt-free ones imported after it as not,
    by PySide6's own rule (the source names PySide6)."""
    code = "import json, sys\n" + _started_app("", (
        "    feature = sys.modules['shibokensupport.feature']\n"
        "    marks = {n: v for n, v in feature.pyside_feature_dict.items() if n.startswith(('ui.', 'app.', 'db.'))}\n"
        "    print(json.dumps({'lighter': getattr(feature._mod_uses_pyside, 'reads_bytes', False), 'marks': marks}))\n"
    ))
    out = _fresh_process(code, tmp_path)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    marks = result["marks"]
    assert result["lighter"] is True
    assert marks["ui.main_window"] == 0 and marks["ui.editor.plan_editor"] == 0
    assert len(marks) > 20
    for name, mark in marks.items():
        origin = importlib.util.find_spec(name).origin
        assert mark == (0 if "PySide6" in Path(origin).read_text(encoding="utf-8") else -1), name


def test_the_first_frame_does_without_pysides_qt_namespace_and_icons(tmp_path: Path) -> None:
    """The first use of PySide6.QtCore.Qt builds all its enums (about a tenth of the start), and QIcon's
    type its own: the window is shown and painted without either (ui.plan_list, ui.controllers.make_action),
    and the namespace is built once the window is painted (ui.main)."""
    code = "import sys\n" + _started_app("", (
        "    qt_built = lambda: 'Qt' in vars(sys.modules['PySide6.QtCore'])\n"
        "    icon_built = lambda: 'QIcon' in vars(sys.modules['PySide6.QtGui'])\n"
        "    window = next(w for w in app.topLevelWidgets() if w.objectName() == 'mainWindow')\n"
        "    app.processEvents()\n"
        "    print('SHOWN', qt_built(), icon_built(), window.editor is not None and window.plan_model.rowCount() > 0)\n"
        "    for _ in range(50):\n"
        "        app.processEvents()\n"
        "        if qt_built():\n"
        "            break\n"
        "    print('PAINTED', qt_built())\n"
    ))
    out = _fresh_process(code, tmp_path)
    assert "SHOWN False False True" in out.stdout, out.stdout + out.stderr
    assert "PAINTED True" in out.stdout, out.stdout + out.stderr
