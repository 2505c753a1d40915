"""Before a Word or PDF export: what a registrar would send back (app.registrar), with the
choice to export anyway (tests replace `confirm_export`)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from ui.i18n import translate


class RegistrarDialog(QDialog):
    """The findings as a list; "Exportera ändå" accepts, "Avbryt" rejects."""

    def __init__(self, findings: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Registrar", "Kontroll före diarieföring"))
        intro = QLabel(translate("Registrar", "En registrator skulle skicka tillbaka dokumentet för det här. "
                                       "Rätta det i planen, eller exportera ändå."))
        intro.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setAccessibleName(translate("Registrar", "Anmärkningar"))
        self.findings.setWordWrap(True)
        self.findings.addItems(findings)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(translate("Registrar", "&Exportera ändå"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(translate("Registrar", "&Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.findings)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.export_button.setDefault(False)  # the button box makes its accept button the default
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()


def confirm_export(parent: QWidget | None, findings: list[str]) -> bool:
    """True when there is nothing to remark on, or the user chooses to export anyway."""
    if not findings:
        return True
    return RegistrarDialog(findings, parent).exec() == QDialog.DialogCode.Accepted
