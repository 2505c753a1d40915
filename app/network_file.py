"""Files on a network drive: SQLite never runs where the file lies.

SQLite's locks may not travel over a share (RELIABILITY.md §6), so a network file
is handled the way office programs handle documents on a share:

- **Editing** needs the sidecar lock (db.lock), created atomically on the share. If
  someone else holds it, the file opens read-only (or FileInUse is raised); if the
  lock cannot be written at all, the file opens read-only and says why.
- The editor works on a **private local working copy** in the user's data folder
  (db.workcopy), with all of SQLite's guarantees; every commit is durable there.
- **Write-back**: a worker thread notices commits to the working copy and, a few
  seconds after an edit burst (and on close), writes a checked snapshot beside the
  share file, verifies it and renames it over (db.share_write.replace_on_share), still
  under the lock. If the share cannot be reached the status says "Ej sparad till … –
  försöker igen", the working copy keeps every edit and the worker tries again by
  itself; a working copy left with edits (a crash, a lost network) is written back
  the next time the file is opened on this computer.
- If the share file changed behind our back (a stale lock was broken, someone
  copied a file over it), it is **merged** into the working copy with db.merge
  instead of being overwritten, and the result is reported.
- **Reading** a network file reads a checked byte copy of it into a private local
  snapshot: no SQLite connection on the share, no journal played back there, no
  -wal/-shm left behind.

Opening, reading once, creating and restoring such a file start in app.network_open;
app.sharing and the CLI go through them. Nothing here imports Qt: the window listens
with `NetworkFile.add_listener` (called from the worker thread).
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import tr
from db import share_write, workcopy
from db.errors import FileRefused, StoreError
from db.lock import HEARTBEAT_EVERY_S, FileLock, LockHeld, LockInfo, _pid_alive, read_lock

if TYPE_CHECKING:
    from app.workspace import Workspace

DEBOUNCE_S = 3.0  # write back this long after the last commit of an edit burst
MAX_DELAY_S = 30.0  # ... but never later than this after the first unsaved commit
POLL_S = 0.5  # how often the worker looks at the working copy
RETRY_S = 5.0  # how soon a failed write-back is tried again
READ_POLL_S = 1.0  # how often a read-only view looks whether the file on the share was written anew


@dataclass(frozen=True)
class SyncStatus:
    """Whether everything is written back to the share, in words for the status bar."""

    state: str  # saved | pending | saving | merged | failed | blocked | read_only
    message: str

    @property
    def all_written(self) -> bool:
        return self.state in ("saved", "read_only")


class LockLost(StoreError):
    """Someone else holds the lock of a file we were editing: we may not write it back now."""

    def __init__(self, share: Path, holder: LockInfo):
        super().__init__(tr("Ej sparad till {share}: filen redigeras nu av {holder}. Dina ändringar finns kvar i "
                            "arbetskopian och skrivs tillbaka när låset är ledigt.", share=share,
                            holder=holder.describe()))
        self.holder = holder


class _ShareChanged(Exception):
    """The share file changed while a write-back was being prepared: start over."""


class NetworkFile:
    # More than 25 methods (28): one open network file's state is shared by its lock (take, keep,
    # release), its working copy or read-only snapshot (open, fetch, refresh, drop), the write-back
    # (write, confirm, merge what changed on the share) and the worker thread that runs it; each
    # part is a few short methods over the same fields, which a split would only pass around.
    """One file on a share, edited through its local working copy (or read through a snapshot)."""

    def __init__(self, share: Path | str, *, debounce_s: float = DEBOUNCE_S, retry_s: float = RETRY_S,
                 poll_s: float = POLL_S, max_delay_s: float = MAX_DELAY_S):
        self.share = Path(os.path.abspath(share))
        self.folder = workcopy.working_folder(self.share)
        self.local = self.folder / self.share.name
        self.work = workcopy.WorkState.load(self.folder, self.share)
        self.lock: FileLock | None = None
        self.store: Any = None  # db.store.Store on the working copy, once open
        self.snapshot: Path | None = None  # the private copy a read-only open reads
        self.snapshot_mark: workcopy.Mark | None = None  # the share file the snapshot holds
        self._unreadable: workcopy.Mark | None = None  # a share file a refresh could not take
        self.read_poll_s = READ_POLL_S
        self.last_merge: Any = None  # db.merge.MergeReport of the last merge with the share
        self.last_error: str | None = None  # why the last write-back failed
        self.debounce_s, self.retry_s, self.poll_s, self.max_delay_s = debounce_s, retry_s, poll_s, max_delay_s
        self.status = SyncStatus("saved", self._saved_text())
        self._listeners: list[Callable[[SyncStatus], None]] = []
        self._io = threading.RLock()  # one write-back at a time
        # A write-back renamed into place but not yet read back whole, and the working copy's
        # local_signature it holds.
        self._unconfirmed: tuple[workcopy.Written, tuple[int, int]] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- status -------------------------------------------------------------------

    def _saved_text(self) -> str:
        return tr("Allt är sparat till {share}.", share=self.share)

    def add_listener(self, listener: Callable[[SyncStatus], None]) -> None:
        self._listeners.append(listener)
        listener(self.status)

    def remove_listener(self, listener: Callable[[SyncStatus], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _set_status(self, state: str, message: str) -> None:
        status = SyncStatus(state, message)
        if status == self.status:
            return
        self.status = status
        for listener in list(self._listeners):
            try:
                listener(status)
            except Exception:  # noqa: BLE001 - a window that went away must not stop the write-back
                pass

    # --- the lock -----------------------------------------------------------------

    def take_lock(self, *, break_stale: bool = False) -> None:
        """Take the sidecar lock on the share; LockHeld if someone has it, OSError if it cannot be written."""
        if not self.share.exists():  # also: an unmounted share must not get a lock in its empty folder
            raise FileRefused(tr("Filen ”{share}” finns inte eller kan inte nås just nu.", share=self.share))
        lock = FileLock(self.share)
        lock.acquire(break_stale=break_stale)
        self.lock = lock
        share_write.remove_temp_files(self.share)  # left by a write-back that was stopped; ours now

    def _ensure_locked(self, *, reached: bool = False) -> None:
        """Before writing to the share: it can be reached and the lock is still ours."""
        try:
            reachable = reached or self.share.exists()
        except OSError:
            reachable = False
        if not reachable:
            raise workcopy.ShareUnreachable(tr("”{share}” kan inte nås.", share=self.share))
        try:
            info = read_lock(self.share)
        except OSError as exc:
            raise workcopy.ShareUnreachable(tr("Låset på ”{share}” kan inte läsas: {why}.", share=self.share,
                                               why=exc)) from exc
        if info is not None and info.is_mine():
            return
        if info is not None and not info.is_stale():
            raise LockLost(self.share, info)
        # Our lock vanished (broken while the network was away, or removed): take it again.
        lock = self.lock or FileLock(self.share)
        try:
            lock.acquire(break_stale=True)
        except LockHeld as held:
            raise LockLost(self.share, held.holder) from None
        self.lock = lock

    def release(self) -> None:
        if self.lock is not None:
            try:
                self.lock.release()
            except OSError:
                pass  # the share is gone: the lock will be seen as stale
            self.lock = None

    # --- the working copy ---------------------------------------------------------

    def has_unsaved(self) -> bool:
        """Whether the working copy holds commits that were not written back to the share."""
        if not self.local.exists():
            return False
        if self.work.written is None:
            return True
        return tuple(self.work.written) != workcopy.local_signature(self.local)

    def _recover_local(self) -> None:
        """Roll back a hot journal the working copy may have from a program that was stopped;
        a working copy that is damaged is put aside (with what it held) and fetched anew."""
        if not self.local.exists():
            return
        from db.check import check_file

        try:
            check_file(self.local)
        except FileRefused:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            os.replace(self.local, self.local.with_name(f"{self.local.name}.skadad-{stamp}"))
            self.work.written = None

    def open_working_copy(self) -> Workspace:
        """Bring the working copy up to date with the share and open it; the lock must be held."""
        from app.workspace import Workspace

        with self._io:
            self._remove_leftovers()
            self._recover_local()
            pending = self.has_unsaved()
            if not pending:
                current = workcopy.mark(self.share)
                if not (self.local.exists() and self.work.base_mark() == current):
                    self._fetch_into_local()
            ws = Workspace.open(self.local)
            self.store = ws.store
            if pending or ws.store.migrated_from is not None:
                self.write_back()  # an earlier session's edits (or a migration): write them back now
            elif not pending:
                self._set_status("saved", self._saved_text())
            return ws

    def _remove_leftovers(self) -> None:
        """Temporary files a stopped program left in the working folder (we hold the lock now)."""
        import shutil

        for p in self.folder.glob("skrivning-*"):
            shutil.rmtree(p, ignore_errors=True)
        for p in self.folder.glob(f".{self.local.name}.*.hamtas"):
            p.unlink(missing_ok=True)

    def _fetch_into_local(self) -> None:
        checked, mark = workcopy.fetch(self.share, self.local)
        self.work.base, self.work.base_digest = mark.as_json(), checked.digest
        self.work.written, self.work.file_uuid = list(checked.signature), checked.file_uuid
        self.work.save(self.folder)

    def open_snapshot(self) -> Workspace:
        """A read-only Workspace on a private, checked copy of what the share holds now."""
        from app.workspace import Workspace

        self._remove_old_snapshots()
        fd, name = tempfile.mkstemp(prefix=f"lasning-{os.getpid()}-", suffix=".uppdrag", dir=self.folder)
        os.close(fd)
        self.snapshot = Path(name)
        try:
            self.snapshot_mark = workcopy.fetch(self.share, self.snapshot)[1]
            return Workspace.open(self.snapshot, read_only=True)
        except BaseException:
            self._drop_snapshot()
            raise

    def refresh_snapshot(self) -> bool:
        """A read-only view: if the file on the share was written anew since the snapshot was
        read, read it again (checked as at the open) into the snapshot, in one transaction, so
        the view's connection sees another program's commit (PRAGMA data_version) and the
        window reloads. True when the snapshot changed. A share that cannot be reached, or a
        file that does not pass the check, leaves the snapshot as it was."""
        from db.identity import SCHEMA_VERSION
        from db.check import check_file

        with self._io:
            if self.snapshot is None:
                return False
            try:
                current = workcopy.mark(self.share)
            except workcopy.ShareUnreachable:
                return False
            if current == self.snapshot_mark or current == self._unreadable:
                return False
            try:
                with tempfile.TemporaryDirectory(prefix="lasning-", dir=self.folder) as tmp:
                    fresh = Path(tmp) / self.share.name
                    their_mark = workcopy.fetch(self.share, fresh)[1]
                    if check_file(fresh, read_only=True).version != SCHEMA_VERSION:
                        raise FileRefused(tr("”{name}” har en annan schemaversion.", name=self.share.name))
                    share_write.copy_into(fresh, self.snapshot)
            except workcopy.ShareUnreachable:
                return False  # away for a moment: looked at again next time
            except (StoreError, OSError):
                self._unreadable = current  # not again until the file changes
                return False
            self.snapshot_mark = their_mark
            holder = lock_holder_of(self.share)
            when = datetime.now().strftime("%H:%M")
            self._set_status("read_only", (tr("Filen redigeras av {holder}; du ser det senast sparade läget "
                                              "(uppdaterat {when}).", holder=holder.describe(), when=when)
                                           if holder is not None else
                                           tr("Filen är öppnad skrivskyddad; du ser det senast sparade läget "
                                              "(uppdaterat {when}).", when=when)))
            return True

    def _remove_old_snapshots(self) -> None:
        for p in self.folder.glob("lasning-*.uppdrag"):
            try:
                pid = int(p.name.split("-")[1])
            except (IndexError, ValueError):
                continue
            if not _pid_alive(pid):
                p.unlink(missing_ok=True)

    def _drop_snapshot(self) -> None:
        if self.snapshot is not None:
            for p in (self.snapshot, self.snapshot.with_name(self.snapshot.name + "-journal")):
                p.unlink(missing_ok=True)
            self.snapshot = None

    # --- write-back ---------------------------------------------------------------

    def write_back(self, *, confirm: bool = True) -> bool:
        """Write the working copy back to the share now if it has unsaved commits, then confirm it.

        True when the share holds everything, read back whole and found equal (with
        `confirm=False`: once the new file is renamed into place; `confirm()` finishes);
        False when it could not be written or confirmed (the status says why and the
        working copy keeps every edit).
        """
        with self._io:
            if self.store is None:
                return True
            if not self.has_unsaved():
                self._set_status("saved", self._saved_text())
                return True
            pending = self._unconfirmed
            if pending is None or pending[1] != workcopy.local_signature(self.local):
                self._set_status("saving", tr("Sparar till {share} …", share=self.share))
                if not self._failing_as_status(self._write_back_once):
                    return False
            return self.confirm() if confirm else True

    def confirm(self) -> bool:
        """Read back the file the last write-back renamed into place (share_write.confirm_on_share);
        only when it is whole do the edits it holds count as written back."""
        with self._io:
            if self._unconfirmed is None:
                return not self.has_unsaved()
            written, signature = self._unconfirmed
            self._set_status("saving", tr("Sparar till {share} … (kontrollerar kopian)", share=self.share))
            if not self._failing_as_status(lambda: self._confirm_once(written)):
                return False
            self._unconfirmed = None
            self.work.written = list(signature)
            self.work.save(self.folder)
            self._set_status("saved", self._saved_text())
            return True

    def _confirm_once(self, written: workcopy.Written) -> None:
        # ShareUnreachable leaves it unconfirmed, to be read again: the file may well be whole.
        if not share_write.confirm_on_share(self.share, written):
            self._unconfirmed = None  # written anew by the next write-back (or merged, if someone replaced it)
            raise workcopy.CopyDamaged(tr("Filen som skrevs till ”{share}” blev inte lika med arbetskopian.",
                                          share=self.share))

    def _failing_as_status(self, step: Callable[[], None]) -> bool:
        """Run a step of the write-back; a failure becomes the status (and last_error), never an exception."""
        try:
            step()
        except LockLost as lost:
            self._set_status("blocked", str(lost))
            return False
        except (workcopy.ShareUnreachable, workcopy.CopyDamaged, OSError) as exc:
            self._set_status("failed", tr("Ej sparad till {share} – försöker igen", share=self.share))
            self.last_error = str(exc)
            return False
        except StoreError as exc:
            self._set_status("failed", tr("Ej sparad till {share} – försöker igen ({why})", share=self.share, why=exc))
            self.last_error = str(exc)
            return False
        return True

    def _write_back_once(self) -> None:
        for _ in range(5):
            with tempfile.TemporaryDirectory(prefix="skrivning-", dir=self.folder) as tmp:
                snap = share_write.snapshot_local(self.local, Path(tmp) / self.share.name)
                current = workcopy.mark(self.share)
                if self.work.base_mark() != current:
                    theirs, their_mark = workcopy.fetch(self.share, Path(tmp) / ("deras-" + self.share.name))
                    self.work.base = their_mark.as_json()
                    if theirs.digest != self.work.base_digest:
                        self._merge(theirs.path)
                        self.work.base_digest = theirs.digest
                        self.work.save(self.folder)
                        continue  # the snapshot must include the merge
                    self.work.save(self.folder)

                def before_rename() -> None:
                    if workcopy.mark(self.share) != self.work.base_mark():  # also: it can still be reached
                        raise _ShareChanged
                    self._ensure_locked(reached=True)

                try:
                    # Checked (quick_check, the identity it must have) and read back whole before the rename.
                    written = share_write.replace_on_share(snap.path, self.share, file_uuid=self.work.file_uuid,
                                                        before_rename=before_rename, mode=current.mode)
                except _ShareChanged:
                    continue
                # The share holds the new file: it is the base from now on. Its edits count as
                # written back (work.written) once confirm() has read it back whole.
                self.work.base, self.work.base_digest = written.mark.as_json(), written.digest
                self.work.file_uuid = self.work.file_uuid or written.file_uuid
                self.work.save(self.folder)
                self._unconfirmed = (written, snap.signature)
                return
        raise StoreError(tr("”{share}” ändrades hela tiden medan den skulle sparas.", share=self.share))

    def _merge(self, theirs: Path) -> None:
        """The share file changed since we last saw it: bring its changes into the working copy."""
        from app.merge import merge_into

        report = merge_into(self.store, theirs, prefer="newest")
        self.last_merge = report
        if threading.current_thread() is self._thread:
            self.store.db.close()  # this thread's own connection only
        lines = " ".join(report.lines())
        self._set_status("merged", (tr("Filen på nätverksenheten hade ändrats; ändringarna är sammanfogade med "
                                       "dina.") + f" {lines}")[:400])

    # --- the worker ---------------------------------------------------------------

    def start(self) -> None:
        """Write back by itself from now on: after each edit burst, and again after a failure.
        A read-only view instead follows the file on the share (refresh_snapshot)."""
        if self._thread is None and self.store is not None:
            self._thread = threading.Thread(target=self._run, name="uppdrag-write-back", daemon=True)
            self._thread.start()
        elif self._thread is None and self.snapshot is not None:
            self._thread = threading.Thread(target=self._follow, name="uppdrag-follow-share", daemon=True)
            self._thread.start()

    def _follow(self) -> None:
        while not self._stop.wait(self.read_poll_s):
            self.refresh_snapshot()

    def _run(self) -> None:
        seen = workcopy.local_signature(self.local)
        changed_at: float | None = None
        first_unsaved: float | None = None
        next_try = 0.0
        beat = time.monotonic()
        while not self._stop.wait(self.poll_s):
            now = time.monotonic()
            signature = workcopy.local_signature(self.local)
            if signature != seen:
                seen, changed_at = signature, now
            if self.lock is not None and now - beat >= HEARTBEAT_EVERY_S:
                beat = now
                try:
                    self.lock.heartbeat()
                except OSError:
                    pass  # the share is away; the write-back says so
            if not self.has_unsaved():
                first_unsaved = None
                continue
            first_unsaved = first_unsaved or now
            if self.status.state == "saved":
                self._set_status("pending", tr("Ändringar sparas strax till {share}.", share=self.share))
            quiet = changed_at is None or now - changed_at >= self.debounce_s
            overdue = now - first_unsaved >= self.max_delay_s
            if (quiet or overdue) and now >= next_try:
                ok = self.write_back()
                next_try = 0.0 if ok else time.monotonic() + self.retry_s
                if ok:
                    first_unsaved = None

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def close(self, ws: Workspace) -> SyncStatus:
        """Stop the worker, write back what is left, close `ws` and release the lock."""
        self.stop()
        try:
            if self.snapshot is None:
                self.write_back()
        finally:
            ws.close()
            self.store = None
            self._drop_snapshot()
            self.release()
        return self.status


def lock_holder_of(share: Path) -> LockInfo | None:
    try:
        info = read_lock(share)
    except OSError:
        return None
    return None if info is None or info.is_mine() else info
