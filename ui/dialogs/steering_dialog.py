"""Byt styrmodell: choose another steering model for the plan and see first what would change."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QWidget

from app.decisions import apply_model_change, preview_model_change
from app.steering import SteeringModelError, models
from app.workspace import Workspace
from ui.dialogs import ok_cancel
from ui.i18n import kind_label, translate


class ChangeModelDialog(QDialog):
    def __init__(self, ws: Workspace, plan_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.plan_id = ws, plan_id
        self.setWindowTitle(translate("Steering", "Byt styrmodell"))
        current = ws.get("plan", plan_id).get("steering_model") or ""
        self.model = QComboBox(self)
        self.model.setAccessibleName(translate("Steering", "Styrmodell"))
        for m in models(ws).values():
            self.model.addItem(kind_label(m.name), m.key)
        self.model.setCurrentIndex(max(self.model.findData(current), 0))
        self.preview = QLabel(self)
        self.preview.setObjectName("modelPreview")
        self.preview.setWordWrap(True)
        self.buttons = ok_cancel(self, translate("Steering", "&Byt"), translate("Steering", "&Avbryt"))
        form = QFormLayout(self)
        form.addRow(translate("Steering", "St&yrmodell:"), self.model)
        form.addRow(self.preview)
        form.addRow(self.buttons)
        self.model.currentIndexChanged.connect(self._show_preview)
        self._show_preview()
        self.resize(560, self.sizeHint().height())

    def _show_preview(self) -> None:
        try:
            change = preview_model_change(self.ws, self.plan_id, self.model.currentData())
        except SteeringModelError as err:
            self.preview.setText(str(err))
            return
        self.preview.setText("\n".join(change_lines(change)))

    def apply(self) -> list[str]:
        """Change the model as previewed; the preview's lines, for the status bar."""
        return change_lines(apply_model_change(self.ws, self.plan_id, self.model.currentData()))


def change_lines(change: Any) -> list[str]:
    """A steering model change (app.decisions.ModelChange), one line per kind, in the current language."""
    out = [translate("Steering", "Styrmodell: %1").replace("%1", kind_label(change.new.name))]
    for codes, text in (
        (change.kept, translate("Steering", "Behålls (datum behålls, namn och checklista från den nya modellen)")),
        (change.added, translate("Steering", "Läggs till")), (change.removed, translate("Steering", "Tas bort")),
        (change.kept_decided, translate("Steering", "Behålls eftersom beslut är fattat")),
    ):
        if codes:
            out.append(f"{text}: {', '.join(codes)}")
    return out
