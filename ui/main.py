"""Composition root of the GUI: the application, settings, language, error hook and main window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication


def build_window(path: Path | str | None, settings: QSettings | None = None, *, interactive_errors: bool = True,
                 language: str | None = None):
    """Make the main window on `path` (or the default database), in `language` for this start (None: the
    saved one); returns (window, exception hook)."""
    from app.startup import ensure_default_database
    from ui import i18n
    from ui.controllers.files import FileController
    from ui.controllers.servers import ServerController
    from ui.controllers.sharing import SharingController
    from ui.controllers.team import TeamController
    from ui.errors import ExceptionHook, show_expected, expected_errors
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app_settings = AppSettings(settings)
    i18n.install_language(language or app_settings.language)
    window = MainWindow(app_settings)
    window.attach(FileController(window), ServerController(window), TeamController(window), SharingController(window))
    hook = ExceptionHook(lambda: window, interactive=interactive_errors)
    hook.install()
    target = path or None  # a Path, or a team server's address
    if target is None:
        try:
            target = ensure_default_database()
        except expected_errors() as exc:
            show_expected(window, exc)
    if target is not None:
        window.open_path(target)
    return window, hook


class FileOpenFilter(QObject):
    """macOS delivers a double-clicked .uppdrag file as a FileOpen event, not as an argument.

    Only macOS sends FileOpen, so only there is the filter installed: a filter on the
    application sees every event of every object, so each of Qt's internal widgets gets
    a Python wrapper (and its class its enums) at its first event, which slows the start.
    """

    def __init__(self, open_path: Callable[[Path], object]):
        super().__init__()
        self.open_path = open_path

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen and event.file():
            self.open_path(Path(event.file()))
            return True
        return False


def _icon_and_collector(app: QGuiApplication) -> None:
    """The window's icon, and the garbage collector back on: once the window is painted, or after a
    while should it not be (started minimised)."""
    if app.windowIcon().isNull():
        from PySide6.QtGui import QIcon

        from app.resources import resource_path

        # The icon of ui.dialogs.about_dialog.app_icon, without loading that module. An SVG icon
        # loads Qt's SVG library and its icon engine, which the first frame does not draw.
        app.setWindowIcon(QIcon(str(resource_path("uppdrag.svg"))))
    gc.enable()


def _started(app: QGuiApplication) -> None:
    """What waits until the window is on screen."""
    _icon_and_collector(app)
    # PySide's Qt namespace: its first use builds all of its 94 enums (~120 M instructions), which the
    # first frame does without (ui.plan_list); built now, not at the first key or click.
    from PySide6 import QtCore

    QtCore.Qt.Key  # noqa: B018 - the attribute's first access builds the namespace
    # Looking the version up loads importlib.metadata, and the log file loads logging.handlers;
    # nothing needs either before the window is up (an unexpected error sets the log up itself).
    from app.logs import configure_logging
    from app.version import __version__

    configure_logging()

    app.setApplicationVersion(__version__)


def run(path: Path | str | None, qt_args: list[str], *, language: str | None = None) -> int:
    """Start the application; ui.entry.before_qt has run (the garbage collector is off until the first paint)."""
    from PySide6.QtWidgets import QApplication

    from ui import import_hook

    import_hook.lighten()  # before the window's modules are imported
    from ui.errors import route_qt_messages
    from ui.first_paint import after_first_paint

    route_qt_messages()  # into the log file once it is set up; until then WARNING and up reach stderr
    app = QApplication.instance() or QApplication(["uppdrag", *qt_args])
    app.setApplicationName("Uppdrag")
    app.setOrganizationName("Uppdrag")
    app.setDesktopFileName("uppdrag")  # Wayland matches the window to the menu entry and its icon
    window, hook = build_window(path, language=language)
    file_open = FileOpenFilter(window.open_path) if sys.platform == "darwin" else None
    if file_open is not None:
        app.installEventFilter(file_open)
    after_first_paint(window, lambda: _started(app))
    QTimer.singleShot(3000, app, lambda: _icon_and_collector(app))  # should the window not be painted soon
    window.show()
    try:
        return app.exec()
    finally:
        if file_open is not None:
            app.removeEventFilter(file_open)
        hook.uninstall()
