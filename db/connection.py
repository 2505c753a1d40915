"""Raw SQLite connections to Uppdrag files, with SQLite's defensive settings, and fsync.

Everything that reads a file before peewee may (the check in db.check), copies
it (db.backup) or migrates it (db.store) goes through `raw_connect`; peewee's
own connections get the same `harden` through db.store.HardenedSqliteDatabase.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
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


def check_lines(conn: sqlite3.Connection, pragma: str = "quick_check") -> list[str]:
    """What `PRAGMA quick_check` or `integrity_check` says on `conn`: ["ok"], or a line a problem.

    A damaged file may make these lines invalid UTF-8 (they quote names from its own schema), and
    sqlite3 would raise on them instead of returning them: they are read with replacement
    characters, so the damage is reported as damage, in words a person can read.
    """
    if pragma not in ("quick_check", "integrity_check"):
        raise ValueError(pragma)
    with lenient_text(conn):
        return [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}").fetchall()] or ["ok"]


@contextmanager
def lenient_text(conn: sqlite3.Connection) -> Iterator[None]:
    """Text read on `conn` meanwhile has invalid UTF-8 replaced (U+FFFD) instead of raising: for
    what a damaged or foreign file says of itself (its checks, its schema's names)."""
    factory = conn.text_factory
    conn.text_factory = _replacing
    try:
        yield
    finally:
        conn.text_factory = factory


def _replacing(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


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
