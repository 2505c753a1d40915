"""The sync's two databases at work at once (app/sync_exchange.py): the server's thread runs its
jobs in order and stops at the first error, each table's decisions reach it as they are made, and a
file that cannot be written leaves the server as it was."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

import app.sync_exchange as sync_exchange
from app.merge import decide
from app.sync import checkout, sync
from app.sync_exchange import JobThread
from db import history, statements
from db.merge import Side
from tests.app.test_sync_one_pass import _change, _file_rows, _plan_ids, _server_rows


def test_the_server_thread_runs_jobs_in_order_in_one_thread_and_skips_those_after_an_error() -> None:
    ran: list[tuple[str, int | None]] = []

    def job(name: str) -> str:
        ran.append((name, threading.get_ident()))
        if name == "fel":
            raise ValueError("fel")
        return name

    with JobThread() as server:
        first = server.post(job, "ett")
        server.post(job, "två")
        assert first.result() == "ett"
        server.post(job, "fel")
        server.post(job, "efter")
        with pytest.raises(ValueError, match="fel"):
            server.done()
        with pytest.raises(ValueError, match="fel"):  # nothing more is taken after an error
            server.post(job, "sen")
    assert [name for name, _ in ran] == ["ett", "två", "fel"]
    assert len({ident for _, ident in ran}) == 1 and ran[0][1] != threading.get_ident()


def test_each_table_is_handed_over_with_its_own_writes_in_the_order_decided(tmp_path: Path) -> None:
    from app.plans import add_examples
    from app.workspace import Workspace

    a, b = tmp_path / "a.uppdrag", tmp_path / "b.uppdrag"
    ws = Workspace.create(a)
    add_examples(ws)
    ws.close()
    Workspace.create(b).close()
    mine, theirs = Workspace.open(b), Workspace.open(a)
    try:
        handed: list[tuple[str, list]] = []
        decided = decide(Side(mine.store.db, "b"), Side(theirs.store.db, "a"), "theirs", None, "",
                         each=lambda shape, writes: handed.append((shape.name, writes)))
        assert [name for name, _ in handed] == [s.name for s in history.shapes()]
        assert [w for _, writes in handed for w in writes] == decided.writes and decided.writes
        assert all(w.shape.name == name for name, writes in handed for w in writes)
    finally:
        mine.close()
        theirs.close()



def test_a_tables_rows_taken_as_they_are_are_handed_over_before_its_rows_both_changed_are_read(
        tmp_path: Path) -> None:
    """So that the server writes them while the rows both sides changed are read and merged."""
    import shutil

    from app.plans import add_examples
    from app.workspace import Workspace
    from db.merge_write import Take, Write

    a, b = tmp_path / "a.uppdrag", tmp_path / "b.uppdrag"
    ws = Workspace.create(a)
    add_examples(ws)
    ws.close()
    shutil.copy(a, b)  # a byte copy: the same rows and history
    theirs, mine = Workspace.open(a), Workspace.open(b)
    events: list[tuple[str, Any]] = []

    class Mine(Side):
        def records(self, uuids, *, content=True):
            if uuids and content:  # (the history of the rows both changed, read to merge them)
                events.append(("records", list(uuids)))
            return super().records(uuids, content=content)

    try:
        plan = theirs.list("plan")[0]["id"]
        only_theirs, both = theirs.list("section", plan)[:2]
        theirs.update("section", only_theirs["id"], heading="Bara deras")
        theirs.update("section", both["id"], heading="Deras")
        mine.update("section", both["id"], heading="Min")
        decided = decide(Mine(mine.store.db, "b"), Side(theirs.store.db, "a"), "theirs", None, "",
                         each=lambda shape, writes: events.append(("each", (shape.name, writes))),
                         taken=lambda shape, takes: events.append(("taken", (shape.name, takes))))
        assert [what for what, _ in events if what != "each"] == ["taken", "records"]
        (_, (table, takes)), (_, read) = [e for e in events if e[0] != "each"]
        assert table == "section" and [t.uuids for t in takes] == [[only_theirs["uuid"]]]
        assert all(isinstance(t, Take) for t in takes) and read == [both["uuid"]]
        writes = next(w for what, (name, w) in (e for e in events if e[0] == "each") if name == "section")
        assert events.index(("each", ("section", writes))) > events.index(("records", read))
        assert writes[:1] == takes and [w.uuid for w in writes[1:] if isinstance(w, Write)] == [both["uuid"]]
        assert [c.uuid for c in decided.conflicts] == [both["uuid"]]
    finally:
        mine.close()
        theirs.close()

def test_the_tables_are_decided_largest_first_once_their_parents_are() -> None:
    """So that the largest table's writing overlaps the deciding of the rest, and little is left to
    write once the last table is decided."""
    differing = {"section": ["s"] * 2, "timeline_item": ["t"] * 5, "dependency": ["d"] * 9, "risk": ["r"] * 3}
    order = [s.name for s in sync_exchange._largest_first(differing)]
    assert order[:6] == ["person", "plan", "timeline_item", "dependency", "risk", "section"]
    assert sorted(order) == sorted(s.name for s in history.shapes())
    for shape in history.shapes():  # each after its parents' tables
        assert all(order.index(parent) < order.index(shape.name)
                   for parent in shape.fk_map.values() if parent != shape.name), shape.name
    # with nothing differing, the order history.shapes() has
    assert sync_exchange._largest_first({}) == list(history.shapes())


def test_the_server_is_written_the_table_the_file_changed_most_first(server_db, pushed, tmp_path,
                                                                    monkeypatch) -> None:
    from app.workspace import Workspace

    url = server_db.url("alice")
    out, _ = checkout(url, tmp_path / "tåg.uppdrag")
    ws = Workspace.open(out)
    try:
        plan = ws.list("plan")[0]["id"]
        items, sections = ws.list("timeline", plan), ws.list("section", plan)
        assert len(items) >= 2 and sections
        for n, item in enumerate(items):
            ws.update("timeline", item["id"], title=f"Steg {n} på tåget")
        ws.update("section", sections[0]["id"], heading="Avsnitt på tåget")
    finally:
        ws.close()
    written: list[str] = []
    real_write = sync_exchange._write_table

    def write_table(db, writes, reads):
        written.extend(w.shape.name for w in writes[:1])
        return real_write(db, writes, reads)

    monkeypatch.setattr(sync_exchange, "_write_table", write_table)
    report = sync(out)
    assert report.sent == {"timeline_item": len(items), "section": 1}
    assert written == ["timeline_item", "section"]
    names = [s.name for s in history.shapes()]
    assert names.index("section") < names.index("timeline_item")  # (the order it would be otherwise)


def test_a_file_that_cannot_take_the_servers_rows_leaves_the_server_as_it_was(server_db, pushed, tmp_path,
                                                                                monkeypatch) -> None:
    url = server_db.url("alice")
    out, _ = checkout(url, tmp_path / "tåg.uppdrag")
    first, second = sorted(_plan_ids(out))
    _change(out, first, title="Tåget")
    _change(url, second, title="Servern")
    server_before, file_before = _server_rows(server_db, "plan"), _file_rows(out, "plan")
    real_apply = sync_exchange.apply

    def file_full(db, writes):
        if not statements.on_postgres(db):
            raise sqlite3.OperationalError("database or disk is full")
        return real_apply(db, writes)

    monkeypatch.setattr(sync_exchange, "apply", file_full)
    with pytest.raises(Exception, match="full"):
        sync(out)
    assert _server_rows(server_db, "plan") == server_before  # the server's transaction went with the file's
    assert _file_rows(out, "plan") == file_before
    monkeypatch.setattr(sync_exchange, "apply", real_apply)
    report = sync(out)
    assert report.sent == {"plan": 1} and report.fetched == {"plan": 1}
    assert _file_rows(out, "plan") == _server_rows(server_db, "plan")
    with closing(sqlite3.connect(out)) as conn:
        assert sorted(t for (t,) in conn.execute("SELECT title FROM plan")) == ["Servern", "Tåget"]


def test_the_file_as_read_serves_its_versions_and_the_records_read_ahead_and_reads_the_rest() -> None:
    from concurrent.futures import Future

    from app.sync_exchange import _FileAsRead
    from db.history import Record

    asked: list[tuple[list[str], bool]] = []

    class FileSide(Side):
        def records(self, uuids, *, content=True):
            asked.append((list(uuids), content))
            return {u: [Record("goal", u, "från-filen", None, None, 1, "t", "", "edit", None)] for u in uuids}

    early: Future = Future()
    early.set_result({"a": [Record("goal", "a", "i-förväg", None, None, 1, "t", "", "edit", '{"text":"x"}')]})
    side = _FileAsRead(FileSide(None, "fil"), {"goal": {"a": "v1"}}, {"a": early, "b": early})
    assert side.versions(history.shape_of("goal")) == {"a": "v1"}  # as read before the sync wrote anything
    assert {u: [r.version for r in recs] for u, recs in side.records(["a", "b"]).items()} == {"a": ["i-förväg"]}
    assert asked == []  # (b has no records: none read ahead, none asked again)
    assert [r.version for r in side.records(["a", "c"])["c"]] == ["från-filen"]
    assert side.records(["a"], content=False)["a"][0].version == "från-filen"
    assert asked == [(["a", "c"], True), (["a"], False)]
