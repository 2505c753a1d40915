"""Consistent copies of a live file: backup API → temp file → fsync → rename.

Copying the raw bytes while another connection writes can give a torn copy;
SQLite's backup API copies a consistent snapshot. The copy is written beside
its final name and renamed into place, so a crash leaves the old target or a
complete new one, never half a file.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from db.errors import StoreError
from db.paths import backup_dir


def copy_database(source: Path, target: Path) -> Path:
    """Write a consistent copy of the SQLite file `source` to `target` (replacing it)."""
    from db.store import fsync_dir, harden

    target = Path(target)
    if target.resolve() == Path(source).resolve():
        raise StoreError("Kopian kan inte skrivas över originalfilen; välj ett annat namn.")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(f"file:{Path(source).resolve().as_posix()}?mode=ro", uri=True)
        harden(src)
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
            src.close()
        if ok != "ok":
            raise StoreError(f"Kopian av ”{Path(source).name}” blev inte hel ({ok}).")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise StoreError(f"Kopian kunde inte skrivas: {exc}.") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def backup_before_migration(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir() / f"{path.stem}.v{version}.{stamp}.fore-uppgradering{path.suffix or '.uppdrag'}"
    return copy_database(path, target)
