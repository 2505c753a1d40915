"""Shared copies and editions: send a plan, merge another copy, restore a backup (File menu); freeze and
compare editions, change or read a steering model, the plan's change history (Edit menu); the file's
closed days and reporting interval (Settings menu)."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtGui import QAction

from ui.controllers import Controller, DocumentState, make_action
from ui.i18n import translate


def _sharing_actions() -> ModuleType:
    from ui import sharing_actions

    return sharing_actions


def _closed_days_dialog() -> ModuleType:
    from ui.dialogs import closed_days_dialog

    return closed_days_dialog


def _report_interval_dialog() -> ModuleType:
    from ui.dialogs import report_interval_dialog

    return report_interval_dialog


def _history_dialog() -> ModuleType:
    from ui.dialogs import history_dialog

    return history_dialog


class SharingController(Controller):
    def _make(self) -> dict[str, QAction]:
        w = self.window
        return {
            "send_plan": make_action(self, translate("MainWindow", "Skicka plan som &fil…"),
                                     lambda: _sharing_actions().send_plan(w), None, "actionSendPlan"),
            "merge": make_action(self, translate("MainWindow", "Importera från &annan fil…"),
                                 lambda: _sharing_actions().merge_from_file(w), None, "actionMerge"),
            "restore": make_action(self, translate("MainWindow", "Återställ från säker&hetskopia…"),
                                   lambda: _sharing_actions().restore_from_backup(w), None, "actionRestore"),
            "freeze": make_action(self, translate("MainWindow", "&Frys utgåva…"), lambda: _sharing_actions().freeze_edition(w),
                                  None, "actionFreezeEdition"),
            "compare": make_action(self, translate("MainWindow", "&Jämför utgåvor…"),
                                   lambda: _sharing_actions().compare_editions(w), None, "actionCompareEditions"),
            "steering_model": make_action(self, translate("MainWindow", "Byt st&yrmodell…"),
                                          lambda: _sharing_actions().change_steering_model(w), None,
                                          "actionChangeSteeringModel"),
            "read_model": make_action(self, translate("MainWindow", "&Läs in styrmodell…"),
                                      lambda: _sharing_actions().read_steering_model(w), None,
                                      "actionReadSteeringModel"),
            "history": make_action(self, translate("MainWindow", "Ändrings&historik…"),
                                   lambda: _history_dialog().show_plan_history(
                                       w, w.ofile.ws if w.ofile else None, w.current_plan_id()), None,
                                   "actionPlanHistory"),
            "closed_days": make_action(self, translate("MainWindow", "S&tängda dagar…"),
                                       lambda: _closed_days_dialog().edit_closed_days(w), None, "actionClosedDays"),
            "report_interval": make_action(self, translate("MainWindow", "&Rapporteringsintervall…"),
                                           lambda: _report_interval_dialog().edit_report_interval(w), None,
                                           "actionReportInterval"),
        }

    def enable(self, state: DocumentState) -> None:
        a = self.actions
        a["restore"].setEnabled(state.on_file)
        a["compare"].setEnabled(state.plan)
        a["history"].setEnabled(state.plan)
        a["merge"].setEnabled(state.writable and state.on_file)
        a["send_plan"].setEnabled(state.plan)
        a["freeze"].setEnabled(state.writable and state.plan)
        a["steering_model"].setEnabled(state.writable and state.plan)
        a["read_model"].setEnabled(state.writable)
        a["closed_days"].setEnabled(state.has_file)  # read-only: shown, not changed
        a["report_interval"].setEnabled(state.has_file)
