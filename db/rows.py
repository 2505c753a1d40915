"""What a model's rows hold, in the terms of its columns: the names a row stores and which of them
are foreign keys. app.rows folds them into the plain values services hand out."""

from __future__ import annotations

from functools import cache
from typing import Any

from peewee import ForeignKeyField, Model


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
