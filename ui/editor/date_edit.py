"""A field for a vague date (Swedish or English forms) that says at once what it understood.

Typing "sep 2025" shows "→ september 2025 (månad)" ("→ September 2025 (month)" in English);
"31/2 2025" shows the parser's message (with the accepted forms) in red, the typed text stays
and nothing is stored. `committed` is emitted with the parsed value (or None for
an emptied field) on Enter or focus-out. A field that is one side of a period
(`ranges=True`) also takes the whole period, "okt 2024 – jan 2025" or
"v. 12–14 2026", and emits `range_committed` with both sides.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.dates import DateParseError, Precision, VagueDate, VagueRange, shown_range
from app.date_text import parse_date, parse_range
from ui import i18n
from ui.i18n import translate
from ui.palette import error_colour, ok_colour

_NO_VALUE = object()


def precision_label(precision: Precision) -> str:
    return {
        Precision.DAY: translate("DateEdit", "dag"),
        Precision.WEEK: translate("DateEdit", "vecka"),
        Precision.MONTH_PART: translate("DateEdit", "del av månad"),
        Precision.MONTH: translate("DateEdit", "månad"),
        Precision.QUARTER: translate("DateEdit", "kvartal"),
        Precision.TERTIAL: translate("DateEdit", "tertial"),
        Precision.SEASON: translate("DateEdit", "årstid"),
        Precision.HALF: translate("DateEdit", "halvår"),
        Precision.YEAR_PART: translate("DateEdit", "del av år"),
        Precision.YEAR: translate("DateEdit", "år"),
        Precision.TURN: translate("DateEdit", "årsskifte"),
    }[precision]


def format_date(value: VagueDate | None) -> str:
    """A date as a field shows it to be edited, in the window's language ("mars 2026", "March 2026"):
    the field reads either language's form back as the same date."""
    return "" if value is None else value.shown()


def parse_vague(text: str, *, day_only: bool = False, ranges: bool = False):
    """Typed text's meaning: a VagueDate, a VagueRange (both sides, only with `ranges`), None (empty)
    or a DateParseError with the message in the window's language."""
    text = text.strip()
    if not text:
        return None
    today = date.today()  # the year of "v12" or "18/11"
    try:
        value = parse_date(text, today=today)
    except DateParseError as exc:
        if not ranges:
            return exc
        try:
            period = parse_range(text, today=today)
        except DateParseError as range_exc:
            return range_exc
        if period.start is None or period.end is None:
            return exc
        return period
    if day_only and value.precision is not Precision.DAY:
        return DateParseError(translate("DateEdit", "Ange en dag, till exempel 2025-09-15."))
    return value


def _range_text(period: VagueRange) -> str:
    return shown_range(period.start, period.end)


class VagueDateEdit(QWidget):
    committed = Signal(object)  # VagueDate | None
    range_committed = Signal(object)  # VagueRange with both sides, only where ranges=True

    def __init__(self, parent: QWidget | None = None, *, day_only: bool = False, ranges: bool = False):
        super().__init__(parent)
        self.day_only = day_only
        self.ranges = ranges and not day_only
        self.line = QLineEdit(self)
        if self.day_only:
            self.line.setPlaceholderText(translate("DateEdit", "t.ex. 2026-03-15 eller 15/3 2026"))
            self.line.setToolTip(translate("DateEdit", "En dag: 2026-03-15, 15 mars 2026, 15/3 2026 eller 260315."))
        else:
            self.line.setPlaceholderText(translate("DateEdit", "t.ex. 2026-03-15, v. 12 2026, mars 2026, Q3 2026, hösten 2026"))
            self.line.setToolTip(translate(
                "DateEdit", "Ett datum så exakt som det är känt: en dag (2026-03-15), en vecka (v. 12 2026), en månad "
                            "(mars 2026), ett kvartal (Q3 2026), ett tertial (T2 2026), ett halvår (H1 2026), en årstid "
                            "(hösten 2026) eller ett år (2026).")
                + (translate("DateEdit", " En hel period går också: okt 2024 – jan 2025.") if self.ranges else ""))
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
        """The text's meaning: a VagueDate, a VagueRange (both sides), None (empty) or a DateParseError."""
        return parse_vague(self.line.text(), day_only=self.day_only, ranges=self.ranges)

    def _say(self, text: str, color: str = "") -> None:
        self.feedback.setStyleSheet(f"color: {color};" if color else "")
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))
        self.line.setAccessibleDescription(text)

    def _show_understanding(self) -> None:
        value = self.parsed()
        if isinstance(value, DateParseError):
            self._say(str(value), error_colour())
        elif value is None:
            self._say(translate("DateEdit", "→ inget datum"), "#555555")
        elif isinstance(value, VagueRange):
            self._say(translate("DateEdit", "→ {0} (start och slut)").format(_range_text(value)), ok_colour())
        else:
            self._say(f"→ {i18n.date_text(value)} ({precision_label(value.precision)})", ok_colour())

    def _commit(self) -> None:
        value = self.parsed()
        if isinstance(value, DateParseError):
            self._show_understanding()
            return
        if isinstance(value, VagueRange):
            self.range_committed.emit(value)
            self._say("")
            return
        if value != self._value:
            self._value = value
            self.committed.emit(value)
        self.line.setText(format_date(value))
        self._say("")
