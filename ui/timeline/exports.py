"""The timeline as a picture or on paper: the row table and the chart as shown, as PNG, SVG or print.

Asking where to save remembers the folder per kind of picture (`ui.dialogs.files.export_path`); a
failed export is told in Swedish through the workspace's error signal, nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from ui.i18n import translate

if TYPE_CHECKING:
    from ui.settings import AppSettings


class TimelineExporter:
    def __init__(self, parent: QWidget, shown: QWidget, events: Any, settings: AppSettings | None) -> None:
        self.parent = parent  # the dialogs' parent
        self.shown = shown  # what is exported: the table and the chart side by side
        self.events = events
        self._settings = settings  # where exports went last (None: the settings named by the environment)

    def export_png(self, path: Path | str) -> Path:
        """The table and the chart as shown, as a PNG picture."""
        path = Path(path)
        if not self.shown.grab().save(str(path), "PNG"):
            raise OSError(translate("Timeline", "Kunde inte spara bilden %1.").replace("%1", path.name))
        return path

    def export_svg(self, path: Path | str) -> Path:
        from PySide6.QtSvg import QSvgGenerator

        path = Path(path)
        size: QSize = self.shown.size()
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(size)
        gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
        gen.setTitle(translate("Timeline", "Tidslinje"))
        gen.setDescription(translate("Timeline", "Tidslinje exporterad från Uppdrag"))
        painter = QPainter(gen)
        try:
            self.shown.render(painter, QPoint(0, 0))
        finally:
            painter.end()
        return path

    def print_to(self, printer: Any) -> None:
        painter = QPainter(printer)
        try:
            page = printer.pageRect(printer.Unit.DevicePixel)
            size = self.shown.size()
            factor = min(page.width() / max(1, size.width()), page.height() / max(1, size.height()))
            painter.scale(factor, factor)
            self.shown.render(painter, QPoint(0, 0))
        finally:
            painter.end()

    def print_dialog(self) -> None:
        from PySide6.QtGui import QPageLayout
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if QPrintDialog(printer, self.parent).exec():
            self.print_to(printer)

    def ask_png(self) -> None:
        self._ask_and_export(".png", translate("Timeline", "Exportera tidslinjen som PNG"),
                             translate("Timeline", "PNG-bild (*.png)"), translate("Timeline", "tidslinje.png"),
                             self.export_png)

    def ask_svg(self) -> None:
        self._ask_and_export(".svg", translate("Timeline", "Exportera tidslinjen som SVG"),
                             translate("Timeline", "SVG-bild (*.svg)"), translate("Timeline", "tidslinje.svg"),
                             self.export_svg)

    def _ask_and_export(self, kind: str, title: str, filter_: str, name: str, fn: Callable[[Path], Any]) -> None:
        """Ask where (in the folder the last picture of this kind went to, Documents at first), then export."""
        from ui.dialogs import files
        from ui.settings import AppSettings

        settings = self._settings or AppSettings()
        out = files.export_path(self.parent, settings, kind, title, filter_, name)
        if out is not None:
            self._export_safely(fn, out)

    def _export_safely(self, fn: Callable[[Path], Any], name: Path) -> None:
        try:
            fn(name)
        except OSError as exc:
            self.events.error.emit(translate(
                "Timeline", "Kunde inte exportera tidslinjen: %1. Välj en annan mapp och försök igen.").replace(
                "%1", str(exc)))
