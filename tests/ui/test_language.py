"""Swedish by default; English from the compiled Linguist file, switched in the running window.

The translation source is Qt's own: lupdate over every ui module (ui.i18n_build.update). A string
the code shows that the shipped .ts lacks, or holds unfinished, fails here; so does Swedish left
on screen in English, and Qt's English left in Swedish.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QDate, QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QDialogButtonBox, QFileDialog, QGroupBox, QLabel, QLineEdit,
    QMessageBox, QTabWidget, QWidget,
)

from app.resources import resource_path
from wrong_language import ENGLISH, SWEDISH


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    from ui.i18n_build import build

    assert build(), "no .ts files in app/resources/translations"


def ts_messages(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation, its type: "" finished, "unfinished", "vanished" …)."""
    tree = ET.parse(path)
    out = {}
    for ctx in tree.getroot():
        for m in ctx.findall("message"):
            t = m.find("translation")
            out[(ctx.findtext("name"), m.findtext("source"))] = (t.text or "", t.get("type", ""))
    return out


def test_the_translation_holds_every_string_the_code_shows_and_each_is_finished(tmp_path) -> None:
    from ui.i18n_build import update

    shipped = resource_path("translations", "uppdrag_en.ts")
    fresh = tmp_path / "uppdrag_en.ts"
    shutil.copy(shipped, fresh)
    update([fresh])  # lupdate over every ui module, as `make translations-update` runs it
    found, have = ts_messages(fresh), ts_messages(shipped)
    missing = sorted(f"{c}: {s}" for c, s in found.keys() - have.keys())
    unfinished = sorted(f"{c}: {s}" for (c, s), (text, kind) in found.items() if kind or not text)
    stale = sorted(f"{c}: {s}" for c, s in have.keys() - found.keys())
    assert missing == [], "strings in the code that the .ts lacks (run `make translations-update`)"
    assert unfinished == [], "strings left untranslated in the .ts"
    assert stale == [], "strings in the .ts that the code no longer has (run `make translations-update`)"


def test_a_string_added_to_the_code_and_not_translated_is_found(tmp_path, monkeypatch) -> None:
    """The check above would notice: lupdate picks a new translate() call up as unfinished."""
    import ui.i18n_build as build

    extra = tmp_path / "extra.py"
    extra.write_text('translate("MainWindow", "En mening som ingen har översatt")\n', encoding="utf-8")
    every_module = build.ui_modules
    monkeypatch.setattr(build, "ui_modules", lambda: [*every_module(), extra])
    fresh = tmp_path / "uppdrag_en.ts"
    shutil.copy(resource_path("translations", "uppdrag_en.ts"), fresh)
    build.update([fresh])
    assert ts_messages(fresh)[("MainWindow", "En mening som ingen har översatt")][1] == "unfinished"


def test_switching_to_english_retranslates_the_open_window(qtbot, window, settings) -> None:
    assert [a.text() for a in window.menuBar().actions()][0] == "&Arkiv"
    window.findChild(QAction, "actionLanguage_en").trigger()
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Settings", "&Help"]
    tabs = window.editor.tabs
    assert [tabs.tabText(i) for i in range(3)] == ["Metadata", "Sections", "Goals"]
    timeline = window.editor.show_page("timeline")
    assert timeline.model.headerData(0, Qt.Orientation.Horizontal) == "Type"
    assert timeline.add_button.text() == "Add item"
    assert window.plan_model.index(0, 0).data().startswith("Assignment directive")
    assert settings.value("language") == "en"
    window.findChild(QAction, "actionLanguage_sv").trigger()
    assert [a.text() for a in window.menuBar().actions()][0] == "&Arkiv"
    assert window.editor.tabs.tabText(1) == "Avsnitt"


USER_DATA_LABELS = {"planTitle"}  # labels that show what the user wrote (the plan's title)


def _chrome_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text the program itself puts on the widgets under `root` (not what the user wrote):
    labels, buttons, actions, tabs, group titles, placeholders, tooltips, accessible names, headers."""
    out: list[tuple[str, str]] = []

    def add(widget: QWidget | QAction, what: str, text: str) -> None:
        if text:
            out.append((f"{type(widget).__name__} {widget.objectName()} {what}", text))

    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QAbstractButton) and not isinstance(w.parent(), QTabWidget):
            add(w, "text", w.text())
        if isinstance(w, QLabel) and w.objectName() not in USER_DATA_LABELS:
            add(w, "text", w.text())
        if isinstance(w, QGroupBox):
            add(w, "title", w.title())
        if isinstance(w, QLineEdit):
            add(w, "placeholder", w.placeholderText())
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, "tab", w.tabText(i))
                add(w, "tab tooltip", w.tabToolTip(i))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            columns = model.columnCount(QModelIndex()) if not isinstance(model, QAbstractListModel) else 0
            for c in range(columns):
                add(w, "header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
        add(w, "tooltip", w.toolTip())
        add(w, "accessible name", w.accessibleName())
        for action in w.actions():
            add(action, "action", action.text())
            add(action, "action tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "")
                else "")
    return out


def _delete_the_replaced() -> None:
    """The widgets and menus a language switch replaced are deleted once control returns to the loop."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_english_mode_shows_no_swedish_on_any_page(qtbot, window) -> None:
    window.findChild(QAction, "actionLanguage_en").trigger()
    _delete_the_replaced()
    editor = window.editor
    seen: list[tuple[str, str]] = []
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        seen += _chrome_texts(editor.tabs.widget(i))
    seen += _chrome_texts(window)
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            seen.append(("menu", action.text()))
    swedish = sorted({f"{where}: {text}" for where, text in seen if SWEDISH.search(text)})
    assert swedish == [], "\n".join(swedish)


def test_the_status_bar_follows_the_language(qtbot, window) -> None:
    location = window.findChild(QLabel, "locationLabel")
    assert location.text() == "Lokal fil"
    window.findChild(QAction, "actionLanguage_en").trigger()
    assert location.text() == "Local file"


def test_swedish_mode_shows_no_english_on_any_page(qtbot, window) -> None:
    editor = window.editor
    seen: list[tuple[str, str]] = []
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        seen += _chrome_texts(editor.tabs.widget(i))
    seen += _chrome_texts(window)
    for menu_action in window.menuBar().actions():
        seen += [("menu", action.text()) for action in menu_action.menu().actions()]
    folder = str(window.ofile.path.parent)  # the file's own path is no text of the program
    english = sorted({f"{where}: {text}" for where, text in seen
                      if ENGLISH.search(text.replace("&", "").replace(folder, ""))})
    assert english == [], "\n".join(english)


def test_tidplan_and_tidslinje_are_two_words_in_english(qtbot, window) -> None:
    window.findChild(QAction, "actionLanguage_en").trigger()
    tabs = window.editor.tabs
    texts = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Schedule" in texts and "Timeline" in texts


def test_month_names_follow_the_language(qtbot, window) -> None:
    from ui.timeline.scale import TimeScale

    _, months = TimeScale(px_per_day=3).header_ticks(QDate(2025, 1, 1).toPython(), QDate(2025, 3, 1).toPython())
    assert [t.label for t in months] == ["Januari", "Februari", "Mars"]
    window.findChild(QAction, "actionLanguage_en").trigger()
    _, months = TimeScale(px_per_day=3).header_ticks(QDate(2025, 1, 1).toPython(), QDate(2025, 3, 1).toPython())
    assert [t.label for t in months] == ["January", "February", "March"]
    _, weeks = TimeScale(px_per_day=8).header_ticks(QDate(2024, 12, 30).toPython(), QDate(2025, 1, 5).toPython())
    assert weeks[0].label == "wk 1"


def test_qt_own_buttons_and_file_dialog_are_swedish_in_swedish(qtbot, window) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Fråga", "Ta bort?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel, window)
    qtbot.addWidget(box)
    texts = {box.button(b).text().replace("&", "") for b in (QMessageBox.StandardButton.Yes,
                                                             QMessageBox.StandardButton.No,
                                                             QMessageBox.StandardButton.Cancel)}
    assert texts == {"Ja", "Nej", "Avbryt"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert {b.text().replace("&", "") for b in buttons.buttons()} == {"Spara", "Stäng"}
    dialog = QFileDialog(window, "Öppna")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {w.text() for w in dialog.findChildren(QLabel) if w.text()}
    assert "Look in:" not in labels and {"&Titta i:", "Fil&namn:"} <= labels
    combo_texts = [w.itemText(i) for w in dialog.findChildren(QComboBox) for i in range(w.count())]
    assert not any("All Files" in t for t in combo_texts)


def test_qt_own_buttons_are_english_in_english(qtbot, window) -> None:
    window.findChild(QAction, "actionLanguage_en").trigger()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert {b.text().replace("&", "") for b in buttons.buttons()} == {"Save", "Close"}


def test_dates_shown_in_english_are_english_and_edited_ones_too(qtbot, window) -> None:
    from app.dates import VagueDate
    from app.date_text import parse_date

    from ui.i18n import date_text

    panel = window.editor.show_page("gantt")
    model = panel.model
    starts = [model.cell(r, 3)[0] for r in range(model.rowCount())]
    swedish = [s for s in starts if s]
    window.findChild(QAction, "actionLanguage_en").trigger()
    panel = window.editor.show_page("gantt")
    english = [panel.model.cell(r, 3)[0] for r in range(panel.model.rowCount()) if panel.model.cell(r, 3)[0]]
    assert len(english) == len(swedish) and english != swedish
    assert not any(SWEDISH.search(text) or re.search(r"\b(okt|maj|mars)\b", text) for text in english), english
    assert date_text(VagueDate.season(2026, 2)) == "autumn 2026"
    assert date_text(VagueDate.month(2024, 10), "short") == "Oct 2024"
    # the field being edited shows the English form, which it reads back as the same date
    from ui.editor.date_edit import format_date

    schedule = window.editor.show_page("timeline")
    schedule.view.selectRow(0)
    line = schedule.form.editors["start"].edit.line
    assert line.text() and format_date(parse_date(line.text())) == line.text() and not SWEDISH.search(line.text())
    assert format_date(VagueDate.month(2024, 10)) == "October 2024" and format_date(VagueDate.season(2026, 2)) == "autumn 2026"
    assert format_date(VagueDate.month_part(2026, 3, 2)) == "mid-March 2026"
    schedule.form.editors["start"].edit.line.setText("v. 12 2026")
    schedule.form.editors["start"].edit._show_understanding()
    assert schedule.form.editors["start"].edit.feedback.text() == "→ week 12 2026 (week)"
