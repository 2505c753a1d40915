"""Förhandsgranska: the export's own pages, built in the background with progress, and printed."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter

from ui.dialogs.preview_dialog import PageWidget, PreviewDialog


def _open(qtbot, window) -> PreviewDialog:
    action = window.findChild(QAction, "actionPreview")
    assert action.isEnabled() and action.text() == "&Förhandsgranska…"
    action.trigger()
    dialog = window.findChild(PreviewDialog, "previewDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def _wait_ready(qtbot, dialog: PreviewDialog) -> None:
    if dialog.paged is None:
        with qtbot.waitSignal(dialog.ready, timeout=60000):
            pass


def test_the_pages_are_built_in_the_background_with_progress(qtbot, window) -> None:
    dialog = _open(qtbot, window)
    # The window is back in the event loop while the document is built: progress shows, printing waits.
    if dialog.paged is None:
        assert dialog.progress.isVisible() and dialog.progress.value() >= 1
        assert not dialog.print_button.isEnabled()
        with qtbot.waitSignal(dialog.ready, timeout=60000) as ready:
            pass
        count = ready.args[0]
    else:
        count = dialog.paged.page_count()
    assert count >= 3
    pages = dialog.findChildren(PageWidget)
    assert len(pages) == count and pages[0].accessibleName() == f"Sida 1 av {count}"
    assert dialog.status.text() == f"{count} sidor, som de blir vid export till Word."
    assert dialog.print_button.isEnabled() and not dialog.progress.isVisible()
    text = dialog.paged.text()
    # the export's numbered headings, metadata table and title page, in the export's order
    assert re.search(r"^1\. Bakgrund", text, re.M) and text.index("Diarienummer") < text.index("1. Bakgrund")
    dialog.close()


def test_the_pages_have_the_exports_size_and_page_numbers(qtbot, window) -> None:
    dialog = _open(qtbot, window)
    _wait_ready(qtbot, dialog)
    paged = dialog.paged
    assert round(paged.width / paged.height, 3) == round(210 / 297, 3)  # A4 as the reference document
    image = dialog.findChildren(PageWidget)[0].grab().toImage()
    assert image.pixelColor(5, 5).name() == "#ffffff"  # paper, not the window's grey
    dialog.close()


def test_skriv_ut_prints_every_page(qtbot, window, tmp_path) -> None:
    dialog = _open(qtbot, window)
    _wait_ready(qtbot, dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "utskrift.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_button.text() == "&Skriv ut…"
    printed = dialog.print_to(printer)
    assert printed == dialog.paged.page_count()
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) == printed
    dialog.close()


def test_preview_needs_a_plan(qtbot, make_window, empty_file) -> None:
    window = make_window(empty_file)
    assert not window.findChild(QAction, "actionPreview").isEnabled()


def test_the_preview_is_reached_from_the_keyboard(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(PreviewDialog, "previewDialog")
    assert dialog is not None
    _wait_ready(qtbot, dialog)
    assert dialog.print_button.hasFocus()
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Tab)
    dialog.close()
