"""Scheduling (app.schedule): successors that start too early move by whole periods of their own
precision (exact ones onto working days), the whole chain at once; the critical path and float."""

from __future__ import annotations

from datetime import date

import pytest

from app.dates import Precision, VagueDate
from app.schedule import Link, apply_moves, critical_path, float_text, link_of, schedule, too_early_after
from app.timeline import timeline_rows
from app.workdays import ClosedPeriod, WorkCalendar
from app.workspace import Workspace

CAL = WorkCalendar()


@pytest.fixture
def ws(any_ws) -> Workspace:
    return any_ws


def _plan(ws: Workspace) -> int:
    return ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]


def _item(ws: Workspace, p: int, title: str, start: VagueDate | None, end: VagueDate | None = None,
          kind: str = "activity") -> int:
    return ws.add("timeline", p, kind=kind, title=title, start=start, end=end).ids[0]


def _rows(ws: Workspace, p: int):
    return timeline_rows(ws, p).rows


def test_an_exact_successor_moves_to_the_working_day_after_its_predecessor(ws: Workspace) -> None:
    p = _plan(ws)
    a = _item(ws, p, "a", VagueDate.day(2026, 6, 1), VagueDate.day(2026, 6, 18))  # ends the day before midsommarafton
    b = _item(ws, p, "b", VagueDate.day(2026, 6, 10), VagueDate.day(2026, 6, 12))
    [move] = schedule(_rows(ws, p), [Link(a, b, "FS", 0)], CAL)
    assert (move.item, move.start, move.end) == (b, VagueDate.day(2026, 6, 22), VagueDate.day(2026, 6, 24))
    # (10 to 12 June is three working days, and so is 22 to 24 June)
    # a lag of one week is five working days; a lead lets it begin before the end
    [move] = schedule(_rows(ws, p), [link_of(a, b, "FS", 1, "week")], CAL)
    assert move.start == VagueDate.day(2026, 6, 29)
    assert schedule(_rows(ws, p), [Link(a, b, "FS", -7)], CAL) == []
    # the organisation's closed days are skipped too
    july = WorkCalendar([ClosedPeriod(date(2026, 6, 22), date(2026, 7, 31), "Sommar")])
    assert schedule(_rows(ws, p), [Link(a, b, "FS", 0)], july)[0].start == VagueDate.day(2026, 8, 3)


def test_a_vague_successor_moves_by_whole_quarters_or_months(ws: Workspace) -> None:
    p = _plan(ws)
    a = _item(ws, p, "a", VagueDate.quarter(2026, 1), VagueDate.quarter(2026, 3))
    b = _item(ws, p, "b", VagueDate.quarter(2026, 2), VagueDate.quarter(2026, 4))
    c = _item(ws, p, "c", VagueDate.month(2026, 5), VagueDate.month(2026, 6))
    moves = schedule(_rows(ws, p), [Link(a, b, "FS", 0), Link(a, c, "FS", 0)], CAL)
    assert [(m.item, m.start, m.end) for m in moves] == [
        (b, VagueDate.quarter(2026, 4), VagueDate.quarter(2027, 2)),
        (c, VagueDate.month(2026, 10), VagueDate.month(2026, 11))]
    assert all(m.start.precision in (Precision.QUARTER, Precision.MONTH) for m in moves)


def test_the_whole_chain_moves_and_only_after_the_changed_item(ws: Workspace) -> None:
    p = _plan(ws)
    a = _item(ws, p, "a", VagueDate.day(2026, 3, 2), VagueDate.day(2026, 3, 13))
    b = _item(ws, p, "b", VagueDate.day(2026, 3, 16), VagueDate.day(2026, 3, 20))
    c = _item(ws, p, "c", VagueDate.day(2026, 3, 23), VagueDate.day(2026, 3, 27))
    bp = _item(ws, p, "BP2", VagueDate.day(2026, 3, 30), kind="decision_point")
    for pred, succ in ((a, b), (b, c), (c, bp)):
        ws.add("dependency", predecessor=pred, successor=succ)
    ws.update("timeline", a, end=VagueDate.day(2026, 3, 18))  # a grows by three working days
    moves = too_early_after(ws, a)
    assert [(m.item, m.start) for m in moves] == [
        (b, VagueDate.day(2026, 3, 19)), (c, VagueDate.day(2026, 3, 26)), (bp, VagueDate.day(2026, 4, 2))]
    apply_moves(ws, moves)
    assert ws.get("timeline", bp)["start"] == VagueDate.day(2026, 4, 2)
    assert too_early_after(ws, a) == []
    apply_moves(ws, moves, undo=True)
    assert ws.get("timeline", b)["start"] == VagueDate.day(2026, 3, 16)
    assert too_early_after(ws, b) == []  # only what comes after the changed item moves
    assert too_early_after(ws, a) == moves


def test_start_to_start_and_finish_to_finish(ws: Workspace) -> None:
    p = _plan(ws)
    a = _item(ws, p, "a", VagueDate.day(2026, 9, 7), VagueDate.day(2026, 9, 25))
    b = _item(ws, p, "b", VagueDate.day(2026, 9, 1), VagueDate.day(2026, 9, 4))
    [ss] = schedule(_rows(ws, p), [Link(a, b, "SS", 2)], CAL)
    assert (ss.start, ss.end) == (VagueDate.day(2026, 9, 9), VagueDate.day(2026, 9, 14))  # four working days
    [ff] = schedule(_rows(ws, p), [Link(a, b, "FF", 0)], CAL)
    assert (ff.start, ff.end) == (VagueDate.day(2026, 9, 22), VagueDate.day(2026, 9, 25))


def test_critical_path_and_float() -> None:
    from app.timeline import TimelineRow

    def row(i: int, first: date, last: date) -> TimelineRow:
        f, la = first.toordinal(), last.toordinal()
        return TimelineRow(i, 1, "activity", "", str(i), "", first.isoformat(), "day", last.isoformat(), "day",
                           0, "planned", f, f, la, la)

    rows = [row(1, date(2026, 1, 1), date(2026, 1, 10)), row(2, date(2026, 1, 11), date(2026, 1, 20)),
            row(3, date(2026, 1, 11), date(2026, 1, 15)), row(4, date(2026, 1, 21), date(2026, 1, 31)),
            row(5, date(2026, 1, 5), date(2026, 1, 6))]
    links = [Link(1, 2, "FS", 0), Link(1, 3, "FS", 0), Link(2, 4, "FS", 0), Link(3, 4, "FS", 0)]
    cp = critical_path(rows, links)
    assert cp.critical == [1, 2, 4]
    assert cp.floats[3] == 5 and cp.floats[5] == 25
    to_2 = critical_path(rows, links, target=2)
    assert to_2.critical == [1, 2] and 5 not in to_2.floats
    assert float_text(cp.floats[3]) == "Slack: 5 dagar" and float_text(0) == "Kritisk (ingen slack)"
