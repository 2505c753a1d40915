"""Errors said in plain words: expected ones as a Swedish message with what to do, the
unexpected ones written to the log (app.logs) and reported while the app keeps running.
Qt's own warnings go to the same log."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def expected_errors() -> tuple[type[BaseException], ...]:
    from app.dates import DateParseError
    from app.validation import ValidationError
    from app.errors import StoreError

    return (ValidationError, DateParseError, StoreError, LookupError)


def is_expected(exc: BaseException) -> bool:
    return isinstance(exc, expected_errors())


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox  # loaded with the first message, not at start

    box = QMessageBox(QMessageBox.Icon.Warning, title or translate("Errors", "Det gick inte"), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.exec()


def plain_error(exc: BaseException) -> str:
    """An unexpected error in words a person can read: SQLite's own (English) texts are never shown."""
    from app.errors import database_error_text

    text = database_error_text(exc)
    if text is None and exc.__cause__ is not None:
        text = database_error_text(exc.__cause__)
    return text or str(exc) or exc.__class__.__name__


def show_expected(parent: QWidget | None, exc: BaseException) -> None:
    """A validation, storage or lookup error, without traceback."""
    message = str(exc) or exc.__class__.__name__
    if isinstance(exc, LookupError):
        message += "\n\n" + translate("Errors", "Uppgiften kan ha tagits bort. Välj en annan plan eller ladda om filen.")
    show_error(parent, message)


def route_qt_messages() -> None:
    """Qt's debug output, warnings and errors go to the log as "uppdrag.qt" instead of stderr."""
    import logging

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
    qt_log = logging.getLogger("uppdrag.qt")

    def handle(mode: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(handle)


class ExceptionHook:
    """sys.excepthook: expected errors become a message, anything else is logged and reported."""

    def __init__(self, parent_getter=lambda: None, interactive: bool = True):
        self.parent_getter = parent_getter
        self.interactive = interactive
        self.last_log: Path | None = None
        self.previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self.previous

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        parent = self.parent_getter()
        if is_expected(exc):
            if self.interactive:
                show_expected(parent, exc)
            return
        from app.logs import log_unexpected

        self.last_log = log_unexpected(exc_type, exc, tb)
        if self.interactive:
            show_error(parent, translate(
                "Errors",
                "Ett oväntat fel inträffade: {error}\n\nDitt arbete är sparat. Felet har skrivits till "
                "{log}. Skicka gärna den filen till den som ger dig support.",
            ).format(error=plain_error(exc), log=self.last_log), translate("Errors", "Oväntat fel"))
