"""Inställningar ▸ Rapporteringsintervall: how often the organisation expects a status report. A plan
whose latest report is older shows grey in Översikt. The interval is kept in the file, so everyone who
opens it sees the same grey; setting it is one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.overview_settings import interval_text, parse_interval, report_interval, set_report_interval
from app.workspace import Workspace
from ui.dialogs import ok_cancel
from ui.i18n import translate
from ui.undo import ServiceCommand, WorkspaceEvents


class ReportIntervalCommand(ServiceCommand):
    """Set the file's reporting interval; undo brings back the one before."""

    def __init__(self, ws: Workspace, events: WorkspaceEvents, days: int, text: str):
        super().__init__(ws, events, text)
        self.days = days
        self.old: int | None = None

    def redo(self) -> None:
        change = set_report_interval(self.ws, self.days)
        self.old = change.old["days"]
        self.announce(change)

    def undo(self) -> None:
        assert self.old is not None
        self.announce(set_report_interval(self.ws, self.old))


class ReportIntervalDialog(QDialog):
    """The interval as a line ("4 veckor", "30 dagar"); a line that cannot be read keeps the dialog open
    with the reason."""

    def __init__(self, days: int, *, read_only: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ReportInterval", "Rapporteringsintervall"))
        self.days = days  # what OK accepted
        intro = QLabel(translate("ReportInterval", "En plan vars senaste statusrapport är äldre än intervallet visas "
                                 "grå i Översikt. Intervallet sparas i filen och gäller alla som öppnar den. "
                                 "Skriv dagar eller veckor, till exempel 30 dagar eller 4 veckor."), self)
        intro.setWordWrap(True)
        self.edit = QLineEdit(interval_text(days), self)
        self.edit.setObjectName("reportInterval")
        self.edit.setAccessibleName(translate("ReportInterval", "Rapporteringsintervall"))
        self.edit.setReadOnly(read_only)
        label = QLabel(translate("ReportInterval", "&Intervall:"), self)
        label.setBuddy(self.edit)
        self.error = QLabel(self)
        self.error.setObjectName("reportIntervalError")
        self.error.setWordWrap(True)
        self.buttons = ok_cancel(self, translate("ReportInterval", "&Spara"), translate("ReportInterval", "&Avbryt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not read_only)
        layout = QVBoxLayout(self)
        for widget in (intro, label, self.edit, self.error, self.buttons):
            layout.addWidget(widget)
        self.resize(460, 200)

    def accept(self) -> None:
        try:
            self.days = parse_interval(self.edit.text())
        except ValueError as exc:
            self.error.setText(str(exc))
            self.edit.setFocus()
            self.edit.selectAll()
            return
        super().accept()


def edit_report_interval(window: Any) -> None:
    """Inställningar ▸ Rapporteringsintervall…: the dialog, and the interval stored as one undo step when it differs."""
    ofile = window.ofile
    if ofile is None:
        return
    current = report_interval(ofile.ws)
    dialog = ReportIntervalDialog(current, read_only=ofile.read_only, parent=window)
    if not dialog.exec() or ofile.read_only or dialog.days == current:
        return
    ofile.push(ReportIntervalCommand(ofile.ws, ofile.events, dialog.days,
                                     translate("Undo", "ändrade rapporteringsintervallet")))
