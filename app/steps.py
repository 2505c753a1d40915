"""Whole-file steps that can be undone: a merge changes rows all over the file at once.

Undoing such a step must give back exactly the file as it was, history included, and
redoing it exactly the file after it. Both states are kept as snapshots (SQLite's backup
API) in the data folder while the step is on the undo stack; undo and redo copy the
snapshot back into the open file in one transaction. The undo stack guarantees that
every later step has been undone before this one is.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from app.workspace import Workspace
from db.backup import restore_into, snapshot
from db.paths import data_dir

T = TypeVar("T")


@dataclass
class FileStep(Generic[T]):
    before: Path
    after: Path
    result: T

    def undo(self, ws: Workspace) -> None:
        ws.store.require_writable()
        restore_into(ws.store.db.connection(), self.before)

    def redo(self, ws: Workspace) -> None:
        ws.store.require_writable()
        restore_into(ws.store.db.connection(), self.after)

    def discard(self) -> None:
        self.before.unlink(missing_ok=True)
        self.after.unlink(missing_ok=True)


KEEP_S = 24 * 3600  # snapshots of steps from an earlier session are no use after it


SNAPSHOT_NAMES = ("före", "efter")


def snapshots_of(ws: Workspace) -> list[Path]:
    """The snapshots kept for the undo steps of the file `ws` has open (in this or another session)."""
    folder = data_dir() / "ångra"
    if not folder.is_dir():
        return []
    return sorted(p for name in SNAPSHOT_NAMES for p in folder.glob(f"{ws.path.stem}.{name}.*.uppdrag"))


def _snapshot_path(ws: Workspace, name: str) -> Path:
    folder = data_dir() / "ångra"
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in folder.glob("*.uppdrag"):
        try:
            if now - old.stat().st_mtime > KEEP_S:
                old.unlink()
        except OSError:
            pass
    fd, path = tempfile.mkstemp(prefix=f"{ws.path.stem}.{name}.", suffix=".uppdrag", dir=folder)
    os.close(fd)
    return Path(path)


def run_step(ws: Workspace, action: Callable[[], T]) -> FileStep[T]:
    """Run `action` (one transaction on `ws`) between two snapshots of the file."""
    conn = ws.store.db.connection()
    before = snapshot(conn, _snapshot_path(ws, "före"))
    try:
        result = action()
    except BaseException:
        before.unlink(missing_ok=True)
        raise
    return FileStep(before, snapshot(conn, _snapshot_path(ws, "efter")), result)
