"""Raw SQLite connections to Uppdrag files, with SQLite's defensive settings, and fsync.

Everything that reads a file before peewee may (the check in db.check), copies
it (db.backup) or migrates it (db.store) goes through `raw_connect`; peewee's
own connections get the same `harden` through db.store.HardenedSqliteDatabase.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from db.uri import file_uri

BUSY_TIMEOUT_S = 10
MAX_TEXT_BYTES = 64 * 1024 * 1024  # a crafted 1 GB cell is refused, not loaded


def harden(conn: sqlite3.Connection) -> None:
    """SQLite's defensive settings for files that may come from someone else."""
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_TRUSTED_SCHEMA, False)
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_TRIGGER, False)
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_VIEW, False)
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, False)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_TEXT_BYTES)


def raw_connect(path: Path, *, write: bool) -> sqlite3.Connection:
    """A connection outside peewee: autocommit, hardened, read-only unless `write`."""
    mode = "rw" if write else "ro"
    uri = file_uri(path, mode=mode)
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    harden(conn)
    conn.execute("PRAGMA mmap_size = 0")
    conn.execute("PRAGMA cell_size_check = ON")
    return conn


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; folders cannot be opened for fsync on Windows."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
