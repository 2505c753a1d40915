"""Inställningar ▸ Rapporteringsintervall… the way a person uses it: a bad interval told in Swedish with
the dialog left open, a good one stored in the file as one undo step, and Översikt's grey following it at once."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.overview_settings import report_interval
from ui.dialogs.report_interval_dialog import ReportIntervalDialog
from ui_steps import keys, plan_id_by_title


def _type_and_save(qtbot, dialog: ReportIntervalDialog, text: str) -> None:
    qtbot.keyClick(dialog.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, dialog.edit, text)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_interval_is_checked_stored_undone_and_the_grey_follows(qtbot, monkeypatch, window) -> None:
    ws = window.ofile.ws
    plan = plan_id_by_title(window, "Gemensam plan")
    ws.add("status_report", plan, report_date=date.today() - timedelta(days=20), status="green")
    window.actions_["portfolio_overview"].trigger()
    view = window._portfolio_windows[-1].view
    row = next(r for r in range(view.model.rowCount()) if view.model.rows[r].plan_id == plan)
    assert view.model.index(row, 3).data() == "Grön"  # 20 days: within a month

    action = window.actions_["report_interval"]
    assert action.isEnabled() and action in window.menuBar().actions()[3].menu().actions()  # Inställningar
    told: list[str] = []

    def run(dialog: ReportIntervalDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.edit.text() == "31 dagar" and dialog.edit.accessibleName() == "Rapporteringsintervall"
        dialog.edit.setFocus()
        _type_and_save(qtbot, dialog, "snart")
        told.append(dialog.error.text())
        assert dialog.isVisible() and not dialog.result()
        _type_and_save(qtbot, dialog, "2 veckor")
        return dialog.result()

    monkeypatch.setattr(ReportIntervalDialog, "exec", run)
    action.trigger()
    assert told == ["Rapporteringsintervallet ”snart” går inte att använda; skriv ett antal dagar eller veckor "
                    "mellan 1 dag och 52 veckor, till exempel 30 dagar eller 4 veckor."]
    assert report_interval(ws) == 14
    assert view.model.index(row, 3).data() == "Grå (inaktuell)"  # at once, in the window already open
    assert window.actions_["undo"].text() == "&Ångra ändrade rapporteringsintervallet"
    window.actions_["undo"].trigger()
    assert report_interval(ws) == 31 and view.model.index(row, 3).data() == "Grön"
    window.actions_["redo"].trigger()
    assert report_interval(ws) == 14 and view.model.index(row, 3).data() == "Grå (inaktuell)"
