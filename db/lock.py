"""A sidecar lock file beside a database: who is editing it, on which machine, since when.

SQLite's own locks (BEGIN IMMEDIATE with a busy timeout) keep two writers from
corrupting the file; this lock tells people. `NAME.lock` beside `NAME` holds
JSON {user, machine, pid, since, heartbeat}, written atomically (temp file +
rename). The holder refreshes the heartbeat; a lock is stale when it was taken
on this machine by a process that no longer runs, or when its heartbeat is
older than STALE_AFTER. A stale lock may be broken after asking the user, as
GnuCash does. Nothing here writes into the database file itself.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

STALE_AFTER = timedelta(minutes=10)
HEARTBEAT_EVERY_S = 60


def lock_path(db_path: Path | str) -> Path:
    p = Path(db_path)
    return p.with_name(p.name + ".lock")


def _now() -> datetime:
    return datetime.now(UTC)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not an error
        return "okänd"


@dataclass(frozen=True)
class LockInfo:
    user: str
    machine: str
    pid: int
    since: str  # UTC ISO
    heartbeat: str  # UTC ISO

    @property
    def since_local(self) -> str:
        return _parse(self.since).astimezone().strftime("%Y-%m-%d %H:%M")

    def is_mine(self) -> bool:
        return self.machine == socket.gethostname() and self.pid == os.getpid()

    def is_stale(self, now: datetime | None = None) -> bool:
        now = now or _now()
        if now - _parse(self.heartbeat) > STALE_AFTER:
            return True
        return self.machine == socket.gethostname() and not _pid_alive(self.pid)

    def describe(self) -> str:
        return f"{self.user} på {self.machine} sedan {self.since_local}"


def _parse(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return datetime.fromtimestamp(0, UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_lock(db_path: Path | str) -> LockInfo | None:
    """The lock beside `db_path`, or None. An unreadable lock counts as held by someone unknown."""
    p = lock_path(db_path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return LockInfo(str(data["user"]), str(data["machine"]), int(data["pid"]),
                        str(data["since"]), str(data["heartbeat"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        try:
            mtime = datetime.fromtimestamp(p.stat().st_mtime, UTC).isoformat()
        except OSError:
            return None
        return LockInfo("okänd", "okänd dator", 0, mtime, mtime)


def _write_atomic(path: Path, info: LockInfo) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(info), fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class LockHeld(Exception):
    """Someone else holds the lock; `.holder` says who."""

    def __init__(self, holder: LockInfo):
        super().__init__(f"Filen redigeras redan av {holder.describe()}.")
        self.holder = holder


class FileLock:
    """The lock this program holds on one database file."""

    def __init__(self, db_path: Path | str):
        self.path = lock_path(db_path)
        self.info: LockInfo | None = None

    def acquire(self, *, break_stale: bool = False, force: bool = False) -> LockInfo:
        """Take the lock; raise LockHeld when another live holder has it.

        A stale lock is taken over only with `break_stale` (after asking the
        user); `force` takes any lock (the user chose to ignore the holder).
        """
        current = _read(self.path)
        if current is not None and not current.is_mine() and not force:
            if not (break_stale and current.is_stale()):
                raise LockHeld(current)
        now = _now().isoformat()
        info = LockInfo(_user(), socket.gethostname(), os.getpid(), now, now)
        try:
            # O_EXCL closes the race between two programs opening at once.
            if current is None:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                os.close(fd)
        except FileExistsError:
            again = _read(self.path)
            if again is not None and not force and not (break_stale and again.is_stale()):
                raise LockHeld(again) from None
        _write_atomic(self.path, info)
        self.info = info
        return info

    def heartbeat(self) -> None:
        if self.info is None:
            return
        current = _read(self.path)
        if current is not None and not current.is_mine():
            return  # someone broke our lock; do not take it back silently
        self.info = LockInfo(self.info.user, self.info.machine, self.info.pid, self.info.since, _now().isoformat())
        _write_atomic(self.path, self.info)

    def release(self) -> None:
        if self.info is None:
            return
        current = _read(self.path)
        if current is not None and current.is_mine():
            self.path.unlink(missing_ok=True)
        self.info = None


def _read(path: Path) -> LockInfo | None:
    return read_lock(path.with_name(path.name.removesuffix(".lock")))


def break_lock(db_path: Path | str) -> LockInfo | None:
    """Remove a lock (after the user confirmed); returns what it said."""
    info = read_lock(db_path)
    lock_path(db_path).unlink(missing_ok=True)
    return info
