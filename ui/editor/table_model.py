"""A thin table model over the plain rows of one kind (dicts from Workspace.list)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.editor.fields import Field, field_hint, format_value

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    def __init__(self, fields: list[Field], parent=None):
        super().__init__(parent)
        self.fields = [f for f in fields if f.in_table]
        self.rows: list[dict[str, Any]] = []
        self.cells: list[tuple[str, ...]] = []  # display texts, computed once per reset
        self.people: dict[int, str] = {}

    def set_rows(self, rows: list[dict[str, Any]], people: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows, self.people = rows, people
        self.cells = [tuple(format_value(f, r.get(f.name), r, people) for f in self.fields) for r in rows]
        self.endResetModel()

    def row_of(self, row_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == row_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.fields)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells[index.row()][index.column()]
        if role == ROW_ID_ROLE:
            return self.rows[index.row()]["id"]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return (field_hint(self.fields[section]) or None) if 0 <= section < len(self.fields) else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.fields[section].title() if 0 <= section < len(self.fields) else None
        return section + 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
