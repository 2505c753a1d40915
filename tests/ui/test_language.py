"""Swedish by default; English from the compiled Linguist file, switched in the running window."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
MINE = ["ui/main_window.py", "ui/server_actions.py", "ui/file_actions.py", "ui/errors.py", "ui/plan_list.py", "ui/dialogs", "ui/editor"]


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    from ui.i18n_build import build

    assert build(), "no .ts files in app/resources/translations"


def ts_messages() -> dict[tuple[str, str], str]:
    tree = ET.parse(resource_path("translations", "uppdrag_en.ts"))
    return {(ctx.findtext("name"), m.findtext("source")): m.findtext("translation") or ""
            for ctx in tree.getroot() for m in ctx.findall("message")}


def test_every_ui_string_has_an_english_translation() -> None:
    messages = ts_messages()
    missing = []
    for entry in MINE:
        path = ROOT / entry
        for f in [path] if path.is_file() else sorted(path.rglob("*.py")):
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and len(node.args) == 2
                        and all(isinstance(a, ast.Constant) for a in node.args)):
                    key = (node.args[0].value, node.args[1].value)
                    if not messages.get(key):
                        missing.append(f"{f.name}: {key}")
    assert missing == []


def test_switching_to_english_retranslates_the_open_window(qtbot, window, settings) -> None:
    assert [a.text() for a in window.menuBar().actions()][0] == "&Arkiv"
    window.findChild(type(window.actions_["undo"]), "actionLanguage_en").trigger()
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Settings", "&Help"]
    tabs = window.editor.tabs
    assert [tabs.tabText(i) for i in range(3)] == ["Metadata", "Sections", "Goals"]
    timeline = window.editor.show_page("timeline")
    assert timeline.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "Type"
    assert timeline.add_button.text() == "Add item"
    assert window.plan_model.index(0, 0).data().startswith("Assignment directive")
    assert settings.value("language") == "en"
    window.findChild(type(window.actions_["undo"]), "actionLanguage_sv").trigger()
    assert [a.text() for a in window.menuBar().actions()][0] == "&Arkiv"
    assert window.editor.tabs.tabText(1) == "Avsnitt"
