"""The chart's geometry without a widget: dates ↔ x, rows ↔ y, bars of exact and vague items,
markers, what lies under a point, and the calendar's shading."""

from __future__ import annotations

from datetime import date

import pytest

from app.dates import Precision, VagueDate
from app.timeline import PlanBand, TimelineData, TimelineRow
from ui.timeline.geometry import (
    EDGE_PX, HEADER_H, LINK_PX, ROW_H, RowMetrics, TimelineGeometry, shade_runs, shaded_days,
)
from ui.timeline.model import TimelineLayout
from ui.timeline.scale import TimeScale

PPD = 10.0
LEFT = date(2025, 5, 1)


def _days(text: str | None, precision: str) -> tuple[int | None, int | None]:
    if text is None:
        return None, None
    d = VagueDate(date.fromisoformat(text), Precision(precision))
    return d.first_day.toordinal(), d.last_day.toordinal()


def _row(i: int, kind: str, start: str | None, end: str | None = None, *, start_precision: str = "day",
         end_precision: str = "day") -> TimelineRow:
    """An item as `app.timeline.timeline_rows` reads it."""
    return TimelineRow(i, 1, kind, f"K{i}", f"Post {i}", "", start, start_precision if start else None, end,
                       end_precision if end else None, 0, "planned", *_days(start, start_precision),
                       *_days(end, end_precision))


@pytest.fixture
def geometry() -> TimelineGeometry:
    rows = [
        _row(1, "phase", "2025-05-05", "2025-07-04"),
        _row(2, "activity", "2025-06-02", "2025-06-13"),
        _row(3, "milestone", "2025-06-16"),
        _row(4, "activity", "2025-09-01", "2025-10-01", start_precision="month", end_precision="month"),
        _row(5, "activity", None),
        _row(6, "decision_point", "2025-08-01", start_precision="month"),
    ]
    data = TimelineData(1, rows)
    scale = TimeScale(PPD, float(LEFT.toordinal()))
    return TimelineGeometry(scale, TimelineLayout(data))


def _x(d: date) -> float:
    return (d.toordinal() - LEFT.toordinal()) * PPD


def test_rows_and_y_map_both_ways_and_follow_the_scroll(geometry: TimelineGeometry) -> None:
    assert geometry.row_y(0) == HEADER_H and geometry.row_y(2) == HEADER_H + 2 * ROW_H
    assert geometry.row_at(HEADER_H - 1) is None  # the header
    assert geometry.row_at(HEADER_H + 2 * ROW_H + 1) == 2
    assert geometry.row_at(HEADER_H + 6 * ROW_H) is None  # below the last row
    assert geometry.visible_rows(HEADER_H + 3 * ROW_H) == range(0, 4)
    geometry.top = ROW_H + 5
    assert geometry.row_y(1) == HEADER_H - 5
    assert geometry.row_at(HEADER_H) == 1
    assert geometry.visible_rows(HEADER_H + 2 * ROW_H) == range(1, 4)
    assert geometry.rows_between(HEADER_H, HEADER_H + 10, 400) == range(1, 2)


def test_bars_of_exact_and_vague_items(geometry: TimelineGeometry) -> None:
    phase, activity, vague = geometry.bar(0), geometry.bar(1), geometry.bar(3)
    assert phase is not None and activity is not None and vague is not None
    assert (phase.x, phase.right) == (_x(date(2025, 5, 5)), _x(date(2025, 7, 5)))
    assert phase.h > activity.h  # phases are drawn taller
    assert (phase.solid_from, phase.solid_to) == (None, None)  # exact: solid all along
    # a vague item spans its whole periods and is solid from the end of its start month to the start of its end month
    assert (vague.x, vague.right) == (_x(date(2025, 9, 1)), _x(date(2025, 11, 1)))
    assert (vague.solid_from, vague.solid_to) == (_x(date(2025, 10, 1)), _x(date(2025, 10, 1)))
    assert geometry.bar(2) is None and geometry.bar(4) is None  # a marker, an undated item
    assert geometry.anchor(1) == (activity.x, activity.right, HEADER_H + ROW_H + ROW_H / 2)


def test_markers_and_their_periods(geometry: TimelineGeometry) -> None:
    exact, vague = geometry.marker(2), geometry.marker(5)
    assert exact is not None and vague is not None
    assert exact.x == _x(date(2025, 6, 16)) + PPD / 2 and exact.period is None
    assert vague.period == (_x(date(2025, 8, 1)), _x(date(2025, 9, 1)))
    assert geometry.marker(1) is None
    r = geometry.metrics.marker_r
    assert geometry.anchor(2) == (exact.x - r, exact.x + r, exact.y)


def test_hit_test_parts(geometry: TimelineGeometry) -> None:
    bar = geometry.bar(1)
    assert bar is not None
    y = bar.y + bar.h / 2
    assert geometry.hit_test(bar.x + 1, y) == (1, "start")
    assert geometry.hit_test(bar.right - 1, y) == (1, "end")
    assert geometry.hit_test((bar.x + bar.right) / 2, y) == (1, "bar")
    assert geometry.hit_test(bar.right + EDGE_PX + LINK_PX / 2, y) == (1, "link")
    assert geometry.hit_test(bar.right + 40, y) is None
    assert geometry.hit_test(bar.x + 1, HEADER_H - 2) is None
    marker = geometry.marker(2)
    assert marker is not None
    assert geometry.hit_test(marker.x, marker.y) == (2, "marker")
    assert geometry.hit_test(marker.x + geometry.metrics.marker_r + 3 + LINK_PX / 2, marker.y) == (2, "link")
    assert geometry.hit_test(marker.x + 30, marker.y) is None
    assert geometry.hit_test(100, geometry.row_y(4) + 5) is None  # an undated item has nothing to grab


def test_band_and_group_headers_in_the_portfolio() -> None:
    data = TimelineData(None, [_row(1, "activity", "2025-06-02", "2025-06-13")], [PlanBand(1, "Plan", "plan", 0, 1)])
    layout = TimelineLayout(data, portfolio=True)
    geometry = TimelineGeometry(TimeScale(PPD, float(LEFT.toordinal())), layout)
    assert geometry.hit_test(10, HEADER_H + 5) == (0, "band")
    assert geometry.band_bar(0) == (_x(date(2025, 6, 2)), _x(date(2025, 6, 14)))
    assert geometry.anchor(0) is None


def test_larger_rows_grow_markers_and_bars(geometry: TimelineGeometry) -> None:
    small = geometry.bar(1)
    geometry.metrics = RowMetrics(36, 60)
    large = geometry.bar(1)
    assert small is not None and large is not None
    assert large.h > small.h and geometry.metrics.marker_r > 7
    assert geometry.row_y(1) == 60 + 36


def test_weekend_and_holiday_runs_across_years_match_day_by_day() -> None:
    """The chart cuts its shading from whole years; the runs must be those of the days themselves."""
    for first, last in ((date(2024, 12, 20), date(2026, 1, 10)), (date(2025, 6, 7), date(2025, 6, 8)),
                        (date(2025, 12, 31), date(2026, 1, 1)), (date(2025, 3, 4), date(2025, 3, 5))):
        expected: list[tuple[int, int, str]] = []
        for d, what in shaded_days(first, last):
            o = d.toordinal()
            if expected and expected[-1][0] + expected[-1][1] == o and expected[-1][2] == what:
                expected[-1] = (expected[-1][0], expected[-1][1] + 1, what)
            else:
                expected.append((o, 1, what))
        assert shade_runs(first, last) == expected


def test_the_scrollable_days_reach_past_the_items(geometry: TimelineGeometry) -> None:
    lo, hi = geometry.content_range(800)
    assert lo <= date(2025, 5, 5).toordinal() - 60 and hi >= date(2025, 11, 1).toordinal() + 60
