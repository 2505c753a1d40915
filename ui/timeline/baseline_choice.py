"""Which frozen edition a plan's timeline is compared against ("Jämför med:"), and the undo step
that changes it. The choice is the file's (app.baseline keeps it) and the exports use it too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.baseline import CHOSEN, choose_baseline, chosen_baseline
from ui.i18n import translate
from ui.undo import ServiceCommand, WorkspaceEvents, push_safely

if TYPE_CHECKING:
    from app.editions import EditionInfo


class ChooseBaselineCommand(ServiceCommand):
    def __init__(self, ws: Any, events: WorkspaceEvents, plan_id: int, edition: str | None, text: str):
        super().__init__(ws, events, text)
        self.plan_id, self.edition = plan_id, edition
        self.old: str | None = None

    def redo(self) -> None:
        change = choose_baseline(self.ws, self.plan_id, self.edition)
        self.old = change.old[CHOSEN]
        self.announce(change)

    def undo(self) -> None:
        try:
            change = choose_baseline(self.ws, self.plan_id, self.old)
        except LookupError:  # that edition was deleted since: back to the last frozen one
            change = choose_baseline(self.ws, self.plan_id, None)
        self.announce(change)


class BaselineChoice(QWidget):
    """"Jämför med: [Senast frysta (1.1) | Utgåva 1.0 (2026-03-02) | …]" for the plan shown."""

    chosen = Signal()  # the user chose an edition (the panel then shows the decided plan)

    def __init__(self, ws: Any, events: WorkspaceEvents, stack: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.events, self.stack = ws, events, stack
        self.plan_id: int | None = None
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(translate("Timeline", "Beslutad plan att jämföra med"))
        self.combo.setToolTip(translate("Timeline", "Vilken fryst utgåva tidslinjen och exporterna jämför planen med"))
        label = QLabel(translate("Timeline", "&Jämför med:"), self)
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._activated)

    def set_plan(self, plan_id: int | None) -> None:
        """Fill the list with the plan's frozen editions, the file's choice current (None: no plan)."""
        self.plan_id = plan_id
        self.combo.clear()
        editions: list[EditionInfo] = []
        if plan_id is not None:  # the portfolio has no editions: app.editions loads when a plan is shown
            from app.editions import list_editions

            editions = list_editions(self.ws, plan_id)
        last = editions[-1].label if editions else ""
        self.combo.addItem(translate("Timeline", "Senast frysta utgåvan (%1)").replace("%1", last) if last
                           else translate("Timeline", "Ingen fryst utgåva"), None)
        for e in editions:
            self.combo.addItem(translate("Timeline", "Utgåva %1 (%2)").replace("%1", e.label).replace(
                "%2", e.date.isoformat()), e.uuid)
        current = chosen_baseline(self.ws, plan_id) if editions and plan_id is not None else None
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)) if current else 0)
        self.combo.setEnabled(bool(editions) and not self.ws.read_only)

    def _activated(self, index: int) -> None:
        if self.plan_id is None:
            return
        edition = self.combo.itemData(index)
        if edition != chosen_baseline(self.ws, self.plan_id):
            label = self.combo.itemText(index)
            text = (translate("Undo", "Jämför med %1").replace("%1", label.lower()) if edition is None else
                    translate("Undo", "Jämför med %1").replace("%1", label.split(" (")[0].lower()))
            push_safely(self.stack, ChooseBaselineCommand(self.ws, self.events, self.plan_id, edition, text),
                        self.events)
        self.chosen.emit()
