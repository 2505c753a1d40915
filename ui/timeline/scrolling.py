"""Zoom and scroll of the Gantt chart: the scroll bars over the geometry's scale and rows.

The horizontal bar is a window on the days one can scroll across (`TimelineGeometry.content_range`);
moving it moves the scale's origin, and zooming or fitting moves the bar. The vertical bar is the
rows' scroll offset, which the geometry keeps as `top`.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtWidgets import QScrollBar, QWidget

from ui.timeline.geometry import TimelineGeometry


class ScrollHost(Protocol):
    """The scroll area whose bars and viewport the chart's scrolling drives."""

    def horizontalScrollBar(self) -> QScrollBar: ...  # noqa: N802

    def verticalScrollBar(self) -> QScrollBar: ...  # noqa: N802

    def viewport(self) -> QWidget: ...


class ChartScroll:
    def __init__(self, host: ScrollHost, geometry: TimelineGeometry) -> None:
        self.host, self.geometry = host, geometry
        self.auto_fit = False  # refit on resize until the user zooms or scrolls sideways
        self._syncing = False
        self._h_lo = 0.0  # the day (ordinal) at the horizontal bar's 0
        host.verticalScrollBar().valueChanged.connect(self._v_scrolled)
        host.horizontalScrollBar().valueChanged.connect(self._h_scrolled)

    def _repaint(self) -> None:
        self.host.viewport().update()

    def zoom(self, factor: float, x: float | None = None) -> None:
        """Zoom by `factor` around x (the middle of the chart by default)."""
        if x is None:
            x = self.host.viewport().width() / 2
        if self.geometry.scale.zoom_at(x, factor):
            self.auto_fit = False
            self.update_bars()
            self._repaint()

    def fit_to_data(self) -> None:
        """Every item in view, with room on the right for the last labels (today's half year if none)."""
        span = self.geometry.layout.data.span()
        if span is None:
            self.show_today()
            return
        w = self.host.viewport().width()
        self.geometry.scale.fit(span[0], span[1], w, label_px=min(220.0, w / 4))
        self.auto_fit = True
        self.update_bars()
        self._repaint()

    def set_scale(self, px_per_day: float, first_day: date) -> None:
        """Show `first_day` at the left edge at this zoom."""
        self.auto_fit = False
        self.geometry.scale.px_per_day = px_per_day
        self.geometry.scale.origin = float(first_day.toordinal())
        self.update_bars()
        self._repaint()

    def show_today(self) -> None:
        self.auto_fit = False
        self.geometry.scale.center_on(date.today(), self.host.viewport().width())
        self.update_bars()
        self._repaint()

    def resized(self) -> None:
        if self.auto_fit:
            self.fit_to_data()
        else:
            self.update_bars()

    def ensure_visible(self, display: int) -> None:
        """Scroll the rows so that display row `display` shows whole."""
        v, row_h = self.host.verticalScrollBar(), self.geometry.row_h
        top = display * row_h
        rows_h = max(row_h, self.host.viewport().height() - self.geometry.header_h)
        if top < v.value():
            v.setValue(top)
        elif top + row_h > v.value() + rows_h:
            v.setValue(top + row_h - rows_h)

    def update_bars(self) -> None:
        """Both bars' ranges and steps for the scale, the rows and the viewport's size."""
        g = self.geometry
        self._syncing = True
        try:
            vp = self.host.viewport()
            lo, hi = g.content_range(vp.width())
            ppd = g.scale.px_per_day
            w = vp.width()
            h = self.host.horizontalScrollBar()
            h.setRange(0, max(0, int((hi - lo) * ppd - w)))
            h.setPageStep(max(1, w))
            h.setSingleStep(max(1, int(7 * ppd)))
            h.setValue(int(round((g.scale.origin - lo) * ppd)))
            self._h_lo = lo
            v = self.host.verticalScrollBar()
            rows_h = max(0, vp.height() - g.header_h)
            v.setRange(0, max(0, len(g.layout) * g.row_h - rows_h))
            v.setPageStep(max(g.row_h, rows_h))
            v.setSingleStep(g.row_h)
        finally:
            self._syncing = False

    def _h_scrolled(self, value: int) -> None:
        if self._syncing:
            return
        self.geometry.scale.origin = self._h_lo + value / self.geometry.scale.px_per_day
        self.auto_fit = False
        self._repaint()

    def _v_scrolled(self, value: int) -> None:
        self.geometry.top = value
        self._repaint()
