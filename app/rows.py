"""Between stored rows (db.rows) and the plain values services hand out.

Outside `db/` a row is a plain dict: vague dates appear as `VagueDate` (the
pair of columns `<f>` and `<f>_precision` folded into one value) and foreign
keys as integer ids under the field's name (`person`, `plan`, `parent`).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any, NamedTuple

from app.dates import Precision, VagueDate
from app.kinds import Kind
from db.rows import field_names, stored_values

HIDDEN = frozenset({"id", "uuid", "created_at", "modified_at", "rev", "deleted_at"})


class Edit(NamedTuple):
    """An edit as it will be written over one version of a row: the values (checked against the
    rest of that row), the same as columns, and the values they replace (for undo)."""

    values: dict[str, Any]
    columns: dict[str, Any]
    old: dict[str, Any]


def _vague(day: date | str | None, precision: str | None) -> VagueDate | None:
    if day is None or precision is None:
        return None
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return VagueDate(day, Precision(precision))


@cache
def editable_fields(k: Kind) -> tuple[str, ...]:
    """Names a service accepts for `k`, with each vague pair as one name."""
    precisions = {f"{v}_precision" for v in k.vague_fields}
    return tuple(name for name in field_names(k.model) if name not in HIDDEN and name not in precisions)


@cache
def _plain_fields(k: Kind) -> tuple[tuple[str, str | None], ...]:
    """Each editable field of `k` with how to_plain reads it: a vague date's precision column,
    "day" for a plain date, None for a value as stored (foreign keys are ids as stored)."""
    return tuple((name, f"{name}_precision" if name in k.vague_fields else "day" if name in k.day_fields else None)
                 for name in editable_fields(k))


def to_plain(k: Kind, row: Any) -> dict[str, Any]:
    """A model instance as a plain dict (with id and uuid, without bookkeeping)."""
    data = stored_values(row)
    out: dict[str, Any] = {"id": data.get("id", data.get("key")), "uuid": data.get("uuid")}
    for name, how in _plain_fields(k):
        value = data.get(name)
        if how is None:
            out[name] = value
        elif how == "day":
            out[name] = date.fromisoformat(value) if isinstance(value, str) else value
        else:
            out[name] = _vague(value, data.get(how))
    return out


def to_columns(k: Kind, values: dict[str, Any]) -> dict[str, Any]:
    """Plain values to model column values (splitting each vague date in two)."""
    unknown = set(values).difference(editable_fields(k))
    if unknown:
        from app.i18n import tr

        raise ValueError(tr("Okända fält för {part}: {fields}", part=k.label, fields=", ".join(sorted(unknown))))
    columns: dict[str, Any] = {}
    for name, value in values.items():
        if name in k.vague_fields:
            if value is not None and not isinstance(value, VagueDate):
                raise TypeError(f"{name} ska vara ett VagueDate eller None")
            columns[name] = value.start if value else None
            columns[f"{name}_precision"] = str(value.precision) if value else None
        elif isinstance(value, bool):
            columns[name] = int(value)
        else:
            columns[name] = value
    return columns


def not_found(k: Kind, row_id: int) -> LookupError:
    """The error for a row that is not there (or no longer: removed by someone else)."""
    from app.i18n import label, tr

    return LookupError(tr("Hittar inte {part} (id {id}).", part=label(k.label), id=row_id))
