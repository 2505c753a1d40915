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

from db.identity import SCHEMA_VERSION
from db.migrations import migrate
from db.schema_history import V1_DDL

Schema = frozenset[tuple[str, str, str, str | None]]

_SPACE = re.compile(r"\s+")


def _normalise(sql: str | None) -> str | None:
    return None if sql is None else _SPACE.sub(" ", sql).strip()


def read_schema(conn: sqlite3.Connection) -> Schema:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    return frozenset((t, n, tb, _normalise(s)) for t, n, tb, s in rows)


def current_ddl() -> list[str]:
    """CREATE statements of the current schema, as peewee makes them from the models."""
    from peewee import SqliteDatabase

    from db.models import MODELS

    scratch = SqliteDatabase(":memory:")
    with scratch.bind_ctx(MODELS):
        scratch.create_tables(MODELS)
    rows = scratch.execute_sql("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL").fetchall()
    scratch.close()
    return [r[0] for r in rows]


_DDL_BY_VERSION = {1: V1_DDL}


def _built(ddl: list[str] | tuple[str, ...], version: int, migrate_to: int) -> Schema:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for sql in ddl:
        conn.execute(sql)
    migrate(conn, version, migrate_to)
    schema = read_schema(conn)
    conn.close()
    return schema


@cache
def _fresh_schema() -> Schema:
    return _built(current_ddl(), SCHEMA_VERSION, SCHEMA_VERSION)


@cache
def _migrated_schema(old: int, version: int) -> Schema:
    return _built(_DDL_BY_VERSION[old], old, version)


def allowed_schemas(version: int) -> Iterator[Schema]:
    """Every schema a genuine file of `version` can have, each built (once) when first asked for.

    A file of the current version was nearly always made fresh, so the schemas the
    migrations produce are seldom needed: opening such a file does not build them.
    """
    if version == SCHEMA_VERSION:
        yield _fresh_schema()
    for old in _DDL_BY_VERSION:
        if old <= version:
            yield _migrated_schema(old, version)


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
