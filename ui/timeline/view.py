"""The Gantt chart: a custom painter in a QAbstractScrollArea, composed of parts.

No scene items: with uniform rows, the visible rows are found by arithmetic on
the scroll position and only they are painted, whatever the count. The view
wires four parts together: `TimelineGeometry` places things (the `TimeScale`
owns date ↔ x, the `TimelineLayout` shared with the row table beside it gives the
rows), `ChartPainter` draws them (keeping the painted rows as a picture between
frames, so a vertical scroll paints only the rows it uncovers), `ChartScroll`
ties the scroll bars to the scale and the rows, and `TimelineController` turns
mouse and keys into selection and edits (`UpdateCommand`s, one undo step per
drag). The view repaints when the panel hands it fresh data after `events.changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QContextMenuEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from app.dates import VagueDate
from app.kinds import TIMELINE_KINDS, TIMELINE_STATUSES
from ui.i18n import kind_label, translate
from ui.timeline.chart import ChartPainter
from ui.timeline.controller import TimelineController
from ui.timeline.geometry import HEADER_H, ROW_H, TimelineGeometry
from ui.timeline.model import TimelineLayout, format_vague
from ui.timeline.scrollcache import ScrollCache
from ui.timeline.scrolling import ChartScroll


def _item_menu(view: TimelineView, event: QContextMenuEvent) -> bool:
    from ui.timeline.item_menu import show_item_menu  # only when a menu is asked for: not at start-up

    return show_item_menu(view, event)


class TimelineView(QAbstractScrollArea):
    open_item_requested = Signal(str, int)  # kind, row id
    band_toggle_requested = Signal(int)  # plan id
    group_toggle_requested = Signal(int)  # a grouped portfolio's group (TimelineLayout.groups)
    current_changed = Signal(int)  # display row, -1 for none
    link_hint = Signal(str)  # what linking by keyboard waits for ("" when not linking)
    geometry_changed = Signal(int, int)  # row height, header height: the font changed them
    # the viewport's input events and the controller's handler of each (none while __init__ runs)
    _viewport_events: dict[QEvent.Type, Callable[[Any], bool]] = {}

    def __init__(self, ws: Any, events: Any, stack: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.events, self.stack = ws, events, stack
        self.chart_geometry = TimelineGeometry()
        self.scale = self.chart_geometry.scale  # the one scale, for the panel, the exports and tests
        self.layout_rows = self.chart_geometry.layout
        self.current: int | None = None
        self.scrolling = ChartScroll(self, self.chart_geometry)
        self.painter = ChartPainter(self, self.chart_geometry, self.font())
        self.controller = TimelineController(self, partial(_item_menu, self))
        for mine, its in ((self.open_item_requested, self.controller.open_item_requested),
                          (self.band_toggle_requested, self.controller.band_toggle_requested),
                          (self.group_toggle_requested, self.controller.group_toggle_requested),
                          (self.link_hint, self.controller.link_hint)):
            its.connect(mine)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        # the chart paints every pixel of the viewport: Qt need not paint the widgets beneath it first
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(translate("Timeline", "Tidslinje"))
        self._viewport_events = {
            QEvent.Type.MouseButtonPress: self.controller.mouse_press,
            QEvent.Type.MouseMove: self.controller.mouse_move,
            QEvent.Type.MouseButtonRelease: self.controller.mouse_release,
            QEvent.Type.MouseButtonDblClick: self.controller.double_click,
            QEvent.Type.Wheel: self.controller.wheel,
            QEvent.Type.ContextMenu: self.controller.context_menu,
        }

    # --- data ----------------------------------------------------------------------

    def set_layout(self, layout: TimelineLayout) -> None:
        self.layout_rows = self.chart_geometry.layout = layout
        self.data_changed()

    def data_changed(self) -> None:
        """The layout's data or shape changed: recompute derived geometry and repaint."""
        self.painter.rows_changed()
        self.chart_geometry.refresh()
        if self.current is not None and self.current >= len(self.layout_rows):
            self.current = None
        self.scrolling.update_bars()
        self.viewport().update()
        self._announce()

    def row_updated(self, data_index: int) -> None:
        """One row was re-read in place (after an edit)."""
        self.painter.rows_changed()
        data = self.layout_rows.data
        data.replace_row(data_index, data.rows[data_index])  # refresh the cached spans of its band
        self.chart_geometry.band_spans = data.band_spans()
        self.scrolling.update_bars()
        self.viewport().update()
        self._announce()

    def describe(self, display: int | None) -> str:
        """A row as a screen reader reads it: kind, code and title, dates, status."""
        row = None if display is None else self.layout_rows.row(display)
        if row is None:
            return ""
        start, end = format_vague(row.start, row.start_precision), format_vague(row.end, row.end_precision)
        dates = f"{start} – {end}" if start and end and start != end else start or end or translate(
            "Timeline", "inget datum")
        title = f"{row.code} {row.title}".strip()
        return translate("Timeline", "%1 %2: %3, status %4").replace(
            "%1", kind_label(TIMELINE_KINDS.get(row.kind, row.kind))).replace("%2", title).replace(
            "%3", dates).replace("%4", kind_label(TIMELINE_STATUSES.get(row.status, row.status)).lower())

    def _announce(self) -> None:
        """The current item (or its new dates) as the chart's accessible description, and tell the reader."""
        text = self.describe(self.current)
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))

    def set_current(self, display: int | None, *, notify: bool = True) -> None:
        if display is not None and not 0 <= display < len(self.layout_rows):
            display = None
        if display == self.current:
            return
        self.current = display
        if display is not None:
            self.scrolling.ensure_visible(display)
        self.viewport().update()
        self._announce()
        if notify:
            self.current_changed.emit(-1 if display is None else display)

    # --- geometry in viewport coordinates (public: tests, the item menu and the benchmark use these) ---

    @property
    def row_h(self) -> int:
        return self.chart_geometry.row_h

    @property
    def header_h(self) -> int:
        return self.chart_geometry.header_h

    @property
    def rows_painted(self) -> int:
        """Display rows the last paint iterated (for tests and the benchmark)."""
        return self.painter.rows_painted

    @property
    def rows_cache(self) -> ScrollCache:
        return self.painter.rows_cache

    def x_for_date(self, d: Any) -> float:
        return self.scale.x_for_date(d)

    def row_y(self, display: int) -> int:
        """Top of a display row in viewport coordinates."""
        return self.chart_geometry.row_y(display)

    def row_at(self, y: float) -> int | None:
        return self.chart_geometry.row_at(y)

    def visible_rows(self) -> range:
        return self.chart_geometry.visible_rows(self.viewport().height())

    def bar_rect(self, display: int) -> QRectF | None:
        """The bar of an item row (None for markers, band headers and undated items)."""
        bar = self.chart_geometry.bar(display)
        return None if bar is None else QRectF(bar.x, bar.y, bar.w, bar.h)

    def marker_center(self, display: int) -> QPointF | None:
        marker = self.chart_geometry.marker(display)
        return None if marker is None else QPointF(marker.x, marker.y)

    def hit_test(self, point: QPoint | QPointF) -> tuple[int, str] | None:
        """(display row, part) under a viewport point; part is bar, start, end, marker, link, band or group."""
        return self.chart_geometry.hit_test(point.x(), point.y())

    # --- Qt's events: painting to the painter, input to the controller ------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self.painter.paint_event()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        handler = self._viewport_events.get(event.type())
        if handler is not None and handler(event):
            return True
        return super().viewportEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self.controller.tab(event):
            return True
        if (event.type() == QEvent.Type.ContextMenu
                and event.reason() == QContextMenuEvent.Reason.Keyboard):  # type: ignore[attr-defined]
            return self.controller.context_menu(event)  # type: ignore[arg-type]
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.controller.key_press(event):
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        # the application's (system's) font size too; not before __init__ has made the painter
        if event.type() == QEvent.Type.FontChange and hasattr(self, "painter"):
            before = (self.row_h, self.header_h)
            self.painter.measure(self.font())
            self.scrolling.update_bars()
            self.viewport().update()
            if (self.row_h, self.header_h) != before:
                self.geometry_changed.emit(self.row_h, self.header_h)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.scrolling.resized()


__all__ = ["HEADER_H", "ROW_H", "TimelineView", "VagueDate"]
