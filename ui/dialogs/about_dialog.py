"""Om Uppdrag: the app's icon, name, version, what it is for, licences and where its own files live.

Standalone: `AboutDialog(parent).exec()` from the Help menu (Hjälp → Om Uppdrag).
"""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.resources import resource_path
from app.version import __version__
from ui.i18n import translate

APP_NAME = "Uppdrag"


def app_icon() -> QIcon:
    """The app's icon, drawn once in app/resources/uppdrag.svg (also the window icon)."""
    return QIcon(str(resource_path("uppdrag.svg")))


def _data_folder() -> str:
    from app.startup import data_folder

    try:
        return str(data_folder())
    except OSError as exc:  # a data folder that cannot be made: say so instead of failing
        return translate("About", "(kan inte skapas: {0})").format(exc.strerror or exc)


def _project_license() -> str:
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata("uppdrag")
    except PackageNotFoundError:
        return ""
    return (meta.get("License-Expression") or meta.get("License") or "").strip()


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("About", "Om Uppdrag"))
        self.setWindowIcon(app_icon())

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.title = QLabel(f"<h2>{APP_NAME}</h2>", self)
        self.version = QLabel(translate("About", "Version {0}").format(__version__), self)
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description = QLabel(
            translate("About", "Skriv, planera och följ upp uppdragsdirektiv, uppdragsplaner, "
                        "projektdirektiv och projektplaner – offline, i en enda fil."),
            self,
        )
        self.description.setWordWrap(True)

        folder = _data_folder()
        self.folder = QLabel(
            translate("About", "Egna filer (standarddatabas, säkerhetskopior, loggar):") +
            f'<br><a href="{html.escape(QUrl.fromLocalFile(folder).toString())}">{html.escape(folder)}</a>',
            self,
        )
        self.folder.setTextFormat(Qt.TextFormat.RichText)
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.folder.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))

        project_license = _project_license()
        licence_lines = [translate("About", "Licens: {0}").format(project_license)] if project_license else []
        licence_lines.append(
            translate("About", "Byggd med Python {0}, Qt för Python (PySide6, LGPL-3.0), peewee, python-docx, "
                        "openpyxl, jsonschema och holidays under sina egna licenser.").format(
                ".".join(map(str, sys.version_info[:2])))
        )
        self.license = QLabel("<br>".join(html.escape(line) for line in licence_lines), self)
        self.license.setWordWrap(True)

        text = QVBoxLayout()
        for widget in (self.title, self.version, self.description, self.folder, self.license):
            text.addWidget(widget)

        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("About", "&Stäng"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
