"""Date ↔ x for the timeline, zoom around a point, and the header's ticks.

The scale is plain arithmetic on day ordinals: `origin` is the (fractional)
day at x = 0 and `px_per_day` the zoom. It knows nothing of widgets, so the
chart, the exports and the tests all share one mapping.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from app.timeline import add_months
from ui.i18n import month_name, translate

MIN_PX_PER_DAY = 0.05  # about 18 px per year
MAX_PX_PER_DAY = 80.0  # a day wide enough for its number and more


@dataclass(frozen=True)
class Tick:
    start: date  # first day of the unit
    end: date  # first day after it
    label: str


class TimeScale:
    def __init__(self, px_per_day: float = 3.0, origin: float | None = None):
        self.px_per_day = px_per_day
        self.origin = float(date.today().toordinal() if origin is None else origin)

    # --- mapping -------------------------------------------------------------

    def x_for_ordinal(self, ordinal: float) -> float:
        return (ordinal - self.origin) * self.px_per_day

    def x_for_date(self, d: date) -> float:
        """x of the start (left edge) of day `d`."""
        return (d.toordinal() - self.origin) * self.px_per_day

    def ordinal_at(self, x: float) -> float:
        return self.origin + x / self.px_per_day

    def date_for_x(self, x: float) -> date:
        """The day whose column contains x."""
        return date.fromordinal(int(math.floor(self.ordinal_at(x))))

    # --- zoom ----------------------------------------------------------------

    def zoom_at(self, x: float, factor: float) -> bool:
        """Zoom by `factor` keeping the moment under x where it is; False if already at a limit."""
        new = min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, self.px_per_day * factor))
        if new == self.px_per_day:
            return False
        at = self.ordinal_at(x)
        self.px_per_day = new
        self.origin = at - x / new
        return True

    def fit(self, first: int, last: int, width: float, margin_px: float = 24.0, label_px: float = 0.0) -> None:
        """Show days first..last (ordinals, inclusive) in `width` pixels, with room for labels on the right."""
        days = max(1, last + 1 - first)
        usable = max(50.0, width - 2 * margin_px - label_px)
        self.px_per_day = min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, usable / days))
        self.origin = first - margin_px / self.px_per_day

    def center_on(self, d: date, width: float) -> None:
        self.origin = d.toordinal() + 0.5 - width / 2 / self.px_per_day

    # --- header ----------------------------------------------------------------

    def units(self) -> tuple[str, str]:
        """(upper, lower) header units for the current zoom."""
        p = self.px_per_day
        if p >= 18:
            return "month", "day"
        if p >= 5:
            return "month", "week"
        if p >= 1.0:
            return "year", "month"
        if p >= 0.3:
            return "year", "quarter"
        return "year", "year"

    def header_ticks(self, first: date, last: date) -> tuple[list[Tick], list[Tick]]:
        """Ticks covering first..last: the upper and the lower header row."""
        upper, lower = self.units()
        lower_ticks = ticks(lower, first, last, self.px_per_day)
        upper_ticks = [] if upper == lower else ticks(upper, first, last, self.px_per_day)
        return upper_ticks, lower_ticks


def _unit_start(unit: str, d: date) -> date:
    if unit == "day":
        return d
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    if unit == "quarter":
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    return date(d.year, 1, 1)


def _next(unit: str, d: date) -> date:
    if unit == "day":
        return d + timedelta(days=1)
    if unit == "week":
        return d + timedelta(days=7)
    if unit == "month":
        return add_months(d, 1)
    if unit == "quarter":
        return add_months(d, 3)
    return date(d.year + 1, 1, 1)


def label(unit: str, d: date, px_per_day: float, *, with_year: bool = False) -> str:
    if unit == "day":
        return str(d.day)
    if unit == "week":
        return translate("Timeline", "v. %1").replace("%1", str(d.isocalendar().week))
    if unit == "month":
        wide = px_per_day * 30 >= 70
        name = month_name(d.month, short=not wide)
        name = name[:1].upper() + name[1:]  # a heading of its own, not a word in a sentence
        return f"{name} {d.year}" if with_year else name
    if unit == "quarter":
        return f"Q{(d.month - 1) // 3 + 1}"
    return str(d.year)


def ticks(unit: str, first: date, last: date, px_per_day: float) -> list[Tick]:
    """Whole units that overlap first..last, each with its label in the current language."""
    out: list[Tick] = []
    d = _unit_start(unit, first)
    upper = unit == "month" and px_per_day >= 5  # months above weeks/days carry the year
    while d <= last:
        n = _next(unit, d)
        out.append(Tick(d, n, label(unit, d, px_per_day, with_year=upper)))
        d = n
    return out
