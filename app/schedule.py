"""Scheduling over the dependencies: successors that start too early, and the critical path.

Dates stay as vague as they were written. A successor whose start is a quarter moves by whole
quarters (a month by months, a half-year by halves, a year by years, an ISO week by weeks); only
an exact item moves by days, and then onto a working day (app.workdays). Its end moves with it by
the same amount, so the item keeps its length.

A dependency asks, with its lag in working days (a week is five):
- FS: the successor starts after the predecessor's last day;
- SS: the successor starts no earlier than the predecessor's first day;
- FF: the successor ends no earlier than the predecessor's last day.

Everything here works on plain rows (app.timeline.TimelineRow) and integer day ordinals, so that a
plan of 5,000 items and 10,000 dependencies is scheduled and its critical path found in a few tens
of milliseconds (bench B13).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from app.dates import Precision, VagueDate
from app.i18n import tr
from app.timeline import TimelineRow, add_months, shift_date
from app.workdays import WorkCalendar

WORKING_DAYS_A_WEEK = 5
# Precisions that move by whole periods of months, and how many months a period is.
_MONTH_STEPS = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.TERTIAL: 4, Precision.HALF: 6,
                Precision.YEAR: 12}
MAX_STEPS = 600  # periods a vague item may move in one go (50 years of months)


class Link(NamedTuple):
    predecessor: int
    successor: int
    kind: str  # FS | SS | FF
    lag: int  # working days


def link_of(predecessor: int, successor: int, kind: str, lag: int, lag_unit: str) -> Link:
    return Link(predecessor, successor, kind, lag * WORKING_DAYS_A_WEEK if lag_unit == "week" else lag)


@dataclass(frozen=True)
class Move:
    """A successor moved to keep its dependencies: its old and new start and end."""

    item: int
    title: str
    old_start: VagueDate | None
    old_end: VagueDate | None
    start: VagueDate | None
    end: VagueDate | None


def topological(ids: Iterable[int], links: Iterable[Link]) -> tuple[list[int], dict[int, list[Link]],
                                                                     dict[int, list[Link]]]:
    """The ids in an order where every predecessor comes before its successors (links to ids not
    given are left out), with each id's incoming and outgoing links. The graph has no cycle
    (app.dependencies refuses them); should one be there, its items are left out of the order."""
    incoming: dict[int, list[Link]] = {i: [] for i in ids}
    outgoing: dict[int, list[Link]] = {i: [] for i in incoming}
    for link in links:
        into = incoming.get(link[1])
        out = outgoing.get(link[0])
        if into is not None and out is not None:
            into.append(link)
            out.append(link)
    waiting = {i: len(v) for i, v in incoming.items()}
    queue = deque(i for i, n in waiting.items() if n == 0)
    order: list[int] = []
    append, pop = order.append, queue.popleft
    while queue:
        i = pop()
        append(i)
        for link in outgoing[i]:
            s = link[1]
            waiting[s] -= 1
            if waiting[s] == 0:
                queue.append(s)
    return order, incoming, outgoing


class _Scheduler:
    """The forward pass: each item placed no earlier than its dependencies ask, in topological order."""

    def __init__(self, calendar: WorkCalendar):
        self.cal = calendar
        self.placed: dict[int, tuple[int, int]] = {}  # id -> (first, last) ordinals as scheduled

    def required(self, incoming: list[Link]) -> tuple[int | None, int | None]:
        """The earliest first day and the earliest last day the links allow (None: no demand)."""
        need_start: int | None = None
        need_end: int | None = None
        placed, add = self.placed, self.cal.add_ordinal
        for pred_id, _succ, kind, lag in incoming:
            pred = placed.get(pred_id)
            if pred is None:
                continue
            if kind == "FF":
                day = add(pred[1], lag) if lag else pred[1]
                if need_end is None or day > need_end:
                    need_end = day
            else:
                # FS: the working day `lag` after the predecessor's last day; SS: `lag` from its first
                day = add(pred[1], 1 + lag) if kind == "FS" else (add(pred[0], lag) if lag else pred[0])
                if need_start is None or day > need_start:
                    need_start = day
        return need_start, need_end


def _shift_vague(v: VagueDate | None, months: int, days: int, anchor: str) -> VagueDate | None:
    if v is None:
        return None
    step = _MONTH_STEPS.get(v.precision)
    if months and step is not None and months % step == 0:
        return VagueDate(add_months(v.start, months), v.precision)
    if v.precision is Precision.WEEK and not months and days % 7 == 0:
        return VagueDate(v.start.fromordinal(v.start.toordinal() + days), Precision.WEEK)
    return shift_date(v, months=months, days=days, anchor=anchor)


def _move_for(row: TimelineRow, need_start: int | None, need_end: int | None,
              cal: WorkCalendar) -> tuple[VagueDate | None, VagueDate | None] | None:
    """The row's new start and end so that it starts no earlier than `need_start` and ends no earlier
    than `need_end`, moved by whole periods of its start's precision; None if it need not move."""
    span = row.span()
    if span is None:
        return None
    first, last = span
    late_start = need_start - first if need_start is not None else 0
    late_end = need_end - last if need_end is not None else 0
    if late_start <= 0 and late_end <= 0:
        return None
    start, end = row.start_date(), row.end_date()
    lead = start or end
    assert lead is not None
    step = _MONTH_STEPS.get(lead.precision)
    if step is not None or lead.precision is Precision.WEEK:
        for k in range(1, MAX_STEPS + 1):
            months, days = (k * step, 0) if step is not None else (0, 7 * k)
            new_start = _shift_vague(start, months, days, "first")
            new_end = _shift_vague(end, months, days, "last")
            moved = _placed(row, new_start, new_end)
            s = moved.span()
            if s is not None and (need_start is None or s[0] >= need_start) and (need_end is None or s[1] >= need_end):
                return new_start, new_end
        return None
    delta = max(late_start, late_end)
    if lead.precision is not Precision.DAY:
        return _shift_vague(start, 0, delta, "first"), _shift_vague(end, 0, delta, "last")
    # An exact item lands on a working day and keeps its length in working days.
    for _ in range(8):
        new_first = cal.next_working(date.fromordinal(first + delta))
        worked = cal.count_working(date.fromordinal(first), new_first)
        new_start = VagueDate(new_first, Precision.DAY) if start is not None else None
        new_end = end
        if end is not None:
            new_end = (VagueDate(cal.add_working(end.start, worked), Precision.DAY) if end.precision is Precision.DAY
                       else _shift_vague(end, 0, new_first.toordinal() - first, "last"))
        ends = _ordinals(new_end)[1] if new_end is not None else new_first.toordinal()
        if need_end is None or (ends is not None and ends >= need_end):
            return new_start, new_end
        delta += need_end - (ends or need_end)
    return new_start, new_end


def _ordinals(v: VagueDate | None) -> tuple[int | None, int | None]:
    return (None, None) if v is None else (v.first_day.toordinal(), v.last_day.toordinal())


def _placed(row: TimelineRow, start: VagueDate | None, end: VagueDate | None) -> TimelineRow:
    """`row` spanning `start` to `end` (the days the scheduling compares; the rest as read)."""
    (start_first, start_last), (end_first, end_last) = _ordinals(start), _ordinals(end)
    return row._replace(start_first=start_first, start_last=start_last, end_first=end_first, end_last=end_last)


def schedule(rows: Iterable[TimelineRow], links: Iterable[Link], calendar: WorkCalendar,
             only_after: int | None = None) -> list[Move]:
    """The moves that make every successor keep its dependencies, in topological order; with
    `only_after`, only successors of that item (directly or through others) move."""
    by_id = {r.id: r for r in rows}
    order, incoming, outgoing = topological(by_id, links)
    movable: set[int] | None = None
    if only_after is not None:
        movable = _reach(only_after, outgoing, 1)
    s = _Scheduler(calendar)
    spans = [sp for r in by_id.values() if (sp := r.span()) is not None]
    if spans:  # the calendar's working days for the whole plan, in one go
        calendar.cover(min(sp[0] for sp in spans), max(sp[1] for sp in spans))
    moves = []
    for i in order:
        row = by_id[i]
        span = row.span()
        if span is None:
            continue
        if incoming[i] and (movable is None or i in movable):
            need_start, need_end = s.required(incoming[i])
            moved = _move_for(row, need_start, need_end, calendar)
            if moved is not None:
                new_start, new_end = moved
                moves.append(Move(i, row.title, row.start_date(), row.end_date(), new_start, new_end))
                row = _placed(row, new_start, new_end)
                span = row.span() or span
        s.placed[i] = span
    return moves


def _reach(item: int, links: Mapping[int, list[Link]], end: int) -> set[int]:
    """The items reached from `item` over `links` (each id's outgoing links with `end` 1 for the
    successors, its incoming ones with `end` 0 for the predecessors), directly or through others."""
    seen: set[int] = set()
    stack = [item]
    while stack:
        for link in links.get(stack.pop(), ()):
            other = link[end]
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return seen


# --- the critical path ------------------------------------------------------------


@dataclass(frozen=True)
class CriticalPath:
    """Each item's total float in days (how far it can slip before it moves the end it is measured
    against), and the items without float, in topological order."""

    floats: dict[int, int]
    critical: list[int]
    end: int | None  # the ordinal of the day measured against


def critical_path(rows: Iterable[TimelineRow], links: Iterable[Link], target: int | None = None) -> CriticalPath:
    """The plan's critical path as planned: a backward pass from the latest end (or from the end of
    `target`, e.g. the next decision point, over the items it waits for), with lags in days as
    written. An item whose float is 0 or less decides that date."""
    spans = {r.id: s for r in rows if (s := r.span()) is not None}
    order, incoming, outgoing = topological(spans, links)
    if target is not None:
        if target not in spans:
            return CriticalPath({}, [], None)
        wanted = _reach(target, incoming, 0) | {target}
        order = [i for i in order if i in wanted]
        end: int | None = spans[target][1]
    else:
        end = max((span[1] for span in spans.values()), default=None)
    if end is None:
        return CriticalPath({}, [], None)
    in_order = set(order)
    latest: dict[int, int] = {}  # id -> latest last day
    for i in reversed(order):
        first, last = spans[i]
        length = last - first
        lf = end
        for link in outgoing[i]:
            succ = link.successor
            if succ not in in_order:
                continue
            s_first, s_last = spans[succ]
            s_lf = latest[succ]
            s_ls = s_lf - (s_last - s_first)
            if link.kind == "FS":
                bound = s_ls - 1 - link.lag
            elif link.kind == "SS":
                bound = s_ls - link.lag + length
            else:
                bound = s_lf - link.lag
            if bound < lf:
                lf = bound
        latest[i] = lf
    floats = {i: latest[i] - spans[i][1] for i in order}
    return CriticalPath(floats, [i for i in order if floats[i] <= 0], end)


def float_text(days: int) -> str:
    """Total float as the tooltip and the table say it: "Slack: 12 dagar", "Kritisk (ingen slack)"."""
    if days <= 0:
        return tr("Kritisk (ingen slack)") if days == 0 else tr("Kritisk ({days} dagar sen)", days=-days)
    return tr("Slack: 1 dag") if days == 1 else tr("Slack: {days} dagar", days=days)


def float_cell(days: int) -> str:
    """Total float as the timeline table's column says it: "12 dagar", "Kritisk", "3 dagar sen"."""
    if days == 0:
        return tr("Kritisk")
    n = abs(days)
    if days > 0:
        return tr("1 dag") if n == 1 else tr("{n} dagar", n=n)
    return tr("1 dag sen") if n == 1 else tr("{n} dagar sen", n=n)



# --- on the open file -------------------------------------------------------------------


def file_links() -> list[Link]:
    """The file's live dependencies as links (across plans too)."""
    from db import models

    D = models.Dependency
    query = D.select(D.predecessor, D.successor, D.kind, D.lag, D.lag_unit).where(D.deleted_at.is_null())
    return [link_of(pred, succ, kind, lag, unit) for pred, succ, kind, lag, unit in query.tuples()]


def too_early_after(ws: Any, item_id: int) -> list[Move]:
    """The successors of an item (directly or through others) that now start too early, and where
    they would go: the whole chain, in order."""
    from app.timeline import timeline_rows
    from app.workdays import file_calendar

    return schedule(timeline_rows(ws).rows, file_links(), file_calendar(), only_after=item_id)


def apply_moves(ws: Any, moves: list[Move], *, undo: bool = False) -> list[Any]:
    """Write the moves (or, `undo`, put the old dates back) in one transaction; the Changes made."""
    with ws.store.write():
        return [ws.update("timeline", m.item, **({"start": m.old_start, "end": m.old_end} if undo
                                                   else {"start": m.start, "end": m.end}))
                for m in (reversed(moves) if undo else moves)]
