"""Ids for rows written in bulk (imports), on a file and on a server alike."""

from __future__ import annotations

from typing import Any


def is_postgres(db: Any) -> bool:
    """Whether `db` (a peewee database or the models' proxy) is a server's PostgreSQL database."""
    return getattr(getattr(db, "obj", db), "param", "?") == "%s"


def reserve_ids(db: Any, table: str, count: int) -> int:
    """The first of `count` consecutive free ids of `table` (a model's own table name).

    A file: max + 1, as SQLite would give them (the writer holds the file's lock). A server:
    the table is locked against other inserts until the transaction ends and its id sequence
    moved past the block, so no other client's insert can take one of these ids.
    """
    if not is_postgres(db):
        (top,) = db.execute_sql(f'SELECT max("id") FROM "{table}"').fetchone()
        return (top or 0) + 1
    db.execute_sql(f'LOCK TABLE "{table}" IN SHARE ROW EXCLUSIVE MODE')
    (seq,) = db.execute_sql("SELECT pg_get_serial_sequence(%s, 'id')", (f'"{table}"',)).fetchone()
    (top,) = db.execute_sql(
        f'SELECT greatest((SELECT max("id") FROM "{table}"), '
        "(SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " + seq + "))"
    ).fetchone()
    first = (top or 0) + 1
    db.execute_sql("SELECT setval(%s, %s)", (seq, first + count - 1))
    return first
