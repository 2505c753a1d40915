"""The one generic editor for every list kind of a plan: a table, buttons and a form for the chosen row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from app.workspace import Change
from ui.dialogs import confirm
from ui.document import OpenFile
from ui.editor.cells import parse_cell
from ui.editor.dependency_box import DependencyBox
from ui.editor.fields import Field, push_button
from ui.editor.row_form import RowForm, people_names
from ui.editor.table_kinds import TableConfig
from ui.editor.table_model import RowTableModel
from ui.headers import fit_header_texts
from ui.i18n import kind_label, translate
from ui.sheet import ChoiceDelegate, SheetView, reselect


class TablePage(QWidget):
    def __init__(self, ofile: OpenFile, plan_id: int, config: TableConfig, parent: QWidget | None = None):
        super().__init__(parent)
        self.ofile, self.plan_id, self.config = ofile, plan_id, config
        self.kinds = {config.kind} | ({"person"} if any(f.type == "person" for f in config.fields) else set())
        self.setObjectName(f"page_{config.kind}")

        self._make_view()
        buttons = self._make_buttons()
        self._lay_out(buttons)
        QWidget.setTabOrder(self.view, self.form)
        self.reload()

    def _make_view(self) -> None:
        """The table of the rows, one selected at a time, edited in place unless the file is read-only."""
        ofile, config = self.ofile, self.config
        self.model = RowTableModel(list(config.fields), self, None if ofile.read_only else self.edit_cell)
        self.view = SheetView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(translate("Pages", config.title))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self._set_up_columns()
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.view.doubleClicked.connect(self._double_clicked)

    def _make_buttons(self) -> QHBoxLayout:
        """The row of buttons above the table, and the summary at its end."""
        ofile, config = self.ofile, self.config
        ro = ofile.read_only
        self.add_button = push_button(self, translate("Pages", config.add_label), self.add_row, enabled=not ro)
        self.delete_button = push_button(self, translate("Pages", "Ta bort"), self.delete_row, enabled=not ro)
        self.up_button = push_button(self, translate("Pages", "Flytta upp"), lambda: self.move_row(-1), enabled=not ro)
        self.down_button = push_button(self, translate("Pages", "Flytta ned"), lambda: self.move_row(1), enabled=not ro)
        self.history_button = push_button(self, translate("Pages", "Historik…"), self.show_history, enabled=False)
        self.history_button.setObjectName("rowHistory")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button, self.history_button):
            buttons.addWidget(b)
        self.decision_button: QPushButton | None = None
        if config.kind == "timeline":  # a decision point's decision, with its checklist
            self.checklist_button = push_button(self, translate("Pages", "Checklista…"), self.answer_checklist, enabled=not ro)
            self.decision_button = push_button(self, translate("Pages", "Registrera beslut…"), self.record_decision, enabled=not ro)
            buttons.addWidget(self.checklist_button)
            buttons.addWidget(self.decision_button)
        buttons.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        buttons.addWidget(self.summary)
        return buttons

    def _lay_out(self, buttons: QHBoxLayout) -> None:
        """Buttons and table over the chosen row's form (and a timeline item's dependencies)."""
        ofile, config = self.ofile, self.config
        self.form = RowForm(ofile, config.kind, list(config.fields), self)
        self.dependencies: DependencyBox | None = None
        if config.kind == "timeline":
            self.kinds.add("dependency")
            self.dependencies = DependencyBox(ofile, self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.form)
        if self.dependencies is not None:
            splitter.addWidget(self.dependencies)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def _set_up_columns(self) -> None:
        """Each column as wide as its field asks (or stretched), a choice field with its list."""
        header = self.view.horizontalHeader()
        for i, f in enumerate(self.model.fields):
            if f.width:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, f.width)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            if f.type == "choice":
                self.view.setItemDelegateForColumn(i, ChoiceDelegate(f.choices, self.view, kind_label))
        fit_header_texts(header)

    # --- data ----------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()]["id"] if index.isValid() else None

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_id()
        people = people_names(self.ofile)
        self.form.refresh_people()
        self.model.set_rows(self.ofile.ws.list(self.config.kind, self.plan_id), people)
        if not self.model.rows and not self.ofile.read_only:  # an empty table says how to fill it
            self.summary.setText(translate("Pages", "Inga rader ännu: lägg till den första med ”%1”.").replace(
                "%1", translate("Pages", self.config.add_label)))
        elif self.config.summary:
            self.summary.setText(self.config.summary(self.model.rows))
        else:
            self.summary.setText("")
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rows:
            row = 0
        self.select_row(row)

    def select_row(self, row: int) -> None:
        reselect(self.view, row)
        self._show_current()

    def _double_clicked(self, index: QModelIndex) -> None:
        """A cell typed in place opens its editor (the view does that); any other goes to the form."""
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.form.focusNextChild()

    def _show_current(self) -> None:
        index = self.view.currentIndex()
        row: dict[str, Any] | None = self.model.rows[index.row()] if index.isValid() else None
        self.form.set_row(row)
        if self.dependencies is not None:
            self.dependencies.set_item(row)
        editable = row is not None and not self.ofile.read_only
        for b in (self.delete_button, self.up_button, self.down_button):
            b.setEnabled(editable)
        self.history_button.setEnabled(row is not None)
        if self.decision_button is not None:
            point = editable and row["kind"] in ("decision_point", "milestone")
            self.decision_button.setEnabled(point)
            self.checklist_button.setEnabled(point and bool(row.get("checklist")))

    def on_change(self, change: Change) -> None:
        if change.kind == "dependency":
            if self.dependencies is not None:
                self.dependencies.reload()
            return
        if change.kind in self.kinds and (change.kind == "person" or change.plan_id == self.plan_id):
            self.reload(change.ids[0] if change.action in ("added", "restored") and change.kind == self.config.kind
                        else None)

    # --- actions -------------------------------------------------------------

    def show_history(self) -> None:
        """Who changed the current row, what and when."""
        from app.change_history import row_history
        from ui.dialogs.history_dialog import HistoryDialog

        row_id = self.current_id()
        if row_id is None:
            return
        entries = row_history(self.ofile.ws, self.config.kind, row_id)
        title = translate("History", "Ändringshistorik: %1").replace("%1", entries[0].item if entries else "")
        HistoryDialog(title, entries, self).exec()

    def edit_cell(self, row_id: int, f: Field, typed: object) -> bool:
        """A cell typed in the table: stored as the form would store it; a refusal is said in the status bar."""
        try:
            values = parse_cell(f, typed, self.model.people)
        except ValueError as exc:
            self.ofile.events.error.emit(str(exc))
            return False
        return self.ofile.update(self.config.kind, row_id, values)

    def add_row(self) -> int | None:
        current = self.view.currentIndex()
        index = current.row() + 1 if current.isValid() else None
        row_id = self.ofile.add(self.config.kind, self.plan_id, self.config.new_row(), index=index)
        if row_id is not None:
            self.reload(row_id)
            first = next(iter(self.form.editors.values()), None)
            if first is not None:
                first.widget.setFocus()
        return row_id

    def delete_row(self) -> None:
        row_id = self.current_id()
        if row_id is None:
            return
        text = self.model.cells[self.view.currentIndex().row()]
        summary = next((t for t in text if t), "")
        if confirm.ask(self, translate("Pages", "Ta bort ”%1”? Det går att ångra.").replace("%1", summary)):
            self.ofile.delete(self.config.kind, row_id)

    def _point_dialog(self, make: Any) -> tuple[int, Any] | None:
        """(point id, the accepted dialog) for the current decision point, None when cancelled."""
        row_id = self.current_id()
        if row_id is None:
            return None
        dialog = make(self.ofile.ws.get("timeline", row_id), self)
        return (row_id, dialog) if dialog.exec() else None

    def record_decision(self) -> bool:
        from ui.dialogs.decision_dialog import DecisionDialog, RecordDecisionCommand

        chosen = self._point_dialog(DecisionDialog)
        if chosen is None:
            return False
        row_id, dialog = chosen
        return self.ofile.push(RecordDecisionCommand(self.ofile.ws, self.ofile.events, row_id, dialog.values(),
                                                     translate("Undo", "Registrera beslut")))

    def answer_checklist(self) -> bool:
        """The point's checklist answered before the decision: one undoable edit of the point."""
        from app.decisions import checklist_text
        from ui.dialogs.decision_dialog import ChecklistDialog

        chosen = self._point_dialog(ChecklistDialog)
        if chosen is None:
            return False
        row_id, dialog = chosen
        return self.ofile.update("timeline", row_id, {"checklist": checklist_text(dialog.table.checklist_answers())},
                                 translate("Undo", "Besvara checklista"))

    def move_row(self, step: int) -> None:
        row_id = self.current_id()
        if row_id is None:
            return
        new = self.view.currentIndex().row() + step
        if 0 <= new < self.model.rowCount():
            self.ofile.move(self.config.kind, row_id, new)
            self.reload(row_id)
