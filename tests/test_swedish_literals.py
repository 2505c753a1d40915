"""No Swedish sentence in app/ or db/ reaches a person without going through tr() (app.i18n, db.i18n),
so English mode has no Swedish in it.

Every string literal of app/ and db/ (f-strings whole) that reads as Swedish — å, ä or ö, or a
common Swedish word — is either inside a tr() call, said inside `with in_swedish():` (the file's
log: part of the document), a label of a coded value that the window and app.i18n.label translate
(ui.i18n_build.KIND_LABEL_TABLES), a docstring, or named below with the reason it stays Swedish.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(inte|och|för|kan|finns|filen|planen|inga|ingen|är|att|med|till|från|eller|"
                     r"har|kunde|skriv|välj|ange|fel|saknas|hittar|sparad|okänd|okänt)\b", re.IGNORECASE)

# Whole files whose Swedish is not said to a person in the window's language.
SWEDISH_FILES = {
    "app/export": "the documents for the registry (Word, PDF, Excel, calendar, CSV): Swedish in every language",
    "app/kinds.py": "labels of coded values: translated where shown (app.i18n.label, ui.i18n.kind_label)",
    "app/dates.py": "the Swedish date notation plans are written in (its words are what is parsed and stored)",
    "app/date_text.py": "the words a date is read from and written in, in the plans' own Swedish notation",
    "app/argparse_sv.py": "the Swedish side of argparse's English errors: used only when the command line speaks Swedish",
    "app/search_index.py": "the letters a search folds together (aåäáàâã)",
    "app/logs.py": "the log file, for whoever supports the program",
    "app/resources/make_reference_docx.py": "builds the Word reference document (part of the documents)",
    "app/mspdi/__init__.py": "names and aliases of the custom fields written into an MS Project file",
}
# Single strings (file, the literal's start) and why they stay Swedish.
SWEDISH_STRINGS = {
    ("app/mspdi/write.py", "Stängt"): "the name of a closed day in the exported MS Project calendar",
    ("app/risks.py", "Omräknad från skala"): "the note kept in the risk's assessment history (the file's record)",
    ("app/risks.py", "Måttlig"): "default level names stored in the file's settings, edited by its users",
    ("app/risks.py", "Försumbar"): "default level names stored in the file's settings, edited by its users",
    ("app/decisions.py", "Efter beslut vid"): "the comment of the frozen edition (kept in the file)",
    ("app/decisions.py", "Klar för beslut"): "a point's state label: translated where shown (Kinds)",
    ("app/timeline.py", "Klar för beslut"): "a point's state label: translated where shown (Kinds)",
    ("app/risks.py", "Låg"): "default level names stored in the file's settings, edited by its users",
    ("app/risks.py", "Hög"): "default level names stored in the file's settings, edited by its users",
    ("app/overview.py", "Nästa beslutspunkt"): "a column of the portfolio report and a key of `overview --json`",
    ("app/overview.py", "Höga risker"): "a column of the portfolio report and a key of `overview --json`",
    **{("app/tables.py", alias): "a column name an imported list may have (what is read, not said)"
       for alias in ("Från", "Till", "Färdigt", "Sannolikhet (poäng)", "Konsekvens (poäng)", "Påverkan",
                     "Uppföljning", "Riskägare", "Åtgärder")},
    ("app/sync.py", "Skickar dina ändringar"): "the steps' keys, which the window translates (ui.team_actions)",
    ("app/editions.py", "före"): "the default labels of a unified diff, always given by the callers",
    ("app/steps.py", "ångra"): "part of the undo step's name built for ui.undo, which translates it",
    ("app/steps.py", "före"): "part of the undo step's name built for ui.undo, which translates it",
    ("app/sync.py", "Ansluter till servern"): "the steps' keys, which the window translates (ui.team_actions)",
    ("app/sync.py", "Hämtar ändringar"): "the steps' keys, which the window translates (ui.team_actions)",
    ("app/overview.py", "Största avvikelse"): "a column of the portfolio report and a key of `overview --json`",
    ("app/overview.py", "Portföljrapport"): "the portfolio report's title (a document)",
    ("app/templates.py", "Mallfilen"): "a shipped template file that does not read: an error in the program itself",
    ("app/templates.py", "{}"): "a shipped template file that does not read: an error in the program itself",
    ("app/steering.py", "filens modell"): "the origin of a stored model whose errors are skipped, never shown",
    ("app/rows.py", "{} ska vara"): "a TypeError: an error in the program itself",
    ("app/importers.py", "Plan som JSON"): "the importers' descriptions, not shown (the window names formats itself)",
    ("app/importers.py", "Aktiviteter eller risker"): "the importers' descriptions, not shown",
    ("app/version.py", "okänd"): "the version of a source tree without git: stored with exports",
    ("db/lock.py", "okänd"): "written into the lock file, read by the other users of a shared file",
    ("db/history.py", "okänd"): "the author stored with a row version (the file's record)",
    ("db/history.py", "{} på {}"): "the author stored with a row version (the file's record)",
    ("db/schema.py", "okänt schema"): "the name of a schema in the check's own record",
}


def _kind_labels() -> set[str]:
    from ui.i18n_build import KIND_LABEL_TABLES

    out: set[str] = set()
    for module, tables in KIND_LABEL_TABLES:
        for table in tables:
            out |= {v for v in getattr(importlib.import_module(module), table).values() if isinstance(v, str)}
    return out


def _text(node: ast.expr) -> str:
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _said(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, text) of each string literal not in a docstring, a tr() call or an in_swedish() block."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        inside = []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
            inside = [node]
        if isinstance(node, ast.With) and any(isinstance(i.context_expr, ast.Call) and isinstance(
                i.context_expr.func, ast.Name) and i.context_expr.func.id == "in_swedish" for i in node.items):
            inside = node.body
        for part in inside:
            skip |= {id(n) for n in ast.walk(part)}
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.Constant | ast.JoinedStr):
            continue
        if isinstance(node, ast.JoinedStr):
            skip |= {id(n) for n in ast.walk(node)}
        text = _text(node)
        if text:
            yield node.lineno, text


def swedish_literals(root: Path = ROOT) -> list[str]:
    labels = _kind_labels()
    found = []
    for folder in ("app", "db"):
        for path in sorted((root / folder).rglob("*.py")):
            where = path.relative_to(root).as_posix()
            if any(where == f or where.startswith(f + "/") for f in SWEDISH_FILES):
                continue
            for line, text in _said(ast.parse(path.read_text(encoding="utf-8"))):
                if not SWEDISH.search(text) or text in labels or text.startswith("--"):  # an option's name
                    continue
                if any(where == f and text.startswith(start) for f, start in SWEDISH_STRINGS):
                    continue
                found.append(f"{where}:{line}: {text[:100]!r}")
    return found


def test_no_swedish_reaches_a_person_without_tr() -> None:
    found = swedish_literals()
    assert found == [], "pass these through tr() (app.i18n, db.i18n), or say in SWEDISH_STRINGS why not:\n" + \
        "\n".join(found)


def test_the_allow_lists_name_only_what_is_there() -> None:
    for folder in SWEDISH_FILES:
        assert (ROOT / folder).exists(), folder
    for path, start in SWEDISH_STRINGS:
        texts = [text for _, text in _said(ast.parse((ROOT / path).read_text(encoding="utf-8")))]
        assert any(text.startswith(start) for text in texts), f"{path}: {start!r} is gone; take it off SWEDISH_STRINGS"


def test_a_swedish_sentence_outside_tr_is_found(tmp_path: Path) -> None:
    for folder in ("app", "db"):
        (tmp_path / folder).mkdir()
    (tmp_path / "app" / "x.py").write_text(
        '"""Modulen."""\nfrom app.i18n import in_swedish, tr\n'
        'def f(name):\n    """Gör något."""\n'
        '    a = tr("Filen {name} finns inte.", name=name)\n'
        '    b = f"Planen {name} kan inte sparas"\n'
        '    with in_swedish():\n        c = "Sammanslagning med annan fil"\n'
        '    return "Could not" + "Filen är skadad"\n', encoding="utf-8")
    assert swedish_literals(tmp_path) == ["app/x.py:6: 'Planen {} kan inte sparas'", "app/x.py:9: 'Filen är skadad'"]
