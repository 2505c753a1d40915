"""Composition root of the GUI: the application, settings, language, error hook and main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def build_window(path: Path | None, settings: QSettings | None = None, *, interactive_errors: bool = True):
    """Make the main window on `path` (or the default database); returns (window, exception hook)."""
    from app.startup import ensure_default_database
    from ui import i18n
    from ui.errors import ExceptionHook, show_expected, expected_errors
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app_settings = AppSettings(settings)
    i18n.install_language(app_settings.language)
    window = MainWindow(app_settings)
    hook = ExceptionHook(lambda: window, interactive=interactive_errors)
    hook.install()
    target = Path(path) if path else None
    if target is None:
        try:
            target = ensure_default_database()
        except expected_errors() as exc:
            show_expected(window, exc)
    if target is not None:
        window.open_path(target)
    return window, hook


def run(path: Path | None, qt_args: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["uppdrag", *qt_args])
    app.setApplicationName("Uppdrag")
    app.setOrganizationName("Uppdrag")
    window, hook = build_window(path)
    window.show()
    try:
        return app.exec()
    finally:
        hook.uninstall()
