"""Writing many rows at once, matched by uuid: the bulk path of an import.

Every changed row becomes a new version in the row history (db/history.py); new rows
start with a fresh version and no history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import repeat
from typing import Any

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField

from db import history, models, statements
from db.bulk import reserve_ids

def _executemany(sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    statements.executemany(models.database, sql, rows)


def _select_in(sql: str, values: list[Any], before: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return statements.select_in(models.database, sql, values, before)


def any_stored(model: type[models.UserRow], uuids: list[str]) -> bool:
    """Whether the store holds a row of `model` (alive or a tombstone) with one of `uuids`."""
    return statements.any_in(models.database, model._meta.table_name, "uuid", uuids)


def _as_column(field: Any) -> Any:
    """The function that turns a value into what peewee would store, and the types it leaves alone."""
    if isinstance(field, DateField):
        def to_text(value: Any) -> Any:  # what sqlite3's date adapter would store
            value = field.db_value(value)
            return value.isoformat() if isinstance(value, date) else value
        return to_text, {type(None), str}
    if isinstance(field, ForeignKeyField):
        field = field.rel_field
    if isinstance(field, IntegerField):
        return field.db_value, {type(None), int}
    if isinstance(field, CharField | TextField):
        return field.db_value, {type(None), str}
    return field.db_value, {type(None)}


def _all_kept(values: list[Any], kept: set[type]) -> bool:
    """Whether each of `values` is of a type in `kept` (so stored as it is). A column of text alone is
    told by joining it, quicker than asking each value's type (a str subclass, which joins too, is
    stored as it is: peewee's text fields keep any str)."""
    if str in kept:
        try:
            "".join(values)
        except TypeError:
            pass
        else:
            return True
    return set(map(type, values)) <= kept


def _top_run(ids: set[int]) -> tuple[int, int] | None:
    """The longest run lo, lo + 1, …, hi of `ids` that ends at the highest one (None if there are none)."""
    if not ids:
        return None
    lo, hi = min(ids), max(ids)
    if hi - lo == len(ids) - 1:  # all of them one run (as a plan's rows just inserted are)
        return lo, hi
    ordered = sorted(ids)
    k = len(ordered) - 1
    while k > 0 and ordered[k - 1] == ordered[k] - 1:
        k -= 1
    return ordered[k], ordered[-1]


class Upserter:
    """Writes rows matched by uuid: update if present (alive or not), insert otherwise.

    Set-based: per model, one look-up of the existing rows (uuid IN chunks), one
    executemany for the new rows and one for the changed ones. A new row gets
    created_at = modified_at = now and rev 1; an existing row is written only when a
    value differs (or it was a tombstone), and then gets modified_at = now, rev + 1.
    Rows are handled column by column: a 20,000-item timeline is a few lists, not
    20,000 dicts.
    """

    def __init__(self, now: str, new: frozenset[type[models.UserRow]] = frozenset()):
        """`new`: models whose rows given here the store is known not to hold (the caller has looked,
        inside the same transaction); they are inserted without looking them up again."""
        self.now, self.new = now, new

    def put(self, model: type[models.UserRow], uuid: str, columns: dict[str, Any]) -> int:
        return self.put_many(model, [(uuid, columns)])[uuid]

    def put_many(self, model: type[models.UserRow], rows: list[tuple[str, dict[str, Any]]],
                 self_refs: tuple[str, ...] = ()) -> dict[str, int]:
        """Write rows given as (uuid, {field name: value}); returns uuid → id.

        A field in `self_refs` holds the uuid (or None) of a row of the same model in
        `rows`; it is stored as that row's id.
        """
        if len({u for u, _ in rows}) < len(rows):  # a uuid twice: each row in turn, the last one wins
            if self_refs:
                raise ValueError("rows with references to each other must have different uuids")
            ids: dict[str, int] = {}
            for uuid, columns in rows:
                ids.update(self._put_group(model, [uuid], {k: [v] for k, v in columns.items()}, ()))
            return ids
        groups: dict[frozenset[str], list[tuple[str, dict[str, Any]]]] = {}
        for row in rows:
            groups.setdefault(frozenset(row[1]), []).append(row)
        if len(groups) > 1 and self_refs:
            raise ValueError("rows with references to each other must have the same fields")
        ids = {}
        for group in groups.values():
            names = list(group[0][1])
            ids.update(self._put_group(model, [u for u, _ in group],
                                       {n: [c[n] for _, c in group] for n in names}, self_refs))
        return ids

    def put_columns(self, model: type[models.UserRow], uuids: list[str], columns: dict[str, list[Any]],
                    self_refs: tuple[str, ...] = ()) -> dict[str, int]:
        """put_many for rows given column by column: {field name: one value a row, in the order of `uuids`}."""
        if len(set(uuids)) < len(uuids):
            return self.put_many(model, [(u, {k: col[i] for k, col in columns.items()}) for i, u in enumerate(uuids)],
                                 self_refs)
        return self._put_group(model, uuids, columns, self_refs)

    def _put_group(self, model: type[models.UserRow], uuids: list[str], columns: dict[str, list[Any]],
                   self_refs: tuple[str, ...]) -> dict[str, int]:
        meta = model._meta
        table, fields = meta.table_name, meta.fields
        names = [k for k in columns if k in fields and k != "uuid"]
        # The file's values as stored, one list a column (converted only where needed).
        cols: list[list[Any]] = []
        for name in names:
            col = columns[name]
            if name not in self_refs:
                convert, kept = _as_column(fields[name])
                if not _all_kept(col, kept):
                    col = [None if v is None else convert(v) for v in col]
            cols.append(col)
        refs = [names.index(r) for r in self_refs]

        # 1. The existing rows, alive or not, with the values the file may change.
        quoted = "".join(f', "{fields[n].column_name}"' for n in names)
        existing = {} if model in self.new else {r[0]: r[1:] for r in _select_in(
            f'SELECT "uuid", "id", "deleted_at"{quoted} FROM "{table}" WHERE "uuid" IN ({{}})', uuids)}
        ids = {u: found[0] for u, found in existing.items()}

        # 2. Ids for the new rows, as SQLite would give them (max + 1, in order; on a server a
        #    block no other client can take), so that references between rows resolve before
        #    anything is written.
        fresh = [i for i, u in enumerate(uuids) if u not in existing] if existing else range(len(uuids))
        if fresh:
            first = reserve_ids(models.database, table, len(fresh))
            if len(fresh) == len(uuids):  # all new: in the order given
                ids.update(zip(uuids, range(first, first + len(uuids))))
            else:
                ids.update((uuids[i], n) for n, i in enumerate(fresh, start=first))
        for r in refs:
            get = ids.get
            cols[r] = [get(v) if v else None for v in cols[r]]

        # 3. New rows in one executemany.
        if fresh:
            self._insert_new(model, names, cols, refs, uuids, fresh, ids)

        # 4. Rows whose values differ (or that were tombstones), in one executemany.
        if existing:
            values = zip(*cols) if cols else [()] * len(uuids)
            column_names = [fields[n].column_name for n in names]
            changed = {}
            for u, v in zip(uuids, values):
                found = existing.get(u)
                if found is not None and (found[1] is not None or found[2:] != v):
                    changed[found[0]] = {**dict(zip(column_names, v)), "deleted_at": None}
            self._write(model, changed)
        return ids

    def _insert_new(self, model: type[models.UserRow], names: list[str], cols: list[list[Any]], refs: list[int],
                    uuids: list[str], fresh: Sequence[int], ids: dict[str, int]) -> None:
        """Write the rows at `fresh` (positions in `uuids`) with the ids reserved for them; a reference to
        a row written after its own waits for an UPDATE once both are in."""
        meta = model._meta
        table, fields = meta.table_name, meta.fields
        rest = [f for f in meta.sorted_fields if f is not meta.primary_key and f.name not in names
                and f.name not in ("uuid", "created_at", "modified_at", "rev", "deleted_at", "version_id")]
        if any(callable(f.default) for f in rest):
            raise ValueError(f"{table}: every row needs its own default")
        tail = tuple(None if f.default is None else _as_column(f)[0](f.default) for f in rest)
        if len(fresh) == len(uuids):
            new_uuids, new_cols = uuids, list(cols)
        else:
            new_uuids, new_cols = [uuids[i] for i in fresh], [[col[i] for i in fresh] for col in cols]
        own = [ids[u] for u in new_uuids]
        later: list[list[tuple[int, int]]] = []  # new rows pointing at rows written after them
        for r in refs:
            targets, pending = [], []
            for target, row_id in zip(new_cols[r], own):
                if target is not None and target >= row_id:  # ids above top are new rows
                    pending.append((target, row_id))
                    target = None
                targets.append(target)
            new_cols[r] = targets
            later.append(pending)
        head = (self.now, self.now, 1, None)
        new_rows = zip(own, new_uuids, models.new_versions(len(own)), *map(repeat, head), *new_cols,
                       *map(repeat, tail))
        all_columns = ["id", "uuid", "version_id", "created_at", "modified_at", "rev", "deleted_at",
                       *(fields[n].column_name for n in names), *(f.column_name for f in rest)]
        _executemany(f'INSERT INTO "{table}" ({", ".join(f'"{c}"' for c in all_columns)}) '
                     f'VALUES ({", ".join("?" * len(all_columns))})', new_rows)
        for r, pending in zip(refs, later):
            _executemany(f'UPDATE "{table}" SET "{fields[names[r]].column_name}" = ? WHERE "id" = ?', pending)

    def _write(self, model: type[models.UserRow], changes: dict[int, dict[str, Any]], action: str = "import") -> None:
        """Each row's columns as a new version of it."""
        history.update_each(models.database, history.shape_of(model._meta.table_name), changes,
                            action=action, now=self.now)

    def bury_others(self, model: type[models.UserRow], column: str, owners: list[int], keep: Iterable[int]) -> None:
        """Tombstones for the live rows whose `column` is one of `owners` and whose id is not in `keep`."""
        keep = set(keep)
        # The rows just written are kept: a run of kept ids is left out in SQL rather than read back.
        lo, hi = _top_run(keep) or (0, -1)
        alive = _select_in(f'SELECT "id" FROM "{model._meta.table_name}" WHERE NOT ("id" BETWEEN ? AND ?) '
                           f'AND "deleted_at" IS NULL AND "{column}" IN ({{}})', owners, (lo, hi))
        self.bury(model, [i for (i,) in alive if i not in keep])

    def bury(self, model: type[models.UserRow], ids: Iterable[int]) -> None:
        self._write(model, {i: {"deleted_at": self.now} for i in ids}, "delete")

    def put_dependencies(self, wanted: dict[tuple[int, int], tuple[str, int, str]], successors: list[int]) -> None:
        """Make the live dependencies among `successors` exactly `wanted`: (predecessor, successor) id
        pairs with their (kind, lag, lag unit). New ones are inserted, buried ones restored, changed
        ones rewritten, others buried."""
        # Items just inserted (the timeline is `new`) have no dependencies yet.
        existing = {} if models.TimelineItem in self.new else {(p, s): (i, d, (k, lag, unit)) for i, p, s, d, k, lag, unit in _select_in(
            'SELECT "id", "predecessor_id", "successor_id", "deleted_at", "kind", "lag", "lag_unit" '
            'FROM "dependency" WHERE "successor_id" IN ({})', successors)}
        pairs = [pair for pair in wanted if pair not in existing] if existing else list(wanted)
        new = ((uuid, version, self.now, self.now, p, s, *wanted[p, s]) for uuid, version, (p, s)
               in zip(models.new_uuids(len(pairs)), models.new_versions(len(pairs)), pairs))
        _executemany('INSERT INTO "dependency" ("uuid", "version_id", "created_at", "modified_at", "rev", "deleted_at", '
                     '"predecessor_id", "successor_id", "kind", "lag", "lag_unit") '
                     'VALUES (?, ?, ?, ?, 1, NULL, ?, ?, ?, ?, ?)', new)
        changed: dict[int, dict[str, Any]] = {}
        for pair, (kind, lag, unit) in wanted.items():
            if pair in existing:
                row_id, deleted, was = existing[pair]
                columns: dict[str, Any] = {"deleted_at": None} if deleted is not None else {}
                if was != (kind, lag, unit):
                    columns.update(kind=kind, lag=lag, lag_unit=unit)
                if columns:
                    changed[row_id] = columns
        self._write(models.Dependency, changed)
        self.bury(models.Dependency,
                  [row_id for pair, (row_id, deleted, _was) in existing.items()
                   if pair not in wanted and deleted is None])
