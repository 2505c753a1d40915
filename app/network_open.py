"""Opening, reading, creating and restoring a file on a network drive (see app.network_file for
how such a file is worked on): `open_network` is what app.sharing.open_for_editing does for a
network path, `readable_copy` is one checked read (check, copy, backup), `put_new_on_share` puts
a file made on this computer there as a write-back would; the CLI goes through the same functions.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from app.i18n import tr

from app.network_file import NetworkFile, SyncStatus, lock_holder_of
from db import share_write, workcopy
from db.errors import FileRefused, StoreError
from db.lock import FileLock, LockHeld, LockInfo

if TYPE_CHECKING:
    from app.workspace import Workspace


def open_network(path: Path | str, *, read_only: bool = False, on_locked: str = "raise",
                 break_stale: bool = False) -> tuple[Workspace, LockInfo | None]:
    """Open a file on a share (see the module text); same contract as app.sharing.open_for_editing."""
    from app.file_locks import FileInUse
    from app.workspace import SharingState

    nf = NetworkFile(path)
    holder: LockInfo | None = None
    reason: str | None = None
    if not read_only:
        try:
            nf.take_lock(break_stale=break_stale)
        except LockHeld as held:
            if on_locked != "read_only":
                raise FileInUse(nf.share, held.holder) from None
            holder, read_only = held.holder, True
            reason = (tr("Filen redigeras av {holder}; den är öppnad skrivskyddad och visar det senast sparade läget.",
                         holder=holder.describe()))
        except OSError as exc:
            read_only = True
            reason = (tr("Låsfilen kunde inte skrivas på nätverksenheten ({error}), så ingen annan skulle se att du "
                         "redigerar. Filen är öppnad skrivskyddad.", error=exc.strerror or exc))
    if read_only:
        ws = nf.open_snapshot()
        if reason is None:
            other = lock_holder_of(nf.share)
            reason = (tr("Filen redigeras av {holder}; du ser det senast sparade läget.", holder=other.describe())
                      if other is not None else tr("Filen är öppnad skrivskyddad."))
        if nf.has_unsaved():
            reason += (tr(" Din arbetskopia har ändringar som ännu inte är sparade till filen; de skrivs tillbaka "
                          "nästa gång du kan redigera den."))
        nf.status = SyncStatus("read_only", reason)
    else:
        try:
            ws = nf.open_working_copy()
        except BaseException:
            nf.release()
            raise
    ws.sharing = SharingState(None, holder, True, reason, netfile=nf, origin=nf.share)
    return ws, holder


@contextmanager
def readable_copy(path: Path | str) -> Iterator[Path]:
    """A private, checked local copy of a network file for one read (check, copy, backup)."""
    share = Path(os.path.abspath(path))
    if not share.exists():
        raise FileRefused(tr("Filen ”{share}” finns inte eller kan inte nås just nu.", share=share))
    with tempfile.TemporaryDirectory(prefix="lasning-", dir=workcopy.working_folder(share)) as tmp:
        copy = Path(tmp) / share.name
        workcopy.fetch(share, copy)
        yield copy


def create_network(path: Path | str) -> Workspace:
    """Make a new file on a share: built in the working folder, written there under the lock, opened."""
    from db.store import create_store

    share = Path(os.path.abspath(path))
    if share.exists():
        raise StoreError(tr("Filen ”{name}” finns redan; välj ett annat namn.", name=share.name))
    folder = workcopy.working_folder(share)
    local = folder / share.name
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for p in (local, local.with_name(local.name + "-journal")):  # an earlier file's of the same name:
        if p.exists():  # kept aside, never merged into the new one
            os.replace(p, p.with_name(p.name.replace(local.name, f"{local.name}.tidigare-{stamp}", 1)))
    (folder / workcopy.STATE_FILE).unlink(missing_ok=True)
    put_new_on_share(share, lambda built: create_store(built).close())
    return open_network(share)[0]


def put_new_on_share(path: Path | str, build: Callable[[Path], object], *, replace_existing: bool = False) -> Path:
    """A file for a share that `build(local)` makes on this computer (SQLite never runs on the share),
    then put there as a write-back puts it: under the lock, written beside, checked, renamed into
    place and read back whole. Used by every writer that makes a file (a new file, a copy, a sent
    plan, a checkout). `replace_existing`: a file already there may be replaced (its lock is taken)."""
    from app.file_locks import refusal_text

    share = Path(os.path.abspath(path))
    if share.exists() and not replace_existing:
        raise StoreError(tr("Filen ”{name}” finns redan; välj ett annat namn.", name=share.name))
    if not share.parent.is_dir():
        raise StoreError(tr("Mappen ”{parent}” finns inte eller kan inte nås just nu.", parent=share.parent))
    with tempfile.TemporaryDirectory(prefix="skrivning-", dir=workcopy.working_folder(share)) as tmp:
        local = Path(tmp) / share.name
        build(local)
        lock = FileLock(share)
        try:
            lock.acquire()
        except LockHeld as held:
            raise StoreError(refusal_text(share, held.holder)) from None
        except OSError as exc:
            raise StoreError(tr("Låsfilen kunde inte skrivas på nätverksenheten ({error}); ”{name}” skrivs inte.",
                                error=exc.strerror or exc, name=share.name)) from exc
        try:
            mode = workcopy.mark(share).mode if share.exists() else None
            written = share_write.replace_on_share(local, share, mode=mode)
            if not share_write.confirm_on_share(share, written):
                raise StoreError(tr("”{share}” blev inte hel på nätverksenheten. Försök igen.", share=share))
        finally:
            lock.release()
    return share


def restore_network(backup: Path, share: Path, *, break_stale: bool = False) -> tuple[Path, Path | None]:
    """Put a backup back on a share: under the lock, through the working copy, then written back.

    The state replaced is kept aside in the working folder (as db.backup.restore_backup keeps it)."""
    from app.file_locks import refusal_text
    from db.backup import restore_backup

    nf = NetworkFile(share)
    try:
        nf.take_lock(break_stale=break_stale)
    except LockHeld as held:
        raise StoreError(refusal_text(share, held.holder, asked_to_break=break_stale)) from None
    except OSError as exc:
        raise StoreError(tr("Låsfilen kunde inte skrivas på nätverksenheten ({error}); filen återställs inte.",
                            error=exc.strerror or exc)) from exc
    try:
        ws = nf.open_working_copy()
        ws.close()
        nf.store = None
        _target, aside = restore_backup(Path(backup), nf.local)
        nf.work.file_uuid = None  # a backup may come from another copy: its identity is taken
        nf.work.written = None
        from db.store import open_store

        nf.store = open_store(nf.local)
        try:
            if not nf.write_back():
                raise StoreError(nf.status.message + tr(". Återställningen finns i arbetskopian och skrivs tillbaka "
                                                        "nästa gång filen öppnas."))
        finally:
            nf.store.close()
            nf.store = None
    finally:
        nf.release()
    return nf.share, aside
