"""The sidecar lock (db.lock) in a person's words: who holds a file, why it is read-only, why a writer
may not start; and the lock held around a writer that opens no Workspace."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.i18n import tr
from db.errors import StoreError
from db.lock import STALE_AFTER, FileLock, LockHeld, LockInfo, lock_path


class FileInUse(StoreError):
    """Someone else is editing the file; `.holder` says who, so the GUI can offer read-only."""

    def __init__(self, path: Path, holder: LockInfo):
        super().__init__(
            tr("Filen ”{name}” redigeras redan av {holder}. Du kan öppna den skrivskyddad.",
               name=Path(path).name, holder=holder.describe())
            + (" " + tr("Låset verkar övergivet och kan tas bort.") if holder.is_stale() else "")
        )
        self.path = Path(path)
        self.holder = holder


def read_only_reason(path: Path | str, holder: LockInfo | None = None) -> str | None:
    """Why the file cannot be edited, in Swedish; None when it can."""
    p = Path(path)
    if holder is not None:
        return tr("Filen redigeras av {holder}; den är öppnad skrivskyddad.", holder=holder.describe())
    if p.exists() and not os.access(p, os.W_OK):
        return tr("Filen är skrivskyddad. Spara en kopia för att kunna ändra.")
    if not os.access(p.parent, os.W_OK):
        return tr("Mappen ”{folder}” är skrivskyddad, så ändringar kan inte sparas säkert där. "
                  "Spara en kopia i en skrivbar mapp för att kunna ändra.", folder=p.parent)
    return None


def refusal_text(path: Path | str, holder: LockInfo, *, asked_to_break: bool = False) -> str:
    """Why a writer may not start, in Swedish: the lock file, the holder, since when, and the way out."""
    p = Path(path)
    text = tr("Filen ”{name}” är låst av {user} på {machine} sedan {since} (låsfilen ”{lock}”).", name=p.name,
              user=holder.user, machine=holder.machine, since=holder.since_local, lock=lock_path(p))
    if holder.is_stale():
        minutes = int(STALE_AFTER.total_seconds() // 60)
        return text + " " + tr("Låset verkar övergivet: programmet som tog det körs inte längre eller har inte "
                               "hörts av på {minutes} minuter. Kör kommandot igen med --bryt-las för att ta bort "
                               "låset.", minutes=minutes)
    if asked_to_break:
        return text + " " + tr("Låset tas inte bort, eftersom programmet som har det fortfarande är igång.")
    return text + " " + tr("Vänta tills filen har stängts och försök igen.")


@contextmanager
def writing_lock(path: Path | str, *, break_stale: bool = False) -> Iterator[FileLock | None]:
    """The sidecar lock around a writer that does not open a Workspace (restore, copy over a file).

    Raises StoreError naming the holder when someone else has it. A folder that
    refuses the lock file gives None: SQLite's own locks still keep writers apart.
    """
    taken = FileLock(path)
    lock: FileLock | None = taken
    try:
        taken.acquire(break_stale=break_stale)
    except LockHeld as held:
        raise StoreError(refusal_text(path, held.holder, asked_to_break=break_stale)) from None
    except OSError:
        lock = None
    try:
        yield lock
    finally:
        if lock is not None:
            lock.release()
