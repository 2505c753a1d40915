"""Writing what a merge decided (app/merge.py) into one database, in the caller's one transaction.

Three kinds of change, parents' tables before children's:
- `Write`: a row both files changed, merged field by field: its new values and version, from Python;
- `Copy`: rows of a SQLite file attached to this one, taken as they are there with their history,
  copied in SQL (they never pass through Python);
- `Take`: the same from a database that cannot be attached (a team server, or a file into a server):
  read there as they are and written here from a staging table in SQL.
The three give the same rows (tests/app/test_merge_copy_in_sql.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from db import history, statements
from db.history import Record, RowState, Shape
from db.merge import ATTACHED, Side


@dataclass
class Write:
    """A row both files changed, merged field by field: its new values and version, written over this
    file's row from Python (rows new here or taken as they are come as a `Copy` or a `Take`)."""

    shape: Shape
    uuid: str
    values: dict[str, Any]  # the content columns that differ from this file's row, foreign keys as uuids
    version: str
    rev: int
    modified_at: str
    old: RowState  # this file's row before the merge: its version is kept in the history
    records: list[Record] = field(default_factory=list)  # versions to add to this file's history
    # once written: the records the other side lacks of the row (what it takes with the merged row in a
    # sync, app/sync_exchange.py: the history here, this row's old version with its content, the merge)
    theirs_lack: list[Record] = field(default_factory=list)
    new: ClassVar[bool] = False

    @cached_property
    def superseded(self) -> Record:
        """The record of the version this replaces, with its content (history.superseded): made once,
        for the history here and for what the other side lacks."""
        return Record._make(history.superseded(self.shape, self.old))

    def merged(self) -> RowState:
        """The row as this writes it (its id here left 0)."""
        return RowState(0, self.uuid, self.version, self.rev, self.old.created_at, self.modified_at,
                        {**self.old.values, **self.values})

    @property
    def rows(self) -> int:
        """How many rows this writes (a row whose content stays as it is counts for none)."""
        return int(bool(self.values))


@dataclass
class Copy:
    """Rows of the attached file to take as they are there, with all their history: added (`new`)
    or written over this file's rows. `apply` copies them in SQL, the way it would write a `Write`
    of each row's content (foreign keys found again by uuid, the version, rev and times kept)."""

    shape: Shape
    uuids: list[str]
    new: bool
    schema: str = ATTACHED

    @property
    def rows(self) -> int:
        return len(self.uuids)


@dataclass
class Take:
    """Rows of a database this file cannot attach (a team server, or this file seen from one) to take
    as they are there, with their history (`records`): added (`new`) or written over this file's
    rows. `apply` reads them from `source` as they are (foreign keys as uuids) into a staging table
    here and writes them from it in SQL, as `Copy` does from an attached file: the same outcome as a
    `Write` of each row, without any row passing through Python one by one."""

    shape: Shape
    uuids: list[str]
    new: bool
    source: Side
    records: list[Record] = field(default_factory=list)
    read: list[tuple[Any, ...]] | None = None  # the rows as `source` held them, once `read_now` read them

    @property
    def rows(self) -> int:
        return len(self.uuids)

    def read_now(self) -> None:
        """Read the rows from `source` now (in its current transaction), not when `apply` writes them."""
        self.read = _source_rows(self)


def rows_per_table(writes: Iterable[Write | Copy | Take]) -> dict[str, int]:
    """Table -> how many rows `writes` write there (the tables they write none in left out)."""
    out: dict[str, int] = {}
    for w in writes:
        if w.rows:
            out[w.shape.name] = out.get(w.shape.name, 0) + w.rows
    return out


def _source_rows(t: Take) -> list[tuple[Any, ...]]:
    """The rows of `t` as its source holds them (foreign keys as uuids), in the source's order. (A source
    is never attached to another database: rows from an attached file are a `Copy`.)"""
    rows = history.content_of(t.source.db, t.shape, t.uuids)
    rows.sort()  # by id, the first of each row: in the order the source holds them (new rows get ids in it)
    return rows


def _ids_of(db: Any, writes: list[Write]) -> dict[tuple[str, str], int]:
    """(table, uuid) -> id here, of every row the foreign keys of `writes` point at: one look-up per table.
    They are all here by then: a row this file lacked came before them, as a `Copy` or a `Take`."""
    wanted: dict[str, set[str]] = {}
    for w in writes:
        for column, target in w.shape.fks:
            if w.values.get(column) is not None:
                wanted.setdefault(target, set()).add(w.values[column])
    return {(table, u): i for table, uuids in wanted.items()
            for u, i in statements.select_in(db, f'SELECT "uuid", "id" FROM "{table}" WHERE "uuid" IN ({{}})', list(uuids))}


def apply(db: Any, changes: Sequence[Write | Copy | Take]) -> None:
    """Write `changes` (parents' tables before children's) inside the caller's transaction."""
    _copy(db, [c for c in changes if isinstance(c, Copy)])
    takes = [t for t in changes if isinstance(t, Take)]
    _take(db, takes)
    writes = [w for w in changes if isinstance(w, Write)]
    ids = _ids_of(db, writes)
    batches: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = {}  # one executemany per table and set of columns
    for w in writes:
        fk = w.shape.fk_map
        cols = {c: ids.get((fk[c], v)) if c in fk else v for c, v in w.values.items()}
        cols.update(version_id=w.version, rev=w.rev, modified_at=w.modified_at)
        batches.setdefault((w.shape.name, tuple(cols)), []).append([*cols.values(), w.uuid])
    for (table, names), rows in batches.items():
        statements.update_rows_by(db, table, names, "uuid", rows)
    # One write of every record: first the content of the versions the writes replace, then the versions
    # taken and merged (on a server one look-up of the versions it has, and one COPY).
    history.write_records(db, [*(w.superseded for w in writes),
                               *(r for t in takes for r in t.records), *(r for w in writes for r in w.records)])


def _copy(db: Any, copies: list[Copy]) -> None:
    """The rows of `copies` (parents' tables before children's) from the attached file into this one,
    each statement over all the rows of one copy; then their version records."""
    for c in copies:
        shape, fk = c.shape, c.shape.fk_map
        joins, values = [], []
        for n, column in enumerate(shape.columns):
            if column in fk:  # the row it points to there, found here by its uuid
                joins.append(f'LEFT JOIN {history.table(fk[column], c.schema)} j{n} ON j{n}."id" = t."{column}"')
                values.append(f'(SELECT k."id" FROM "main"."{fk[column]}" k WHERE k."uuid" = j{n}."uuid")')
            else:
                values.append(f't."{column}"')
        source = f'{history.table(shape.name, c.schema)} t {" ".join(joins)}'
        chosen = (json.dumps(c.uuids),)
        if c.new:
            names = ", ".join(f'"{n}"' for n in ("uuid", "version_id", "rev", "created_at", "modified_at", *shape.columns))
            db.execute_sql(f'INSERT INTO "main"."{shape.name}" ({names}) SELECT t."uuid", t."version_id", t."rev", '
                           f't."created_at", t."modified_at", {", ".join(values)} FROM {source} '
                           f'WHERE t."uuid" IN {statements.JSON_VALUES} ORDER BY t."id"', chosen)
        else:
            sets = ", ".join(f'"{column}" = {v}' for column, v in zip(shape.columns, values))
            db.execute_sql(f'UPDATE "main"."{shape.name}" AS m SET {sets}, "version_id" = t."version_id", '
                           f'"rev" = t."rev", "modified_at" = t."modified_at" FROM {source} '
                           f'WHERE m."uuid" = t."uuid" AND t."uuid" IN {statements.JSON_VALUES}', chosen)
    for c in copies:  # new rows that point at new rows of their table added after them
        there = history.table(c.shape.name, c.schema)
        for column in _own_table_keys(c):
            db.execute_sql(
                f'UPDATE "main"."{c.shape.name}" AS m SET "{column}" = k."id" FROM {there} t JOIN {there} j '
                f'ON j."id" = t."{column}" JOIN "main"."{c.shape.name}" k ON k."uuid" = j."uuid" '
                f'WHERE m."uuid" = t."uuid" AND m."{column}" IS NULL AND t."uuid" IN {statements.JSON_VALUES}',
                (json.dumps(c.uuids),))
    for c in copies:
        history.copy_records(db, c.schema, c.uuids)


def _own_table_keys(change: Copy | Take) -> list[str]:
    """The foreign keys to their own table (a task's activity) of new rows: the only ones that can point at a
    row not written yet, as a new row's parent may come after it in the same statement. Every other
    foreign key points at an earlier table (`history.shapes`), written before it."""
    if not change.new:
        return []
    return [column for column, target in change.shape.fks if target == change.shape.name]


def _take(db: Any, takes: list[Take]) -> None:
    """The rows of `takes` (parents' tables before children's) from their sources into this database:
    each read there as it is and staged here, then written in SQL as `_copy` writes them."""
    staged: list[tuple[Take, str]] = []
    for n, t in enumerate(takes):
        shape = t.shape
        rows = t.read if t.read is not None else _source_rows(t)
        types = statements.column_types(db, shape.name)
        fk = shape.fk_map
        names = ("uuid", "version_id", "rev", "created_at", "modified_at", *shape.columns)
        columns = [(c, "text" if c in fk else types[c]) for c in names]
        staged.append((t, statements.stage(db, f"uppdrag_take_{n}", columns, (r[1:] for r in rows))))
    for t, source in staged:
        _write_from(db, t.shape, source, t.new)
    for t, source in staged:  # as in `_copy`
        for column in _own_table_keys(t):
            db.execute_sql(f'UPDATE "{t.shape.name}" AS m SET "{column}" = k."id" FROM {source} s '
                           f'JOIN "{t.shape.name}" k ON k."uuid" = s."{column}" '
                           f'WHERE m."uuid" = s."uuid" AND m."{column}" IS NULL')
    for n in range(len(staged)):  # (after an error: see statements.stage)
        statements.unstage(db, f"uppdrag_take_{n}")


def _write_from(db: Any, shape: Shape, source: str, new: bool) -> None:
    """Rows staged in `source` (content columns, foreign keys as uuids) written into `shape`'s table:
    added, or written over the rows of the same uuids; foreign keys found here by uuid."""
    fk = shape.fk_map
    values = [f'(SELECT k."id" FROM "{fk[c]}" k WHERE k."uuid" = s."{c}")' if c in fk else f's."{c}"'
              for c in shape.columns]
    if new:
        names = ", ".join(f'"{n}"' for n in ("uuid", "version_id", "rev", "created_at", "modified_at", *shape.columns))
        db.execute_sql(f'INSERT INTO "{shape.name}" ({names}) SELECT s."uuid", s."version_id", s."rev", '
                       f's."created_at", s."modified_at", {", ".join(values)} FROM {source} s')
        return
    if statements.on_postgres(db):
        _update_on_server(db, shape, source)
        return
    # The foreign keys apart, and only where one differs: a row seldom moves, and on SQLite a foreign
    # key written is a foreign key checked and an index entry rewritten (three times the cost). Whether
    # one differs is told by the uuid of the row it points to (found by id: cheaper than by uuid).
    sets = "".join(f'"{c}" = {v}, ' for c, v in zip(shape.columns, values) if c not in fk)
    db.execute_sql(f'UPDATE "{shape.name}" AS m SET {sets}"version_id" = s."version_id", "rev" = s."rev", '
                   f'"modified_at" = s."modified_at" FROM {source} s WHERE m."uuid" = s."uuid"')
    moved = [(c, v) for c, v in zip(shape.columns, values) if c in fk]
    if moved:
        differs = " OR ".join(f'(SELECT k."uuid" FROM "{fk[c]}" k WHERE k."id" = m."{c}") IS NOT s."{c}"'
                              for c, _v in moved)
        db.execute_sql(f'UPDATE "{shape.name}" AS m SET {", ".join(f'"{c}" = {v}' for c, v in moved)} FROM {source} s '
                       f'WHERE m."uuid" = s."uuid" AND ({differs})')


def _update_on_server(db: Any, shape: Shape, source: str) -> None:
    """`_write_from` over existing rows on a server: one statement, the foreign keys with the rest, each
    referenced table joined once (hashed), not looked up a row and column at a time. An indexed column
    written with the value it holds keeps the update a heap-only one (no index entry rewritten, as
    the server's tables leave room for it: db.server_schema), so a row that did not move costs no more
    than its content, and a second statement for the rows that moved would only join them all again."""
    fk = shape.fk_map
    keys = [c for c in shape.columns if c in fk]
    joins = "".join(f' LEFT JOIN "{fk[c]}" k{n} ON k{n}."uuid" = s."{c}"' for n, c in enumerate(keys))
    sets = "".join(f'"{c}" = k{keys.index(c)}."id", ' if c in fk else f'"{c}" = s."{c}", ' for c in shape.columns)
    db.execute_sql(f'UPDATE "{shape.name}" AS m SET {sets}"version_id" = s."version_id", "rev" = s."rev", '
                   f'"modified_at" = s."modified_at" FROM {source} s{joins} WHERE m."uuid" = s."uuid"')
