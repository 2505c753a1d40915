"""Thin Qt table models over plain tuples: the risk register and a risk's assessment history.

The register model holds `app.risks.RiskRow` tuples only; edits become undo
commands pushed through `push_safely`, and the panel reloads the rows when
the workspace announces a change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app import kinds
from app.dates import DateParseError
from app.date_text import parse_date
from app.risks import AssessmentRow, RiskRow, RiskSettings
from ui.risks.levels import impact_text, probability_text
from ui.i18n import date_text, kind_label, translate
from ui.palette import INK
from ui.sheet import refill

RISK_MIME = "application/x-uppdrag-risk-id"
LEVEL_COLOURS = {"green": QColor("#9fd89f"), "yellow": QColor("#ffe27a"), "red": QColor("#f08080")}
# A level is never told by its colour alone: a word goes beside it in the table and in the matrix.
LEVEL_WORDS = {"green": QT_TRANSLATE_NOOP("Risks", "låg"), "yellow": QT_TRANSLATE_NOOP("Risks", "medel"),
               "red": QT_TRANSLATE_NOOP("Risks", "hög")}
LEVEL_TEXTS = {"green": QT_TRANSLATE_NOOP("Risks", "Låg risk"), "yellow": QT_TRANSLATE_NOOP("Risks", "Medelhög risk"),
               "red": QT_TRANSLATE_NOOP("Risks", "Hög risk")}


def level_word(level: str | None) -> str:
    """The short word for a risk level ("hög"), in the current language; "" for none."""
    return translate("Risks", LEVEL_WORDS[level]) if level in LEVEL_WORDS else ""


def level_text(level: str | None) -> str | None:
    return translate("Risks", LEVEL_TEXTS[level]) if level in LEVEL_TEXTS else None

Index = QModelIndex | QPersistentModelIndex

# (header, field in RiskRow, field in the Risk row or None when read-only)
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("Risks", "Risk"), "title", "title"),
    (QT_TRANSLATE_NOOP("Risks", "Orsak"), "cause", "cause"),
    (QT_TRANSLATE_NOOP("Risks", "Följd"), "consequence", "consequence"),
    (QT_TRANSLATE_NOOP("Risks", "Sannolikhet"), "probability", "probability"),
    (QT_TRANSLATE_NOOP("Risks", "Konsekvens"), "impact", "impact"),
    (QT_TRANSLATE_NOOP("Risks", "Riskvärde"), "value", None),
    (QT_TRANSLATE_NOOP("Risks", "Ansvarig"), "owner", "owner"),
    (QT_TRANSLATE_NOOP("Risks", "Åtgärd"), "mitigation", "mitigation"),
    (QT_TRANSLATE_NOOP("Risks", "Datum"), "due", "due"),
    (QT_TRANSLATE_NOOP("Risks", "Status"), "status", "status"),
    (QT_TRANSLATE_NOOP("Risks", "Trend"), "trend", "trend"),
)
PLAN_COLUMN = (QT_TRANSLATE_NOOP("Risks", "Plan"), "plan_title", None)
# What a column holds, where its name alone could be read two ways (the header's tooltip).
HEADER_TIPS = {
    "consequence": QT_TRANSLATE_NOOP("Risks", "Vad som händer om risken inträffar, i ord."),
    "probability": QT_TRANSLATE_NOOP("Risks", "Hur sannolikt det är att risken inträffar, som poäng på riskskalan."),
    "impact": QT_TRANSLATE_NOOP("Risks", "Hur allvarlig följden blir, som poäng på riskskalan. Riskvärdet är sannolikhet × konsekvens."),
}
CHOICES = {"status": kinds.RISK_STATUSES, "trend": kinds.RISK_TRENDS}

# edit(risk_id, field, value) is how the model asks for a change; the panel turns it into a command.
EditFn = Callable[[int, str, Any], bool]


class RiskTableModel(QAbstractTableModel):
    def __init__(self, settings: RiskSettings, edit: EditFn | None = None, parent: Any = None):
        super().__init__(parent)
        self._rows: list[RiskRow] = []
        self._settings = settings
        self._edit = edit
        self._columns: tuple[tuple[str, str, str | None], ...] = COLUMNS

    # --- loading --------------------------------------------------------------

    def set_rows(self, rows: Sequence[RiskRow], *, portfolio: bool = False,
                 settings: RiskSettings | None = None) -> bool:
        """New rows (after any change); returns whether the model was reset (see ui.sheet.refill)."""
        columns = (PLAN_COLUMN, *COLUMNS) if portfolio else COLUMNS
        same = columns == self._columns and [r.id for r in rows] == [r.id for r in self._rows]

        def assign() -> None:
            self._rows = list(rows)
            self._columns = columns
            if settings is not None:
                self._settings = settings

        return refill(self, same, assign)

    def row_at(self, row: int) -> RiskRow:
        return self._rows[row]

    def row_of(self, risk_id: int) -> int | None:
        for n, r in enumerate(self._rows):
            if r.id == risk_id:
                return n
        return None

    def column_of(self, field: str) -> int:
        return [c[1] for c in self._columns].index(field)

    # --- Qt -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("Risks", self._columns[section][0])
            if role == Qt.ItemDataRole.ToolTipRole:
                name = self._columns[section][1]
                tips = [translate("Risks", HEADER_TIPS[name])] if name in HEADER_TIPS else []
                example = self._column_hint(name)
                return " ".join([*tips, example] if example else tips) or None
        return None

    def _column_hint(self, name: str) -> str | None:
        """What a score or a date column takes, with an example."""
        n = self._settings.scale
        if name == "probability":
            return translate("Risks", "Sannolikhet från 1 (%2) till %1 (%3), t.ex. 3.").replace("%1", str(n)).replace(
                "%2", probability_text(self._settings, 1)).replace("%3", probability_text(self._settings, n))
        if name == "impact":
            return translate("Risks", "Konsekvens från 1 (%2) till %1 (%3), t.ex. 2.").replace("%1", str(n)).replace(
                "%2", impact_text(self._settings, 1)).replace("%3", impact_text(self._settings, n))
        if name == "value":
            return translate("Risks", "Sannolikhet × konsekvens; nivån står som ord bredvid talet.")
        if name == "due":
            return translate("Risks", "Klart senast, t.ex. 2026-03-15, mars 2026 eller Q3 2026.")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if self._columns[index.column()][2] is not None and self._edit is not None:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        _header, name, _field = self._columns[index.column()]
        value = getattr(r, name)
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "value" and value is not None and self._settings.level(value):
                return f"{value} {level_word(self._settings.level(value))}"
            return self._display(name, value)
        if role == Qt.ItemDataRole.EditRole:
            if name == "due":
                return value.shown("long") if value else ""  # reads back in either language
            return value if value is not None else ""
        if role == Qt.ItemDataRole.BackgroundRole and name == "value":
            level = self._settings.level(value)
            return QBrush(LEVEL_COLOURS[level]) if level else None
        if role == Qt.ItemDataRole.ForegroundRole and name == "value" and self._settings.level(value):
            return QBrush(INK)  # dark on the light level colour, in a dark theme too
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "probability":
                return probability_text(self._settings, value) or None
            if name == "impact":
                return impact_text(self._settings, value) or None
            if name == "value":
                level = self._settings.level(value)
                return level_text(level)
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("probability", "impact", "value"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, name: str, value: Any) -> str:
        if value is None:
            return ""
        if name == "due":
            return date_text(value, "short")
        if name in CHOICES:
            return kind_label(CHOICES[name].get(value, value))
        return str(value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._edit is None:
            return False
        field = self._columns[index.column()][2]
        if field is None:
            return False
        r = self._rows[index.row()]
        try:
            parsed = _parse(field, value)
        except ValueError:
            return False
        if parsed == getattr(r, field):
            return False
        return self._edit(r.id, field, parsed)

    # --- dragging a row onto the matrix ----------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [RISK_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            mime.setData(RISK_MIME, str(self._rows[rows[0]].id).encode())
        return mime

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction


def _parse(field: str, value: Any) -> Any:
    """Text from an editor to the service's value; ValueError when it cannot mean anything."""
    if field in ("probability", "impact"):
        if value in ("", None):
            return None
        return int(value)
    if field == "due":
        text = str(value or "").strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except DateParseError as exc:
            raise ValueError(str(exc)) from exc
    if field in CHOICES:
        choices = CHOICES[field]
        if value in choices:
            return value
        for code, label in choices.items():
            if str(value).strip().lower() == label.lower():
                return code
        raise ValueError(value)
    return str(value)


class HistoryModel(QAbstractTableModel):
    """A risk's assessments, oldest first."""

    HEADERS = (QT_TRANSLATE_NOOP("Risks", "Datum"), QT_TRANSLATE_NOOP("Risks", "Sannolikhet"),
               QT_TRANSLATE_NOOP("Risks", "Konsekvens"), QT_TRANSLATE_NOOP("Risks", "Riskvärde"),
               QT_TRANSLATE_NOOP("Risks", "Skala"), QT_TRANSLATE_NOOP("Risks", "Kommentar"))

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[AssessmentRow] = []

    def set_rows(self, rows: Sequence[AssessmentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return translate("Risks", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        values = (a.assessed_on.isoformat(), a.probability, a.impact, a.value, f"1–{a.scale}", a.note)
        return str(values[index.column()])
