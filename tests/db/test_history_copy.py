"""Many history records onto a team server at once (a sync's, a push's): by COPY straight into
`row_version`, which has no row-level security; through a staging table on a server whose history
table still has it; and refused whole, as changed meanwhile, when another client records one of
the same versions while they are written."""

from __future__ import annotations

import psycopg
import pytest

from db import history
from db.errors import ChangedMeanwhile
from db.server import open_server_store

KNOWN = [("goal", "rad", "a1", None, None, 1, "t1", "", "create", '{"text":"här"}'),
         ("goal", "rad", "a2", "a1", None, 2, "t2", "Bo", "edit", None)]


def _many(n: int = 2 * history.STAGED_RECORDS) -> list[tuple]:
    return [("goal", f"rad{i}", f"v{i}", None, None, 1, "t", "Bo", "create", f'{{"text":"{i}"}}') for i in range(n)]


def _secure_history(server_db) -> None:
    """The history table as `server init` left it before: row-level security, every row allowed."""
    server_db.sql('ALTER TABLE "row_version" ENABLE ROW LEVEL SECURITY')
    server_db.sql('CREATE POLICY uppdrag_read ON "row_version" FOR SELECT TO uppdrag_read USING (true)')
    server_db.sql('CREATE POLICY uppdrag_write ON "row_version" FOR ALL TO uppdrag_write USING (true) WITH CHECK (true)')


@pytest.mark.parametrize("secured", [False, True], ids=["copied", "staged"])
def test_many_records_add_what_the_server_lacks_either_way(server_db, secured: bool) -> None:
    """A writer's many records: those the server lacks are added, a known one without content gains
    it, a known one with content keeps its own; the same on a server whose history table still has
    row-level security (COPY refuses such a table: they go through a staging table there, which is
    dropped once they are in)."""
    if secured:
        _secure_history(server_db)
    store = open_server_store(server_db.url("alice"))
    try:
        db = store.db
        (active,) = db.execute_sql("SELECT row_security_active('row_version')").fetchone()
        assert active is secured
        with store.write():
            history.write_records(db, KNOWN)
        many = _many()
        with store.write():
            history.write_records(db, [("goal", "rad", "a1", None, None, 1, "t1", "", "create", '{"text":"där"}'),
                                       ("goal", "rad", "a2", "a1", None, 2, "t2", "Bo", "edit", '{"text":"två"}'),
                                       *many])
            # and no staging table is left on the connection for the rest of the transaction
            assert db.execute_sql("SELECT relname FROM pg_class WHERE relnamespace = pg_my_temp_schema()").fetchall() == []
        got = dict(db.execute_sql('SELECT "version", "data" FROM "row_version"').fetchall())
        assert {v: got[v] for v in ("a1", "a2")} == {"a1": '{"text":"här"}', "a2": '{"text":"två"}'}
        assert {v: d for v, d in got.items() if v.startswith("v")} == {r[2]: r[9] for r in many}
        (who,) = db.execute_sql('SELECT DISTINCT "who" FROM "row_version" WHERE "version" LIKE %s', ("v%",)).fetchone()
        assert who == "Bo"
    finally:
        store.close()


def test_the_history_table_is_open_to_writers_by_their_grants_alone(server_db) -> None:
    """`row_version` has no row-level security: every writer writes it and every reader reads it by
    the roles' grants, a reader cannot write it, and a user with no Uppdrag role cannot read it."""
    assert server_db.sql("SELECT relrowsecurity FROM pg_class WHERE relname = 'row_version'") == [(False,)]
    assert server_db.sql("SELECT count(*) FROM pg_policies WHERE tablename = 'row_version'") == [(0,)]
    insert = ('INSERT INTO "row_version" ("tbl", "row_uuid", "version", "rev", "at", "who", "action") '
              "VALUES ('goal', 'r', %s, 1, 't', '', 'create')")
    for user, may_read, may_write in (("alice", True, True), ("rita", True, False), ("nora", False, False)):
        with psycopg.connect(server_db.cluster.superuser_conninfo(server_db.name).replace(
                "user=postgres", f"user={user}"), autocommit=True) as conn:
            for allowed, run in ((may_read, lambda c: c.execute('SELECT count(*) FROM "row_version"')),
                                 (may_write, lambda c, u=user: c.execute(insert, (f"v-{u}",)))):
                if allowed:
                    run(conn)
                else:
                    with pytest.raises(psycopg.errors.InsufficientPrivilege):
                        run(conn)


def test_a_version_another_client_records_meanwhile_refuses_the_whole_write(server_db) -> None:
    """In a snapshot (a sync's write), a version another client records after the snapshot began
    makes the COPY fail on the unique version: ChangedMeanwhile, and nothing of the write is kept."""
    store = open_server_store(server_db.url("alice"))
    other = open_server_store(server_db.url("bob"))
    try:
        many = _many()
        with pytest.raises(ChangedMeanwhile), store.write(snapshot=True):
            store.db.execute_sql('SELECT count(*) FROM "row_version"').fetchone()  # the snapshot begins
            with other.write():
                history.write_records(other.db, [many[7]])
            history.write_records(store.db, many)
        versions = [v for (v,) in store.db.execute_sql('SELECT "version" FROM "row_version"').fetchall()]
        assert versions == ["v7"]
    finally:
        other.close()
        store.close()


def test_a_few_records_add_what_the_server_lacks_each_looked_up_by_version(server_db) -> None:
    """Fewer than STAGED_RECORDS records go in one INSERT that leaves out, version by version, those the
    server has with content already: the same outcome as many. The statement looks each one up in the
    index on "version" however large the history is, never reading all of it."""
    store = open_server_store(server_db.url("alice"))
    try:
        db = store.db
        with store.write():
            history.write_records(db, [*KNOWN, *_many(3000)])  # a history the planner might otherwise hash whole
        db.execute_sql('ANALYZE "row_version"')
        few = [("goal", "rad", "a1", None, None, 1, "t1", "", "create", '{"text":"där"}'),
               ("goal", "rad", "a2", "a1", None, 2, "t2", "Bo", "edit", '{"text":"två"}'),
               ("goal", "rad", "a3", "a2", None, 3, "t3", "Bo", "edit", None),
               ("goal", "rad", "a3", "a2", None, 3, "t3", "Bo", "edit", '{"text":"tre"}')]
        with store.write():
            history.write_records(db, few)
        got = dict(db.execute_sql('SELECT "version", "data" FROM "row_version" WHERE "row_uuid" = %s', ("rad",)))
        assert got == {"a1": '{"text":"här"}', "a2": '{"text":"två"}', "a3": '{"text":"tre"}'}
        from db.history_records import FEW_UNKNOWN

        plan = "\n".join(r for (r,) in db.execute_sql(
            f'EXPLAIN SELECT 1 FROM unnest(%s::text[], %s::text[]) AS v("version", "data") WHERE {FEW_UNKNOWN}',
            ([f"v{i}" for i in range(0, 3000, 7)], [None] * 429)))  # (a few hundred: as many as a sync may write)
        assert "row_version_version" in plan and "Seq Scan on row_version" not in plan
    finally:
        store.close()
