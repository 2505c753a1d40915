"""An open file's session: opening it under the lock, keeping the lock fresh, noticing
other programs' commits, and the session backup made in the background.

Every file the window opens goes through here; the menus' sharing actions (merge,
send, restore, editions) are in ui.sharing_actions, which start-up does not load.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

if TYPE_CHECKING:
    from app.workspace import Workspace


def open_workspace(path: Path | str, *, read_only: bool, parent) -> Workspace | None:
    """Open under the sidecar lock; if someone else holds it, ask (read-only, break a stale lock, cancel).
    A team server has no lock: it is opened listening for other clients' commits (ui.server_actions)."""
    from app.sharing import FileInUse, open_for_editing
    from app.team import is_server_url

    if is_server_url(path):
        from ui.server_actions import open_server_workspace

        return open_server_workspace(str(path), read_only=read_only, parent=parent)

    try:
        return open_for_editing(path, read_only=read_only)[0]
    except FileInUse as busy:
        from ui.dialogs.sharing_dialogs import LockedFileDialog  # loads db.merge: only when asked

        dialog = LockedFileDialog(path, busy.holder, parent)
        dialog.exec()
        if dialog.choice == "read_only":
            return open_for_editing(path, on_locked="read_only")[0]
        if dialog.choice == "break":
            return open_for_editing(path, break_stale=True)[0]
        return None


def close_workspace(ws: Workspace):
    from app.sharing import close_shared

    return close_shared(ws)


class _Backup(QRunnable):
    """The session backup runs on a worker thread: a large file must not freeze the window."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path

    def run(self) -> None:
        from app.backups import make_session_backup

        try:
            make_session_backup(self.path)
        except Exception:
            import logging

            logging.getLogger("uppdrag").exception("Säkerhetskopian av %s misslyckades", self.path)


def backup_in_background(path: Path, pool: QThreadPool) -> None:
    """Start the backup on `pool`, which belongs to the window of the open file: closing the file
    waits for it, so no copy is left half made and no thread outlives its window."""
    pool.start(_Backup(Path(path)))


class Heartbeat(QObject):
    """Keeps the lock fresh while the file is open, so others see it is not abandoned."""

    def __init__(self, ws: Workspace, parent: QObject | None = None):
        from app.sharing import HEARTBEAT_EVERY_S

        super().__init__(parent)
        self.ws = ws
        self.timer = QTimer(self)
        self.timer.setInterval(int(HEARTBEAT_EVERY_S * 1000))
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        state = self.ws.sharing
        if state is not None and state.lock is not None:
            try:
                state.lock.heartbeat()
            except OSError:
                pass  # a shared folder may vanish for a moment; the next beat tries again


class ExternalChangeWatcher(QObject):
    """Notices commits made to the open file by another program (a second Uppdrag, a merge from
    the command line) through SQLite's `PRAGMA data_version`, which changes only for other
    connections' commits, so the app's own edits never trigger a reload."""

    POLL_MS = 1000

    def __init__(self, ws: Workspace, on_change, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.on_change = on_change
        self.version = self._read()
        self.timer = QTimer(self)
        # A server's count is only a number in memory: look often, so others' commits show within a second.
        self.timer.setInterval(self.POLL_MS // 4 if getattr(ws, "on_server", False) else self.POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _read(self) -> int | None:
        heard = getattr(self.ws.store, "changes_from_others", None)
        if heard is not None:  # a team server: commits other clients announced (LISTEN/NOTIFY)
            return heard()
        try:
            return self.ws.store.db.execute_sql("PRAGMA data_version").fetchone()[0]
        except Exception:  # noqa: BLE001 - a vanished network share: try again next time
            return None

    def poll(self) -> None:
        version = self._read()
        if version is not None and self.version is not None and version != self.version:
            self.version = version
            self.on_change()
        elif version is not None:
            self.version = version

    def _watch_integrity(self, ws: Workspace) -> None:
        if self.window.session is self and self.integrity_watch is None:  # not once the file is closed
            self.integrity_watch = IntegrityWatch(ws, self.window.file_damaged, self.window)  # may answer after that

    def stop(self) -> None:
        self.timer.stop()


class _Verdict(QObject):
    """Carries the end of the integrity check from the worker thread to the window's thread."""

    ready = Signal()


class _WaitForIntegrity(QRunnable):
    def __init__(self, ws: Workspace, verdict: _Verdict):
        super().__init__()
        self.ws = ws
        self.verdict = verdict

    def run(self) -> None:
        try:
            self.ws.store.integrity_problems()  # waits for the check IntegrityWatch started
        except Exception:  # noqa: BLE001 - a failed check leaves the file as it is; writes still wait for it
            return
        self.verdict.ready.emit()


class IntegrityWatch(QObject):
    """Waits on a worker thread for the open file's `integrity_check`; calls `on_damaged(message)`
    in the window's thread when the file is damaged. The store itself refuses every write until
    the verdict is in, so nothing is written to a damaged file in the meantime."""

    def __init__(self, ws: Workspace, on_damaged, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.on_damaged = on_damaged
        self.verdict = _Verdict()  # no parent: it outlives this watch if the window closes first
        self.verdict.ready.connect(self._done)
        ws.store.begin_integrity_check()  # here, in the window's thread, as a first write would
        QThreadPool.globalInstance().start(_WaitForIntegrity(ws, self.verdict))

    def _done(self) -> None:
        message = self.ws.store.damage_message()
        if message:
            self.on_damaged(self.ws, message)


class FileSession(QObject):
    """What runs beside a file while the window shows it: the lock's heartbeat, the watcher for other
    programs' commits, the integrity check, the team server's sync indicator and the booking warner.
    The window makes one when it opens a file and stops it, and lets it go, when it closes the file;
    the parts that draw or call back live on the window, as the window's own did."""

    def __init__(self, ofile, window) -> None:  # a ui.document.OpenFile, which opens files through here
        from app.team import is_checked_out
        from ui.first_paint import after_first_paint
        from ui.resources.warner import BookingWarner
        from ui.sync_status import SyncIndicator

        super().__init__()
        ws = ofile.ws
        self.window = window
        self.checked_out = is_checked_out(ws)  # taken offline from a team server (Synkronisera)
        self.heartbeat = Heartbeat(ws, window)
        self.watcher = ExternalChangeWatcher(ws, window.changed_elsewhere, window)
        # The integrity check reads the whole file in a thread: started once the window is on
        # screen (or after a second if it is not shown), it does not slow the first paint.
        self.integrity_watch: IntegrityWatch | None = None
        after_first_paint(window, lambda: self._watch_integrity(ws))
        QTimer.singleShot(1000, window, lambda: self._watch_integrity(ws))
        self.sync = SyncIndicator(ws, window.statusBar(), window)
        self.booking_warner = BookingWarner(ws, ofile.events)
        self.booking_warner.warning.connect(lambda text: window.statusBar().showMessage(text, 20000))

    def _watch_integrity(self, ws: Workspace) -> None:
        if self.window.session is self and self.integrity_watch is None:  # not once the file is closed
            self.integrity_watch = IntegrityWatch(ws, self.window.file_damaged, self.window)  # may answer after that

    def stop(self) -> None:
        self.watcher.stop()
        self.heartbeat.timer.stop()
        self.heartbeat.deleteLater()
        self.sync.stop()
