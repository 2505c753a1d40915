"""Inställningar ▸ Stängda dagar… the way a person uses it: rows typed in the table, a bad date told
at its row with the dialog left open, the list stored as one undo step."""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QTableWidget

from app.workdays import ClosedPeriod, closed_periods
from ui.dialogs.closed_days_dialog import FROM, ClosedDaysDialog
from ui_steps import keys


def _editor(table: QTableWidget) -> QLineEdit:
    """The editor open on the table's current cell (a closed one may linger until deleted)."""
    cell = table.visualRect(table.currentIndex()).center()
    return next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible() and e.geometry().contains(cell))


def _shown(qtbot, dialog: ClosedDaysDialog) -> ClosedDaysDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type_cell(qtbot, table: QTableWidget, text: str, then: Qt.Key = Qt.Key.Key_Tab) -> None:
    editor = _editor(table)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, editor, text)
    qtbot.keyClick(editor, then)
    # Enter commits the cell through a queued call, which then deletes the editor
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible())


def test_closed_days_are_typed_checked_stored_and_undone(qtbot, monkeypatch, window) -> None:
    action = window.actions_["closed_days"]
    assert action.isEnabled()
    assert action in window.menuBar().actions()[3].menu().actions()  # Inställningar
    told: list[str] = []

    def run(dialog: ClosedDaysDialog) -> int:
        _shown(qtbot, dialog)
        assert "Nyårsdagen" in dialog.findChild(QLabel, "publicHolidays").text()
        table = dialog.table
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        _type_cell(qtbot, table, "juli")  # no year: refused at its row
        _type_cell(qtbot, table, "")
        _type_cell(qtbot, table, "Sommarstängt", Qt.Key.Key_Return)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        told.append(dialog.error.text())
        assert dialog.isVisible() and not dialog.result()
        assert (table.currentRow(), table.currentColumn()) == (0, FROM)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        _type_cell(qtbot, table, "juli 2026", Qt.Key.Key_Return)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        _type_cell(qtbot, table, "2026-12-28")
        _type_cell(qtbot, table, "2026-12-30")
        _type_cell(qtbot, table, "Mellandagar", Qt.Key.Key_Return)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ClosedDaysDialog, "exec", run)
    action.trigger()
    assert told == ["Rad 1: Året saknas i ”juli”. Skriv till exempel ”juli 2025”."]
    july = ClosedPeriod(date(2026, 7, 1), date(2026, 7, 31), "Sommarstängt")
    between = ClosedPeriod(date(2026, 12, 28), date(2026, 12, 30), "Mellandagar")
    assert closed_periods() == [july, between]
    assert window.actions_["undo"].text() == "&Ångra ändrade stängda dagar"
    window.actions_["undo"].trigger()
    assert closed_periods() == []
    window.actions_["redo"].trigger()
    assert closed_periods() == [july, between]


def _july_then(qtbot, close: str):
    """A run of the dialog that adds all of July 2026 in a new row, then presses OK or Cancel."""
    def run(dialog: ClosedDaysDialog) -> int:
        _shown(qtbot, dialog).add_row()
        _type_cell(qtbot, dialog.table, "juli 2026", Qt.Key.Key_Return)
        getattr(dialog, close)()
        return dialog.result()

    return run


def test_the_dialog_shows_the_stored_days_and_a_row_is_removed(qtbot, monkeypatch, window) -> None:
    monkeypatch.setattr(ClosedDaysDialog, "exec", _july_then(qtbot, "accept"))
    window.actions_["closed_days"].trigger()
    assert [p.label for p in closed_periods()] == [""]
    shown: list[list[str]] = []

    def remove(dialog: ClosedDaysDialog) -> int:
        table = _shown(qtbot, dialog).table
        shown.append([table.item(0, c).text() for c in range(3)])
        table.setCurrentCell(0, 0)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ClosedDaysDialog, "exec", remove)
    window.actions_["closed_days"].trigger()
    assert shown == [["2026-07-01", "2026-07-31", ""]]
    assert closed_periods() == []


def test_cancel_changes_nothing_and_a_read_only_file_only_shows(qtbot, monkeypatch, make_window, example_file) -> None:
    window = make_window(example_file)
    undo_before = window.ofile.stack.count()
    monkeypatch.setattr(ClosedDaysDialog, "exec", _july_then(qtbot, "reject"))
    window.actions_["closed_days"].trigger()
    assert closed_periods() == [] and window.ofile.stack.count() == undo_before
    window.close_file()
    window.open_path(example_file, read_only=True)
    seen: list[bool] = []

    def look(dialog: ClosedDaysDialog) -> int:
        _shown(qtbot, dialog)
        seen.append(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled())
        seen.append(dialog.add_button.isEnabled())
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ClosedDaysDialog, "exec", look)
    window.actions_["closed_days"].trigger()
    assert seen == [False, False]
