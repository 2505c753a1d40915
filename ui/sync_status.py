"""Where the open file lives (lokal / nätverksenhet / server) and whether everything is
written back, shown in the status bar.

A network file's write-back runs on a worker thread (app.network_file); its status comes
here through a queued Qt signal, so the label is only touched on the GUI thread. While a
write-back fails, the status bar keeps saying "Ej sparad till … – försöker igen" until the
worker has written the file back by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from ui.i18n import translate
from ui.palette import error_style

if TYPE_CHECKING:
    from app.network_file import SyncStatus
    from app.workspace import Workspace



def _location_text(kind: str) -> str:
    return {"local": translate("SyncStatus", "Lokal fil"), "network": translate("SyncStatus", "Nätverksenhet"),
            "server": translate("SyncStatus", "Server")}[kind]


def _state_text(state: str) -> str:
    return {"saved": translate("SyncStatus", "allt sparat"), "pending": translate("SyncStatus", "sparas strax"),
            "saving": translate("SyncStatus", "sparar …"), "failed": translate("SyncStatus", "ej sparad"),
            "blocked": translate("SyncStatus", "ej sparad"), "merged": translate("SyncStatus", "sammanfogad, sparar …"),
            "read_only": translate("SyncStatus", "skrivskyddad")}[state]


class SyncIndicator(QObject):
    """The label in the status bar for one open file; `stop()` when the file closes."""

    status_changed = Signal(object)

    def __init__(self, ws: Workspace, status_bar: QStatusBar, parent: QObject | None = None):
        from app.network_paths import location_of  # app.network_file loads only for a shared file

        super().__init__(parent)
        self.status_bar = status_bar
        state = ws.sharing
        self.netfile = getattr(state, "netfile", None)
        origin = getattr(state, "origin", None) or ws.path
        self.location = "server" if getattr(ws, "on_server", False) else location_of(origin)
        self.label = QLabel(status_bar)
        self.label.setObjectName("locationLabel")
        status_bar.addPermanentWidget(self.label)
        self._showing_error = False
        self.merge_text: str | None = None
        self.status_changed.connect(self.show_status)
        if self.netfile is not None:
            self.netfile.add_listener(self.status_changed.emit)  # from the worker thread: queued
        else:
            self.label.setText(_location_text(self.location))
            self.label.setToolTip(str(origin))

    def retranslate(self) -> None:
        """The language changed: say where the file is in the new one (a shared file's state follows by itself)."""
        if self.netfile is None:
            self.label.setText(_location_text(self.location))

    def show_status(self, status: SyncStatus) -> None:
        self.label.setText(f"{_location_text(self.location)} – {_state_text(status.state)}")
        self.label.setToolTip(status.message)
        if status.state in ("failed", "blocked"):
            self._showing_error = True
            self.status_bar.setStyleSheet(error_style("QStatusBar"))
            self.status_bar.showMessage(status.message)  # stays until written back
        elif self._showing_error and status.state == "saved":
            self._showing_error = False
            self.status_bar.setStyleSheet("")
            self.status_bar.showMessage(status.message, 10000)
        elif status.state == "merged":
            self.merge_text = status.message
            self.status_bar.showMessage(status.message, 20000)  # say what came in from the share

    def take_merge_text(self) -> str | None:
        """What the last merge with the share brought in, once: the window says it when it reloads."""
        text, self.merge_text = self.merge_text, None
        return text

    def start(self) -> None:
        """Start writing back in the background (once the window is on screen)."""
        if self.netfile is not None:
            self.netfile.start()

    def stop(self) -> None:
        if self.netfile is not None:
            self.netfile.stop()
            self.netfile.remove_listener(self.status_changed.emit)
        if self._showing_error:
            self.status_bar.setStyleSheet("")
            self.status_bar.clearMessage()
        self.status_bar.removeWidget(self.label)
        self.label.deleteLater()
