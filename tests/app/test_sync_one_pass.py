"""Sync decides once: the server's part merges the file's changes and reads back what the file lacks.

These follow the file's side of that decision: rows the server changed meanwhile, rows merged, new
rows on either side, plans the file leaves out or keeps, and a sync stopped between its two
transactions.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.plans import list_plans
import app.sync_exchange as sync_exchange
from app.sync import checkout, sync
from app.workspace import Workspace
from db.store import HardenedSqliteDatabase
from db import statements
from db.server_schema import grant

TABLES = ("plan", "section", "log_entry")


def _file_rows(path: Path, table: str) -> dict[str, tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return {u: (v, t) for u, v, t in conn.execute(f'SELECT uuid, version_id, {_text(table)} FROM "{table}"')}


def _server_rows(server_db, table: str) -> dict[str, tuple]:
    return {u: (v, t) for u, v, t in server_db.sql(f'SELECT uuid, version_id, {_text(table)} FROM "{table}"')}


def _text(table: str) -> str:
    return {"plan": "title || '|' || subtitle", "section": "body", "log_entry": "text"}[table]


def _alike(server_db, path: Path) -> None:
    for table in TABLES:
        assert _file_rows(path, table) == _server_rows(server_db, table), table


def _plan_ids(target: Path | str) -> dict[str, int]:
    ws = Workspace.open(target)
    try:
        return {p.uuid: p.id for p in list_plans(ws)}
    finally:
        ws.close()


def _change(target: Path | str, plan_uuid: str, *, section_body: str | None = None, new_section: str | None = None,
            **plan_values: str) -> None:
    ws = Workspace.open(target)
    try:
        plan_id = next(p.id for p in list_plans(ws) if p.uuid == plan_uuid)
        if plan_values:
            ws.update("plan", plan_id, **plan_values)
        if section_body is not None:
            first = ws.list("section", plan_id)[0]
            ws.update("section", first["id"], body=section_body)
        if new_section is not None:
            ws.add("section", plan_id, key=new_section, heading=new_section, body=new_section)
    finally:
        ws.close()


@pytest.fixture
def checked_out(server_db, pushed, tmp_path):
    """(server url, a file with the two example plans checked out from it, the plans' uuids)."""
    url = server_db.url("alice")
    out, _ = checkout(url, tmp_path / "tåg.uppdrag")
    return url, out, sorted(_plan_ids(out))


def test_a_file_synced_twice_with_edits_on_both_sides_in_between_ends_like_the_server(server_db, checked_out):
    url, out, (first, second) = checked_out
    _change(out, first, title="Tåget 1", section_body="Tågets text 1", new_section="Från tåget")
    _change(url, second, title="Servern 1", new_section="Från servern")
    _change(url, first, subtitle="Serverns underrubrik")  # the same row as the file's title: merged
    report = sync(out)
    assert report.conflicts == [] and report.sent
    assert report.fetched == {"plan": 2, "section": 1}  # the file's own rows do not come back to it
    _alike(server_db, out)

    _change(out, second, title="Tåget 2", section_body="Tågets text 2")
    _change(url, second, title="Servern 2")  # against the file's title: a conflict, the newest wins
    _change(url, first, section_body="Serverns text 2", new_section="Från servern igen")
    report = sync(out, prefer="mine")
    assert [c.field for c in report.conflicts] == ["title"]
    _alike(server_db, out)
    titles = {u: t.split("|")[0] for u, (_v, t) in _file_rows(out, "plan").items()}
    assert titles == {first: "Tåget 1", second: "Servern 2"}
    assert "Synkronisering med" in "".join(t for _v, t in _file_rows(out, "log_entry").values())

    again = sync(out)
    assert not (again.sent or again.fetched or again.conflicts)


def test_after_syncs_with_edits_on_both_sides_between_the_file_holds_the_servers_whole_history(server_db, checked_out):
    """Each sync brings the file only the history it lacks: what it has already is not sent again,
    and what comes is all it lacked (records, and the content of records it had without)."""
    url, out, (first, second) = checked_out
    _change(out, first, title="Tåget 1", section_body="Tågets text 1")
    _change(url, first, subtitle="Servern 1", new_section="Från servern")
    sync(out)
    _change(out, first, title="Tåget 2", new_section="Från tåget")
    _change(url, first, subtitle="Servern 2", section_body="Serverns text 2")
    _change(url, second, title="Servern 2")
    sync(out)
    query = 'SELECT "tbl", "row_uuid", "version", "parent", "parent2", "rev", "data" FROM "row_version"'
    with closing(sqlite3.connect(out)) as conn:
        here = _records(conn.execute(query))
    assert here == _records(server_db.sql(query))
    assert [r[1] for r in here if r[4]] == [first, first]  # the plan row, merged in each sync


def _records(rows) -> set[tuple]:
    """Version records with their content as values (each side writes the JSON of its own records its own way)."""
    return {(*r[:-1], None if r[-1] is None else json.dumps(json.loads(r[-1]), sort_keys=True)) for r in rows}


def test_a_sync_stopped_between_its_two_transactions_is_run_again_and_loses_nothing(
        server_db, checked_out, monkeypatch):
    url, out, (first, second) = checked_out
    _change(out, first, title="Tåget", section_body="Tågets text")
    _change(url, first, subtitle="Serverns underrubrik")
    _change(url, second, title="Servern", new_section="Från servern")
    real_commit, written = HardenedSqliteDatabase.commit, []

    def stopped_before_the_file_commits(db):
        if db.execute_sql('SELECT count(*) FROM "section"').fetchone()[0] > sections:
            written.append(db)
            raise KeyboardInterrupt  # the server's transaction has committed; the file's never does
        return real_commit(db)

    sections = len(_file_rows(out, "section"))
    monkeypatch.setattr(HardenedSqliteDatabase, "commit", stopped_before_the_file_commits)
    with pytest.raises(KeyboardInterrupt):
        sync(out)
    assert written  # (the file had taken the server's new section when it stopped)
    assert server_db.sql("SELECT title, subtitle FROM plan WHERE uuid = %s", (first,)) == [
        ("Tåget", "Serverns underrubrik")]
    assert "Från servern" not in [t for _v, t in _file_rows(out, "section").values()]

    monkeypatch.setattr(HardenedSqliteDatabase, "commit", real_commit)
    report = sync(out)
    assert report.sent == {} and report.conflicts == [] and report.fetched
    _alike(server_db, out)
    with closing(sqlite3.connect(out)) as conn:
        assert conn.execute("SELECT title, subtitle FROM plan WHERE uuid = ?", (first,)).fetchall() == [
            ("Tåget", "Serverns underrubrik")]


def test_a_checkout_of_some_plans_takes_only_those_plans_rows(server_db, checked_out, tmp_path):
    url, _out, (first, second) = checked_out
    one, _ = checkout(url, tmp_path / "en.uppdrag", [first])
    _change(url, first, title="Servern", new_section="Ny i den utcheckade")
    _change(url, second, title="Inte utcheckad", new_section="Ny i den andra")
    _change(one, first, subtitle="Tåget")
    report = sync(one)
    assert report.conflicts == []
    assert set(_plan_ids(one)) == {first}
    sections = [t for _v, t in _file_rows(one, "section").values()]
    assert "Ny i den utcheckade" in sections and "Ny i den andra" not in sections
    with closing(sqlite3.connect(one)) as conn:
        assert conn.execute("SELECT title, subtitle FROM plan").fetchall() == [("Servern", "Tåget")]
    assert not sync(one).fetched


def test_a_plan_the_user_may_no_longer_change_keeps_its_local_edits_while_the_others_sync(
        server_db, checked_out, tmp_path):
    url, _out, (first, second) = checked_out
    grant(server_db.admin_url, "bob", "editor", first)
    bobs, _ = checkout(server_db.url("bob"), tmp_path / "bob.uppdrag")
    _change(bobs, first, title="Bob i sin plan")
    _change(bobs, second, title="Bob i Alices plan")
    _change(url, first, subtitle="Alice i Bobs plan")
    _change(url, second, subtitle="Alice i sin plan")
    report = sync(bobs)
    assert len(report.refused) == 1 and report.conflicts == []
    assert server_db.sql("SELECT title, subtitle FROM plan WHERE uuid = %s", (first,)) == [
        ("Bob i sin plan", "Alice i Bobs plan")]
    with closing(sqlite3.connect(bobs)) as conn:
        rows = dict(conn.execute("SELECT uuid, title || '|' || subtitle FROM plan"))
    assert rows[first] == "Bob i sin plan|Alice i Bobs plan"
    assert rows[second].startswith("Bob i Alices plan|")  # kept here, not covered by the server's version
    assert server_db.sql("SELECT title FROM plan WHERE uuid = %s", (second,)) != [("Bob i Alices plan",)]


def test_the_file_takes_the_rows_as_the_servers_snapshot_held_them_and_a_later_edit_comes_next_time(
        server_db, checked_out, monkeypatch):
    """What the file lacks is read in the server's transaction: an edit on the server after it has
    committed, before the file's own transaction, is not taken half-way (its content under the version
    read before) but whole by the next sync."""
    url, out, (first, second) = checked_out
    _change(out, first, title="Tåget")
    _change(url, second, title="Servern")
    real_apply = sync_exchange.apply

    def edited_meanwhile(db, writes):
        if not statements.on_postgres(db):
            _change(url, second, title="Servern efteråt")
        return real_apply(db, writes)

    monkeypatch.setattr(sync_exchange, "apply", edited_meanwhile)
    assert sync(out).fetched == {"plan": 1}
    monkeypatch.setattr(sync_exchange, "apply", real_apply)
    titles = {u: t.split("|")[0] for u, (_v, t) in _file_rows(out, "plan").items()}
    assert titles == {first: "Tåget", second: "Servern"}
    assert _file_rows(out, "plan")[second][0] != _server_rows(server_db, "plan")[second][0]
    assert sync(out).fetched == {"plan": 1}
    _alike(server_db, out)
