"""A field for a Swedish vague date that says at once what it understood.

Typing "sep 2025" shows "→ September 2025 (månad)"; "31/2 2025" shows the
parser's Swedish message in red and nothing is stored. `committed` is emitted
with the parsed value (or None for an emptied field) on Enter or focus-out.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.dates import DateParseError, Precision, VagueDate, parse_date
from ui.i18n import tr

_NO_VALUE = object()


def precision_label(precision: Precision) -> str:
    return {
        Precision.DAY: tr("DateEdit", "dag"),
        Precision.MONTH: tr("DateEdit", "månad"),
        Precision.QUARTER: tr("DateEdit", "kvartal"),
        Precision.YEAR: tr("DateEdit", "år"),
    }[precision]


def format_date(value: VagueDate | None) -> str:
    return value.format() if value is not None else ""


class VagueDateEdit(QWidget):
    committed = Signal(object)  # VagueDate | None

    def __init__(self, parent: QWidget | None = None, *, day_only: bool = False):
        super().__init__(parent)
        self.day_only = day_only
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(tr("DateEdit", "t.ex. 2025-09-15, sep 2025, Q3 2025"))
        self.feedback = QLabel(self)
        self.feedback.setObjectName("dateFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.line)
        layout.addWidget(self.feedback)
        self.setFocusProxy(self.line)
        self._value: VagueDate | None = None
        self.line.textEdited.connect(self._show_understanding)
        self.line.editingFinished.connect(self._commit)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def value(self) -> VagueDate | None:
        return self._value

    def set_value(self, value: VagueDate | None) -> None:
        self._value = value
        if not self.line.hasFocus() or self.parsed() != value:
            self.line.setText(format_date(value))
        self._say("")

    def parsed(self):
        """The text's meaning: a VagueDate, None (empty) or a DateParseError."""
        text = self.line.text().strip()
        if not text:
            return None
        try:
            value = parse_date(text)
        except DateParseError as exc:
            return exc
        if self.day_only and value.precision is not Precision.DAY:
            return DateParseError(tr("DateEdit", "Ange en dag, till exempel 2025-09-15."))
        return value

    def _say(self, text: str, color: str = "") -> None:
        self.feedback.setStyleSheet(f"color: {color};" if color else "")
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))
        self.line.setAccessibleDescription(text)

    def _show_understanding(self) -> None:
        value = self.parsed()
        if isinstance(value, DateParseError):
            self._say(str(value), "#b00020")
        elif value is None:
            self._say(tr("DateEdit", "→ inget datum"), "#555555")
        else:
            self._say(f"→ {value.format()} ({precision_label(value.precision)})", "#2e6b30")

    def _commit(self) -> None:
        value = self.parsed()
        if isinstance(value, DateParseError):
            self._show_understanding()
            return
        if value != self._value:
            self._value = value
            self.committed.emit(value)
        self.line.setText(format_date(value))
        self._say("")
