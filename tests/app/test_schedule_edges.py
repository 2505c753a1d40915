"""Scheduling's edges (app.schedule): every kind of link with and without lag, every precision a
successor can have and ends of another precision than its start, the limit of how far a vague item
moves, items without dates, and the critical path over every kind of link."""

from __future__ import annotations

from datetime import date

from app.dates import VagueDate
from app.schedule import (
    MAX_STEPS, CriticalPath, Link, apply_moves, critical_path, float_cell, float_text, link_of, schedule,
    too_early_after, topological,
)
from app.timeline import TimelineRow
from app.workdays import WorkCalendar
from app.workspace import Workspace

CAL = WorkCalendar()
D = VagueDate.day


def row(i: int, start: VagueDate | None, end: VagueDate | None = None, title: str = "") -> TimelineRow:
    """A timeline item as the timeline reads it from the file."""
    def ordinals(v: VagueDate | None) -> tuple[int | None, int | None]:
        return (None, None) if v is None else (v.first_day.toordinal(), v.last_day.toordinal())

    def text(v: VagueDate | None) -> tuple[str | None, str | None]:
        return (None, None) if v is None else (v.start.isoformat(), v.precision.value)

    return TimelineRow(i, 1, "activity", "", title or str(i), "", *text(start), *text(end), 0, "planned",
                       *ordinals(start), *ordinals(end))


def moved(rows: list[TimelineRow], links: list[Link], calendar: WorkCalendar = CAL,
          only_after: int | None = None) -> list[tuple[int, VagueDate | None, VagueDate | None]]:
    return [(m.item, m.start, m.end) for m in schedule(rows, links, calendar, only_after)]


# --- links --------------------------------------------------------------------------


def test_a_lag_in_days_stays_and_a_lag_in_weeks_is_five_working_days_each() -> None:
    assert link_of(1, 2, "FS", 3, "day") == Link(1, 2, "FS", 3)
    assert link_of(1, 2, "SS", -2, "week") == Link(1, 2, "SS", -10)


def test_links_to_items_not_given_are_left_out_and_a_cycle_is_not_ordered() -> None:
    order, incoming, outgoing = topological([1, 2], [Link(1, 3, "FS", 0), Link(4, 2, "FS", 0), Link(1, 2, "FS", 0)])
    assert order == [1, 2]
    assert incoming == {1: [], 2: [Link(1, 2, "FS", 0)]} and outgoing == {1: [Link(1, 2, "FS", 0)], 2: []}
    order, _incoming, _outgoing = topological([1, 2, 3], [Link(1, 2, "FS", 0), Link(2, 1, "FS", 0)])
    assert order == [3]


def test_finish_to_finish_with_a_lag_and_start_to_start_without_one() -> None:
    a = row(1, D(2026, 9, 7), D(2026, 9, 23))  # Monday to Wednesday
    b = row(2, D(2026, 9, 14), D(2026, 9, 16), title="b")  # three working days
    # two working days after the Wednesday: it ends on the Friday, still three working days long
    assert moved([a, b], [Link(1, 2, "FF", 2)]) == [(2, D(2026, 9, 23), D(2026, 9, 25))]
    early = row(2, D(2026, 9, 1), D(2026, 9, 4))  # Tuesday to Friday
    assert moved([a, early], [Link(1, 2, "SS", 0)]) == [(2, D(2026, 9, 7), D(2026, 9, 10))]
    # an end that is late enough already is no reason to move
    assert moved([a, row(2, D(2026, 9, 14), D(2026, 9, 30))], [Link(1, 2, "FF", 0)]) == []


def test_a_predecessor_without_dates_asks_nothing_of_the_links_after_it() -> None:
    undated = row(3, None)
    a = row(1, D(2026, 3, 2), D(2026, 3, 13))
    b = row(2, D(2026, 3, 10), D(2026, 3, 11), title="b")
    [move] = schedule([undated, a, b], [Link(3, 2, "FS", 0), Link(1, 2, "FS", 0)], CAL)
    assert (move.item, move.title, move.start, move.end) == (2, "b", D(2026, 3, 16), D(2026, 3, 17))


def test_an_item_one_day_too_early_moves_and_one_starting_on_time_does_not() -> None:
    a = row(1, D(2026, 3, 2), D(2026, 3, 6))  # ends on a Friday
    on_sunday = row(2, D(2026, 3, 8), D(2026, 3, 8))
    assert moved([a, on_sunday], [Link(1, 2, "FS", 0)]) == [(2, D(2026, 3, 9), D(2026, 3, 9))]
    assert moved([a, row(2, D(2026, 3, 9), D(2026, 3, 10))], [Link(1, 2, "FS", 0)]) == []
    ends_tuesday = row(1, D(2026, 3, 2), D(2026, 3, 10))
    one_day = row(2, D(2026, 3, 9), D(2026, 3, 9))
    assert moved([ends_tuesday, one_day], [Link(1, 2, "FF", 0)]) == [(2, D(2026, 3, 10), D(2026, 3, 10))]


def test_an_exact_end_moves_far_enough_when_the_start_crosses_a_weekend() -> None:
    # The predecessor ends on a Saturday; the successor (Friday to Wednesday, four working days)
    # moved by the three days it is late would end on the Thursday, still too early: it moves on.
    a = row(1, D(2026, 3, 2), D(2026, 3, 14))
    b = row(2, D(2026, 3, 6), D(2026, 3, 11))
    assert moved([a, b], [Link(1, 2, "FF", 0)]) == [(2, D(2026, 3, 11), D(2026, 3, 16))]
    # ending on a Sunday, Monday to Friday moves two days: Wednesday to Tuesday, not back again
    a = row(1, D(2026, 3, 2), D(2026, 3, 8))
    b = row(2, D(2026, 3, 2), D(2026, 3, 6))
    assert moved([a, b], [Link(1, 2, "FF", 0)]) == [(2, D(2026, 3, 4), D(2026, 3, 10))]


def test_an_exact_item_with_only_an_end_keeps_having_only_an_end() -> None:
    a = row(1, D(2026, 3, 2), D(2026, 3, 13))
    deadline = row(2, None, D(2026, 3, 11))
    assert moved([a, deadline], [Link(1, 2, "FS", 0)]) == [(2, None, D(2026, 3, 16))]


def test_an_exact_start_with_a_vague_end_moves_the_end_by_the_same_days() -> None:
    a = row(1, D(2026, 2, 23), D(2026, 3, 6))
    b = row(2, D(2026, 3, 2), VagueDate.month(2026, 4))
    # a week later; the end, no longer a whole month, is the last day of April a week later
    assert moved([a, b], [Link(1, 2, "FS", 0)]) == [(2, D(2026, 3, 9), D(2026, 5, 7))]


# --- vague items ----------------------------------------------------------------------


def test_a_tertial_and_a_half_year_move_by_whole_tertials_and_halves() -> None:
    a = row(1, D(2026, 1, 5), D(2026, 4, 24))  # ends on a Friday in April
    tertial = row(2, VagueDate.tertial(2026, 1), VagueDate.tertial(2026, 2))
    half = row(3, VagueDate.half(2026, 1), VagueDate.half(2026, 1))
    assert moved([a, tertial, half], [Link(1, 2, "FS", 0), Link(1, 3, "FS", 0)]) == [
        (2, VagueDate.tertial(2026, 2), VagueDate.tertial(2026, 3)),
        (3, VagueDate.half(2026, 2), VagueDate.half(2026, 2))]


def test_a_week_moves_by_whole_weeks_and_an_end_of_another_kind_by_as_many_days() -> None:
    a = row(1, D(2026, 3, 2), D(2026, 3, 11))  # ends on the Wednesday of week 11
    week = row(2, VagueDate.week(2026, 11), VagueDate.week(2026, 12))
    assert moved([a, week], [Link(1, 2, "FS", 0)]) == [(2, VagueDate.week(2026, 12), VagueDate.week(2026, 13))]
    to_a_day = row(2, VagueDate.week(2026, 11), D(2026, 3, 20))
    assert moved([a, to_a_day], [Link(1, 2, "FS", 0)]) == [(2, VagueDate.week(2026, 12), D(2026, 3, 27))]


def test_a_quarter_with_an_end_of_another_kind_moves_it_by_as_many_months() -> None:
    a = row(1, D(2026, 1, 5), D(2026, 2, 20))
    to_a_day = row(2, VagueDate.quarter(2026, 1), D(2026, 3, 20))
    assert moved([a, to_a_day], [Link(1, 2, "FS", 0)]) == [(2, VagueDate.quarter(2026, 2), D(2026, 6, 20))]
    # an end in a week: its last day three months later
    to_a_week = row(2, VagueDate.quarter(2026, 1), VagueDate.week(2026, 13))  # 23 to 29 March
    assert moved([a, to_a_week], [Link(1, 2, "FS", 0)]) == [(2, VagueDate.quarter(2026, 2), D(2026, 6, 29))]


def test_a_month_moves_no_further_than_its_end_needs() -> None:
    months = row(2, VagueDate.month(2026, 1), VagueDate.month(2026, 3))
    ends_april = row(1, D(2026, 1, 5), D(2026, 4, 30))
    assert moved([ends_april, months], [Link(1, 2, "FF", 0)]) == [
        (2, VagueDate.month(2026, 2), VagueDate.month(2026, 4))]
    mid_april = row(1, D(2026, 1, 5), D(2026, 4, 15))
    assert moved([mid_april, months], [Link(1, 2, "FF", 0)]) == [
        (2, VagueDate.month(2026, 2), VagueDate.month(2026, 4))]


def test_a_vague_item_moves_at_most_fifty_years_of_its_periods() -> None:
    jan = row(2, VagueDate.month(2026, 1), VagueDate.month(2026, 1))
    assert MAX_STEPS == 600
    far = row(1, D(2026, 1, 5), D(2076, 1, 31))  # to end with it: 600 months later, January 2076
    assert moved([far, jan], [Link(1, 2, "FF", 0)]) == [(2, VagueDate.month(2076, 1), VagueDate.month(2076, 1))]
    too_far = row(1, D(2026, 1, 5), D(2076, 2, 1))
    assert moved([too_far, jan], [Link(1, 2, "FF", 0)]) == []


def test_a_part_of_a_month_becomes_exact_days_moved_by_the_days_it_is_late() -> None:
    a = row(1, D(2026, 2, 2), D(2026, 3, 12))  # ends on a Thursday
    parts = row(2, VagueDate.month_part(2026, 3, 1), VagueDate.month_part(2026, 3, 3))
    # "början av mars" starts on the 1st, twelve days before the Friday after: both ends move twelve
    # days, the start from the first day of its part, the end from the last day of "slutet av mars"
    assert moved([a, parts], [Link(1, 2, "FS", 0)]) == [(2, D(2026, 3, 13), D(2026, 4, 12))]


# --- the chain -------------------------------------------------------------------------


def test_undated_items_are_passed_over_and_the_chain_after_a_moved_item_follows_it() -> None:
    undated = row(9, None)
    a = row(1, D(2026, 3, 2), D(2026, 3, 13))
    b = row(2, D(2026, 3, 9), D(2026, 3, 13))  # five working days
    c = row(3, D(2026, 3, 16), D(2026, 3, 20))
    # c starts with b (two days after its start): after b moves, c does too
    assert moved([undated, a, b, c], [Link(1, 2, "FS", 0), Link(2, 3, "SS", 2)]) == [
        (2, D(2026, 3, 16), D(2026, 3, 20)), (3, D(2026, 3, 18), D(2026, 3, 24))]


def test_only_after_an_item_the_plan_does_not_have_nothing_moves() -> None:
    a = row(1, D(2026, 3, 2), D(2026, 3, 13))
    b = row(2, D(2026, 3, 9), D(2026, 3, 13))
    assert moved([a, b], [Link(1, 2, "FS", 0)], only_after=99) == []
    assert moved([a, b], [Link(1, 2, "FS", 0)], only_after=1) == [(2, D(2026, 3, 16), D(2026, 3, 20))]


# --- the critical path ---------------------------------------------------------------------


def test_the_critical_path_of_nothing_and_to_an_item_the_plan_lacks() -> None:
    assert critical_path([], []) == CriticalPath({}, [], None)
    assert critical_path([row(1, None)], []) == CriticalPath({}, [], None)
    assert critical_path([row(1, D(2026, 1, 1), D(2026, 1, 9))], [], target=2) == CriticalPath({}, [], None)


def test_float_over_every_kind_of_link_with_lags() -> None:
    rows = [row(1, D(2026, 1, 1), D(2026, 1, 10)), row(2, D(2026, 1, 15), D(2026, 1, 20)),
            row(3, D(2026, 1, 5), D(2026, 1, 8)), row(4, D(2026, 1, 2), D(2026, 1, 18))]
    end = date(2026, 1, 20).toordinal()
    # 1 ends two days (and a lag of two) before 2 starts
    cp = critical_path(rows, [Link(1, 2, "FS", 2)])
    assert cp == CriticalPath({1: 2, 2: 0, 3: 12, 4: 2}, [2], end)
    assert critical_path(rows, [Link(1, 2, "FS", 4)]).floats[1] == 0
    # 3 (four days) may start as late as 2 starts less the lag of 3: on the 12th, so end on the 15th
    assert critical_path(rows, [Link(3, 2, "SS", 3)]).floats[3] == 7
    # 4 may end as late as 2 ends less the lag of 1
    assert critical_path(rows, [Link(4, 2, "FF", 1)]).floats[4] == 1
    # a float of one day is not critical
    assert critical_path(rows, [Link(4, 2, "FF", 1)]).critical == [2]


def test_float_towards_a_target_leaves_out_successors_it_does_not_wait_for() -> None:
    rows = [row(1, D(2026, 1, 1), D(2026, 1, 10)), row(2, D(2026, 1, 15), D(2026, 1, 20)),
            row(3, D(2026, 1, 11), D(2026, 1, 12))]
    cp = critical_path(rows, [Link(1, 3, "FS", 0), Link(1, 2, "FS", 0)], target=2)
    assert cp == CriticalPath({1: 4, 2: 0}, [2], date(2026, 1, 20).toordinal())


def test_float_in_words() -> None:
    assert [float_text(n) for n in (2, 1, 0, -1, -3)] == [
        "Slack: 2 dagar", "Slack: 1 dag", "Kritisk (ingen slack)", "Kritisk (1 dagar sen)", "Kritisk (3 dagar sen)"]
    assert [float_cell(n) for n in (12, 1, 0, -1, -3)] == ["12 dagar", "1 dag", "Kritisk", "1 dag sen", "3 dagar sen"]


# --- on the open file ------------------------------------------------------------------------


def test_the_files_dependencies_with_their_lag_and_without_the_deleted(any_ws: Workspace) -> None:
    ws = any_ws
    p = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]

    def item(title: str, start: VagueDate, end: VagueDate) -> int:
        return ws.add("timeline", p, kind="activity", title=title, start=start, end=end).ids[0]

    a = item("a", D(2026, 3, 2), D(2026, 3, 13))
    b = item("b", D(2026, 3, 16), D(2026, 3, 20))
    c = item("c", D(2026, 3, 16), D(2026, 3, 20))
    ws.add("dependency", predecessor=a, successor=b, lag=1, lag_unit="week")
    gone = ws.add("dependency", predecessor=a, successor=c).ids[0]
    ws.delete("dependency", gone)
    ws.update("timeline", a, end=D(2026, 3, 18))
    moves = too_early_after(ws, a)
    assert [(m.item, m.start, m.end) for m in moves] == [(b, D(2026, 3, 26), D(2026, 4, 1))]
    d = item("d", D(2026, 4, 1), D(2026, 4, 2))
    ws.add("dependency", predecessor=b, successor=d)
    moves = too_early_after(ws, a)
    assert [m.item for m in moves] == [b, d]
    # written in order, and put back in the reverse order
    assert [change.ids for change in apply_moves(ws, moves)] == [(b,), (d,)]
    assert [change.ids for change in apply_moves(ws, moves, undo=True)] == [(d,), (b,)]
    assert ws.get("timeline", d)["start"] == D(2026, 4, 1)
