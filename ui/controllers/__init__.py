"""The menus' controllers: each owns its actions, makes them in the current language and enables
them from the window's one document-state signal. ui.main wires them to the window; the window lays
their actions out in its menus and knows nothing of what they do.

A controller's actions load the modules that do the work (ui.file_actions, ui.sharing_actions,
ui.server_actions, ui.team_actions, and the dialogs those open) when first used, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QStatusBar

    from ui.document import OpenFile
    from ui.settings import AppSettings


@dataclass(frozen=True)
class DocumentState:
    """What the actions depend on: an open file, whether it can be written, whether it is a file
    or a team server, whether it is a file taken offline from a team server, whether a plan is shown."""

    has_file: bool = False
    writable: bool = False
    on_file: bool = False
    on_server: bool = False
    checked_out: bool = False
    plan: bool = False


class DocumentWindow(Protocol):
    """What the controllers and the modules their actions run need of the main window (a QMainWindow,
    also the parent of their dialogs)."""

    ofile: OpenFile | None
    settings: AppSettings
    backups: QThreadPool  # the session backup's thread
    problem_dialog: Any  # the open FileProblemDialog, if any (ui.file_actions.file_problem)
    team_progress: Any  # the last progress dialog of taking offline or synchronising (ui.team_actions)
    team_conflict_dialog: Any  # the last dialog for an edit conflict on a team server (ui.team_actions)

    def open_path(self, path: Path | str, *, read_only: bool = False) -> bool: ...
    def close_file(self) -> None: ...
    def current_plan_id(self) -> int | None: ...
    def select_plan(self, plan_id: int) -> None: ...
    def reload_everything(self) -> None: ...
    def store_pending_edit(self) -> bool: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name
    def isVisible(self) -> bool: ...  # noqa: N802 - Qt's name


def make_action(parent: QObject, text: str, slot: Callable[..., Any], shortcut: Any = None,
                name: str = "") -> QAction:
    action = QAction(parent)  # QAction(text, parent) would build QIcon's type (its enums) to rule out QAction(icon, …)
    action.setText(text)
    if shortcut is not None:
        # Through the property: resolving setShortcut's overloads, or QKeySequence(str)'s, builds PySide's
        # whole Qt namespace, which the first frame does without (see ui.main._started). A standard key
        # is its first binding, as QKeySequence(key) makes it; a text is read as QKeySequence(text) reads it.
        action.setProperty("shortcut", QKeySequence(shortcut) if isinstance(shortcut, QKeySequence.StandardKey)
                           else shortcut)
    action.triggered.connect(slot)
    if name:
        action.setObjectName(name)
    return action


class Controller(QObject):
    """Owns a group of the menus' actions, remade in the current language by `make_actions`."""

    def __init__(self, window: DocumentWindow) -> None:
        super().__init__(window)  # the window is a QMainWindow: the controller lives as long as it
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.menus: list[QMenu] = []  # submenus made by `_make`; their actions are their menuAction()

    def make_actions(self) -> dict[str, QAction]:
        menu_actions = {m.menuAction() for m in self.menus}
        for action in self.actions.values():
            if action not in menu_actions:
                action.deleteLater()
        for menu in self.menus:
            menu.deleteLater()
        self.menus = []
        self.actions = self._make()
        return self.actions

    def submenu(self, title: str, name: str, fill: Callable[[QMenu], None]) -> QAction:
        """A submenu filled just before it shows (recent files, recent servers)."""
        menu = QMenu(title, self.window)  # the window is a QMainWindow
        menu.setObjectName(name)
        menu.aboutToShow.connect(lambda: fill(menu))
        self.menus.append(menu)
        return menu.menuAction()

    def _make(self) -> dict[str, QAction]:
        raise NotImplementedError

    def enable(self, state: DocumentState) -> None:
        raise NotImplementedError
