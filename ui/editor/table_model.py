"""A thin table model over the plain rows of one kind (dicts from Workspace.list), typed in cell by cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.editor.cells import edit_text, editable_in_cell
from ui.editor.fields import Field, field_hint, format_value
from ui.sheet import refill

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex

# edit(row id, field, what the cell's editor gave) stores a typed cell; False when refused.
EditFn = Callable[[int, Field, Any], bool]


class RowTableModel(QAbstractTableModel):
    def __init__(self, fields: list[Field], parent=None, edit: EditFn | None = None):
        super().__init__(parent)
        self.fields = [f for f in fields if f.in_table]
        self.rows: list[dict[str, Any]] = []
        self.cells: list[tuple[str, ...]] = []  # display texts, computed once per reload
        self.people: dict[int, str] = {}
        self.edit = edit

    def set_rows(self, rows: list[dict[str, Any]], people: dict[int, str]) -> None:
        same = [r["id"] for r in rows] == [r["id"] for r in self.rows]

        def assign() -> None:
            self.rows, self.people = rows, people
            self.cells = [tuple(format_value(f, r.get(f.name), r, people) for f in self.fields) for r in rows]

        refill(self, same, assign)

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
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(self.fields[index.column()], self.rows[index.row()], self.people)
        if role == ROW_ID_ROLE:
            return self.rows[index.row()]["id"]
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit is None:
            return False
        f = self.fields[index.column()]
        if value == edit_text(f, self.rows[index.row()], self.people):
            return False  # left as it was
        return self.edit(self.rows[index.row()]["id"], f, value)

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
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self.edit is not None and editable_in_cell(self.fields[index.column()], self.rows[index.row()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags
