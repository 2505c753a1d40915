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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from peewee import SqliteDatabase

from db import models
from db.check import check_file
from db.connection import BUSY_TIMEOUT_S, fsync_dir, fsync_file, harden, raw_connect
from db.errors import FileRefused, ReadOnlyStore, StoreError
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
    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        harden(conn)
        super()._add_conn_hooks(conn)  # type: ignore[misc]  # peewee's hook, not in its stubs


@dataclass
class Store:
    """An open Uppdrag file. Models are bound to it while it is the active store."""

    path: Path
    db: SqliteDatabase
    read_only: bool
    recovered: bool = False
    migrated_from: int | None = None
    notices: list[str] = field(default_factory=list)  # what check_file did beside the file

    def activate(self) -> None:
        models.database.initialize(self.db)

    @contextmanager
    def write(self) -> Iterator[None]:
        """One committed transaction, begun with BEGIN IMMEDIATE."""
        if self.read_only:
            raise ReadOnlyStore(f"Filen ”{self.path.name}” är öppnad skrivskyddad.")
        with self.db.atomic():
            yield

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
            str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S, lock_type="IMMEDIATE"
        )
    db.connect()
    return db


def open_store(path: Path | str, *, read_only: bool = False, migrate_old: bool = True) -> Store:
    """Open an existing Uppdrag file after checking it; migrate older versions first."""
    path = Path(path)
    check = check_file(path, read_only=read_only)
    read_only = read_only or not check.writable
    migrated_from = None
    if check.version < SCHEMA_VERSION:
        if read_only or not migrate_old:
            raise FileRefused(
                f"Filen ”{path.name}” har en äldre schemaversion ({check.version}) och måste "
                "uppgraderas, men den är skrivskyddad. Kopiera den till en skrivbar mapp."
            )
        _migrate_file(path, check.version)
        migrated_from = check.version
    store = Store(path, _peewee_database(path, read_only), read_only, check.recovered, migrated_from,
                  check.notices)
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
        raise StoreError(f"Filen ”{path.name}” finns redan; välj ett annat namn.")
    if not path.parent.exists():
        raise StoreError(f"Mappen ”{path.parent}” finns inte.")
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
    found = [r[0] for r in store.db.execute_sql("PRAGMA integrity_check").fetchall()]
    problems = [] if found == ["ok"] else found
    fk = store.db.execute_sql("PRAGMA foreign_key_check").fetchall()
    problems += [f"felaktig referens i tabell {r[0]} (rad {r[1]})" for r in fk]
    return problems
