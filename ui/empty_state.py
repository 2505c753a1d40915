"""What the window shows where a plan would be: what the person can do next, with a button for each.

A suggestion is only made with an action that can run now: each button triggers a menu action and
is shown only while that action is enabled, so the window never points at something greyed out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import translate

if TYPE_CHECKING:
    from ui.document import OpenFile


class EmptyState(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.label = QLabel(self)
        self.label.setObjectName("emptyText")
        self.label.setProperty("alignment", "AlignCenter")
        self.label.setWordWrap(True)
        self.row = QHBoxLayout()
        self.row.addStretch(1)
        self.row.addStretch(1)
        # A link to the guide (Hjälp → Kom igång); the window sets its text and opens the guide.
        self.help_link = QLabel(self)
        self.help_link.setObjectName("helpLink")
        self.help_link.setProperty("alignment", "AlignCenter")
        self.help_link.setProperty("textInteractionFlags", "LinksAccessibleByKeyboard|LinksAccessibleByMouse")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(self.row)
        layout.addWidget(self.help_link)
        layout.addStretch(2)
        self.buttons: list[QPushButton] = []
        self._shown: tuple[str, tuple[QAction, ...], tuple[str, ...]] | None = None

    def text(self) -> str:
        return self.label.text()

    def show_for(self, ofile: OpenFile | None, listed: bool, a: dict[str, QAction]) -> None:
        """What to do next with `ofile` (None: no file open); `listed`: the list shows plans or a search.
        `a` are the menus' actions by key."""
        if ofile is None:
            text = translate("MainWindow", "Ingen fil är öppen. Öppna en fil med uppdrag, eller skapa en ny fil.")
            actions = [a["open"], a["new_file"]]
        elif not listed:
            if ofile.read_only:
                text = translate("MainWindow", "Filen är skrivskyddad och har inga planer. Öppna en annan fil, eller "
                                        "skapa en ny fil.")
                actions = [a["open"], a["new_file"]]
            else:
                text = translate("MainWindow", "Filen har inga planer ännu. Skapa en plan från en mall, eller importera "
                                        "en plan som någon har skickat som JSON.")
                actions = [a["new_plan"], a["import"]]
        elif ofile.read_only:
            text = translate("MainWindow", "Filen är skrivskyddad: välj en plan i listan till vänster för att läsa den. "
                                    "Vill du ändra i den, återställ en säkerhetskopia eller öppna en annan fil.")
            actions = [a["restore"], a["open"]]
        else:
            text = translate("MainWindow", "Välj en plan i listan till vänster, eller skapa en ny plan.")
            actions = [a["new_plan"]]
        self.show_state(text, actions)

    def show_state(self, text: str, actions: list[QAction]) -> None:
        """Say `text`, with a button for each of `actions` that is enabled now."""
        enabled = tuple(a for a in actions if a.isEnabled())
        shown = (text, enabled, tuple(a.text() for a in enabled))
        if shown == self._shown:
            return  # asked after every edit: the buttons stay as they are
        self._shown = shown
        self.label.setText(text)
        for button in self.buttons:
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for action in enabled:
            button = QPushButton(self)  # QPushButton(text, parent) would build QIcon's type (see ui.controllers.make_action)
            button.setText(action.text().replace("&", ""))
            button.setObjectName("suggest_" + action.objectName())
            button.clicked.connect(action.trigger)
            self.row.insertWidget(self.row.count() - 1, button)
            button.show()  # at once, not from the event loop as a layout would
            self.buttons.append(button)
