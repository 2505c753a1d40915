"""The second connection a sync reads through while it writes the server (ServerStore.reader_alongside):
it sees what the store's transaction saw at its first read, nothing written after, by the store or by
anyone else, and it writes nothing."""

from __future__ import annotations

import threading

import pytest

from db.server import open_server_store


def _title(db, plan_id: int) -> str:
    return db.execute_sql('SELECT "title" FROM "plan" WHERE "id" = %s', (plan_id,)).fetchone()[0]


@pytest.fixture
def store(server_db, alice_with_plans):
    store = open_server_store(server_db.url("alice"), shared=True)
    yield store
    store.close()


def test_the_reader_sees_the_snapshot_and_neither_the_stores_writes_nor_a_colleagues(server_db, store) -> None:
    plan_id, title = server_db.sql('SELECT "id", "title" FROM "plan" ORDER BY "id" LIMIT 1')[0]
    other_id = server_db.sql('SELECT "id" FROM "plan" ORDER BY "id" DESC LIMIT 1')[0][0]
    with store.write(snapshot=True):
        assert _title(store.db, plan_id) == title  # (the snapshot is taken here)
        server_db.sql('UPDATE "plan" SET "title" = %s WHERE "id" = %s', ("Kollegans", other_id))
        with store.reader_alongside() as reader:
            store.db.execute_sql('UPDATE "plan" SET "title" = %s WHERE "id" = %s', ("Min", plan_id))
            assert _title(reader, plan_id) == title
            assert _title(reader, other_id) != "Kollegans"
            with pytest.raises(Exception, match="read-only transaction"):
                reader.execute_sql('UPDATE "plan" SET "title" = %s WHERE "id" = %s', ("Läsaren", plan_id))
        assert _title(store.db, plan_id) == "Min"
    assert server_db.sql('SELECT "title" FROM "plan" WHERE "id" = %s', (plan_id,)) == [("Min",)]


def test_a_shared_store_serves_every_thread_in_its_one_transaction(server_db, store) -> None:
    """What a thread writes through a store opened `shared` is in the caller's transaction: seen by
    the caller before the commit, and gone with the caller's rollback."""
    plan_id = server_db.sql('SELECT "id" FROM "plan" ORDER BY "id" LIMIT 1')[0][0]
    before = _title(store.db, plan_id)

    class Stop(Exception):
        pass

    with pytest.raises(Stop), store.write():
        thread = threading.Thread(target=lambda: store.db.execute_sql(
            'UPDATE "plan" SET "title" = %s WHERE "id" = %s', ("Tråden", plan_id)))
        thread.start()
        thread.join()
        assert _title(store.db, plan_id) == "Tråden"
        assert server_db.sql('SELECT "title" FROM "plan" WHERE "id" = %s', (plan_id,)) == [(before,)]
        raise Stop
    assert _title(store.db, plan_id) == before
