"""Consistent copies of a live file: backup API → temp file → fsync → rename.

Copying the raw bytes while another connection writes can give a torn copy;
SQLite's backup API copies a consistent snapshot. The copy is written beside
its final name and renamed into place, so a crash leaves the old target or a
complete new one, never half a file.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from db.check import check_file, start_integrity_check
from db.connection import check_lines, fsync_dir, fsync_file, harden, raw_connect
from db.errors import StoreError
from db.i18n import tr
from db.paths import backup_dir
from db.tempfiles import remove_stale_temps, short_name, temp_beside
from db.uri import file_uri


def copy_database(source: Path, target: Path, prepare: Callable[[sqlite3.Connection], None] | None = None) -> Path:
    """Write a consistent copy of the SQLite file `source` to `target` (replacing it).

    `prepare` changes the copy before it is checked and renamed into place (in one
    transaction); the copy is then rewritten (VACUUM) so no page keeps what it removed.
    """
    target = Path(target)
    if target.resolve() == Path(source).resolve():
        raise StoreError(tr("Kopian kan inte skrivas över originalfilen; välj ett annat namn."))
    try:
        remove_stale_temps(target.parent)
        tmp = temp_beside(target)
    except OSError as exc:
        raise StoreError(tr("Kopian kunde inte skrivas i mappen ”{folder}”: {why}. Välj en annan mapp.",
                            folder=target.parent, why=exc.strerror or exc)) from exc
    try:
        with closing(sqlite3.connect(file_uri(source), uri=True)) as src:
            harden(src)
            with closing(sqlite3.connect(str(tmp))) as dst:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                if prepare is not None:
                    with dst:
                        prepare(dst)
                    dst.execute("VACUUM")
                ok = check_lines(dst)[0]
        if ok != "ok":
            raise StoreError(tr("Kopian av ”{name}” blev inte hel ({why}).", name=Path(source).name, why=ok))
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise StoreError(tr("Kopian kunde inte skrivas: {why}.", why=exc)) from exc
    except OSError as exc:
        raise StoreError(tr("Kopian ”{name}” kunde inte skrivas: {why}.", name=target.name, why=exc.strerror or exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def backup_before_migration(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir() / f"{short_name(path.stem)}.v{version}.{stamp}.fore-uppgradering{path.suffix or '.uppdrag'}"
    return copy_database(path, target)


# --- automatic session backups ----------------------------------------------

SESSIONS_KEPT = 10
DAILY_DAYS_KEPT = 14
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_STAMP_RE = re.compile(r"\.(\d{8}T\d{12}Z)\.[^.]+$")


def session_backup_folder(path: Path) -> Path:
    folder = backup_dir() / Path(path).stem
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_time(name: str) -> datetime | None:
    """The UTC time a session backup was taken, read from its name; None for other files."""
    m = _STAMP_RE.search(name)
    if not m:
        return None
    try:
        return datetime.strptime(m.group(1), _STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def backups_to_keep(names_with_times: Iterable[tuple[str, datetime]], now: datetime) -> set[str]:
    """The rotation policy as a pure function: the last SESSIONS_KEPT backups, plus the
    newest backup of each of the last DAILY_DAYS_KEPT days (counting today)."""
    items = sorted(names_with_times, key=lambda nt: (nt[1], nt[0]), reverse=True)
    keep = {name for name, _ in items[:SESSIONS_KEPT]}
    today = now.date()
    seen_days: set[date] = set()
    for name, when in items:
        day = when.date()
        if 0 <= (today - day).days < DAILY_DAYS_KEPT and day not in seen_days:
            seen_days.add(day)
            keep.add(name)
    return keep


def _integrity_check(path: Path) -> str:
    """The first line of `PRAGMA integrity_check`: a backup must be sound, not only readable,
    since it is what a damaged file is restored from."""
    return start_integrity_check(path)()[0]


def make_session_backup(path: Path, *, now: datetime | None = None) -> Path:
    """Copy `path` into its backup folder with a timestamped name, verify the copy,
    and only then remove backups the rotation policy no longer keeps."""
    path = Path(path)
    now = now or datetime.now(UTC)
    folder = session_backup_folder(path)
    target = folder / f"{short_name(path.stem)}.{now.strftime(_STAMP_FORMAT)}{path.suffix or '.uppdrag'}"
    # Checked under a temporary name, which list_backups passes over: a copy of a damaged file is
    # never offered as "the latest good backup", not even while its check runs.
    pending = temp_beside(target)
    try:
        copy_database(path, pending)
        result = _integrity_check(pending)
        if result != "ok":
            raise StoreError(tr("Säkerhetskopian av ”{name}” kunde inte verifieras ({why}).", name=path.name, why=result))
        os.replace(pending, target)
        fsync_dir(folder)
    finally:
        pending.unlink(missing_ok=True)
    found = [(p.name, t) for p in folder.iterdir() if p.is_file() and (t := backup_time(p.name))]
    keep = backups_to_keep(found, now)
    keep.add(target.name)
    for name, _ in found:
        if name not in keep:
            (folder / name).unlink(missing_ok=True)
    return target


def backups_of(path: Path) -> list[Path]:
    """Every copy of `path` kept in the backup folder: its session backups and the copies taken
    before an upgrade of its schema."""
    path = Path(path)
    folder = backup_dir() / path.stem
    sessions = [p for p in folder.iterdir() if p.is_file() and backup_time(p.name)] if folder.is_dir() else []
    stem = re.escape(short_name(path.stem))
    upgrade = re.compile(rf"{stem}\.v\d+\.\d{{8}}-\d{{6}}\.fore-uppgradering")
    return sorted(sessions) + sorted(p for p in backup_dir().iterdir() if p.is_file() and upgrade.match(p.name))


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC
    size: int
    plan_count: int | None  # None when the backup cannot be read
    problem: str = ""

    @property
    def local_time_text(self) -> str:
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _plan_count(path: Path) -> int:
    check_file(path, allow_recovery=False)
    conn = raw_connect(path, write=False)
    try:
        return conn.execute("SELECT count(*) FROM plan WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()


def list_backups(path: Path) -> list[BackupInfo]:
    """The session backups of `path`, newest first, each with its time and number of plans."""
    folder = backup_dir() / Path(path).stem
    if not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        when = backup_time(p.name)
        if when is None or not p.is_file():
            continue
        try:
            count, problem = _plan_count(p), ""
        except (StoreError, sqlite3.Error) as exc:
            count, problem = None, str(exc)
        try:
            size = p.stat().st_size
        except FileNotFoundError:  # taken away while listed: a backup that failed its own check
            continue
        out.append(BackupInfo(p, when, size, count, problem))
    return sorted(out, key=lambda b: b.taken_at, reverse=True)


ASIDE_SUFFIX = ".fore-aterstallning"


def _aside_name(target: Path) -> Path:
    aside = target.with_name(target.name + ASIDE_SUFFIX)
    if aside.exists() or aside.with_name(aside.name + "-journal").exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        aside = target.with_name(f"{target.name}{ASIDE_SUFFIX}-{stamp}")
    return aside


def restore_backup(backup: Path, target: Path) -> tuple[Path, Path | None]:
    """Put the content of `backup` back at `target` (a consistent copy, renamed into place).

    The file that was at `target` is never deleted: it is kept aside as
    `TARGET.fore-aterstallning` (with its -journal, if a stopped program left
    one, so that the restored file cannot pick up a stale journal). Returns
    (target, the file kept aside or None).
    """
    backup, target = Path(backup), Path(target)
    check_file(backup, allow_recovery=False)
    aside: Path | None = None
    journal = target.with_name(target.name + "-journal")
    if target.exists() or journal.exists():
        aside = _aside_name(target)
        if target.exists():
            try:
                copy_database(target, aside)  # a consistent copy when the file is readable
            except (StoreError, sqlite3.Error):
                shutil.copy2(target, aside)  # a damaged file is kept byte for byte
        if journal.exists():
            os.replace(journal, aside.with_name(aside.name + "-journal"))
        fsync_dir(target.parent)
    copy_database(backup, target)
    return target, aside


def latest_good_backup(path: Path) -> BackupInfo | None:
    """The newest session backup of `path` that opens and passes its checks."""
    return next((b for b in list_backups(path) if b.plan_count is not None), None)


def damaged_file_message(path: Path, problems: list[str], *, opened: bool = True) -> str:
    """In Swedish: the file is damaged, nothing will be written to it, and the latest good backup."""
    name = Path(path).name
    first = problems[0] if problems else tr("okänt fel")
    found = first if len(problems) < 2 else tr("{first} och {more} fel till", first=first, more=len(problems) - 1)
    text = tr("Filen ”{name}” är skadad (integritetskontrollen fann: {found}). ", name=name, found=found) + (
        tr("Den har öppnats skrivskyddad, så att inget skrivs i den. ") if opened else tr("Den har inte ändrats. "))
    backup = latest_good_backup(path)
    if backup is None:
        return text + tr("Det finns ingen säkerhetskopia av den. Spara en kopia av filen och exportera "
                         "planerna som går att läsa.")
    return text + tr("Den senaste hela säkerhetskopian är från {when} ({backup}). "
                     "Återställ den med Arkiv → Återställ från säkerhetskopia, eller med "
                     "uppdrag restore \"{backup}\" \"{path}\".", when=backup.local_time_text, backup=backup.path,
                     path=path)


# --- snapshots for undoing a whole-file step (a merge) -------------------------


def snapshot(conn: sqlite3.Connection, target: Path) -> Path:
    """The open database behind `conn` as it is now, copied to `target` with the backup API."""
    dst = sqlite3.connect(str(target))
    try:
        conn.backup(dst)
    finally:
        dst.close()
    return target


def restore_into(conn: sqlite3.Connection, snapshot_path: Path) -> None:
    """Make the open database behind `conn` what `snapshot_path` holds, in one step (the backup API
    writes every page inside one transaction of `conn`)."""
    src = sqlite3.connect(file_uri(snapshot_path), uri=True)
    harden(src)
    try:
        src.backup(conn)
    finally:
        src.close()
