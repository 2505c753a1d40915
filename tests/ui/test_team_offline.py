"""The window on a team server: Arkiv → Ta med offline… and Synkronisera (menu and keys, a
progress dialog, conflicts chosen before anything is written, not an undo step). The dialog for an
edit someone else's change on the server got in the way of: test_team_conflicts.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.plans import list_plans
from app.sync import checkout, team_server_of
from app.workspace import Workspace
from tests.ui import team_steps
from tests.ui.team_steps import on_server, plan_titled, press, select
from tests.ui.ui_steps import type_into

team, window = team_steps.team, team_steps.window  # (fixtures)


# --- Ta med offline -------------------------------------------------------------------


def test_taking_the_chosen_plan_offline(qtbot, monkeypatch, window, team, tmp_path: Path):
    assert window.open_path(team.url("alice"))
    select(window, "Teamets plan")
    target = tmp_path / "tåg.uppdrag"
    chosen = []

    def choose_one(dialog) -> int:
        chosen.append((dialog.everything.text(), dialog.one.text()))
        qtbot.mouseClick(dialog.one, Qt.MouseButton.LeftButton)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("ui.team_actions.CheckoutDialog.exec", choose_one)
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: target)
    assert window.actions_["checkout"].isEnabled() and not window.actions_["sync"].isEnabled()
    press(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert chosen == [("&Hela portföljen (2 planer)", "&Bara planen ”Teamets plan”")]
    assert window.team_progress.shown == ["Hämtar planerna från servern …"]
    assert "1 planer finns nu i" in window.statusBar().currentMessage()
    assert window.ofile.ws.on_server  # the window stays on the server, its workspace the active one
    assert len(list_plans(window.ofile.ws)) == 2
    local = Workspace.open(target)
    try:
        assert [p.title for p in list_plans(local)] == ["Teamets plan"]
        assert team_server_of(local.store)["url"] == team.url("alice")
    finally:
        local.close()


def test_checkout_onto_an_existing_file_is_one_message_and_writes_nothing(monkeypatch, window, team, messages,
                                                                          tmp_path: Path):
    assert window.open_path(team.url("alice"))
    target = tmp_path / "finns.uppdrag"
    target.write_bytes(b"annat")
    monkeypatch.setattr("ui.team_actions.CheckoutDialog.exec", lambda d: QDialog.DialogCode.Accepted)
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: target)
    window.actions_["checkout"].trigger()
    assert messages == ["Filen ”finns.uppdrag” finns redan; välj ett annat namn."]
    assert target.read_bytes() == b"annat"


# --- Synkronisera -------------------------------------------------------------------------


@pytest.fixture
def offline(team, tmp_path: Path) -> Path:
    out, _count = checkout(team.url("alice"), tmp_path / "tåg.uppdrag")
    return out


def test_sync_sends_and_fetches_and_is_said_not_to_be_undoable(qtbot, window, team, offline):
    assert window.open_path(offline)
    assert window.actions_["sync"].isEnabled() and not window.actions_["checkout"].isEnabled()
    plan_id = select(window, "Teamets plan")
    form = window.editor.show_page("metadata").form
    type_into(qtbot, form.editor("diarienummer").line, "RS 2026/7")  # edited offline, in the window
    assert window.ofile.stack.canUndo()
    on_server(team.url("alice"), lambda ws: ws.update("plan", plan_titled(ws, "Teamets plan"),
                                                      subtitle="Från servern"))
    window.ofile.ws.store.activate()
    press(qtbot, window, Qt.Key.Key_F9)
    assert window.team_progress.shown == ["Ansluter till servern …", "Skickar dina ändringar till servern …",
                                          "Hämtar ändringar från servern …"]
    stored = team.sql("SELECT diarienummer, subtitle FROM plan WHERE title = 'Teamets plan'")
    assert stored == [("RS 2026/7", "Från servern")]
    here = window.ofile.ws.get("plan", plan_id)
    assert (here["diarienummer"], here["subtitle"]) == ("RS 2026/7", "Från servern")
    assert window.editor.show_page("metadata").form.editor("subtitle").line.text() == "Från servern"
    message = window.statusBar().currentMessage()
    assert "1 ändringar skickade" in message and "0 konflikter" in message and "kan inte ångras" in message
    assert not window.ofile.stack.canUndo() and not window.actions_["undo"].isEnabled()


def test_sync_conflicts_are_chosen_before_anything_is_written(qtbot, monkeypatch, window, team, offline):
    assert window.open_path(offline)
    plan_id = select(window, "Teamets plan")
    type_into(qtbot, window.editor.show_page("metadata").form.editor("subtitle").line, "Tågets undertitel")
    on_server(team.url("alice"), lambda ws: ws.update("plan", plan_titled(ws, "Teamets plan"),
                                                      subtitle="Serverns undertitel"))
    window.ofile.ws.store.activate()
    seen = []

    def cancel(dialog) -> int:
        seen.append([(dialog.table.item(0, 1).text(), dialog.table.item(0, 2).text().split("\n")[0],
                      dialog.table.item(0, 3).text().split("\n")[0])])
        seen.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", cancel)
    window.actions_["sync"].trigger()
    assert seen == [[("undertitel", "Serverns undertitel", "Tågets undertitel")], "Konflikter vid synkronisering"]
    assert team.sql("SELECT subtitle FROM plan WHERE title = 'Teamets plan'") == [("Serverns undertitel",)]
    assert window.ofile.ws.get("plan", plan_id)["subtitle"] == "Tågets undertitel"  # Avbryt: nothing written

    def take_the_files(dialog) -> int:
        qtbot.mouseClick(dialog.groups[0].button(1), Qt.MouseButton.LeftButton)  # "Ta filens"
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", take_the_files)
    window.actions_["sync"].trigger()
    assert team.sql("SELECT subtitle FROM plan WHERE title = 'Teamets plan'") == [("Tågets undertitel",)]
    assert window.ofile.ws.get("plan", plan_id)["subtitle"] == "Tågets undertitel"
    assert "1 konflikter" in window.statusBar().currentMessage()


def test_sync_when_the_server_is_gone_is_one_message_and_the_file_keeps_its_edits(qtbot, window, offline, messages,
                                                                                   pg_cluster):
    assert window.open_path(offline)
    plan_id = select(window, "Teamets plan")
    type_into(qtbot, window.editor.show_page("metadata").form.editor("subtitle").line, "Skrivet på tåget")
    pg_cluster.stop()
    try:
        window.actions_["sync"].trigger()
    finally:
        pg_cluster.start()
        pg_cluster.wait_ready()
    assert len(messages) == 1 and "svarar inte" in messages[0] and "\n" not in messages[0]
    assert window.ofile.ws.get("plan", plan_id)["subtitle"] == "Skrivet på tåget"
