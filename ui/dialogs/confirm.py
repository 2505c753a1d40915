"""Asking before something is removed (tests replace `ask`)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import translate


def ask(parent: QWidget | None, question: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, translate("Confirm", "Bekräfta"), question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(translate("Confirm", "&Ta bort"))
    box.button(QMessageBox.StandardButton.No).setText(translate("Confirm", "&Avbryt"))
    return box.exec() == QMessageBox.StandardButton.Yes
