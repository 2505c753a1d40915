"""What the team server's window tests share: a server with two plans of alice's, a shown window,
someone else's program changing the server, and alice's window on the team's plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.plans import list_plans
from app.workspace import Workspace
from db.server_schema import grant


@pytest.fixture
def team(server_db):
    ws = Workspace.open(server_db.url("alice"))
    for title in ("Teamets plan", "Den andra planen"):
        ws.add("plan", title=title, doc_type="plan", template="plan")
    ws.close()
    return server_db


@pytest.fixture
def window(make_window, empty_file):
    """Shown, so that the menus' keys reach it; an exception in a slot fails the test (tests/ui/conftest.py)."""
    return make_window(empty_file)


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A menu's key, pressed in the window as a person does."""
    window.activateWindow()
    qtbot.keyClick(window, key, modifiers)


def on_server(url: str, change) -> None:
    """Someone else's program changes the server (its own workspace; the window's is bound again after)."""
    ws = Workspace.open(url)
    try:
        change(ws)
    finally:
        ws.close()


def plan_titled(ws: Workspace, title: str) -> int:
    return next(p.id for p in list_plans(ws) if p.title == title)


def select(window, title: str) -> int:
    plan_id = plan_titled(window.ofile.ws, title)
    window.select_plan(plan_id)
    return plan_id


def alice_shows(window, team, page: str):
    """Alice's window on the server showing `page` of the team's plan, which bob may edit too: (plan id, page)."""
    assert window.open_path(team.url("alice"))
    plan_id = select(window, "Teamets plan")
    grant(team.admin_url, "bob", "editor", window.ofile.ws.get("plan", plan_id)["uuid"])
    return plan_id, window.editor.show_page(page)


def while_alice_types(window, team, change) -> None:
    """Bob's `change` on the server arrives while alice types, before her window reloads."""
    window.session.watcher.stop()
    on_server(team.url("bob"), change)
    window.ofile.ws.store.activate()


def alice_shows_a_section(window, team):
    """Alice's window on the server showing the one section of the team's plan: (its id, the page)."""
    on_server(team.url("alice"), lambda ws: ws.add("section", plan_titled(ws, "Teamets plan"), key="", heading="Bakgrund"))
    _plan_id, page = alice_shows(window, team, "section")
    page.list.setCurrentIndex(page.model.index(0))
    return page.current_id(), page


def keep_mine_when_asked(qtbot, monkeypatch) -> list[list[str]]:
    """The conflict dialog answered "Behåll mitt" whenever it opens, clicked as a person does; what
    each opening showed in its first row: the field, mine and theirs (each its first line)."""
    shown: list[list[str]] = []

    def keep_mine(dialog) -> int:
        shown.append([dialog.table.item(0, c).text().split("\n")[0] for c in range(1, 4)])
        qtbot.mouseClick(dialog.groups[0].button(0), Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", keep_mine)
    return shown
