"""A table model over a computed LoadTable: plain data only, no queries while painting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.load import Cell, LoadTable
from ui.i18n import translate
from ui.palette import INK

OVER_BACKGROUND = QColor("#f2b8b5")  # light red; with bold text and "!" it does not rely on colour
OVER_FOREGROUND = QColor("#5a0000")
BOOKED_BACKGROUND = QColor("#e3eef9")
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # the app.load.Cell behind an index
OVER_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def percent_text(value: float) -> str:
    if value == 0:
        return ""
    number = f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")
    return f"{number} %"


class LoadTableModel(QAbstractTableModel):
    """People as rows, periods as columns; each cell a person's total share in that period."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._table: LoadTable | None = None

    def set_table(self, table: LoadTable) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    @property
    def table(self) -> LoadTable | None:
        return self._table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._table is None else len(self._table.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._table is None else len(self._table.periods)

    def cell(self, index: Index) -> Cell:
        assert self._table is not None
        person = self._table.people[index.row()]
        return self._table.cell(person.key, self._table.periods[index.column()].key)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None:
            return None
        cell = self.cell(index)
        if role == Qt.ItemDataRole.DisplayRole:
            text = percent_text(cell.total)
            return f"{text} !" if cell.over else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and cell.over:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.over:
                return OVER_BACKGROUND
            return BOOKED_BACKGROUND if cell.total else None
        if role == Qt.ItemDataRole.ForegroundRole and cell.over:
            return OVER_FOREGROUND
        if role == Qt.ItemDataRole.ForegroundRole and cell.total:
            return INK  # dark on the light booked colour, in a dark theme too
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            person = self._table.people[index.row()]
            period = self._table.periods[index.column()]
            lines = [f"{person.name}, {period.shown}: {percent_text(cell.total) or '0 %'}"
                     + (" – " + translate("Resources", "över 100 %") if cell.over else "")]
            lines += [f"{c.plan_title}: {percent_text(c.share)}" for c in cell.contributions]
            return "\n".join(lines)
        if role == CELL_ROLE:
            return cell
        if role == OVER_ROLE:
            return cell.over
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._table is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._table.periods):
                return self._table.periods[section].shown
            return None
        if 0 <= section < len(self._table.people):
            person = self._table.people[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return person.unit or translate("Resources", "Ingen enhet angiven")
            return person.name
        return None
