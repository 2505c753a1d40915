"""The timeline page's toolbar: zoom, fit and today; export and print; the critical path, the decided
plan (and which edition it is), and moving successors automatically.

The toolbar makes the actions and knows nothing of what they act on: the panel hands it the slots.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar, QWidget

from ui.i18n import translate
from ui.timeline.baseline_choice import BaselineChoice


class ToolbarSlots(NamedTuple):
    """What the toolbar's actions do."""

    zoom: Callable[[float], None]
    fit: Callable[[], None]
    today: Callable[[], None]
    png: Callable[[], None]
    svg: Callable[[], None]
    print: Callable[[], None]
    critical: Callable[[], None]  # the critical path shown or hidden
    baseline: Callable[[], None]  # the decided plan shown or hidden
    auto_schedule: Callable[[bool], None]


class TimelineToolbar(QToolBar):
    def __init__(self, slots: ToolbarSlots, parent: QWidget) -> None:
        """The toolbar with the view's actions; the plan's toggles follow through `add_toggles`."""
        super().__init__(translate("Timeline", "Tidslinje"), parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._owner = parent  # the panel: the actions are its own, their shortcuts work anywhere in it
        self.actions_by_name: dict[str, QAction] = {}
        self._add_view_actions(slots)

    def add_toggles(self, slots: ToolbarSlots, baseline_choice: BaselineChoice) -> None:
        """The critical path, the decided plan with its edition, and moving successors automatically."""
        self.critical_action = self._toggle(
            "critical", translate("Timeline", "Kritisk linje"), "Ctrl+Shift+K",
            translate("Timeline", "Markera kedjan som avgör slutdatum och visa varje posts slack"))
        self.critical_action.toggled.connect(lambda _on: slots.critical())
        self.baseline_action = self._toggle(
            "baseline", translate("Timeline", "Beslutad plan"), "Ctrl+Shift+D",  # Ctrl+Shift+B is the window's Översikt
            translate("Timeline", "Visa den senast frysta utgåvan som en tunn linje under varje stapel, med "
                                  "avvikelsen i verktygstipset"))
        self.baseline_action.toggled.connect(lambda _on: slots.baseline())
        self.baseline_choice = baseline_choice
        self.baseline_choice_action = self.addWidget(baseline_choice)
        self.auto_action = QAction(translate("Timeline", "Flytta efterföljare automatiskt"), self._owner)
        self.auto_action.setCheckable(True)
        self.auto_action.setToolTip(translate(
            "Timeline", "När en post flyttas eller växer flyttas efterföljare som börjar för tidigt direkt, i stället "
                        "för att erbjudas (gäller planen)."))
        self.auto_action.triggered.connect(slots.auto_schedule)
        self.addAction(self.auto_action)
        self.actions_by_name["auto_schedule"] = self.auto_action

    # The view's toggles: kept when the panel is made again (a language switch builds the windows anew).
    TOGGLES = ("critical", "baseline")

    def shown_toggles(self) -> dict[str, bool]:
        """Whether the critical path and the decided plan are shown."""
        return {name: self.actions_by_name[name].isChecked() for name in self.TOGGLES}

    def show_toggles(self, shown: dict[str, bool]) -> None:
        for name in self.TOGGLES:
            self.actions_by_name[name].setChecked(shown.get(name, False))

    def _add_view_actions(self, slots: ToolbarSlots) -> None:
        owner = self._owner
        for name, text, shortcut, slot in (
            ("zoom_in", translate("Timeline", "Zooma in"), QKeySequence.StandardKey.ZoomIn, lambda: slots.zoom(1.5)),
            ("zoom_out", translate("Timeline", "Zooma ut"), QKeySequence.StandardKey.ZoomOut,
             lambda: slots.zoom(1 / 1.5)),
            ("fit", translate("Timeline", "Anpassa till planen"), None, slots.fit),
            ("today", translate("Timeline", "Idag"), None, slots.today),
            ("png", translate("Timeline", "Exportera PNG…"), None, slots.png),
            ("svg", translate("Timeline", "Exportera SVG…"), None, slots.svg),
            ("print", translate("Timeline", "Skriv ut…"), QKeySequence.StandardKey.Print, slots.print),
        ):
            act = QAction(text, owner)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            self.actions_by_name[name] = act

    def _toggle(self, name: str, text: str, shortcut: str, tip: str) -> QAction:
        """A checkable action whose shortcut works wherever the focus is in the panel."""
        owner = self._owner
        act = QAction(text, owner)
        act.setCheckable(True)
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.setToolTip(tip)
        self.addAction(act)
        owner.addAction(act)
        self.actions_by_name[name] = act
        return act


class LinkHint(QLabel):
    """What linking by keyboard waits for, above the chart; hidden when nothing is being linked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("link_hint")
        self.hide()

    def show_hint(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
