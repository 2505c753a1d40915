"""The menu bar's layout: which action stands in which menu, in what order, and the window's own
actions (preview, quit, undo and redo, search, the portfolio's views, language, help).

The other actions belong to the menus' controllers (ui.controllers), remade in the current language
each time the menus are built; the window keeps them all in `actions_`, by key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ui import i18n
from ui.controllers import make_action
from ui.i18n import translate

FIRST_EXPORTS = ("export.docx", "export.pdf", "export.json")  # beside Import; the other formats after Preview


class _Menus:
    def __init__(self, window: Any) -> None:  # a ui.main_window.MainWindow
        self.window = window
        self.a: dict[str, QAction] = window.actions_

    def add(self, menu: QMenu, *keys: str) -> None:
        for key in keys:
            menu.addAction(self.a[key])

    def own(self, menu: QMenu, key: str, text: str, slot: Callable[..., Any], shortcut: Any = None,
            name: str = "") -> QAction:
        self.a[key] = action = make_action(self.window, text, slot, shortcut, name)
        menu.addAction(action)
        return action


def build_menus(window: Any, controllers: list[Any]) -> dict[str, QAction]:  # a ui.main_window.MainWindow
    """(Re)build every menu of `window` in the current language; the actions by key."""
    bar = window.menuBar()
    bar.clear()
    previous: dict[str, QAction] = getattr(window, "actions_", {})
    for old in (*bar.findChildren(QMenu), *(a for a in previous.values() if a.parent() is window)):
        old.deleteLater()  # the previous language's; the controllers delete their own
    window.actions_ = {}
    m = _Menus(window)
    for controller in controllers:
        m.a.update(controller.make_actions())
    _file_menu(m, bar.addMenu(translate("MainWindow", "&Arkiv")))
    _edit_menu(m, bar.addMenu(translate("MainWindow", "&Redigera")))
    _view_menu(m, bar.addMenu(translate("MainWindow", "&Visa")))
    _settings_menu(m, bar.addMenu(translate("MainWindow", "&Inställningar")))
    menu = bar.addMenu(translate("MainWindow", "&Hjälp"))
    w = m.window
    m.own(menu, "help", translate("MainWindow", "&Kom igång"), w.show_help, QKeySequence.StandardKey.HelpContents,
          "actionHelp")
    m.own(menu, "about", translate("MainWindow", "&Om Uppdrag"), w.show_about, None, "actionAbout")
    return m.a


def _file_menu(m: _Menus, menu: QMenu) -> None:
    w = m.window
    m.add(menu, "new_plan", "new_file", "open", "recent_files", "open_server", "recent_servers", "checkout", "sync",
          "save_copy", "send_plan", "merge", "restore")
    menu.addSeparator()
    m.add(menu, "import", "import_table", *[key for key in FIRST_EXPORTS if key in m.a])
    m.own(menu, "preview", translate("MainWindow", "&Förhandsgranska…"), w.show_preview, "Ctrl+Shift+P", "actionPreview")
    m.add(menu, *[key for key in m.a if key.startswith("export") and key not in FIRST_EXPORTS])
    menu.addSeparator()
    m.own(menu, "quit", translate("MainWindow", "A&vsluta"), w.close, QKeySequence.StandardKey.Quit, "actionQuit")


def _edit_menu(m: _Menus, menu: QMenu) -> None:
    w = m.window
    m.own(menu, "undo", translate("MainWindow", "&Ångra"), w.undo, QKeySequence.StandardKey.Undo, "actionUndo")
    m.own(menu, "redo", translate("MainWindow", "&Gör om"), w.redo, "Ctrl+Y", "actionRedo")
    m.a["redo"].setShortcuts([QKeySequence.fromString("Ctrl+Y"), QKeySequence.fromString("Ctrl+Shift+Z")])  # not QKeySequence(str): see ui.controllers.make_action
    menu.addSeparator()
    m.add(menu, "copy_plan", "delete_plan")
    menu.addSeparator()
    m.add(menu, "freeze", "compare", "steering_model", "read_model", "history", "anonymise")
    menu.addSeparator()
    m.own(menu, "find", translate("MainWindow", "&Sök"), w.focus_search, QKeySequence.StandardKey.Find, "actionFind")


def _view_menu(m: _Menus, menu: QMenu) -> None:
    w = m.window
    # Ctrl+Shift+O is Arkiv → Ta med offline (tests/ui/test_main_window.py: no two actions share a key)
    m.own(menu, "portfolio_overview", translate("MainWindow", "Ö&versikt"), lambda: w.show_portfolio("overview"),
          "Ctrl+Shift+B", "actionPortfolioOverview")
    m.own(menu, "portfolio_timeline", translate("MainWindow", "Portföljens &tidslinje"),
          lambda: w.show_portfolio("timeline"), "Ctrl+Shift+T", "actionPortfolioTimeline")
    m.own(menu, "portfolio_risks", translate("MainWindow", "Portföljens risk&matris"),
          lambda: w.show_portfolio("risks"), "Ctrl+Shift+R", "actionPortfolioRisks")
    m.own(menu, "portfolio_resources", translate("MainWindow", "&Resursbelastning"),
          lambda: w.show_portfolio("resources"), "Ctrl+Shift+L", "actionPortfolioResources")


def _settings_menu(m: _Menus, menu: QMenu) -> None:
    w = m.window
    m.add(menu, "closed_days", "report_interval")
    languages = menu.addMenu(translate("MainWindow", "&Språk"))
    group = QActionGroup(w)
    for code, name in i18n.LANGUAGES.items():
        action = make_action(w, name, lambda _=False, c=code: w.set_language(c), None, f"actionLanguage_{code}")
        action.setCheckable(True)
        action.setChecked(code == i18n.current_language())
        group.addAction(action)
        languages.addAction(action)
