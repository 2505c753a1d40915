"""Typing through a table as in a spreadsheet: Tab and Enter move on, and every cell typed is stored."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from app.dates import VagueDate
from app.plans import create_plan
from app.workspace import Workspace
from ui.risks import RiskPanel
from ui.undo import WorkspaceEvents
from ui_steps import keys


def _type_cell(qtbot, view, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Type into the current cell as a person does (the first key opens its editor), then press `key`.

    Every key goes to whichever widget has the focus at that moment, as on a real keyboard."""
    for char in text:
        keys(qtbot, _focus(), char)
    assert _focus() is not view, "typing did not open an editor"
    qtbot.keyClick(_focus(), key)


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard focus was lost"
    return widget


def test_risk_register_typed_through_with_tab_and_enter(ws: Workspace, qtbot) -> None:
    plan_id = create_plan(ws, "plan", "Titel").ids[0]
    first = ws.add("risk", plan_id, title="A", probability=2, impact=3).ids[0]
    second = ws.add("risk", plan_id, title="B").ids[0]
    panel = RiskPanel(ws, WorkspaceEvents(), QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.set_plan(plan_id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    view, model = panel.table, panel.model
    view.setFocus()
    view.setCurrentIndex(model.index(model.row_of(first), model.column_of("title")))
    _type_cell(qtbot, view, "Personalbrist")
    _type_cell(qtbot, view, "Pensionsavgångar")
    _type_cell(qtbot, view, "Försenad start")
    _type_cell(qtbot, view, "3")  # probability: a new assessment of the risk
    _type_cell(qtbot, view, "4", Qt.Key.Key_Return)
    # Enter moves down to the next risk's score, as in a spreadsheet (Qt closes the editor from its
    # event loop)
    below = (model.row_of(second), model.column_of("impact"))
    qtbot.waitUntil(lambda: (view.currentIndex().row(), view.currentIndex().column()) == below)
    _type_cell(qtbot, view, "2", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    a, b = ws.get("risk", first), ws.get("risk", second)
    assert (a["title"], a["cause"], a["consequence"], a["probability"], a["impact"]) == (
        "Personalbrist", "Pensionsavgångar", "Försenad start", 3, 4)
    assert (b["title"], b["impact"]) == ("B", 2)


@pytest.mark.parametrize(("kind", "cells", "stored"), [
    ("role", ("Kim Svensson", "Regionkontoret", "20"), {"name": "Kim Svensson", "unit": "Regionkontoret",
                                                        "allocation": 20}),
    ("resource", ("Jurist", "Eva Ek", "50 %", "2026-01-01", "mars 2026"),
     {"competence": "Jurist", "name": "Eva Ek", "allocation": 50, "start": VagueDate.day(2026, 1, 1),
      "end": VagueDate.month(2026, 3)}),
    ("budget", ("Konsulter", "120 000", "2026", "2", "30 000", "130 000", "Upphandlas"),
     {"description": "Konsulter", "amount": 120000, "year": 2026, "tertial": 2, "actual": 30000, "forecast": 130000,
      "note": "Upphandlas"}),
    ("timeline", ("BP2", "Beslut om genomförande", "Q3 2025", "okt 2025", "Styrgruppen"),
     {"code": "BP2", "title": "Beslut om genomförande", "start": VagueDate.quarter(2025, 3),
      "end": VagueDate.month(2025, 10), "responsible": "Styrgruppen"}),
    ("term", ("ÖK", "Överenskommelse"), {"term": "ÖK", "explanation": "Överenskommelse"}),
    ("reference", ("3", "Regionplan", "Beslutad 2024", "https://example.se"),
     {"number": "3", "title": "Regionplan", "description": "Beslutad 2024", "url": "https://example.se"}),
    ("log", ("Budget beslutad", "Styrgruppen"), {"text": "Budget beslutad", "decided_by": "Styrgruppen"}),
])
def test_every_table_typed_through_with_tab(qtbot, window, kind: str, cells: tuple[str, ...],
                                            stored: dict) -> None:
    """A new row, typed cell after cell with Tab from its first text column: each cell is stored."""
    page = window.editor.show_page(kind)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row_id = page.current_id()
    model, view = page.model, page.view
    first = next(i for i, f in enumerate(model.fields) if f.type != "choice" and f.type != "day")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.setFocus()
    view.setCurrentIndex(model.index(model.row_of(row_id), first))
    for text in cells:
        _type_cell(qtbot, view, text)
    row = window.ofile.ws.get(kind, row_id)
    assert {name: row[name] for name in stored} == stored
    assert view.state() != view.State.EditingState or _focus() is not view


def test_a_cell_being_typed_in_is_stored_when_another_plan_is_chosen(qtbot, window) -> None:
    page = window.editor.show_page("term")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row_id, plan_id = page.current_id(), window.current_plan_id()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(page.model.row_of(row_id), 1))
    for char in "Inte klart":
        keys(qtbot, _focus(), char)
    assert page.view.state() == page.view.State.EditingState
    other = next(p["id"] for p in window.ofile.ws.list("plan") if p["id"] != plan_id)
    window.select_plan(other)
    assert window.current_plan_id() == other
    assert window.ofile.ws.get("term", row_id)["explanation"] == "Inte klart"
