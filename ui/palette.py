"""Colours that follow the system's palette: a message in red or green stays readable in a dark or
high-contrast theme, and text on the light fills the app paints itself (risk levels, bookings) is
dark ink whatever the theme's text colour is."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

INK = QColor("#1b1b1b")  # text on a light fill of our own


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour(palette: QPalette | None = None) -> str:
    return "#ff8a80" if is_dark(palette) else "#b00020"


def ok_colour(palette: QPalette | None = None) -> str:
    return "#8bd48f" if is_dark(palette) else "#2e6b30"


def error_style(selector: str = "") -> str:
    """A style sheet that colours a message as an error: "color: …;" or "QStatusBar { color: …; }"."""
    rule = f"color: {error_colour()};"
    return f"{selector} {{ {rule} }}" if selector else rule
