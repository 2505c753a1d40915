"""The file's risk settings: scale (4 or 5), the name of every level, and the colour thresholds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import risks
from app.risks import RiskSettings
from app.workspace import Workspace
from ui.i18n import kind_label, translate

_STORED = Qt.ItemDataRole.UserRole  # a level's name as the file keeps it (the default ones Swedish)


class RiskSettingsDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Risks", "Riskinställningar"))
        self.ws = ws
        self.scale_box = QComboBox()
        for n in risks.SCALES:
            self.scale_box.addItem(f"1–{n} ({n}×{n})", n)
        self.labels = QTableWidget(0, 2)
        self.labels.setHorizontalHeaderLabels([translate("Risks", "Sannolikhet"), translate("Risks", "Konsekvens")])
        self.labels.horizontalHeader().setStretchLastSection(True)
        self.labels.setAccessibleName(translate("Risks", "Benämning för varje nivå"))
        self.yellow = QSpinBox()
        self.red = QSpinBox()
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("Risks", "&Skala:"), self.scale_box)
        self.yellow.setToolTip(translate("Risks", "Lägsta riskvärde (sannolikhet × konsekvens) som räknas som medelhög "
                                                  "risk, t.ex. 5."))
        self.red.setToolTip(translate("Risks", "Lägsta riskvärde som räknas som hög risk, t.ex. 9."))
        form.addRow(translate("Risks", "Gul från riskvärde:"), self.yellow)
        form.addRow(translate("Risks", "Röd från riskvärde:"), self.red)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("Risks", "Benämning för varje nivå:")))
        layout.addWidget(self.labels)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        current = risks.load_settings(ws)
        self.scale_box.setCurrentIndex(self.scale_box.findData(current.scale))
        self._show(current)
        self.scale_box.currentIndexChanged.connect(lambda _n: self._show(risks.load_settings(ws, self.scale)))

    @property
    def scale(self) -> int:
        return int(self.scale_box.currentData())

    def _show(self, s: RiskSettings) -> None:
        """The levels' names as the window shows them (the default names in the current language); each
        cell keeps the name as stored, which goes back to the file unless the cell's text was changed."""
        self.labels.setRowCount(s.scale)
        self.labels.setVerticalHeaderLabels([str(n) for n in range(1, s.scale + 1)])
        for row in range(s.scale):
            for column, stored in enumerate((s.probability_labels[row], s.impact_labels[row])):
                item = QTableWidgetItem(kind_label(stored))
                item.setData(_STORED, stored)
                self.labels.setItem(row, column, item)
        top = s.scale * s.scale
        for box, value in ((self.yellow, s.yellow_from), (self.red, s.red_from)):
            box.setRange(2, top)
            box.setValue(value)
        old = self.ws.risk_scale
        self.note.setText("" if s.scale == old else
                          translate("Risks", "Alla riskers poäng räknas om från skala 1–%1 till 1–%2 och varje "
                                             "omräkning sparas i riskens historik.").replace("%1", str(old)).replace(
                              "%2", str(s.scale)))

    def settings(self) -> RiskSettings:
        def name(item: QTableWidgetItem | None) -> str:
            if item is None:
                return ""
            stored = item.data(_STORED)
            return stored if stored and item.text() == kind_label(stored) else item.text().strip()

        def col(c: int) -> tuple[str, ...]:
            return tuple(name(self.labels.item(r, c)) for r in range(self.labels.rowCount()))

        return RiskSettings(self.scale, col(0), col(1), self.yellow.value(), self.red.value())

    def accept(self) -> None:
        problems = self.settings().problems()
        if problems:
            self.note.setText(" ".join(m for _f, m in problems))
            return
        super().accept()
