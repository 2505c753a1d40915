"""The organisation's closed days as a person writes them, stored in the file and taken back by undo;
the public holidays named beside them."""

from __future__ import annotations

from datetime import date

import pytest

from app.workdays import (
    CLOSED_DAYS_KIND, ClosedPeriod, closed_periods, file_calendar, period_from_text, public_holidays, set_closed_periods,
)
from app.workspace import Workspace
from db.errors import ReadOnlyStore

JULY = ClosedPeriod(date(2026, 7, 1), date(2026, 7, 31), "Sommarstängt")


@pytest.fixture
def ws(any_ws: Workspace) -> Workspace:
    return any_ws


@pytest.mark.parametrize(("start", "end", "first", "last"), [
    ("2026-07-01", "2026-07-31", date(2026, 7, 1), date(2026, 7, 31)),
    ("juli 2026", "", date(2026, 7, 1), date(2026, 7, 31)),
    ("1 juli 2026", "31/7 2026", date(2026, 7, 1), date(2026, 7, 31)),
    ("v. 28 2026", "v. 31 2026", date(2026, 7, 6), date(2026, 8, 2)),
    ("2026-12-24", "", date(2026, 12, 24), date(2026, 12, 24)),
])
def test_a_period_is_read_from_what_a_person_writes(start: str, end: str, first: date, last: date) -> None:
    assert period_from_text(start, end, "  Stängt ") == ClosedPeriod(first, last, "Stängt")


@pytest.mark.parametrize(("start", "end", "said"), [
    ("", "2026-07-31", "Ange periodens första dag"),
    ("juli", "", "Året saknas i ”juli”"),
    ("2026-07-31", "2026-07-01", "slutar före sin början"),
    ("2026", "2027", "längre än ett år"),
    ("31 februari 2026", "", "februari 2026 har inte 31 dagar"),
])
def test_a_period_that_is_not_one_is_refused_in_swedish(start: str, end: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        period_from_text(start, end)


def test_closed_days_are_stored_and_the_old_ones_kept_for_undo(ws: Workspace) -> None:
    first = set_closed_periods(ws, [JULY])
    assert (first.kind, first.action, first.plan_id, first.old) == (CLOSED_DAYS_KIND, "updated", None, {"periods": []})
    assert closed_periods() == [JULY]
    assert not file_calendar().is_working(date(2026, 7, 15))
    christmas = ClosedPeriod(date(2026, 12, 28), date(2026, 12, 30), "Mellandagar")
    second = set_closed_periods(ws, [christmas, JULY])
    assert second.old == {"periods": [JULY]}
    assert closed_periods() == [JULY, christmas]
    set_closed_periods(ws, second.old["periods"])
    assert closed_periods() == [JULY]
    assert file_calendar().is_working(date(2026, 12, 29))


def test_a_read_only_file_keeps_its_closed_days(tmp_path) -> None:
    path = tmp_path / "delad.uppdrag"
    Workspace.create(path).close()
    ws = Workspace.open(path, read_only=True)
    try:
        with pytest.raises(ReadOnlyStore):
            set_closed_periods(ws, [JULY])
        assert closed_periods() == []
    finally:
        ws.close()


def test_the_public_holidays_are_named_in_date_order_in_either_language() -> None:
    swedish = public_holidays(2026)
    assert swedish[0] == (date(2026, 1, 1), "Nyårsdagen")
    assert (date(2026, 6, 19), "Midsommarafton") in swedish  # a de facto day off
    assert [d for d, _ in swedish] == sorted(d for d, _ in swedish)
    english = public_holidays(2026, language="en")
    assert english[0] == (date(2026, 1, 1), "New Year's Day")
    assert [d for d, _ in english] == [d for d, _ in swedish]
