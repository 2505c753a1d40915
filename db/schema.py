"""The schema allow-list: what an Uppdrag file of each version may contain.

A file from someone else may be crafted (an extra trigger, a view named like
one of our tables, a CHECK that calls a function). Before any row is read the
file's `sqlite_schema` must equal, object for object, a schema this program
made itself: the fresh schema of that version, or the one the migrations
produce from an older version (ALTER TABLE leaves its own text behind).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from functools import cache

from db.connection import lenient_text
from db.migrations import migrate
from db.schema_history import V1_DDL, V2_DDL, V3_DDL, V4_DDL, V5_DDL, V6_DDL, V7_DDL

Schema = frozenset[tuple[str, str, str, str | None]]

_SPACE = re.compile(r"\s+")


def _normalise(sql: str | None) -> str | None:
    return None if sql is None else _SPACE.sub(" ", sql).strip()


def read_schema(conn: sqlite3.Connection) -> Schema:
    with lenient_text(conn):  # a name that is not UTF-8 is an object no allowed schema has
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    return frozenset((t, n, tb, _normalise(s)) for t, n, tb, s in rows)


def current_ddl() -> list[str]:
    """CREATE statements of the current schema, as peewee makes them from the models.

    Opening a file compares it with the frozen DDL instead (making this takes peewee a
    while); tests/db/test_schema.py checks that the two are the same.
    """
    from peewee import SqliteDatabase

    from db.models import MODELS

    scratch = SqliteDatabase(":memory:")
    with scratch.bind_ctx(MODELS):
        scratch.create_tables(MODELS)
    rows = scratch.execute_sql("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL").fetchall()
    scratch.close()
    return [r[0] for r in rows]


DDL_BY_VERSION = {1: V1_DDL, 2: V2_DDL, 3: V3_DDL, 4: V4_DDL, 5: V5_DDL, 6: V6_DDL, 7: V7_DDL}  # each version as a new file of it holds it


def _built(ddl: list[str] | tuple[str, ...], version: int, migrate_to: int) -> Schema:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for sql in ddl:
        conn.execute(sql)
    migrate(conn, version, migrate_to)
    schema = read_schema(conn)
    conn.close()
    return schema


@cache
def _schema(made_at: int, version: int) -> Schema:
    """The schema of a file made at version `made_at` and migrated to `version`."""
    return _built(DDL_BY_VERSION[made_at], made_at, version)


def allowed_schemas(version: int) -> Iterator[Schema]:
    """Every schema a genuine file of `version` can have, each built (once) when first asked for.

    The newest first: a file was nearly always made at the version it has, so the
    schemas the migrations produce are seldom needed and opening it does not build them.
    """
    for made_at in sorted(DDL_BY_VERSION, reverse=True):
        if made_at <= version:
            yield _schema(made_at, version)


def schema_difference(conn: sqlite3.Connection, version: int) -> list[str]:
    """Names of objects that make the file's schema differ from every allowed one; [] if it matches."""
    actual = read_schema(conn)
    best: list[str] | None = None
    for allowed in allowed_schemas(version):
        diff = sorted({f"{t} {n}" for t, n, _tb, _s in actual ^ allowed})
        if not diff:
            return []
        if best is None or len(diff) < len(best):
            best = diff
    return best or ["okänt schema"]
