"""The timeline's context menu on an item, used as a person does: a right-click on a bar (or the Menu
key on the current item), a dependency changed or removed from it, each one undo step."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from app.dates import VagueDate
from app.workspace import Workspace
from ui.editor.dependency_box import DependencyDialog
from ui.timeline import item_menu
from ui_steps import shown_timeline


@pytest.fixture
def linked(ws: Workspace) -> dict[str, int]:
    """Förstudie → Upphandling in one plan, and Upphandling → Införande in another."""
    first = ws.add("plan", doc_type="plan", template="plan", title="Plan A").ids[0]
    other = ws.add("plan", doc_type="plan", template="plan", title="Plan B").ids[0]
    study = ws.add("timeline", first, kind="activity", code="A1", title="Förstudie",
                   start=VagueDate.day(2025, 5, 5), end=VagueDate.day(2025, 5, 30)).ids[0]
    buy = ws.add("timeline", first, kind="activity", code="A2", title="Upphandling",
                 start=VagueDate.day(2025, 6, 2), end=VagueDate.day(2025, 6, 27)).ids[0]
    rollout = ws.add("timeline", other, kind="activity", code="B1", title="Införande",
                     start=VagueDate.day(2025, 9, 1), end=VagueDate.day(2025, 9, 30)).ids[0]
    return {"plan": first, "study": study, "buy": buy, "rollout": rollout,
            "wait": ws.add("dependency", predecessor=study, successor=buy).ids[0],
            "across": ws.add("dependency", predecessor=buy, successor=rollout).ids[0]}


def _menu_on(qtbot, monkeypatch, panel, item_id: int, *, keyboard: bool = False) -> QMenu:
    """Right-click the item's bar (or press the Menu key with it current): the menu that opens."""
    view = panel.view
    display = view.layout_rows.display_of[view.layout_rows.data.index[item_id]]
    shown: list[QMenu] = []
    monkeypatch.setattr(item_menu, "show_menu", lambda menu, _where: shown.append(menu))
    if keyboard:
        view.set_current(display)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    else:
        at = view.bar_rect(display).center().toPoint()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    assert view.current == display
    [menu] = shown
    return menu


@pytest.mark.parametrize(("key", "modifier"), [(Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
                                               (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)])
def test_the_menu_key_and_shift_f10_open_the_current_items_menu(qtbot, monkeypatch, ws, linked, key, modifier) -> None:
    panel = shown_timeline(qtbot, ws, linked["plan"])
    view = panel.view
    view.set_current(view.layout_rows.display_of[view.layout_rows.data.index[linked["study"]]])
    shown: list[QMenu] = []
    monkeypatch.setattr(item_menu, "show_menu", lambda menu, _where: shown.append(menu))
    qtbot.keyClick(view, key, modifier)
    [menu] = shown
    assert _entries(menu)[-1] == "Följs av: A2 Upphandling (Slut till start)"


def _entries(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _sub(menu: QMenu, starts: str) -> QMenu:
    return next(a.menu() for a in menu.actions() if a.menu() is not None and a.text().startswith(starts))


def _trigger(menu: QMenu, text: str) -> None:
    next(a for a in menu.actions() if a.text() == text).trigger()


def test_right_click_on_an_item_offers_it_and_each_of_its_dependencies(qtbot, monkeypatch, ws, linked) -> None:
    panel = shown_timeline(qtbot, ws, linked["plan"])
    opened: list[tuple[str, int]] = []
    panel.view.open_item_requested.connect(lambda kind, row_id: opened.append((kind, row_id)))
    menu = _menu_on(qtbot, monkeypatch, panel, linked["buy"])
    assert _entries(menu) == ["&Öppna", "&Länka till…", "Väntar på: A1 Förstudie (Slut till start)",
                              "Följs av: B1 Införande (Slut till start)"]
    _trigger(menu, "&Öppna")
    assert opened == [("timeline", linked["buy"])]


def test_a_dependency_is_removed_from_the_chart_and_comes_back_with_undo(qtbot, monkeypatch, ws, linked) -> None:
    panel = shown_timeline(qtbot, ws, linked["plan"])
    menu = _menu_on(qtbot, monkeypatch, panel, linked["buy"], keyboard=True)
    _trigger(_sub(menu, "Väntar på: A1"), "&Ta bort beroendet")
    assert [d["id"] for d in ws.list("dependency")] == [linked["across"]]
    assert panel.stack.undoText() == "Ta bort beroende"
    panel.stack.undo()
    assert sorted(d["id"] for d in ws.list("dependency")) == sorted([linked["wait"], linked["across"]])


def test_a_dependency_is_changed_from_the_chart_and_one_across_plans_keeps_its_item(
        qtbot, monkeypatch, ws, linked) -> None:
    panel = shown_timeline(qtbot, ws, linked["plan"])

    def start_to_start_two_weeks_early(dialog: DependencyDialog) -> int:
        assert dialog.item.currentData() == linked["rollout"]  # in Plan B, still the one chosen
        dialog.kind.setCurrentIndex(dialog.kind.findData("SS"))
        dialog.lag.setValue(-2)
        dialog.unit.setCurrentIndex(dialog.unit.findData("week"))
        return 1

    monkeypatch.setattr(DependencyDialog, "exec", start_to_start_two_weeks_early)
    menu = _menu_on(qtbot, monkeypatch, panel, linked["buy"])
    _trigger(_sub(menu, "Följs av: B1"), "&Ändra…")
    dep = ws.get("dependency", linked["across"])
    assert (dep["predecessor"], dep["successor"], dep["kind"], dep["lag"], dep["lag_unit"]) == (
        linked["buy"], linked["rollout"], "SS", -2, "week")
    panel.stack.undo()
    assert ws.get("dependency", linked["across"])["kind"] == "FS"


def test_a_read_only_file_offers_nothing_to_change(qtbot, monkeypatch, tmp_path, linked, ws) -> None:
    ws.close()
    reader = Workspace.open(ws.path, read_only=True)
    try:
        panel = shown_timeline(qtbot, reader, linked["plan"])
        menu = _menu_on(qtbot, monkeypatch, panel, linked["buy"])
        enabled = {a.text(): a.isEnabled() for a in menu.actions() if not a.isSeparator()}
        assert enabled == {"&Öppna": True, "&Länka till…": False, "Väntar på: A1 Förstudie (Slut till start)": False,
                           "Följs av: B1 Införande (Slut till start)": False}
    finally:
        reader.close()


def test_a_right_click_outside_the_items_opens_no_menu(qtbot, monkeypatch, ws, linked) -> None:
    panel = shown_timeline(qtbot, ws, linked["plan"])
    shown: list[QMenu] = []
    monkeypatch.setattr(item_menu, "show_menu", lambda menu, _where: shown.append(menu))
    view = panel.view
    below = QPoint(10, view.viewport().height() - 2)
    assert view.row_at(below.y()) is None
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, below,
                                                              view.viewport().mapToGlobal(below)))
    assert shown == []
    assert Qt.ContextMenuPolicy.DefaultContextMenu == view.contextMenuPolicy()
