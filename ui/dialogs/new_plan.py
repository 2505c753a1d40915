"""Ny plan: one of the four templates, or a copy of an existing plan, and a title."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app import kinds
from ui.i18n import kind_label, tr

COPY = "__copy__"


class NewPlanDialog(QDialog):
    def __init__(self, plans: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("NewPlan", "Ny plan"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(tr("NewPlan", "Mall"))
        for key, label in kinds.DOC_TYPE_LABELS.items():
            self.kind.addItem(kind_label(label), key)
        if plans:
            self.kind.addItem(tr("NewPlan", "Kopia av befintlig plan"), COPY)
        self.source = QComboBox(self)
        self.source.setAccessibleName(tr("NewPlan", "Plan att kopiera"))
        for plan_id, title in plans:
            self.source.addItem(title, plan_id)
        self.title = QLineEdit(self)
        self.title.setAccessibleName(tr("NewPlan", "Titel"))
        self.title.setPlaceholderText(tr("NewPlan", "Uppdragets namn"))
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("NewPlan", "&Skapa"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("NewPlan", "&Avbryt"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.kind_label = QLabel(tr("NewPlan", "&Mall:"), self)
        self.kind_label.setBuddy(self.kind)
        self.source_label = QLabel(tr("NewPlan", "&Kopiera från:"), self)
        self.source_label.setBuddy(self.source)
        title_label = QLabel(tr("NewPlan", "&Titel:"), self)
        title_label.setBuddy(self.title)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.source_label, self.source)
        form.addRow(title_label, self.title)
        form.addRow(self.message)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(520, self.sizeHint().height())

    def _kind_changed(self) -> None:
        copying = self.kind.currentData() == COPY
        self.source.setVisible(copying)
        self.source_label.setVisible(copying)
        if copying and not self.title.text().strip():
            self.title.setText(tr("NewPlan", "Kopia av %1").replace("%1", self.source.currentText()))

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.message.setText(tr("NewPlan", "Skriv en titel för planen."))
            self.title.setFocus()
            return
        self.accept()

    def choice(self) -> tuple[str, int | None, str]:
        """(template key or COPY, plan to copy, title)."""
        key = self.kind.currentData()
        return key, self.source.currentData() if key == COPY else None, self.title.text().strip()
