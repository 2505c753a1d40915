"""What lies beside a database file, checked before SQLite may see it.

SQLite trusts the files it finds beside a database: it plays back any
`NAME-journal` that starts with the journal magic, and it reads a `NAME-wal`
even when the file is in rollback mode. Neither says which database it
belongs to, so a journal or WAL left by another file, or by an older file of
the same name, would replace this file's data (measured: a 2-plan file became
a 0-plan file with the other file's identity, and the checks said ok).

- A stray `-wal`/`-shm` beside a rollback-mode file (Uppdrag never uses WAL)
  is renamed aside before SQLite opens the file.
- A hot journal is played back only when it is proven to be this file's own:
  its page size and the size it records for the file before the stopped
  transaction agree with the file; its saved page 1, when the transaction
  changed page 1, is an Uppdrag header of this file; and a trial rollback on
  copies gives a sound Uppdrag file with the same file uuid as before.
  Byte copies of the file and its journal are kept first, whatever follows.

The rollback journal format: a header of 28 bytes (magic, record count,
checksum nonce, the file's size in pages before the transaction, sector size,
page size) padded to the sector size, then records of (page number, the
page's original content, checksum); after a sync a new header may start at
the next sector boundary.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db.connection import check_lines, harden
from db.errors import FileRefused
from db.i18n import tr
from db.identity import APPLICATION_ID, HEADER_SIZE, Header, parse_header
from db.uri import file_uri

# A rollback journal is "hot" (must be played back) only when it starts with
# this magic; SQLite ignores an empty or zeroed journal left by a writer that
# was stopped before its first sync.
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_JOURNAL_HEADER = struct.Struct(">8sIIIII")
ALL_RECORDS = 0xFFFFFFFF


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def wal_paths(path: Path) -> list[Path]:
    return [path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def has_hot_journal(path: Path) -> bool:
    try:
        with open(journal_path(path), "rb") as fh:
            return fh.read(len(JOURNAL_MAGIC)) == JOURNAL_MAGIC
    except OSError:
        return False


@dataclass(frozen=True)
class Journal:
    page_size: int
    initial_pages: int  # the file's size in pages before the stopped transaction
    page_one: bytes | None  # the first 100 bytes of page 1 as they were, when the journal saved page 1


def _power_of_two(n: int) -> bool:
    return 512 <= n <= 65536 and n & (n - 1) == 0


def read_journal(path: Path) -> Journal | None:
    """The journal beside `path` read with plain file I/O; None when it is not a readable hot journal."""
    jpath = journal_path(path)
    try:
        size = jpath.stat().st_size
        fh = open(jpath, "rb")  # noqa: SIM115 - closed below
    except OSError:
        return None
    with fh:
        head = fh.read(_JOURNAL_HEADER.size)
        if len(head) < _JOURNAL_HEADER.size or not head.startswith(JOURNAL_MAGIC):
            return None
        _, _, _, initial, sector, page_size = _JOURNAL_HEADER.unpack(head)
        if not (_power_of_two(sector) and _power_of_two(page_size)):
            return None
        page_one = None
        offset = 0
        while offset + _JOURNAL_HEADER.size <= size:
            fh.seek(offset)
            magic, records, _, _, _, _ = _JOURNAL_HEADER.unpack(fh.read(_JOURNAL_HEADER.size))
            if magic != JOURNAL_MAGIC:
                break
            start = offset + sector
            if records == ALL_RECORDS:
                records = max(0, (size - start) // (page_size + 8))
            for i in range(records):
                at = start + i * (page_size + 8)
                if at + page_size + 8 > size:
                    break
                fh.seek(at)
                (page,) = struct.unpack(">I", fh.read(4))
                if page == 1 and page_one is None:
                    page_one = fh.read(HEADER_SIZE)
            if records == 0:
                break
            end = start + records * (page_size + 8)
            offset = -(-end // sector) * sector
    return Journal(page_size, initial, page_one)


def _mismatch(journal: Journal | None, header: Header) -> str | None:
    """Why the journal cannot be this file's own, read from the bytes alone; None when it may be."""
    if journal is None:
        return tr("journalens rubrik går inte att läsa")
    if journal.page_size != header.page_size:
        return tr("journalen gäller sidor på {journal} byte, filen har {file}", journal=journal.page_size,
                  file=header.page_size)
    if journal.page_one is None:
        # page 1 was not changed, so the file's header still gives its size before the transaction
        if journal.initial_pages != header.page_count:
            return tr("journalen gäller en fil på {journal} sidor, filen har {file}", journal=journal.initial_pages,
                      file=header.page_count)
        return None
    saved = parse_header(journal.page_one)
    if saved is None or saved.application_id != APPLICATION_ID:
        return tr("journalen kommer från en databas som inte är en Uppdrag-fil")
    if saved.page_size != header.page_size or saved.page_count != journal.initial_pages:
        return tr("journalens sparade filhuvud stämmer inte med journalen")
    if header.change_counter not in (saved.change_counter, saved.change_counter + 1):
        return tr("journalen kommer från en annan version av filen (ändringsräknaren skiljer sig)")
    return None


def _identity(conn: sqlite3.Connection) -> tuple[int, str | None]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = 'file_uuid'").fetchone()
    except sqlite3.Error:
        row = None
    return app_id, (row[0] if row else None)


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    conn = sqlite3.connect(file_uri(path, mode=mode), uri=True, isolation_level=None)
    harden(conn)
    conn.execute("PRAGMA mmap_size = 0")
    return conn


def _trial_rollback(copies: Path, name: str) -> str | None:
    """Roll back a copy of the file with a copy of its journal; why that does not give this file, or None."""
    trial = copies / "prov"
    trial.mkdir()
    try:
        shutil.copyfile(copies / name, trial / name)
        try:  # the file as the stopped program left it, without its journal (it may be half-written)
            conn = _connect(trial / name, "ro")
            try:
                before = _identity(conn)[1]
            finally:
                conn.close()
        except sqlite3.Error:
            before = None
        shutil.copyfile(copies / (name + "-journal"), trial / (name + "-journal"))
        conn = _connect(trial / name, "rw")
        try:
            app_id, after = _identity(conn)  # the first read plays the journal back
            result = check_lines(conn, "integrity_check")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return tr("en återställd kopia gick inte att läsa ({why})", why=exc)
    except OSError as exc:
        return tr("en kopia för att pröva återställningen kunde inte skrivas ({why})", why=exc.strerror or exc)
    finally:
        shutil.rmtree(trial, ignore_errors=True)
    if app_id != APPLICATION_ID:
        return tr("återställd med journalen är filen inte längre en Uppdrag-fil")
    if result != ["ok"]:
        return tr("återställd med journalen blir filen skadad")
    if before is not None and after != before:
        return tr("återställd med journalen får filen en annan fils identitet")
    return None


def keep_copies(path: Path) -> Path:
    """Byte copies of the file and its journal in the data folder; the folder they are in."""
    from db.paths import data_dir
    from db.tempfiles import short_name

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = data_dir() / "aterstallning" / f"{short_name(path.name)}.{stamp}"
    try:
        folder.mkdir(parents=True)
        for source in (path, journal_path(path)):
            shutil.copyfile(source, folder / source.name)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise FileRefused(
            tr("Filen ”{name}” höll på att skrivas när ett program stoppades, men kopior av filen och journalen "
               "kunde inte sparas i ”{folder}” ({why}) innan den återställs. Ingenting har ändrats. Frigör utrymme "
               "och försök igen.", name=path.name, folder=folder.parent, why=exc.strerror or exc)
        ) from None
    return folder


def prove_own_journal(path: Path, header: Header) -> Path:
    """Keep copies, then prove the hot journal beside `path` is its own; the folder with the copies.

    Raises FileRefused (file and journal untouched) when it cannot be proven.
    """
    copies = keep_copies(path)
    reason = _mismatch(read_journal(path), header) or _trial_rollback(copies, path.name)
    if reason:
        jname = journal_path(path).name
        raise FileRefused(
            tr("Bredvid filen ”{name}” ligger en journal från ett avbrutet skrivande ({journal}), men den hör inte "
               "till den här filen: {reason}. Journalen har inte spelats upp, ingen av filerna har ändrats och "
               "filen öppnas inte. Kopior av båda finns i ”{copies}”. Om filen ska öppnas som den är: flytta bort "
               "{journal} från mappen och öppna filen igen.", name=path.name, journal=jname, reason=reason,
               copies=copies)
        )
    return copies


def set_aside_strays(path: Path, header: Header, *, writable: bool) -> list[str]:
    """Rename a `-wal`/`-shm` beside a rollback-mode file aside before SQLite can read it; the notices."""
    found = [p for p in wal_paths(path) if os.path.lexists(p)]
    if header.wal or not found:
        return []
    names = tr(" och ").join(p.name for p in found)
    if not writable:
        raise FileRefused(
            tr("Bredvid filen ”{name}” ligger {names}, som inte hör till den (Uppdrag använder inte WAL-läge) och "
               "som skulle läsas in i filen. Den har inte lästs och filen öppnas inte. Flytta bort {names} från "
               "mappen och öppna filen igen.", name=path.name, names=names)
        )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = []
    for p in found:
        aside = p.with_name(f"{p.name}.undanlagd-{stamp}")
        os.replace(p, aside)
        moved.append(aside.name)
    return [tr("Bredvid filen ”{name}” låg {names}, som inte hör till den. Den lästes inte och har flyttats undan "
               "som {moved}.", name=path.name, names=names, moved=tr(" och ").join(moved))]
