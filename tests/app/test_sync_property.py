"""The merge's properties on the team server: a file checked out from the server and the server
itself edited apart at random (the scripts of tests/app/test_merge_property.py), then synchronised:
- no one-sided edit is lost, on either side;
- every field changed differently on both sides is reported as a conflict, once, and logged on the plan;
- afterwards the file and the server hold the same rows in the same versions;
- a second sync sends, fetches and changes nothing;
- without conflicts, two files synchronised in either order leave the server with the same content.

Each case gets a fresh database on the session's throwaway cluster. A third of the Hypothesis
profile's cases (a sync costs a few round trips more than a file merge).
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from app.sync import checkout, sync
from app.workspace import Workspace
from tests.app.test_merge_property import ROWS, _apply, _changes, _disjoint, prefer, script
from tests.conftest import sha256

CASES = settings(deadline=None, max_examples=max(10, settings().max_examples // 3),
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
# Two servers, two files and four syncs a case: a sixth of the profile's cases.
ORDERS = settings(CASES, max_examples=max(6, settings().max_examples // 6))
_names = iter(range(1, 1_000_000))

GOALS = "SELECT uuid, text, measure, kind, deleted_at, position, version_id FROM goal"


def _goals_of(rows: list[tuple[Any, ...]], *, versions: bool = False) -> dict[str, dict[str, Any]]:
    return {u: {"text": t, "measure": m, "kind": k, "deleted": d is not None, "position": p,
                **({"version": v} if versions else {})} for u, t, m, k, d, p, v in rows}


def _read(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _file_goals(path: Path, *, versions: bool = False) -> dict[str, dict[str, Any]]:
    return _goals_of(_read(path, GOALS), versions=versions)


def _seed(url: str) -> None:
    """One plan with ROWS goals on the server, the start both sides edit from."""
    ws = Workspace.open(url)
    try:
        plan = ws.add("plan", doc_type="plan", template="plan", title="start").ids[0]
        for n in range(ROWS):
            ws.add("goal", plan, kind="effect", text=f"g{n}", measure="")
    finally:
        ws.close()


def _plans(rows: list[tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    return {r[0]: tuple(r[1:]) for r in rows}


PLANS = "SELECT uuid, title, deleted_at IS NOT NULL, version_id FROM plan"


@CASES
@given(mine=script, theirs=script, prefer=prefer)
def test_sync_loses_no_one_sided_edit_and_both_sides_end_alike(pg_cluster, pg_template, mine, theirs, prefer):
    name = f"prop{next(_names)}"
    pg_cluster.sql(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    url = pg_cluster.url("alice", name)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            _seed(url)
            local, _count = checkout(url, Path(tmp) / "tåg.uppdrag")
            origin = _file_goals(local)
            _apply(local, mine)
            _apply(url, theirs)
            here = _changes(origin, _file_goals(local))
            there = _changes(origin, _goals_of(pg_cluster.sql(GOALS, dbname=name)))
            report = sync(local, prefer=prefer)
            decided = {(c.uuid, "deleted" if c.field == "deleted_at" else c.field) for c in report.conflicts}
            assert len(decided) == len(report.conflicts)  # each conflict reported once
            for (uuid, field), value in here.items():  # changed differently on both sides: a conflict
                if field != "deleted" and (uuid, field) in there and there[(uuid, field)] != value:
                    assert (uuid, field) in decided, (uuid, field)
            logged = pg_cluster.sql("SELECT count(*) FROM log_entry WHERE kind = 'merge'", dbname=name)[0][0]
            assert logged == len(report.conflicts)  # and each one is in the plan's log on the server
            merged = _file_goals(local)
            for changes, other in ((here, there), (there, here)):
                touched_there = {u for (u, n), v in other.items() if n != "deleted" and changes.get((u, n)) != v}
                for (uuid, field), value in changes.items():
                    if field == "deleted" and value and uuid in touched_there and (uuid, field) not in other:
                        assert (uuid, "deleted") in decided  # deleted on one side, edited on the other
                    elif (uuid, field) not in other:
                        assert merged[uuid][field] == value, (uuid, field)
            assert _file_goals(local, versions=True) == _goals_of(pg_cluster.sql(GOALS, dbname=name), versions=True)
            assert _plans(_read(local, PLANS)) == _plans(pg_cluster.sql(PLANS, dbname=name))
            before = sha256(local)
            again = sync(local, prefer=prefer)
            assert (again.sent, again.fetched, again.conflicts) == ({}, {}, [])
            assert sha256(local) == before  # a second sync changes nothing
    finally:
        pg_cluster.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _server_content(cluster: Any, dbname: str) -> dict[str, dict[str, tuple[Any, ...]]]:
    """Every user row on the server by uuid, as tests/app/test_merge_property._content reads a file:
    its content without ids, versions or the merge's own log lines."""
    from db.history import shapes

    out = {}
    for s in shapes():
        cols = [c for c in s.columns if c not in dict(s.fks) and c != "deleted_at"]
        listed = "".join(f', "{c}"' for c in cols)
        sql = f'SELECT "uuid", "deleted_at" IS NOT NULL{listed} FROM "{s.name}"'
        if s.name == "log_entry":
            sql += " WHERE kind != 'merge'"
        out[s.name] = {r[0]: tuple(r[1:]) for r in cluster.sql(sql, dbname=dbname)}
    return out


def _point_at(path: Path, url: str) -> None:
    """A byte copy of a checked-out file made to remember another server (the same rows, elsewhere)."""
    import json

    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE setting SET value = ? WHERE key = 'team_server'",
                         (json.dumps({"url": url, "plans": None}),))
    finally:
        conn.close()


@ORDERS
@given(b_ops=script, c_ops=script)
def test_without_conflicts_the_order_of_syncs_does_not_matter(pg_cluster, pg_template, b_ops, c_ops):
    import shutil

    first, second = f"prop{next(_names)}", f"prop{next(_names)}"
    pg_cluster.sql(f"CREATE DATABASE {first} TEMPLATE {pg_template}")
    try:
        _seed(pg_cluster.url("alice", first))
        pg_cluster.sql(f"CREATE DATABASE {second} TEMPLATE {first}")  # the same rows on a second server
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            b, _ = checkout(pg_cluster.url("alice", first), folder / "b.uppdrag")
            c, _ = checkout(pg_cluster.url("alice", first), folder / "c.uppdrag")
            _apply(b, _disjoint(b_ops, 0))
            _apply(c, _disjoint(c_ops, 1))
            b2, c2 = folder / "b2.uppdrag", folder / "c2.uppdrag"
            for source, target in ((b, b2), (c, c2)):
                shutil.copyfile(source, target)
                _point_at(target, pg_cluster.url("alice", second))
            reports = [sync(b), sync(c), sync(c2), sync(b2)]
            assert all(r.conflicts == [] and r.refused == [] for r in reports)
            assert _server_content(pg_cluster, first) == _server_content(pg_cluster, second)
    finally:
        for name in (first, second):
            pg_cluster.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
