"""A row's links (foreign keys) changed on one side arrive as they are on the other: a server writes
rows it takes as they are from a staging table, and finds the rows they point to by uuid."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from app.sync import checkout, sync
from db import history
from db.store import open_store

LINKS = 'SELECT t.uuid, p.uuid, r.uuid, t.title FROM timeline_item t LEFT JOIN timeline_item p ON p.id = t.parent_id ' \
        'LEFT JOIN person r ON r.id = t.responsible_person_id ORDER BY t.uuid'



def _relinked(store, *, third: bool) -> tuple[dict[int, dict], list[int], list[int]]:
    """Timeline items given another parent, another responsible person (`third`: one more) or none,
    and one only a new title, in one transaction of `store`: (the changes by id, every item's id in
    id order, the ids of the items that had a responsible person)."""
    def ids(sql: str) -> list[int]:
        return [i for (i,) in store.db.execute_sql(sql).fetchall()]

    items, people = ids('SELECT id FROM timeline_item ORDER BY id'), ids('SELECT id FROM person ORDER BY id')
    owned = ids('SELECT id FROM timeline_item WHERE responsible_person_id IS NOT NULL ORDER BY id')
    changes = {items[1]: {"parent_id": items[0], "responsible_person_id": people[3]},
               items[2]: {"parent_id": items[0]},
               **({items[3]: {"responsible_person_id": people[5]}} if third else {}),
               owned[0]: {"responsible_person_id": None},
               items[4]: {"title": "Bara titeln"}}
    with store.write():
        history.update_each(store.db, history.shape_of("timeline_item"), changes)
    return changes, items, owned


def test_links_changed_on_the_train_point_to_the_same_rows_on_the_server(server_db, pushed, tmp_path):
    """Items given another parent, another responsible person, none any longer, or another title
    only: after a sync the server's rows point to the same rows (found by uuid) as the file's."""
    url = server_db.url("alice")
    out, _ = checkout(url, tmp_path / "tåg.uppdrag")
    store = open_store(out)
    try:
        changes, _items, _owned = _relinked(store, third=True)
    finally:
        store.close()
    report = sync(out)
    assert report.sent == {"timeline_item": len(changes)} and not report.conflicts
    with closing(sqlite3.connect(out)) as conn:
        here = conn.execute(LINKS).fetchall()
    there = [tuple(r) for r in server_db.sql(LINKS)]
    assert there == here
    parents = {u for u, p, _r, _t in here if p is not None}
    assert len(parents) == 2


def test_links_changed_on_the_server_point_to_the_same_rows_in_the_file(server_db, pushed, tmp_path):
    """The other way: items given another parent, another responsible person or none on the server
    arrive in the file pointing to the same rows (found by uuid), the rows that did not move as they were."""
    from app.workspace import Workspace

    url = server_db.url("alice")
    out, _ = checkout(url, tmp_path / "tåg.uppdrag")
    ws = Workspace.open(url)
    try:
        changes, items, owned = _relinked(ws.store, third=False)
    finally:
        ws.close()
    report = sync(out)
    assert report.fetched == {"timeline_item": len(changes)} and not report.conflicts
    with closing(sqlite3.connect(out)) as conn:
        here = conn.execute(LINKS).fetchall()
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert here == [tuple(r) for r in server_db.sql(LINKS)]
    uuid_of = dict(server_db.sql("SELECT id, uuid FROM timeline_item"))
    links = {u: (p, r, t) for u, p, r, t in here}
    assert links[uuid_of[items[1]]][0] == links[uuid_of[items[2]]][0] == uuid_of[items[0]]
    assert links[uuid_of[owned[0]]][1] is None and links[uuid_of[items[4]]][2] == "Bara titeln"
