"""An edit on the team server over the row as the window read it (app.concurrency.Seen): one
statement when nobody else changed the row; otherwise the same statement answers with the row as
stored (read again only when it moved on while that statement ran), the edit is validated again
against it and compared field by field, and nothing is overwritten that this window has not seen.
The one-statement write itself: test_server.py."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import psycopg
import pytest

from app import kinds, rows
from app.concurrency import EditConflict
from app.dates import VagueDate
from app.plans import list_plans
from app.validation import ValidationError
from app.workspace import Workspace
from db import models
from db.server_schema import grant


@pytest.fixture
def pair(server_db, alice_with_plans):
    """alice and bob, both editors of the first example plan, each with its sections read."""
    plan = list_plans(alice_with_plans)[0]
    grant(server_db.admin_url, "bob", "editor", plan.uuid)
    bob = Workspace.open(server_db.url("bob"))
    yield alice_with_plans, bob, plan
    bob.close()


def both_read(alice: Workspace, bob: Workspace, plan) -> dict:
    """The plan's last section, with the sections as alice and bob have both read them."""
    bob.list("section", plan.id)
    return alice.list("section", plan.id)[-1]


def counting(ws: Workspace) -> list[str]:
    """The statements `ws` sends from now on (through a cursor, or prepared on the connection)."""
    said: list[str] = []
    db = ws.store.db
    real, real_row = db.execute_sql, db.one_row

    def counted(sql, params=None, *rest, **named):
        said.append(sql)
        return real(sql, params, *rest, **named)

    def counted_row(sql, params):
        said.append(sql)
        return real_row(sql, params)

    db.execute_sql, db.one_row = counted, counted_row
    return said


@contextmanager
def held_by_another(server_db) -> Iterator[tuple[Any, Callable[[], None], threading.Event]]:
    """(a transaction of another connection, `start`, an event): after `start()`, that transaction
    commits once something waits for the rows it has written or locked (at most half a minute on),
    and the event says that something did. Leaving the `with` waits for the commit."""
    conninfo = server_db.cluster.superuser_conninfo(server_db.name)
    other, waited = psycopg.connect(conninfo), threading.Event()

    def commit_once_someone_waits() -> None:
        with psycopg.connect(conninfo, autocommit=True) as watcher:
            for _ in range(3000):
                if watcher.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0]:
                    waited.set()
                    break
                threading.Event().wait(0.01)
        other.commit()

    committer = threading.Thread(target=commit_once_someone_waits)
    try:
        yield other, committer.start, waited
    finally:
        if committer.ident is not None:
            committer.join()
        other.close()


def test_a_stale_version_overwrites_nothing_and_offers_both_values(pair, server_db):
    alice, bob, plan = pair
    section = alice.list("section", plan.id)[0]
    bob.list("section", plan.id)
    bob.update("section", section["id"], body="Bobs text")
    said = counting(alice)
    with pytest.raises(EditConflict) as caught:
        alice.update("section", section["id"], body="Alices text")
    # one statement: the write that found the row moved on answers with the row as stored and the
    # records of both versions
    assert [s.split()[0] for s in said] == ["WITH"]
    conflict = caught.value
    assert [(f.name, f.mine, f.theirs) for f in conflict.fields] == [("body", "Alices text", "Bobs text")]
    assert (conflict.who, conflict.conflicts[0].mine, conflict.conflicts[0].theirs) == ("bob", "Alices text", "Bobs text")
    assert "\n" not in str(conflict)
    assert server_db.sql(f"SELECT body FROM section WHERE id = {section['id']}") == [("Bobs text",)]
    alice.seen.accept(conflict)  # "keep mine": written over the version she has now seen, one undo step
    change = alice.update("section", section["id"], body="Alices text")
    assert change.old == {"body": "Bobs text"}  # undo gives bob's text back, not what she first read
    assert server_db.sql(f"SELECT body FROM section WHERE id = {section['id']}") == [("Alices text",)]


def test_a_field_only_someone_else_changed_stays_theirs_and_undo_takes_the_stored_value(pair, server_db):
    alice, bob, plan = pair
    alice.get("plan", plan.id)
    bob.get("plan", plan.id)
    bob.update("plan", plan.id, subtitle="Bobs undertitel", title="Bobs titel")
    bob.update("plan", plan.id, title=plan.title)  # the title back as alice read it, by a newer version
    change = alice.update("plan", plan.id, title="Alices titel")
    assert change.old == {"title": plan.title}
    assert server_db.sql(f"SELECT title, subtitle FROM plan WHERE id = {plan.id}") == [("Alices titel", "Bobs undertitel")]


def test_the_edit_is_validated_again_against_the_stored_row(pair, server_db):
    """Valid over the row alice read, invalid over the one bob has stored since: refused, nothing written."""
    alice, bob, plan = pair
    item = alice.list("timeline", plan.id)[0]
    bob.list("timeline", plan.id)
    bob.update("timeline", item["id"], actual_start=date(2026, 5, 4))
    with pytest.raises(ValidationError, match="före den faktiska starten"):
        alice.update("timeline", item["id"], actual_finish=date(2026, 4, 1))
    assert server_db.sql(f"SELECT actual_start, actual_finish FROM timeline_item WHERE id = {item['id']}") == [
        (date(2026, 5, 4), None)]


def test_an_edit_of_a_row_someone_else_deleted_is_a_conflict_and_writes_nothing(pair, server_db):
    """As a merge calls a deletion against an edit a conflict: the edit is not written into the deleted
    row; the user is told who deleted it, and chooses."""
    alice, bob, plan = pair
    section = both_read(alice, bob, plan)
    bob.delete("section", section["id"])
    stored = server_db.sql(f"SELECT body, version_id FROM section WHERE id = {section['id']}")
    with pytest.raises(EditConflict) as caught:
        alice.update("section", section["id"], body="Skrivet medan Bob tog bort")
    conflict = caught.value
    assert conflict.deleted and conflict.who == "bob"
    assert [(f.name, f.mine) for f in conflict.fields] == [("deleted_at", None)]
    assert conflict.fields[0].theirs  # when bob deleted it
    assert str(conflict).startswith(f"Avsnittet ”{section['heading']}” togs bort av bob på servern medan du skrev.")
    [shown] = conflict.conflicts
    assert (shown.field, shown.delete_vs_edit, shown.mine, shown.theirs_by) == ("deleted_at", True, None, "bob")
    assert server_db.sql(f"SELECT body, version_id FROM section WHERE id = {section['id']}") == stored
    # "keep mine": the row brought back, the edit written over the version she has now seen
    alice.seen.accept(conflict)
    alice.restore("section", section["id"])
    alice.update("section", section["id"], body="Skrivet medan Bob tog bort")
    assert server_db.sql(f"SELECT body, deleted_at FROM section WHERE id = {section['id']}") == [
        ("Skrivet medan Bob tog bort", None)]


def test_a_field_clash_and_a_deletion_are_both_told(pair, server_db):
    alice, bob, plan = pair
    section = both_read(alice, bob, plan)
    bob.update("section", section["id"], body="Bobs sista text")
    bob.delete("section", section["id"])
    with pytest.raises(EditConflict) as caught:
        alice.update("section", section["id"], body="Alices text")
    assert [f.name for f in caught.value.fields] == ["deleted_at", "body"]
    assert caught.value.deleted and "togs bort av bob" in str(caught.value)


def test_an_edit_after_a_deletion_and_a_restore_is_no_conflict(pair, server_db):
    """A row deleted and brought back meanwhile is alive as she saw it: her edit goes through."""
    alice, bob, plan = pair
    section = both_read(alice, bob, plan)
    bob.delete("section", section["id"])
    bob.restore("section", section["id"])
    alice.update("section", section["id"], body="Efter återställningen")
    assert server_db.sql(f"SELECT body, deleted_at FROM section WHERE id = {section['id']}") == [
        ("Efter återställningen", None)]


def test_a_deletion_of_a_row_nobody_else_changed_is_one_statement_and_undo_brings_it_back(pair, server_db):
    alice, _bob, plan = pair
    section = alice.list("section", plan.id)[-1]
    said = counting(alice)
    alice.delete("section", section["id"])
    assert [s.split()[0] for s in said] == ["WITH"]
    assert server_db.sql(f"SELECT deleted_at IS NOT NULL FROM section WHERE id = {section['id']}") == [(True,)]
    assert server_db.sql(f"SELECT action, who FROM row_version WHERE row_uuid = '{section['uuid']}' AND parent IS NOT NULL"
                         ) == [("delete", "alice")]
    alice.restore("section", section["id"])
    assert server_db.sql(f"SELECT deleted_at FROM section WHERE id = {section['id']}") == [(None,)]


def test_a_deletion_of_a_row_someone_else_changed_is_a_conflict_and_deletes_nothing(pair, server_db):
    alice, bob, plan = pair
    section = both_read(alice, bob, plan)
    bob.update("section", section["id"], body="Bobs nya text")
    with pytest.raises(EditConflict) as caught:
        alice.delete("section", section["id"])
    conflict = caught.value
    assert conflict.deleting and not conflict.deleted and conflict.who == "bob"
    assert str(conflict).startswith(f"Avsnittet ”{section['heading']}” har ändrats av bob på servern")
    [shown] = conflict.conflicts
    assert (shown.field, shown.delete_vs_edit, shown.theirs, shown.theirs_by) == ("deleted_at", True, None, "bob")
    assert shown.mine is not None  # her side: deleted
    assert server_db.sql(f"SELECT body, deleted_at FROM section WHERE id = {section['id']}") == [("Bobs nya text", None)]
    alice.seen.accept(conflict)  # "delete anyway": over the version she has now seen
    alice.delete("section", section["id"])
    assert server_db.sql(f"SELECT body, deleted_at IS NOT NULL FROM section WHERE id = {section['id']}") == [
        ("Bobs nya text", True)]


def test_a_deletion_of_a_row_someone_else_only_moved_or_deleted_goes_through(pair, server_db):
    alice, bob, plan = pair
    first, second = alice.list("section", plan.id)[:2]
    bob.list("section", plan.id)
    bob.move("section", second["id"], 0)  # both change places: only their positions
    alice.delete("section", first["id"])
    bob.delete("section", second["id"])
    alice.delete("section", second["id"])
    assert server_db.sql(f"SELECT count(*) FROM section WHERE id IN ({first['id']}, {second['id']}) "
                         "AND deleted_at IS NOT NULL") == [(2,)]


def order_of(server_db, plan) -> list[int]:
    return [r[0] for r in server_db.sql(f"SELECT id FROM section WHERE plan_id = {plan.id} AND deleted_at IS NULL "
                                        "ORDER BY position, id")]


def positions_of(server_db, plan) -> list[int]:
    return [r[0] for r in server_db.sql(f"SELECT position FROM section WHERE plan_id = {plan.id} "
                                        "AND deleted_at IS NULL ORDER BY position")]


def test_a_move_of_a_row_someone_else_deleted_is_a_conflict_and_moves_nothing(pair, server_db):
    alice, bob, plan = pair
    section = both_read(alice, bob, plan)
    bob.delete("section", section["id"])
    positions = server_db.sql(f"SELECT id, position, version_id FROM section WHERE plan_id = {plan.id} ORDER BY id")
    with pytest.raises(EditConflict) as caught:
        alice.move("section", section["id"], 0)
    assert caught.value.deleted and caught.value.who == "bob"
    assert server_db.sql(f"SELECT id, position, version_id FROM section WHERE plan_id = {plan.id} ORDER BY id") == positions
    alice.seen.accept(caught.value)  # "keep mine": brought back, then moved
    alice.restore("section", section["id"])
    alice.move("section", section["id"], 0)
    assert order_of(server_db, plan)[0] == section["id"]


def test_a_move_of_a_row_that_is_gone_is_one_sentence(pair, server_db):
    alice, _bob, plan = pair
    section = alice.list("section", plan.id)[-1]
    server_db.sql(f"DELETE FROM section WHERE id = {section['id']}")  # as only an administrator can
    with pytest.raises(LookupError, match=f"Hittar inte .*id {section['id']}"):
        alice.move("section", section["id"], 0)


def test_moves_made_at_once_both_count(pair, server_db):
    """bob's move of one section is being written (his transaction holds the rows) when alice moves
    another: her move waits for his, then puts hers into the order as he left it; neither is lost."""
    alice, _bob, plan = pair
    order = order_of(server_db, plan)
    assert len(order) >= 3
    first, last = order[0], order[-1]
    with held_by_another(server_db) as (other, start, waited):  # bob moves the first section to the end
        for position, row_id in enumerate([*order[1:], first]):
            other.execute("UPDATE section SET position = %s, version_id = %s WHERE id = %s",
                          (position, f"bobs-move-{row_id}", row_id))
        start()
        alice.move("section", last, 0)  # the last section, as she sees them, to the top
    assert waited.is_set()
    assert order_of(server_db, plan) == [last, *order[1:-1], first]
    assert positions_of(server_db, plan) == list(range(len(order)))


def test_parts_added_at_once_each_get_a_place(pair, server_db):
    """bob's new section is being written last (his transaction holds the plan's sections) when alice
    adds one: hers waits for his and goes after it, not onto the same place."""
    alice, _bob, plan = pair
    order = order_of(server_db, plan)
    with held_by_another(server_db) as (other, start, waited):
        other.execute(f"SELECT id FROM section WHERE plan_id = {plan.id} ORDER BY id FOR UPDATE")
        other.execute("INSERT INTO section SELECT (jsonb_populate_record(s, jsonb_build_object("  # a copy, last
                      "'id', nextval(pg_get_serial_sequence('section', 'id')), 'uuid', 'bobs-section', "
                      "'version_id', 'bobs-version', 'position', %s::int, 'heading', 'Bobs avsnitt'))).* "
                      "FROM section s WHERE id = %s", (len(order), order[0]))
        start()
        mine = alice.add("section", plan.id, heading="Alices avsnitt").ids[0]
    assert waited.is_set()
    assert order_of(server_db, plan)[-1] == mine
    assert positions_of(server_db, plan) == list(range(len(order) + 2))


def test_a_row_read_for_bookkeeping_does_not_count_as_seen(pair, server_db):
    """`peek` (an undo step's name, the values a change replaces) reads the row as stored without
    counting as shown: an edit after it is still checked against the version the window showed."""
    alice, bob, plan = pair
    section = both_read(alice, bob, plan)
    bob.update("section", section["id"], heading="Bobs rubrik")
    assert alice.peek("section", section["id"])["heading"] == "Bobs rubrik"
    with pytest.raises(EditConflict):
        alice.update("section", section["id"], heading="Alices rubrik")
    alice.get("section", section["id"])  # now shown as stored: her edit goes over it
    alice.update("section", section["id"], heading="Alices rubrik")
    assert server_db.sql(f"SELECT heading FROM section WHERE id = {section['id']}") == [("Alices rubrik",)]


def test_a_decision_over_a_checklist_someone_else_answered_meanwhile_is_asked_and_writes_nothing(pair, server_db):
    """The decision dialog shows the point as read when it opened; a decision recorded after bob has
    answered its checklist differently writes neither the log line nor the point."""
    from app.decisions import ChecklistAnswer, record_decision, set_checklist

    alice, bob, plan = pair
    point_id = bob.add("timeline", plan.id, kind="decision_point", title="BP2 Start",
                       checklist='[{"item": "Finns finansiering?", "answer": "", "comment": ""}]').ids[0]
    alice.get("timeline", point_id)  # what her dialog shows
    bob.get("timeline", point_id)
    set_checklist(bob, point_id, [ChecklistAnswer("Finns finansiering?", "nej", "Inte ännu")])
    logs = server_db.sql(f"SELECT count(*) FROM log_entry WHERE plan_id = {plan.id}")
    with pytest.raises(EditConflict) as caught:
        record_decision(alice, point_id, on=date(2027, 2, 1), decided_by="Styrgruppen", outcome="continue",
                        answers=[ChecklistAnswer("Finns finansiering?", "ja")])
    assert [f.name for f in caught.value.fields] == ["checklist"]
    assert server_db.sql(f"SELECT count(*) FROM log_entry WHERE plan_id = {plan.id}") == logs
    assert "Inte ännu" in server_db.sql(f"SELECT checklist FROM timeline_item WHERE id = {point_id}")[0][0]
    bob.update("timeline", point_id, title="BP2 Start av genomförande")  # a field her decision leaves alone
    alice.seen.accept(caught.value)
    record_decision(alice, point_id, on=date(2027, 2, 1), decided_by="Styrgruppen", outcome="continue")
    assert server_db.sql(f"SELECT title, status FROM timeline_item WHERE id = {point_id}") == [
        ("BP2 Start av genomförande", "done")]


def test_a_version_a_view_shows_from_its_own_read_is_what_an_edit_is_checked_against(pair, server_db):
    """A register or matrix reads its rows with a query of its own and says which versions it shows
    (Workspace.shown): an edit from it is checked against those, not against what is stored by then."""
    alice, bob, plan = pair
    risk_id = bob.add("risk", plan.id, title="Personalbrist", probability=2, impact=3).ids[0]
    [(version,)] = server_db.sql(f"SELECT version_id FROM risk WHERE id = {risk_id}")
    alice.shown("risk", {risk_id: version})
    bob.update("risk", risk_id, probability=1)
    with pytest.raises(EditConflict) as caught:
        alice.update("risk", risk_id, probability=4)
    assert [(f.name, f.mine, f.theirs) for f in caught.value.fields] == [("probability", 4, 1)]
    alice.update("risk", risk_id, impact=4)  # a field bob left alone goes through, over his version
    assert server_db.sql(f"SELECT probability, impact FROM risk WHERE id = {risk_id}") == [(1, 4)]


def test_a_dependency_listed_with_its_item_is_checked_against_the_version_listed(pair, server_db):
    """The editor's and the timeline's lists of an item's dependencies read them with a query of
    their own (links_shown): a new lag over a lag someone else has set since is asked about."""
    from app.dependencies import links_shown

    alice, bob, plan = pair
    first, second = (bob.add("timeline", plan.id, kind="activity", title=t).ids[0] for t in ("Förstudie", "Genomförande"))
    link_id = bob.add("dependency", predecessor=first, successor=second, lag=2, lag_unit="day").ids[0]
    [shown] = links_shown(alice, second)
    bob.get("dependency", link_id)
    bob.update("dependency", link_id, lag=5)
    with pytest.raises(EditConflict) as caught:
        alice.update("dependency", link_id, lag=3)
    assert [(f.name, f.mine, f.theirs) for f in caught.value.fields] == [("lag", 3, 5)]
    assert shown["lag"] == 2 and server_db.sql(f"SELECT lag FROM dependency WHERE id = {link_id}") == [(5,)]


def test_an_edit_of_a_row_that_is_gone_is_one_sentence_and_writes_nothing(pair, server_db):
    alice, _bob, plan = pair
    section = alice.list("section", plan.id)[-1]
    server_db.sql(f"DELETE FROM section WHERE id = {section['id']}")  # as only an administrator can
    with pytest.raises(LookupError, match=f"Hittar inte .*id {section['id']}"):
        alice.update("section", section["id"], body="Förgäves")
    assert server_db.sql(f"SELECT count(*) FROM row_version WHERE row_uuid = '{section['uuid']}'") == [(0,)]


def test_a_row_that_moves_on_while_the_write_waits_for_it_is_read_again(pair, server_db):
    """Another transaction holds the row while alice's write waits for it, then commits a newer
    version: her statement writes nothing, and its snapshot still shows the version she read, so
    the row is read again (a second statement) and the clash shows the value committed meanwhile."""
    alice, _bob, plan = pair
    section = alice.list("section", plan.id)[0]
    with held_by_another(server_db) as (other, start, waited):
        other.execute("UPDATE section SET body = 'Bobs text', version_id = 'bobs-version' WHERE id = %s",
                      (section["id"],))
        said = counting(alice)
        start()
        with pytest.raises(EditConflict) as caught:
            alice.update("section", section["id"], body="Alices text")
    assert waited.is_set()
    assert [s.split()[0] for s in said] == ["WITH", "SELECT"]
    assert [(f.mine, f.theirs) for f in caught.value.fields] == [("Alices text", "Bobs text")]
    assert caught.value.version == "bobs-version"
    assert server_db.sql(f"SELECT body FROM section WHERE id = {section['id']}") == [("Bobs text",)]


def test_a_row_changed_again_during_the_check_is_checked_with_it_locked(pair, server_db, monkeypatch):
    """bob writes between alice's write and her check, and again before her second write: the
    check is made once more inside a transaction with the row locked, and her field still goes through."""
    from db.server import ServerStore

    alice, bob, plan = pair
    alice.get("plan", plan.id)
    bob.get("plan", plan.id)
    real = ServerStore.write_version
    titles = iter(["Bobs titel 1", "Bobs titel 2"])

    def bob_first(store, model, row_id, expected, columns, **named):
        title = next(titles, None) if store is alice.store else None
        if title is not None:
            bob.update("plan", plan.id, title=title)
            alice.store.activate()
        return real(store, model, row_id, expected, columns, **named)

    monkeypatch.setattr(ServerStore, "write_version", bob_first)
    said = counting(alice)
    alice.update("plan", plan.id, subtitle="Alices undertitel")
    assert any(s.startswith("SELECT") and s.rstrip().endswith("FOR UPDATE") for s in said)
    assert server_db.sql(f"SELECT title, subtitle FROM plan WHERE id = {plan.id}") == [("Bobs titel 2", "Alices undertitel")]
    assert alice.seen.row("plan", plan.id).title == "Bobs titel 2"  # what her next edit is checked against


def test_the_row_kept_after_an_edit_is_the_row_a_read_gives(pair):
    """What the window holds after its own edit (dates, vague dates, links, flags) is what reading
    the row again gives, so the next edit checks and undoes against the truth."""
    alice, _bob, plan = pair
    items = alice.list("timeline", plan.id)
    item, other = items[0], items[-1]
    alice.update("timeline", item["id"], title="Ny rubrik", start=VagueDate.month(2026, 3),
                 end=VagueDate.day(2026, 9, 30), actual_start=date(2026, 3, 2), parent=other["id"])
    k = kinds.kind("timeline")
    kept = alice.seen.row("timeline", item["id"])
    assert kept is not None and rows.to_plain(k, kept) == alice.get("timeline", item["id"])
    assert kept.version_id == models.TimelineItem.get_by_id(item["id"]).version_id
    change = alice.update("timeline", item["id"], title="Rubrik igen")
    assert change.old == {"title": "Ny rubrik"}


def test_a_right_given_or_taken_counts_at_once_in_an_open_session(server_db, alice_with_plans):
    """The server's rule (uppdrag_may_edit, its query planned once a session) answers for the
    plan members as they are now, not as they were when the session first asked."""
    from db.errors import StoreError

    plan = list_plans(alice_with_plans)[0]
    bob = Workspace.open(server_db.url("bob"))
    try:
        section = bob.list("section", plan.id)[0]
        with pytest.raises(StoreError, match="får inte ändra"):
            bob.update("section", section["id"], body="Bob försöker")
        grant(server_db.admin_url, "bob", "editor", plan.uuid)
        bob.update("section", section["id"], body="Bob får")
        grant(server_db.admin_url, "bob", "reader", plan.uuid)
        with pytest.raises(StoreError, match="får inte ändra") as caught:
            bob.update("section", section["id"], body="Bob igen")
        assert "\n" not in str(caught.value)
        assert server_db.sql(f"SELECT body FROM section WHERE id = {section['id']}") == [("Bob får",)]
    finally:
        bob.close()
