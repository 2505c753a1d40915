"""The "Resurser" view driven like a person would: zoom, filter, click a highlighted cell, open a plan."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from app.dates import VagueDate
from app.load import monthly_load
from app.people import references
from app.workspace import Workspace
from tests.app.test_load import build_small_file
from ui.resources import BookingWarner, MergePeopleCommand, ResourceView, booking_warning_text
from ui.resources.model import OVER_ROLE
from ui.undo import AddCommand, UpdateCommand, WorkspaceEvents, push_safely


@pytest.fixture
def ids(ws: Workspace) -> dict[str, Any]:
    return build_small_file(ws)


@pytest.fixture
def view(qtbot: Any, ws: Workspace, ids: dict[str, Any]) -> ResourceView:
    events, stack = WorkspaceEvents(), QUndoStack()
    v = ResourceView(ws, events, stack, today=date(2025, 1, 10))
    v.stack_ref = stack  # keep the stack alive as long as the view
    qtbot.addWidget(v)
    v.resize(1200, 400)
    v.show()
    qtbot.waitExposed(v)
    return v


def texts(view: ResourceView, row: int) -> list[str]:
    m = view.model
    return [m.index(row, c).data() for c in range(m.columnCount())]


def row_of(view: ResourceView, name: str) -> int:
    m = view.model
    names = [m.headerData(r, Qt.Orientation.Vertical) for r in range(m.rowCount())]
    return names.index(name)


def click_cell(qtbot: Any, view: ResourceView, row: int, column: int) -> None:
    index = view.model.index(row, column)
    view.table_view.scrollTo(index)
    rect = view.table_view.visualRect(index)
    qtbot.mouseClick(view.table_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_default_range_and_highlighted_cells(qtbot: Any, qtmodeltester: Any, view: ResourceView,
                                             ids: dict[str, Any]) -> None:
    qtmodeltester.check(view.model)
    m = view.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == ["jan 2025", "feb 2025", "mar 2025", "apr 2025", "maj 2025", "jun 2025"]
    anna = row_of(view, "Anna Andersson")
    assert texts(view, anna) == ["20 %", "20 %", "69,4 %", "110 % !", "20 %", "20 %"]
    over = [c for c in range(m.columnCount()) if m.index(anna, c).data(OVER_ROLE)]
    assert over == [3]
    assert m.index(anna, 3).data(Qt.ItemDataRole.FontRole).bold()
    assert m.index(anna, 2).data(Qt.ItemDataRole.FontRole) is None
    assert "över 100 %" in m.index(anna, 3).data(Qt.ItemDataRole.ToolTipRole)


def test_click_highlighted_cell_lists_plans_and_opens_one(qtbot: Any, view: ResourceView,
                                                          ids: dict[str, Any]) -> None:
    anna = row_of(view, "Anna Andersson")
    click_cell(qtbot, view, anna, 3)
    assert view.detail_title.text() == "Anna Andersson, apr 2025: 110 % – över 100 %"
    items = [view.plan_list.item(i).text() for i in range(view.plan_list.count())]
    assert items == ["20 % – Plan ett (roll 20 %)", "90 % – Plan två (resurs 90 %)"]
    view.plan_list.setCurrentRow(1)
    with qtbot.waitSignal(view.open_plan_requested) as blocker:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [ids["p2"]]


def test_zoom_to_weeks(qtbot: Any, view: ResourceView, ids: dict[str, Any]) -> None:
    view.set_range(date(2025, 3, 1), date(2025, 3, 1))
    assert view.model.columnCount() == 1
    view.zoom.setCurrentIndex(view.zoom.findText("Veckor"))
    m = view.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == ["v. 9 2025", "v. 10 2025", "v. 11 2025", "v. 12 2025", "v. 13 2025", "v. 14 2025"]
    anna = row_of(view, "Anna Andersson")
    assert texts(view, anna) == ["20 %", "20 %", "45,7 %", "110 % !", "110 % !", "110 % !"]


def test_filter_by_unit_and_status(qtbot: Any, view: ResourceView, ids: dict[str, Any]) -> None:
    assert view.model.rowCount() == 3
    units = [view.unit_filter.itemText(i) for i in range(view.unit_filter.count())]
    assert units == ["Alla enheter", "Konsult", "Primärvård", "Psykiatri"]
    view.unit_filter.setCurrentIndex(view.unit_filter.findText("Psykiatri"))
    assert view.model.rowCount() == 1 and view.model.headerData(0, Qt.Orientation.Vertical) == "Bertil Berg"
    view.unit_filter.setCurrentIndex(0)
    view.status_filter.setCurrentIndex(view.status_filter.findText("Avbruten"))
    assert [view.model.headerData(r, Qt.Orientation.Vertical) for r in range(view.model.rowCount())] == [
        "Anna Andersson"]
    assert texts(view, 0) == ["100 %"] * 6


def test_view_follows_edits_and_merge_undo(qtbot: Any, ws: Workspace, ids: dict[str, Any]) -> None:
    events, stack = WorkspaceEvents(), QUndoStack()
    view = ResourceView(ws, events, stack, today=date(2025, 1, 10))
    qtbot.addWidget(view)
    view.show()
    bertil = row_of(view, "Bertil Berg")
    push_safely(stack, UpdateCommand(ws, events, "role", ids["role_bertil"], {"allocation": 60}), events)
    assert texts(view, bertil)[3:] == ["60 %", "60 %", "60 %"]
    stack.undo()
    assert texts(view, bertil)[3:] == ["50 %", "50 %", "50 %"]

    # Merge Bertil into Anna: the view shows one row with both loads; undo splits them again.
    before = references(ws, ids["bertil"])
    push_safely(stack, MergePeopleCommand(ws, events, ids["anna"], ids["bertil"]), events)
    names = [view.model.headerData(r, Qt.Orientation.Vertical) for r in range(view.model.rowCount())]
    assert names == ["Anna Andersson", "Extern konsult"]
    assert texts(view, 0)[3] == "160 % !"
    stack.undo()
    assert references(ws, ids["bertil"]) == before
    assert view.model.rowCount() == 3
    stack.redo()
    assert view.model.rowCount() == 2


def test_warning_when_share_raised_past_100(qtbot: Any, ws: Workspace, ids: dict[str, Any]) -> None:
    events, stack = WorkspaceEvents(), QUndoStack()
    warner = BookingWarner(ws, events)
    seen: list[str] = []
    warner.warning.connect(seen.append)
    push_safely(stack, UpdateCommand(ws, events, "role", ids["role1"], {"allocation": 40}), events)
    assert seen == ["Anna Andersson blir bokad över 100 % i apr 2025 (130 %). Även bokad i: Plan två."]
    assert monthly_load(ws, "2025-04", "2025-04").totals(f"p{ids['anna']}") == {"2025-04": 130.0}  # not blocked
    seen.clear()
    push_safely(stack, UpdateCommand(ws, events, "role", ids["role1"], {"allocation": 30}), events)
    assert seen == []  # lowered: no warning even though April is still over
    push_safely(stack, UpdateCommand(ws, events, "role", ids["role_bertil"], {"allocation": 100}), events)
    assert seen == []  # Bertil at exactly 100 %
    push_safely(stack, UpdateCommand(ws, events, "role", ids["role1"], {"note": "x"}), events)
    assert seen == []
    # A new line that books Bertil 10 % more in May warns too.
    push_safely(stack, AddCommand(ws, events, "resource", ids["p1"],
                                  {"person": ids["bertil"], "allocation": 10,
                                   "start": VagueDate.month(2025, 5), "end": VagueDate.month(2025, 5)}), events)
    assert seen == ["Bertil Berg blir bokad över 100 % i maj 2025 (110 %). Även bokad i: Plan två."]
    assert booking_warning_text([]) is None
