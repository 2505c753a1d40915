"""A team server's offline work (File menu): take plans offline into a file, and synchronise that
file with its server when back."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtGui import QAction

from ui.controllers import Controller, DocumentState, make_action
from ui.i18n import translate


def _team_actions() -> ModuleType:
    from ui import team_actions

    return team_actions


class TeamController(Controller):
    def _make(self) -> dict[str, QAction]:
        w = self.window
        return {
            "checkout": make_action(self, translate("MainWindow", "Ta med o&ffline…"),
                                    lambda: _team_actions().checkout_to_file(w), "Ctrl+Shift+O", "actionCheckout"),
            "sync": make_action(self, translate("MainWindow", "S&ynkronisera"), lambda: _team_actions().sync_now(w),
                                "F9", "actionSync"),
        }

    def enable(self, state: DocumentState) -> None:
        self.actions["checkout"].setEnabled(state.on_server)
        self.actions["sync"].setEnabled(state.writable and state.checked_out)
