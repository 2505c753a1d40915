"""Arkiv → "Öppna server…" and the recent servers: the window on a team server (app.team).

A password is asked for only when the server wants one and neither .pgpass nor the service
file gives it; it is kept in memory for this session (to reconnect) and never written anywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.i18n import translate

if TYPE_CHECKING:
    from app.workspace import Workspace


class _AskDialog(QDialog):
    """One line to fill in, with an explanation above it."""

    def __init__(self, title: str, text: str, value: str, parent: QWidget | None, *, secret: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(text, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.field = QLineEdit(value, self)
        self.field.setObjectName("secretField" if secret else "serverAddress")
        if secret:
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
        label.setBuddy(self.field)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    @property
    def value(self) -> str:
        return self.field.text().strip()


class ServerDialog(_AskDialog):
    def __init__(self, value: str, parent: QWidget | None):
        super().__init__(
            translate("ServerDialog", "Öppna server"),
            translate("ServerDialog", "Teamserverns adress, t.ex. postgresql://användare@server.region.se/uppdrag eller "
                               "postgresql:///?service=uppdrag. Ange en egen CA-fil med ?sslrootcert=SÖKVÄG. "
                               "Skriv inget lösenord här: Uppdrag frågar om servern vill ha ett."),
            value, parent)


class PasswordDialog(_AskDialog):
    def __init__(self, name: str, parent: QWidget | None):
        super().__init__(
            translate("ServerDialog", "Lösenord"),
            translate("ServerDialog", "Lösenord för %1. Det används bara under den här sessionen och sparas inte.")
            .replace("%1", name),
            "", parent, secret=True)


def open_server_dialog(window) -> bool:
    recent = window.settings.recent_servers
    dialog = ServerDialog(recent[0] if recent else "postgresql://", window)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.value:
        return False
    return window.open_path(dialog.value)


def fill_recent_servers(window, menu) -> None:
    menu.clear()
    for url in window.settings.recent_servers:
        action = menu.addAction(url)
        action.triggered.connect(lambda _=False, u=url: window.open_path(u))
    menu.setEnabled(bool(window.settings.recent_servers))


def open_server_workspace(url: str, *, read_only: bool, parent) -> Workspace | None:
    """The server as a Workspace that hears others' commits; asks for a password if the server wants one."""
    from app.team import PasswordNeeded, open_team, server_name

    try:
        return open_team(url, read_only=read_only, listen=True)
    except PasswordNeeded:
        dialog = PasswordDialog(server_name(url), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return open_team(url, read_only=read_only, listen=True, password=dialog.field.text())
