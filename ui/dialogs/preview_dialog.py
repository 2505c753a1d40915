"""Förhandsgranska: the plan's pages as the Word export writes them, and printing them.

The document is built in the background (app.export.preview: the export's own document turned into
HTML), so the window answers while it is made; a progress bar says how far it has come. The pages are
laid out by a QTextDocument with the export's page size and margins, painted on demand (only the
pages in view), and printed by painting the same pages on the printer, with "Sida 2 (9)" at the foot
of each as the Word document has it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRectF, QRunnable, QSize, QSizeF, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPalette, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from app.export.preview import page_number_text
from ui.i18n import translate

SCREEN_DPI = 96.0  # QTextDocument lays out in pixels of a 96-dpi screen when no device is given
PAGE_GAP = 16
STEPS = 3  # read the plan, build the document, lay out the pages


def _px(points: float) -> float:
    return points * SCREEN_DPI / 72.0


class _Signals(QObject):
    built = Signal(object)  # app.export.preview.PreviewPage
    failed = Signal(str)


class _BuildTask(QRunnable):
    """Builds the export's document and its HTML off the window's thread (it touches no file)."""

    def __init__(self, job: Any):
        super().__init__()
        self.job = job
        self.signals = _Signals()

    def run(self) -> None:
        try:
            page = self.job.build()
        except Exception as exc:  # noqa: BLE001 - said in the dialog; the export itself says it the same way
            self.signals.failed.emit(str(exc) or type(exc).__name__)
            return
        self.signals.built.emit(page)


class PagedDocument:
    """The preview's HTML laid out on the export's pages; paints one page on any painter."""

    def __init__(self, page: Any):
        self.source = page
        self.width = _px(page.page_width_pt)
        self.height = _px(page.page_height_pt)
        left, top, right, bottom = (_px(m) for m in page.margins_pt)
        self.margins = (left, top, right, bottom)
        self.content = QSizeF(self.width - left - right, self.height - top - bottom)
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        font = QFont()
        font.setPointSizeF(10.5)
        self.doc.setDefaultFont(font)
        self.doc.setDefaultStyleSheet("h1, h2, h3 { margin-top: 12px; margin-bottom: 4px; } "
                                      "th { font-weight: bold; text-align: left; } td, th { vertical-align: top; }")
        for name, data in page.images.items():
            self.doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(data))
        self.doc.setHtml(page.html)
        self.doc.setPageSize(self.content)

    def page_count(self) -> int:
        return self.doc.pageCount()

    def text(self) -> str:
        return self.doc.toPlainText()

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Page `index` (0-based) at the painter's origin, in 96-dpi pixels: white paper, text, page number."""
        painter.save()
        painter.fillRect(QRectF(0, 0, self.width, self.height), QColor("#ffffff"))
        left, top, _right, bottom = self.margins
        painter.translate(left, top - index * self.content.height())
        self.doc.drawContents(painter, QRectF(0, index * self.content.height(), self.content.width(),
                                              self.content.height()))
        painter.restore()
        painter.save()
        painter.setPen(QColor("#333333"))
        number = page_number_text(index + 1, self.page_count())  # the document's words, as the export's footer
        painter.drawText(QRectF(left, self.height - bottom, self.content.width(), bottom * 0.6),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)
        painter.restore()

    def print_to(self, printer: Any) -> int:
        """Every page on `printer` (a QPrinter); the number of pages printed."""
        painter = QPainter(printer)
        try:
            target = printer.pageRect(printer.Unit.DevicePixel)
            scale = min(target.width() / self.width, target.height() / self.height)
            count = self.page_count()
            for index in range(count):
                if index:
                    printer.newPage()
                painter.save()
                painter.scale(scale, scale)
                self.paint_page(painter, index)
                painter.restore()
        finally:
            painter.end()
        return count


class PageWidget(QWidget):
    """One page on screen, painted from the shared layout when it comes into view."""

    def __init__(self, paged: PagedDocument, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.paged, self.index = paged, index
        self.setFixedSize(QSize(int(paged.width), int(paged.height)))
        self.setObjectName(f"page{index + 1}")
        self.setAccessibleName(translate("Preview", "Sida %1 av %2").replace("%1", str(index + 1)).replace(
            "%2", str(paged.page_count())))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setClipRect(event.rect())
        self.paged.paint_page(painter, self.index)
        if self.hasFocus():
            painter.setPen(self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PreviewDialog(QDialog):
    """The pages of one plan; "Skriv ut…" prints them."""

    ready = Signal(int)  # the number of pages, once laid out
    failed = Signal(str)

    def __init__(self, job: Any, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.setWindowTitle(translate("Preview", "Förhandsgranska – %1").replace("%1", title))
        self.paged: PagedDocument | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

        self.status = QLabel(translate("Preview", "Sidorna tas fram…"), self)
        self.status.setObjectName("previewStatus")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("previewProgress")
        self.progress.setRange(0, STEPS)
        self.progress.setAccessibleName(translate("Preview", "Förlopp"))
        self.print_button = QPushButton(translate("Preview", "&Skriv ut…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_dialog)
        close = QPushButton(translate("Preview", "St&äng"), self)
        close.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.print_button)
        bar.addWidget(close)

        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("previewPages")
        self.scroll.setAccessibleName(translate("Preview", "Sidorna"))
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_dialog)
        self.resize(900, 1000)

        self.progress.setValue(1)  # the plan is read (ui.file_actions.preview read it before)
        self.task = _BuildTask(job)
        self.task.signals.built.connect(self._built)
        self.task.signals.failed.connect(self._failed)
        self.status.setText(translate("Preview", "Dokumentet byggs som vid export till Word…"))
        self.pool.start(self.task)

    def _built(self, page: Any) -> None:
        self.progress.setValue(2)
        self.status.setText(translate("Preview", "Sidorna läggs upp…"))
        self.paged = PagedDocument(page)
        count = self.paged.page_count()
        for index in range(count):
            self.pages_layout.addWidget(PageWidget(self.paged, index, self.pages))
        self.progress.setValue(STEPS)
        self.progress.hide()
        self.status.setText(translate("Preview", "%1 sidor, som de blir vid export till Word.").replace(
            "%1", str(count)))
        self.print_button.setEnabled(True)
        self.print_button.setFocus()
        self.ready.emit(count)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.status.setText(translate("Preview", "Förhandsgranskningen gick inte att ta fram: %1").replace(
            "%1", message))
        self.failed.emit(message)

    def print_to(self, printer: Any) -> int:
        return self.paged.print_to(printer) if self.paged is not None else 0

    def print_dialog(self) -> None:
        if self.paged is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("Preview", "Skriv ut"))
        if dialog.exec():
            self.print_to(printer)

    def done(self, result: int) -> None:
        self.pool.waitForDone()  # the build, if it still runs, finishes before the dialog goes
        super().done(result)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.pool.waitForDone()
        super().closeEvent(event)


def open_preview(window: Any) -> PreviewDialog | None:
    """Förhandsgranska the window's current plan (the main window's Arkiv menu)."""
    from app.export.preview import collect
    from ui.errors import expected_errors, show_expected

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None:
        return None
    try:
        job = collect(window.ofile.ws, plan_id)
    except expected_errors() as exc:
        show_expected(window, exc)
        return None
    dialog = PreviewDialog(job, window.ofile.ws.get("plan", plan_id)["title"], window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.preview_dialog = dialog
    dialog.show()
    return dialog
