"""The timeline driven as a person would: drag, resize, keys, zoom, collapse, scroll; what is stored."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent, QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication

from app.dates import VagueDate
from app.workspace import Workspace
from db import models
from ui.timeline import paint
from ui.timeline.geometry import shaded_days
from ui.timeline.panel import TimelinePanel
from ui.timeline.scale import TimeScale
from ui.timeline.view import HEADER_H, ROW_H
from ui.undo import WorkspaceEvents
from ui_steps import shown_timeline

PPD = 10.0  # px per day in most tests
LEFT = date(2025, 5, 1)  # first day shown


def _plan(ws: Workspace, title: str = "Plan A") -> int:
    return ws.add("plan", doc_type="plan", template="plan", title=title).ids[0]


@pytest.fixture
def items(ws: Workspace) -> dict[str, int]:
    pid = _plan(ws)
    add = lambda **kw: ws.add("timeline", pid, **kw).ids[0]  # noqa: E731
    out = {
        "phase": add(kind="phase", code="F1", title="Fas", start=VagueDate.day(2025, 5, 5), end=VagueDate.day(2025, 7, 4)),
        "act": add(kind="activity", title="Aktivitet", start=VagueDate.day(2025, 6, 2), end=VagueDate.day(2025, 6, 13),
                   progress=40),
        "ms": add(kind="milestone", code="MS1", title="Milstolpe", start=VagueDate.day(2025, 6, 16)),
        "vague": add(kind="activity", title="Vag", start=VagueDate.month(2025, 9), end=VagueDate.month(2025, 10)),
    }
    out["plan"] = pid
    return out


@pytest.fixture
def panel(qtbot, ws: Workspace, items: dict[str, int]) -> TimelinePanel:
    p = shown_timeline(qtbot, ws, items["plan"])
    p.view.scrolling.set_scale(PPD, LEFT)
    return p


def _stored(ws: Workspace, row_id: int) -> tuple[VagueDate | None, VagueDate | None]:
    r = ws.get("timeline", row_id)
    return r["start"], r["end"]


def _row_mid(view, display: int) -> int:
    return view.row_y(display) + view.row_h // 2


def _drag(qtbot, view, start: QPoint, dx: int, steps: int = 4,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, modifier, pos=start)
    for i in range(1, steps + 1):
        # QTest.mouseMove takes no modifiers: send the move as the event a person's mouse makes
        pos = QPointF(start.x() + dx * i // steps, start.y())
        QApplication.sendEvent(vp, QMouseEvent(QEvent.Type.MouseMove, pos, vp.mapToGlobal(pos),
                                               Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, modifier))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, pos=QPoint(start.x() + dx, start.y()))


def test_drag_bar_moves_both_ends_in_one_undo_step(qtbot, panel, ws, items) -> None:
    view, stack = panel.view, panel.stack
    y = _row_mid(view, 1)
    x = int(view.x_for_date(date(2025, 6, 7)))
    assert view.hit_test(QPoint(x, y)) == (1, "bar")
    _drag(qtbot, view, QPoint(x, y), int(7 * PPD))
    assert _stored(ws, items["act"]) == (VagueDate.day(2025, 6, 9), VagueDate.day(2025, 6, 20))
    assert stack.count() == 1  # four mouse moves, one step
    # the chart shows the new place
    assert view.hit_test(QPoint(int(view.x_for_date(date(2025, 6, 19))), y)) == (1, "bar")
    stack.undo()
    assert _stored(ws, items["act"]) == (VagueDate.day(2025, 6, 2), VagueDate.day(2025, 6, 13))
    assert panel.layout_rows.row(1).start == "2025-06-02"


def test_drag_end_changes_only_the_end(qtbot, panel, ws, items) -> None:
    view, stack = panel.view, panel.stack
    y = _row_mid(view, 1)
    x_end = int(view.x_for_date(date(2025, 6, 14))) - 1  # right edge of 13 June
    assert view.hit_test(QPoint(x_end, y)) == (1, "end")
    _drag(qtbot, view, QPoint(x_end, y), int(3 * PPD))
    assert _stored(ws, items["act"]) == (VagueDate.day(2025, 6, 2), VagueDate.day(2025, 6, 16))
    assert stack.count() == 1
    stack.undo()
    assert _stored(ws, items["act"]) == (VagueDate.day(2025, 6, 2), VagueDate.day(2025, 6, 13))


def test_end_cannot_be_dragged_before_start(qtbot, panel, ws, items) -> None:
    view = panel.view
    y = _row_mid(view, 1)
    x_end = int(view.x_for_date(date(2025, 6, 14))) - 1
    _drag(qtbot, view, QPoint(x_end, y), int(-30 * PPD))
    start, end = _stored(ws, items["act"])
    assert start == VagueDate.day(2025, 6, 2) and end.last_day >= start.first_day


def test_vague_bar_moved_by_whole_months_keeps_month_precision(qtbot, panel, ws, items) -> None:
    view = panel.view
    view.scrolling.set_scale(2.0, date(2025, 1, 1))  # month zoom: vague dates move by whole months
    y = _row_mid(view, 3)
    x = int(view.x_for_date(date(2025, 9, 20)))
    assert view.hit_test(QPoint(x, y)) == (3, "bar")
    _drag(qtbot, view, QPoint(x, y), 61)  # about a month
    assert _stored(ws, items["vague"]) == (VagueDate.month(2025, 10), VagueDate.month(2025, 11))
    panel.stack.undo()
    view.scrolling.set_scale(PPD, date(2025, 8, 20))  # day zoom: still whole months, never a day by accident
    y = _row_mid(view, 3)
    x = int(view.x_for_date(date(2025, 9, 20)))
    _drag(qtbot, view, QPoint(x, y), int(2 * PPD))
    assert _stored(ws, items["vague"]) == (VagueDate.month(2025, 9), VagueDate.month(2025, 10))
    _drag(qtbot, view, QPoint(x, y), int(35 * PPD))
    assert _stored(ws, items["vague"]) == (VagueDate.month(2025, 10), VagueDate.month(2025, 11))
    panel.stack.undo()
    _drag(qtbot, view, QPoint(x, y), int(2 * PPD), modifier=Qt.KeyboardModifier.AltModifier)  # made exact on purpose
    assert _stored(ws, items["vague"]) == (VagueDate.day(2025, 9, 3), VagueDate.day(2025, 11, 2))


@pytest.mark.parametrize(
    ("start", "end", "right", "left"),
    [
        (VagueDate.quarter(2025, 4), None, VagueDate.quarter(2026, 1), VagueDate.quarter(2025, 3)),
        (VagueDate.week(2025, 52), VagueDate.week(2026, 1), VagueDate.week(2026, 1), VagueDate.week(2025, 51)),
        (VagueDate.week(2026, 53), None, VagueDate.week(2027, 1), VagueDate.week(2026, 52)),
        (VagueDate.season(2025, 2), None, VagueDate.season(2026, 0), VagueDate.season(2025, 1)),
        (VagueDate.tertial(2026, 3), None, VagueDate.tertial(2027, 1), VagueDate.tertial(2026, 2)),
        (VagueDate.year_part(2026, 1), None, VagueDate.year_part(2026, 2), VagueDate.year_part(2025, 3)),
    ],
)
def test_nudged_vague_item_moves_by_its_own_unit(qtbot, ws, start, end, right, left) -> None:
    pid = _plan(ws)
    ws.add("timeline", pid, kind="milestone" if end is None else "activity", title="Vag", start=start, end=end)
    panel = shown_timeline(qtbot, ws, pid)
    view = panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    row = ws.list("timeline", pid)[0]
    assert row["start"] == right and row["start"].precision is start.precision
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert ws.list("timeline", pid)[0]["start"] == left


def test_keyboard_nudges_milestone_and_undo_restores(qtbot, panel, ws, items) -> None:
    view, stack = panel.view, panel.stack
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # first item
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.current == 2
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert _stored(ws, items["ms"])[0] == VagueDate.day(2025, 6, 17)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert _stored(ws, items["ms"])[0] == VagueDate.day(2025, 6, 24)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert _stored(ws, items["ms"])[0] == VagueDate.day(2025, 6, 23)
    c = view.marker_center(2)
    assert view.hit_test(c) == (2, "marker")
    assert view.scale.date_for_x(c.x()) == date(2025, 6, 23)
    stack.undo()
    assert _stored(ws, items["ms"])[0] == VagueDate.day(2025, 6, 24)
    stack.undo()
    stack.undo()
    assert _stored(ws, items["ms"])[0] == VagueDate.day(2025, 6, 16)
    with qtbot.waitSignal(panel.open_item_requested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == ["timeline", items["ms"]]


def test_drag_marker_with_the_mouse(qtbot, panel, ws, items) -> None:
    view = panel.view
    c = view.marker_center(2)
    _drag(qtbot, view, c.toPoint(), int(-5 * PPD))
    assert _stored(ws, items["ms"])[0] == VagueDate.day(2025, 6, 11)
    panel.stack.undo()
    assert _stored(ws, items["ms"])[0] == VagueDate.day(2025, 6, 16)


def test_hit_test_parts_at_expected_positions(panel) -> None:
    view = panel.view
    y = _row_mid(view, 1)
    left, right = view.x_for_date(date(2025, 6, 2)), view.x_for_date(date(2025, 6, 14))
    assert left == pytest.approx((date(2025, 6, 2) - LEFT).days * PPD)
    assert view.hit_test(QPointF(left + 1, y)) == (1, "start")
    assert view.hit_test(QPointF(right - 1, y)) == (1, "end")
    assert view.hit_test(QPointF((left + right) / 2, y)) == (1, "bar")
    assert view.hit_test(QPointF(right + 40, y)) is None
    assert view.hit_test(QPointF(left + 1, HEADER_H - 2)) is None  # the header
    mx = view.x_for_date(date(2025, 6, 16)) + PPD / 2
    assert view.hit_test(QPointF(mx, _row_mid(view, 2))) == (2, "marker")
    assert view.hit_test(QPointF(mx + 30, _row_mid(view, 2))) is None
    assert view.row_at(HEADER_H + 2 * ROW_H + 1) == 2
    assert view.scale.date_for_x(left + 1) == date(2025, 6, 2)


def test_zoom_keeps_point_and_changes_scale(qtbot, panel) -> None:
    view = panel.view
    d = date(2025, 6, 7)
    x = view.x_for_date(d)
    width_before = view.x_for_date(date(2025, 6, 17)) - x
    view.scrolling.zoom(2.0, x)
    assert view.x_for_date(d) == pytest.approx(x)
    assert view.x_for_date(date(2025, 6, 17)) - view.x_for_date(d) == pytest.approx(2 * width_before)
    # the bar's start is found at its new place
    y = _row_mid(view, 1)
    new_left = x - 5 * 2 * PPD  # 2 June is five days before 7 June
    assert view.x_for_date(date(2025, 6, 2)) == pytest.approx(new_left)
    assert view.hit_test(QPointF(new_left + 1, y)) == (1, "start")
    # Ctrl+wheel zooms out around the cursor
    pos = QPointF(x, y)
    wheel = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.scale.px_per_day == pytest.approx(2 * PPD / 1.25)
    assert view.x_for_date(d) == pytest.approx(x)
    assert view.hit_test(QPointF(view.x_for_date(date(2025, 6, 2)) + 1, y)) == (1, "start")


def test_double_click_opens_item(qtbot, panel, items) -> None:
    view = panel.view
    pos = QPoint(int(view.x_for_date(date(2025, 6, 7))), _row_mid(view, 1))
    with qtbot.waitSignal(panel.open_item_requested) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["timeline", items["act"]]


def test_portfolio_band_collapse_hides_rows(qtbot, ws, items) -> None:
    other = _plan(ws, "Plan B")
    ws.add("timeline", other, kind="activity", title="B1", start=VagueDate.day(2025, 6, 1), end=VagueDate.day(2025, 6, 5))
    events, stack = WorkspaceEvents(), QUndoStack()
    p = TimelinePanel(ws, events, stack)
    qtbot.addWidget(p)
    p.resize(1200, 600)
    p.show()
    p.set_plan(None)
    view = p.view
    assert len(p.layout_rows) == 1 + 4 + 1 + 1
    assert p.model.rowCount() == 7
    assert view.hit_test(QPoint(10, _row_mid(view, 0))) == (0, "band")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, _row_mid(view, 0)))
    assert len(p.layout_rows) == 3  # band A, band B, B1
    assert p.model.rowCount() == 3
    assert p.layout_rows.row(2).title == "B1"
    assert p.model.index(2, 0).data() == "B1"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, _row_mid(view, 0)))
    assert len(p.layout_rows) == 7


def test_holidays_shaded_and_week_labels(panel) -> None:
    shaded = dict(shaded_days(date(2025, 6, 1), date(2025, 6, 10)))
    assert shaded[date(2025, 6, 6)] == "holiday"  # Sveriges nationaldag, a Friday
    assert shaded[date(2025, 6, 7)] == "weekend"
    assert date(2025, 6, 5) not in shaded
    scale = TimeScale(px_per_day=8)
    assert scale.units() == ("month", "week")
    _, weeks = scale.header_ticks(date(2024, 12, 25), date(2025, 1, 10))
    labels = {t.start: t.label for t in weeks}
    assert labels[date(2024, 12, 30)] == "v. 1"
    assert labels[date(2024, 12, 23)] == "v. 52"
    upper, months = TimeScale(px_per_day=3).header_ticks(date(2025, 1, 1), date(2025, 3, 1))
    assert [t.label for t in months] == ["Januari", "Februari", "Mars"] and upper[0].label == "2025"
    assert [t.label for t in TimeScale(px_per_day=1.5).header_ticks(date(2025, 1, 1), date(2025, 2, 1))[1]] == [
        "Jan", "Feb"]
    assert [t.label for t in TimeScale(px_per_day=0.5).header_ticks(date(2025, 1, 1), date(2025, 12, 1))[1]] == [
        "Q1", "Q2", "Q3", "Q4"]


def test_table_scroll_follows_chart_and_paint_touches_visible_rows_only(qtbot, ws) -> None:
    pid = _plan(ws, "Stor")
    now = models.utc_now()
    with ws.store.write():
        rows = [
            {"plan": pid, "position": i, "kind": "activity", "title": f"Post {i}", "start": date(2025, 1, 1 + i % 28),
             "start_precision": "day", "end": date(2025, 3, 1), "end_precision": "month", "uuid": models.new_uuid(),
             "created_at": now, "modified_at": now}
            for i in range(20_000)
        ]
        for chunk in range(0, len(rows), 1000):
            models.TimelineItem.insert_many(rows[chunk:chunk + 1000]).execute()
    p = shown_timeline(qtbot, ws, pid)
    QApplication.processEvents()  # let the table lay out its 20,000 rows
    view = p.view
    assert len(p.layout_rows) == 20_000
    visible = (view.viewport().height() - HEADER_H) // ROW_H + 1
    view.verticalScrollBar().setValue(ROW_H * 12_345 + 7)
    view.viewport().repaint()
    assert 0 < view.rows_painted <= visible + 2
    assert p.table.verticalScrollBar().value() == view.verticalScrollBar().value()
    top = view.row_at(HEADER_H + 1)
    assert top == 12_345
    assert p.table.rowAt(1) == top
    assert p.table.rowViewportPosition(top) == view.row_y(top) - HEADER_H
    assert p.model.index(top, 0).data() == "Post 12345"


def test_scrolled_chart_equals_a_whole_repaint(qtbot, ws) -> None:
    """A vertical scroll paints only the rows it uncovers onto the kept picture; the result must be
    exactly what painting every row gives, for bars, vague fades, markers, labels and long arrows."""
    pid = _plan(ws, "Många")
    kinds = ("phase", "activity", "milestone", "decision_point", "activity")
    ids = []
    for i in range(150):
        kind, m = kinds[i % 5], 1 + i % 12
        vague = i % 7 == 0
        start = VagueDate.month(2025, m) if vague else VagueDate.day(2025, m, 1 + i % 27)
        end = None if kind in ("milestone", "decision_point") else (
            VagueDate.month(2026, m) if vague else VagueDate.day(2026, m, 1 + i % 25))
        ids.append(ws.add("timeline", pid, kind=kind, code=f"K{i}", title=f"Post {i} med en rubrik",
                          start=start, end=end, progress=i % 100).ids[0])
    for i in range(0, 140, 3):
        ws.add("dependency", predecessor=ids[i], successor=ids[i + 4])
    ws.add("dependency", predecessor=ids[1], successor=ids[149])  # an arrow far longer than the view
    p = shown_timeline(qtbot, ws, pid)
    view = p.view
    view.scrolling.set_scale(0.8, date(2024, 11, 1))  # labels of early bars start left of the chart
    bar, vp = view.verticalScrollBar(), view.viewport()
    vp.grab()
    full_rows = view.rows_painted
    for step in (50, 50, -30, 200, 7, -250, 24, 2000, -13, 5):
        selects = step == 24
        if selects:  # a new selection repaints every row
            view.set_current(view.visible_rows()[3])
        bar.setValue(bar.value() + step)
        kept = vp.grab().toImage()
        if abs(step) < 100 and not selects:
            assert view.rows_painted < full_rows  # only the rows scrolled into view were painted
        view.rows_cache.invalidate()
        assert kept == vp.grab().toImage(), f"after scrolling {step} px"


def test_de_facto_days_off_are_shaded_apart_from_public_holidays(panel) -> None:
    shaded = dict(shaded_days(date(2026, 6, 18), date(2026, 12, 31)))
    assert shaded[date(2026, 6, 19)] == "day_off"  # midsommarafton
    assert shaded[date(2026, 6, 20)] == "holiday"  # midsommardagen
    assert shaded[date(2026, 12, 24)] == "day_off" and shaded[date(2026, 12, 25)] == "holiday"
    assert shaded[date(2026, 12, 31)] == "day_off"
    assert paint.DAY_OFF != paint.HOLIDAY


def test_decision_point_states_differ_in_grey_scale() -> None:
    from PySide6.QtGui import QImage, QPainter

    images = []
    for state in ("upcoming", "ready", "decided", "late"):
        image = QImage(24, 24, QImage.Format.Format_RGB32)
        image.fill(paint.WHITE)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint.draw_marker(p, QPointF(12, 12), 8, "decision_point", None, False, state)
        p.end()
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        images.append(bytes(grey.constBits()))
    assert len(set(images)) == 4  # every state has its own shape, colour aside


def _rows_line_up(p: TimelinePanel) -> None:
    """Every row the table shows sits beside the chart's row of the same number, as tall as it."""
    view, table = p.view, p.table
    assert table.horizontalHeader().height() == view.header_h
    shown = [r for r in range(p.model.rowCount()) if 0 <= table.rowViewportPosition(r) < table.viewport().height()]
    assert shown
    for r in shown:
        assert table.rowHeight(r) == view.row_h
        assert table.rowViewportPosition(r) == view.row_y(r) - view.header_h


def test_rows_follow_the_system_font_size_and_stay_beside_their_bars(qtbot, ws, items) -> None:
    from PySide6.QtGui import QFont

    app = QApplication.instance()
    normal = app.font()
    for i in range(60):  # enough rows to scroll
        ws.add("timeline", items["plan"], kind="activity", title=f"Extra {i}",
               start=VagueDate.day(2025, 6, 1 + i % 28), end=VagueDate.day(2025, 7, 1))
    p = shown_timeline(qtbot, ws, items["plan"])
    view = p.view
    view.scrolling.set_scale(PPD, LEFT)
    small_row, small_header = view.row_h, view.header_h
    small_bar = view.bar_rect(1).height()
    _rows_line_up(p)
    big = QFont(normal)
    big.setPointSizeF(normal.pointSizeF() * 2)
    app.setFont(big)  # the system's font size grows while the window is open
    try:
        QApplication.processEvents()  # Qt posts the change to each widget
        assert view.row_h > small_row and view.header_h > small_header
        assert view.bar_rect(1).height() > small_bar  # the bar grows with its row
        _rows_line_up(p)
        # the title of a row fits its row: taller than a line of the new font
        assert view.row_h > QFontMetrics(big).height()
        bold = QFont(big)
        bold.setBold(True)  # a phase's dates, the widest the date columns show, still show whole
        assert p.table.columnWidth(3) > QFontMetrics(bold).horizontalAdvance("2025-05-05")
        view.verticalScrollBar().setValue(7 * view.row_h + 5)
        assert p.table.verticalScrollBar().value() == view.verticalScrollBar().value()
        _rows_line_up(p)
        # a click in the middle of a tall row finds that row's bar
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(int(view.x_for_date(date(2025, 6, 20))), _row_mid(view, 10)))
        assert view.current == 10 and p.table.currentIndex().row() == 10
        view.viewport().grab()  # paints with the new heights without complaint
        # a timeline opened while the font is large starts with the tall rows
        fresh = shown_timeline(qtbot, ws, items["plan"])
        assert (fresh.view.row_h, fresh.view.header_h) == (view.row_h, view.header_h)
        _rows_line_up(fresh)
    finally:
        app.setFont(normal)
        QApplication.processEvents()
    assert (view.row_h, view.header_h) == (small_row, small_header)
    _rows_line_up(p)
