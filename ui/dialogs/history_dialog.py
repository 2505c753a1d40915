"""Ändringshistorik: who changed what, when, in a plan or in one of its rows (app.change_history)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.change_history import HistoryEntry
from ui.i18n import translate

if TYPE_CHECKING:
    from app.workspace import Workspace


class HistoryDialog(QDialog):
    """The entries, newest first, with a filter on any of their words."""

    def __init__(self, title: str, entries: list[HistoryEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.entries = entries
        self.filter = QLineEdit()
        self.filter.setObjectName("historyFilter")
        self.filter.setPlaceholderText(translate("History", "Filtrera (vem, del, text)…"))
        self.filter.setAccessibleName(translate("History", "Filtrera ändringarna"))
        self.filter.textChanged.connect(self.fill)
        self.tree = QTreeWidget()
        self.tree.setObjectName("historyTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(translate("History", "Ändringar"))
        self.tree.setHeaderLabels([translate("History", "Tid"), translate("History", "Vem"), translate("History", "Vad"),
                                   translate("History", "Del"), translate("History", "Ändring")])
        self.count = QLabel("")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.fill()

    def fill(self, _text: str = "") -> None:
        words = self.filter.text().casefold().split()
        self.tree.clear()
        shown = 0
        for e in self.entries:
            cells = [e.local_time, e.who or translate("History", "okänd"), e.action,
                     f"{e.part.capitalize()} ”{e.item}”" if e.item else e.part.capitalize(), "; ".join(e.changes)]
            if words and not all(w in " ".join(cells).casefold() for w in words):
                continue
            item = QTreeWidgetItem(cells)
            item.setToolTip(4, "\n".join(e.changes))
            self.tree.addTopLevelItem(item)
            shown += 1
        self.count.setText(translate("History", "%1 ändringar").replace("%1", str(shown)) if shown
                           else translate("History", "Inga ändringar"))


def show_plan_history(parent: QWidget, ws: Workspace | None, plan_id: int | None) -> None:
    """Redigera → Ändringshistorik…: the history of the plan `plan_id` in `ws` (nothing without one)."""
    from app.change_history import plan_history

    if ws is None or plan_id is None:
        return
    title = translate("History", "Ändringshistorik: %1").replace("%1", ws.get("plan", plan_id)["title"][:60])
    HistoryDialog(title, plan_history(ws, plan_id), parent).exec()
