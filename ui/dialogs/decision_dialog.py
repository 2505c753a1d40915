"""Registrera beslut: the decision taken at a decision point, with its answered checklist.

The dialog gathers date, who decided, outcome, diarienummer, comment and the checklist
("Checklista inför beslut": Ja/Nej/Ej aktuellt and a comment per item); RecordDecisionCommand
stores it through app.decisions as one undo step (a line in the ärende- och beslutslogg, the
point marked done, its checklist answered).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.decisions import ANSWERS, OUTCOMES, ChecklistAnswer, checklist, record_decision, set_recorded
from app.workspace import Change, Workspace
from ui.dialogs import ok_cancel
from ui.editor.date_edit import VagueDateEdit
from ui.i18n import kind_label, translate
from ui.palette import error_style
from ui.undo import ServiceCommand, WorkspaceEvents

DECIDERS = (QT_TRANSLATE_NOOP("Decision", "Styrgrupp"), QT_TRANSLATE_NOOP("Decision", "Uppdragsägare"),
            QT_TRANSLATE_NOOP("Decision", "Projektägare"), QT_TRANSLATE_NOOP("Decision", "Nämnd"),
            QT_TRANSLATE_NOOP("Decision", "Ledningsgrupp"))


class ChecklistTable(QTableWidget):
    """A decision point's checklist: each item with Ja/Nej/Ej aktuellt and a comment."""

    def __init__(self, items: list[ChecklistAnswer], parent: QWidget | None = None):
        super().__init__(len(items), 3, parent)
        self.items = items
        self.setAccessibleName(translate("Decision", "Checklista inför beslut"))
        self.setHorizontalHeaderLabels([translate("Decision", "Punkt"), translate("Decision", "Svar"), translate("Decision", "Kommentar")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.answers: list[QComboBox] = []
        for row, item in enumerate(items):
            cell = QTableWidgetItem(item.item)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, 0, cell)
            combo = QComboBox(self)
            combo.addItem("—", "")
            for code, label in ANSWERS.items():
                combo.addItem(kind_label(label), code)
            combo.setCurrentIndex(max(combo.findData(item.answer), 0))
            self.setCellWidget(row, 1, combo)
            self.answers.append(combo)
            self.setItem(row, 2, QTableWidgetItem(item.comment))

    def checklist_answers(self) -> list[ChecklistAnswer]:
        out = []
        for row, item in enumerate(self.items):
            note = self.item(row, 2)
            out.append(ChecklistAnswer(item.item, self.answers[row].currentData(), note.text() if note else ""))
        return out


class ChecklistDialog(QDialog):
    """Answer a decision point's checklist before the decision (the point is then klar för beslut)."""

    def __init__(self, point: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Decision", "Checklista inför beslut, %1").replace(
            "%1", f"{point['code']} {point['title']}".strip()))
        self.table = ChecklistTable(checklist(point), self)
        buttons = ok_cancel(self, translate("Decision", "&Spara"), translate("Decision", "&Avbryt"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 420)


class DecisionDialog(QDialog):
    def __init__(self, point: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.point = point
        self.setWindowTitle(translate("Decision", "Registrera beslut vid %1").replace(
            "%1", f"{point['code']} {point['title']}".strip()))
        self.on = VagueDateEdit(self, day_only=True)
        self.on.setAccessibleName(translate("Decision", "Beslutsdatum"))
        self.on.line.setText(date.today().isoformat())
        self.decided_by = QComboBox(self)
        self.decided_by.setEditable(True)
        self.decided_by.addItems([translate("Decision", d) for d in DECIDERS])
        self.decided_by.setAccessibleName(translate("Decision", "Beslutat av"))
        self.outcome = QComboBox(self)
        for code, label in OUTCOMES.items():
            self.outcome.addItem(kind_label(label), code)
        self.outcome.setAccessibleName(translate("Decision", "Beslut"))
        self.diarienummer = QLineEdit(self)
        self.diarienummer.setAccessibleName(translate("Decision", "Diarienummer"))
        self.comment = QPlainTextEdit(self)
        self.comment.setAccessibleName(translate("Decision", "Kommentar"))
        self.comment.setFixedHeight(60)
        self.table = ChecklistTable(checklist(point), self)
        self.items, self.answers = self.table.items, self.table.answers
        self.freeze = QCheckBox(translate("Decision", "Frys en utgåva efter beslutet"), self)
        self.freeze_label = QLineEdit(self)
        self.freeze_label.setAccessibleName(translate("Decision", "Utgåva"))
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        buttons = ok_cancel(self, translate("Decision", "&Registrera"), translate("Decision", "&Avbryt"), self._accept)
        form = QFormLayout(self)
        form.addRow(translate("Decision", "Datum:"), self.on)
        form.addRow(translate("Decision", "Beslutat av:"), self.decided_by)
        form.addRow(translate("Decision", "Beslut:"), self.outcome)
        form.addRow(translate("Decision", "Diarienummer:"), self.diarienummer)
        form.addRow(translate("Decision", "Kommentar:"), self.comment)
        if self.items:
            form.addRow(QLabel(translate("Decision", "Checklista inför beslut"), self))
            form.addRow(self.table)
        else:
            self.table.hide()
        form.addRow(self.freeze, self.freeze_label)
        form.addRow(self.message)
        form.addRow(buttons)
        self.resize(640, self.sizeHint().height())

    def checklist_answers(self) -> list[ChecklistAnswer]:
        return self.table.checklist_answers()

    def values(self) -> dict[str, Any]:
        """The keyword arguments of app.decisions.record_decision (besides the point)."""
        on = self.on.parsed()
        return {
            "on": on.start if on is not None and not isinstance(on, Exception) else None,
            "decided_by": self.decided_by.currentText().strip(),
            "outcome": self.outcome.currentData(),
            "diarienummer": self.diarienummer.text().strip(),
            "comment": self.comment.toPlainText().strip(),
            "answers": self.checklist_answers(),
            "freeze": self.freeze_label.text().strip() if self.freeze.isChecked() else None,
        }

    def _accept(self) -> None:
        parsed = self.on.parsed()
        if parsed is None or isinstance(parsed, Exception):
            self.message.setText(str(parsed) if parsed is not None else translate("Decision", "Ange beslutsdatum."))
            self.on.setFocus()
            return
        if not self.decided_by.currentText().strip():
            self.message.setText(translate("Decision", "Ange vem som fattade beslutet."))
            self.decided_by.setFocus()
            return
        self.accept()


class RecordDecisionCommand(ServiceCommand):
    """First redo records the decision; undo removes the log line and restores the point's status and
    checklist; redo restores them again. A frozen edition stays: it is a snapshot of that moment."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, item_id: int, values: dict[str, Any], text: str):
        super().__init__(ws, events, text)
        self.item_id, self.values = item_id, values
        self.log_id: int | None = None
        before = ws.peek("timeline", item_id)
        self.before = {"status": before["status"], "checklist": before["checklist"]}
        self.after: dict[str, Any] = {}

    def redo(self) -> None:
        if self.log_id is None:
            change = record_decision(self.ws, self.item_id, **self.values)
            self.log_id = change.ids[0]
            point = self.ws.get("timeline", self.item_id)
            self.after = {"status": point["status"], "checklist": point["checklist"]}
            self.announce(change)
            self.announce(Change("timeline", "updated", (self.item_id,), change.plan_id))
            if self.values.get("freeze"):  # the plan's edition label changed too
                self.announce(Change("plan", "updated", (change.plan_id,), change.plan_id))
        else:
            self._set(recorded=True)

    def undo(self) -> None:
        self._set(recorded=False)

    def _set(self, *, recorded: bool) -> None:
        assert self.log_id is not None
        for change in set_recorded(self.ws, self.log_id, self.item_id, self.after if recorded else self.before,
                                   recorded=recorded):
            self.announce(change)
