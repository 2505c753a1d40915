"""The timeline read (app.timeline): order, vague dates resolved, bands, dependencies; date moves."""

from __future__ import annotations

from datetime import date

import pytest

from app.dates import Precision, VagueDate
from app.timeline import shift_date, swedish_holidays, timeline_row, timeline_rows, week_label
from app.workspace import Workspace
from db import models


@pytest.fixture
def ws(any_ws: Workspace) -> Workspace:
    """A new file, and a new database on the team server: the same tests on both."""
    return any_ws


def _plan(ws: Workspace, title: str) -> int:
    return ws.add("plan", doc_type="plan", template="plan", title=title).ids[0]


def test_rows_in_plan_then_position_order_with_vague_dates_resolved(ws: Workspace) -> None:
    a, b = _plan(ws, "A"), _plan(ws, "B")
    ws.add("timeline", b, kind="activity", title="b1", start=VagueDate.quarter(2025, 3), end=VagueDate.year(2026))
    ws.add("timeline", a, kind="phase", title="a2", start=VagueDate.day(2025, 2, 3), end=VagueDate.month(2025, 2))
    ws.add("timeline", a, kind="milestone", title="a1", code="MS1", start=VagueDate.month(2025, 6), index=0)
    gone = ws.add("timeline", a, kind="activity", title="gone").ids[0]
    ws.delete("timeline", gone)

    data = timeline_rows(ws, None)
    assert [r.title for r in data.rows] == ["a1", "a2", "b1"]
    a1, a2, b1 = data.rows
    assert (a1.start_first, a1.start_last) == (date(2025, 6, 1).toordinal(), date(2025, 6, 30).toordinal())
    assert a1.end_first is None and a1.is_marker and a1.code == "MS1"
    assert a2.span() == (date(2025, 2, 3).toordinal(), date(2025, 2, 28).toordinal())
    assert (b1.start_first, b1.start_last) == (date(2025, 7, 1).toordinal(), date(2025, 9, 30).toordinal())
    assert b1.end_last == date(2026, 12, 31).toordinal()
    assert b1.start_date() == VagueDate.quarter(2025, 3)
    assert [(x.plan_id, x.first_row, x.count) for x in data.bands] == [(a, 0, 2), (b, 2, 1)]
    assert data.span() == (date(2025, 2, 3).toordinal(), date(2026, 12, 31).toordinal())

    only_b = timeline_rows(ws, b)
    assert [r.title for r in only_b.rows] == ["b1"] and [x.plan_id for x in only_b.bands] == [b]


def test_dependencies_are_row_index_pairs(ws: Workspace) -> None:
    a = _plan(ws, "A")
    ids = [ws.add("timeline", a, kind="activity", title=f"t{i}").ids[0] for i in range(3)]
    ws.add("dependency", predecessor=ids[2], successor=ids[0])
    dead = ws.add("dependency", predecessor=ids[0], successor=ids[1]).ids[0]
    ws.delete("dependency", dead)
    data = timeline_rows(ws, a)
    assert data.dependencies == [(2, 0)]
    assert data.index == {ids[0]: 0, ids[1]: 1, ids[2]: 2}
    assert timeline_row(ws, ids[1]) == data.rows[1]


def test_spans_are_cached_and_follow_a_patched_row(ws: Workspace) -> None:
    a, b = _plan(ws, "A"), _plan(ws, "B")
    ws.add("timeline", a, kind="activity", title="a1", start=VagueDate.day(2025, 2, 3), end=VagueDate.month(2025, 3))
    mid = ws.add("timeline", a, kind="milestone", title="a2", start=VagueDate.quarter(2025, 2)).ids[0]
    ws.add("timeline", b, kind="phase", title="b1", start=VagueDate.year(2026), end=None)
    ws.add("timeline", b, kind="activity", title="undated")
    data = timeline_rows(ws, None)
    d = date.toordinal
    assert data.span() == (d(date(2025, 2, 3)), d(date(2026, 12, 31)))
    assert data.span() is data.span()  # computed once
    assert data.band_spans() == [(d(date(2025, 2, 3)), d(date(2025, 6, 30))), (d(date(2026, 1, 1)), d(date(2026, 12, 31)))]
    assert all(data.band_spans()[k] == _slow_span(data.rows[x.first_row:x.first_row + x.count])
               for k, x in enumerate(data.bands))

    ws.update("timeline", mid, start=VagueDate.year(2027))
    data.replace_row(data.index[mid], timeline_row(ws, mid))
    assert data.band_spans()[0] == (d(date(2025, 2, 3)), d(date(2027, 12, 31)))
    assert data.span() == (d(date(2025, 2, 3)), d(date(2027, 12, 31)))


def _slow_span(rows):
    spans = [r.span() for r in rows if r.span() is not None]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


@pytest.mark.parametrize(
    ("before", "kw", "after"),
    [
        (VagueDate.month(2025, 9), {"months": 2}, VagueDate.month(2025, 11)),
        (VagueDate.month(2025, 11), {"months": 3}, VagueDate.month(2026, 2)),
        (VagueDate.month(2025, 9), {"days": 1}, VagueDate.day(2025, 9, 2)),
        (VagueDate.month(2025, 9), {"days": -1, "anchor": "last"}, VagueDate.day(2025, 9, 29)),
        (VagueDate.quarter(2025, 1), {"months": 3}, VagueDate.quarter(2025, 2)),
        (VagueDate.quarter(2025, 1), {"months": 1}, VagueDate.day(2025, 2, 1)),
        (VagueDate.year(2025), {"months": 12}, VagueDate.year(2026)),
        (VagueDate.day(2025, 1, 31), {"months": 1}, VagueDate.day(2025, 2, 28)),
        (VagueDate.day(2025, 12, 29), {"days": 7}, VagueDate.day(2026, 1, 5)),
    ],
)
def test_shift_keeps_precision_only_for_whole_periods(before: VagueDate, kw: dict, after: VagueDate) -> None:
    assert shift_date(before, **kw) == after


def test_holidays_and_week_labels() -> None:
    h = swedish_holidays(2025)
    assert h[date(2025, 6, 6)] == "Nationaldagen"
    assert date(2025, 6, 1) not in h  # an ordinary Sunday is not listed
    assert swedish_holidays(2025) is h  # cached per year
    assert week_label(date(2024, 12, 30)) == "v. 1"
    assert week_label(date(2024, 11, 18)) == "v. 47"
    assert week_label(date(2021, 1, 3)) == "v. 53"
    assert Precision("month") is Precision.MONTH


def _dated(ws: Workspace, pid: int, kind: str, start: VagueDate | None, end: VagueDate | None = None) -> int:
    return ws.add("timeline", pid, kind=kind, title=f"{kind} {start} {end}", start=start, end=end).ids[0]


def test_head_reads_the_first_bands_and_knows_every_count_and_the_whole_span(ws: Workspace) -> None:
    from app.timeline import timeline_head

    first = _plan(ws, "Först")
    for month in range(1, 7):
        _dated(ws, first, "activity", VagueDate.month(2025, month), VagueDate.month(2025, month + 1))
    second, third, gone = _plan(ws, "Andra"), _plan(ws, "Tredje"), _plan(ws, "Borttagen")
    # What decides the span sits in the bands the head does not read:
    _dated(ws, second, "phase", VagueDate.day(2024, 3, 5), VagueDate.year(2027))  # a year-long end period
    backwards = _dated(ws, second, "activity", VagueDate.day(2027, 6, 1), VagueDate.day(2027, 6, 2))
    with ws.store.write():  # ends before it starts: the editor refuses that, a file from elsewhere may hold it
        models.TimelineItem.update(end=date(2027, 5, 1)).where(models.TimelineItem.id == backwards).execute()
    _dated(ws, third, "milestone", VagueDate.quarter(2027, 4), VagueDate.year(2030))  # a marker's end counts not
    _dated(ws, third, "activity", None, None)
    _dated(ws, gone, "activity", VagueDate.year(2020), VagueDate.year(2035))
    ws.delete("plan", gone)

    head, full = timeline_head(ws, 3), timeline_rows(ws, None)
    assert not head.complete and full.complete
    assert [(b.plan_id, b.count, b.loaded) for b in head.bands] == [(first, 6, True), (second, 2, False), (third, 2, False)]
    assert [r.id for r in head.rows] == [r.id for r in full.rows[:6]]
    assert head.span() == full.span() == (date(2024, 3, 5).toordinal(), date(2027, 12, 31).toordinal())
    assert head.band_spans() == [full.band_spans()[0], None, None]

    ws.add("timeline", third, kind="activity", title="sist", start=VagueDate.month(2027, 12), end=VagueDate.year(2028))
    assert timeline_head(ws, 3).span() == timeline_rows(ws, None).span() == (date(2024, 3, 5).toordinal(),
                                                                      date(2028, 12, 31).toordinal())


def test_head_of_a_small_portfolio_is_all_of_it(ws: Workspace) -> None:
    from app.timeline import timeline_head

    a, b = _plan(ws, "A"), _plan(ws, "B")
    _dated(ws, a, "activity", VagueDate.day(2025, 1, 2))
    _dated(ws, b, "milestone", VagueDate.month(2025, 5))
    head = timeline_head(ws, 50)
    assert head.complete and head == timeline_rows(ws, None)
    assert timeline_head(ws, 50).span() == timeline_rows(ws, None).span()
