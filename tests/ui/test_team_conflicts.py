"""The window on a team server when someone else's change on the server gets in the way of an edit,
a deletion, a move, new scores, a drag on the timeline, an undo or a redo: the dialog shows both
sides, who and when, and writes what the person keeps, or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from app.dates import VagueDate
from tests.ui import team_steps
from tests.ui.team_steps import (alice_shows, alice_shows_a_section, keep_mine_when_asked, on_server, plan_titled,
                                 press, while_alice_types)
from tests.ui.ui_steps import type_into

team, window = team_steps.team, team_steps.window  # (fixtures)


# --- an edit someone else's change got in the way of ---------------------------------------------


@pytest.fixture
def alice_and_bob(qtbot, window, team):
    """Alice's window on the server showing the plan's fields, whose title bob then changes."""
    plan_id, page = alice_shows(window, team, "metadata")
    while_alice_types(window, team, lambda ws: ws.update("plan", plan_id, title="Bobs titel"))
    return plan_id, page.form


def test_an_edit_conflict_shows_both_values_who_and_when_and_keeps_mine(qtbot, monkeypatch, window, team,
                                                                       alice_and_bob):
    plan_id, form = alice_and_bob
    shown = []

    def keep_mine(dialog) -> int:
        shown.append((dialog.windowTitle(), dialog.table.item(0, 1).text(), dialog.table.item(0, 2).text(),
                      dialog.table.item(0, 3).text()))
        qtbot.mouseClick(dialog.groups[0].button(0), Qt.MouseButton.LeftButton)  # "Behåll mitt"
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", keep_mine)
    type_into(qtbot, form.editor("title").line, "Alices titel")
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    title, field, mine, theirs = shown[0]
    assert (title, field) == ("Någon annan ändrade samma fält", "titel")
    assert mine.startswith("Alices titel") and theirs.startswith("Bobs titel\n(bob, 20")  # who, and when
    assert team.sql(f"SELECT title FROM plan WHERE id = {plan_id}") == [("Alices titel",)]
    assert window.editor.title.text() == "Alices titel"
    window.actions_["undo"].trigger()  # one undo step: back to what bob wrote
    assert team.sql(f"SELECT title FROM plan WHERE id = {plan_id}") == [("Bobs titel",)]


def test_an_edit_conflict_can_take_the_stored_value_and_writes_nothing(qtbot, monkeypatch, window, team,
                                                                      alice_and_bob):
    plan_id, form = alice_and_bob
    shown = []

    def take_theirs(dialog) -> int:
        shown.append(dialog.windowTitle())
        return 1  # "Ta det sparade" is chosen already

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", take_theirs)
    versions = team.sql("SELECT count(*) FROM row_version")
    type_into(qtbot, form.editor("title").line, "Alices titel")
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    qtbot.waitUntil(lambda: window.editor.show_page("metadata").form.editor("title").line.text() == "Bobs titel",
                    timeout=5000)
    assert team.sql(f"SELECT title FROM plan WHERE id = {plan_id}") == [("Bobs titel",)]
    assert team.sql("SELECT count(*) FROM row_version") == versions
    assert not window.ofile.stack.canUndo()


@pytest.fixture
def title_bob_changed_after_alice(qtbot, window, team):
    """Alice has retitled the plan in her window; bob has then retitled it on the server."""
    plan_id, page = alice_shows(window, team, "metadata")
    type_into(qtbot, page.form.editor("title").line, "Alices titel")
    while_alice_types(window, team, lambda ws: (ws.get("plan", plan_id), ws.update("plan", plan_id, title="Bobs titel")))
    return plan_id


def test_undo_over_someone_else_s_later_change_asks_and_can_undo_all_the_same(qtbot, monkeypatch, window, team,
                                                                              title_bob_changed_after_alice):
    plan_id = title_bob_changed_after_alice
    shown = keep_mine_when_asked(qtbot, monkeypatch)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == [["titel", "Teamets plan", "Bobs titel"]]  # what her undo writes, over what bob wrote
    assert team.sql(f"SELECT title FROM plan WHERE id = {plan_id}") == [("Teamets plan",)]
    assert not window.ofile.stack.canUndo() and window.ofile.stack.canRedo()
    window.actions_["redo"].trigger()
    assert team.sql(f"SELECT title FROM plan WHERE id = {plan_id}") == [("Alices titel",)]


def test_undo_over_someone_else_s_later_change_writes_nothing_when_theirs_is_taken(qtbot, monkeypatch, window, team,
                                                                                   title_bob_changed_after_alice):
    plan_id = title_bob_changed_after_alice
    shown = []
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", lambda dialog: shown.append(1) or 1)
    versions = team.sql("SELECT count(*) FROM row_version")
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert team.sql(f"SELECT title FROM plan WHERE id = {plan_id}") == [("Bobs titel",)]
    assert team.sql("SELECT count(*) FROM row_version") == versions
    # bob's title stands, and the undo step is gone rather than standing in the way of older steps
    assert not window.ofile.stack.canUndo() and not window.ofile.stack.canRedo()


def test_an_undo_passed_over_for_someone_else_s_change_lets_the_steps_before_it_be_undone(
        qtbot, monkeypatch, window, team):
    plan_id, page = alice_shows(window, team, "metadata")
    type_into(qtbot, page.form.editor("subtitle").line, "Alices undertitel")
    type_into(qtbot, page.form.editor("title").line, "Alices titel")
    while_alice_types(window, team, lambda ws: (ws.get("plan", plan_id), ws.update("plan", plan_id, title="Bobs titel")))
    shown = []
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", lambda dialog: shown.append(1) or 1)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # her title: bob's stands
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # her subtitle: nobody changed it since
    assert team.sql(f"SELECT title, subtitle FROM plan WHERE id = {plan_id}") == [("Bobs titel", "")]
    assert shown == [1] and not window.ofile.stack.canUndo()
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert team.sql(f"SELECT title, subtitle FROM plan WHERE id = {plan_id}") == [("Bobs titel", "Alices undertitel")]
    assert not window.ofile.stack.canRedo() and window.ofile.stack.undoText().startswith("ändrad undertitel")


@pytest.fixture
def section_bob_deleted(qtbot, window, team):
    """Alice's window on the server showing a section of the plan, which bob then deletes on the server."""
    section_id, page = alice_shows_a_section(window, team)
    while_alice_types(window, team, lambda ws: (ws.get("section", section_id), ws.delete("section", section_id)))
    return section_id, page


def test_an_edit_of_a_section_someone_deleted_can_bring_it_back_with_the_edit(qtbot, monkeypatch, window, team,
                                                                              section_bob_deleted):
    section_id, page = section_bob_deleted
    shown = []

    def keep_mine(dialog) -> int:
        shown.append([dialog.table.item(0, c).text() for c in range(1, 4)])
        qtbot.mouseClick(dialog.groups[0].button(0), Qt.MouseButton.LeftButton)  # "Behåll mitt"
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", keep_mine)
    type_into(qtbot, page.form.editor("heading").line, "Alices rubrik")
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    [(mine, theirs)] = [(row[1], row[2]) for row in shown]
    assert mine.startswith("finns kvar, ändrad") and theirs.startswith("borttagen\n(bob, 20")  # who, and when
    assert team.sql(f"SELECT heading, deleted_at FROM section WHERE id = {section_id}") == [("Alices rubrik", None)]
    window.actions_["undo"].trigger()  # the edit undone: the section back as bob left it, still brought back
    assert team.sql(f"SELECT deleted_at IS NULL FROM section WHERE id = {section_id}") == [(True,)]
    window.actions_["undo"].trigger()  # and deleted again
    assert team.sql(f"SELECT deleted_at IS NULL FROM section WHERE id = {section_id}") == [(False,)]


def test_an_edit_of_a_section_someone_deleted_writes_nothing_when_the_deletion_stands(qtbot, monkeypatch, window,
                                                                                      team, section_bob_deleted):
    section_id, page = section_bob_deleted
    shown = []
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", lambda dialog: shown.append(1) or 1)
    stored = team.sql(f"SELECT heading, version_id, deleted_at FROM section WHERE id = {section_id}")
    type_into(qtbot, page.form.editor("heading").line, "Alices rubrik")
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert team.sql(f"SELECT heading, version_id, deleted_at FROM section WHERE id = {section_id}") == stored
    assert stored[0][2] is not None
    assert section_id not in [s["id"] for s in window.ofile.ws.list("section", window.current_plan_id())]
    assert not window.ofile.stack.canUndo()


def test_moving_a_section_someone_deleted_asks_and_can_bring_it_back_where_it_was_moved(qtbot, monkeypatch, window,
                                                                                        team):
    on_server(team.url("alice"), lambda ws: ws.add("section", plan_titled(ws, "Teamets plan"), key="",
                                                   heading="Syfte"))
    first_id, page = alice_shows_a_section(window, team)  # "Syfte", then "Bakgrund"
    page.list.setCurrentIndex(page.model.index(1))
    second_id = page.current_id()
    while_alice_types(window, team, lambda ws: (ws.get("section", second_id), ws.delete("section", second_id)))
    shown = keep_mine_when_asked(qtbot, monkeypatch)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert [row[1:] for row in shown] == [["finns kvar, ändrad", "borttagen"]]
    plan_id = window.current_plan_id()
    assert team.sql(f"SELECT id FROM section WHERE plan_id = {plan_id} AND deleted_at IS NULL "
                    "ORDER BY position, id") == [(second_id,), (first_id,)]
    window.actions_["undo"].trigger()  # the move undone, the section still brought back
    assert team.sql(f"SELECT id FROM section WHERE plan_id = {plan_id} AND deleted_at IS NULL "
                    "ORDER BY position, id") == [(first_id,), (second_id,)]


def test_undo_of_an_edit_of_a_section_someone_deleted_since_can_bring_it_back(qtbot, monkeypatch, window, team):
    section_id, page = alice_shows_a_section(window, team)
    type_into(qtbot, page.form.editor("heading").line, "Alices rubrik")
    while_alice_types(window, team, lambda ws: (ws.get("section", section_id), ws.delete("section", section_id)))
    shown = keep_mine_when_asked(qtbot, monkeypatch)
    window.actions_["undo"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert [mine for _field, mine, _theirs in shown] == ["finns kvar, ändrad"]
    assert team.sql(f"SELECT heading, deleted_at FROM section WHERE id = {section_id}") == [("Bakgrund", None)]
    assert not window.ofile.stack.canUndo()


@pytest.fixture
def section_bob_changed(qtbot, window, team):
    """Alice's window on the server showing a section of the plan, whose text bob then changes on the server."""
    section_id, page = alice_shows_a_section(window, team)
    while_alice_types(window, team, lambda ws: (ws.get("section", section_id),
                                                ws.update("section", section_id, body="Bobs text")))
    return section_id, page


def test_deleting_a_section_someone_changed_asks_first_and_can_delete_it_all_the_same(qtbot, monkeypatch, window,
                                                                                      team, answers,
                                                                                      section_bob_changed):
    section_id, page = section_bob_changed
    shown = []

    def delete_anyway(dialog) -> int:
        shown.append((dialog.windowTitle(), [dialog.table.item(0, c).text() for c in range(2, 4)]))
        qtbot.mouseClick(dialog.groups[0].button(0), Qt.MouseButton.LeftButton)  # "Behåll mitt": deleted
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", delete_anyway)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    [(title, (mine, theirs))] = shown
    assert title == "Borttaget och ändrat samtidigt"
    assert mine.startswith("borttagen") and theirs.startswith("finns kvar, ändrad\n(bob, 20")
    assert team.sql(f"SELECT body, deleted_at IS NOT NULL FROM section WHERE id = {section_id}") == [("Bobs text", True)]
    window.actions_["undo"].trigger()  # one step: back, with bob's text
    assert team.sql(f"SELECT body, deleted_at FROM section WHERE id = {section_id}") == [("Bobs text", None)]


def test_deleting_a_section_someone_changed_can_keep_it_as_they_left_it(qtbot, monkeypatch, window, team, answers,
                                                                        section_bob_changed):
    section_id, page = section_bob_changed
    shown = []
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", lambda dialog: shown.append(1) or 1)
    stored = team.sql(f"SELECT body, version_id, deleted_at FROM section WHERE id = {section_id}")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert team.sql(f"SELECT body, version_id, deleted_at FROM section WHERE id = {section_id}") == stored
    assert window.ofile.ws.get("section", section_id)["body"] == "Bobs text"
    assert not window.ofile.stack.canUndo()



@pytest.fixture
def risk_bob_rescored(qtbot, window, team):
    """Alice's window on the server showing the plan's risks, one of which bob then scores anew."""
    on_server(team.url("alice"), lambda ws: ws.add("risk", plan_titled(ws, "Teamets plan"), title="Personalbrist",
                                                   probability=2, impact=3))
    _plan_id, panel = alice_shows(window, team, "risk")
    risk_id = panel.model.row_at(0).id
    while_alice_types(window, team, lambda ws: (ws.get("risk", risk_id),
                                                ws.update("risk", risk_id, probability=1, impact=1)))
    return risk_id, panel



def drag_in_matrix(qtbot, matrix, source: tuple[int, int], target: tuple[int, int]) -> None:
    """A risk dragged from one cell of the matrix to another, as a person does."""
    start, end = matrix.cell_center(source), matrix.cell_center(target)
    qtbot.mousePress(matrix, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(matrix, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(matrix, end)
    qtbot.mouseRelease(matrix, Qt.MouseButton.LeftButton, pos=end)


def score_in_register(panel, risk_id: int, probability: int) -> None:
    """A new probability typed into the risk register's cell (what its editor stores on Enter; here it
    is refused, as someone else has scored the risk since the register showed it)."""
    m = panel.model
    assert not m.setData(m.index(m.row_of(risk_id), m.column_of("probability")), probability)

def test_new_scores_over_scores_someone_else_changed_are_asked_and_can_be_kept(qtbot, monkeypatch, window, team,
                                                                               risk_bob_rescored):
    risk_id, panel = risk_bob_rescored
    shown = []

    def keep_mine(dialog) -> int:
        shown.append(sorted((dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text(),
                             dialog.table.item(r, 3).text().split("\n")[0]) for r in range(dialog.table.rowCount())))
        qtbot.mouseClick(dialog.all_mine, Qt.MouseButton.LeftButton)  # "Alla: behåll mitt"
        return 1

    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", keep_mine)
    drag_in_matrix(qtbot, panel.matrix, (2, 3), (4, 4))  # the risk where the matrix shows it
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert [(field, mine.split("\n")[0], theirs) for field, mine, theirs in shown[0]] == [
        ("konsekvens", "4", "1"), ("sannolikhet", "4", "1")]
    assert team.sql(f"SELECT probability, impact FROM risk WHERE id = {risk_id}") == [(4, 4)]
    assert team.sql(f"SELECT probability, impact FROM risk_assessment WHERE risk_id = {risk_id}") == [(4, 4)]


def test_new_scores_over_scores_someone_else_changed_write_nothing_when_theirs_are_taken(qtbot, monkeypatch, window,
                                                                                         team, risk_bob_rescored):
    risk_id, panel = risk_bob_rescored
    shown = []
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", lambda dialog: shown.append(1) or 1)
    score_in_register(panel, risk_id, 4)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert team.sql(f"SELECT probability, impact FROM risk WHERE id = {risk_id}") == [(1, 1)]
    assert team.sql(f"SELECT count(*) FROM risk_assessment WHERE risk_id = {risk_id}") == [(0,)]
    assert not window.ofile.stack.canUndo()


def test_the_timeline_says_which_versions_it_shows_so_a_drag_over_a_newer_date_is_asked(qtbot, monkeypatch, window,
                                                                                      team):
    """The timeline reads its rows with a query of its own: it says which versions it shows, and an edit
    of an item from it (a drag is an update of its dates) is checked against the version shown."""
    on_server(team.url("alice"), lambda ws: ws.add("timeline", plan_titled(ws, "Teamets plan"), kind="activity",
                                                   title="Förstudie", start=VagueDate.day(2027, 1, 4),
                                                   end=VagueDate.day(2027, 2, 26)))
    _plan_id, page = alice_shows(window, team, "gantt")
    item_id = page.layout_rows.data.rows[0].id
    while_alice_types(window, team, lambda ws: (ws.get("timeline", item_id),
                                                ws.update("timeline", item_id, end=VagueDate.day(2027, 3, 31))))
    shown = []
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", lambda dialog: shown.append(1) or 1)
    window.ofile.update("timeline", item_id, {"end": VagueDate.day(2027, 3, 12)})  # what dropping its end writes
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert team.sql(f"SELECT \"end\" FROM timeline_item WHERE id = {item_id}") == [(date(2027, 3, 31),)]


def test_a_dependency_changed_from_the_item_s_form_over_a_newer_lag_is_asked(qtbot, monkeypatch, window, team):
    """The form lists an item's dependencies with a query of its own and says which versions it shows:
    a new lag over a lag bob has set since is asked about, and nothing is written when his stands."""
    from ui.editor.dependency_box import DependencyDialog

    def link(ws) -> None:
        plan_id = plan_titled(ws, "Teamets plan")
        first, second = (ws.add("timeline", plan_id, kind="activity", title=t).ids[0] for t in ("Förstudie", "Bygge"))
        ws.add("dependency", predecessor=first, successor=second, lag=2, lag_unit="day")

    on_server(team.url("alice"), link)
    _plan_id, page = alice_shows(window, team, "timeline")
    second = next(r for r in window.ofile.ws.list("timeline", window.current_plan_id()) if r["title"] == "Bygge")
    page.select_row(page.model.row_of(second["id"]))
    box = page.dependencies
    box.list.setCurrentRow(0)
    link_id = box.current()["id"]
    while_alice_types(window, team, lambda ws: (ws.get("dependency", link_id), ws.update("dependency", link_id, lag=5)))

    def three_days(dialog: DependencyDialog) -> int:
        dialog.lag.setValue(3)
        return 1

    shown = []
    monkeypatch.setattr(DependencyDialog, "exec", three_days)
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", lambda dialog: shown.append(
        [dialog.table.item(0, c).text().split("\n")[0] for c in range(1, 4)]) or 1)  # "Ta det sparade"
    qtbot.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0][1:] == ["3", "5"]
    assert team.sql(f"SELECT lag FROM dependency WHERE id = {link_id}") == [(5,)]


def test_undo_of_a_decision_over_a_point_someone_changed_since_takes_back_nothing_when_theirs_stands(
        qtbot, monkeypatch, window, team):
    """The decision's log line and its point are taken back together or not at all."""
    from ui.dialogs.decision_dialog import DecisionDialog

    on_server(team.url("alice"), lambda ws: ws.add("timeline", plan_titled(ws, "Teamets plan"), kind="decision_point",
                                                   code="BP1", title="Start"))
    plan_id, page = alice_shows(window, team, "timeline")
    point = next(r for r in window.ofile.ws.list("timeline", plan_id) if r["code"] == "BP1")
    page.select_row(page.model.row_of(point["id"]))

    def decide(dialog: DecisionDialog) -> int:
        type_into(qtbot, dialog.on.line, "2027-03-01")
        dialog.decided_by.lineEdit().setText("Styrgruppen")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("continue"))
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", decide)
    qtbot.mouseClick(page.decision_button, Qt.MouseButton.LeftButton)
    logged = f"SELECT count(*) FROM log_entry WHERE plan_id = {plan_id} AND deleted_at IS NULL AND kind = 'decision'"
    assert team.sql(logged) == [(1,)]
    while_alice_types(window, team, lambda ws: (ws.get("timeline", point["id"]),
                                                ws.update("timeline", point["id"], status="ongoing")))
    shown = []
    monkeypatch.setattr("ui.dialogs.sharing_dialogs.ConflictDialog.exec", lambda dialog: shown.append(1) or 1)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert team.sql(logged) == [(1,)]  # the log line stays with the point bob left
    assert team.sql(f"SELECT status FROM timeline_item WHERE id = {point['id']}") == [("ongoing",)]
    assert not window.ofile.stack.canUndo() and not window.ofile.stack.canRedo()  # the step is gone: undone it
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # was not, so no redo logs it again
    assert team.sql(logged) == [(1,)]
