"""Tables typed in as a spreadsheet: typing opens the cell, Tab moves right, Enter moves down.

A cell's edit is stored while its editor commits (QAbstractItemView.commitData ->
setData -> an undo command), and the store announces the change at once. The
page then reloads its rows; if that reload reset the model, Qt would drop the
open editor in the middle of its commit ("commitData called with an editor that
does not belong to this view") and the current cell would fall back to the
row's first column, so the next keys typed would land in the wrong cell. So a
reload that keeps the same rows only tells the view their data changed
(`refill`), and re-selecting a row keeps the column the person is in (`reselect`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QComboBox, QStyledItemDelegate, QTableView, QWidget,
)

Index = QModelIndex | QPersistentModelIndex


class SheetView(QTableView):
    """A table typed in like a spreadsheet. Tab/Shift+Tab store the cell and open the next/previous one
    (Qt's own), Enter stores it and moves to the cell below."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setTabKeyNavigation(True)

    def commit_open_editor(self) -> bool:
        """Store the cell being typed in and close its editor (before an undo, say); whether one was open."""
        if self.state() != QAbstractItemView.State.EditingState:
            return False
        # A cell's editor is a direct child of the viewport (this view opens no persistent ones).
        editor = next((w for w in self.viewport().findChildren(QWidget, options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly)
                       if w.isVisible()), None)
        if editor is None:
            return False
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return True

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in the editor
            current = self.currentIndex()
            below = current.sibling(current.row() + 1, current.column())
            if below.isValid():
                self.setCurrentIndex(below)


def refill(model: QAbstractItemModel, same_rows: bool, assign: Callable[[], None]) -> bool:
    """Put new rows into `model` through `assign`. When they are the same rows (same ids in the same
    order, same columns), only their data is said to have changed, so the view keeps its editor, its
    current cell and its selection; otherwise the model is reset. Returns whether it was reset."""
    if same_rows:
        assign()
        rows, columns = model.rowCount(), model.columnCount()
        if rows and columns:
            model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))
        return False
    model.beginResetModel()
    assign()
    model.endResetModel()
    return True


def reselect(view: QAbstractItemView, row: int) -> None:
    """Make `row` the current, selected row, in the column the person is in (the first if none)."""
    model, current = view.model(), view.currentIndex()
    if not 0 <= row < model.rowCount():
        return
    if current.isValid() and current.row() == row and view.selectionModel().isRowSelected(row, QModelIndex()):
        return  # already there: leave the cell (and any open editor) alone
    column = current.column() if current.isValid() else 0
    view.selectionModel().setCurrentIndex(
        model.index(row, column),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of labels for a coded column (status, kind, trend); the model stores the code."""

    def __init__(self, choices: dict[str, str], parent: Any = None, label: Callable[[str], str] = str):
        super().__init__(parent)
        self.choices = choices
        self.label = label

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for code, text in self.choices.items():
            combo.addItem(self.label(text) or "—", code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        n = editor.findData(index.data(QtCore.Qt.ItemDataRole.EditRole) or "")
        editor.setCurrentIndex(max(0, n))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), QtCore.Qt.ItemDataRole.EditRole)
