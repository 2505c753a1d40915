"""Kom igång: the guide from the Hjälp menu (F1) and from the empty window, in Swedish and English,
naming only menu paths that exist and keys that do what it says; and an example in every field that
takes a date, an amount or a score."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction

from ui.dialogs.help_dialog import HelpDialog, guide_html
from wrong_language import swedish_in

TASKS_SV = ["Starta ett direktiv från en mall", "Fyll i direktivet", "Planera på tidslinjen",
            "Registrera ett beslut", "Exportera för diariet", "Dela en fil och ta tillbaka en kollegas kopia"]
TASKS_EN = ["Start a directive from a template", "Fill it in", "Plan on the timeline", "Record a decision",
            "Export for the registry", "Share a file and bring a colleague's copy back"]


def _open_guide(qtbot, window) -> HelpDialog:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog, "helpDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_f1_opens_the_guide_with_the_six_tasks(qtbot, window) -> None:
    dialog = _open_guide(qtbot, window)
    text = dialog.text()
    assert text.startswith("Kom igång med Uppdrag")
    for n, task in enumerate(TASKS_SV, 1):
        assert f"{n}. {task}" in text
    assert "Ctrl+Z" in text and "hösten 2026" in text
    assert window.findChild(QAction, "actionHelp").text() == "&Kom igång"
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_in_english_the_guide_is_english(qtbot, window) -> None:
    window.findChild(QAction, "actionLanguage_en").trigger()
    dialog = _open_guide(qtbot, window)
    text = dialog.text()
    assert text.startswith("Getting started with Uppdrag") and dialog.windowTitle() == "Getting started with Uppdrag"
    for n, task in enumerate(TASKS_EN, 1):
        assert f"{n}. {task}" in text
    assert swedish_in(text) == []  # its date examples too: "March 2026", not "mars 2026"
    dialog.close()


def _menu_paths(window) -> set[str]:
    paths = set()
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if action.text():
                paths.add(f"{top.text()} → {action.text()}".replace("&", ""))
    return paths


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_menu_path_the_guide_names_exists(qtbot, window, language) -> None:
    window.findChild(QAction, f"actionLanguage_{language}").trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    named = re.findall(r'<span class="menu">(.*?)</span>', guide_html(language))
    assert len(named) >= 6
    assert sorted(set(named) - _menu_paths(window)) == []


def test_the_empty_window_leads_to_the_guide(qtbot, make_window, empty_file) -> None:
    window = make_window(empty_file)
    assert window.stack.currentWidget() is window.placeholder
    link = window.help_link
    assert link.isVisible() and "Kom igång" in link.text()
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=link.rect().center())
    dialog = window.findChild(HelpDialog, "helpDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_the_help_link_is_reached_by_keyboard(qtbot, make_window, empty_file) -> None:
    window = make_window(empty_file)
    link = window.help_link
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Tab)  # the first link inside the label gets the keyboard focus
    qtbot.keyClick(link, Qt.Key.Key_Return)
    dialog = window.findChild(HelpDialog, "helpDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_amount_share_year_and_date_fields_show_an_example(qtbot, window) -> None:
    budget = window.editor.show_page("budget")
    lines = {name: budget.form.editors[name].line for name in ("amount", "year")}
    assert lines["amount"].placeholderText() == "t.ex. 250 000" and "kronor" in lines["amount"].toolTip()
    assert lines["year"].placeholderText() == "t.ex. 2026"
    resources = window.editor.show_page("resource")
    share = resources.form.editors["allocation"].line
    assert share.placeholderText() == "t.ex. 50" and "procent" in share.toolTip()
    start = resources.form.editors["start"].edit.line
    assert start.placeholderText().startswith("t.ex. 2026-03-15") and "kvartal" in start.toolTip()
    log = window.editor.show_page("log")
    day = log.form.editors["entry_date"].edit.line
    assert day.placeholderText() == "t.ex. 2026-03-15 eller 15/3 2026"
    model = budget.view.model()
    column = [f.name for f in model.fields].index("amount")
    assert "250 000" in model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_risk_scores_say_their_scale_and_an_example(qtbot, window) -> None:
    risks = window.editor.show_page("risk")
    model = risks.model
    tip = model.headerData(model.column_of("probability"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Sannolikhet från 1" in tip and "till 4" in tip and "t.ex. 3" in tip
    tip = model.headerData(model.column_of("impact"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Konsekvens från 1" in tip and "t.ex. 2" in tip


# The guide's keys that are not a window's shortcut: the chart's (Qt's key, with Shift or not) and Tab.
CHART_KEYS = {"↑": Qt.Key.Key_Up, "↓": Qt.Key.Key_Down, "←": Qt.Key.Key_Left, "→": Qt.Key.Key_Right,
              "Enter": Qt.Key.Key_Return, "+": Qt.Key.Key_Plus, "−": Qt.Key.Key_Minus, "F10": Qt.Key.Key_F10,
              "Shift": None, "Tab": Qt.Key.Key_Tab}


def _shortcut_keys(html: str) -> list[tuple[str, str]]:
    """(key, what the guide names just before it in its paragraph) for each <kbd> with Ctrl."""
    out = []
    for paragraph in re.split(r"<p>|<h2", html):
        for m in re.finditer(r"<kbd>(Ctrl\+[^<]+)</kbd>", paragraph):
            before = paragraph[:m.start()]
            named = re.findall(r'<b>(.*?)</b>|<span class="menu">[^<]*→ ([^<]*)</span>', before)
            assert named, m.group(1)
            out.append((m.group(1), "".join(named[-1])))
    return out


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_key_the_guide_names_does_what_it_says(qtbot, window, language) -> None:
    from PySide6.QtGui import QKeySequence

    window.findChild(QAction, f"actionLanguage_{language}").trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    html = guide_html(language)
    keys = _shortcut_keys(html)
    assert {k for k, _ in keys} >= {"Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+N", "Ctrl+Shift+N", "Ctrl+E"}
    for key, named in keys:
        actions = [a for a in window.findChildren(QAction) if QKeySequence(key) in a.shortcuts()]
        assert [a.text().replace("&", "") for a in actions if a.text().replace("&", "").startswith(named)], \
            f"{key} is said to be {named}, but it is {[a.text() for a in actions]}"
    others = set(re.findall(r"<kbd>([^<]+)</kbd>", html)) - {k for k, _ in keys}
    assert others <= set(CHART_KEYS), others - set(CHART_KEYS)


def test_the_charts_keys_in_the_guide_work_on_the_chart(qtbot, window, monkeypatch) -> None:
    from ui.timeline import item_menu

    panel = window.editor.show_page("gantt")
    view, ws = panel.view, window.ofile.ws
    panel.table.setFocus()
    qtbot.keyClick(panel.table, CHART_KEYS["Tab"])
    assert view.hasFocus()
    qtbot.keyClick(view, CHART_KEYS["↓"])
    first = view.current
    qtbot.keyClick(view, CHART_KEYS["↓"])
    qtbot.keyClick(view, CHART_KEYS["↑"])
    assert view.current == first is not None
    while view.layout_rows.row(view.current).start is None or view.layout_rows.row(view.current).is_marker:
        qtbot.keyClick(view, CHART_KEYS["↓"])
    row_id = view.layout_rows.row(view.current).id
    start = ws.get("timeline", row_id)["start"]
    qtbot.keyClick(view, CHART_KEYS["→"])
    qtbot.keyClick(view, CHART_KEYS["→"], Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, CHART_KEYS["←"])
    moved = ws.get("timeline", row_id)["start"]
    assert moved.first_day != start.first_day and (moved.first_day - start.first_day).days >= 7
    zoom = view.scale.px_per_day
    qtbot.keyClick(view, CHART_KEYS["+"])
    assert view.scale.px_per_day > zoom
    qtbot.keyClick(view, CHART_KEYS["−"])
    assert view.scale.px_per_day == pytest.approx(zoom)
    shown = []
    monkeypatch.setattr(item_menu, "show_menu", lambda menu, _where: shown.append(menu))
    qtbot.keyClick(view, CHART_KEYS["F10"], Qt.KeyboardModifier.ShiftModifier)
    assert len(shown) == 1
    with qtbot.waitSignal(view.open_item_requested):
        qtbot.keyClick(view, CHART_KEYS["Enter"])
