"""Ny plan: one of the four templates with a steering model, or a copy of an existing plan, and a title."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from app import kinds
from ui.dialogs import ok_cancel
from ui.i18n import kind_label, translate
from ui.palette import error_style

COPY = "__copy__"


class NewPlanDialog(QDialog):
    def __init__(self, plans: list[tuple[int, str]], parent: QWidget | None = None,
                 steering_models: list[tuple[str, str]] = ()):
        """`steering_models`: (key, name) of every model the file offers (app.steering.models)."""
        super().__init__(parent)
        self.setWindowTitle(translate("NewPlan", "Ny plan"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(translate("NewPlan", "Mall"))
        for key, label in kinds.DOC_TYPE_LABELS.items():
            self.kind.addItem(kind_label(label), key)
        if plans:
            self.kind.addItem(translate("NewPlan", "Kopia av befintlig plan"), COPY)
        self.source = QComboBox(self)
        self.source.setAccessibleName(translate("NewPlan", "Plan att kopiera"))
        for plan_id, title in plans:
            self.source.addItem(title, plan_id)
        self.model = QComboBox(self)
        self.model.setAccessibleName(translate("NewPlan", "Styrmodell"))
        for key, name in steering_models:
            self.model.addItem(kind_label(name), key)
        self._model_chosen = False
        self.model.activated.connect(self._choose_model)
        self.title = QLineEdit(self)
        self.title.setAccessibleName(translate("NewPlan", "Titel"))
        self.title.setPlaceholderText(translate("NewPlan", "Uppdragets namn"))
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        buttons = ok_cancel(self, translate("NewPlan", "&Skapa"), translate("NewPlan", "&Avbryt"), self._accept)
        form = QFormLayout(self)
        self.kind_label = QLabel(translate("NewPlan", "&Mall:"), self)
        self.kind_label.setBuddy(self.kind)
        self.source_label = QLabel(translate("NewPlan", "&Kopiera från:"), self)
        self.source_label.setBuddy(self.source)
        title_label = QLabel(translate("NewPlan", "&Titel:"), self)
        title_label.setBuddy(self.title)
        self.model_label = QLabel(translate("NewPlan", "St&yrmodell:"), self)
        self.model_label.setBuddy(self.model)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.model_label, self.model)
        form.addRow(self.source_label, self.source)
        form.addRow(title_label, self.title)
        form.addRow(self.message)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(520, self.sizeHint().height())

    def _choose_model(self) -> None:
        self._model_chosen = True  # a model the person picked stays when the template changes

    def _kind_changed(self) -> None:
        from app.decisions import default_model_key

        copying = self.kind.currentData() == COPY
        self.source.setVisible(copying)
        self.source_label.setVisible(copying)
        self.model.setVisible(not copying and self.model.count() > 0)
        self.model_label.setVisible(not copying and self.model.count() > 0)
        default = None if copying else default_model_key(self.kind.currentData())
        if not self._model_chosen and default is not None and self.model.findData(default) >= 0:
            self.model.setCurrentIndex(self.model.findData(default))
        if copying and not self.title.text().strip():
            self.title.setText(translate("NewPlan", "Kopia av %1").replace("%1", self.source.currentText()))

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.message.setText(translate("NewPlan", "Skriv en titel för planen."))
            self.title.setFocus()
            return
        self.accept()

    def choice(self) -> tuple[str, int | None, str]:
        """(template key or COPY, plan to copy, title)."""
        key = self.kind.currentData()
        return key, self.source.currentData() if key == COPY else None, self.title.text().strip()

    def steering_model(self) -> str | None:
        """The chosen steering model's key (None when copying or when no model is offered)."""
        return None if self.kind.currentData() == COPY else self.model.currentData()
