"""Reading and writing the two sides of a merge; what to take is decided in app/merge.py.

The other file is checked like any file from someone else (db.check.check_file); an older
version is migrated in a temporary copy first, never in place. Merging into a SQLite file, it is
attached read-only to this file's own connection (which has SQLite's defensive settings), and
the rows taken from it as they are, new rows and fast-forwards with their history, are copied
in SQL (`Copy`): they never pass through Python. Otherwise (a team server) it is read through
a raw read-only connection of its own and those rows are read as they are and written from a
staging table (`Take`); the two give the same file (tests/app/test_merge_copy_in_sql.py). Rows
are matched by uuid; what a merge reads of each side is a row's current version, its content and
its history (db/history.py). Writing happens in the caller's one transaction (db/merge_write.py).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from db import history, history_records, models, statements
from db.check import FileCheck
from db.history import Record, RowState, Shape
from db.history_records import RECORD_LIST
from db.settings import encoded


class RawDatabase:
    """A raw sqlite3 connection with the two calls the history readers use."""

    param = "?"

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute_sql(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def cursor(self) -> sqlite3.Cursor:
        return self.conn.cursor()

    def close(self) -> None:
        self.conn.close()


# A row `Side.compared` found: uuid, version there, version here (None: a new row), the parents of the
# version there, and whether the version here has parents.
Compared = tuple[str, str, str | None, str | None, str | None, bool]


class Side:
    """One file as the merge reads it: a database, or a SQLite file attached to one as `schema`."""

    def __init__(self, db: Any, name: str, schema: str | None = None):
        self.db = db
        self.name = name
        self.schema = schema

    def versions(self, shape: Shape) -> dict[str, str]:
        """Row uuid -> current version id, for every row of the table (tombstones too)."""
        return statements.text_pairs(self.db, '"uuid"', '"version_id"', f"FROM {history.table(shape.name, self.schema)}")

    def differences(self, mine: Side, shape: Shape) -> list[tuple[str, str, str | None]]:
        """The rows of this side whose current version `mine` does not have: (uuid, version here,
        version in `mine` or None when `mine` lacks the row)."""
        here, there = self.versions(shape), mine.versions(shape)
        return [(u, v, there.get(u)) for u, v in here.items() if there.get(u) != v]

    def compared(self, shape: Shape) -> list[Compared]:
        """The rows of this side, attached to the side a merge writes into (`main`, called `mine` here),
        that `mine` neither has in their current version nor has changed directly from it, in table
        order, with what the parents of the current versions say: (uuid, version here, version in
        `mine` or None, the two parents of the version here, whether the version in `mine` has
        parents). Compared in SQL row by row at the same id (a copy keeps its rows' ids); a row whose
        id holds another row in `mine` (or none) is then looked up by its uuid."""
        ours, theirs = history.table("row_version", "main"), history.table("row_version", self.schema)
        rows = self.db.execute_sql(
            f'SELECT t."uuid", t."version_id", m."version_id", tr."parent", tr."parent2", '
            'mr."parent" IS NOT NULL OR mr."parent2" IS NOT NULL, m."uuid" IS NOT t."uuid" '
            f'FROM {history.table(shape.name, self.schema)} t LEFT JOIN "main"."{shape.name}" m ON m."id" = t."id" '
            f'LEFT JOIN {theirs} tr ON tr."version" = t."version_id" AND tr."row_uuid" = t."uuid" '
            f'LEFT JOIN {ours} mr ON mr."version" = m."version_id" AND mr."row_uuid" = m."uuid" '
            # (the first condition, tested before the histories are looked up, passes only rows that differ)
            'WHERE (m."uuid" IS NOT t."uuid" OR m."version_id" IS NOT t."version_id") AND (m."uuid" IS NOT t."uuid" '
            'OR (mr."parent" IS NOT t."version_id" AND mr."parent2" IS NOT t."version_id")) ORDER BY t."id"').fetchall()
        found = {r[0]: r[1:] for r in statements.select_in(
            self.db, f'SELECT m."uuid", m."version_id", mr."parent", mr."parent2" FROM "main"."{shape.name}" m '
                     f'LEFT JOIN {ours} mr ON mr."version" = m."version_id" AND mr."row_uuid" = m."uuid" '
                     'WHERE m."uuid" IN ({})', [r[0] for r in rows if r[6]])}
        out: list[Compared] = []
        for u, v, mv, p1, p2, my_line, at_another_id in rows:
            if at_another_id:  # looked up by its uuid here
                mv, m1, m2 = found.get(u, (None, None, None))
                if v in (mv, m1, m2):
                    continue
                my_line = m1 is not None or m2 is not None
            out.append((u, v, mv, p1, p2, my_line))
        return out

    def states(self, shape: Shape, uuids: Sequence[str]) -> dict[str, RowState]:
        return {s.uuid: s for s in history.read_states(self.db, shape, uuids=uuids, schema=self.schema)}

    def records(self, uuids: Sequence[str], *, content: bool = True) -> dict[str, list[Record]]:
        """Row uuid -> its version records; without `content`, only their links (no `data`)."""
        return history.read_records(self.db, uuids, content=content, schema=self.schema)

    def record_contents(self, uuids: Sequence[str]) -> dict[str, bool]:
        """Version -> whether its record here keeps the row's content, for every record of these rows."""
        rows = history.record_columns(self.db, ['r."version"', 'r."data" IS NOT NULL'], uuids, self.schema)
        return {v: bool(kept) for v, kept in rows}

    def records_lacking(self, uuids: Sequence[str], known: Mapping[str, bool]) -> dict[str, list[Record]]:
        """`records(uuids)` less the ones a side holding the records `known` (`record_contents`) would
        gain nothing from: those it has with their content, and those it has without when there is
        none here either. Written there (db.history.write_records only adds a record, or the content
        it lacked) they leave the same history as all of them would, and a row's older history, which
        both sides have after a first sync, is neither read nor sent again."""
        if not known or not uuids or _is_sqlite(self.db):
            return {u: kept for u, recs in self.records(uuids).items() if (kept := history_records.lacking(recs, known))}
        # The versions known are looked up in a hash of each list (NOT IN over a subquery the planner
        # hashes), not compared one by one with every record (`<> ALL`: thousands times thousands).
        with_content = [v for v, full in known.items() if full] or [""]
        without = [v for v, full in known.items() if not full] or [""]
        (rows, full, bare), params = zip(*map(statements.in_array, (uuids, with_content, without)), strict=True)
        out: dict[str, list[Record]] = {}
        for row in self.db.execute_sql(
                f'SELECT {RECORD_LIST} FROM "row_version" WHERE "row_uuid" = ANY({rows}) '
                f'AND "version" NOT IN (SELECT unnest({full})) '
                f'AND ("data" IS NOT NULL OR "version" NOT IN (SELECT unnest({bare})))', params).fetchall():
            rec = Record._make(row)
            out.setdefault(rec.row_uuid, []).append(rec)
        return out

    def heads(self, pairs: Sequence[tuple[str, str, str]]) -> dict[str, tuple[str | None, str | None]]:
        """Row uuid -> the parents of its version here, for the rows among `pairs` (uuid, version here,
        another version) whose version has a record here: each version's own record only. (Asked of
        the side a merge writes into, never a file attached to another: its own tables are read.)"""
        found = {(u, v): (p1, p2) for v, u, p1, p2 in statements.select_in(
            self.db, 'SELECT "version", "row_uuid", "parent", "parent2" FROM "row_version" WHERE "version" IN ({})',
            [v for _, v, _ in pairs])}
        return {u: found[(u, v)] for u, v, _ in pairs if (u, v) in found}

    def descended(self, pairs: Sequence[tuple[str, str, str]],
                  heads: Mapping[str, tuple[str | None, str | None]] | None = None, *,
                  read: dict[str, list[Record]] | None = None) -> set[str]:
        """The rows among `pairs` (uuid, version here, another version) whose version here is the other
        one or descends from it, by this side's history. Each version's own record is read first (its
        parents are most often the answer; `heads`, when they were read already); a row's whole
        history only where they are not. With `read`, those histories are read with their content and
        kept there: the rows left are mostly rows both sides changed, whose records a merge reads next."""
        if heads is None:
            heads = self.heads(pairs)
        out, longer = set(), []
        for u, v, a in pairs:
            parents = heads.get(u)
            if v == a or (parents is not None and a in parents):
                out.add(u)
            elif parents is not None:  # not a parent: the rest of the line tells
                longer.append((u, v, a))
        links = self.records([u for u, _, _ in longer], content=read is not None)
        if read is not None:
            read.update(links)
        return out | {u for u, v, a in longer if history.descends(v, a, links[u])}  # (each has its version's record)

    def copies_into(self, other: Side) -> bool:
        """Whether rows can go from this side into `other` in SQL, never passing through Python:
        this side is a SQLite file attached to the connection of `other`."""
        return self.schema is not None and self.db is other.db

    def settings(self, keys: Sequence[str]) -> dict[str, Any]:
        """The file's settings of `keys` that it has, their stored JSON read (an unreadable one left out)."""
        out: dict[str, Any] = {}
        for key, value in statements.select_in(
                self.db, f'SELECT "key", "value" FROM {history.table("setting", self.schema)} WHERE "key" IN ({{}})',
                list(keys)):
            try:
                out[key] = json.loads(value)
            except ValueError:
                continue
        return out


class SteadySide(Side):
    """A side whose versions are read once a table, however many merges ask, and kept as first read:
    a file under its lock, a server in a sync's snapshot, each as it was before the sync wrote there."""

    def __init__(self, db: Any, name: str):
        super().__init__(db, name)
        self._versions: dict[str, dict[str, str]] = {}

    def versions(self, shape: Shape) -> dict[str, str]:
        if shape.name not in self._versions:
            self._versions[shape.name] = super().versions(shape)
        return self._versions[shape.name]

    def through(self, db: Any) -> SteadySide:
        """This side read through another connection to the same data (db.server's reader
        alongside), knowing the versions read here so far."""
        other = SteadySide(db, self.name)
        other._versions = dict(self._versions)
        return other


CACHE_KIB = 64 * 1024  # SQLite's page cache while a merge runs: a large file's pages read once, not again and again


@contextmanager
def roomy_cache(db: Any) -> Iterator[None]:
    """A page cache large enough for most of a file while a merge reads and writes it (SQLite only):
    a merge visits rows all over the file, and a page evicted and read again costs a system call."""
    if not _is_sqlite(db):
        yield
        return
    (before,) = db.execute_sql("PRAGMA cache_size").fetchone()
    db.execute_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA cache_size = {int(before)}")


def reading_side(path: Path, name: str) -> Side:
    """The file at `path` as a merge side read through a connection of its own, read-only and in
    autocommit (each read sees what is committed): a second reader beside the connection a merge
    writes it through, in another thread, before that one writes. Close it with `side.db.close()`
    in the thread that made it."""
    from db.connection import raw_connect

    conn = raw_connect(path, write=False)
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return Side(RawDatabase(conn), name)


class EarlyCheck:
    """The check of the other file (`check_file`, as `_readable` makes it), begun in a thread of its
    own while this file opens: SQLite reads both files at once. `result` waits for it."""

    def __init__(self, path: Path):
        from db.check import check_file

        self.path = path
        self._outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                self._outcome["check"] = check_file(path, allow_recovery=False)
            except Exception as exc:  # noqa: BLE001 - raised where the result is asked for
                self._outcome["error"] = exc

        self._thread = threading.Thread(target=run, name="uppdrag-merge-check")  # always joined
        self._thread.start()

    def result(self) -> FileCheck:
        """The check's outcome (FileRefused and the like raised here, in the caller's thread)."""
        self._thread.join()
        if "error" in self._outcome:
            raise self._outcome["error"]
        return self._outcome["check"]  # type: ignore[no-any-return]

    def join(self) -> None:
        self._thread.join()


@contextmanager
def _readable(path: Path, early: EarlyCheck | None = None) -> Iterator[Path]:
    """`path` checked like any file from someone else (by `early`, when it was begun already); the
    file to read: itself, or a temporary copy migrated to this version's schema when it is older
    (never migrated in place)."""
    from db.identity import SCHEMA_VERSION
    from db.check import check_file

    check = early.result() if early is not None and early.path == path else check_file(path, allow_recovery=False)
    if check.version == SCHEMA_VERSION:
        yield path
        return
    from db.backup import copy_database
    from db.store import open_store

    with tempfile.TemporaryDirectory(prefix="uppdrag-merge-") as tmp:
        copy = Path(tmp) / path.name
        copy_database(path, copy)
        open_store(copy).close()
        yield copy


@contextmanager
def other_side(path: Path, early: EarlyCheck | None = None) -> Iterator[Side]:
    """The other file, checked and opened read-only on a connection of its own."""
    with _readable(path, early) as readable:
        side = reading_side(readable, path.name)
        try:
            yield side
        finally:
            side.db.close()


ATTACHED = "theirs"


def _is_sqlite(db: Any) -> bool:
    return isinstance(statements.database_of(db), SqliteDatabase | RawDatabase)


@contextmanager
def attached_side(db: Any, path: Path, early: EarlyCheck | None = None) -> Iterator[Side]:
    """The other file, checked, attached read-only to the connection of `db` (a SQLite file, outside
    any transaction) as the schema `theirs` while the block runs; rows it gives as they are can
    then be copied in SQL (`Copy`). The connection's defensive settings hold for it too."""
    from db.uri import file_uri

    with _readable(path, early) as readable:
        db.execute_sql(f'ATTACH DATABASE ? AS "{ATTACHED}"', (file_uri(readable, mode="ro"),))
        try:
            db.execute_sql(f'PRAGMA "{ATTACHED}".cache_size = -{CACHE_KIB}')
            yield Side(db, path.name, schema=ATTACHED)
        finally:
            db.execute_sql(f'DETACH DATABASE "{ATTACHED}"')


def add_log_entries(db: Any, entries: list[tuple[str, str, str]]) -> list[RowState]:
    """Lines in plans' logs: (plan uuid, text, status), kind "merge", dated today, after each plan's last line.
    The plans and their logs' ends are looked up once for all of them (a sync may log hundreds).
    Returns the lines written as db.history reads rows (their plan as its uuid, every column's value
    given): what another copy takes to hold the same lines (app/sync_exchange.py)."""
    from datetime import date

    plan_ids = dict(statements.select_in(db, 'SELECT "uuid", "id" FROM "plan" WHERE "uuid" IN ({})',
                                         sorted({u for u, _, _ in entries})))
    following: dict[int, int] = {i: 0 for i in plan_ids.values()}  # plan id -> position of its next line
    following.update(statements.select_in(
        db, 'SELECT "plan_id", max("position") + 1 FROM "log_entry" WHERE "plan_id" IN ({}) GROUP BY "plan_id"',
        list(following)))
    shape = history.shape_of("log_entry")
    empty = history.defaults(shape)  # (in the order of shape.columns)
    plan_column = shape.columns.index("plan_id")
    lines, rows = [], []
    now, today = models.utc_now(), date.today().isoformat()
    kept = [(plan_ids[u], u, text, status) for u, text, status in entries if u in plan_ids]  # (the file may lack one)
    for (plan, plan_uuid, text, status), uuid, version in zip(kept, models.new_uuids(len(kept)),
                                                              models.new_versions(len(kept)), strict=True):
        values = {**empty, "plan_id": plan_uuid, "position": following[plan], "entry_date": today, "kind": "merge",
                  "text": text, "decided_by": "", "status": status}
        lines.append(RowState(0, uuid, version, 1, now, now, values))
        row = [uuid, version, now, now, 1, *values.values()]
        row[5 + plan_column] = plan
        rows.append(row)
        following[plan] += 1
    statements.insert_rows(db, "log_entry", ("uuid", "version_id", "created_at", "modified_at", "rev", *shape.columns),
                           rows)
    return lines


def put_settings(db: Any, values: Mapping[str, Any]) -> None:
    """Write file settings (a merge's: the other file's closed days, models, choices it took)."""
    statements.insert_rows(db, "setting", ("key", "value"),
                           [(key, encoded(value)) for key, value in values.items()],
                           'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"')
