"""A sidecar lock file beside a database: who is editing it, on which machine, since when.

SQLite's own locks (BEGIN IMMEDIATE with a busy timeout) keep two writers from
corrupting the file; this lock tells people. `NAME.lock` beside `NAME` holds
JSON {user, machine, pid, since, heartbeat}. It is created with O_EXCL, so of
two programs that start at the same instant exactly one wins; the other waits
briefly for the winner's name and reports it. The holder refreshes the
heartbeat (temp file + rename); a lock is stale when it was taken on this
machine by a process that no longer runs, or when its heartbeat is older than
STALE_AFTER. A stale lock may be broken after asking the user, as GnuCash
does; one program breaks at a time and checks the lock again first, so a lock
taken meanwhile by someone else is never removed. Nothing here writes into the database file itself.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.i18n import tr
from db.tempfiles import temp_beside

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
        return tr("{user} på {machine} sedan {since}", user=self.user, machine=self.machine, since=self.since_local)


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


def _parse_lock(raw: bytes) -> LockInfo:
    data = json.loads(raw.decode("utf-8"))
    return LockInfo(str(data["user"]), str(data["machine"]), int(data["pid"]),
                    str(data["since"]), str(data["heartbeat"]))


def _unknown_holder(p: Path) -> LockInfo | None:
    try:
        mtime = datetime.fromtimestamp(p.stat().st_mtime, UTC).isoformat()
    except OSError:
        return None
    return LockInfo("okänd", "okänd dator", 0, mtime, mtime)


def read_lock(db_path: Path | str) -> LockInfo | None:
    """The lock beside `db_path`, or None. An unreadable lock counts as held by someone unknown."""
    p = lock_path(db_path)
    try:
        return _parse_lock(p.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return _unknown_holder(p)


# Where a lock is created empty and filled at once (a file system without hard links: see
# _create_exclusive), another program that finds it empty waits this long for the holder's name
# before it reports an unknown holder.
SETTLE_S = 1.0


def _read_settled(path: Path) -> LockInfo | None:
    deadline = time.monotonic() + SETTLE_S
    while True:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            return _unknown_holder(path)
        if raw or time.monotonic() >= deadline:
            try:
                return _parse_lock(raw)
            except (ValueError, KeyError, TypeError):
                return _unknown_holder(path)
        time.sleep(0.02)


def _write_atomic(path: Path, info: LockInfo) -> None:
    tmp = _written_beside(path, info)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _written_beside(path: Path, info: LockInfo) -> Path:
    """A temporary file beside `path` holding `info`, on disk."""
    tmp = temp_beside(path)
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(asdict(info), fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _create_exclusive(path: Path, info: LockInfo) -> bool:
    """Create the lock file holding `info`; False when it exists. The lock is written beside and
    linked into place: link(2), like O_EXCL, is atomic and fails when the name exists, so of two
    programs that try at the same instant exactly one creates it; and a program killed while it
    takes the lock never leaves an empty lock, whose holder no one could tell (and so could not
    tell abandoned). Where the file system has no hard links, the lock is created with O_EXCL and
    filled at once."""
    tmp = _written_beside(path, info)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    except OSError as exc:
        # sshfs (SFTP v3) reports an exclusive create that lost the race as a generic failure,
        # EPERM, not EEXIST: the lock that won is there.
        if path.exists():
            return False
        if exc.errno not in _NO_LINKS:
            raise
        return _create_filled(path, info)
    finally:
        tmp.unlink(missing_ok=True)
    return True


_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}


def _create_filled(path: Path, info: LockInfo) -> bool:
    """`_create_exclusive` where hard links cannot be made: O_EXCL, then the content."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    except PermissionError:
        if path.exists():  # (sshfs: see _create_exclusive)
            return False
        raise
    try:
        try:
            os.write(fd, json.dumps(asdict(info), ensure_ascii=False).encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return True


def _same_holder(a: LockInfo | None, b: LockInfo | None) -> bool:
    return a is not None and b is not None and (a.machine, a.pid, a.since) == (b.machine, b.pid, b.since)


# Breaking a lock is serialised by a second sidecar, `NAME.lock.bryts`, created with O_EXCL.
# Without it two programs that both saw the same stale lock could each remove a lock: the
# second one would remove the lock the first had just taken, and both would go on as holder.
# A breaker holds it for milliseconds; one older than this was left by a killed breaker.
BREAKER_STALE_S = 10.0
BREAKER_WAIT_S = 2.0


def _breaker_path(path: Path) -> Path:
    return path.with_name(path.name + ".bryts")


def _take_breaker(path: Path, me: LockInfo) -> bool:
    breaker = _breaker_path(path)
    deadline = time.monotonic() + BREAKER_WAIT_S
    while not _create_exclusive(breaker, me):
        try:
            if _clear_left_breaker(breaker):
                continue
        except FileNotFoundError:
            continue
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)
    return True


def _clear_left_breaker(breaker: Path) -> bool:
    """Remove a breaker sidecar its owner left behind; True when it is gone.

    A breaker killed on this machine is known at once by its dead process (a sync killed
    while breaking must not block the next run for BREAKER_STALE_S); one that cannot be
    read, or is on another machine, goes by its age. A dead breaker is renamed aside and
    checked, so a breaker that replaced it meanwhile is put back, never removed.
    """
    try:
        holder: LockInfo | None = _parse_lock(breaker.read_bytes())
    except (ValueError, KeyError, TypeError):
        holder = None  # being written, or not ours to read
    if holder is not None and holder.is_stale():
        try:
            _rename_aside_if_still(breaker, holder)
        except LockHeld:
            return False
        return True
    if time.time() - breaker.stat().st_mtime > BREAKER_STALE_S:
        breaker.unlink(missing_ok=True)
        return True
    return False


def _take_away(path: Path, seen: LockInfo) -> None:
    """Remove the lock that said `seen`, but never a lock someone else took meanwhile.

    Only one program breaks at a time (the breaker sidecar). It reads the lock again
    first: when it is no longer the one we decided to break, its holder is reported.
    The lock is then renamed aside (atomic) and read once more, in case its holder let
    go and someone else took it between the two steps; such a lock is put back.
    """
    now = _now().isoformat()
    me = LockInfo(_user(), socket.gethostname(), os.getpid(), now, now)
    if not _take_breaker(path, me):
        raise LockHeld(_read_settled(path) or seen)
    try:
        current = _read_settled(path)
        if current is None:
            return  # released (or broken by someone else) meanwhile
        if not _same_holder(current, seen):
            raise LockHeld(current)
        _rename_aside_if_still(path, seen)
    finally:
        _breaker_path(path).unlink(missing_ok=True)


def _rename_aside_if_still(path: Path, seen: LockInfo) -> None:
    aside = path.with_name(f".{path.name}.bruten-{os.getpid()}-{time.monotonic_ns()}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return
    try:
        moved = _parse_lock(aside.read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        moved = None
    if moved is not None and not _same_holder(moved, seen):
        try:
            os.link(aside, path)  # fails if yet another lock appeared; then that one holds
        except OSError:
            pass
        aside.unlink(missing_ok=True)
        raise LockHeld(moved)
    aside.unlink(missing_ok=True)


class LockHeld(Exception):
    """Someone else holds the lock; `.holder` says who."""

    def __init__(self, holder: LockInfo):
        super().__init__(tr("Filen redigeras redan av {holder}.", holder=holder.describe()))
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
        now = _now().isoformat()
        info = LockInfo(_user(), socket.gethostname(), os.getpid(), now, now)
        current: LockInfo | None = None
        for _ in range(5):
            if _create_exclusive(self.path, info):
                self.info = info
                return info
            current = _read_settled(self.path)
            if current is None:
                continue  # released meanwhile: try again
            if current.is_mine():
                _write_atomic(self.path, info)
                self.info = info
                return info
            if not (force or (break_stale and current.is_stale())):
                raise LockHeld(current)
            _take_away(self.path, current)
        raise LockHeld(current or _unknown_holder(self.path) or LockInfo("okänd", "okänd dator", 0, now, now))

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
