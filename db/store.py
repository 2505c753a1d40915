"""Opening and creating Uppdrag database files.

A file is opened in two steps. First a raw read-only connection with SQLite's
defensive settings checks identity, version, integrity and the schema
allow-list (db.check); nothing in that step can write to the file. Only a file
that passes is handed to peewee, whose connect-time pragmas would otherwise write
to a file that is not ours.

Durability: `journal_mode=DELETE` with `synchronous=FULL`. Every commit is
fsynced before it returns, and after a commit the file stands alone (no -wal
or -shm beside it), which is what a file that is mailed, copied to a USB
stick or kept on a network share needs. WAL is faster but relies on shared
memory that does not work over network file systems. Every write starts with
BEGIN IMMEDIATE so that two programs on one file wait for each other instead
of failing halfway through a read-then-write.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError, OperationalError, SqliteDatabase

from db import models
from db.check import check_file, start_integrity_check
from db.connection import BUSY_TIMEOUT_S, fsync_dir, fsync_file, harden, raw_connect
from db.errors import FileRefused, ReadOnlyStore, StoreError, database_error_text
from db.i18n import tr
from db.history import default_author
from db.identity import APPLICATION_ID, SCHEMA_VERSION
from db.migrations import migrate
from db.tempfiles import remove_stale_temps, temp_beside
from db.uri import file_uri

PRAGMAS = (
    ("journal_mode", "delete"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("trusted_schema", 0),
    ("cell_size_check", 1),
    ("mmap_size", 0),
)


class HardenedSqliteDatabase(SqliteDatabase):
    author: str  # who the row history records (db/history.py)

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        harden(conn)
        super()._add_conn_hooks(conn)  # type: ignore[misc]  # peewee's hook, not in its stubs


@dataclass
class Store:
    """An open Uppdrag file. Models are bound to it while it is the active store.

    `PRAGMA integrity_check` (which, unlike quick_check, compares every index
    with its table) runs on its own connection in a thread from the moment the
    file is opened, so opening is not slowed by it; the first write waits for
    its verdict, and a damaged file is never written: it becomes read-only.
    """

    path: Path
    db: SqliteDatabase
    read_only: bool
    recovered: bool = False
    migrated_from: int | None = None
    notices: list[str] = field(default_factory=list)  # what check_file did beside the file
    integrity: Callable[[], list[str]] | None = None  # waits for the integrity check's problems
    _problems: list[str] | None = None

    def activate(self) -> None:
        models.database.initialize(self.db)

    def begin_integrity_check(self, *, soon: bool = False) -> None:
        """Start `PRAGMA integrity_check` in its thread unless it has started. The window starts it
        once it is on screen (reading the whole file beside the first paint would slow that); the
        first write starts it at the latest, and waits for its verdict. A caller that will wait for
        it (a merge, reading meanwhile) asks for it `soon`: at the thread's normal priority."""
        if self.integrity is None and self._problems is None:
            self.integrity = start_integrity_check(self.path, background=not soon)

    def integrity_problems(self) -> list[str]:
        """What `PRAGMA integrity_check` found ([] when the file is sound); waits for the check."""
        if self._problems is None:
            self.begin_integrity_check()
            assert self.integrity is not None
            try:
                self._problems = [p for p in self.integrity() if p != "ok"]
            except sqlite3.Error as exc:
                self._problems = [str(exc)]
            if self._problems:
                self.read_only = True
        return self._problems

    @property
    def found_damaged(self) -> bool:
        """Whether the integrity check has found damage (False while it runs: nothing waits here)."""
        return bool(self._problems)

    def damage_message(self) -> str | None:
        """In Swedish: the file is damaged, opened read-only, and the latest good backup; None when sound."""
        problems = self.integrity_problems()
        if not problems:
            return None
        from db.backup import damaged_file_message

        return damaged_file_message(self.path, problems)

    def require_writable(self) -> None:
        """Raise ReadOnlyStore unless the file may be written: opened writable and found sound
        (the first time, this waits for the integrity check's verdict)."""
        if not self.read_only and self._problems is None:
            self.integrity_problems()
        if self.read_only:
            raise ReadOnlyStore(self.damage_message() if self._problems
                                else tr("Filen ”{name}” är öppnad skrivskyddad.", name=self.path.name))

    @contextmanager
    def write(self, *, reads_first: bool = False) -> Iterator[None]:
        """One committed transaction, begun with BEGIN IMMEDIATE.

        With `reads_first` the transaction may begin while the integrity check still runs: the
        caller reads (a merge, for a while) and calls `require_writable()` before its first write,
        so the check and the reading overlap and a damaged file is still never written.
        """
        if self.read_only or not reads_first:
            self.require_writable()
        try:
            with self.damage_told() if reads_first else nullcontext(), self.db.atomic():
                yield
        except (sqlite3.DatabaseError, DatabaseError) as exc:
            if not isinstance(exc, sqlite3.OperationalError | OperationalError):
                raise
            # On a full disk SQLite has rolled back already and peewee's own rollback then fails
            # with "cannot rollback - no transaction is active", which would hide the real error.
            raise StoreError(database_error_text(exc) or str(exc)) from exc

    @contextmanager
    def damage_told(self) -> Iterator[None]:
        """Around reads made before the integrity check's verdict (`write`'s `reads_first`): a damaged
        file met while reading is said to be damaged, with its latest good backup (ReadOnlyStore)."""
        try:
            yield
        except (sqlite3.DatabaseError, DatabaseError):
            self.require_writable()
            raise

    def prune_history_if_due(self) -> bool:
        """The row history forgets what no copy can need any more (db.history_prune.prune), when it has
        something to forget (`prune_due`); True if it did. Like every write, only into a file found
        sound: this waits for the integrity check's verdict then (at most about once a day, once
        the history is a year old), and a damaged file is left as it is."""
        from db import history_prune

        if self.read_only or not history_prune.prune_due(self.db):
            return False
        self.begin_integrity_check(soon=True)  # (waited for now: at the thread's normal priority)
        if self.integrity_problems():
            return False
        with self.write():
            history_prune.prune(self.db)
        return True

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def _peewee_database(path: Path, read_only: bool) -> SqliteDatabase:
    if read_only:
        uri = file_uri(path)
        db = HardenedSqliteDatabase(
            uri, uri=True, pragmas=(("foreign_keys", 1), ("trusted_schema", 0), ("mmap_size", 0)),
            timeout=BUSY_TIMEOUT_S,
        )
    else:
        db = HardenedSqliteDatabase(
            # a sync writes the file's transaction from a thread of its own (app/sync_exchange.py); peewee
            # still gives every other thread a connection of its own
            str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S, lock_type="IMMEDIATE", check_same_thread=False
        )
    db.author = default_author()  # who the row history records (db/history.py)
    db.connect()
    return db


def open_store(path: Path | str, *, read_only: bool = False, migrate_old: bool = True,
               verdict_later: bool = False) -> Store:
    """Open an existing Uppdrag file after checking it; migrate older versions first. With
    `verdict_later` the integrity check is begun and not waited for (db.check.check_file): for a
    caller that reads first, in `write(reads_first=True)`."""
    path = Path(path)
    check = check_file(path, read_only=read_only, verdict_later=verdict_later)
    read_only = read_only or not check.writable
    migrated_from = None
    if check.version < SCHEMA_VERSION:
        if read_only or not migrate_old:
            raise FileRefused(tr(
                "Filen ”{name}” har en äldre schemaversion ({version}) och måste "
                "uppgraderas, men den är skrivskyddad. Kopiera den till en skrivbar mapp.",
                name=path.name, version=check.version))
        problems = [p for p in (check.integrity or start_integrity_check(path))() if p != "ok"]
        check.integrity = None  # (the upgrade changes the file: its own check follows)
        if problems:  # an upgrade writes: never into a damaged file
            from db.backup import damaged_file_message

            raise FileRefused(damaged_file_message(path, problems, opened=False))
        _migrate_file(path, check.version)
        migrated_from = check.version
    store = Store(path, _peewee_database(path, read_only), read_only, check.recovered, migrated_from,
                  check.notices, check.integrity)
    store.activate()
    return store


def _migrate_file(path: Path, version: int) -> None:
    from db.backup import backup_before_migration

    backup_before_migration(path, version)
    conn = raw_connect(path, write=True)
    try:
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, version, SCHEMA_VERSION)
    finally:
        conn.close()


def create_store(path: Path | str) -> Store:
    """Make a new, empty Uppdrag file at `path`; never touch a file that exists.

    The file is built beside its final name and renamed into place, so a crash
    leaves either no file or a complete one.
    """
    path = Path(path)
    if path.exists():
        raise StoreError(tr("Filen ”{name}” finns redan; välj ett annat namn.", name=path.name))
    if not path.parent.exists():
        raise StoreError(tr("Mappen ”{parent}” finns inte.", parent=path.parent))
    remove_stale_temps(path.parent)
    tmp = temp_beside(path)
    tmp.unlink()
    try:
        db = HardenedSqliteDatabase(str(tmp), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S)
        db.connect()
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        with db.bind_ctx(models.MODELS), db.atomic():
            db.create_tables(models.MODELS)
            models.Setting.create(key="file_uuid", value=f'"{models.new_uuid()}"')
        db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.close()
        fsync_file(tmp)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return open_store(path)


def integrity_report(store: Store) -> list[str]:
    """Problems `PRAGMA integrity_check` and `foreign_key_check` find; [] when the file is sound."""
    problems = list(store.integrity_problems())
    fk = store.db.execute_sql("PRAGMA foreign_key_check").fetchall()
    problems += [tr("felaktig referens i tabell {table} (rad {row})", table=r[0], row=r[1]) for r in fk]
    return problems
