"""The risk page: register, matrix and history of one plan, or of every plan (portfolio).

Edits go through undo commands on the file's QUndoStack (`push_safely`), and
the page refreshes from `WorkspaceEvents.changed`, so undo from anywhere in
the window shows here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import risks
from app.workspace import Change, Workspace
from ui.risks.levels import impact_text, probability_text
from ui.i18n import kind_label, translate
from ui.risks.commands import AssessRiskCommand, ChangeScaleCommand
from ui.risks.matrix import Cell, RiskMatrixView
from ui.risks.model import CHOICES, HistoryModel, RiskTableModel
from ui.risks.settings_dialog import RiskSettingsDialog
from ui.sheet import ChoiceDelegate, SheetView, reselect
from ui.undo import AddCommand, UpdateCommand, WorkspaceEvents, change_text, push_safely

REFRESH_KINDS = frozenset({"risk", "risk_assessment", "plan"})


class RiskPanel(QWidget):
    def __init__(self, ws: Workspace, events: WorkspaceEvents, stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.events, self.stack = ws, events, stack
        self.plan_id: int | None = None
        self.cell: Cell | None = None
        self.shown_rows: list[risks.RiskRow] = []  # every risk the register and the matrix show, as read
        self.settings = risks.load_settings(ws)

        self.model = RiskTableModel(self.settings, self._edit, self)
        self.table = self._register_table()

        self.matrix = RiskMatrixView(self.settings)
        self.matrix.risk_in_cell = self._risk_in_cell
        self.matrix.cellClicked.connect(self.set_cell_filter)
        self.matrix.riskDropped.connect(self.reassess)

        self._make_history()
        self.filter_label = QLabel()
        self.show_all = QPushButton(translate("Risks", "Visa &alla"))
        self.show_all.clicked.connect(lambda: self.set_cell_filter(None))
        self.add_button = QPushButton(translate("Risks", "&Ny risk"))
        self.add_button.clicked.connect(self.add_risk)
        self.settings_button = QPushButton(translate("Risks", "&Inställningar…"))
        self.settings_button.clicked.connect(self.edit_settings)

        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.filter_label, 1)
        bar.addWidget(self.show_all)
        bar.addWidget(self.settings_button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._split(), 1)

        for field, choices in CHOICES.items():
            self.table.setItemDelegateForColumn(self.model.column_of(field), ChoiceDelegate(choices, self.table, kind_label))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_history())
        events.changed.connect(self._on_changed)
        self.refresh()

    def _register_table(self) -> SheetView:
        """The risk register: one risk a row, dragged onto the matrix to assess it anew."""
        table = SheetView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAccessibleName(translate("Risks", "Riskregister"))
        return table

    def _make_history(self) -> None:
        """The chosen risk's earlier assessments."""
        self.history_model = HistoryModel(self)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setAccessibleName(translate("Risks", "Riskens historik"))
        self.history_title = QLabel(translate("Risks", "Historik"))

    def _split(self) -> QSplitter:
        """The register over the chosen risk's history, beside the matrix."""
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        hist = QWidget()
        hl = QVBoxLayout(hist)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.history_title)
        hl.addWidget(self.history)
        left.addWidget(hist)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.matrix)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([900, 520])
        return split

    # --- what is shown ------------------------------------------------------------------

    def set_plan(self, plan_id: int | None) -> None:
        """Show one plan's risks, or with None every plan's (the portfolio)."""
        self.plan_id = plan_id
        self.cell = None
        self.add_button.setEnabled(plan_id is not None and not self.ws.read_only)
        self.refresh()

    def set_cell_filter(self, cell: Cell | None) -> None:
        self.cell = cell
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_risk_id()
        self.settings = risks.load_settings(self.ws)
        portfolio = self.plan_id is None
        # One read for the register and the matrix, which then show the same versions (on a team server
        # an edit or a drag here is checked against them: Workspace.shown).
        self.shown_rows = risks.risk_rows(self.plan_id)
        self.ws.shown("risk", {r.id: r.version for r in self.shown_rows})
        rows = self.shown_rows if self.cell is None else risks.in_cell(self.shown_rows, self.cell)
        old_columns = self.model.columnCount()
        if self.model.set_rows(rows, portfolio=portfolio, settings=self.settings):
            if old_columns != self.model.columnCount():
                for column in range(self.model.columnCount()):
                    self.table.setItemDelegateForColumn(column, None)
                for field, choices in CHOICES.items():
                    self.table.setItemDelegateForColumn(self.model.column_of(field),
                                                        ChoiceDelegate(choices, self.table, kind_label))
            # Widths follow the rows shown, not each edit (a column would jump while typing along it).
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        self.matrix.set_settings(self.settings)
        self.matrix.set_counts(risks.counts_of(self.shown_rows))
        self.matrix.set_selected(self.cell)
        self.show_all.setEnabled(self.cell is not None)
        if self.cell is None:
            if len(rows) == 1:
                self.filter_label.setText(translate("Risks", "1 risk i alla uppdrag") if portfolio
                                          else translate("Risks", "1 risk i uppdraget"))
            elif rows:
                self.filter_label.setText((translate("Risks", "%1 risker i alla uppdrag") if portfolio
                                           else translate("Risks", "%1 risker i uppdraget")).replace(
                    "%1", str(len(rows))))
            elif portfolio:
                self.filter_label.setText(translate("Risks", "Inga risker i något uppdrag ännu. Öppna ett uppdrag "
                                                             "och lägg till risker där."))
            else:
                self.filter_label.setText(translate("Risks", "Inga risker ännu: lägg till den första med ”Ny risk”."))
        else:
            p, i = self.cell
            self.filter_label.setText(translate(
                "Risks", "Visar %1 risker med sannolikhet %2 (%3) och konsekvens %4 (%5)").replace(
                "%1", str(len(rows))).replace("%2", str(p)).replace("%3", probability_text(self.settings, p)).replace(
                "%4", str(i)).replace("%5", impact_text(self.settings, i)))
        if selected is not None:
            self.select_risk(selected)
        self._show_history()

    def selected_risk_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()).id if rows else None

    def select_risk(self, risk_id: int) -> None:
        row = self.model.row_of(risk_id)
        if row is not None:
            reselect(self.table, row)

    def _show_history(self) -> None:
        risk_id = self.selected_risk_id()
        if risk_id is None:
            self.history_model.set_rows([])
            self.history_title.setText(translate("Risks", "Historik – välj en risk"))
            return
        row = self.model.row_at(self.model.row_of(risk_id) or 0)
        self.history_model.set_rows(risks.assessment_rows(self.ws, risk_id))
        self.history_title.setText(translate("Risks", "Historik för ”%1”").replace("%1", row.title))

    def _risk_in_cell(self, cell: Cell) -> int | None:
        """The risk a drag from `cell` moves, as the matrix shows it: the selected one if it lies there,
        else the cell's first."""
        in_cell = risks.in_cell(self.shown_rows, cell)
        selected = self.selected_risk_id()
        for r in in_cell:
            if r.id == selected:
                return r.id
        return in_cell[0].id if in_cell else None

    def _on_changed(self, change: Change) -> None:
        if change.kind in REFRESH_KINDS:
            self.refresh()

    # --- edits ------------------------------------------------------------------------------

    def _edit(self, risk_id: int, field: str, value: Any) -> bool:
        if field in ("probability", "impact"):
            row = self.model.row_at(self.model.row_of(risk_id) or 0)
            p = value if field == "probability" else row.probability
            i = value if field == "impact" else row.impact
            if p is not None and i is not None:
                return self.reassess(risk_id, p, i)
        command = UpdateCommand(self.ws, self.events, "risk", risk_id, {field: value})
        return push_safely(self.stack, command, self.events)

    def reassess(self, risk_id: int, probability: int, impact: int, note: str = "") -> bool:
        row = self.ws.peek("risk", risk_id)
        changed = tuple(f for f, v in (("probability", probability), ("impact", impact)) if row[f] != v)
        command = AssessRiskCommand(self.ws, self.events, risk_id, probability, impact, note,
                                    text=change_text(self.ws, "risk", "updated", risk_id,
                                                     changed or ("probability", "impact")))
        ok = push_safely(self.stack, command, self.events)
        if ok:
            self.select_risk(risk_id)
        return ok

    def add_risk(self) -> None:
        if self.plan_id is None:
            return
        command = AddCommand(self.ws, self.events, "risk", self.plan_id, {"title": translate("Risks", "Ny risk")})
        if push_safely(self.stack, command, self.events) and command.row_id is not None:
            self.select_risk(command.row_id)
            self.table.edit(self.model.index(self.model.row_of(command.row_id) or 0, self.model.column_of("title")))

    def edit_settings(self) -> None:
        dialog = RiskSettingsDialog(self.ws, self)
        if dialog.exec() != RiskSettingsDialog.DialogCode.Accepted:
            return
        self.apply_settings(dialog.settings())

    def apply_settings(self, settings: risks.RiskSettings) -> bool:
        """Store labels and thresholds; a new scale rescales every risk as one undoable step."""
        try:
            risks.save_settings(self.ws, settings)
        except ValueError as exc:
            self.events.error.emit(str(exc))
            return False
        if settings.scale != self.ws.risk_scale:
            return push_safely(self.stack, ChangeScaleCommand(self.ws, self.events, settings.scale), self.events)
        self.refresh()
        return True
