"""The timeline page: toolbar, row table and chart side by side, sharing one vertical scroll.

The panel composes the page's parts and keeps what they show up to date: the `TimelineToolbar`, the
portfolio's filter bar, the schedule notice, the row table and the chart joined by `RowsLink`, and
the `TimelineExporter`. It reads the rows (the portfolio's first screen first), re-reads one row after
an edit, and applies the portfolio's filter, groups and folding.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.timeline import TimelineData, point_ready, timeline_head, timeline_row, timeline_rows
from ui.first_paint import after_first_paint
from ui.i18n import translate
from ui.schedule_watch import ScheduleNotice, ScheduleWatcher
from ui.timeline.baseline_choice import BaselineChoice
from ui.timeline.exports import TimelineExporter
from ui.timeline.model import TimelineLayout, TimelineTableModel
from ui.timeline.portfolio_bar import PortfolioBar
from ui.timeline.rows_link import RowsLink
from ui.timeline.table import TimelineTable
from ui.timeline.toolbar import LinkHint, TimelineToolbar, ToolbarSlots
from ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from ui.settings import AppSettings

_RELEVANT = frozenset({"timeline", "dependency", "plan", "edition", "closed_days"})  # closed days move the floats
# Display rows read before the portfolio first paints (more than a tall screen shows);
# the remaining bands are read right after, from the event loop.
HEAD_ROWS = 200


class TimelinePanel(QWidget):
    open_item_requested = Signal(str, int)  # kind, row id

    def __init__(self, ws: Any, events: Any, stack: Any, parent: QWidget | None = None,
                 settings: AppSettings | None = None):
        super().__init__(parent)
        self.ws, self.events, self.stack = ws, events, stack
        self.plan_id: int | None = None
        self.layout_rows = TimelineLayout()
        self.view = TimelineView(ws, events, stack, self)
        self.model = TimelineTableModel(self.layout_rows, self)
        self.table = TimelineTable(self)
        self.table.setModel(self.model)
        self.rows_link = RowsLink(self, self.table, self.model, self.view)
        for col in (TimelineTableModel.FLOAT_COLUMN, TimelineTableModel.SLIP_COLUMN):
            self.table.setColumnHidden(col, True)  # until the critical path / the decided plan is shown
        self._build_toolbar()
        self.schedule = ScheduleWatcher.of(ws, events, stack)
        self.notice = ScheduleNotice(self.schedule, self)
        self.portfolio_bar = PortfolioBar(self)
        self.portfolio_bar.hide()
        self.portfolio_bar.changed.connect(self._portfolio_view_changed)
        self.link_label = LinkHint(self)
        self.view.link_hint.connect(self.link_label.show_hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.exporter = TimelineExporter(self, self.splitter, events, settings)
        self._build_layout()
        self.view.open_item_requested.connect(self.open_item_requested)
        self.view.band_toggle_requested.connect(self.toggle_band)
        self.view.group_toggle_requested.connect(self.toggle_group)
        self.rows_link.connect_selection()
        self.rows_link.open_item_requested.connect(self.open_item_requested)
        events.changed.connect(self._on_changed)

    def _build_toolbar(self) -> None:
        """The toolbar; the chart follows the table in the tab order (set between the view's actions and
        the plan's toggles, which keeps the focus chain as it has always been)."""
        view = self.view
        slots = ToolbarSlots(
            zoom=view.scrolling.zoom, fit=view.scrolling.fit_to_data, today=view.scrolling.show_today,
            png=lambda: self.exporter.ask_png(), svg=lambda: self.exporter.ask_svg(),
            print=lambda: self.exporter.print_dialog(), critical=self._show_critical, baseline=self._show_baseline,
            auto_schedule=self._set_auto_schedule)
        self.toolbar = bar = TimelineToolbar(slots, self)
        QWidget.setTabOrder(self.table, self.view)  # the rows, then the chart that draws them
        bar.add_toggles(slots, BaselineChoice(self.ws, self.events, self.stack, self))
        self.actions_by_name = bar.actions_by_name
        self.critical_action, self.baseline_action, self.auto_action = (
            bar.critical_action, bar.baseline_action, bar.auto_action)
        self.baseline_choice, self.baseline_choice_action = bar.baseline_choice, bar.baseline_choice_action
        self.baseline_choice.chosen.connect(self._baseline_chosen)

    def _build_layout(self) -> None:
        """The bars above, then the table and the chart side by side."""
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([sum(self.rows_link.column_widths()[:5]) + 4, 900])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        for widget in (self.toolbar, self.portfolio_bar, self.notice, self.link_label):
            box.addWidget(widget)
        box.addWidget(self.splitter, 1)

    # --- data --------------------------------------------------------------------

    def set_plan(self, plan_id: int | None) -> None:
        """Show one plan, or every plan (None: the portfolio with a band per plan).

        The portfolio paints first from its head (the bands a screen shows) and
        reads the rest at once after, so a large file shows without waiting.
        """
        self.plan_id = plan_id
        self._show_auto_schedule()
        self._show_baseline_choice()
        if plan_id is None:
            head = timeline_head(self.ws, HEAD_ROWS)
            self._show(head, fit=True)
            if not head.complete:
                after_first_paint(self.view.viewport(), self._read_rest)
        else:
            self.reload(fit=True)

    def _show_auto_schedule(self) -> None:
        self.auto_action.setEnabled(self.plan_id is not None and not self.ws.read_only)
        self.auto_action.setChecked(self.plan_id is not None and bool(self.ws.get("plan", self.plan_id)["auto_schedule"]))

    def _show_baseline_choice(self) -> None:
        """Which edition the plan is compared against: a plan's own choice (not in the portfolio)."""
        self.baseline_choice_action.setVisible(self.plan_id is not None)
        self.baseline_choice.set_plan(self.plan_id)

    def _baseline_chosen(self) -> None:
        if not self.baseline_action.isChecked():
            self.baseline_action.setChecked(True)  # shows the decided plan just chosen
        else:
            self._show_baseline()

    def _set_auto_schedule(self, on: bool) -> None:
        from ui.undo import UpdateCommand, push_safely

        if self.plan_id is None:
            return
        text = (translate("Undo", "Flytta efterföljare automatiskt") if on
                else translate("Undo", "Erbjud flytt av efterföljare"))
        push_safely(self.stack, UpdateCommand(self.ws, self.events, "plan", self.plan_id, {"auto_schedule": on}, text),
                    self.events)
        self._show_auto_schedule()

    def reload(self, *, fit: bool = False) -> None:
        self._show(timeline_rows(self.ws, self.plan_id), fit=fit)

    def _show_critical(self) -> None:
        """The critical path and each item's float, computed for the rows shown (when asked for)."""
        data = self.layout_rows.data
        data.floats, data.critical = {}, set()
        if self.critical_action.isChecked():
            from app.schedule import critical_path, file_links

            links = file_links()
            for band in data.bands:  # each plan against its own end
                path = critical_path(data.band_rows(band), links)
                data.floats.update(path.floats)
                data.critical.update(path.critical)
        self.table.setColumnHidden(TimelineTableModel.FLOAT_COLUMN, not self.critical_action.isChecked())
        self.model.refresh()
        self.view.data_changed()

    def _show_baseline(self) -> None:
        """The decided plan (each plan's last frozen edition) under the bars, when asked for."""
        data = self.layout_rows.data
        data.baseline = None
        if self.baseline_action.isChecked():
            from app.baseline import timeline_baseline

            data.baseline = timeline_baseline(self.ws, [b.plan_id for b in data.bands])
        self.table.setColumnHidden(TimelineTableModel.SLIP_COLUMN, not self.baseline_action.isChecked())
        self.model.refresh()
        self.view.data_changed()

    def _show(self, data: TimelineData, *, fit: bool) -> None:
        self.ws.shown("timeline", {r.id: r.version for r in data.rows})  # (on a server: what a drag is checked against)
        collapsed = self.layout_rows.collapsed
        self.layout_rows = TimelineLayout(data, portfolio=self.plan_id is None, collapsed=collapsed)
        self.portfolio_bar.setVisible(self.plan_id is None)
        if self.plan_id is None and data.complete:
            self._apply_portfolio_view()
        self.model.set_layout(self.layout_rows)
        self.view.set_layout(self.layout_rows)
        if self.critical_action.isChecked():
            self._show_critical()
        if self.baseline_action.isChecked():
            self._show_baseline()
        if fit:
            self.view.scrolling.fit_to_data()

    def _read_rest(self) -> None:
        """Swap the portfolio's head for all of it; the spans are the same, so nothing moves."""
        if self.plan_id is not None or self.layout_rows.data.complete:
            return  # another plan is shown, or a reload has read everything already
        self._reload_keeping_current()

    def _reload_keeping_current(self) -> None:
        current = self.view.current
        self.reload()
        if current is not None:
            self.view.set_current(min(current, len(self.layout_rows) - 1) if len(self.layout_rows) else None)

    def toggle_band(self, plan_id: int) -> None:
        self.layout_rows.toggle(plan_id)
        self.model.refresh()
        self.view.data_changed()
        self._remember_folding()

    def toggle_group(self, group: int) -> None:
        """Fold every plan of a grouped portfolio's group, or unfold them all if all are folded."""
        layout = self.layout_rows
        plans = set(layout.group_plans(group))
        if layout.group_folded(group):
            layout.collapsed -= plans
        else:
            layout.collapsed |= plans
        layout.rebuild()
        self.model.refresh()
        self.view.data_changed()
        self._remember_folding()

    def _remember_folding(self) -> None:
        if self.plan_id is None:
            bar = self.portfolio_bar
            bar.view.collapsed = sorted(bar.facts[p]["uuid"] for p in self.layout_rows.collapsed if p in bar.facts)
            self._remember_portfolio_view()

    # --- the portfolio's filter, groups and folding ---------------------------------

    def _apply_portfolio_view(self) -> None:
        """Filter, group and fold the portfolio's bands as the bar says (the file's remembered choice)."""
        from app.portfolio_view import PortfolioView, group_of, matches, plan_facts
        from ui.timeline.portfolio_bar import group_title

        layout, data = self.layout_rows, self.layout_rows.data
        bar = self.portfolio_bar
        spans = dict(zip((b.plan_id for b in data.bands), data.band_spans(), strict=True))
        view = bar.view if bar.facts else PortfolioView.from_json(self.ws.setting("portfolio_view"))
        bar.set_state(view, plan_facts([b.plan_id for b in data.bands], spans))
        facts, view = bar.facts, bar.view
        layout.hidden = {pid for pid, f in facts.items() if not matches(f, view)}
        by_uuid = {f["uuid"]: pid for pid, f in facts.items()}
        layout.collapsed = {by_uuid[u] for u in view.collapsed if u in by_uuid}
        order = list(range(len(data.bands)))
        layout.groups = []
        if view.group_by:
            order.sort(key=lambda b: group_of(facts.get(data.bands[b].plan_id, {}), view.group_by))
            members: dict[str, list[int]] = {}
            for b in order:
                members.setdefault(group_of(facts.get(data.bands[b].plan_id, {}), view.group_by), []).append(b)
            layout.groups = [(group_title(view.group_by, value), bands) for value, bands in members.items()]
        layout.band_order = order
        layout.rebuild()

    def _portfolio_view_changed(self) -> None:
        self._apply_portfolio_view()
        self.model.refresh()
        self.view.data_changed()
        self._remember_portfolio_view()

    def _remember_portfolio_view(self) -> None:
        from app.portfolio_view import SETTING_KEY

        if not self.ws.read_only:
            self.ws.set_setting(SETTING_KEY, self.portfolio_bar.view.as_json())

    def _on_changed(self, change: Any) -> None:
        if change.kind not in _RELEVANT:
            return
        if change.kind in ("plan", "edition") and change.plan_id == self.plan_id:
            self._show_auto_schedule()
            self._show_baseline_choice()
        if self.plan_id is not None and change.plan_id not in (None, self.plan_id):
            return
        data = self.layout_rows.data
        if change.kind == "timeline" and change.action == "updated" and len(change.ids) == 1:
            i = data.index.get(change.ids[0])
            fresh = timeline_row(self.ws, change.ids[0]) if i is not None else None
            if fresh is not None and fresh.plan_id == data.rows[i].plan_id:  # type: ignore[index]
                data.rows[i] = fresh  # type: ignore[index]
                self.ws.shown("timeline", {fresh.id: fresh.version})
                if fresh.kind == "decision_point":  # its checklist may have been answered
                    (data.ready.add if point_ready(fresh.id) else data.ready.discard)(fresh.id)
                self.view.row_updated(i)  # type: ignore[arg-type]
                display = self.layout_rows.display_of.get(i)  # type: ignore[arg-type]
                if display is not None:
                    self.model.row_changed(display)
                if self.critical_action.isChecked():
                    self._show_critical()
                if self.baseline_action.isChecked():
                    self._show_baseline()
                return
        self._reload_keeping_current()

    # --- export and print (see TimelineExporter) ----------------------------------------

    def export_png(self, path: Path | str) -> Path:
        """The table and the chart as shown, as a PNG picture."""
        return self.exporter.export_png(path)

    def export_svg(self, path: Path | str) -> Path:
        return self.exporter.export_svg(path)

    def print_to(self, printer: Any) -> None:
        self.exporter.print_to(printer)
