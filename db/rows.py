"""What a model's rows hold, in the terms of its columns: the names a row stores and which of them
are foreign keys, and one row read by its id. app.rows folds them into the plain values services
hand out."""

from __future__ import annotations

from functools import cache
from typing import Any

from peewee import ForeignKeyField, Model

from db.statements import in_style


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
    its row first, and on a team server building the query cost more than the server's work."""
    db = model._meta.database
    sql, fields = _by_id(model, in_style(db, "?"))
    found = db.execute_sql(sql, (row_id,)).fetchone()
    if found is None:
        return None
    row: Any = model(__no_default__=1, **{name: convert(v) for (name, convert), v in zip(fields, found)})
    row._dirty.clear()
    return row
