"""The README's pictures of the main views, in Swedish and English, taken from the real window.

Every run takes them (into a temporary folder) and checks they show something; `make screenshots`
runs this file with UPPDRAG_SCREENSHOTS=docs/screenshots to write them where the README shows them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QWidget

SIZE = QSize(1280, 800)


def _target(tmp_path: Path) -> Path:
    folder = os.environ.get("UPPDRAG_SCREENSHOTS")
    return Path(folder) if folder else tmp_path


def _save(widget: QWidget, path: Path) -> QImage:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()  # the layout of what was just added (the preview's pages)
    image = widget.grab().toImage()
    assert image.save(str(path), "PNG"), path
    return image


def _shows_something(image: QImage) -> bool:
    """More than a blank window: many distinct colours over a sample of its pixels."""
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 19)}
    return len(colours) > 12


@pytest.mark.parametrize("language", ["sv", "en"])
def test_screenshots_of_the_main_views(qtbot, window, tmp_path, language) -> None:
    from app.plans import list_plans
    from ui.dialogs.help_dialog import HelpDialog
    from ui.dialogs.preview_dialog import PreviewDialog

    folder = _target(tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    window.findChild(QAction, f"actionLanguage_{language}").trigger()
    window.resize(SIZE)
    plan = next(p.id for p in list_plans(window.ofile.ws) if p.doc_type == "plan")
    window.select_plan(plan)
    shots = {}
    for name, page in (("plan", "metadata"), ("sections", "section"), ("schedule", "timeline"), ("timeline", "gantt"),
                       ("risks", "risk")):
        window.editor.show_page(page)
        shots[name] = _save(window, folder / f"{name}-{language}.png")

    window.findChild(QAction, "actionPortfolioOverview").trigger()
    [overview] = window._portfolio_windows
    overview.resize(SIZE)
    shots["overview"] = _save(overview, folder / f"overview-{language}.png")
    overview.close()

    window.findChild(QAction, "actionPreview").trigger()
    preview = window.findChild(PreviewDialog, "previewDialog")
    if preview.paged is None:
        with qtbot.waitSignal(preview.ready, timeout=60000):
            pass
    preview.resize(900, 800)
    shots["preview"] = _save(preview, folder / f"preview-{language}.png")
    preview.close()

    window.findChild(QAction, "actionHelp").trigger()
    help_dialog = window.findChild(HelpDialog, "helpDialog")
    help_dialog.resize(720, 800)
    shots["help"] = _save(help_dialog, folder / f"help-{language}.png")
    help_dialog.close()

    for name, image in shots.items():
        assert not image.isNull() and _shows_something(image), name
    assert shots["plan"].size() == SIZE
