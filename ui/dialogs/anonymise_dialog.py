"""Ta bort personuppgifter…: pick a person (or type a name), see every place it stands, then remove it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import anonymise as anon
from app.people import list_people
from app.workspace import Workspace
from ui.errors import expected_errors
from ui.i18n import translate

if TYPE_CHECKING:
    from ui.controllers import DocumentWindow


class AnonymiseDialog(QDialog):
    """The places are shown before anything changes; `outcome` holds what was done after OK."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Anonymise", "Ta bort personuppgifter"))
        self.ws = ws
        self.seen: anon.Preview | None = None
        self.outcome: anon.Outcome | None = None
        self.person = QComboBox()
        self.person.setObjectName("personBox")
        self.person.setEditable(True)
        for p in list_people(ws):
            if not p["name"].startswith(anon.ANONYMOUS):
                self.person.addItem(p["name"], p["id"])
        self.person.setCurrentIndex(-1)
        self.person.currentTextChanged.connect(self._forget)
        self.show_button = QPushButton(translate("Anonymise", "&Visa var uppgifterna finns"))
        self.show_button.setObjectName("showPlaces")
        self.show_button.clicked.connect(self.show_places)
        self.places = QListWidget()
        self.places.setObjectName("placesList")
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.copies = QCheckBox()
        self.copies.setObjectName("copiesBox")
        self.copies.setChecked(True)
        self.copies.setVisible(False)
        warning = QLabel(translate("Anonymise", "Namn, e-post och telefon ersätts överallt i filen, också i borttagna rader, "
                                          "frysta utgåvor och ändringshistoriken, och filen skrivs om så att inget "
                                          "finns kvar. Det går inte att ångra, och ångra-historiken töms (ett äldre "
                                          "steg kunde annars skriva tillbaka uppgifterna)."))
        warning.setWordWrap(True)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("Anonymise", "&Ta bort personuppgifter"))
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Anonymise", "&Avbryt"))
        self.buttons.accepted.connect(self.remove)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(translate("Anonymise", "&Person (välj ur registret eller skriv ett namn):"))
        label.setBuddy(self.person)
        layout.addWidget(label)
        layout.addWidget(self.person)
        layout.addWidget(self.show_button)
        layout.addWidget(self.places)
        layout.addWidget(self.summary)
        layout.addWidget(self.copies)
        layout.addWidget(warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 480)

    def _forget(self, _text: str = "") -> None:
        self.seen = None
        self.places.clear()
        self.summary.setText("")
        self.copies.setVisible(False)
        self.ok.setEnabled(False)

    def _chosen(self) -> str:
        data = self.person.currentData()
        text = self.person.currentText()
        return str(data) if data is not None and self.person.itemText(self.person.currentIndex()) == text else text

    def show_places(self) -> None:
        self._forget()
        try:
            target = anon.find_target(self.ws, self._chosen())
            self.seen = anon.preview(self.ws, target)
        except (*expected_errors(), ValueError) as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self.places.addItems(self.seen.lines())
        count = len(self.seen.occurrences)
        self.summary.setText(translate("Anonymise", "%1 står på %2 ställen i filen.").replace("%1", target.name)
                             .replace("%2", str(count)))
        if self.seen.copies:
            self.copies.setText(translate("Anonymise", "Ta bort dem också ur filens %1 säkerhetskopior och ångra-kopior")
                                .replace("%1", str(len(self.seen.copies))))
            self.copies.setVisible(True)
        self.ok.setEnabled(True)

    def remove(self) -> None:
        if self.seen is None:
            return
        target = self.seen.target
        try:
            self.outcome = anon.anonymise(self.ws, target)
            if not self.copies.isHidden() and self.copies.isChecked():
                self.outcome.copies = anon.anonymise_copies(self.ws, target)
        except (*expected_errors(), ValueError, OSError) as exc:
            self.error.setText(str(exc))
            return
        self.accept()


def remove_personal_data(window: DocumentWindow) -> None:
    """Ta bort personuppgifter…: the dialog, then the window shows the file as it now is.

    The undo history is emptied (the dialog said so before): an older step could otherwise
    write the removed details back.
    """
    if window.ofile is None or window.ofile.read_only:
        return
    window.backups.waitForDone()  # a session backup being made now must be among the copies offered
    dialog = AnonymiseDialog(window.ofile.ws, window)
    if not dialog.exec() or dialog.outcome is None:
        return
    window.ofile.stack.clear()
    window.reload_everything()
    outcome = dialog.outcome
    text = translate("Anonymise", "Personuppgifterna är borttagna (%1 textfält).").replace("%1", str(outcome.cells))
    if outcome.copies:
        text += " " + translate("Anonymise", "Också ur %1 säkerhetskopior och ångra-kopior.").replace(
            "%1", str(len(outcome.copies)))
    window.statusBar().showMessage(text, 20000)
