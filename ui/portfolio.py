"""Views across every plan in the file: the portfolio timeline, the portfolio risk matrix and
the resource load. Each opens in its own window beside the editor and shares the file's undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ui.document import OpenFile
from ui.i18n import translate

if TYPE_CHECKING:
    from ui.settings import AppSettings


def _timeline(ofile: OpenFile, parent: QWidget, settings: AppSettings | None) -> QWidget:
    from ui.timeline.panel import TimelinePanel

    panel = TimelinePanel(ofile.ws, ofile.events, ofile.stack, parent, settings)
    panel.set_plan(None)
    return panel


def _risks(ofile: OpenFile, parent: QWidget, _settings: AppSettings | None) -> QWidget:
    from ui.risks import RiskPanel

    panel = RiskPanel(ofile.ws, ofile.events, ofile.stack, parent)
    panel.set_plan(None)
    return panel


def _resources(ofile: OpenFile, parent: QWidget, _settings: AppSettings | None) -> QWidget:
    from ui.resources.view import ResourceView

    return ResourceView(ofile.ws, ofile.events, ofile.stack, parent)


def _overview(ofile: OpenFile, parent: QWidget, settings: AppSettings | None) -> QWidget:
    from ui.overview import OverviewView

    return OverviewView(ofile.ws, ofile.events, parent, settings)


VIEWS: dict[str, tuple[str, Callable[[OpenFile, QWidget, AppSettings | None], QWidget]]] = {
    "overview": (QT_TRANSLATE_NOOP("Portfolio", "Översikt"), _overview),
    "timeline": (QT_TRANSLATE_NOOP("Portfolio", "Portföljens tidslinje"), _timeline),
    "risks": (QT_TRANSLATE_NOOP("Portfolio", "Portföljens riskmatris"), _risks),
    "resources": (QT_TRANSLATE_NOOP("Portfolio", "Resursbelastning"), _resources),
}


class PortfolioDialog(QDialog):
    """A non-modal window with one portfolio view."""

    def __init__(self, ofile: OpenFile, key: str, parent: QWidget | None = None,
                 settings: AppSettings | None = None):
        super().__init__(parent)
        title, make = VIEWS[key]
        self.setWindowTitle(translate("Portfolio", title))
        self.setObjectName(f"portfolio_{key}")
        self.view = make(ofile, self, settings)  # settings: where exports went last
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.resize(1300, 750)
        self.key = key

    def toggles(self) -> dict[str, bool] | None:
        """The timeline's toggles (the critical path, the decided plan); None for the other views."""
        return self.view.toolbar.shown_toggles() if self.key == "timeline" else None  # type: ignore[attr-defined]

    def show_toggles(self, shown: dict[str, bool] | None) -> None:
        if shown is not None and self.key == "timeline":
            self.view.toolbar.show_toggles(shown)  # type: ignore[attr-defined]
