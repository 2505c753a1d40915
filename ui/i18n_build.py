"""The Qt Linguist sources in app/resources/translations: brought up to date from the code, and built.

    python -m ui.i18n_build            compile every *.ts to *.qm (pyside6-lrelease); `make venv` does
    python -m ui.i18n_build --update   collect every translatable string into the *.ts (pyside6-lupdate)
                                       over every ui module, then compile; `make translations-update`

The .qm files are build products (git-ignored), never edited by hand. A string the update finds
new is left "unfinished" in the .ts until someone translates it (Qt Linguist, or by hand), and
tests/ui/test_language.py fails while any is.

app/ imports no Qt, so the labels of coded values it holds as data (app.kinds) cannot carry
Qt's marks: the update writes them as marks into a throw-away module for lupdate to read, in the
context "Kinds" in which ui.i18n.kind_label translates them. The sentences app/ and db/ say
through app.i18n.tr go there too, in the context "App" (ui.i18n hands that context's lookup to app.i18n).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from app.resources import resource_path

UI_ROOT = Path(__file__).resolve().parent
# The dictionaries in app/ whose labels the ui shows (through ui.i18n.kind_label).
KIND_LABEL_TABLES = (
    ("app.kinds", (
        "DOC_TYPE_LABELS", "DOC_STATUSES", "TIMELINE_KINDS", "TIMELINE_STATUSES", "ROLE_KINDS", "GOAL_KINDS",
        "BUDGET_KINDS", "BUDGET_SUM_RULES", "RISK_STATUSES", "RISK_TRENDS", "LOG_KINDS", "REPORT_STATUSES",
        "DECISION_CHOICES", "CONTENT_KINDS", "CHECKLIST_ANSWERS", "DECISION_OUTCOMES", "DEPENDENCY_KINDS",
        "LAG_UNITS", "ROW_LABELS", "FIELD_LABELS")),  # the last two: the parts an undo step names
    ("app.timeline", ("DECISION_STATES",)),
    ("app.portfolio_view", ("FACETS",)),
    ("app.kinds", ("TABLE_LABELS",)),  # the kind of a row in change history and anonymising
    ("app.tables", ("COLUMN_HEADERS", "TABLE_NAMES")),  # an import's columns and lists
    ("app.exporters", ("FORMAT_LABELS",)),  # the export menu's formats
    ("app.plan_diff", ("PART_LABELS", "ACTIONS", "EXTRA_LABELS")),  # what changed between editions
    ("app.editions", ("SECTION_STATUSES",)),
    ("app.change_history", ("ACTIONS",)),  # who changed what
    ("app.overview", ("STATUS_LABELS",)),  # `uppdrag overview`
)


def _tool(name: str) -> list[str]:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return [found]
    raise FileNotFoundError(f"Hittar inte {name} (ingår i PySide6).")


def kind_labels() -> Iterator[str]:
    """Every label of a coded value the ui may show, in Swedish (and the shipped steering models' names)."""
    import importlib

    from app.steering import shipped_models

    seen: set[str] = set()
    for module, tables in KIND_LABEL_TABLES:
        for table in tables:
            for label in getattr(importlib.import_module(module), table).values():
                if label and label not in seen:
                    seen.add(label)
                    yield label
    for model in shipped_models().values():
        if model.name not in seen:
            seen.add(model.name)
            yield model.name


def app_sentences() -> list[str]:
    """Every sentence app/ and db/ say through app.i18n.tr, in Swedish (context "App")."""
    from app.i18n import marked_sentences

    return sorted({text for _, text in marked_sentences() if text})


def ui_modules() -> list[Path]:
    return sorted(p for p in UI_ROOT.rglob("*.py") if "__pycache__" not in p.parts)


def update(ts_files: list[Path] | None = None) -> list[Path]:
    """Bring every .ts up to date with the code (new strings unfinished, vanished ones dropped)."""
    ts_files = ts_files or sorted(resource_path("translations").glob("*.ts"))
    with tempfile.TemporaryDirectory() as tmp:
        marks = Path(tmp) / "kind_labels.py"
        marks.write_text("".join(f'QT_TRANSLATE_NOOP("Kinds", {label!r})\n' for label in kind_labels())
                         + "".join(f'QT_TRANSLATE_NOOP("App", {text!r})\n' for text in app_sentences()),
                         encoding="utf-8")
        for ts in ts_files:
            subprocess.run([*_tool("lupdate"), *map(str, ui_modules()), str(marks), "-locations", "none",
                            "-no-obsolete", "-silent", "-ts", str(ts)], check=True)
    return ts_files


def build() -> list[Path]:
    out = []
    for ts in sorted(resource_path("translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


if __name__ == "__main__":
    if "--update" in sys.argv[1:]:
        for path in update():
            print(path)
    for path in build():
        print(path)
    sys.exit(0)
