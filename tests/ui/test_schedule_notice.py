"""After an item grows, the successors that start too early are offered a move (one click, one undo
step); with the plan's automatic option they move at once. Vague successors move by whole periods."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.dates import VagueDate
from app.workspace import Workspace
from ui.undo import UpdateCommand, push_safely
from ui_steps import shown_timeline


@pytest.fixture
def setup(qtbot, tmp_path: Path):
    ws = Workspace.create(tmp_path / "p.uppdrag")
    pid = ws.add("plan", doc_type="plan", template="plan", title="Plan").ids[0]
    ids = [ws.add("timeline", pid, kind="activity", title=t, start=s, end=e).ids[0] for t, s, e in (
        ("Förstudie", VagueDate.day(2026, 3, 2), VagueDate.day(2026, 3, 13)),
        ("Upphandling", VagueDate.day(2026, 3, 16), VagueDate.day(2026, 3, 20)),
        ("Införande", VagueDate.quarter(2026, 2), VagueDate.quarter(2026, 2)))]
    ws.add("dependency", predecessor=ids[0], successor=ids[1])
    ws.add("dependency", predecessor=ids[1], successor=ids[2])
    panel = shown_timeline(qtbot, ws, pid, size=(1000, 500))
    yield ws, panel, pid, ids
    ws.close()


def _grow(ws, panel, item: int, end: VagueDate) -> None:
    push_safely(panel.stack, UpdateCommand(ws, panel.events, "timeline", item, {"end": end}), panel.events)


def test_successors_that_start_too_early_are_offered_a_move(qtbot, setup) -> None:
    ws, panel, _pid, (a, b, c) = setup
    assert not panel.notice.isVisible()
    _grow(ws, panel, a, VagueDate.day(2026, 3, 18))
    assert panel.notice.isVisible()
    assert panel.notice.label.text() == "1 efterföljare börjar för tidigt: Upphandling."
    qtbot.mouseClick(panel.notice.move_button, Qt.MouseButton.LeftButton)
    assert ws.get("timeline", b)["start"] == VagueDate.day(2026, 3, 19)
    assert ws.get("timeline", b)["end"] == VagueDate.day(2026, 3, 25)
    assert not panel.notice.isVisible()

    # Growing into the second quarter: the chain moves, the quarter-precision item by a whole quarter.
    _grow(ws, panel, a, VagueDate.day(2026, 6, 10))
    assert panel.notice.label.text() == "2 efterföljare börjar för tidigt: Upphandling, Införande."
    qtbot.mouseClick(panel.notice.move_button, Qt.MouseButton.LeftButton)
    assert ws.get("timeline", c)["start"] == VagueDate.quarter(2026, 3)
    panel.stack.undo()  # the whole chain in one step
    assert ws.get("timeline", c)["start"] == VagueDate.quarter(2026, 2)
    assert ws.get("timeline", b)["start"] == VagueDate.day(2026, 3, 19)
    assert ws.get("timeline", a)["end"] == VagueDate.day(2026, 6, 10)


def test_with_the_automatic_option_successors_move_at_once(qtbot, setup) -> None:
    ws, panel, pid, (a, b, _c) = setup
    panel.actions_by_name["auto_schedule"].trigger()
    assert ws.get("plan", pid)["auto_schedule"] == 1
    _grow(ws, panel, a, VagueDate.day(2026, 3, 18))
    assert ws.get("timeline", b)["start"] == VagueDate.day(2026, 3, 19)
    assert not panel.notice.isVisible()
    assert panel.stack.undoText() == "Flytta efterföljare automatiskt"
    panel.stack.undo()
    assert ws.get("timeline", b)["start"] == VagueDate.day(2026, 3, 16)
    # Undo and redo keep the steps as they are: redoing the edit offers the move (a step of its own
    # would drop the move that is there to redo), and redoing that moves the successor again.
    panel.stack.undo()
    panel.stack.redo()
    assert ws.get("timeline", b)["start"] == VagueDate.day(2026, 3, 16)
    assert panel.notice.isVisible() and panel.stack.canRedo()
    panel.stack.redo()
    assert ws.get("timeline", b)["start"] == VagueDate.day(2026, 3, 19)
    assert not panel.notice.isVisible() and not panel.stack.canRedo()


def test_the_critical_path_is_marked_with_each_items_float(qtbot, setup) -> None:
    ws, panel, _pid, (a, b, c) = setup
    other = ws.add("timeline", _pid, kind="activity", title="Utbildning", start=VagueDate.day(2026, 4, 1),
                   end=VagueDate.day(2026, 4, 10)).ids[0]
    panel.reload()
    panel.actions_by_name["critical"].trigger()
    data = panel.layout_rows.data
    # Införande decides the end; Upphandling may slip to 31 March (11 days), Förstudie as much and two more.
    assert data.critical == {c}
    assert (data.floats[b], data.floats[a]) == (11, 13)
    assert data.floats[other] == (VagueDate.quarter(2026, 2).last_day - VagueDate.day(2026, 4, 10).start).days
    row = next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data() == "Utbildning")
    assert panel.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == "Aktivitet: Utbildning\nSlack: 81 dagar"
    last = next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data() == "Införande")
    assert panel.model.index(last, 0).data(Qt.ItemDataRole.ToolTipRole).endswith("Kritisk (ingen slack)")
    panel.actions_by_name["critical"].trigger()
    assert panel.layout_rows.data.critical == set()


def test_the_decided_plan_under_the_bars_with_the_slip_in_the_tooltip(qtbot, setup) -> None:
    from app.editions import freeze_edition

    ws, panel, pid, (a, b, c) = setup
    freeze_edition(ws, pid, "1.0")
    _grow(ws, panel, a, VagueDate.day(2026, 3, 27))  # two weeks later
    push_safely(panel.stack, UpdateCommand(ws, panel.events, "timeline", c, {"title": "Införande i länet"}),
                panel.events)
    ws.delete("timeline", b)
    new = ws.add("timeline", pid, kind="activity", title="Utvärdering", start=VagueDate.month(2026, 9),
                 end=VagueDate.month(2026, 10)).ids[0]
    panel.reload()
    panel.actions_by_name["baseline"].trigger()
    base = panel.layout_rows.data.baseline
    assert base.slips[a] == 14 and base.slips[c] == 0 and new in base.added
    assert base.removed[pid] == ["Upphandling"]
    tips = {panel.model.index(r, 0).data(): panel.model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(panel.model.rowCount())}
    assert tips["Förstudie"].endswith("Mot beslutad plan: +2 veckor")
    assert tips["Utvärdering"].endswith("Tillkommen sedan beslutad plan")
    assert panel.view.grab().width() > 0  # paints with the baseline shown


def test_linking_by_keyboard_and_by_dragging_from_a_bar_end(qtbot, setup) -> None:
    from PySide6.QtCore import QPoint

    ws, panel, _pid, (a, b, c) = setup
    for d in ws.list("dependency"):
        ws.delete("dependency", d["id"])
    panel.reload()
    view = panel.view
    view.set_current(panel.layout_rows.display_of[panel.layout_rows.data.index[a]])
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert panel.link_label.isVisible() and "Länka ”Förstudie” till" in panel.link_label.text()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [(d["predecessor"], d["successor"], d["kind"]) for d in ws.list("dependency")] == [(a, b, "FS")]
    assert not panel.link_label.isVisible()

    # From just past Upphandling's end onto Införande's bar.
    rb = view.bar_rect(panel.layout_rows.display_of[panel.layout_rows.data.index[b]])
    rc = view.bar_rect(panel.layout_rows.display_of[panel.layout_rows.data.index[c]])
    start = QPoint(round(rb.right()) + 10, round(rb.center().y()))
    assert view.hit_test(start)[1] == "link"
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), rc.center().toPoint())
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=rc.center().toPoint())
    assert [(d["predecessor"], d["successor"]) for d in ws.list("dependency")] == [(a, b), (b, c)]
    panel.stack.undo()
    assert [(d["predecessor"], d["successor"]) for d in ws.list("dependency")] == [(a, b)]

    # Linking back to the start would make a circle: refused, nothing stored.
    view.set_current(panel.layout_rows.display_of[panel.layout_rows.data.index[b]])
    qtbot.keyClick(view, Qt.Key.Key_L)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(ws.list("dependency")) == 1




def test_a_closed_files_watcher_is_not_reached_by_its_stack(qtbot, tmp_path: Path) -> None:
    """A file's events object, its watcher and its undo stack with steps on it are collected together
    once nothing holds them (here: a reference cycle, as a closed window's views leave); the stack's
    destructor then says its index changed. No slot of a half-gone watcher may be asked to answer,
    nor may the next file's edits and undo reach it."""
    import gc

    from PySide6.QtGui import QUndoStack

    from ui.schedule_watch import ScheduleWatcher
    from ui.undo import WorkspaceEvents

    ws = Workspace.create(tmp_path / "p.uppdrag")
    pid = ws.add("plan", doc_type="plan", template="plan", title="Plan").ids[0]
    a, b = (ws.add("timeline", pid, kind="activity", title=t, start=VagueDate.day(2026, 3, d),
                   end=VagueDate.day(2026, 3, d + 4)).ids[0] for t, d in (("Förstudie", 2), ("Upphandling", 9)))
    ws.add("dependency", predecessor=a, successor=b)
    with qtbot.capture_exceptions() as exceptions:
        for day in (12, 13, 14):  # a file closed and the next one opened, each leaving steps on its stack
            events, stack = WorkspaceEvents(), QUndoStack()
            watcher = ScheduleWatcher.of(ws, events, stack)
            push_safely(stack, UpdateCommand(ws, events, "timeline", a, {"end": VagueDate.day(2026, 3, day)}), events)
            assert [m.title for m in watcher.pending] == ["Upphandling"]
            stack.undo()
            stack.redo()
            held = [events, stack]
            held.append(held)
            del held, events, stack, watcher
            gc.collect()
    ws.close()
    assert exceptions == []


def _shortcut(qtbot, panel, key: Qt.Key) -> None:
    """Ctrl+Shift+key in the chart, with the panel the active window (as a person at it has it)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.activeWindow() is not panel.window():
        panel.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is panel.window())
    panel.view.setFocus()
    qtbot.keyClick(panel.view, key, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _column(panel, column: int) -> dict[str, str]:
    model = panel.model
    return {model.index(r, 0).data(): model.index(r, column).data() for r in range(model.rowCount())}


def test_slack_and_deviation_columns_come_with_the_critical_path_and_the_decided_plan(qtbot, setup) -> None:
    from app.editions import freeze_edition
    from ui.timeline.model import TimelineTableModel as M

    ws, panel, pid, (a, _b, _c) = setup
    assert panel.table.isColumnHidden(M.FLOAT_COLUMN) and panel.table.isColumnHidden(M.SLIP_COLUMN)
    _shortcut(qtbot, panel, Qt.Key.Key_K)
    assert panel.critical_action.isChecked() and not panel.table.isColumnHidden(M.FLOAT_COLUMN)
    assert panel.model.headerData(M.FLOAT_COLUMN, Qt.Orientation.Horizontal) == "Slack"
    assert _column(panel, M.FLOAT_COLUMN) == {"Förstudie": "13 dagar", "Upphandling": "11 dagar",
                                              "Införande": "Kritisk"}

    freeze_edition(ws, pid, "1.0")
    _grow(ws, panel, a, VagueDate.day(2026, 3, 27))
    _shortcut(qtbot, panel, Qt.Key.Key_D)
    assert not panel.table.isColumnHidden(M.SLIP_COLUMN)
    assert panel.model.headerData(M.SLIP_COLUMN, Qt.Orientation.Horizontal) == "Mot beslutad"
    assert _column(panel, M.SLIP_COLUMN)["Förstudie"] == "+2 veckor"
    # Upphandling (five days) must end by 31 March, so start by the 27th: Förstudie ends a day too late.
    assert _column(panel, M.FLOAT_COLUMN)["Förstudie"] == "1 dag sen"
    panel.stack.undo()
    assert _column(panel, M.SLIP_COLUMN)["Förstudie"] == "0"
    _shortcut(qtbot, panel, Qt.Key.Key_K)
    assert panel.table.isColumnHidden(M.FLOAT_COLUMN) and not panel.table.isColumnHidden(M.SLIP_COLUMN)


def test_the_portfolio_shows_each_plans_largest_slip(qtbot, tmp_path: Path) -> None:
    from datetime import date, timedelta

    from app.editions import freeze_edition
    from ui.timeline.model import TimelineTableModel as M

    ws = Workspace.create(tmp_path / "p.uppdrag")
    plans = {}
    for title, weeks in (("Nära vård", (1, 3)), ("Ambulans", (0, 0))):
        pid = plans[title] = ws.add("plan", doc_type="plan", template="plan", title=title).ids[0]
        items = [ws.add("timeline", pid, kind="activity", title=f"{title} {n}", start=VagueDate.day(2026, 3, 2),
                        end=VagueDate.day(2026, 3, 13)).ids[0] for n in (1, 2)]
        freeze_edition(ws, pid, "1.0")
        for item, w in zip(items, weeks, strict=True):
            if w:
                later = date(2026, 3, 13) + timedelta(weeks=w)
                ws.update("timeline", item, end=VagueDate.day(later.year, later.month, later.day))
    panel = shown_timeline(qtbot, ws, None)
    _shortcut(qtbot, panel, Qt.Key.Key_D)
    bands = {panel.model.index(r, 0).data(): r for r in range(panel.model.rowCount())
             if panel.layout_rows.band_at(r) is not None}
    assert panel.model.index(bands["▾ Nära vård"], M.SLIP_COLUMN).data() == "+3 veckor"
    assert panel.model.index(bands["▾ Ambulans"], M.SLIP_COLUMN).data() is None  # nothing later than decided
    tip = panel.model.index(bands["▾ Nära vård"], 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Största avvikelse mot beslutad plan: +3 veckor (Nära vård 2)" in tip
    ws.close()


def test_the_decided_plan_is_any_edition_chosen_by_keyboard_with_undo(qtbot, setup, tmp_path: Path) -> None:
    from datetime import date

    from app.editions import freeze_edition
    from app.exporters import export_plan
    from ui.timeline.model import TimelineTableModel as M

    ws, panel, pid, (a, _b, _c) = setup
    choice = panel.baseline_choice
    assert choice.isVisible() and not choice.combo.isEnabled()  # nothing frozen yet
    freeze_edition(ws, pid, "1.0", on=date(2026, 2, 2))
    _grow(ws, panel, a, VagueDate.day(2026, 3, 20))  # a week later than 1.0
    freeze_edition(ws, pid, "1.1", on=date(2026, 2, 9))
    _grow(ws, panel, a, VagueDate.day(2026, 3, 27))  # and one more than 1.1
    panel.set_plan(pid)
    assert [choice.combo.itemText(i) for i in range(choice.combo.count())] == [
        "Senast frysta utgåvan (1.1)", "Utgåva 1.0 (2026-02-02)", "Utgåva 1.1 (2026-02-09)"]

    # Alt+J reaches the list; Down and Return choose 1.0, which shows the decided plan at once.
    panel.window().activateWindow()
    qtbot.waitUntil(lambda: panel.window().isActiveWindow())
    panel.view.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert choice.combo.hasFocus()
    qtbot.keyClick(choice.combo, Qt.Key.Key_Down)
    assert panel.baseline_action.isChecked()
    assert _column(panel, M.SLIP_COLUMN)["Förstudie"] == "+2 veckor"
    assert panel.stack.undoText() == "Jämför med utgåva 1.0"
    out = export_plan(ws, pid, tmp_path / "plan.xlsx").path  # the exports compare against the same edition
    from openpyxl import load_workbook

    sheet = load_workbook(out)["Tidplan mot beslutad plan"]
    assert [c.value for c in sheet[2]][0] == "Förstudie" and "+2 veckor" in [c.value for c in sheet[2]]

    panel.stack.undo()
    assert choice.combo.currentIndex() == 0
    assert _column(panel, M.SLIP_COLUMN)["Förstudie"] == "+1 vecka"
    panel.stack.redo()
    assert choice.combo.currentData() is not None and _column(panel, M.SLIP_COLUMN)["Förstudie"] == "+2 veckor"

    panel.set_plan(None)  # the portfolio: each plan with its own choice, no list
    qtbot.waitUntil(lambda: not choice.isVisible())
