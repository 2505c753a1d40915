"""Offline work against the team server: push, checkout and sync through the causal merge."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from app.plans import list_plans
import app.sync as sync_module
import app.sync_exchange as sync_exchange
from app.sync import checkout, push, sync, team_server_of
from app.workspace import Workspace
from db import history
from db.errors import StoreError
from db.statements import on_postgres
from tests.conftest import no_sqlite_in


def titles(ws: Workspace) -> dict[str, str]:
    return {p.uuid: p.title for p in list_plans(ws)}


def on_server(url: str) -> dict[str, str]:
    ws = Workspace.open(url)
    try:
        return titles(ws)
    finally:
        ws.close()


def edit(target: Path | str, plan_uuid: str, **values) -> None:
    ws = Workspace.open(target)
    try:
        plan_id = next(p.id for p in list_plans(ws) if p.uuid == plan_uuid)
        ws.update("plan", plan_id, **values)
    finally:
        ws.close()


def test_push_moves_the_plans_with_their_history(server_db, pushed):
    local = Workspace.open(pushed)
    expected = titles(local)
    local.close()
    assert on_server(server_db.url("alice")) == expected
    assert server_db.sql("SELECT DISTINCT created_by FROM plan") == [("alice",)]
    assert push(pushed, server_db.url("alice")) == {}  # nothing new the second time


def test_a_push_by_the_databases_owner_leaves_the_planner_its_statistics(server_db, pushed, tmp_path):
    """After a load the planner has no statistics until autovacuum's first round (a sync's lookups by
    uuid then read whole tables): a push by the database's owner, IT's account, analyzes the tables;
    one by another account leaves them to autovacuum, without a warning or an error."""
    from app.plans import add_examples

    def estimated() -> dict[str, float]:
        return dict(server_db.sql("SELECT relname, reltuples FROM pg_class WHERE relname IN ('plan', 'timeline_item')"))

    assert estimated()["plan"] < 2  # alice's push (the fixture's) analyzed nothing: she owns no table
    second = tmp_path / "it.uppdrag"
    ws = Workspace.create(second)
    add_examples(ws)
    ws.close()
    push(second, server_db.admin_url)
    assert estimated() == {"plan": 4, "timeline_item": server_db.sql("SELECT count(*) FROM timeline_item")[0][0]}


def test_checkout_remembers_the_server_and_sync_brings_one_sided_edits_both_ways(server_db, pushed, tmp_path):
    url = server_db.url("alice")
    out, count = checkout(url, tmp_path / "tåg.uppdrag")
    assert count == 2
    local = Workspace.open(out)
    assert team_server_of(local.store) == {"url": url, "plans": None}
    first, second = sorted(titles(local))
    local.close()

    edit(out, first, title="Ändrad på tåget")
    edit(url, second, title="Ändrad på servern")
    report = sync(out)
    assert report.conflicts == [] and report.refused == []
    assert report.sent and report.fetched
    assert on_server(url)[first] == "Ändrad på tåget"
    local = Workspace.open(out)
    assert titles(local)[second] == "Ändrad på servern"
    local.close()
    again = sync(out)
    assert not (again.sent or again.fetched or again.conflicts)


def test_a_conflict_is_listed_once_and_both_sides_end_alike(server_db, pushed, tmp_path):
    url = server_db.url("alice")
    out, _ = checkout(url, tmp_path / "tåg.uppdrag")
    plan = sorted(on_server(url))[0]
    edit(out, plan, title="Tågets titel", subtitle="Bara på tåget")
    edit(url, plan, title="Serverns titel")
    report = sync(out, prefer="mine")  # mine: the server's own value, into which the file is merged
    assert len(report.conflicts) == 1 and report.conflicts[0].field == "title"
    assert "Konflikter: 1" in "\n".join(report.lines())
    local = Workspace.open(out)
    local_plan = next(p for p in list_plans(local) if p.uuid == plan)
    assert local.get("plan", local_plan.id)["subtitle"] == "Bara på tåget"
    assert local_plan.title == on_server(url)[plan] == "Serverns titel"
    local.close()
    assert sync(out).conflicts == []


def test_checkout_of_chosen_plans(server_db, pushed, tmp_path):
    url = server_db.url("alice")
    plans = sorted(on_server(url))
    out, count = checkout(url, tmp_path / "en.uppdrag", [plans[0]])
    assert count == 1
    local = Workspace.open(out)
    assert list(titles(local)) == [plans[0]]
    local.close()
    with pytest.raises(StoreError, match="finns redan"):
        checkout(url, out)


def test_plans_the_user_may_not_change_keep_their_local_edits(server_db, pushed, tmp_path):
    out, _ = checkout(server_db.url("bob"), tmp_path / "bob.uppdrag")
    plan = sorted(on_server(server_db.url("alice")))[0]
    edit(out, plan, title="Bob skriver offline")
    report = sync(out)
    assert report.refused and "får du inte längre ändra" in "\n".join(report.lines())
    assert on_server(server_db.url("alice"))[plan] != "Bob skriver offline"
    local = Workspace.open(out)
    assert titles(local)[plan] == "Bob skriver offline"
    local.close()


def test_sync_of_a_file_that_was_not_checked_out(tmp_path):
    plain = tmp_path / "vanlig.uppdrag"
    Workspace.create(plain).close()
    with pytest.raises(StoreError, match="inte utcheckad"):
        sync(plain)


def test_a_checkout_to_a_network_drive_is_made_here_and_synced_through_its_working_copy(
        server_db, pushed, tmp_path, monkeypatch):
    share = tmp_path / "G"
    share.mkdir()
    monkeypatch.setenv("UPPDRAG_NETWORK_FOLDERS", str(share))
    url = server_db.url("alice")
    refused = no_sqlite_in(share, monkeypatch)
    out, count = checkout(url, share / "tåg.uppdrag")
    assert count == 2 and out == share / "tåg.uppdrag"
    edit(url, sorted(on_server(url))[0], title="Ändrad på servern")
    report = sync(out)
    assert report.fetched and report.refused == []
    assert refused == []
    monkeypatch.undo()
    local = Workspace.open(out, read_only=True)
    try:
        assert "Ändrad på servern" in titles(local).values()
    finally:
        local.close()
    assert sorted(p.name for p in share.iterdir()) == [out.name]


def test_a_push_into_plans_the_user_may_not_change_is_refused_whole_in_one_sentence(server_db, pushed):
    """bob pushes alice's plans with an edit: the server's own rule refuses the rows taken into them
    (written from a staging table), the refusal is said as itself, and nothing of the push is kept."""
    plan = sorted(on_server(server_db.url("alice")))[0]
    edit(pushed, plan, title="Bob skriver i Alices plan")
    before = server_db.sql("SELECT count(*) FROM row_version")
    with pytest.raises(StoreError, match="Du får inte ändra det här"):
        push(pushed, server_db.url("bob"))
    assert on_server(server_db.url("alice"))[plan] != "Bob skriver i Alices plan"
    assert server_db.sql("SELECT count(*) FROM row_version") == before


def _edit_elsewhere(url: str, plan_uuid: str, **values) -> None:
    """`edit` by another client: a process of its own, with a connection of its own."""
    call = f"from tests.app.test_sync import edit; edit({url!r}, {plan_uuid!r}, **{values!r})"
    subprocess.run([sys.executable, "-c", call], cwd=Path(__file__).resolve().parents[2], check=True)


@pytest.fixture
def edited_on_the_train(server_db, pushed, tmp_path):
    """(server url, checked-out file, uuid of a plan whose title the file changed since the checkout)."""
    url = server_db.url("alice")
    out, _count = checkout(url, tmp_path / "tåg.uppdrag")
    local = Workspace.open(out)
    first = sorted(titles(local))[0]
    local.close()
    edit(out, first, title="Ändrad på tåget")
    return url, out, first


def test_an_edit_saved_on_the_server_while_sync_writes_there_is_kept(server_db, edited_on_the_train, monkeypatch):
    url, out, first = edited_on_the_train
    real_apply, applied = sync_exchange.apply, []

    def colleague_saves_first(db, writes):  # between the sync's reading of the server and its writing there
        if on_postgres(db):
            if not applied:
                _edit_elsewhere(url, first, subtitle="Kollegans underrubrik")
            applied.append(db)
        return real_apply(db, writes)

    monkeypatch.setattr(sync_exchange, "apply", colleague_saves_first)
    report = sync(out)
    assert report.conflicts == []
    both = ("Ändrad på tåget", "Kollegans underrubrik")
    assert server_db.sql("SELECT title, subtitle FROM plan WHERE uuid = %s", (first,)) == [both]
    with closing(sqlite3.connect(out)) as conn:
        assert conn.execute("SELECT title, subtitle FROM plan WHERE uuid = ?", (first,)).fetchall() == [both]
    assert len(applied) == 2  # the server's part refused once and done again


def _file_plans(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT uuid, version_id, title, subtitle FROM plan ORDER BY uuid").fetchall()


def test_a_server_that_keeps_changing_under_the_sync_is_said_in_one_sentence_and_nothing_is_half_written(
        server_db, edited_on_the_train, monkeypatch):
    url, out, first = edited_on_the_train
    real_apply, tries = sync_exchange.apply, []

    def colleague_saves_every_time(db, writes):
        if on_postgres(db):
            tries.append(db)
            _edit_elsewhere(url, first, subtitle=f"Kollegans underrubrik {len(tries)}")
        return real_apply(db, writes)

    monkeypatch.setattr(sync_exchange, "apply", colleague_saves_every_time)
    before = _file_plans(out)
    with pytest.raises(StoreError, match="medan ändringarna skrevs dit; inget av dem har sparats. Försök igen."):
        sync(out)
    assert len(tries) == 3
    assert on_server(url)[first] != "Ändrad på tåget"  # none of the refused attempts was kept
    assert _file_plans(out) == before  # nor anything the file took from the server meanwhile
    monkeypatch.setattr(sync_exchange, "apply", real_apply)
    sync(out)  # run again once the server is quiet: both edits are there
    assert server_db.sql("SELECT title, subtitle FROM plan WHERE uuid = %s", (first,)) == [
        ("Ändrad på tåget", "Kollegans underrubrik 3")]


def test_the_garbage_collector_is_held_off_while_a_sync_decides_and_on_again_after(server_db, pushed, tmp_path,
                                                                                    monkeypatch):
    """A sync makes tens of thousands of objects and frees no cycles: the collector is off while it
    decides (app.plans.collector_held), and as it was afterwards, after a refused sync too."""
    import gc

    out, _ = checkout(server_db.url("alice"), tmp_path / "tåg.uppdrag")
    seen: list[bool] = []
    decide = sync_exchange.decide

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return decide(*args, **kwargs)

    monkeypatch.setattr(sync_exchange, "decide", watched)
    assert gc.isenabled()
    sync(out)
    assert seen and not any(seen) and gc.isenabled()
    monkeypatch.setattr(sync_module, "_allowed", lambda *_: (_ for _ in ()).throw(StoreError("nej")))
    with pytest.raises(StoreError, match="nej"):
        sync(out)
    assert gc.isenabled()


def test_what_a_sync_read_is_freed_beside_the_files_commit_and_before_it_returns(server_db, pushed, tmp_path,
                                                                                 monkeypatch):
    """The decisions, the rows the file took and the exchange's threads go to a thread of their own once
    the server has committed (sync_exchange._let_go_meanwhile): nothing else may keep them, or they would
    be freed after the file's commit instead of beside it."""
    import weakref

    out, _ = checkout(server_db.url("alice"), tmp_path / "tåg.uppdrag")
    plan = sorted(on_server(server_db.url("alice")))[0]
    edit(out, plan, title="Ändrad på tåget")
    freed_by_then: list[bool] = []
    let_go = sync_exchange._let_go_meanwhile

    class Watched:
        def __init__(self, garbage):
            self.refs = [weakref.ref(g) for g in garbage if not isinstance(g, list)]
            self.thread = let_go(garbage)

        def join(self):  # (the exchange still runs: only the freeing thread may have let go of them)
            self.thread.join()
            freed_by_then.extend(ref() is None for ref in self.refs)

    monkeypatch.setattr(sync_exchange, "_let_go_meanwhile", Watched)
    report = sync(out)
    assert report.sent == {"plan": 1}
    assert freed_by_then == [True, True]  # the decisions and the exchange's threads and readings


def _damage_table(path: Path, table: str) -> None:
    """Cell pointers of `table`'s first page pointed past its end: SQLite's quick check finds it."""
    with closing(sqlite3.connect(path)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size + (12 if data[(root - 1) * page_size] == 5 else 8)  # after the page's header
    data[start:start + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    with closing(sqlite3.connect(path)) as conn:
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:  # (the check itself stops at some pages)
            verdict = str(exc)
    assert verdict != "ok"


@pytest.mark.parametrize("damage", ["index", "setting", "section"])
@pytest.mark.parametrize("history_days", [history.HISTORY_DAYS, 100_000])
def test_a_damaged_file_is_said_to_be_damaged_and_nothing_of_it_is_sent(server_db, edited_on_the_train, damage,
                                                                        history_days, monkeypatch):
    """The sync reads the file while its integrity check runs (app.sharing.open_for_writing's
    `reads_first`): damage found by the check (an index unlike its table) or met while reading
    (a table's page, read before the server is or after) stops it before anything is sent, in the sentence an opening would give; and
    so it does when the opening waits for the check, to prune the history (the example plans' rows
    are dated long ago), and finds the damage first."""
    from tests.db.test_integrity_on_open import damage_index

    monkeypatch.setattr(history, "HISTORY_DAYS", history_days)
    url, out, first = edited_on_the_train
    before = on_server(url)
    damage_index(out) if damage == "index" else _damage_table(out, damage)
    damaged = out.read_bytes()
    with pytest.raises(StoreError, match="skadad"):
        sync(out)
    assert on_server(url) == before and before[first] != "Ändrad på tåget"
    assert out.read_bytes() == damaged
