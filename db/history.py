"""Row history: every change to a user row makes a new version, and the file keeps the old ones.

A version id is 128 random bits (db.models.new_version), so it is unique across every
copy of every file; a byte copy of a file carries all of its history. The row holds its
current version (`version_id`, and `rev`, the length of its line of descent); `row_version`
holds one record per version the file knows: its parent(s), when and by whom it was made,
and, once a later version has superseded it, the row's content at that version as JSON
(foreign keys as the uuids of the rows they point to, so that two files agree on it).
A new row's first version gets its record when it is first superseded: an import of
20,000 rows writes no history at all.

Every writer of user rows goes through `update_rows` (or `record_superseded` plus its own
UPDATE that sets the new `version_id`), so no change escapes the history. The merge
(app/merge.py) reads the records of two files to find the last version of each row they
have in common.

Growth: each change keeps the superseded content (a few hundred bytes for a timeline
item; its empty optional fields are left out, see `pack`). db.history_prune drops the content of versions superseded more than HISTORY_DAYS ago and
the records themselves after IDENTITY_DAYS; a copy older than that is merged without a
common base (differing fields become conflicts, never silent losses).
"""

from __future__ import annotations

import getpass
import json
import socket
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from peewee import ForeignKeyField, OperationalError

from db import models
from db.history_records import (
    FEW_UNKNOWN, KEEP_KNOWN, RECORD_COLUMNS, RECORD_LIST, UPSERT_RECORD, write_many,
)
from db.statements import (
    JSON_VALUES, executemany, insert_rows, on_postgres, select_in,
)

BOOKKEEPING = frozenset({"id", "uuid", "created_at", "modified_at", "rev", "version_id"})
HISTORY_DAYS = 365
IDENTITY_DAYS = 3 * 365



@dataclass(frozen=True)
class Shape:
    """What the history and the merge need to know of one user table."""

    name: str
    model: type[models.UserRow]
    columns: tuple[str, ...]  # content columns, `deleted_at` included
    fks: tuple[tuple[str, str], ...]  # (column, referenced table)

    @property
    def fk_map(self) -> dict[str, str]:
        return dict(self.fks)


@cache
def shapes() -> tuple[Shape, ...]:
    """Every user table, parents before children."""
    out = []
    for m in models.MODELS:
        if not issubclass(m, models.UserRow):
            continue
        cols, fks = [], []
        for f in m._meta.sorted_fields:
            if f.name in BOOKKEEPING:
                continue
            cols.append(f.column_name)
            if isinstance(f, ForeignKeyField):
                fks.append((f.column_name, f.rel_model._meta.table_name))
        out.append(Shape(m._meta.table_name, m, tuple(cols), tuple(fks)))
    return tuple(out)


@cache
def shape_of(table: str) -> Shape:
    return next(s for s in shapes() if s.name == table)


@cache
def defaults(shape: Shape) -> dict[str, Any]:
    """Each content column's default as the database holds it (None where it has none, or one made
    per row): what a column added since a version was recorded held at that version."""
    out = {}
    for f in shape.model._meta.sorted_fields:
        if f.column_name in shape.columns:
            default = f.default
            out[f.column_name] = None if default is None or callable(default) else f.db_value(default)
    return out


def default_author() -> str:
    """Who changes rows in a file opened here: the computer's user name and the computer."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - a missing user name is not an error
        user = "okänd"
    return f"{user} på {socket.gethostname()}"


def author_of(db: Any) -> str:
    """The author recorded for changes made through `db` (a peewee database, or the models' proxy, which
    hands on the database's own)."""
    return getattr(db, "author", None) or default_author()


# --- reading rows as the history stores them ------------------------------------


def table(name: str, schema: str | None = None) -> str:
    """A table's name in SQL, in `schema` (an attached SQLite file) when one is given."""
    return f'"{schema}"."{name}"' if schema else f'"{name}"'


HEAD_COLUMNS = ('t."id"', 't."uuid"', 't."version_id"', 't."rev"', 't."created_at"', 't."modified_at"')


def content_select(shape: Shape, schema: str | None = None) -> str:
    """SELECT id, uuid, version, rev, created_at, modified_at and the content columns (foreign keys
    as the uuids of their rows) of `shape`'s table `t` (in `schema`); the caller adds WHERE."""
    joins, cols = content_columns(shape, schema)
    return f'SELECT {", ".join((*HEAD_COLUMNS, *cols))} FROM {table(shape.name, schema)} t {" ".join(joins)}'


def content_of(db: Any, shape: Shape, uuids: Sequence[str], schema: str | None = None) -> list[tuple[Any, ...]]:
    """`content_select`'s rows of these uuids. On SQLite the uuids go as one JSON list that the statement
    walks, looking each up in the uuid index (an IN (…) of 2,000 values a statement sorts them first),
    and the rows come back whole (`read_whole`)."""
    if on_postgres(db):
        return select_in(db, content_select(shape, schema) + ' WHERE t."uuid" IN ({})', list(uuids))
    joins, cols = content_columns(shape, schema)
    return read_whole(db, [*HEAD_COLUMNS, *cols],
                      f'FROM json_each(?) u CROSS JOIN {table(shape.name, schema)} t ON t."uuid" = u."value" '
                      f'{" ".join(joins)}', (json.dumps(list(dict.fromkeys(uuids))),))


def read_whole(db: Any, columns: Sequence[str], source: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """`SELECT columns source` on SQLite, in one step as one JSON text where JSON gives every value
    back as it is: CPython's sqlite3 lets go of Python's lock for every row it fetches and waits for
    it again, and a sync reads a file's rows in threads that all want that lock (each row then waits
    its turn: several per cent of a large sync). Row by row when a value is a REAL (JSON keeps 15 of
    its digits) or a BLOB (JSON has none), which no Uppdrag column holds but a file from elsewhere may."""
    whole = _as_json(db, columns, source, params)
    return whole if whole is not None else list(db.execute_sql(f'SELECT {", ".join(columns)} {source}', params).fetchall())


def _as_json(db: Any, columns: Sequence[str], source: str, params: Sequence[Any]) -> list[tuple[Any, ...]] | None:
    """`read_whole`'s rows through JSON; None when JSON would change one."""
    if len(columns) > 100:  # (SQLite's json_array takes at most 127 arguments)
        return None
    odd = " + ".join(f"(typeof({c}) = 'real')" for c in columns)
    try:
        text, reals = db.execute_sql(f'SELECT json_group_array(json_array({", ".join(columns)})), total({odd}) '
                                     f'{source}', params).fetchone()
    except (sqlite3.OperationalError, OperationalError):  # a BLOB ("JSON cannot hold BLOB values")
        return None
    return None if reals else [tuple(r) for r in json.loads(text)]


def content_columns(shape: Shape, schema: str | None = None) -> tuple[list[str], list[str]]:
    """(the joins from `shape`'s table `t`, an expression a content column): foreign keys as the
    uuids of the rows they point to."""
    joins, cols = [], []
    fk = shape.fk_map
    for n, c in enumerate(shape.columns):
        if c in fk:
            joins.append(f'LEFT JOIN {table(fk[c], schema)} j{n} ON j{n}."id" = t."{c}"')
            cols.append(f'j{n}."uuid"')
        else:
            cols.append(f't."{c}"')
    return joins, cols


@dataclass
class RowState:
    """A row as the history sees it."""

    id: int
    uuid: str
    version: str
    rev: int
    created_at: str
    modified_at: str
    values: dict[str, Any]  # content column -> value (foreign keys as uuids)


def read_states(db: Any, shape: Shape, *, ids: Sequence[int] | None = None,
                uuids: Sequence[str] | None = None, schema: str | None = None) -> list[RowState]:
    """The rows of `shape` (in `schema`) with these ids (or uuids); every row when neither is given.
    Their dates are ISO text from either backend (a server's connection loads them so:
    db/server_connection.load_dates_as_text), so that the values compare equal across backends."""
    base = content_select(shape, schema)
    if ids is None and uuids is None:
        rows: Iterable[Sequence[Any]] = db.execute_sql(base)
    elif ids is None:
        rows = content_of(db, shape, uuids or [], schema)
    else:
        rows = select_in(db, base + ' WHERE t."id" IN ({})', list(ids))
    return [RowState(r[0], r[1], r[2], r[3], r[4], r[5], dict(zip(shape.columns, r[6:]))) for r in rows]


def dump(values: dict[str, Any]) -> str:
    return _DUMPER.encode(values)  # (json.dumps with these options would make an encoder a call)


_DUMPER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def pack(shape: Shape, values: dict[str, Any]) -> str:
    """A version's content as its record keeps it: `dump` without the empty (NULL) fields whose
    column defaults to NULL, which `Record.values` gives back. Most of a row's optional fields are
    empty, and each new optional column would otherwise grow every later version's record."""
    empty = defaults(shape)
    return dump({c: v for c, v in values.items() if v is not None or empty[c] is not None})


# --- writing versions -----------------------------------------------------------


STAGED_RECORDS = 500  # from this many records on, a server gets them by COPY (db.history_records)


def write_records(db: Any, records: Iterable[Sequence[Any]]) -> None:
    """Insert version records (tuples in RECORD_COLUMNS order); a record the file has already
    only gains its content if it lacked it."""
    if not on_postgres(db):
        executemany(db, UPSERT_RECORD, records)
        return
    # One statement may touch a version once: the same version twice keeps the one with content.
    unique: dict[str, Sequence[Any]] = {}
    for r in records:
        if r[2] not in unique or (unique[r[2]][9] is None and r[9] is not None):
            unique[r[2]] = r
    # A record the server has already (with content, or when this one brings none) is left out before
    # the insert: a conflict would lock and rewrite its row for nothing.
    if len(unique) < STAGED_RECORDS:
        insert_rows(db, "row_version", RECORD_COLUMNS, unique.values(), KEEP_KNOWN, where=FEW_UNKNOWN)
        return
    write_many(db, unique)


def copy_records(db: Any, schema: str, row_uuids: Sequence[str]) -> None:
    """`write_records` of every record of these rows, read in SQL from the SQLite file attached to
    this one as `schema` (the records never pass through Python)."""
    db.execute_sql(f'INSERT INTO "main"."row_version" ({RECORD_LIST}) SELECT {RECORD_LIST} '
                   f'FROM {table("row_version", schema)} WHERE "row_uuid" IN {JSON_VALUES} ORDER BY "id" {KEEP_KNOWN}',
                   (json.dumps(list(row_uuids)),))


def record_superseded(db: Any, shape: Shape, states: Iterable[RowState]) -> None:
    """Keep the content of these rows' current versions: they are about to be replaced.

    A version that has no record yet (a row's first) gets one now, without a parent.
    """
    write_records(db, (superseded(shape, s) for s in states))


def superseded(shape: Shape, state: RowState) -> tuple[Any, ...]:
    """The record `record_superseded` writes for `state`, for a caller that writes it with other records in
    one `write_records` (on a server each call is a statement or three, and reads the history's index)."""
    return (shape.name, state.uuid, state.version, None, None, state.rev, state.modified_at, "", "create",
            pack(shape, state.values))


def update_rows(db: Any, model: type[models.UserRow], ids: Sequence[int], columns: dict[str, Any], *,
                action: str = "edit", now: str | None = None) -> dict[int, str]:
    """Write the same `columns` (field names, peewee values) to rows `ids`, each as a new version.

    Returns row id -> new version id. Rows whose values would not change are written too
    (the caller asked for a change; the history says when it was asked).
    """
    if not ids:
        return {}
    shape = shape_of(model._meta.table_name)
    fields = model._meta.fields
    names = [fields[n].column_name for n in columns]
    values = [fields[n].db_value(v) for n, v in columns.items()]
    return update_each(db, shape, {i: dict(zip(names, values)) for i in ids}, action=action, now=now)


def supersede(db: Any, shape: Shape, ids: Sequence[int], *, action: str = "edit",
              now: str | None = None) -> dict[int, str]:
    """Give rows `ids` new versions in the history (keeping the content of the ones they replace);
    returns row id -> new version id. The caller writes the rows themselves, setting `version_id`
    to it, `rev` to rev + 1 and `modified_at` to `now`."""
    if not ids:
        return {}
    now = now or models.utc_now()
    who = author_of(db)
    states = read_states(db, shape, ids=list(ids))
    versions = dict(zip((s.id for s in states), models.new_versions(len(states))))
    write_records(db, [*(superseded(shape, s) for s in states),
                       *((shape.name, s.uuid, versions[s.id], s.version, None, s.rev + 1, now, who, action, None)
                         for s in states)])
    return versions


def update_each(db: Any, shape: Shape, changes: dict[int, dict[str, Any]], *, action: str = "edit",
                now: str | None = None) -> dict[int, str]:
    """Write each row's own columns (column names, database values) as a new version of that row."""
    now = now or models.utc_now()
    versions = supersede(db, shape, list(changes), action=action, now=now)
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row_id, version in versions.items():
        cols = changes[row_id]
        groups.setdefault(tuple(cols), []).append((*cols.values(), now, version, row_id))
    for names, rows in groups.items():
        sets = "".join(f'"{c}" = ?, ' for c in names)
        executemany(db, f'UPDATE "{shape.name}" SET {sets}"modified_at" = ?, "rev" = "rev" + 1, '
                        '"version_id" = ? WHERE "id" = ?', rows)
    return versions


def update_if_current(db: Any, model: type[models.UserRow], row_id: int, expected: str, columns: dict[str, Any],
                      *, action: str = "edit", notify: tuple[str, str] | None = None) -> str | None:
    """Write `columns` (field names, peewee values) to row `row_id` as a new version, only if the
    row is still at version `expected`; the new version id, or None when the row has moved on
    (or is gone) and nothing was written.

    For a server with many writers (PostgreSQL): one statement (a data-modifying WITH) reads the
    row's content as it was, updates the row, writes both version records and `notify` (channel,
    payload), so an edit is one round trip and the row is locked only while the server runs it,
    never while a client waits. All of it sees one snapshot: the content kept is that of the
    version the update replaced. (db.rows.write_or_read: the same, a refusal answered with the row.)
    """
    sql, params, version = current_update(model, row_id, expected, columns, author_of(db), action=action,
                                          notify=notify)
    return version if db.execute_sql(sql, params).fetchone() is not None else None


def current_update(model: type[models.UserRow], row_id: int, expected: str, columns: dict[str, Any], who: str, *,
                   action: str = "edit", notify: tuple[str, str] | None = None,
                   then: str | None = None) -> tuple[str, tuple[Any, ...], str]:
    """The statement of `update_if_current` by `who`, its parameters and the version it writes.
    `then`: a query of one value for when nothing was written (which may name the CTE `moved`,
    empty then; its parameters follow these); the statement answers one row always: whether it
    wrote, (notified,) and that value."""
    shape = shape_of(model._meta.table_name)
    fields = model._meta.fields
    sets = {fields[n].column_name: fields[n].db_value(v) for n, v in columns.items()}
    version = models.new_version()
    sql = _update_if_current_sql(shape, tuple(sets), notify is not None, then)
    return sql, (row_id, expected, *sets.values(), models.utc_now(), version, row_id, expected,
                 shape.name, shape.name, version, who, action, *(notify or ())), version


@cache
def _update_if_current_sql(shape: Shape, names: tuple[str, ...], notify: bool, then: str | None = None) -> str:
    """The statement of `update_if_current` for these columns of `shape` (made once for each)."""
    joins, cols = content_columns(shape)
    empty = defaults(shape)
    pairs = [f"'{c}', {e}" for c, e in zip(shape.columns, cols) if empty.get(c, 0) is not None]
    optional = [f"'{c}', {e}" for c, e in zip(shape.columns, cols) if empty.get(c, 0) is None]
    # The content as read_states and pack give it (foreign keys as uuids, dates as ISO text, no empty
    # field whose column defaults to NULL); at most 50 pairs a call, so long rows are joined from several.
    content = " || ".join([f"jsonb_build_object({', '.join(pairs[i:i + 50])})" for i in range(0, len(pairs), 50)]
                          + [f"jsonb_strip_nulls(jsonb_build_object({', '.join(optional[i:i + 50])}))"
                             for i in range(0, len(optional), 50)])
    told = "pg_notify(%s, %s)" if notify else "1"
    answer = (f"{told} WHERE EXISTS (SELECT 1 FROM moved)" if then is None else
              f"EXISTS (SELECT 1 FROM moved), {f'(SELECT {told} FROM moved), ' if notify else ''}({then})")
    return (f'WITH old AS (SELECT t."uuid", t."version_id", t."rev", t."modified_at", ({content})::text AS "data" '
            f'FROM "{shape.name}" t {" ".join(joins)} WHERE t."id" = %s AND t."version_id" = %s), '
            f'moved AS (UPDATE "{shape.name}" SET {"".join(f'"{c}" = %s, ' for c in names)}"modified_at" = %s, '
            '"rev" = "rev" + 1, "version_id" = %s WHERE "id" = %s AND "version_id" = %s RETURNING "modified_at"), '
            f'kept AS (INSERT INTO "row_version" ({RECORD_LIST}) '
            "SELECT %s, o.\"uuid\", o.\"version_id\", NULL, NULL, o.\"rev\", o.\"modified_at\", '', 'create', o.\"data\" "
            "FROM old o WHERE EXISTS (SELECT 1 FROM moved) UNION ALL "
            "SELECT %s, o.\"uuid\", %s, o.\"version_id\", NULL, o.\"rev\" + 1, m.\"modified_at\", %s, %s, NULL "
            "FROM old o, moved m "
            + UPSERT_RECORD[UPSERT_RECORD.index("ON CONFLICT"):] + ") "
            f"SELECT {answer}")


# --- reading versions -----------------------------------------------------------


class Record(NamedTuple):
    """One version of a row (a tuple in RECORD_COLUMNS order: cheap to make by the ten thousand)."""

    tbl: str
    row_uuid: str
    version: str
    parent: str | None
    parent2: str | None
    rev: int
    at: str
    who: str
    action: str
    data: str | None

    @property
    def parents(self) -> tuple[str, ...]:
        return tuple(p for p in (self.parent, self.parent2) if p)

    def values(self) -> dict[str, Any] | None:
        """The version's content, every column of its table in it: one the record lacks (left out
        as empty, or added to the table since) holds its default."""
        if self.data is None:
            return None
        got: dict[str, Any] = json.loads(self.data)
        shape = _known_shapes().get(self.tbl)
        if shape is not None:
            for column, default in defaults(shape).items():
                if column not in got:
                    got[column] = default
        return got

    def as_tuple(self) -> tuple[Any, ...]:
        return tuple(self)


@cache
def _known_shapes() -> dict[str, Shape]:
    return {s.name: s for s in shapes()}


def read_records(db: Any, row_uuids: Sequence[str], *, content: bool = True,
                 schema: str | None = None) -> dict[str, list[Record]]:
    """Every version record of these rows (in `schema`): row uuid -> records. Without `content` the
    records carry no `data` (their links are all a question of descent needs)."""
    out: dict[str, list[Record]] = {}
    make = Record._make
    for r in record_columns(db, [*(f'r."{c}"' for c in RECORD_COLUMNS[:-1]), 'r."data"' if content else "NULL"],
                            row_uuids, schema):
        rec = make(r)
        got = out.get(rec.row_uuid)
        if got is None:
            out[rec.row_uuid] = [rec]
        else:
            got.append(rec)
    return out


def record_columns(db: Any, columns: Sequence[str], row_uuids: Sequence[str],
                   schema: str | None = None) -> list[tuple[Any, ...]]:
    """`columns` (of `row_version` r, in `schema`) of every record of these rows. On SQLite as
    content_of reads a file's rows: the uuids as one JSON list, the records read whole."""
    source = table("row_version", schema)
    if on_postgres(db):
        return select_in(db, f'SELECT {", ".join(columns)} FROM {source} r WHERE r."row_uuid" IN ({{}})',
                         list(row_uuids))
    return read_whole(db, columns, f'FROM json_each(?) u JOIN {source} r ON r."row_uuid" = u."value"',
                      (json.dumps(list(dict.fromkeys(row_uuids))),))


def state_and_records(db: Any, shape: Shape, row_id: int, versions: Sequence[str]) -> tuple[RowState | None, dict[str, Record]]:
    """Row `row_id` as read_states gives it, and the records of `versions` as records_by_version gives
    them. (On the team server an edit reads both with the row itself, in one statement: db.rows.with_records.)"""
    states = read_states(db, shape, ids=[row_id])
    return (states[0] if states else None), records_by_version(db, versions)


def records_by_version(db: Any, versions: Sequence[str]) -> dict[str, Record]:
    """The records of these versions (with their content): version id -> record."""
    return {r[2]: Record._make(r)
            for r in select_in(db, f'SELECT {RECORD_LIST} FROM "row_version" WHERE "version" IN ({{}})',
                               list(versions))}


def ancestry(version: str, records: dict[str, Record]) -> set[str]:
    """`version` and every version it descends from, as far as the records (version -> record) tell."""
    seen, todo = {version}, [version]
    while todo:
        rec = records.get(todo.pop())
        if rec is None:
            continue
        for p in rec.parents:
            if p not in seen:
                seen.add(p)
                todo.append(p)
    return seen


def descends(version: str, ancestor: str, records: Sequence[Record]) -> bool:
    """Whether `version` is `ancestor` or descends from it, by these records of one row."""
    if version == ancestor:
        return True
    for r in records:  # most often a direct child, or a version this side has no record of: no walk
        if r.version == version:
            if ancestor == r.parent or ancestor == r.parent2:
                return True
            # A version no record names as its parent is nobody's ancestor here: no walk then either.
            return (any(ancestor == o.parent or ancestor == o.parent2 for o in records)
                    and ancestor in ancestry(version, {o.version: o for o in records}))
    return False


def row_history(db: Any, row_uuid: str) -> list[Record]:
    """One row's versions, oldest first."""
    return sorted(read_records(db, [row_uuid]).get(row_uuid, []), key=lambda r: (r.rev, r.at, r.version))
