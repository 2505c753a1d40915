"""Hypothesis strategies for vague dates of every precision."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from app.dates import PARTS, SEASONS, Precision, VagueDate

_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2198, 12, 31))


def _containing(d: date, p: Precision) -> VagueDate:
    """The period of precision `p` that day `d` falls in (the turn of the year nearest to it)."""
    third = lambda n, size: min((n - 1) // size + 1, len(PARTS))  # noqa: E731
    return {
        Precision.DAY: lambda: VagueDate(d, p),
        Precision.WEEK: lambda: VagueDate.week(*d.isocalendar()[:2]),
        Precision.MONTH_PART: lambda: VagueDate.month_part(d.year, d.month, third(d.day, 10)),
        Precision.MONTH: lambda: VagueDate.month(d.year, d.month),
        Precision.QUARTER: lambda: VagueDate.quarter(d.year, (d.month - 1) // 3 + 1),
        Precision.TERTIAL: lambda: VagueDate.tertial(d.year, (d.month - 1) // 4 + 1),
        Precision.HALF: lambda: VagueDate.half(d.year, (d.month - 1) // 6 + 1),
        Precision.SEASON: lambda: VagueDate.season(
            d.year, next(i for i, (_, first, last) in enumerate(SEASONS) if first <= d.month <= last)),
        Precision.YEAR_PART: lambda: VagueDate.year_part(d.year, (d.month - 1) // 4 + 1),
        Precision.YEAR: lambda: VagueDate.year(d.year),
        Precision.TURN: lambda: VagueDate.turn(d.year),
    }[p]()


@st.composite
def vague_dates(draw, precision=st.sampled_from(list(Precision))) -> VagueDate:
    return _containing(draw(_days), draw(precision))
