"""Stängda dagar: the organisation's own closed days (a summer closure, a training day), which the
schedule skips beside the public holidays; one undo step for the whole list."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from app.workdays import ClosedPeriod, closed_periods, period_from_text, public_holidays, set_closed_periods
from app.workspace import Workspace
from ui.dialogs import ok_cancel
from ui.i18n import current_language, translate
from ui.undo import ServiceCommand, WorkspaceEvents

FROM, TO, LABEL = range(3)


class ClosedDaysCommand(ServiceCommand):
    """Replace the file's closed periods; undo brings back the list as it was."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, periods: list[ClosedPeriod], text: str):
        super().__init__(ws, events, text)
        self.periods = periods
        self.old: list[ClosedPeriod] = []

    def redo(self) -> None:
        change = set_closed_periods(self.ws, self.periods)
        self.old = change.old["periods"]
        self.announce(change)

    def undo(self) -> None:
        self.announce(set_closed_periods(self.ws, self.old))


class ClosedDaysDialog(QDialog):
    """The closed periods as a table (Från, Till, Benämning) and this year's public holidays beside."""

    def __init__(self, periods: list[ClosedPeriod], *, read_only: bool = False, today: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ClosedDays", "Stängda dagar"))
        self.periods: list[ClosedPeriod] = list(periods)  # what OK accepted
        intro = QLabel(translate("ClosedDays", "Dagar då organisationen har stängt, utöver helgdagarna. "
                                 "Tidplanens arbetsdagar räknas utan dem. Skriv dagar (2026-07-01) eller "
                                 "hela perioder (juli 2026, v. 28–v. 31 2026)."), self)
        intro.setWordWrap(True)
        self.table = self._make_table(periods, read_only)
        self.add_button = QPushButton(translate("ClosedDays", "&Lägg till"), self)
        self.remove_button = QPushButton(translate("ClosedDays", "&Ta bort"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not read_only)
        self.error = QLabel(self)
        self.error.setObjectName("closedDaysError")
        self.error.setWordWrap(True)
        self.buttons = ok_cancel(self, translate("ClosedDays", "&Spara"), translate("ClosedDays", "&Avbryt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not read_only)
        self._lay_out(intro, self._holidays(today or date.today()))
        self.resize(720, 420)

    def _make_table(self, periods: list[ClosedPeriod], read_only: bool) -> QTableWidget:
        table = QTableWidget(len(periods), 3, self)
        table.setObjectName("closedDays")
        table.setAccessibleName(translate("ClosedDays", "Stängda perioder"))
        table.setHorizontalHeaderLabels([translate("ClosedDays", "Från"), translate("ClosedDays", "Till"),
                                         translate("ClosedDays", "Benämning")])
        table.horizontalHeader().setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        if read_only:
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, p in enumerate(periods):
            for column, text in ((FROM, p.start.isoformat()), (TO, p.end.isoformat()), (LABEL, p.label)):
                table.setItem(row, column, QTableWidgetItem(text))
        return table

    def _holidays(self, today: date) -> QLabel:
        days = public_holidays(today.year, language=current_language())
        label = QLabel(translate("ClosedDays", "Helgdagar %1 (räknas alltid bort):").replace("%1", str(today.year))
                       + "\n" + "\n".join(f"{d.isoformat()}  {name}" for d, name in days), self)
        label.setObjectName("publicHolidays")
        return label

    def _lay_out(self, intro: QLabel, holidays: QLabel) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(buttons)
        left.addWidget(self.table)
        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addWidget(holidays, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def add_row(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in (FROM, TO, LABEL):
            self.table.setItem(row, column, QTableWidgetItem(""))
        self.table.setCurrentCell(row, FROM)
        self.table.editItem(self.table.item(row, FROM))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def accept(self) -> None:
        """Keep the dialog open on a row that cannot be read, with the reason and that row chosen."""
        periods = []
        for row in range(self.table.rowCount()):
            start, end, label = (self._cell(row, c) for c in (FROM, TO, LABEL))
            if not (start.strip() or end.strip() or label.strip()):
                continue  # an empty row added and left
            try:
                periods.append(period_from_text(start, end, label))
            except ValueError as exc:
                self.error.setText(translate("ClosedDays", "Rad %1: %2").replace("%1", str(row + 1)).replace(
                    "%2", str(exc)))
                self.table.setCurrentCell(row, TO if _readable(start) else FROM)
                self.table.setFocus()
                return
        self.periods = periods
        super().accept()


def _readable(text: str) -> bool:
    try:
        period_from_text(text, text)
    except ValueError:
        return False
    return True


def edit_closed_days(window: Any) -> None:
    """Inställningar ▸ Stängda dagar…: the dialog, and its list stored as one undo step when it differs."""
    ofile = window.ofile
    if ofile is None:
        return
    current = closed_periods()
    dialog = ClosedDaysDialog(current, read_only=ofile.read_only, parent=window)
    if not dialog.exec() or ofile.read_only:
        return
    wanted = sorted(set(dialog.periods))
    if wanted != current:
        ofile.push(ClosedDaysCommand(ofile.ws, ofile.events, wanted, translate("Undo", "ändrade stängda dagar")))
