"""db.statements.any_in, the look-up that tells an import whether a file's rows are stored already:
the same answer on a file and on the team server, whichever chunk of the values holds the one found,
and for a row that is a tombstone; db.statements.text_pairs, every row's version read as one text;
select_in's values as one array, and the server's column types read once for every table."""

from __future__ import annotations

import uuid

from app.plans import create_plan
from app.templates import TEMPLATES
from app.workspace import Workspace
from db import models, statements


def test_any_in_finds_one_stored_value_among_many(any_ws: Workspace) -> None:
    plan_id = create_plan(any_ws, next(iter(TEMPLATES)), "Stärka nära vård").ids[0]
    sections = [s["uuid"] for s in any_ws.list("section", plan_id)]
    any_ws.delete("section", any_ws.list("section", plan_id)[0]["id"])
    others = [str(uuid.uuid4()) for _ in range(statements.CHUNK * 2 + 10)]
    db = models.database
    assert not statements.any_in(db, "section", "uuid", others)
    assert not statements.any_in(db, "section", "uuid", [])
    for place in (0, statements.CHUNK - 1, statements.CHUNK, len(others)):  # first, last of a chunk, next, end
        for found in (sections[0], sections[-1]):  # a tombstone, a live row
            assert statements.any_in(db, "section", "uuid", [*others[:place], found, *others[place:]])
    assert not statements.any_in(db, "timeline_item", "uuid", sections)  # another table's rows


def test_text_pairs_reads_every_rows_version_as_a_plain_read_does(any_ws: Workspace) -> None:
    """Read as joined texts, tombstones too; a value the texts cannot carry (a space, an empty
    version, a NULL, which a file from elsewhere may hold) sends the read the plain way, with the same
    answer."""
    plan_id = create_plan(any_ws, next(iter(TEMPLATES)), "Stärka nära vård").ids[0]
    any_ws.delete("section", any_ws.list("section", plan_id)[0]["id"])
    db = models.database
    source = 'FROM "section"'

    def plain() -> dict[str, str]:
        return dict(db.execute_sql(f'SELECT "uuid", "version_id" {source}').fetchall())

    def pairs() -> dict[str, str]:
        return statements.text_pairs(db, '"uuid"', '"version_id"', source)

    assert pairs() == plain() and len(plain()) == len(any_ws.list("section", plan_id)) + 1
    assert statements.text_pairs(db, '"uuid"', '"version_id"', 'FROM "section" WHERE 1 = 0') == {}
    first, second = sorted(plain())[:2]
    for version, row in (("två ord", first), ("", second)):
        db.execute_sql(statements.in_style(db, 'UPDATE "section" SET "version_id" = ? WHERE "uuid" = ?'), (version, row))
        assert pairs() == plain() and pairs()[row] == version
    # A NULL beside a value with a space: their words would cancel out in the count; the counts of
    # values tell the NULL (the rows' deleted_at: all set, one with a space, one NULL).
    db.execute_sql(statements.in_style(db, 'UPDATE "section" SET "deleted_at" = ?'), ("2026-12-05T10:00:00",))
    for at, row in (("två ord", first), (None, second)):
        db.execute_sql(statements.in_style(db, 'UPDATE "section" SET "deleted_at" = ? WHERE "uuid" = ?'), (at, row))
    deleted = statements.text_pairs(db, '"uuid"', '"deleted_at"', source)
    assert deleted == dict(db.execute_sql(f'SELECT "uuid", "deleted_at" {source}').fetchall())
    assert (deleted[first], deleted[second]) == ("två ord", None)


def test_select_in_finds_the_rows_of_any_values_as_a_plain_filter_does(any_ws: Workspace) -> None:
    """On the server texts without a space go as one text the server splits (statements._array);
    a space, an empty text or a number sends the values as a list: the same rows either way."""
    plan_id = create_plan(any_ws, next(iter(TEMPLATES)), "Stärka nära vård").ids[0]
    sections = any_ws.list("section", plan_id)
    keys = ["ett", "två ord", "", " ", "a  b", "tre"]
    for section, key in zip(sections, keys):
        any_ws.update("section", section["id"], key=key)
    db = models.database
    stored = {s["id"]: k for s, k in zip(sections, keys)}
    for asked in (keys, ["ett", "tre"], ["två ord"], [""], ["", "ett"], [" "], ["a", "b"], ["saknas"]):
        found = statements.select_in(db, f'SELECT "id" FROM "section" WHERE "plan_id" = {plan_id} AND "key" IN ({{}})',
                                     asked)
        assert sorted(i for (i,) in found) == sorted(i for i, k in stored.items() if k in asked), asked
    ids = list(stored)[:3]
    assert sorted(i for (i,) in statements.select_in(db, 'SELECT "id" FROM "section" WHERE "id" IN ({})', ids)) == ids


def test_column_types_of_every_table_are_read_at_once_and_a_table_elsewhere_by_itself(server_db) -> None:
    """On a server the first table asked for reads the types of every table of the schema in one
    statement (a sync asks for most of them); each is what a look-up of that table alone gives, and a
    table outside the schema (a temporary one) is looked up by itself."""
    from db.server import open_server_store

    store = open_server_store(server_db.url("alice"))
    try:
        db = store.db

        def alone(table: str) -> dict[str, str]:
            return dict(db.execute_sql("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE "
                                       "attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped", (f'"{table}"',)))

        assert statements.column_types(db, "section") == alone("section")
        read = statements.per_connection(db)["column_types"]
        assert {m._meta.table_name for m in models.MODELS} <= set(read)
        assert all(read[t] == alone(t) for t in ("row_version", "timeline_item", "plan"))
        with store.write():
            db.execute_sql('CREATE TEMP TABLE "tillfällig" ("a" integer, "b" text) ON COMMIT DROP')
            assert statements.column_types(db, "tillfällig") == {"a": "integer", "b": "text"}
    finally:
        store.close()
