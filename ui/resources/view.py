"""ResourceView: people × months (or weeks), over 100 % highlighted, the plans behind a cell."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import kinds, load
from app.workspace import Change, Workspace
from ui.i18n import kind_label, translate
from ui.resources.model import LoadTableModel, percent_text
from ui.undo import WorkspaceEvents

REFRESH_KINDS = frozenset({"plan", "person", "role", "resource", "timeline"})
ALL = "__all__"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class ResourceView(QWidget):
    """The "Resurser" page. Emits `open_plan_requested(plan_id)` when the user opens a plan from a cell."""

    open_plan_requested = Signal(int)

    def __init__(self, ws: Workspace, events: WorkspaceEvents, stack: QUndoStack, parent: QWidget | None = None,
                 *, today: date | None = None):
        super().__init__(parent)
        self.ws, self.events, self.stack = ws, events, stack
        self._dirty = True
        self.model = LoadTableModel(self)

        self._make_filters()
        self.table_view = QTableView(objectName="loadTable")
        self.table_view.setModel(self.model)
        self.table_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table_view.horizontalHeader().setDefaultSectionSize(78)
        self.table_view.setAccessibleName(translate("Resources", "Resursbelastning per person och period"))

        self.detail_title = QLabel(translate("Resources", "Klicka på en ruta för att se planerna bakom den."), objectName="detailTitle")
        self.detail_title.setWordWrap(True)
        self.plan_list = QListWidget(objectName="planList")
        self.plan_list.setWordWrap(True)
        self.plan_list.setAccessibleName(translate("Resources", "Planerna bakom rutan"))
        self.plan_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.open_button = QPushButton(translate("Resources", "Öppna plan"), objectName="openPlan", enabled=False)
        self.legend = QLabel(translate("Resources", "Fetstil, röd bakgrund och ”!” = över 100 % av en tjänst."), objectName="legend")

        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        layout.addWidget(self._split(), 1)
        layout.addWidget(self.legend)

        self._set_default_range(today or date.today())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.refresh)
        for combo in (self.zoom, self.unit_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.table_view.clicked.connect(self.show_cell)
        self.plan_list.currentItemChanged.connect(lambda item, _old: self.open_button.setEnabled(item is not None))
        self.plan_list.itemActivated.connect(lambda _item: self._open_selected())
        self.open_button.clicked.connect(self._open_selected)
        events.changed.connect(self._on_changed)
        self.refresh()

    def _make_filters(self) -> None:
        """The period (from, to), the zoom (months or weeks), the unit and the plans' status."""
        self.from_edit = QDateEdit(objectName="fromMonth", displayFormat="yyyy-MM", calendarPopup=True)
        self.to_edit = QDateEdit(objectName="toMonth", displayFormat="yyyy-MM", calendarPopup=True)
        self.from_edit.setToolTip(translate("Resources", "Första månaden som visas, t.ex. 2026-01 (år-månad)."))
        self.to_edit.setToolTip(translate("Resources", "Sista månaden som visas, t.ex. 2026-12; högst tre år åt gången."))
        self.zoom = QComboBox(objectName="zoom")
        self.zoom.addItem(translate("Resources", "Månader"), load.MONTH)
        self.zoom.addItem(translate("Resources", "Veckor"), load.WEEK)
        self.unit_filter = QComboBox(objectName="unitFilter")
        self.unit_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit_filter.setMaximumWidth(260)
        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.addItem(translate("Resources", "Alla utom avbrutna"), ALL)
        for code, label in kinds.DOC_STATUSES.items():
            self.status_filter.addItem(kind_label(label), code)
        self._fill_units()

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for label, widget in ((translate("Resources", "&Från"), self.from_edit), (translate("Resources", "&Till"), self.to_edit), (translate("Resources", "&Visa"), self.zoom),
                              (translate("Resources", "&Enhet"), self.unit_filter), (translate("Resources", "Plan&status"), self.status_filter)):
            caption = QLabel(label)
            # Room at the end: the shortcut's underline splits a kerned pair ("&To"), which then draws wider
            # than Qt measured it, and the label's last letter was cut ("Tc").
            caption.setMinimumWidth(caption.sizeHint().width() + caption.fontMetrics().averageCharWidth() // 2)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def _split(self) -> QSplitter:
        """The load table beside the plans behind the chosen cell."""
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.detail_title)
        side_layout.addWidget(self.plan_list, 1)
        side_layout.addWidget(self.open_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table_view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 320])
        return splitter

    # --- public API for the main window --------------------------------------------

    def set_range(self, first: date, last: date) -> None:
        for edit, value in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(value))
            edit.blockSignals(False)
        self.refresh()

    def set_zoom(self, granularity: str) -> None:
        self.zoom.setCurrentIndex(self.zoom.findData(granularity))

    def refresh(self) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        self._fill_units()
        first = _pydate(self.from_edit.date()).replace(day=1)
        last_month = _pydate(self.to_edit.date())
        last = load.months(last_month, last_month)[0].last
        if last < first:
            first, last = last.replace(day=1), first
        unit = self.unit_filter.currentData()
        status = self.status_filter.currentData()
        units = None if unit in (None, ALL) else {unit}
        statuses = None if status in (None, ALL) else {status}
        if self.zoom.currentData() == load.WEEK:
            table = load.weekly_load(self.ws, first, last, units=units, statuses=statuses)
        else:
            table = load.monthly_load(self.ws, first, last, units=units, statuses=statuses)
        self.model.set_table(table)
        self.table_view.resizeColumnsToContents()
        self._clear_detail()

    # --- internals -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _on_changed(self, change: Change) -> None:
        if change.kind in REFRESH_KINDS:
            self.refresh()

    def _set_default_range(self, today: date) -> None:
        span = load.booking_span(self.ws)
        first, last = span if span else (today, today + timedelta(days=330))
        if (last.year - first.year) * 12 + last.month - first.month > 35:  # at most three years at once
            first = max(first, today.replace(day=1) - timedelta(days=180))
            last = min(last, first + timedelta(days=3 * 365))
        for edit, value in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(value))
            edit.blockSignals(False)

    def _fill_units(self) -> None:
        current = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(translate("Resources", "Alla enheter"), ALL)
        for unit in load.units_in_use(self.ws):
            self.unit_filter.addItem(unit, unit)
        index = self.unit_filter.findData(current) if current is not None else 0
        self.unit_filter.setCurrentIndex(max(0, index))
        self.unit_filter.blockSignals(False)

    def _clear_detail(self) -> None:
        self.plan_list.clear()
        self.open_button.setEnabled(False)
        self.detail_title.setText(translate("Resources", "Klicka på en ruta för att se planerna bakom den."))

    def show_cell(self, index: QModelIndex) -> None:
        table = self.model.table
        if table is None or not index.isValid():
            return
        cell = self.model.cell(index)
        person = table.people[index.row()]
        period = table.periods[index.column()]
        total = percent_text(cell.total) or "0 %"
        warning = " – " + translate("Resources", "över 100 %") if cell.over else ""
        self.detail_title.setText(f"{person.name}, {period.shown}: {total}{warning}")
        self.plan_list.clear()
        sources = {"role": translate("Resources", "roll"), "resource": translate("Resources", "resurs")}
        for c in cell.contributions:
            item = QListWidgetItem(f"{percent_text(c.share)} – {c.plan_title} "
                                   f"({sources.get(c.kind, c.kind)} {c.allocation} %)")
            item.setToolTip(c.plan_title)
            item.setData(Qt.ItemDataRole.UserRole, c.plan_id)
            self.plan_list.addItem(item)
        if self.plan_list.count():
            self.plan_list.setCurrentRow(0)
        self.open_button.setEnabled(self.plan_list.count() > 0)

    def _open_selected(self) -> None:
        item = self.plan_list.currentItem()
        if item is not None:
            self.open_plan_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
