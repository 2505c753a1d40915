"""The Gantt chart: a custom painter in a QAbstractScrollArea.

No scene items: with uniform rows, the visible rows are found by arithmetic on
the scroll position and only they are painted, whatever the count; between
frames the painted rows are kept as a picture, so a vertical scroll paints only
the rows it uncovers (`ScrollCache`). The chart reads the same `TimelineLayout` as the row table beside it;
the `TimeScale` owns date ↔ x. Edits (drag, resize, keyboard nudge) go through
`UpdateCommand`s, one undo step per drag, and the view repaints when the panel
hands it fresh data after `events.changed`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QContextMenuEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from app.dates import DateParseError, Precision, VagueDate, step_date, unit_days, validate_order
from app.kinds import TIMELINE_KINDS, TIMELINE_STATUSES
from app.timeline import TimelineRow, days_off, shift_date, swedish_holidays
from ui.i18n import kind_label, translate
from ui.timeline.chart import HEADER_H, ROW_H, ChartPainting
from ui.timeline.model import TimelineLayout, format_vague
from ui.timeline.scale import TimeScale
from ui.undo import AddCommand, UpdateCommand, push_safely

EDGE_PX = 5  # how close to a bar's end counts as grabbing that end
LINK_PX = 10  # just past a bar's end (or a marker): the handle a dependency is dragged from
PAD_DAYS = 60  # room to scroll before the first and after the last item
_drag_ids = itertools.count(1)


@dataclass
class _Drag:
    display: int
    item: TimelineRow
    part: str
    press_x: float
    merge_key: str
    last: dict[str, Any] | None = None


class TimelineView(ChartPainting, QAbstractScrollArea):
    open_item_requested = Signal(str, int)  # kind, row id
    band_toggle_requested = Signal(int)  # plan id
    group_toggle_requested = Signal(int)  # a grouped portfolio's group (TimelineLayout.groups)
    current_changed = Signal(int)  # display row, -1 for none
    link_hint = Signal(str)  # what linking by keyboard waits for ("" when not linking)
    geometry_changed = Signal(int, int)  # row height, header height: the font changed them

    def __init__(self, ws: Any, events: Any, stack: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.events, self.stack = ws, events, stack
        self.scale = TimeScale()
        self.layout_rows = TimelineLayout()
        self.band_spans: list[tuple[int, int] | None] = []
        self.deps_of: dict[int, list[int]] = {}
        self.current: int | None = None
        self.rows_painted = 0  # display rows the last paint iterated (for tests)
        self._drag: _Drag | None = None
        self._link_drag: TimelineRow | None = None  # dragging a dependency from this item
        self._link_source: TimelineRow | None = None  # linking by keyboard from this item
        self._syncing = False
        self._auto_fit = False  # refit on resize until the user zooms or scrolls sideways
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        # the chart paints every pixel of the viewport: Qt need not paint the widgets beneath it first
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.horizontalScrollBar().valueChanged.connect(self._h_scrolled)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)
        self.setAccessibleName(translate("Timeline", "Tidslinje"))
        self._init_painting()

    # --- data ----------------------------------------------------------------------

    def set_layout(self, layout: TimelineLayout) -> None:
        self.layout_rows = layout
        self.data_changed()

    def data_changed(self) -> None:
        """The layout's data or shape changed: recompute derived geometry and repaint."""
        self._generation += 1
        data = self.layout_rows.data
        self.band_spans = data.band_spans()
        deps: dict[int, list[int]] = {}
        for i, (a, b) in enumerate(data.dependencies):
            deps.setdefault(a, []).append(i)
            deps.setdefault(b, []).append(i)
        self.deps_of = deps
        if self.current is not None and self.current >= len(self.layout_rows):
            self.current = None
        self._update_scrollbars()
        self.viewport().update()
        self._announce()

    def row_updated(self, data_index: int) -> None:
        """One row was re-read in place (after an edit)."""
        self._generation += 1
        data = self.layout_rows.data
        data.replace_row(data_index, data.rows[data_index])  # refresh the cached spans of its band
        self.band_spans = data.band_spans()
        self._update_scrollbars()
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

    # --- geometry (public: tests and the benchmark use these) -------------------------

    def x_for_date(self, d: date) -> float:
        return self.scale.x_for_date(d)

    def date_for_x(self, x: float) -> date:
        return self.scale.date_for_x(x)

    def row_y(self, display: int) -> int:
        """Top of a display row in viewport coordinates."""
        return self.header_h + display * self.row_h - self.verticalScrollBar().value()

    def row_at(self, y: float) -> int | None:
        if y < self.header_h:
            return None
        r = int((y - self.header_h + self.verticalScrollBar().value()) // self.row_h)
        return r if 0 <= r < len(self.layout_rows) else None

    def visible_rows(self) -> range:
        top = self.verticalScrollBar().value()
        first = max(0, top // self.row_h)
        last = min(len(self.layout_rows), (top + max(0, self.viewport().height() - self.header_h)) // self.row_h + 1)
        return range(first, max(first, last))

    def bar_rect(self, display: int) -> QRectF | None:
        """The bar of an item row (None for markers, band headers and undated items)."""
        row = self.layout_rows.row(display)
        if row is None or row.is_marker:
            return None
        span = row.span()
        if span is None:
            return None
        x0 = self.scale.x_for_ordinal(span[0])
        x1 = self.scale.x_for_ordinal(span[1] + 1)
        y = self.row_y(display)
        inset = self.bar_inset(row.kind)
        return QRectF(x0, y + inset, max(2.0, x1 - x0), self.row_h - 2 * inset)

    def marker_center(self, display: int) -> QPointF | None:
        row = self.layout_rows.row(display)
        if row is None or not row.is_marker or row.start_first is None:
            return None
        return QPointF(self.scale.x_for_ordinal(row.start_first + 0.5), self.row_y(display) + self.row_h / 2)

    def hit_test(self, point: QPoint | QPointF) -> tuple[int, str] | None:
        """(display row, part) under a viewport point; part is bar, start, end, marker or band."""
        r = self.row_at(point.y())
        if r is None:
            return None
        if self.layout_rows.band_at(r) is not None:
            return r, "band"
        if self.layout_rows.group_at(r) is not None:
            return r, "group"
        row = self.layout_rows.row(r)
        assert row is not None
        c = self.marker_center(r)
        if c is not None:
            if abs(point.x() - c.x()) + abs(point.y() - c.y()) <= self.marker_r + 3:
                return r, "marker"
            if 0 < point.x() - (c.x() + self.marker_r + 3) <= LINK_PX and abs(point.y() - c.y()) <= self.marker_r:
                return r, "link"
            return None
        rect = self.bar_rect(r)
        if rect is not None and 0 < point.x() - (rect.right() + EDGE_PX) <= LINK_PX and (
                rect.top() - 3 <= point.y() <= rect.bottom() + 3):
            return r, "link"
        if rect is None or not rect.adjusted(-EDGE_PX, -3, EDGE_PX, 3).contains(QPointF(point)):
            return None
        x = point.x()
        near_start = abs(x - rect.left()) <= EDGE_PX and row.start is not None
        near_end = abs(x - rect.right()) <= EDGE_PX and row.end is not None
        if near_start and near_end:  # a tiny bar: the nearer end wins
            return (r, "start") if abs(x - rect.left()) < abs(x - rect.right()) else (r, "end")
        if near_start:
            return r, "start"
        if near_end:
            return r, "end"
        if rect.left() <= x <= rect.right():
            return r, "bar"
        return None

    def shaded_days(self, first: date, last: date) -> list[tuple[date, str]]:
        """Days first..last shaded in the chart: ("weekend" | "holiday" | "day_off"), holidays winning,
        then the de facto days off (julafton) over weekends."""
        out = []
        d = first
        while d <= last:
            if d in swedish_holidays(d.year):
                out.append((d, "holiday"))
            elif d in days_off(d.year):
                out.append((d, "day_off"))
            elif d.weekday() >= 5:
                out.append((d, "weekend"))
            d += timedelta(days=1)
        return out

    # --- zoom and scroll ---------------------------------------------------------------

    def zoom(self, factor: float, x: float | None = None) -> None:
        if x is None:
            x = self.viewport().width() / 2
        if self.scale.zoom_at(x, factor):
            self._auto_fit = False
            self._update_scrollbars()
            self.viewport().update()

    def fit_to_data(self) -> None:
        span = self.layout_rows.data.span()
        if span is None:
            self.show_today()
            return
        w = self.viewport().width()
        self.scale.fit(span[0], span[1], w, label_px=min(220.0, w / 4))
        self._auto_fit = True
        self._update_scrollbars()
        self.viewport().update()

    def set_scale(self, px_per_day: float, first_day: date) -> None:
        """Show `first_day` at the left edge at this zoom."""
        self._auto_fit = False
        self.scale.px_per_day = px_per_day
        self.scale.origin = float(first_day.toordinal())
        self._update_scrollbars()
        self.viewport().update()

    def show_today(self) -> None:
        self._auto_fit = False
        self.scale.center_on(date.today(), self.viewport().width())
        self._update_scrollbars()
        self.viewport().update()

    def _content_range(self) -> tuple[float, float]:
        span = self.layout_rows.data.span()
        today = date.today().toordinal()
        lo, hi = (today - 180, today + 180) if span is None else (span[0], span[1] + 1)
        lo, hi = lo - PAD_DAYS, hi + PAD_DAYS
        visible = self.viewport().width() / self.scale.px_per_day
        return min(lo, self.scale.origin), max(hi, self.scale.origin + visible)

    def _update_scrollbars(self) -> None:
        self._syncing = True
        try:
            lo, hi = self._content_range()
            ppd = self.scale.px_per_day
            w = self.viewport().width()
            h = self.horizontalScrollBar()
            h.setRange(0, max(0, int((hi - lo) * ppd - w)))
            h.setPageStep(max(1, w))
            h.setSingleStep(max(1, int(7 * ppd)))
            h.setValue(int(round((self.scale.origin - lo) * ppd)))
            self._h_lo = lo
            v = self.verticalScrollBar()
            rows_h = max(0, self.viewport().height() - self.header_h)
            v.setRange(0, max(0, len(self.layout_rows) * self.row_h - rows_h))
            v.setPageStep(max(self.row_h, rows_h))
            v.setSingleStep(self.row_h)
        finally:
            self._syncing = False

    def _h_scrolled(self, value: int) -> None:
        if self._syncing:
            return
        self.scale.origin = self._h_lo + value / self.scale.px_per_day
        self._auto_fit = False
        self.viewport().update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        # the application's (system's) font size too; not before __init__ has measured the first font
        if event.type() == QEvent.Type.FontChange and hasattr(self, "row_h"):
            before = (self.row_h, self.header_h)
            self._measure_font()
            self._update_scrollbars()
            self.viewport().update()
            if (self.row_h, self.header_h) != before:
                self.geometry_changed.emit(self.row_h, self.header_h)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit_to_data()
        else:
            self._update_scrollbars()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom(1.25 ** steps, event.position().x())
            event.accept()
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().y():
            h = self.horizontalScrollBar()
            h.setValue(h.value() - int(event.angleDelta().y() / 120 * h.singleStep() * 3))
            event.accept()
            return
        super().wheelEvent(event)

    # --- selection -------------------------------------------------------------------

    def set_current(self, display: int | None, *, notify: bool = True) -> None:
        if display is not None and not 0 <= display < len(self.layout_rows):
            display = None
        if display == self.current:
            return
        self.current = display
        if display is not None:
            self.ensure_visible(display)
        self.viewport().update()
        self._announce()
        if notify:
            self.current_changed.emit(-1 if display is None else display)

    def ensure_visible(self, display: int) -> None:
        v = self.verticalScrollBar()
        top = display * self.row_h
        rows_h = max(self.row_h, self.viewport().height() - self.header_h)
        if top < v.value():
            v.setValue(top)
        elif top + self.row_h > v.value() + rows_h:
            v.setValue(top + self.row_h - rows_h)

    def _step_current(self, step: int) -> bool:
        """Select the next/previous item row (band headers are skipped); False at the end."""
        n = len(self.layout_rows)
        r = (-1 if step > 0 else n) if self.current is None else self.current
        r += step
        while 0 <= r < n and self.layout_rows.row(r) is None:
            r += step
        if not 0 <= r < n:
            return False
        self.set_current(r)
        return True

    # --- editing ---------------------------------------------------------------------

    def _values_for(self, row: TimelineRow, part: str, move: Callable[[VagueDate, str], VagueDate]
                    ) -> dict[str, Any] | None:
        """New start/end for moving `part` of `row`; `move(date, anchor)` moves one side."""
        start, end = row.start_date(), row.end_date()
        values: dict[str, Any] = {}
        try:
            if part in ("bar", "marker"):
                if start is not None:
                    values["start"] = move(start, "first")
                if end is not None and (part == "bar" or start is None):
                    values["end"] = move(end, "last")
            elif part == "start" and start is not None:
                values["start"] = move(start, "first")
            elif part == "end" and end is not None:
                values["end"] = move(end, "last")
        except ValueError:  # moved out of the years a plan can have
            return None
        values = {k: v for k, v in values.items() if v != (start if k == "start" else end)}
        if not values:
            return None
        try:
            validate_order(values.get("start", start), values.get("end", end))
        except DateParseError:
            return None
        return values

    def _apply(self, row: TimelineRow, values: dict[str, Any], merge_key: str | None) -> bool:
        cmd = UpdateCommand(self.ws, self.events, "timeline", row.id, values, merge_key=merge_key)
        return push_safely(self.stack, cmd, self.events)

    def nudge(self, days: int) -> bool:
        """Move the current item (keyboard: Left/Right, Shift for weeks): a day by `days`, a vague
        date by one of its own periods in that direction, so it keeps its precision."""
        if self.current is None:
            return False
        row = self.layout_rows.row(self.current)
        if row is None:
            return False

        def move(v: VagueDate, anchor: str) -> VagueDate:
            if v.precision is Precision.DAY:
                return shift_date(v, days=days)
            return step_date(v, 1 if days > 0 else -1)

        values = self._values_for(row, "marker" if row.is_marker else "bar", move)
        if values is None:
            return False
        return self._apply(row, values, None)

    def _drag_values(self, drag: _Drag, x: float, exact: bool = False) -> dict[str, Any] | None:
        """A vague date moves by whole periods of its own kind and keeps its precision (a quarter by
        quarters, a week by weeks); with `exact` (Alt held) it is made a day and moves by days."""
        days = round((x - drag.press_x) / self.scale.px_per_day)

        def move(v: VagueDate, anchor: str) -> VagueDate:
            if exact or v.precision is Precision.DAY:
                return shift_date(v, days=days, anchor=anchor)
            return step_date(v, round(days / unit_days(v)))

        return self._values_for(drag.item, drag.part, move)

    # --- linking ------------------------------------------------------------------------

    def start_link(self) -> bool:
        """Keyboard linking: the current item waits to be linked; arrow keys pick the successor,
        Return links (one undo step), Escape gives up."""
        row = None if self.current is None else self.layout_rows.row(self.current)
        if row is None or getattr(self.ws, "read_only", False):
            return False
        self._link_source = row
        self.link_hint.emit(translate("Timeline", "Länka ”%1” till… välj efterföljare med pil upp/ned och tryck "
                                                  "Retur (Esc avbryter)").replace("%1", row.title))
        return True

    def link(self, predecessor: int, successor: int) -> bool:
        """A finish-to-start dependency between two items, one undo step (a cycle is refused in Swedish)."""
        command = AddCommand(self.ws, self.events, "dependency", None,
                             {"predecessor": predecessor, "successor": successor},
                             translate("Undo", "Lägg till beroende"))
        return push_safely(self.stack, command, self.events)

    # --- mouse and keys -----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position()
        r = self.row_at(pos.y())
        if r is not None:
            band = self.layout_rows.band_at(r)
            if band is not None:
                self.band_toggle_requested.emit(self.layout_rows.data.bands[band].plan_id)
                return
            group = self.layout_rows.group_at(r)
            if group is not None:
                self.group_toggle_requested.emit(group)
                return
            self.set_current(r)
        hit = self.hit_test(pos)
        if hit is not None and hit[1] == "link" and not getattr(self.ws, "read_only", False):
            self._link_drag = self.layout_rows.row(hit[0])
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            event.accept()
            return
        if hit is not None and hit[1] != "band" and not getattr(self.ws, "read_only", False):
            row = self.layout_rows.row(hit[0])
            assert row is not None
            self._drag = _Drag(hit[0], row, hit[1], pos.x(), f"timeline-drag-{next(_drag_ids)}")
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        drag = self._drag
        if self._link_drag is not None:
            event.accept()
            return
        if drag is None:
            hit = self.hit_test(pos)
            part = hit[1] if hit else None
            cursor = {
                "start": Qt.CursorShape.SizeHorCursor,
                "end": Qt.CursorShape.SizeHorCursor,
                "bar": Qt.CursorShape.SizeAllCursor,
                "marker": Qt.CursorShape.SizeAllCursor,
                "band": Qt.CursorShape.PointingHandCursor,
                "group": Qt.CursorShape.PointingHandCursor,
                "link": Qt.CursorShape.CrossCursor,
            }.get(part or "", Qt.CursorShape.ArrowCursor)
            self.viewport().setCursor(cursor)
            return
        exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        values = self._drag_values(drag, pos.x(), exact)
        if values is None:
            if drag.last is None:
                return
            values = {k: getattr(drag.item, "start_date" if k == "start" else "end_date")() for k in drag.last}
        if values == drag.last or (drag.last is None and values == {
            k: getattr(drag.item, "start_date" if k == "start" else "end_date")() for k in values
        }):
            return
        if self._apply(drag.item, values, drag.merge_key):
            drag.last = values
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._link_drag is not None and event.button() == Qt.MouseButton.LeftButton:
            source, self._link_drag = self._link_drag, None
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            hit = self.hit_test(event.position())
            target = self.layout_rows.row(hit[0]) if hit is not None and hit[1] != "band" else None
            if source is not None and target is not None and target.id != source.id:
                self.link(source.id, target.id)
            event.accept()
            return
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        r = self.row_at(event.position().y())
        if r is not None:
            row = self.layout_rows.row(r)
            if row is not None:
                self.open_item_requested.emit("timeline", row.id)
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        from ui.timeline.item_menu import show_item_menu

        if show_item_menu(self, event):
            event.accept()
        else:
            event.ignore()

    def event(self, event: QEvent) -> bool:
        # Tab / Shift+Tab walk the items; at either end they move focus on as usual.
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier  # type: ignore[attr-defined]
            ):
                if self._step_current(1 if key == Qt.Key.Key_Tab else -1):
                    return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if self._link_source is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            source, self._link_source = self._link_source, None
            self.link_hint.emit("")
            target = None if self.current is None else self.layout_rows.row(self.current)
            if key != Qt.Key.Key_Escape and target is not None and target.id != source.id:
                self.link(source.id, target.id)
            event.accept()
            return
        if key == Qt.Key.Key_L and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.start_link()
        elif key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and shift):  # the keyboard's context menu
            self.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0)))
        elif key == Qt.Key.Key_Down:
            self._step_current(1)
        elif key == Qt.Key.Key_Up:
            self._step_current(-1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 7 if shift else 1
            self.nudge(step if key == Qt.Key.Key_Right else -step)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = None if self.current is None else self.layout_rows.row(self.current)
            if row is not None:
                self.open_item_requested.emit("timeline", row.id)
            elif self.current is not None:
                band = self.layout_rows.band_at(self.current)
                group = self.layout_rows.group_at(self.current)
                if band is not None:
                    self.band_toggle_requested.emit(self.layout_rows.data.bands[band].plan_id)
                elif group is not None:
                    self.group_toggle_requested.emit(group)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.5)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


__all__ = ["HEADER_H", "ROW_H", "TimelineView", "VagueDate"]
