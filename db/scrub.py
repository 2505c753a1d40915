"""Finding a text in every byte a file holds, and taking it out again ("Ta bort personuppgifter").

A name can sit in far more places than the rows a person sees: rows that were deleted
(tombstones stay for merging), the superseded content the row history keeps as JSON
(`row_version.data`), frozen editions (a whole plan as JSON), the settings, and the free
pages SQLite keeps after a change. `find_text` reads all of them; `replace_cells` writes
new values without making history (the caller decides which rows get new versions first,
see app/anonymise.py); `vacuum` then rewrites the file so that no old page keeps anything.

Functions here take a plain DB-API connection (`sqlite3.Connection`): the open file's own
(`Store.db.connection()`, inside its transaction), a backup's or an undo snapshot's.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import CharField, TextField

from db import history, models

Connection = sqlite3.Connection  # what these functions take (app.anonymise names it without sqlite3)

# Text cells that hold JSON: their strings are searched after decoding (a name may be
# written there with \u escapes), and new values are written back as JSON.
JSON_CELLS = frozenset({("edition", "snapshot"), ("row_version", "data"), ("setting", "value")})


@dataclass(frozen=True)
class Cell:
    """One text cell of the file: table, the row's id (key for `setting`), column, its text."""

    table: str
    row_id: int | str
    column: str
    text: str
    deleted: bool = False  # the row is a tombstone

    @property
    def is_json(self) -> bool:
        return (self.table, self.column) in JSON_CELLS


def text_columns(model: type[models.BaseModel]) -> tuple[str, ...]:
    """The columns of `model` that hold text a person wrote (not uuids, versions or times)."""
    skip = {"uuid", "version_id", "created_at", "modified_at", "deleted_at", "version", "parent", "parent2",
            "row_uuid", "tbl", "at", "action"}
    return tuple(f.column_name for f in model._meta.sorted_fields
                 if isinstance(f, CharField | TextField) and f.name not in skip and not f.primary_key)


def _tables() -> Iterator[tuple[str, str, tuple[str, ...], bool]]:
    """(table, key column, text columns, has tombstones) of every table with text."""
    for shape in history.shapes():
        yield shape.name, "id", text_columns(shape.model), True
    yield "row_version", "id", ("who", "data"), False
    yield "setting", "key", ("value",), False


def map_strings(value: Any, fn: Callable[[str], str]) -> Any:
    """`value` (parsed JSON) with `fn` applied to every string in it, keys included."""
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        return {fn(k): map_strings(v, fn) for k, v in value.items()}
    if isinstance(value, list):
        return [map_strings(v, fn) for v in value]
    return value


def searchable(cell_text: str, is_json: bool) -> str:
    """The text to search in a cell: a JSON cell's strings decoded (a name may be written there
    with \\u escapes), one per line."""
    if not is_json or "\\u" not in cell_text:
        return cell_text
    try:
        data = json.loads(cell_text)
    except ValueError:
        return cell_text
    out: list[str] = []
    map_strings(data, lambda s: out.append(s) or s)  # type: ignore[func-returns-value]
    return "\n".join(out)


def rewritten(cell: Cell, fn: Callable[[str], str]) -> str:
    """The cell's text with `fn` applied to its text, or to each string of a JSON cell (written
    back in the style its table uses)."""
    if not cell.is_json:
        return fn(cell.text)
    try:
        data = json.loads(cell.text)
    except ValueError:
        return fn(cell.text)
    data = map_strings(data, fn)
    if cell.table == "row_version":
        return history.dump(data)
    return json.dumps(data, ensure_ascii=False)


def find_text(conn: sqlite3.Connection, pattern: re.Pattern[str]) -> list[Cell]:
    """Every text cell of the file in which `pattern` matches, deleted rows and history included."""
    found: list[Cell] = []
    for table, key, columns, tombstones in _tables():
        if not columns:
            continue
        cols = ", ".join(f'"{c}"' for c in columns)
        dead = ', "deleted_at" IS NOT NULL' if tombstones else ", 0"
        for row in conn.execute(f'SELECT "{key}"{dead}, {cols} FROM "{table}"'):
            for column, value in zip(columns, row[2:]):
                if not isinstance(value, str) or not value:
                    continue
                searched = searchable(value, (table, column) in JSON_CELLS)
                if pattern.search(searched):
                    found.append(Cell(table, row[0], column, value, bool(row[1])))
    return found


def replace_cells(conn: sqlite3.Connection, cells: Iterable[tuple[Cell, str]]) -> int:
    """Write each cell's new text in place (no new version: see the module's text). Returns the count."""
    count = 0
    for cell, text in cells:
        key = "key" if cell.table == "setting" else "id"
        conn.execute(f'UPDATE "{cell.table}" SET "{cell.column}" = ? WHERE "{key}" = ?', (text, cell.row_id))
        count += 1
    return count


def person_details(conn: sqlite3.Connection, person_uuid: str, columns: tuple[str, ...]) -> tuple[str, ...] | None:
    """These columns of the register's row of the person with `person_uuid`, or None if the file has none."""
    cols = ", ".join(f'"{c}"' for c in columns)
    row = conn.execute(f'SELECT {cols} FROM "person" WHERE "uuid" = ?', (person_uuid,)).fetchone()
    return None if row is None else tuple(str(v or "") for v in row)


def blank_person(conn: sqlite3.Connection, person_uuid: str, name: str, fields: Iterable[str]) -> None:
    """The register's row of the person with `person_uuid` (if the file has it) renamed and its `fields` blanked."""
    sets = "".join(f', "{f}" = \'\'' for f in fields)
    conn.execute(f'UPDATE "person" SET "name" = ?{sets} WHERE "uuid" = ?', (name, person_uuid))


def rewrite_copy(path: Path, prepare: Callable[[sqlite3.Connection], None]) -> None:
    """Change a copy of a file (a backup, an undo snapshot) with `prepare` and put it back in place:
    written beside, rewritten whole (VACUUM), checked, fsynced and renamed over `path`."""
    from db.backup import copy_database
    from db.connection import fsync_dir

    fresh = path.with_name(path.name + ".ny")
    copy_database(path, fresh, prepare)
    os.replace(fresh, path)
    fsync_dir(path.parent)


def vacuum(conn: sqlite3.Connection) -> None:
    """Rewrite the whole file, so that no free page keeps a removed text (outside any transaction)."""
    conn.execute("VACUUM")
