"""Opening, creating and checking Uppdrag database files.

A file is opened in two steps. First a raw read-only connection with SQLite's
defensive settings checks identity, version, integrity and the schema
allow-list; nothing in that step can write to the file. Only a file that
passes is handed to peewee, whose connect-time pragmas would otherwise write
to a file that is not ours.

Durability: `journal_mode=DELETE` with `synchronous=FULL`. Every commit is
fsynced before it returns, and after a commit the file stands alone (no -wal
or -shm beside it), which is what a file that is mailed, copied to a USB
stick or kept on a network share needs. WAL is faster but relies on shared
memory that does not work over network file systems. Every write starts with
BEGIN IMMEDIATE so that two programs on one file wait for each other instead
of failing halfway through a read-then-write.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError, OperationalError, SqliteDatabase

from db import models
from db.errors import FileRefused, ReadOnlyStore, StoreError, database_error_text
from db.history import default_author
from db.identity import APPLICATION_ID, SCHEMA_VERSION, read_header
from db.migrations import migrate
from db.schema import schema_difference
from db.sidecars import has_hot_journal, journal_path, prove_own_journal, set_aside_strays
from db.tempfiles import remove_stale_temps, temp_beside
from db.uri import file_uri

BUSY_TIMEOUT_S = 10
MAX_TEXT_BYTES = 64 * 1024 * 1024  # a crafted 1 GB cell is refused, not loaded

PRAGMAS = (
    ("journal_mode", "delete"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("trusted_schema", 0),
    ("cell_size_check", 1),
    ("mmap_size", 0),
)


def harden(conn: sqlite3.Connection) -> None:
    """SQLite's defensive settings for files that may come from someone else."""
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_TRUSTED_SCHEMA, False)
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_TRIGGER, False)
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_VIEW, False)
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, False)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_TEXT_BYTES)


class HardenedSqliteDatabase(SqliteDatabase):
    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        harden(conn)
        super()._add_conn_hooks(conn)


@dataclass
class FileCheck:
    """What the raw check found out about a file."""

    path: Path
    version: int
    writable: bool
    recovered: bool = False  # a hot journal from a stopped program was rolled back
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # what was done beside the file, in Swedish


def _describe(path: Path) -> str:
    return f"”{path.name}”"


def _raw_connect(path: Path, *, write: bool) -> sqlite3.Connection:
    mode = "rw" if write else "ro"
    uri = file_uri(path, mode=mode)
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    harden(conn)
    conn.execute("PRAGMA mmap_size = 0")
    conn.execute("PRAGMA cell_size_check = ON")
    return conn


def _is_writable(path: Path) -> bool:
    # A journal must be creatable beside the file, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def check_file(path: Path, *, allow_recovery: bool = True, read_only: bool = False) -> FileCheck:
    """Check that `path` is a genuine Uppdrag file we can read; raise FileRefused if not.

    Nothing here writes to the file, except that a genuine Uppdrag file left
    with a hot journal is rolled back by SQLite itself when `allow_recovery`
    is set and the file is writable: that restores its last committed state,
    and only after the journal was proven to be the file's own (db.sidecars).
    A stray -wal/-shm is set aside before SQLite opens the file.
    """
    name = _describe(path)
    if not path.exists():
        raise FileRefused(f"Filen {name} finns inte.")
    if path.is_dir():
        raise FileRefused(f"{name} är en mapp, inte en Uppdrag-fil.")
    try:
        size = path.stat().st_size
        header = read_header(path) if size else None
    except OSError as exc:
        raise FileRefused(f"Filen {name} kan inte läsas: {exc.strerror}.") from exc
    if size == 0:
        raise FileRefused(f"Filen {name} är tom (0 byte) och är ingen Uppdrag-fil.")
    if header is None:
        raise FileRefused(f"Filen {name} är ingen Uppdrag-fil (den är inte en SQLite-databas).")
    if header.application_id != APPLICATION_ID:
        raise FileRefused(
            f"Filen {name} är en databas från ett annat program, inte en Uppdrag-fil."
        )
    if header.user_version > SCHEMA_VERSION:
        raise FileRefused(
            f"Filen {name} är skapad av en nyare version av Uppdrag (schemaversion "
            f"{header.user_version}; den här versionen kan öppna till och med version "
            f"{SCHEMA_VERSION}). Uppdatera Uppdrag för att öppna den. Filen har inte ändrats."
        )
    if header.user_version < 1:
        raise FileRefused(f"Filen {name} saknar schemaversion och kan inte öppnas.")
    # A commit stopped halfway can leave the file shorter than its header says
    # while the hot journal still holds the pages to put back: that is recoverable.
    if header.page_count and size < header.page_count * header.page_size and not has_hot_journal(path):
        raise FileRefused(
            f"Filen {name} är avkortad ({size} byte av "
            f"{header.page_count * header.page_size}) och kan inte öppnas. "
            "Använd en säkerhetskopia."
        )

    writable = _is_writable(path)
    notices = set_aside_strays(path, header, writable=writable)
    if header.wal and (read_only or not allow_recovery or not writable):
        # SQLite would make a -wal and -shm beside it even to read it
        raise FileRefused(
            f"Filen {name} har ställts om till WAL-läge av ett annat program och kan inte läsas "
            "skrivskyddat utan att filer skapas bredvid den. Öppna den för redigering i Uppdrag en gång, "
            "så ställs den tillbaka. Filen har inte ändrats."
        )
    recovered = False
    if has_hot_journal(path) and _journal_is_hot(path):
        if not (allow_recovery and writable):
            raise FileRefused(
                f"Filen {name} höll på att skrivas när ett program stoppades och kan bara "
                "återställas där den är skrivbar. Kopiera filen tillsammans med "
                f"{journal_path(path).name} till en skrivbar mapp och öppna kopian."
            )
        copies = prove_own_journal(path, header)
        notices.append(f"Filen {name} höll på att skrivas när ett program stoppades och har återställts till "
                       f"sitt senast sparade läge. Kopior av filen och journalen som den var finns i ”{copies}”.")
        recovered = True

    try:
        conn = _raw_connect(path, write=recovered)
    except sqlite3.Error as exc:
        raise FileRefused(f"Filen {name} kan inte öppnas: {exc}.") from exc
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID or version != header.user_version:
            raise FileRefused(f"Filen {name} är skadad (rubriken stämmer inte med innehållet).")
        integrity = _start_check(path, "quick_check")  # SQLite walks the file while Python compares the schema
        try:
            diff = schema_difference(conn, version)
        finally:
            result = integrity()  # never leave the file open behind a refusal
        if result != ["ok"]:
            raise FileRefused(
                f"Filen {name} är skadad och kan inte öppnas ({result[0]}). "
                "Använd en säkerhetskopia."
            )
        if diff:
            raise FileRefused(
                f"Filen {name} innehåller databasobjekt som en Uppdrag-fil inte har "
                f"({', '.join(diff[:5])}) och öppnas inte av säkerhetsskäl. Filen har inte ändrats."
            )
    except sqlite3.DatabaseError as exc:
        raise FileRefused(f"Filen {name} är skadad och kan inte öppnas ({exc}).") from exc
    finally:
        conn.close()
    return FileCheck(path=path, version=version, writable=writable, recovered=recovered, notices=notices)


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
    rolled back by the caller's first read before this starts. A damaged file
    may make the check's own lines invalid UTF-8; they are read with
    replacement characters, so the message stays readable.
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        if background:
            _lower_priority()
        try:
            conn = _raw_connect(path, write=False)
            conn.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
            try:
                outcome["rows"] = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
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
        return outcome.get("rows") or ["ok"]  # type: ignore[return-value]

    return result


def start_integrity_check(path: Path) -> Callable[[], list[str]]:
    """`PRAGMA integrity_check` (indexes against tables too) in a thread; call the result to wait."""
    return _start_check(path, "integrity_check", background=True)


@dataclass
class Store:
    """An open Uppdrag file. Models are bound to it while it is the active store.

    `PRAGMA integrity_check` (which, unlike quick_check, compares every index
    with its table) runs on its own connection in a thread from the moment the
    file is opened, so opening is not slowed by it; the first write waits for
    its verdict, and a damaged file is never written: it becomes read-only.
    """

    path: Path
    db: SqliteDatabase
    read_only: bool
    recovered: bool = False
    migrated_from: int | None = None
    notices: list[str] = field(default_factory=list)  # what check_file did beside the file
    integrity: Callable[[], list[str]] | None = None  # waits for the integrity check's problems
    _problems: list[str] | None = None

    def activate(self) -> None:
        models.database.initialize(self.db)

    def integrity_problems(self) -> list[str]:
        """What `PRAGMA integrity_check` found ([] when the file is sound); waits for the check."""
        if self._problems is None:
            if self.integrity is None:
                self.integrity = start_integrity_check(self.path)
            try:
                self._problems = [p for p in self.integrity() if p != "ok"]
            except sqlite3.Error as exc:
                self._problems = [str(exc)]
            if self._problems:
                self.read_only = True
        return self._problems

    def damage_message(self) -> str | None:
        """In Swedish: the file is damaged, opened read-only, and the latest good backup; None when sound."""
        problems = self.integrity_problems()
        if not problems:
            return None
        from db.backup import damaged_file_message

        return damaged_file_message(self.path, problems)

    def require_writable(self) -> None:
        """Raise ReadOnlyStore unless the file may be written: opened writable and found sound
        (the first time, this waits for the integrity check's verdict)."""
        if not self.read_only and self._problems is None:
            self.integrity_problems()
        if self.read_only:
            raise ReadOnlyStore(self.damage_message() if self._problems
                                else f"Filen ”{self.path.name}” är öppnad skrivskyddad.")

    @contextmanager
    def write(self, *, reads_first: bool = False) -> Iterator[None]:
        """One committed transaction, begun with BEGIN IMMEDIATE.

        With `reads_first` the transaction may begin while the integrity check still runs: the
        caller reads (a merge, for a while) and calls `require_writable()` before its first write,
        so the check and the reading overlap and a damaged file is still never written.
        """
        if self.read_only or not reads_first:
            self.require_writable()
        try:
            with self.db.atomic():
                yield
        except (sqlite3.DatabaseError, DatabaseError) as exc:
            if reads_first:  # a damaged file met while reading is said to be damaged, with its backup
                self.require_writable()
            if not isinstance(exc, sqlite3.OperationalError | OperationalError):
                raise
            # On a full disk SQLite has rolled back already and peewee's own rollback then fails
            # with "cannot rollback - no transaction is active", which would hide the real error.
            raise StoreError(database_error_text(exc) or str(exc)) from exc

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def _peewee_database(path: Path, read_only: bool) -> SqliteDatabase:
    if read_only:
        uri = file_uri(path)
        db = HardenedSqliteDatabase(
            uri, uri=True, pragmas=(("foreign_keys", 1), ("trusted_schema", 0), ("mmap_size", 0)),
            timeout=BUSY_TIMEOUT_S,
        )
    else:
        db = HardenedSqliteDatabase(
            str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S, lock_type="IMMEDIATE"
        )
    db.author = default_author()  # who the row history records (db/history.py)
    db.connect()
    return db


def open_store(path: Path | str, *, read_only: bool = False, migrate_old: bool = True) -> Store:
    """Open an existing Uppdrag file after checking it; migrate older versions first."""
    path = Path(path)
    check = check_file(path, read_only=read_only)
    read_only = read_only or not check.writable
    migrated_from = None
    if check.version < SCHEMA_VERSION:
        if read_only or not migrate_old:
            raise FileRefused(
                f"Filen ”{path.name}” har en äldre schemaversion ({check.version}) och måste "
                "uppgraderas, men den är skrivskyddad. Kopiera den till en skrivbar mapp."
            )
        problems = [p for p in start_integrity_check(path)() if p != "ok"]
        if problems:  # an upgrade writes: never into a damaged file
            from db.backup import damaged_file_message

            raise FileRefused(damaged_file_message(path, problems, opened=False))
        _migrate_file(path, check.version)
        migrated_from = check.version
    store = Store(path, _peewee_database(path, read_only), read_only, check.recovered, migrated_from,
                  check.notices)
    if not read_only:
        store.integrity = start_integrity_check(path)  # its verdict is waited for by the first write
    store.activate()
    return store


def _migrate_file(path: Path, version: int) -> None:
    from db.backup import backup_before_migration

    backup_before_migration(path, version)
    conn = _raw_connect(path, write=True)
    try:
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, version, SCHEMA_VERSION)
    finally:
        conn.close()


def create_store(path: Path | str) -> Store:
    """Make a new, empty Uppdrag file at `path`; never touch a file that exists.

    The file is built beside its final name and renamed into place, so a crash
    leaves either no file or a complete one.
    """
    path = Path(path)
    if path.exists():
        raise StoreError(f"Filen ”{path.name}” finns redan; välj ett annat namn.")
    if not path.parent.exists():
        raise StoreError(f"Mappen ”{path.parent}” finns inte.")
    remove_stale_temps(path.parent)
    tmp = temp_beside(path)
    tmp.unlink()
    try:
        db = HardenedSqliteDatabase(str(tmp), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S)
        db.connect()
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        with db.bind_ctx(models.MODELS):
            with db.atomic():
                db.create_tables(models.MODELS)
                models.Setting.create(key="file_uuid", value=f'"{models.new_uuid()}"')
        db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.close()
        _fsync_file(tmp)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return open_store(path)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; folders cannot be opened for fsync on Windows."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def integrity_report(store: Store) -> list[str]:
    """Problems `PRAGMA integrity_check` and `foreign_key_check` find; [] when the file is sound."""
    problems = list(store.integrity_problems())
    fk = store.db.execute_sql("PRAGMA foreign_key_check").fetchall()
    problems += [f"felaktig referens i tabell {r[0]} (rad {r[1]})" for r in fk]
    return problems
