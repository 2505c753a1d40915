"""The layers: app/ and db/ never import Qt; the command line loads neither Qt nor python-docx."""

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
