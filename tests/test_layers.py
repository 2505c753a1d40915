"""The layers: ui -> app -> db, each importing only downwards and no modules round a circle; app/ and db/ never import Qt;
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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """Each module of app/, db/ and ui/ with the modules of those folders it imports, at any depth of
    its code (a function's own import and a TYPE_CHECKING import tie two modules as much as any)."""
    files = {_module_name(p): p for folder in ("app", "db", "ui") for p in (ROOT / folder).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        graph[name] = {m for m in found if m in files and files[m].name != "__init__.py"} - {name}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other round a loop (Tarjan's strongly connected parts)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        order[v] = low[v] = len(order)
        stack.append(v)
        for w in graph[v]:
            if w not in order:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], order[w])
        if low[v] == order[v]:
            part = []
            while (w := stack.pop()) != v:
                part.append(w)
            if part:
                found.append(sorted([v, *part]))

    for v in sorted(graph):
        if v not in order:
            visit(v)
    return sorted(found)


def test_no_import_circles() -> None:
    # A function or dialog that takes the window names it as ui.controllers.DocumentWindow.
    assert _circles(_import_graph()) == []
