"""Team servers (File menu): open one, and the servers opened lately."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtGui import QAction

from ui.controllers import Controller, DocumentState, make_action
from ui.i18n import translate


def _server_actions() -> ModuleType:
    from ui import server_actions

    return server_actions


class ServerController(Controller):
    def _make(self) -> dict[str, QAction]:
        w = self.window
        return {
            "open_server": make_action(self, translate("MainWindow", "Öppna se&rver…"),
                                       lambda: _server_actions().open_server_dialog(w), None, "actionOpenServer"),
            "recent_servers": self.submenu(translate("MainWindow", "Senaste ser&vrar"), "recentServersMenu",
                                           lambda menu: _server_actions().fill_recent_servers(w, menu)),
        }

    def enable(self, state: DocumentState) -> None:
        self.actions["recent_servers"].setEnabled(bool(self.window.settings.recent_servers))
