"""The timeline's context menu on an item (a right-click on its row, or the Menu key / Shift+F10 on
the current item): open it, link it to another, and change or remove each of its dependencies.
Every change is one undo step on the file's stack; a cycle is refused with the Workspace's message."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QMenu

from app.dependencies import links_shown
from app.timeline import TimelineRow
from ui.editor.dependency_box import ask_link, link_text
from ui.i18n import translate
from ui.undo import DeleteCommand, UpdateCommand, push_safely


def show_item_menu(view: Any, event: QContextMenuEvent) -> bool:
    """Open the menu of the item under the mouse (made current first), or of the current item when
    the keyboard asked; False where there is no item (a plan's band, empty space)."""
    if event.reason() == QContextMenuEvent.Reason.Mouse:
        display = view.row_at(event.pos().y())
        if display is not None:
            view.set_current(display)
        where = event.globalPos()
    else:
        display = view.current
        rect = view.bar_rect(display) if display is not None else None
        where = view.viewport().mapToGlobal(rect.center().toPoint() if rect is not None else QPoint(0, 0))
    row = view.layout_rows.row(display) if display is not None else None
    if row is None:
        return False
    show_menu(item_menu(view, row), where)
    return True


def show_menu(menu: QMenu, where: QPoint) -> None:
    """Show `menu` at `where` until it closes (its own event loop; tests put their hand here)."""
    menu.exec(where)


def item_menu(view: Any, row: TimelineRow) -> QMenu:
    """The menu itself (a TimelineView `view`, its item `row`), to be shown where the caller wants."""
    menu = QMenu(view)
    menu.setObjectName("timelineItemMenu")
    writable = not getattr(view.ws, "read_only", False)
    _action(menu, translate("Timeline", "&Öppna"), lambda: view.open_item_requested.emit("timeline", row.id))
    _action(menu, translate("Timeline", "&Länka till…"), view.controller.start_link).setEnabled(writable)
    links = links_shown(view.ws, row.id)
    if links:
        menu.addSeparator()
    for link in links:
        sub = menu.addMenu(link_text(link))
        _action(sub, translate("Timeline", "&Ändra…"), lambda _checked=False, link=link: change_link(view, row, link))
        _action(sub, translate("Timeline", "&Ta bort beroendet"), lambda _checked=False, link=link: remove_link(view, link))
        sub.setEnabled(writable)
    return menu


def _action(menu: QMenu, text: str, slot: Any) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(slot)
    return action


def change_link(view: Any, row: TimelineRow, link: dict[str, Any]) -> bool:
    """Another item, kind or lag for one dependency of `row`, through the form's dialog."""
    values = ask_link(view.ws, view.ws.get("timeline", row.id), link["side"], link,
                      translate("Dependencies", "Ändra beroende"), view)
    if values is None:
        return False
    command = UpdateCommand(view.ws, view.events, "dependency", link["id"], values, translate("Undo", "Ändra beroende"))
    return push_safely(view.stack, command, view.events)


def remove_link(view: Any, link: dict[str, Any]) -> bool:
    command = DeleteCommand(view.ws, view.events, "dependency", link["id"], translate("Undo", "Ta bort beroende"))
    return push_safely(view.stack, command, view.events)
