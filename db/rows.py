"""What a model's rows hold, in the terms of its columns: the names a row stores and which of them
are foreign keys, and one row read by its id (with the records of its versions, for an edit over
a newer version on the team server). app.rows folds them into the plain values services hand out."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from peewee import ForeignKeyField, Model

from db import history, history_records
from db.statements import database_of, in_style, on_postgres


@cache
def field_names(model: type[Model]) -> tuple[str, ...]:
    """The model's fields in their declared order (foreign keys under the field's name)."""
    return tuple(model._meta.sorted_field_names)


@cache
def foreign_keys(model: type[Model]) -> frozenset[str]:
    """The names of the model's fields that refer to another row (`person`, `plan`, `parent`)."""
    return frozenset(name for name, f in model._meta.fields.items() if isinstance(f, ForeignKeyField))


def stored_values(row: Any) -> dict[str, Any]:
    """A row's values as it holds them: foreign keys as ids, each vague date as its two columns."""
    return row.__data__


@cache
def _by_id(model: type[Model], param: str) -> tuple[str, tuple[tuple[str, Any], ...]]:
    """The statement that reads one row of `model` by id (placeholder `param`), and each column's
    field name and converter, as peewee's own select would use them."""
    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    return (f'SELECT {columns} FROM "{model._meta.table_name}" WHERE "id" = {param}',
            tuple((f.name, f.python_value) for f in fields))


def by_id(model: type[Model], row_id: int) -> Any:
    """The row `row_id` of `model` (deleted or not) as a model instance, or None: what
    `model.get_or_none(model.id == row_id)` gives, with the statement made once. Every edit reads
    its row first, and on a team server building the query cost more than the server's work (there
    the statement is prepared on the connection and sent below psycopg's cursor: ServerDatabase.one_row)."""
    db = model._meta.database
    sql, fields = _by_id(model, in_style(db, "?"))
    one_row = getattr(database_of(db), "one_row", None)  # the team server's (db.server_prepared)
    found = one_row(sql, (row_id,)) if one_row is not None else db.execute_sql(sql, (row_id,)).fetchone()
    if found is None:
        return None
    return instance(model, {name: convert(v) for (name, convert), v in zip(fields, found)})


def instance(model: type[Model], data: dict[str, Any]) -> Any:
    """A model instance of a row as read, `data` its values by field name (foreign keys as ids),
    nothing changed: what `model(__no_default__=1, **data)` is once its changes are cleared, without
    a setattr a field (a row read for an edit is made this way, on the server several an edit)."""
    row: Any = model.__new__(model)
    row.__data__, row._dirty, row.__rel__ = data, set(), {}
    return row


@cache
def stored_select(model: type[Model], versions: str = 'ANY(array_append(%b::text[], t."version_id"))',
                  where: str = "") -> str:
    """The statement that reads row `%s` of `model` on PostgreSQL as `stored` takes it apart, as the
    text of one json value (one text column for the client to describe and load, not one a field):
    its columns, its foreign keys as uuids and the records of the versions `r."version" = {versions}`;
    `where` a further condition. (The models' columns hold numbers, text and dates, which json
    carries as they are read.)"""
    shape = history.shape_of(model._meta.table_name)
    joins, cols = history.content_columns(shape)
    fk = shape.fk_map
    records = ", ".join(f'r."{c}"' for c in history_records.RECORD_COLUMNS)
    values = [*(f't."{f.column_name}"' for f in model._meta.sorted_fields),
              *(e for c, e in zip(shape.columns, cols) if c in fk),
              f'(SELECT json_agg(json_build_array({records})) FROM "row_version" r WHERE r."version" = {versions})']
    # in parts of at most 90 (a function takes at most 100 arguments), which `stored` joins again
    parts = ", ".join(f"json_build_array({', '.join(values[i:i + 90])})" for i in range(0, len(values), 90))
    return (f'SELECT json_build_array({parts})::text FROM "{shape.name}" t {" ".join(joins)} '
            f'WHERE t."id" = %s{" AND " + where if where else ""}')


def stored(model: type[Model], found: str | None) -> tuple[Any, Any, dict[str, Any]] | None:
    """What a `stored_select` of `model` read (`found`) as `with_records` gives it; None when it
    read no row."""
    if found is None:
        return None
    read = [v for part in json.loads(found) for v in part]
    content, fields, (i, u, v, r, c, m) = _stored_places(model)
    values = {column: read[at] for column, at in content}  # (dates come as ISO text)
    state = history.RowState(read[i], read[u], read[v], read[r], read[c], read[m], values)
    row = instance(model, {name: convert(read[at]) for name, convert, at in fields})
    return row, state, {r[2]: history.Record._make(r) for r in read[-1] or ()}


@cache
def _stored_places(model: type[Model]) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, Any, int], ...],
                                                tuple[int, ...]]:
    """Where `stored` finds each value in what a `stored_select` of `model` read: each content column's
    (its foreign keys' uuids after the columns, in the shape's order), each field's with its
    converter, and the bookkeeping columns' (id, uuid, version, rev, created, modified)."""
    fields = model._meta.sorted_fields
    shape = history.shape_of(model._meta.table_name)
    at = {f.column_name: n for n, f in enumerate(fields)}
    fk = shape.fk_map
    uuids = iter(range(len(fields), len(fields) + len(fk)))
    content = tuple((c, next(uuids) if c in fk else at[c]) for c in shape.columns)
    return (content, tuple((f.name, f.python_value, at[f.column_name]) for f in fields),
            tuple(at[c] for c in ("id", "uuid", "version_id", "rev", "created_at", "modified_at")))


def write_or_read(db: Any, model: Any, row_id: int, expected: str, columns: dict[str, Any], *,
                  action: str = "edit", notify: tuple[str, str] | None = None) -> Any:
    """db.history.update_if_current on PostgreSQL, a refusal answered by the same statement: the
    new version id when written; else what checking the edit against the version stored needs,
    the row, its state and the records of `expected` and of the row's own version, as
    `with_records` reads them ((None, None, {}) for a row that is gone); or None when the row moved
    on only while the statement ran (its snapshot still shows the row at `expected`): read it again."""
    then = stored_select(model, 'ANY(ARRAY[%s, t."version_id"])', "NOT EXISTS (SELECT 1 FROM moved)")
    sql, params, version = history.current_update(model, row_id, expected, columns, history.author_of(db),
                                                  action=action, notify=notify, then=then)
    found = db.one_row(sql, (*params, expected, row_id))  # (db.server_prepared: below psycopg's cursor)
    if found[0]:
        return version
    read = stored(model, found[-1])
    if read is None:
        return None, None, {}
    return None if read[0].version_id == expected else read


def with_records(db: Any, model: type[Model], row_id: int, versions: Sequence[str]) -> tuple[Any, Any, dict[str, Any]]:
    """(the row as `by_id` reads it, its state as db.history.read_states gives it, the records of
    `versions` and of the row's own version as db.history.records_by_version gives them), or
    (None, None, the records of `versions`) when the row is gone; read through `db`. What an edit
    over a version someone else has replaced needs: on the team server one statement, so that
    checking such an edit waits for one answer from the server."""
    shape = history.shape_of(model._meta.table_name)
    if not on_postgres(db):
        row = by_id(model, row_id)
        mine = [row.version_id] if row is not None else []
        state, records = history.state_and_records(db, shape, row_id, [*versions, *mine])
        return row, state, records
    found = db.execute_sql(stored_select(model), (list(versions), row_id)).fetchone()
    read = stored(model, found[0] if found else None)
    return read if read is not None else (None, None, history.records_by_version(db, versions))
