"""Sharing a database file: locks, read-only reasons, network folders, copies and sent plans.

The GUI calls these; none of it imports Qt.

- `open_for_editing(path)` takes the sidecar lock (db.lock) and opens the file;
  when someone else holds it, it raises `FileInUse` with the holder, or, with
  `on_locked="read_only"`, opens read-only and returns the holder.
- `open_for_writing(path)`, `writing_lock(path)`: every writing command (import,
  merge, restore, copy over a file) runs under the same lock; a refusal names
  the lock file, the holder and since when, and a stale lock is broken only
  when asked (`--bryt-las`, or the GUI's question).
- `read_only_reason(path)` says in Swedish why a file cannot be edited.
- `is_network_path(path)` recognises network shares (cifs/smb/nfs/sshfs, UNC, and the
  folders listed in UPPDRAG_NETWORK_FOLDERS). SQLite never runs on a file there:
  app.network_file opens it through a local working copy and writes it back.
- `save_copy_as`, `send_plan`: consistent copies and one plan in a new file.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.errors import StoreError
from db.lock import STALE_AFTER, FileLock, LockHeld, LockInfo, lock_path, read_lock

if TYPE_CHECKING:
    from app.workspace import Workspace

NETWORK_FS = frozenset({"cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "sshfs",
                        "afs", "9p", "davfs", "fuse.davfs2", "ncpfs"})


class FileInUse(StoreError):
    """Someone else is editing the file; `.holder` says who, so the GUI can offer read-only."""

    def __init__(self, path: Path, holder: LockInfo):
        super().__init__(
            f"Filen ”{Path(path).name}” redigeras redan av {holder.describe()}. "
            "Du kan öppna den skrivskyddad."
            + (" Låset verkar övergivet och kan tas bort." if holder.is_stale() else "")
        )
        self.path = Path(path)
        self.holder = holder


@dataclass
class SharingState:
    """What the GUI shows about an open file (status bar, title)."""

    lock: FileLock | None
    holder: LockInfo | None  # someone else's lock when we opened read-only because of it
    network: bool
    read_only_reason: str | None
    netfile: Any = None  # app.network_file.NetworkFile when the file is on a share
    origin: Path | None = None  # the file the user opened, when the workspace is a copy of it


def _mount_table() -> list[tuple[str, str]]:
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return parse_mounts(text)


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, fs type) pairs from /proc/mounts text (octal escapes decoded)."""
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            point = parts[1].encode().decode("unicode_escape") if "\\" in parts[1] else parts[1]
            out.append((point, parts[2]))
    return out


NETWORK_FOLDERS_ENV = "UPPDRAG_NETWORK_FOLDERS"


def _declared_network(path: Path | str) -> bool:
    """Folders declared as network shares in UPPDRAG_NETWORK_FOLDERS (os.pathsep-separated)."""
    listed = os.environ.get(NETWORK_FOLDERS_ENV, "")
    if not listed:
        return False
    target = os.path.abspath(path)
    for folder in filter(None, listed.split(os.pathsep)):
        folder = os.path.abspath(folder)
        if target == folder or target.startswith(folder.rstrip(os.sep) + os.sep):
            return True
    return False


def is_network_path(path: Path | str, mounts: list[tuple[str, str]] | None = None) -> bool:
    """True for files on a network share: UNC paths, Windows network drives, cifs/smb/nfs/sshfs mounts,
    and folders declared in UPPDRAG_NETWORK_FOLDERS."""
    text = str(path)
    if text.startswith(("\\\\", "//")) or _declared_network(text):
        return True
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE
    try:
        resolved = Path(path).resolve()
    except OSError:
        return False
    best, fstype = "", ""
    for point, kind in mounts if mounts is not None else _mount_table():
        p = point.rstrip("/") or "/"
        if (str(resolved) == p or str(resolved).startswith(p.rstrip("/") + "/")) and len(p) >= len(best):
            best, fstype = p, kind
    return fstype in NETWORK_FS


def read_only_reason(path: Path | str, holder: LockInfo | None = None) -> str | None:
    """Why the file cannot be edited, in Swedish; None when it can."""
    p = Path(path)
    if holder is not None:
        return f"Filen redigeras av {holder.describe()}; den är öppnad skrivskyddad."
    if p.exists() and not os.access(p, os.W_OK):
        return "Filen är skrivskyddad. Spara en kopia för att kunna ändra."
    if not os.access(p.parent, os.W_OK):
        return (f"Mappen ”{p.parent}” är skrivskyddad, så ändringar kan inte sparas säkert där. "
                "Spara en kopia i en skrivbar mapp för att kunna ändra.")
    return None


def open_for_editing(path: Path | str, *, on_locked: str = "raise", break_stale: bool = False,
                     read_only: bool = False) -> tuple[Workspace, LockInfo | None]:
    """Open `path` for editing under the sidecar lock.

    Returns (workspace, holder): holder is None when we hold the lock, or the
    other holder when the file was opened read-only because of it
    (`on_locked="read_only"`). With `on_locked="raise"` a held lock raises
    FileInUse. `ws.sharing` (a SharingState) carries the lock and the reason a
    file is read-only; close with `close_shared(ws)`.
    """
    from db.server import is_server_url

    if is_server_url(path):  # a team server has no sidecar lock: the server checks every write
        from app.team import open_team

        return open_team(str(path), read_only=read_only), None
    p = Path(path)
    network = is_network_path(p)
    if network:  # never SQLite on the share itself: a local working copy, written back
        from app.network_file import open_network

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
    from app.workspace import Workspace

    try:
        ws = Workspace.open(p, read_only=read_only or reason is not None)
    except BaseException:
        if lock:
            lock.release()
        raise
    if ws.read_only and reason is None:
        reason = "Filen är öppnad skrivskyddad."
    if not ws.read_only:
        from db.history import prune_if_due

        prune_if_due(ws.store.db)  # the row history forgets what no copy can need any more
    ws.sharing = SharingState(lock, holder, network, reason)  # type: ignore[attr-defined]
    return ws, holder


def close_shared(ws: Workspace) -> Any:
    """Close a file opened with open_for_editing; for a network file, returns its final SyncStatus."""
    state: SharingState | None = getattr(ws, "sharing", None)
    if state is not None and state.netfile is not None:
        return state.netfile.close(ws)
    try:
        ws.close()
    finally:
        if state and state.lock:
            state.lock.release()


def refusal_text(path: Path | str, holder: LockInfo, *, asked_to_break: bool = False) -> str:
    """Why a writer may not start, in Swedish: the lock file, the holder, since when, and the way out."""
    p = Path(path)
    text = (f"Filen ”{p.name}” är låst av {holder.user} på {holder.machine} sedan {holder.since_local} "
            f"(låsfilen ”{lock_path(p)}”).")
    if holder.is_stale():
        minutes = int(STALE_AFTER.total_seconds() // 60)
        return text + (f" Låset verkar övergivet: programmet som tog det körs inte längre eller har inte hörts av "
                       f"på {minutes} minuter. Kör kommandot igen med --bryt-las för att ta bort låset.")
    if asked_to_break:
        return text + " Låset tas inte bort, eftersom programmet som har det fortfarande är igång."
    return text + " Vänta tills filen har stängts och försök igen."


@contextmanager
def writing_lock(path: Path | str, *, break_stale: bool = False) -> Iterator[FileLock | None]:
    """The sidecar lock around a writer that does not open a Workspace (restore, copy over a file).

    Raises StoreError naming the holder when someone else has it. A folder that
    refuses the lock file gives None: SQLite's own locks still keep writers apart.
    """
    lock: FileLock | None = FileLock(path)
    try:
        lock.acquire(break_stale=break_stale)
    except LockHeld as held:
        raise StoreError(refusal_text(path, held.holder, asked_to_break=break_stale)) from None
    except OSError:
        lock = None
    try:
        yield lock
    finally:
        if lock is not None:
            lock.release()


def open_for_writing(path: Path | str, *, break_stale: bool = False) -> Workspace:
    """The command line's writers: the file opened under the lock, or a Swedish refusal naming the lock.

    Close with `close_shared(ws)`.
    """
    try:
        ws, _ = open_for_editing(path, break_stale=break_stale)
    except FileInUse as busy:
        raise StoreError(refusal_text(path, busy.holder, asked_to_break=break_stale)) from None
    reason = ws.sharing.read_only_reason if ws.read_only else ws.store.damage_message()  # type: ignore[attr-defined]
    if ws.read_only or reason:
        close_shared(ws)
        raise StoreError(reason or f"Filen ”{Path(path).name}” är skrivskyddad.")
    return ws


def restore_under_lock(backup: Path | str, target: Path | str, *,
                       break_stale: bool = False) -> tuple[Path, Path | None]:
    """Put a backup back at `target` while holding its lock, so no other program writes meanwhile
    (on a network drive: through the working copy, then written back)."""
    from db.backup import restore_backup

    if is_network_path(target) and Path(target).exists():
        from app.network_file import restore_network

        return restore_network(Path(backup), Path(target), break_stale=break_stale)
    with writing_lock(target, break_stale=break_stale):
        return restore_backup(Path(backup), Path(target))


def save_copy_as(source: Path | str, out: Path | str, *, overwrite: bool = False) -> Path:
    """A consistent copy of `source` (backup API → temp → fsync → rename); never over the source."""
    from db.backup import copy_database
    from db.store import check_file

    source, out = Path(source), Path(out)
    if is_network_path(out):  # made on this computer, then put on the share as a write-back puts it
        from app.network_file import put_new_on_share

        if out.exists() and os.path.samefile(out, source):
            raise StoreError("Kopian kan inte skrivas över originalfilen; välj ett annat namn.")
        return put_new_on_share(out, lambda local: save_copy_as(source, local), replace_existing=overwrite)
    if is_network_path(source):  # read a checked byte copy, never SQLite on the share
        from app.network_file import readable_copy

        if out.exists() and os.path.samefile(out, source):
            raise StoreError("Kopian kan inte skrivas över originalfilen; välj ett annat namn.")
        with readable_copy(source) as copy:
            return save_copy_as(copy, out, overwrite=overwrite)
    check_file(source, allow_recovery=False)
    if out.exists():
        if out.resolve() == source.resolve() or os.path.samefile(out, source):
            raise StoreError("Kopian kan inte skrivas över originalfilen; välj ett annat namn.")
        if not overwrite:
            raise StoreError(f"Filen ”{out.name}” finns redan; välj ett annat namn.")
    if not out.parent.is_dir():
        raise StoreError(f"Mappen ”{out.parent}” finns inte.")
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
        from app.network_file import put_new_on_share

        return put_new_on_share(out, lambda local: extract_plans(ws.path, local, uuids))
    if out.exists():
        raise StoreError(f"Filen ”{out.name}” finns redan; välj ett annat namn.")
    if not out.parent.is_dir():
        raise StoreError(f"Mappen ”{out.parent}” finns inte.")
    return extract_plans(ws.path, out, uuids)


# --- command line: uppdrag copy / merge / send / backups / restore -----------------------


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("copy", help="spara en hel och konsekvent kopia av en fil")
    p.add_argument("file", type=Path, metavar="FIL")
    p.add_argument("out", type=Path, metavar="UT")
    p.add_argument("--skriv-over", dest="overwrite", action="store_true", help="ersätt UT om den finns")

    p = sub.add_parser("merge", help="hämta planer och ändringar från en annan kopia av filen")
    p.add_argument("file", type=Path, metavar="FIL")
    p.add_argument("other", type=Path, metavar="ANNAN")
    p.add_argument("--prefer", choices=("mine", "theirs", "newest"), default="newest",
                   help="vid konflikt: den här filens (mine), den andras (theirs) eller senast ändrade (newest)")
    p.add_argument("--forhandsgranska", dest="dry_run", action="store_true", help="visa bara vad som skulle hända")
    add_break_lock_option(p)

    p = sub.add_parser("send", help="skriv en plan ensam till en ny fil")
    p.add_argument("file", type=Path, metavar="FIL")
    p.add_argument("plan", metavar="PLAN", help="planens id, uuid eller diarienummer")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="UT")

    p = sub.add_parser("backups", help="lista (eller ta) säkerhetskopior av en fil")
    p.add_argument("file", type=Path, metavar="FIL")
    p.add_argument("--ny", dest="new", action="store_true", help="ta en säkerhetskopia nu")

    p = sub.add_parser("restore", help="återställ en fil från en säkerhetskopia")
    p.add_argument("backup", type=Path, metavar="KOPIA")
    p.add_argument("file", type=Path, metavar="FIL")
    add_break_lock_option(p)


def add_break_lock_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bryt-las", dest="break_lock", action="store_true",
                   help="ta bort ett övergivet lås (programmet som tog det körs inte längre)")


def cmd_copy(args: argparse.Namespace) -> int:
    out = save_copy_as(args.file, args.out, overwrite=args.overwrite)
    print(f"Skrev en kopia av {args.file.name} till {out}.")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from db.backup import make_session_backup
    from app.merge import merge_files, merge_into

    if args.dry_run:
        report = merge_files(args.file, args.other, args.prefer, dry_run=True)
    else:
        from app.cli import tell

        ws = tell(open_for_writing(args.file, break_stale=args.break_lock))
        try:
            make_session_backup(ws.store.path)  # the working copy of a network file
            report = merge_into(ws.store, args.other, prefer=args.prefer)
        finally:
            status = close_shared(ws)
        written_back_or_raise(status)
    for line in report.lines():
        print(line)
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    from app.plans import find_plan

    ws, _ = open_for_editing(args.file, read_only=True)
    try:
        out = send_plan(ws, find_plan(ws, args.plan), args.output)
    finally:
        close_shared(ws)
    print(f"Skrev planen till {out}.")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from db.backup import list_backups, make_session_backup
    from db.store import check_file

    if args.new:
        if is_network_path(args.file):
            from app.network_file import readable_copy

            with readable_copy(args.file) as copy:
                print(f"Tog säkerhetskopian {make_session_backup(copy)}.")
        else:
            check_file(args.file, allow_recovery=False)
            print(f"Tog säkerhetskopian {make_session_backup(args.file)}.")
    backups = list_backups(args.file)
    if not backups:
        print(f"Det finns inga säkerhetskopior av {args.file.name}.")
    for b in backups:
        plans = "oläsbar" if b.plan_count is None else f"{b.plan_count} planer"
        print(f"{b.local_time_text}  {plans:<10} {b.path}")
    return 0


def written_back_or_raise(status: Any) -> None:
    """After a command wrote a network file: a write-back that failed is a user error (exit 1)."""
    if status is not None and not status.all_written:
        raise StoreError(f"{status.message}. Ändringen finns kvar i arbetskopian på den här datorn och "
                         "skrivs tillbaka nästa gång filen öppnas.")


def cmd_restore(args: argparse.Namespace) -> int:
    target, aside = restore_under_lock(args.backup, args.file, break_stale=args.break_lock)
    print(f"Återställde {target.name} från {args.backup.name}.")
    if aside:
        print(f"Den tidigare filen finns kvar som {aside}.")
    return 0


HANDLERS = {"copy": cmd_copy, "merge": cmd_merge, "send": cmd_send, "backups": cmd_backups,
            "restore": cmd_restore}
