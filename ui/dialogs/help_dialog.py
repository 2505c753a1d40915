"""Kom igång: the short guide to the tasks a leader does first, in the current language.

The guide is a page of HTML per language in app/resources/help/ (kom-igang.sv.html, kom-igang.en.html);
menu paths in it are marked <span class="menu">Arkiv → …</span>, and a test checks that each one
exists in the window's menus, so the guide follows the menus.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.resources import resource_path
from ui import i18n
from ui.i18n import translate

STYLE = """
h1 { font-size: x-large; } h2 { font-size: large; margin-top: 14px; }
kbd { font-family: monospace; font-weight: bold; } .menu { font-weight: bold; }
"""


def guide_path(language: str | None = None) -> Path:
    language = language or i18n.current_language()
    path = resource_path("help", f"kom-igang.{language}.html")
    return path if path.exists() else resource_path("help", f"kom-igang.{i18n.DEFAULT_LANGUAGE}.html")


def guide_html(language: str | None = None) -> str:
    return guide_path(language).read_text(encoding="utf-8")


class HelpDialog(QDialog):
    """The guide in a window of its own, beside the program (not modal: follow it while working)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(translate("Help", "Kom igång med Uppdrag"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(translate("Help", "Kom igång"))
        self.browser.setOpenLinks(False)  # the guide has anchors only; nothing opens outside
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.setHtml(guide_html())
        self.browser.anchorClicked.connect(lambda url: self.browser.scrollToAnchor(url.fragment()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, self.close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(720, 760)

    def text(self) -> str:
        return self.browser.toPlainText()


def show_help(parent: QWidget | None = None) -> HelpDialog:
    dialog = HelpDialog(parent)
    dialog.show()
    dialog.browser.setFocus()
    return dialog
