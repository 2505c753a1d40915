"""What the mouse and the keyboard do on the Gantt chart: select, move and resize items, link them.

A drag moves a bar, a marker or one end of a bar; every step of it is an `UpdateCommand` with the
drag's own merge key, so the whole drag is one undo step. Left/Right nudge the current item (a day,
Shift a week; a vague date by one of its own periods), L starts linking it to the item then chosen
with Up/Down and Return, and dragging from just past a bar's end links it to the item it is dropped on.
The controller finds things through the view's `TimelineGeometry` and tells the view what to open or
fold through its signals.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QScrollBar, QWidget

from app.dates import DateParseError, Precision, VagueDate, step_date, unit_days, validate_order
from app.timeline import TimelineRow, shift_date
from ui.i18n import translate
from ui.timeline.geometry import TimelineGeometry
from ui.timeline.scrolling import ChartScroll
from ui.undo import AddCommand, UpdateCommand, push_safely

_drag_ids = itertools.count(1)
_CURSORS = {
    "start": Qt.CursorShape.SizeHorCursor,
    "end": Qt.CursorShape.SizeHorCursor,
    "bar": Qt.CursorShape.SizeAllCursor,
    "marker": Qt.CursorShape.SizeAllCursor,
    "band": Qt.CursorShape.PointingHandCursor,
    "group": Qt.CursorShape.PointingHandCursor,
    "link": Qt.CursorShape.CrossCursor,
}


@dataclass
class _Drag:
    display: int
    item: TimelineRow
    part: str
    press_x: float
    merge_key: str
    last: dict[str, Any] | None = None


class ControllerHost(Protocol):
    """The chart view as the controller uses it."""

    ws: Any
    events: Any
    stack: Any
    chart_geometry: TimelineGeometry
    scrolling: ChartScroll

    @property
    def current(self) -> int | None: ...

    def set_current(self, display: int | None, *, notify: bool = True) -> None: ...

    def viewport(self) -> QWidget: ...

    def horizontalScrollBar(self) -> QScrollBar: ...  # noqa: N802

    def setFocus(self, reason: Qt.FocusReason) -> None: ...  # noqa: N802


class TimelineController(QObject):
    open_item_requested = Signal(str, int)  # kind, row id
    band_toggle_requested = Signal(int)  # plan id
    group_toggle_requested = Signal(int)  # a grouped portfolio's group (TimelineLayout.groups)
    link_hint = Signal(str)  # what linking by keyboard waits for ("" when not linking)

    def __init__(self, host: ControllerHost, menu: Callable[[QContextMenuEvent], bool]) -> None:
        super().__init__()
        self.host = host
        self._menu = menu  # opens the item menu for a context-menu event; False where there is no item
        self._drag: _Drag | None = None
        self._link_drag: TimelineRow | None = None  # dragging a dependency from this item
        self._link_source: TimelineRow | None = None  # linking by keyboard from this item

    def _writable(self) -> bool:
        return not getattr(self.host.ws, "read_only", False)

    def _current_row(self) -> TimelineRow | None:
        current = self.host.current
        return None if current is None else self.host.chart_geometry.layout.row(current)

    # --- editing ---------------------------------------------------------------------

    @staticmethod
    def values_for(row: TimelineRow, part: str, move: Callable[[VagueDate, str], VagueDate]) -> dict[str, Any] | None:
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
        host = self.host
        cmd = UpdateCommand(host.ws, host.events, "timeline", row.id, values, merge_key=merge_key)
        return push_safely(host.stack, cmd, host.events)

    def nudge(self, days: int) -> bool:
        """Move the current item (keyboard: Left/Right, Shift for weeks): a day by `days`, a vague
        date by one of its own periods in that direction, so it keeps its precision."""
        row = self._current_row()
        if row is None:
            return False

        def move(v: VagueDate, anchor: str) -> VagueDate:
            if v.precision is Precision.DAY:
                return shift_date(v, days=days)
            return step_date(v, 1 if days > 0 else -1)

        values = self.values_for(row, "marker" if row.is_marker else "bar", move)
        if values is None:
            return False
        return self._apply(row, values, None)

    def _drag_values(self, drag: _Drag, x: float, exact: bool = False) -> dict[str, Any] | None:
        """A vague date moves by whole periods of its own kind and keeps its precision (a quarter by
        quarters, a week by weeks); with `exact` (Alt held) it is made a day and moves by days."""
        days = round((x - drag.press_x) / self.host.chart_geometry.scale.px_per_day)

        def move(v: VagueDate, anchor: str) -> VagueDate:
            if exact or v.precision is Precision.DAY:
                return shift_date(v, days=days, anchor=anchor)
            return step_date(v, round(days / unit_days(v)))

        return self.values_for(drag.item, drag.part, move)

    # --- linking ------------------------------------------------------------------------

    def start_link(self) -> bool:
        """Keyboard linking: the current item waits to be linked; arrow keys pick the successor,
        Return links (one undo step), Escape gives up."""
        row = self._current_row()
        if row is None or not self._writable():
            return False
        self._link_source = row
        self.link_hint.emit(translate("Timeline", "Länka ”%1” till… välj efterföljare med pil upp/ned och tryck "
                                                  "Retur (Esc avbryter)").replace("%1", row.title))
        return True

    def link(self, predecessor: int, successor: int) -> bool:
        """A finish-to-start dependency between two items, one undo step (a cycle is refused in Swedish)."""
        host = self.host
        command = AddCommand(host.ws, host.events, "dependency", None,
                             {"predecessor": predecessor, "successor": successor},
                             translate("Undo", "Lägg till beroende"))
        return push_safely(host.stack, command, host.events)

    # --- the mouse ------------------------------------------------------------------------

    def mouse_press(self, event: QMouseEvent) -> bool:
        """A press on a band or group header folds it; on an item selects it and starts a drag (or a
        link from its handle). False: not handled here (not the left button)."""
        host, layout = self.host, self.host.chart_geometry.layout
        host.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.position()
        r = host.chart_geometry.row_at(pos.y())
        if r is not None:
            band = layout.band_at(r)
            if band is not None:
                self.band_toggle_requested.emit(layout.data.bands[band].plan_id)
                return True
            group = layout.group_at(r)
            if group is not None:
                self.group_toggle_requested.emit(group)
                return True
            host.set_current(r)
        hit = host.chart_geometry.hit_test(pos.x(), pos.y())
        if hit is not None and hit[1] == "link" and self._writable():
            self._link_drag = layout.row(hit[0])
            host.viewport().setCursor(Qt.CursorShape.CrossCursor)
            event.accept()
            return True
        if hit is not None and hit[1] != "band" and self._writable():
            row = layout.row(hit[0])
            assert row is not None
            self._drag = _Drag(hit[0], row, hit[1], pos.x(), f"timeline-drag-{next(_drag_ids)}")
        event.accept()
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        """Hovering shows what a press would grab; dragging moves the item, one undo step in all."""
        pos = event.position()
        drag = self._drag
        if self._link_drag is not None:
            event.accept()
            return True
        if drag is None:
            hit = self.host.chart_geometry.hit_test(pos.x(), pos.y())
            self.host.viewport().setCursor(_CURSORS.get(hit[1] if hit else "", Qt.CursorShape.ArrowCursor))
            return True
        exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        values = self._drag_values(drag, pos.x(), exact)
        if values is None:
            if drag.last is None:
                return True
            values = {k: getattr(drag.item, "start_date" if k == "start" else "end_date")() for k in drag.last}
        if values == drag.last or (drag.last is None and values == {
            k: getattr(drag.item, "start_date" if k == "start" else "end_date")() for k in values
        }):
            return True
        if self._apply(drag.item, values, drag.merge_key):
            drag.last = values
        event.accept()
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        """The end of a drag, or of a link dragged from an item to the one under the mouse."""
        if self._link_drag is not None and event.button() == Qt.MouseButton.LeftButton:
            source, self._link_drag = self._link_drag, None
            self.host.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            pos = event.position()
            hit = self.host.chart_geometry.hit_test(pos.x(), pos.y())
            target = self.host.chart_geometry.layout.row(hit[0]) if hit is not None and hit[1] != "band" else None
            if source is not None and target is not None and target.id != source.id:
                self.link(source.id, target.id)
            event.accept()
            return True
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag = None
            event.accept()
            return True
        return False

    def double_click(self, event: QMouseEvent) -> bool:
        r = self.host.chart_geometry.row_at(event.position().y())
        if r is not None:
            row = self.host.chart_geometry.layout.row(r)
            if row is not None:
                self.open_item_requested.emit("timeline", row.id)
        event.accept()
        return True

    def wheel(self, event: QWheelEvent) -> bool:
        """Ctrl+wheel zooms around the mouse, Shift+wheel scrolls sideways; False: the usual scroll."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.host.scrolling.zoom(1.25 ** steps, event.position().x())
            event.accept()
            return True
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().y():
            h = self.host.horizontalScrollBar()
            h.setValue(h.value() - int(event.angleDelta().y() / 120 * h.singleStep() * 3))
            event.accept()
            return True
        return False

    def context_menu(self, event: QContextMenuEvent) -> bool:
        if self._menu(event):
            event.accept()
        else:
            event.ignore()
        return True

    # --- the keyboard -----------------------------------------------------------------------

    def step_current(self, step: int) -> bool:
        """Select the next/previous item row (band headers are skipped); False at the end."""
        layout = self.host.chart_geometry.layout
        n = len(layout)
        current = self.host.current
        r = (-1 if step > 0 else n) if current is None else current
        r += step
        while 0 <= r < n and layout.row(r) is None:
            r += step
        if not 0 <= r < n:
            return False
        self.host.set_current(r)
        return True

    def tab(self, event: QEvent) -> bool:
        """Tab / Shift+Tab walk the items; at either end (False) they move focus on as usual."""
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier  # type: ignore[attr-defined]
        ):
            return self.step_current(1 if key == Qt.Key.Key_Tab else -1)
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        """The chart's keys (see the module's text); False for a key it leaves to the scroll area."""
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if self._link_source is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            source, self._link_source = self._link_source, None
            self.link_hint.emit("")
            target = self._current_row()
            if key != Qt.Key.Key_Escape and target is not None and target.id != source.id:
                self.link(source.id, target.id)
        elif key == Qt.Key.Key_L and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.start_link()
        elif key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and shift):  # the keyboard's context menu
            self.context_menu(QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0)))
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step_current(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 7 if shift else 1
            self.nudge(step if key == Qt.Key.Key_Right else -step)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            self.host.scrolling.zoom(1 / 1.5 if key == Qt.Key.Key_Minus else 1.5)
        else:
            return False
        event.accept()
        return True

    def _enter(self) -> None:
        """Return opens the current item, or folds the band or group whose header is current."""
        current = self.host.current
        row = self._current_row()
        if row is not None:
            self.open_item_requested.emit("timeline", row.id)
        elif current is not None:
            layout = self.host.chart_geometry.layout
            band = layout.band_at(current)
            group = layout.group_at(current)
            if band is not None:
                self.band_toggle_requested.emit(layout.data.bands[band].plan_id)
            elif group is not None:
                self.group_toggle_requested.emit(group)
