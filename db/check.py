"""The first step of opening a file: a read-only check that it is a genuine, sound Uppdrag file.

Nothing here writes to the file (a hot journal aside, see `check_file`), so a
file from someone else that is garbage, foreign, newer, truncated or crafted is
refused with a Swedish message before peewee's connect-time pragmas touch it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db.connection import BUSY_TIMEOUT_S, check_lines, raw_connect
from db.errors import FileRefused
from db.i18n import tr
from db.identity import APPLICATION_ID, SCHEMA_VERSION, Header, read_header
from db.schema import schema_difference
from db.sidecars import has_hot_journal, journal_path, prove_own_journal, set_aside_strays
from db.uri import file_uri


@dataclass
class FileCheck:
    """What the raw check found out about a file."""

    path: Path
    version: int
    writable: bool
    recovered: bool = False  # a hot journal from a stopped program was rolled back
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # what was done beside the file, in Swedish
    integrity: Callable[[], list[str]] | None = None  # the integrity check begun (`check_file`'s `verdict_later`)


def _describe(path: Path) -> str:
    return f"”{path.name}”"


def _is_writable(path: Path) -> bool:
    # A journal must be creatable beside the file, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def check_file(path: Path, *, allow_recovery: bool = True, read_only: bool = False,
               verdict_later: bool = False) -> FileCheck:
    """Check that `path` is a genuine Uppdrag file we can read; raise FileRefused if not.

    With `verdict_later`, for a writer that reads first and waits for the full integrity check
    before its first write (a sync: db.store.Store.write's `reads_first`), that check is begun
    here in place of SQLite's quick check and not waited for (FileCheck.integrity): the quick check
    is the first part of it, and the writer would otherwise wait for both. A file opened read-only
    or just recovered is quick-checked as ever.

    Nothing here writes to the file, except that a genuine Uppdrag file left
    with a hot journal is rolled back by SQLite itself when `allow_recovery`
    is set and the file is writable: that restores its last committed state,
    and only after the journal was proven to be the file's own (db.sidecars).
    A stray -wal/-shm is set aside before SQLite opens the file.
    """
    name = _describe(path)
    header = _genuine_header(path, name)
    writable = _is_writable(path)
    notices = set_aside_strays(path, header, writable=writable)
    if header.wal and (read_only or not allow_recovery or not writable):
        # SQLite would make a -wal and -shm beside it even to read it
        raise FileRefused(tr(
            "Filen {name} har ställts om till WAL-läge av ett annat program och kan inte läsas "
            "skrivskyddat utan att filer skapas bredvid den. Öppna den för redigering i Uppdrag en gång, "
            "så ställs den tillbaka. Filen har inte ändrats.", name=name))
    recovered = False
    if has_hot_journal(path) and _journal_is_hot(path):
        if not (allow_recovery and writable):
            raise FileRefused(tr(
                "Filen {name} höll på att skrivas när ett program stoppades och kan bara "
                "återställas där den är skrivbar. Kopiera filen tillsammans med "
                "{journal} till en skrivbar mapp och öppna kopian.", name=name, journal=journal_path(path).name))
        copies = prove_own_journal(path, header)
        notices.append(tr("Filen {name} höll på att skrivas när ett program stoppades och har återställts till "
                          "sitt senast sparade läge. Kopior av filen och journalen som den var finns i ”{copies}”.",
                          name=name, copies=copies))
        recovered = True
    later = verdict_later and writable and not read_only and not recovered
    integrity = _check_contents(path, name, header.user_version, recovered=recovered, verdict_later=later)
    return FileCheck(path=path, version=header.user_version, writable=writable, recovered=recovered,
                     notices=notices, integrity=integrity)


def _genuine_header(path: Path, name: str) -> Header:
    """The file's header, when it is an Uppdrag file this version can open; FileRefused otherwise."""
    if not path.exists():
        raise FileRefused(tr("Filen {name} finns inte.", name=name))
    if path.is_dir():
        raise FileRefused(tr("{name} är en mapp, inte en Uppdrag-fil.", name=name))
    try:
        size = path.stat().st_size
        header = read_header(path) if size else None
    except OSError as exc:
        raise FileRefused(tr("Filen {name} kan inte läsas: {reason}.", name=name, reason=exc.strerror)) from exc
    if size == 0:
        raise FileRefused(tr("Filen {name} är tom (0 byte) och är ingen Uppdrag-fil.", name=name))
    if header is None:
        raise FileRefused(tr("Filen {name} är ingen Uppdrag-fil (den är inte en SQLite-databas).", name=name))
    if header.application_id != APPLICATION_ID:
        raise FileRefused(tr("Filen {name} är en databas från ett annat program, inte en Uppdrag-fil.", name=name))
    if header.user_version > SCHEMA_VERSION:
        raise FileRefused(tr(
            "Filen {name} är skapad av en nyare version av Uppdrag (schemaversion "
            "{version}; den här versionen kan öppna till och med version "
            "{newest}). Uppdatera Uppdrag för att öppna den. Filen har inte ändrats.",
            name=name, version=header.user_version, newest=SCHEMA_VERSION))
    if header.user_version < 1:
        raise FileRefused(tr("Filen {name} saknar schemaversion och kan inte öppnas.", name=name))
    # A commit stopped halfway can leave the file shorter than its header says
    # while the hot journal still holds the pages to put back: that is recoverable.
    if header.page_count and size < header.page_count * header.page_size and not has_hot_journal(path):
        raise FileRefused(tr(
            "Filen {name} är avkortad ({size} byte av {whole}) och kan inte öppnas. Använd en säkerhetskopia.",
            name=name, size=size, whole=header.page_count * header.page_size))
    return header


def _check_contents(path: Path, name: str, version: int, *, recovered: bool,
                    verdict_later: bool = False) -> Callable[[], list[str]] | None:
    """Open the file (a first write rolls a proven hot journal back) and refuse it when its header and
    contents disagree, SQLite's quick check finds damage, or it holds objects an Uppdrag file has not.
    With `verdict_later` the integrity check is begun instead of the quick check, and returned."""
    try:
        conn = raw_connect(path, write=recovered)
    except sqlite3.Error as exc:
        raise FileRefused(tr("Filen {name} kan inte öppnas: {reason}.", name=name, reason=exc)) from exc
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID or found != version:
            raise FileRefused(tr("Filen {name} är skadad (rubriken stämmer inte med innehållet).", name=name))
        # SQLite walks the file while Python compares the schema
        check = _start_check(path, "integrity_check" if verdict_later else "quick_check")
        diff = None
        try:
            diff = schema_difference(conn, version)
        finally:  # never leave the file open behind a refusal; the writer waits for a later verdict itself
            result = ["ok"] if verdict_later and diff == [] else check()
        if result != ["ok"]:
            raise FileRefused(tr("Filen {name} är skadad och kan inte öppnas ({reason}). Använd en säkerhetskopia.",
                                 name=name, reason=result[0]))
        if diff:
            raise FileRefused(tr(
                "Filen {name} innehåller databasobjekt som en Uppdrag-fil inte har "
                "({objects}) och öppnas inte av säkerhetsskäl. Filen har inte ändrats.",
                name=name, objects=", ".join(diff[:5])))
        return check if verdict_later else None
    except sqlite3.DatabaseError as exc:
        raise FileRefused(tr("Filen {name} är skadad och kan inte öppnas ({reason}).", name=name, reason=exc)) from exc
    finally:
        conn.close()


def _lower_priority() -> None:
    """Let the window's thread go first: on Linux a thread's nice value is its own."""
    if hasattr(os, "setpriority") and hasattr(threading, "get_native_id"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except OSError:
            pass


def _journal_is_hot(path: Path) -> bool:
    """Whether a journal beside `path` is left by a stopped writer, as SQLite itself decides it.

    A journal is hot only while no connection holds the file's reserved lock: the journal of a
    program that is writing right now is its own business, and must not be read or copied. A
    read-only connection reports a hot journal (SQLITE_READONLY_ROLLBACK) and touches nothing;
    beside a live writer it simply reads (waiting out a commit).
    """
    try:
        conn = sqlite3.connect(file_uri(path), uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error:
        return True  # let the proof below say what is wrong
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return False
    except sqlite3.Error as exc:
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY_ROLLBACK
    finally:
        conn.close()


def _start_check(path: Path, pragma: str, *, background: bool = False) -> Callable[[], list[str]]:
    """Run `PRAGMA quick_check` or `integrity_check` on its own read-only connection in a thread;
    call the result to wait for its lines.

    SQLite does the walk without Python's lock, so on a large file the check
    costs little more than the work done beside it. Any hot journal has been
    rolled back by the caller's first read before this starts. The lines are
    read as db.connection.check_lines reads them (invalid UTF-8 replaced).
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        if background:
            _lower_priority()
        try:
            conn = raw_connect(path, write=False)
            try:
                outcome["rows"] = check_lines(conn, pragma)
            finally:
                conn.close()
        except sqlite3.Error as exc:
            outcome["error"] = exc
        except Exception as exc:  # noqa: BLE001 - reported to the caller as a damaged file
            outcome["error"] = sqlite3.DatabaseError(str(exc))

    worker = threading.Thread(target=run, name=f"uppdrag-{pragma}", daemon=True)
    worker.start()

    def result() -> list[str]:
        worker.join()
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["rows"]  # type: ignore[return-value]

    return result


def start_integrity_check(path: Path, *, background: bool = True) -> Callable[[], list[str]]:
    """`PRAGMA integrity_check` (indexes against tables too) in a thread; call the result to wait.
    A `background` check lets the window's thread go first."""
    return _start_check(path, "integrity_check", background=background)
