"""Statements written once for SQLite and PostgreSQL: `?` placeholders in the database's own
style, many rows inserted or updated at once (on PostgreSQL one statement over arrays), and
`IN (…)` over any number of values. db.history, db.merge, db.upsert and the readers that
work on both kinds of store build on these.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

JSON_VALUES = '(SELECT "value" FROM json_each(?))'  # the values of one JSON list, bound as one parameter (SQLite)
CHUNK = 2000  # values per IN (…): well below SQLite's (32,766) and PostgreSQL's (65,535) parameter limits


def database_of(db: Any) -> Any:
    """The database itself: `db`, or the one peewee's proxy (models.database) stands for."""
    return getattr(db, "obj", None) or db


def in_style(db: Any, text: str) -> str:
    """`text` with `?` placeholders in the database's own parameter style."""
    param = getattr(database_of(db), "param", "?")
    return text if param == "?" else text.replace("?", param)


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def executemany(db: Any, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    """`sql` for each of `rows`: a list (nothing happens if it is empty) or an iterator of rows
    made one at a time while the database writes (20,000 rows are never all in memory at once)."""
    if not isinstance(rows, list) or rows:
        with errors_of(db):
            db.cursor().executemany(in_style(db, sql), rows)


def on_postgres(db: Any) -> bool:
    return getattr(database_of(db), "param", "?") != "?"


def insert_rows(db: Any, table: str, names: Sequence[str], rows: Iterable[Sequence[Any]], tail: str = "",
                where: str = "") -> None:
    """INSERT each of `rows` (values for columns `names`) into `table`, `tail` (ON CONFLICT …) after.
    On PostgreSQL as one statement over arrays (`_unnest`), not one statement a row, with the
    rows `where` (a condition on the incoming row `v`) allows."""
    quoted = ", ".join(f'"{c}"' for c in names)
    if not on_postgres(db):
        executemany(db, f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(names))}) {tail}', rows)
        return
    source, arrays = _unnest(db, table, names, rows)
    if arrays:
        db.execute_sql(f'INSERT INTO "{table}" ({quoted}) SELECT {quoted} FROM {source} '
                       f'{"WHERE " + where if where else ""} {tail}', arrays)


def update_rows_by(db: Any, table: str, names: Sequence[str], key: str, rows: Iterable[Sequence[Any]]) -> None:
    """UPDATE `table` SET columns `names` WHERE `key` = …, for each of `rows` (the key's value last).
    On PostgreSQL as one statement over arrays (`_unnest`)."""
    if not on_postgres(db):
        sets = ", ".join(f'"{c}" = ?' for c in names)
        executemany(db, f'UPDATE "{table}" SET {sets} WHERE "{key}" = ?', rows)
        return
    source, arrays = _unnest(db, table, [*names, key], rows)
    if arrays:
        sets = ", ".join(f'"{c}" = v."{c}"' for c in names)
        db.execute_sql(f'UPDATE "{table}" t SET {sets} FROM {source} WHERE t."{key}" = v."{key}"', arrays)


def _unnest(db: Any, table: str, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> tuple[str, list[list[Any]]]:
    """`(SELECT … FROM unnest(%b::text[], …)) v` with each column cast to its type in `table`, and the
    rows as one text array a column ([] when there are no rows). Sending text and casting on the
    server spares the driver guessing an array's type from values that may all be NULL; sending the
    arrays in binary (`%b`) spares it quoting every element (ten times the time, for history records)."""
    columns: list[list[Any]] = [[] for _ in names]
    for row in rows:
        for column, value in zip(columns, row):
            column.append(_as_text(value))
    if not columns or not columns[0]:
        return "", []
    types = _column_types(db, table)
    arrays = ", ".join("%b::text[]" for _ in names)
    casts = ", ".join(f'u{n}::{types[c]} AS "{c}"' for n, c in enumerate(names))
    listed = ", ".join(f"u{n}" for n in range(len(names)))
    return f"(SELECT {casts} FROM unnest({arrays}) AS u({listed})) v", columns


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    iso = getattr(value, "isoformat", None)
    return iso() if iso is not None else str(value)


def per_connection(db: Any) -> dict[str, Any]:
    """What is read once per connection's database object and kept with it (a server's column types,
    whether its history table has row-level security)."""
    kept: dict[str, Any] = database_of(db).__dict__.setdefault("_uppdrag_kept", {})
    return kept


def _column_types(db: Any, table: str) -> dict[str, str]:
    """Column name -> its PostgreSQL type, read once per connection's database object: the first
    asked reads every table of the schema's at once (a sync writes most of them, each statement a
    round trip on a server that other work keeps busy), and a table not among them by itself."""
    known: dict[str, dict[str, str]] = per_connection(db).setdefault("column_types", {})
    if not known:
        for name, column, kind in db.execute_sql(
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                "JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = current_schema()::regnamespace "
                "AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped").fetchall():
            known.setdefault(name, {})[column] = kind
    if table not in known:
        known[table] = dict(db.execute_sql(
            "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped", (f'"{table}"',)).fetchall())
    return known[table]


def stage(db: Any, name: str, columns: Sequence[tuple[str, str]], rows: Iterable[Sequence[Any]]) -> str:
    """A temporary table `name` with `columns` ((name, PostgreSQL type); SQLite keeps any value)
    holding `rows`, for statements that then write from it in SQL; its name in SQL. On PostgreSQL
    the rows go by COPY (the driver writes them in C: no value is turned into text in Python, and
    the server reads them faster than arrays); on SQLite by executemany. The caller drops it with
    `unstage` when done; after an error it is left to the transaction's rollback (a statement in a
    failed transaction on PostgreSQL would only hide the error) and dropped by the next `stage`."""
    if not on_postgres(db):
        unstage(db, name)
        db.execute_sql(f'CREATE TEMP TABLE "{name}" ({", ".join(f'"{c}"' for c, _ in columns)})')
        executemany(db, f'INSERT INTO temp."{name}" VALUES ({", ".join("?" * len(columns))})', rows)
        return f'temp."{name}"'
    dropped = " ON COMMIT DROP" if db.in_transaction() else ""  # (outside one, each statement commits)
    with errors_of(db):  # (one round trip: two statements and no parameters go as one simple query)
        db.cursor().execute(f'DROP TABLE IF EXISTS pg_temp."{name}"; '
                            f'CREATE TEMP TABLE "{name}" ({", ".join(f'"{c}" {t}' for c, t in columns)}){dropped}')
    with errors_of(db), db.cursor().copy(f'COPY pg_temp."{name}" FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)
    return f'pg_temp."{name}"'


def copy_rows(db: Any, table: str, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """`rows` (values for columns `names`) straight into `table` by COPY (PostgreSQL only), in binary
    with each column's type in `table` given: the driver writes the rows in C and the server parses
    no text. For rows known not to be there yet (a COPY has no ON CONFLICT)."""
    types = _column_types(db, table)
    quoted = ", ".join(f'"{c}"' for c in names)
    with errors_of(db), db.cursor().copy(f'COPY "{table}" ({quoted}) FROM STDIN (FORMAT BINARY)') as copy:
        copy.set_types([types[c] for c in names])
        for row in rows:
            copy.write_row(row)


def unstage(db: Any, name: str) -> None:
    db.execute_sql(f'DROP TABLE IF EXISTS {"pg_temp" if on_postgres(db) else "temp"}."{name}"')


def column_types(db: Any, table: str) -> dict[str, str]:
    """Column name -> its type on PostgreSQL ("" for every column on SQLite, which keeps any value)."""
    if not on_postgres(db):
        from collections import defaultdict

        return defaultdict(str)
    return _column_types(db, table)


def errors_of(db: Any) -> Any:
    """peewee's translation of the driver's errors into its own (as execute_sql has it), for a
    cursor used directly; a raw sqlite3 connection keeps sqlite3's errors."""
    from contextlib import nullcontext

    from peewee import __exception_wrapper__ as peewee_errors  # type: ignore[attr-defined]  # not in the stubs

    return nullcontext() if hasattr(db, "conn") else peewee_errors


def any_in(db: Any, table: str, column: str, values: Sequence[Any]) -> bool:
    """Whether `table` has a row whose `column` (an indexed one) holds one of `values`.

    On SQLite each value is looked up in the column's index as it comes: `"column" IN (…)` would
    first sort the values into a table of their own, as much work again for 20,000 of them."""
    if on_postgres(db):
        return bool(select_in(db, f'SELECT 1 FROM "{table}" WHERE "{column}" IN ({{}}) LIMIT 1', values))
    for chunk in chunks(values):
        found = db.execute_sql(f'SELECT 1 FROM (VALUES {", ".join(["(?)"] * len(chunk))}) WHERE EXISTS '
                               f'(SELECT 1 FROM "{table}" WHERE "{column}" = "column1") LIMIT 1', tuple(chunk))
        if found.fetchone():
            return True
    return False


def select_in(db: Any, sql: str, values: Sequence[Any], before: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of `sql` (whose last condition is `IN ({})`) for every chunk of `values`.

    On PostgreSQL the values go as one array (`= ANY(…)`, `in_array`): one statement, and no query
    text with thousands of placeholders for the driver to split and the server to parse. No values
    ask nothing: no statement is sent."""
    if not values:
        return []
    if on_postgres(db):
        head, _, tail = sql.rpartition("IN ({})")
        array, param = in_array(values)
        return list(db.execute_sql(f"{in_style(db, head)}= ANY({array}){in_style(db, tail)}", (*before, param)).fetchall())
    out: list[tuple[Any, ...]] = []
    for chunk in chunks(values):
        out += db.execute_sql(in_style(db, sql.format(", ".join("?" * len(chunk)))), (*before, *chunk)).fetchall()
    return out


def in_array(values: Sequence[Any]) -> tuple[str, Any]:
    """(SQL, parameter) of `values` as one PostgreSQL array. Texts without a space, as uuids and
    version ids are, go as one text the server splits: the driver dumps a list element by element
    in Python (a microsecond each, and a sync sends tens of thousands). Other values go as the list."""
    try:
        joined = " ".join(values)
    except TypeError:  # (not all texts)
        return "%b", list(values)
    if joined and joined.count(" ") == len(values) - 1:  # ("" alone would split into no value)
        return "string_to_array(%s::text, ' ')", joined
    return "%b", list(values)


def text_pairs(db: Any, key: str, value: str, source: str) -> dict[str, str]:
    """`key` -> `value` for every row of `SELECT key, value source` (text columns), read as two texts
    where no key or value is NULL or holds a space (Uppdrag's uuids and version ids never do): the
    database joins the rows in one step, so the driver makes no tuple a row and, on SQLite, does not
    let go of Python's lock and wait for it again at every row, which the sync's threads all want
    (reading 20,000 versions then waits its turn thousands of times). Row by row otherwise.

    The two aggregates of one statement take the rows in the same order. A NULL is told by the
    counts and a space by the number of words, so no row is tested one by one in SQL."""
    joined = "string_agg" if on_postgres(db) else "group_concat"
    keys, values, rows, with_key, with_value = db.execute_sql(
        f"SELECT {joined}({key}, ' '), {joined}({value}, ' '), count(*), count({key}), count({value}) {source}"
    ).fetchone()
    if not rows:
        return {}
    if rows == with_key == with_value:
        words, others = keys.split(" "), values.split(" ")
        if len(words) == len(others) == rows:
            return dict(zip(words, others, strict=True))
    return dict(db.execute_sql(f"SELECT {key}, {value} {source}").fetchall())
