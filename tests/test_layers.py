"""The layers: ui -> app -> db, each importing only downwards; app/ and db/ never import Qt;
db/ alone speaks to SQLite; the command line loads neither Qt nor python-docx."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_app_and_db_import_no_qt_and_no_ui() -> None:
    offenders = []
    for folder in ("app", "db"):
        for path in (ROOT / folder).rglob("*.py"):
            bad = _imports(path) & {"PySide6", "shiboken6", "ui"}
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert offenders == []


def test_db_imports_no_app() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "db").rglob("*.py") if "app" in _imports(p)]
    assert offenders == []


def _modules(folder: str) -> dict[str, set[str]]:
    return {str(p.relative_to(ROOT)): _imports(p) for p in (ROOT / folder).rglob("*.py")}


def test_ui_imports_no_db() -> None:
    offenders = [path for path, names in _modules("ui").items() if "db" in names]
    assert offenders == []


# Modules above db/ that still hold storage code, each to leave this list when its SQL moves to db/.
STORAGE_OUTSIDE_DB: dict[str, set[str]] = {}


def test_only_db_speaks_to_sqlite() -> None:
    found = {}
    for folder in ("app", "ui"):
        for path, names in _modules(folder).items():
            storage = names & {"peewee", "sqlite3", "playhouse"}
            if storage - STORAGE_OUTSIDE_DB.get(path, set()):
                found[path] = sorted(storage)
    assert found == {}
    stale = [path for path, names in STORAGE_OUTSIDE_DB.items()
             if not (ROOT / path).exists() or not names & _imports(ROOT / path)]
    assert stale == [], "remove these from STORAGE_OUTSIDE_DB: they no longer import storage"


def test_cli_list_loads_no_qt_and_no_docx(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from app.cli import main\n"
        f"main(['init', {str(tmp_path / 'x.uppdrag')!r}, '--examples'])\n"
        f"main(['list', {str(tmp_path / 'x.uppdrag')!r}, '--json'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'docx', 'openpyxl', 'ui')]\n"
        "print('LOADED', bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={"UPPDRAG_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}, check=True)
    assert "LOADED []" in out.stdout
