"""The timeline page: toolbar, row table and chart side by side, sharing one vertical scroll."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QPainter
from PySide6.QtWidgets import QLabel, QSplitter, QToolBar, QVBoxLayout, QWidget

from app.timeline import TimelineData, point_ready, timeline_head, timeline_row, timeline_rows
from ui.first_paint import after_first_paint
from ui.i18n import translate
from ui.schedule_watch import ScheduleNotice, ScheduleWatcher
from ui.timeline.baseline_choice import BaselineChoice
from ui.timeline.portfolio_bar import PortfolioBar
from ui.timeline.model import TimelineLayout, TimelineTableModel
from ui.timeline.table import TimelineTable
from ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from ui.settings import AppSettings

_RELEVANT = frozenset({"timeline", "dependency", "plan", "edition", "closed_days"})  # closed days move the floats
# Display rows read before the portfolio first paints (more than a tall screen shows);
# the remaining bands are read right after, from the event loop.
HEAD_ROWS = 200
# The table's column widths (title, code, responsible, start, end, float, slip) in px at the usual
# 9 pt font, whose line is _BASE_LINE px high. A larger font widens the columns of short texts that
# must show whole (codes, dates, days) in proportion; titles and names are cut with "…" as before,
# so that the chart keeps its room.
_BASE_WIDTHS = (210, 44, 110, 88, 88, 84, 90)
_GROWS = (False, True, False, True, True, True, True)
_BASE_LINE = 14


class TimelinePanel(QWidget):
    open_item_requested = Signal(str, int)  # kind, row id

    def __init__(self, ws: Any, events: Any, stack: Any, parent: QWidget | None = None,
                 settings: AppSettings | None = None):
        super().__init__(parent)
        self.ws, self.events, self.stack = ws, events, stack
        self._settings = settings  # where exports went last (None: the settings named by the environment)
        self.plan_id: int | None = None
        self.layout_rows = TimelineLayout()
        self.view = TimelineView(ws, events, stack, self)
        self.model = TimelineTableModel(self.layout_rows, self)
        self.table = TimelineTable(self)
        self.table.setModel(self.model)
        self._fit_rows(self.view.row_h, self.view.header_h)
        self.view.geometry_changed.connect(self._fit_rows)  # a larger system font: taller rows in both
        for col in (TimelineTableModel.FLOAT_COLUMN, TimelineTableModel.SLIP_COLUMN):
            self.table.setColumnHidden(col, True)  # until the critical path / the decided plan is shown

        self.toolbar = QToolBar(translate("Timeline", "Tidslinje"), self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, shortcut, slot in (
            ("zoom_in", translate("Timeline", "Zooma in"), QKeySequence.StandardKey.ZoomIn, lambda: self.view.scrolling.zoom(1.5)),
            ("zoom_out", translate("Timeline", "Zooma ut"), QKeySequence.StandardKey.ZoomOut, lambda: self.view.scrolling.zoom(1 / 1.5)),
            ("fit", translate("Timeline", "Anpassa till planen"), None, self.view.scrolling.fit_to_data),
            ("today", translate("Timeline", "Idag"), None, self.view.scrolling.show_today),
            ("png", translate("Timeline", "Exportera PNG…"), None, self._ask_png),
            ("svg", translate("Timeline", "Exportera SVG…"), None, self._ask_svg),
            ("print", translate("Timeline", "Skriv ut…"), QKeySequence.StandardKey.Print, self.print_dialog),
        ):
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.toolbar.addAction(act)
            self.actions_by_name[name] = act

        QWidget.setTabOrder(self.table, self.view)  # the rows, then the chart that draws them
        self.critical_action = QAction(translate("Timeline", "Kritisk linje"), self)
        self.critical_action.setCheckable(True)
        self.critical_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.critical_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.critical_action.setToolTip(translate("Timeline", "Markera kedjan som avgör slutdatum och visa varje posts slack"))
        self.critical_action.toggled.connect(lambda _on: self._show_critical())
        self.toolbar.addAction(self.critical_action)
        self.addAction(self.critical_action)  # its shortcut works wherever the focus is in the panel
        self.actions_by_name["critical"] = self.critical_action
        self.baseline_action = QAction(translate("Timeline", "Beslutad plan"), self)
        self.baseline_action.setCheckable(True)
        self.baseline_action.setShortcut(QKeySequence("Ctrl+Shift+D"))  # Ctrl+Shift+B is the window's Översikt
        self.baseline_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.baseline_action.setToolTip(translate(
            "Timeline", "Visa den senast frysta utgåvan som en tunn linje under varje stapel, med avvikelsen i "
                        "verktygstipset"))
        self.baseline_action.toggled.connect(lambda _on: self._show_baseline())
        self.toolbar.addAction(self.baseline_action)
        self.addAction(self.baseline_action)
        self.baseline_choice = BaselineChoice(ws, events, stack, self)
        self.baseline_choice.chosen.connect(self._baseline_chosen)
        self.baseline_choice_action = self.toolbar.addWidget(self.baseline_choice)
        self.actions_by_name["baseline"] = self.baseline_action
        self.auto_action = QAction(translate("Timeline", "Flytta efterföljare automatiskt"), self)
        self.auto_action.setCheckable(True)
        self.auto_action.setToolTip(translate(
            "Timeline", "När en post flyttas eller växer flyttas efterföljare som börjar för tidigt direkt, i stället "
                        "för att erbjudas (gäller planen)."))
        self.auto_action.triggered.connect(self._set_auto_schedule)
        self.toolbar.addAction(self.auto_action)
        self.actions_by_name["auto_schedule"] = self.auto_action
        self.schedule = ScheduleWatcher.of(ws, events, stack)
        self.notice = ScheduleNotice(self.schedule, self)
        self.portfolio_bar = PortfolioBar(self)
        self.portfolio_bar.hide()
        self.portfolio_bar.changed.connect(self._portfolio_view_changed)
        self.link_label = QLabel(self)
        self.link_label.setObjectName("link_hint")
        self.link_label.hide()
        self.view.link_hint.connect(lambda text: (self.link_label.setText(text), self.link_label.setVisible(bool(text))))


        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([sum(self._column_widths()[:5]) + 4, 900])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.toolbar)
        box.addWidget(self.portfolio_bar)
        box.addWidget(self.notice)
        box.addWidget(self.link_label)
        box.addWidget(self.splitter, 1)

        # One vertical scroll for both: the chart's bar drives the table and back.
        chart_bar, table_bar = self.view.verticalScrollBar(), self.table.verticalScrollBar()
        chart_bar.valueChanged.connect(table_bar.setValue)
        table_bar.valueChanged.connect(chart_bar.setValue)
        table_bar.rangeChanged.connect(lambda *_: table_bar.setValue(chart_bar.value()))

        self.view.open_item_requested.connect(self.open_item_requested)
        self.view.band_toggle_requested.connect(self.toggle_band)
        self.view.group_toggle_requested.connect(self.toggle_group)
        self.view.current_changed.connect(self._chart_current_changed)
        self.table.clicked.connect(self._table_clicked)
        self.table.doubleClicked.connect(self._table_double_clicked)
        self.table.row_entered.connect(self._table_entered)
        self.table.selectionModel().currentRowChanged.connect(self._table_current_changed)
        events.changed.connect(self._on_changed)

    def _column_widths(self) -> list[int]:
        """The table's column widths for the chart's font: wider with a larger system font."""
        factor = max(1.0, QFontMetrics(self.view.font()).height() / _BASE_LINE)
        return [round(w * factor) if grows else w for w, grows in zip(_BASE_WIDTHS, _GROWS, strict=True)]

    def _fit_rows(self, row_h: int, header_h: int) -> None:
        """The table's rows as tall as the chart's, its columns as wide as the font needs."""
        self.table.set_geometry(row_h, header_h)
        for col, width in enumerate(self._column_widths()):
            self.table.setColumnWidth(col, width)

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

    # --- selection between table and chart ---------------------------------------------

    def _chart_current_changed(self, display: int) -> None:
        sm = self.table.selectionModel()
        if display < 0:
            sm.clearSelection()
            return
        index = self.model.index(display, 0)
        if self.table.currentIndex().row() != display:
            sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)

    def _table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.view.set_current(current.row(), notify=False)

    def _table_clicked(self, index: QModelIndex) -> None:
        band = self.layout_rows.band_at(index.row()) if index.isValid() else None
        group = self.layout_rows.group_at(index.row()) if index.isValid() else None
        if band is not None:
            self.toggle_band(self.layout_rows.data.bands[band].plan_id)
        elif group is not None:
            self.toggle_group(group)

    def _table_entered(self, display: int) -> None:
        """Return on a band or group header folds it (as a click does); on an item, opens it."""
        index = self.model.index(display, 0)
        if self.layout_rows.row(display) is None:
            self._table_clicked(index)
            self.table.setCurrentIndex(self.model.index(min(display, self.model.rowCount() - 1), 0))
        else:
            self._table_double_clicked(index)

    def _table_double_clicked(self, index: QModelIndex) -> None:
        row = self.layout_rows.row(index.row()) if index.isValid() else None
        if row is not None:
            self.open_item_requested.emit("timeline", row.id)

    # --- export and print ---------------------------------------------------------------

    def export_png(self, path: Path | str) -> Path:
        """The table and the chart as shown, as a PNG picture."""
        path = Path(path)
        if not self.splitter.grab().save(str(path), "PNG"):
            raise OSError(translate("Timeline", "Kunde inte spara bilden %1.").replace("%1", path.name))
        return path

    def export_svg(self, path: Path | str) -> Path:
        from PySide6.QtSvg import QSvgGenerator

        path = Path(path)
        size: QSize = self.splitter.size()
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(size)
        gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
        gen.setTitle(translate("Timeline", "Tidslinje"))
        gen.setDescription(translate("Timeline", "Tidslinje exporterad från Uppdrag"))
        painter = QPainter(gen)
        try:
            self.splitter.render(painter, QPoint(0, 0))
        finally:
            painter.end()
        return path

    def print_to(self, printer: Any) -> None:
        painter = QPainter(printer)
        try:
            page = printer.pageRect(printer.Unit.DevicePixel)
            size = self.splitter.size()
            factor = min(page.width() / max(1, size.width()), page.height() / max(1, size.height()))
            painter.scale(factor, factor)
            self.splitter.render(painter, QPoint(0, 0))
        finally:
            painter.end()

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from PySide6.QtGui import QPageLayout

        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if QPrintDialog(printer, self).exec():
            self.print_to(printer)

    def _ask_png(self) -> None:
        self._ask_and_export(".png", translate("Timeline", "Exportera tidslinjen som PNG"),
                             translate("Timeline", "PNG-bild (*.png)"), translate("Timeline", "tidslinje.png"),
                             self.export_png)

    def _ask_svg(self) -> None:
        self._ask_and_export(".svg", translate("Timeline", "Exportera tidslinjen som SVG"),
                             translate("Timeline", "SVG-bild (*.svg)"), translate("Timeline", "tidslinje.svg"),
                             self.export_svg)

    def _ask_and_export(self, kind: str, title: str, filter_: str, name: str, fn: Any) -> None:
        """Ask where (in the folder the last picture of this kind went to, Documents at first), then export."""
        from ui.dialogs import files
        from ui.settings import AppSettings

        settings = self._settings or AppSettings()
        out = files.export_path(self, settings, kind, title, filter_, name)
        if out is not None:
            self._export_safely(fn, out)

    def _export_safely(self, fn: Any, name: Path) -> None:
        try:
            fn(name)
        except OSError as exc:
            self.events.error.emit(translate(
                "Timeline", "Kunde inte exportera tidslinjen: %1. Välj en annan mapp och försök igen.").replace("%1", str(exc)))
