"""The team server's hot statements below psycopg's cursor (db.server_prepared, through
ServerDatabase.one_row): the same row a cursor reads, the same refusals, reconnection after a
restart as for any statement, and a statement prepared once on each connection."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import psycopg
import pytest

from app.workspace import Workspace
from db import server_prepared
from db.server import _cause
from db.server_connection import ConnectionLost
from db.server_prepared import numbered


@pytest.fixture
def ws(alice_with_plans) -> Workspace:
    return alice_with_plans


@pytest.fixture
def db(ws):
    return ws.store.db


def test_a_row_reads_as_through_a_cursor(db):
    sql = ("SELECT %s::int, %s::bigint, %s, %s::boolean, %s::boolean, NULL::text, %s::date, %s::float8, "
           "%s::numeric, %s::varchar, 'å ä ö – ”'::text")
    params = (7, 2**40, "Ändrad text", True, False, date(2026, 3, 1), 1.25, Decimal("2.50"), "v")
    got = db.one_row(sql, params)
    assert got == db.execute_sql(sql, params).fetchone()
    assert got == (7, 2**40, "Ändrad text", True, False, None, "2026-03-01", 1.25, Decimal("2.50"), "v", "å ä ö – ”")
    assert db.one_row("SELECT 1 WHERE %s::int = 2", (1,)) is None


def test_a_statement_is_prepared_once_on_each_connection(db):
    sql = 'SELECT "title" FROM "plan" WHERE "id" = %s'
    first = db.one_row("SELECT min(id) FROM plan WHERE %s::int = 1", (1,))[0]
    assert db.one_row(sql, (first,)) == db.one_row(sql, (first,))
    prepared = db._state.prepared
    assert sql in prepared.names and len(set(prepared.names.values())) == len(prepared.names)
    names = db.execute_sql("SELECT name FROM pg_prepared_statements WHERE name LIKE 'uppdrag_%%'").fetchall()
    assert len(names) == len(prepared.names)
    db.drop_connection()  # a new connection knows none of them: prepared again there
    assert db.one_row(sql, (first,)) is not None
    assert db._state.prepared is not prepared and list(db._state.prepared.names) == [sql]


def test_statements_the_connection_let_go_of_are_prepared_again(ws, db):
    sql = 'SELECT "title" FROM "plan" WHERE "id" = %s'
    first = db.one_row("SELECT min(id) FROM plan WHERE %s::int = 1", (1,))[0]
    title = db.one_row(sql, (first,))
    db.execute_sql("DEALLOCATE ALL")
    assert db.one_row(sql, (first,)) == title
    for _ in range(6):  # psycopg prepares a statement of its own after a few runs of it ...
        db.execute_sql('SELECT "id" FROM "plan" WHERE "id" = %s', (first,)).fetchone()
    with pytest.raises(RuntimeError), ws.store.write():  # ... and lets go of every one after a ROLLBACK
        raise RuntimeError
    assert db.one_row(sql, (first,)) == title
    names = [r[0] for r in db.execute_sql("SELECT name FROM pg_prepared_statements").fetchall()]
    assert len(set(names)) == len(names) and db._state.prepared.names[sql].decode() in names


def test_inside_a_transaction_statements_go_through_a_cursor(ws, db):
    db.execute_sql("DEALLOCATE ALL")
    first = db.one_row("SELECT min(id) FROM plan WHERE %s::int = 1", (1,))[0]
    sql = 'SELECT "title" FROM "plan" WHERE "id" = %s'
    with ws.store.write():  # a statement the connection lost would abort the transaction: none is used
        title = db.one_row(sql, (first,))
        db.execute_sql("DEALLOCATE ALL")
        assert db.one_row(sql, (first,)) == title
    assert sql not in db._state.prepared.names
    assert db.one_row(sql, (first,)) == title


def test_beyond_the_limit_statements_go_through_a_cursor(db, monkeypatch):
    monkeypatch.setattr(server_prepared, "PREPARED_MAX", 2)
    for n in range(4):
        assert db.one_row(f"SELECT %s::int + {n}", (1,)) == (1 + n,)
    assert len(db._state.prepared.names) == 2


def test_a_refusal_is_psycopgs_error_and_the_connection_goes_on(db):
    with pytest.raises(psycopg.errors.DivisionByZero):
        db.one_row("SELECT 1 / %s::int", (0,))
    assert db.one_row("SELECT %s::int", (3,)) == (3,)
    with pytest.raises(psycopg.errors.UndefinedColumn):  # refused when prepared: nothing kept of it
        db.one_row('SELECT "nothing" FROM "plan" WHERE "id" = %s', (1,))
    assert 'SELECT "nothing" FROM "plan" WHERE "id" = %s' not in db._state.prepared.names
    with pytest.raises(Exception) as caught, db.atomic():  # inside a transaction (a cursor's): rolled back
        db.execute_sql("UPDATE plan SET title = 'Aldrig' WHERE id = (SELECT min(id) FROM plan)")
        db.one_row("SELECT 1 / %s::int", (0,))
    assert _cause(caught.value, psycopg.errors.DivisionByZero) is not None
    assert not db.one_row("SELECT count(*) FROM plan WHERE title = %s", ("Aldrig",))[0]


def test_a_restart_reconnects_outside_a_transaction_and_is_reported_inside(pg_cluster, ws, db):
    assert db.one_row("SELECT %s::int", (1,)) == (1,)
    pg_cluster.restart()
    assert db.one_row("SELECT %s::int", (2,)) == (2,)  # reconnected, prepared again
    with pytest.raises(ConnectionLost) as caught, ws.store.write():
        db.one_row("SELECT %s::int", (3,))
        pg_cluster.restart()
        db.one_row("SELECT %s::int", (4,))
    assert "\n" not in str(caught.value)
    assert db.one_row("SELECT %s::int", (5,)) == (5,)


def test_placeholders_are_numbered_and_no_other_percent_is_taken():
    assert numbered("SELECT %s, x = %s") == "SELECT $1, x = $2"
    with pytest.raises(ValueError):
        numbered("SELECT '100%%', %s")


def test_a_connection_shared_by_threads_serves_one_statement_at_a_time(server_db):
    from concurrent.futures import ThreadPoolExecutor

    from db.server import open_server_store

    store = open_server_store(server_db.url("alice"), shared=True)  # (a sync's: one connection, many threads)
    try:
        def ask(n: int) -> list[tuple]:
            return [store.db.one_row("SELECT %s::int, %s", (n * 1000 + i, f"svar {n} {i}")) for i in range(200)]

        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(ask, range(4)))
        assert answers == [[(n * 1000 + i, f"svar {n} {i}") for i in range(200)] for n in range(4)]
    finally:
        store.close()
