"""Sharing a database file: locks, read-only reasons, network folders, copies and sent plans.

The GUI calls these; none of it imports Qt.

- `open_for_editing(path)` takes the sidecar lock (db.lock) and opens the file;
  when someone else holds it, it raises `FileInUse` with the holder, or, with
  `on_locked="read_only"`, opens read-only and returns the holder.
- `open_for_writing(path)`, `writing_lock(path)`: every writing command (import,
  merge, restore, copy over a file) runs under the same lock; a refusal names
  the lock file, the holder and since when, and a stale lock is broken only
  when asked (`--bryt-las`, or the GUI's question).
- `save_copy_as`, `send_plan`: consistent copies and one plan in a new file.

What a lock means in words (`FileInUse`, `read_only_reason`, `refusal_text`) is app.file_locks';
which files lie on a share (`is_network_path`) is app.network_paths'; the command line's
sharing commands are app.sharing_commands.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The GUI's names for a shared file, handed on from where they live.
from app.file_locks import FileInUse as FileInUse
from app.file_locks import read_only_reason as read_only_reason
from app.file_locks import refusal_text as refusal_text
from app.file_locks import writing_lock as writing_lock
from app.i18n import tr
from app.network_paths import is_network_path as is_network_path
from db.errors import StoreError
from db.lock import HEARTBEAT_EVERY_S as HEARTBEAT_EVERY_S  # the window's beat, handed on
from db.lock import FileLock, LockHeld
from db.lock import LockInfo as LockInfo  # the locked-file dialog's holder and lock file, handed on
from db.lock import lock_path as lock_path

if TYPE_CHECKING:
    from app.workspace import Workspace
    from app.merge import Conflict as Conflict  # the conflict dialog's rows, handed on
    from app.merge import MergeReport, Resolver


def open_for_editing(path: Path | str, *, on_locked: str = "raise", break_stale: bool = False,
                     read_only: bool = False, verdict_later: bool = False) -> tuple[Workspace, LockInfo | None]:
    """Open `path` for editing under the sidecar lock (`verdict_later`: see db.store.open_store).

    Returns (workspace, holder): holder is None when we hold the lock, or the
    other holder when the file was opened read-only because of it
    (`on_locked="read_only"`). With `on_locked="raise"` a held lock raises
    FileInUse. `ws.sharing` (a SharingState) carries the lock and the reason a
    file is read-only; close with `close_shared(ws)`.
    """
    from db.server_connection import is_server_url

    if is_server_url(path):  # a team server has no sidecar lock: the server checks every write
        from app.team import open_team

        return open_team(str(path), read_only=read_only), None
    p = Path(path)
    network = is_network_path(p)
    if network:  # never SQLite on the share itself: a local working copy, written back
        from app.network_open import open_network

        return open_network(p, read_only=read_only, on_locked=on_locked, break_stale=break_stale)
    holder: LockInfo | None = None
    lock: FileLock | None = None
    reason = read_only_reason(p) if p.exists() else None
    if not read_only and reason is None:
        lock = FileLock(p)
        try:
            lock.acquire(break_stale=break_stale)
        except LockHeld as held:
            if on_locked != "read_only":
                raise FileInUse(p, held.holder) from None
            holder, lock, read_only = held.holder, None, True
            reason = read_only_reason(p, holder)
        except OSError:
            lock = None  # the folder refused the lock file: carry on, SQLite still locks
    from app.workspace import SharingState, Workspace

    try:
        ws = Workspace.open(p, read_only=read_only or reason is not None, verdict_later=verdict_later)
    except BaseException:
        if lock:
            lock.release()
        raise
    if not ws.read_only:
        ws.store.prune_history_if_due()  # (which may find the file damaged: then it is read-only)
    if ws.read_only and reason is None:
        reason = ws.store.damage_message() if ws.store.found_damaged else tr("Filen är öppnad skrivskyddad.")
    ws.sharing = SharingState(lock, holder, network, reason)
    return ws, holder


def close_shared(ws: Workspace) -> Any:
    """Close a file opened with open_for_editing; for a network file, returns its final SyncStatus."""
    state = ws.sharing
    if state is not None and state.netfile is not None:
        return state.netfile.close(ws)
    try:
        ws.close()
    finally:
        if state and state.lock:
            state.lock.release()


def open_for_writing(path: Path | str, *, break_stale: bool = False, reads_first: bool = False) -> Workspace:
    """The command line's writers: the file opened under the lock, or a Swedish refusal naming the lock.

    With `reads_first` the integrity check, begun as the file is opened (in place of the quick check
    an opening waits for), runs on while the caller reads (a sync, from the server too), and the
    caller calls `ws.store.require_writable()` before anything it read goes anywhere.
    Close with `close_shared(ws)`.
    """
    try:
        ws, _ = open_for_editing(path, break_stale=break_stale, verdict_later=reads_first)
    except FileInUse as busy:
        raise StoreError(refusal_text(path, busy.holder, asked_to_break=break_stale)) from None
    if reads_first and not ws.read_only:
        ws.store.begin_integrity_check(soon=True)  # (the caller waits for it before its first write)
        return ws
    reason = (ws.sharing.read_only_reason if ws.sharing else None) if ws.read_only else ws.store.damage_message()
    if ws.read_only or reason:
        close_shared(ws)
        raise StoreError(reason or tr("Filen ”{name}” är skrivskyddad.", name=Path(path).name))
    return ws


def restore_under_lock(backup: Path | str, target: Path | str, *,
                       break_stale: bool = False) -> tuple[Path, Path | None]:
    """Put a backup back at `target` while holding its lock, so no other program writes meanwhile
    (on a network drive: through the working copy, then written back)."""
    from db.backup import restore_backup

    if is_network_path(target) and Path(target).exists():
        from app.network_open import restore_network

        return restore_network(Path(backup), Path(target), break_stale=break_stale)
    with writing_lock(target, break_stale=break_stale):
        return restore_backup(Path(backup), Path(target))


def save_copy_as(source: Path | str, out: Path | str, *, overwrite: bool = False) -> Path:
    """A consistent copy of `source` (backup API → temp → fsync → rename); never over the source."""
    from db.backup import copy_database
    from db.check import check_file

    source, out = Path(source), Path(out)
    if is_network_path(out):  # made on this computer, then put on the share as a write-back puts it
        from app.network_open import put_new_on_share

        if out.exists() and os.path.samefile(out, source):
            raise StoreError(tr("Kopian kan inte skrivas över originalfilen; välj ett annat namn."))
        return put_new_on_share(out, lambda local: save_copy_as(source, local), replace_existing=overwrite)
    if is_network_path(source):  # read a checked byte copy, never SQLite on the share
        from app.network_open import readable_copy

        if out.exists() and os.path.samefile(out, source):
            raise StoreError(tr("Kopian kan inte skrivas över originalfilen; välj ett annat namn."))
        with readable_copy(source) as copy:
            return save_copy_as(copy, out, overwrite=overwrite)
    check_file(source, allow_recovery=False)
    if out.exists():
        if out.resolve() == source.resolve() or os.path.samefile(out, source):
            raise StoreError(tr("Kopian kan inte skrivas över originalfilen; välj ett annat namn."))
        if not overwrite:
            raise StoreError(tr("Filen ”{name}” finns redan; välj ett annat namn.", name=out.name))
    if not out.parent.is_dir():
        raise StoreError(tr("Mappen ”{parent}” finns inte.", parent=out.parent))
    if out.exists():
        with writing_lock(out):  # the file replaced may be open in another program
            return copy_database(source, out)
    return copy_database(source, out)


def send_plan(ws: Workspace, plan_id: int, out: Path | str) -> Path:
    """Write one plan (with its editions, people and history) alone into a new file at `out`.

    The plan's rows keep their versions, so when the file comes back edited, merging it
    finds their common past by itself.
    """
    from db.extract import extract_plans

    out = Path(out)
    uuids = [ws.get("plan", plan_id)["uuid"]]
    if is_network_path(out):  # made on this computer, then put on the share as a write-back puts it
        from app.network_open import put_new_on_share

        return put_new_on_share(out, lambda local: extract_plans(ws.path, local, uuids))
    if out.exists():
        raise StoreError(tr("Filen ”{name}” finns redan; välj ett annat namn.", name=out.name))
    if not out.parent.is_dir():
        raise StoreError(tr("Mappen ”{parent}” finns inte.", parent=out.parent))
    return extract_plans(ws.path, out, uuids)


def merge_from(ws: Workspace, other: Path | str, *, prefer: str = "newest",
               resolve: Resolver | None = None, dry_run: bool = False) -> MergeReport:
    """Bring the plans and edits of the copy `other` into `ws` (app.merge.merge_into); `dry_run` only reports."""
    from app.merge import merge_into

    return merge_into(ws.store, other, prefer=prefer, resolve=resolve, dry_run=dry_run)
