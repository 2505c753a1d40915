"""The history's version records in SQL (db/history.py): their columns, how one is added without
losing content, and many at once onto a team server (a sync's or a push's thousands): by COPY
straight into `row_version`, or through a staging table where PostgreSQL refuses COPY (a history
table with row-level security, as servers set up before it was left out have). `lacking` says in
Python which records a side gains, as the insert without losing content does in SQL."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from db.statements import column_types, copy_rows, per_connection, select_in, stage, unstage, update_rows_by

RECORD_COLUMNS = ("tbl", "row_uuid", "version", "parent", "parent2", "rev", "at", "who", "action", "data")
RECORD_LIST = ", ".join(f'"{c}"' for c in RECORD_COLUMNS)
# A record the file has already only gains its content if it lacked it.
KEEP_KNOWN = ('ON CONFLICT ("version") DO UPDATE SET "data" = excluded."data" '
              'WHERE "row_version"."data" IS NULL AND excluded."data" IS NOT NULL')
_DATA = RECORD_COLUMNS.index("data")
UPSERT_RECORD = f'INSERT INTO "row_version" ({RECORD_LIST}) VALUES ({", ".join("?" * len(RECORD_COLUMNS))}) {KEEP_KNOWN}'
# An incoming record `v` the server lacks, or has without the content `v` brings.
UNKNOWN_RECORD = ('NOT EXISTS (SELECT 1 FROM "row_version" r WHERE r."version" = v."version" '
                  'AND (r."data" IS NOT NULL OR v."data" IS NULL))')
# The same for a few records at a time (db.history.write_records): each looked up in the index on
# "version". OFFSET 0 keeps the planner from making the test a join, which it may hash over the
# whole history on a server of some ten thousand records (five milliseconds for a few hundred).
FEW_UNKNOWN = UNKNOWN_RECORD[:-1] + " OFFSET 0)"
# The staging table of a server whose history table takes no COPY (one name to stage and drop).
STAGED = "uppdrag_records"


def write_many(db: Any, unique: dict[str, Sequence[Any]]) -> None:
    """Many records (a sync's, a push's) onto a server: the versions it has already are looked up in
    one statement, and the rest go by COPY straight into `row_version`, with no staging table and no
    conflict handling a row (that INSERT … SELECT was the largest part of a sync's time on the
    server). A record it has without content gains the content given. Another client that records
    one of these versions meanwhile makes the COPY fail on the unique version: the server store says
    so as ChangedMeanwhile (db.server), and a sync reads and writes again. A server whose history
    table still has row-level security (set up before db.server_schema left it out) takes no COPY:
    the records are staged and inserted from there."""
    if _secured(db):
        _stage_records(db, unique)
        return
    known = dict(select_in(db, 'SELECT "version", "data" IS NOT NULL FROM "row_version" WHERE "version" IN ({})',
                           list(unique)))
    filled = [(r[_DATA], v) for v, r in unique.items() if known.get(v) is False and r[_DATA] is not None]
    if filled:
        update_rows_by(db, "row_version", ("data",), "version", filled)
    fresh = [r for v, r in unique.items() if v not in known]
    if fresh:
        copy_rows(db, "row_version", RECORD_COLUMNS, fresh)


def _secured(db: Any) -> bool:
    """Whether `row_version` has row-level security for this session (a server set up before it was
    left out), asked once per connection's database object: an upgrade only ever leaves it out, and
    a sync would otherwise ask before each table's records."""
    kept = per_connection(db)
    if "row_version_secured" not in kept:
        (kept["row_version_secured"],) = db.execute_sql("SELECT row_security_active('row_version')").fetchone()
    return bool(kept["row_version_secured"])


def _stage_records(db: Any, unique: dict[str, Sequence[Any]]) -> None:
    """`write_many` through a staging table: COPY there, then inserted from it in SQL."""
    types = column_types(db, "row_version")
    source = stage(db, STAGED, [(c, types[c]) for c in RECORD_COLUMNS], unique.values())
    db.execute_sql(f'INSERT INTO "row_version" ({RECORD_LIST}) SELECT {RECORD_LIST} FROM {source} v '
                   f'WHERE {UNKNOWN_RECORD} {KEEP_KNOWN}')
    unstage(db, STAGED)


class _Kept(Protocol):
    """A version record as `lacking` reads it (db.history.Record)."""

    @property
    def version(self) -> str: ...

    @property
    def data(self) -> str | None: ...


def lacking[R: _Kept](records: Iterable[R], held: Mapping[str, bool]) -> list[R]:
    """Those of `records` a side lacks that holds the records `held` (version -> whether it keeps the
    row's content, as Side.record_contents gives it): unknown there, or known without the content they
    bring. (KEEP_KNOWN and UNKNOWN_RECORD say the same in SQL.)"""
    return [r for r in records if r.version not in held or (not held[r.version] and r.data)]


def contents(records: Iterable[_Kept]) -> dict[str, bool]:
    """Version -> whether its record keeps the row's content: what `lacking` compares against."""
    return {r.version: r.data is not None for r in records}
