"""What the menus do for shared files: open under the lock, merge another copy, send a plan,
restore a backup, freeze and compare editions, and the session backup in the background."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer

from ui.dialogs import files
from ui.errors import expected_errors, show_error, show_expected
from ui.i18n import tr

if TYPE_CHECKING:
    from app.workspace import Workspace
    from ui.main_window import MainWindow


def open_workspace(path: Path, *, read_only: bool, parent) -> Workspace | None:  # noqa: ANN001
    """Open under the sidecar lock; if someone else holds it, ask (read-only, break a stale lock, cancel)."""
    from app.sharing import FileInUse, open_for_editing

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


def close_workspace(ws: Workspace) -> None:
    from app.sharing import close_shared

    close_shared(ws)


class _Backup(QRunnable):
    """The session backup runs on a worker thread: a large file must not freeze the window."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path

    def run(self) -> None:
        from db.backup import make_session_backup

        try:
            make_session_backup(self.path)
        except Exception:  # noqa: BLE001 - a failed backup must never take the session down
            import logging

            logging.getLogger("uppdrag").exception("Säkerhetskopian av %s misslyckades", self.path)


def backup_in_background(path: Path) -> None:
    QThreadPool.globalInstance().start(_Backup(Path(path)))


class Heartbeat(QObject):
    """Keeps the lock fresh while the file is open, so others see it is not abandoned."""

    def __init__(self, ws: Workspace, parent: QObject | None = None):
        from db.lock import HEARTBEAT_EVERY_S

        super().__init__(parent)
        self.ws = ws
        self.timer = QTimer(self)
        self.timer.setInterval(int(HEARTBEAT_EVERY_S * 1000))
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        state = getattr(self.ws, "sharing", None)
        if state is not None and state.lock is not None:
            try:
                state.lock.heartbeat()
            except OSError:
                pass  # a shared folder may vanish for a moment; the next beat tries again


def merge_from_file(window: MainWindow) -> None:
    """Importera från annan fil…: preview, let the user settle conflicts, then merge in one transaction."""
    from db.merge import merge_into
    from ui.dialogs.sharing_dialogs import ConflictDialog

    if window.ofile is None or window.ofile.read_only:
        return
    other = files.open_path(window, tr("Sharing", "Importera från annan fil"), files.db_filter(),
                            str(window.ofile.path.parent))
    if other is None:
        return
    store = window.ofile.ws.store
    try:
        preview = merge_into(store, other, dry_run=True)
        resolve = None
        if preview.conflicts:
            dialog = ConflictDialog(preview.conflicts, window)
            if not dialog.exec():
                return
            resolve = dialog.choices()
        report = merge_into(store, other, resolve=resolve)
    except expected_errors() as exc:
        show_expected(window, exc)
        return
    # Rows changed underneath the undo history: it can no longer be replayed safely.
    window.ofile.stack.clear()
    window.reload_everything()
    window.statusBar().showMessage(" ".join(report.lines())[:300], 20000)


def send_plan(window: MainWindow) -> None:
    from app.sharing import send_plan as send

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None:
        return
    title = window.ofile.ws.get("plan", plan_id)["title"]
    target = files.save_path(window, tr("Sharing", "Skicka plan som fil"), files.db_filter(),
                             str(window.ofile.path.parent / f"{title[:60]}.uppdrag"))
    if target is None:
        return
    try:
        send(window.ofile.ws, plan_id, target)
    except expected_errors() as exc:
        show_expected(window, exc)
        return
    window.statusBar().showMessage(tr("Sharing", "Planen sparades i %1.").replace("%1", str(target)), 10000)


def restore_from_backup(window: MainWindow) -> None:
    from ui.dialogs.sharing_dialogs import BackupsDialog

    if window.ofile is None:
        return
    path = window.ofile.path
    window.close_file()  # restore replaces the file: nothing may hold it open
    dialog = BackupsDialog(path, window)
    dialog.exec()
    target = dialog.restored[0] if dialog.restored else path
    if not window.open_path(target):
        show_error(window, tr("Sharing", "Filen kunde inte öppnas igen efter återställningen."))


def freeze_edition(window: MainWindow) -> None:
    from ui.dialogs.edition_dialogs import FreezeEditionDialog

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None or window.ofile.read_only:
        return
    dialog = FreezeEditionDialog(window.ofile.ws, plan_id, window)
    if dialog.exec() and dialog.frozen is not None:
        window.ofile.stack.clear()  # the plan's edition label changed outside the undo history
        window.reload_everything()


def compare_editions(window: MainWindow) -> None:
    from ui.dialogs.edition_dialogs import CompareEditionsDialog

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None:
        return
    CompareEditionsDialog(window.ofile.ws, plan_id, window).exec()


class ExternalChangeWatcher(QObject):
    """Notices commits made to the open file by another program (a second Uppdrag, a merge from
    the command line) through SQLite's `PRAGMA data_version`, which changes only for other
    connections' commits, so the app's own edits never trigger a reload."""

    POLL_MS = 1000

    def __init__(self, ws: Workspace, on_change, parent: QObject | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.ws = ws
        self.on_change = on_change
        self.version = self._read()
        self.timer = QTimer(self)
        self.timer.setInterval(self.POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _read(self) -> int | None:
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

    def stop(self) -> None:
        self.timer.stop()
