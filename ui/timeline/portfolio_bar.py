"""The portfolio timeline's filter bar: keep plans by a facet's value, group them, fold all or none.

The choice is remembered per file (app.portfolio_view keeps it as one of the file's settings) and
applied to the timeline's layout; nothing here reads the database itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.portfolio_view import FACETS, PortfolioView, values_of
from app.portfolio_view import label as label_of
from ui.i18n import kind_label, translate


def group_title(facet: str, value: str) -> str:
    """A group's header row in the grouped portfolio: "Organisation/förvaltning: IT"."""
    shown = kind_label(label_of(facet, value)) if value else translate("Portfolio", "(tomt)")
    return f"{kind_label(FACETS[facet])}: {shown}"


class PortfolioBar(QWidget):
    changed = Signal()  # the view (filters, grouping, folding) changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = PortfolioView()
        self.facts: dict[int, dict[str, Any]] = {}
        self.facet = QComboBox(self)
        self.facet.setAccessibleName(translate("Portfolio", "Filtrera på"))
        self.facet.addItem(translate("Portfolio", "Alla planer"), "")
        for key, text in FACETS.items():
            self.facet.addItem(kind_label(text), key)
        self.value = QComboBox(self)
        self.value.setAccessibleName(translate("Portfolio", "Värde"))
        self.group = QComboBox(self)
        self.group.setAccessibleName(translate("Portfolio", "Gruppera efter"))
        self.group.addItem(translate("Portfolio", "Inga grupper"), "")
        for key, text in FACETS.items():
            self.group.addItem(kind_label(text), key)
        self.collapse_all = QPushButton(translate("Portfolio", "Fäll ihop alla"), self)
        self.expand_all = QPushButton(translate("Portfolio", "Fäll ut alla"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for w in (QLabel(translate("Portfolio", "Visa:"), self), self.facet, self.value, QLabel(translate("Portfolio", "Gruppera:"), self), self.group):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.collapse_all)
        layout.addWidget(self.expand_all)
        self.facet.activated.connect(lambda _i: self._facet_chosen())
        self.value.activated.connect(lambda _i: self._value_chosen())
        self.group.activated.connect(lambda _i: self._group_chosen())
        self.collapse_all.clicked.connect(lambda: self._fold(True))
        self.expand_all.clicked.connect(lambda: self._fold(False))

    def set_state(self, view: PortfolioView, facts: dict[int, dict[str, Any]]) -> None:
        """Show a remembered view over the plans' facts (without announcing a change)."""
        self.view, self.facts = view, facts
        facet, wanted = next(iter(view.filters.items()), ("", ""))
        self.facet.setCurrentIndex(max(0, self.facet.findData(facet)))
        self._fill_values(facet, wanted)
        self.group.setCurrentIndex(max(0, self.group.findData(view.group_by)))

    def _fill_values(self, facet: str, wanted: str = "") -> None:
        self.value.clear()
        self.value.setEnabled(bool(facet))
        if facet:
            for v in values_of(self.facts, facet):
                self.value.addItem(kind_label(label_of(facet, v)) if v else translate("Portfolio", "(tomt)"), v)
            self.value.setCurrentIndex(max(0, self.value.findData(wanted)))

    def _facet_chosen(self) -> None:
        facet = self.facet.currentData()
        self._fill_values(facet)
        self._value_chosen()

    def _value_chosen(self) -> None:
        facet = self.facet.currentData()
        self.view.filters = {facet: self.value.currentData()} if facet and self.value.count() else {}
        self.changed.emit()

    def _group_chosen(self) -> None:
        self.view.group_by = self.group.currentData()
        self.changed.emit()

    def _fold(self, folded: bool) -> None:
        self.view.collapsed = sorted(f["uuid"] for f in self.facts.values()) if folded else []
        self.changed.emit()
