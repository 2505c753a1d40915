"""Temporary files beside a target (`.NAME.XXXXXXXX.tmp`), and the clean-up of those a stopped program left.

Every file the program writes is built beside its final name and renamed into
place. A program killed halfway leaves the temporary file (and perhaps its
-journal) behind; the next program that writes in that folder removes those
that have not been touched for STALE_AFTER, which a live writer never reaches
because it keeps writing to its file.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

STALE_AFTER_S = 10 * 60
SUFFIX = ".tmp"
_MAX_NAME_BYTES = 120  # the temporary name plus "-journal" stays far below the 255-byte limit
_TEMP_RE = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp(-journal)?$")


def short_name(name: str) -> str:
    """`name` cut to a length that leaves room for the suffixes added to it."""
    raw = name.encode("utf-8")
    if len(raw) <= _MAX_NAME_BYTES:
        return name
    return raw[:_MAX_NAME_BYTES].decode("utf-8", errors="ignore")


def temp_beside(target: Path) -> Path:
    """A new empty file `.NAME.XXXXXXXX.tmp` in the target's folder (OSError when the folder refuses)."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{short_name(target.name)}.", suffix=SUFFIX, dir=folder)
    os.close(fd)
    return Path(name)


def remove_stale_temps(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary files of stopped programs in `folder`; returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not _TEMP_RE.match(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > STALE_AFTER_S:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return removed
