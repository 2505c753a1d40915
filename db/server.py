"""A team server: the same models on a PostgreSQL database, reached by a `postgresql://` URL.

Everything that takes a file also takes a server address: `postgresql://user@host:port/dbname`
or a libpq service, `postgresql:///?service=uppdrag` (db/server_connection.py). The store behaves like an open file
(`ServerStore` has the attributes and methods of `db.store.Store`), so the services,
exports and windows do not know which one they have.

Security rules kept here:
- Anything but localhost or a Unix socket must use TLS with a verified certificate
  (`sslmode=verify-full` unless the address says `verify-ca`; `sslrootcert=` names a CA file).
- A password is never stored: PostgreSQL's own `.pgpass` or service file, or a password typed
  for this session only (kept in memory to reconnect). An address with a password is refused.
- Every value goes to the server as a parameter; identifiers (role names) through psycopg.sql.

Connection faults become `StoreError`s with one Swedish sentence. A dropped connection (the
server restarted) is reconnected on the next statement; a transaction it interrupted was
rolled back by the server, so nothing is half-written.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

from db.errors import ChangedMeanwhile, FileRefused, ReadOnlyStore, StoreError
from db.i18n import tr
from db.server_connection import (
    ConnectionLost, ServerAddress, address, check_tls, connect_error, load_dates_as_text, raw_connect,
)
from db.server_notify import CHANNEL, Announcer, ChangeListener

INFO_TABLE = "uppdrag_schema"  # one row: the schema version (a file keeps it in PRAGMA user_version)


# --- the peewee database ---------------------------------------------------------------


def peewee_with_psycopg() -> object:
    """peewee with the PostgreSQL driver it would have imported itself (db/__init__.py keeps it from
    doing so at start-up)."""
    import peewee
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    if getattr(peewee, "psycopg", None) is None:
        peewee.psycopg, peewee.Json_pg3, peewee.Jsonb_pg3 = psycopg, Json, Jsonb
        peewee.TransactionStatus = TransactionStatus
    return peewee


def _database_class() -> type:
    peewee = peewee_with_psycopg()

    class ServerDatabase(peewee.PostgresqlDatabase):
        """PostgreSQL through psycopg 3; a broken connection is dropped and reopened on the next
        statement outside a transaction (once), and reported as ConnectionLost inside one."""

        addr: ServerAddress

        def _connect(self) -> Any:
            import psycopg

            try:
                conn = super()._connect()
            except psycopg.Error as exc:
                raise connect_error(self.addr, exc) from None
            check_tls(self.addr, conn)
            load_dates_as_text(conn)
            return conn

        def connect(self, reuse_if_open: bool = False) -> bool:
            try:
                return super().connect(reuse_if_open)
            except peewee.PeeweeException as exc:  # peewee wraps what _connect raised
                cause = exc.__cause__ or exc.__context__ or exc
                if isinstance(cause, StoreError):
                    raise cause from None
                raise connect_error(self.addr, cause) from None

        def _broken(self) -> bool:
            conn = self._state.conn
            return conn is None or conn.closed or conn.broken

        def drop_connection(self) -> None:
            conn = self._state.conn
            with suppress(Exception):  # it is already broken
                if conn is not None:
                    conn.close()
            self._state.reset()

        def execute_sql(self, sql: str, params: Any = None) -> Any:
            run = super().execute_sql
            return _once_more(self, lambda: run(sql, params), (peewee.OperationalError, peewee.InterfaceError))

        def one_row(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
            """What `execute_sql(sql, params).fetchone()` gives, through a statement prepared once on
            the connection (db.server_prepared: an edit's hot statements) outside a transaction, and
            through execute_sql inside one; a broken connection is reopened or reported as there."""
            import psycopg

            prepared = getattr(self._state, "prepared", None)  # peewee's state: this thread's connection
            if self._state.transactions or (prepared is not None and not prepared.has_room(sql)):
                return self.execute_sql(sql, params).fetchone()  # type: ignore[no-any-return]
            return _once_more(self, lambda: _prepared_on(self).one_row(sql, params), (psycopg.OperationalError,))

    return ServerDatabase


def _once_more(db: Any, run: Callable[[], Any], broken: tuple[type[BaseException], ...]) -> Any:
    """`run()` (a statement on `db`'s connection); when the connection turns out broken (`broken`
    raised), once more on a new connection outside a transaction, and ConnectionLost inside one
    (the transaction is gone with the connection; peewee unwinds it) or when it breaks again."""
    in_txn = bool(db._state.transactions)
    try:
        return run()
    except broken as exc:
        if db._state.closed or not db._broken():
            raise
        if in_txn:
            raise ConnectionLost(lost_sentence(db.addr)) from exc
        db.drop_connection()
    try:
        return run()
    except broken as exc:
        if not db._state.closed and db._broken():
            db.drop_connection()
            raise ConnectionLost(lost_sentence(db.addr)) from exc
        raise


def _prepared_on(db: Any) -> Any:
    """The statements prepared on `db`'s connection for this thread (db.server_prepared), kept in
    peewee's state of that connection; a new connection prepares anew."""
    from db.server_prepared import Prepared

    conn = db.connection()
    prepared = getattr(db._state, "prepared", None)
    if prepared is None or prepared.conn is not conn:
        prepared = db._state.prepared = Prepared(conn)
    return prepared


def _cause(exc: BaseException, kind: type[BaseException]) -> Any:
    """`exc` if it is `kind`, or the `kind` peewee's wrapper `exc` holds (peewee keeps psycopg's error as
    its first argument); None if neither."""
    return next((e for e in (exc, exc.__cause__, exc.__context__, *exc.args[:1]) if isinstance(e, kind)), None)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether `exc` is `kind`, or peewee's wrapper of one."""
    return _cause(exc, kind) is not None


def lost_sentence(addr: ServerAddress) -> str:
    return tr("Förbindelsen med {server} bröts och ändringen sparades inte; försök igen när servern "
              "svarar (inget har skrivits till hälften).", server=addr.name)


def open_database(addr: ServerAddress, password: str | None = None, *, shared: bool = False) -> Any:
    """Connected; with `shared`, one connection (and transaction) for every thread that uses it,
    instead of one a thread."""
    params = addr.connect_params()
    if password:
        params["password"] = password
    db = _database_class()(addr.url, prefer_psycopg3=True, autorollback=False, thread_safe=not shared, **params)
    db.addr = addr
    db.connect()
    return db


# --- the store ---------------------------------------------------------------------------


@dataclass
class ServerStore:
    """An open server database, used like db.store.Store."""

    path: ServerAddress  # the services and windows show `path.name`
    db: Any
    read_only: bool
    author: str  # the database user: who changed what
    version: int
    recovered: bool = False
    migrated_from: int | None = None
    notices: list[str] = field(default_factory=list)
    listener: ChangeListener | None = None
    client_id: str = field(default_factory=lambda: secrets.token_hex(8))
    password: str | None = field(default=None, repr=False)  # typed for this session only: to reconnect
    announcer: Announcer | None = None
    is_server: bool = True
    integrity: Any = None  # a file's integrity check; the server looks after its own pages
    _problems: list[str] | None = None

    def activate(self) -> None:
        from db import models

        models.database.initialize(self.db)

    def require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStore(tr("Du har bara läsbehörighet på {server}; ändringar kan inte sparas.",
                                   server=self.path.name))

    def begin_integrity_check(self, *, soon: bool = False) -> None:
        """The server checks its own pages; nothing to start here."""

    def integrity_problems(self) -> list[str]:
        return []

    def damage_message(self) -> str | None:
        return None

    @property
    def found_damaged(self) -> bool:
        return False

    @contextmanager
    def damage_told(self) -> Iterator[None]:
        """(A file's reads before its integrity check's verdict: nothing to tell of the server's.)"""
        yield

    def prune_history_if_due(self) -> bool:
        """(A file's history is pruned as it is opened for editing; a server's by `uppdrag server prune`.)"""
        return False

    @contextmanager
    def write(self, *, snapshot: bool = False) -> Iterator[None]:
        """One committed transaction; other clients hear of it when it commits (db.server_notify:
        announced after the commit; inside a transaction someone else began, at that one's commit).

        With `snapshot` (a merge, which reads rows and then writes what it decided from them) the
        transaction sees the server as it was at its first read (REPEATABLE READ): a row another
        client changes after that read cannot be written over unseen; the transaction is refused
        whole with ChangedMeanwhile, and the caller reads and decides again."""
        outermost = not self.db.in_transaction()
        level = "REPEATABLE READ" if snapshot and outermost else None
        with self._said(), self.db.atomic(isolation_level=level):
            yield
            if not outermost:
                self.db.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, self.client_id))
        if outermost:
            self._announce()

    def write_version(self, model: Any, row_id: int, expected: str, columns: dict[str, Any], *,
                      read_back: bool = False, action: str = "edit") -> Any:
        """`columns` as a new version of the row, if it is still at version `expected`, in one
        statement (db.history.update_if_current; `action` is what its history says was done); the
        new version id, or None if it moved on. With `read_back`, what the same statement read of
        the row when it did not write (db.rows.write_or_read) instead of None."""
        from db import history
        from db import rows as db_rows

        inside = self.db.in_transaction()
        write = db_rows.write_or_read if read_back else history.update_if_current
        with self._said():
            written = write(self.db, model, row_id, expected, columns, action=action,
                            notify=(CHANNEL, self.client_id) if inside else None)
        if isinstance(written, str) and not inside:
            self._announce()
        return written

    def _announce(self) -> None:
        """A write has committed: other clients hear of it within a moment (db.server_notify)."""
        self._the_announcer().committed()

    def _the_announcer(self) -> Announcer:
        if self.announcer is None:
            self.announcer = Announcer(lambda: raw_connect(self.path, self.password), self.client_id)
            self.announcer.listener = self.listener
        return self.announcer

    @contextmanager
    def _said(self) -> Iterator[None]:
        """A write: refused when read-only, and the server's refusals said in one Swedish sentence."""
        self.require_writable()
        try:
            yield
        except ConnectionLost:
            self.db.drop_connection()
            raise
        except Exception as exc:  # peewee's errors, and psycopg's own from bulk writes (cursor().executemany)
            said = self._refusal(exc)
            if said is None:
                raise
            raise said from exc

    def _refusal(self, exc: Exception) -> StoreError | None:
        """The Swedish sentence for a write the server refused or could not finish; None for anything else."""
        import peewee
        import psycopg

        if not isinstance(exc, peewee.PeeweeException | psycopg.Error):
            return None
        if self.db._broken():
            self.db.drop_connection()
            return ConnectionLost(lost_sentence(self.path))
        # (another client recorded a version this write was copying: db.history_records)
        duplicate = _cause(exc, psycopg.errors.UniqueViolation)
        recorded = duplicate is not None and duplicate.diag.constraint_name == "row_version_version"
        if recorded or _caused_by(exc, psycopg.errors.SerializationFailure):
            return ChangedMeanwhile(tr("Någon ändrade på {server} medan ändringarna skrevs dit; inget av dem "
                                       "har sparats. Försök igen.", server=self.path.name))
        text = str(exc)
        if "a row stays with its plan" in text:  # uppdrag_stay_with_plan (db.server_schema)
            return StoreError(tr(
                "En rad kan inte flyttas från en plan till en annan på {server}; inget har ändrats. Rader som "
                "redan hör till en annan plan måste tas bort ur det som skrivs (till exempel ur planfilen) "
                "innan det skrivs igen.", server=self.path.name))
        if "row-level security" in text:
            return StoreError(tr(
                "Du får inte ändra det här på {server}: bara planens författare, ägare, ledare eller utsedda "
                "redigerare får det. Be planens ägare eller IT om behörighet.", server=self.path.name))
        if "permission denied" in text:
            return StoreError(tr("Ditt konto får inte göra den här ändringen på {server} ({why}); be IT om behörighet.",
                                 server=self.path.name, why=text.splitlines()[0]))
        return None

    def listen(self, password: str | None = None) -> ChangeListener:
        """Start hearing other clients' commits (`changes_from_others` counts them)."""
        if self.listener is None:
            announcer = self._the_announcer()
            self.listener = ChangeListener(lambda: raw_connect(self.path, password), self.client_id, announcer)
            announcer.listener = self.listener  # its announcements go on the listener's connection
            self.listener.start()
        return self.listener

    @contextmanager
    def reader_alongside(self) -> Iterator[Any]:
        """A second connection, read-only, that sees the server as this store's transaction (a
        snapshot: see `write`) saw it at its first read: PostgreSQL's exported snapshot. One thread
        reads through it while another writes through this store; it never sees those writes."""
        (snapshot,) = self.db.execute_sql("SELECT pg_export_snapshot()").fetchone()
        if not _SNAPSHOT_ID.fullmatch(snapshot):  # (SET TRANSACTION takes no parameter: the id goes in the text)
            raise StoreError(f"unexpected snapshot id {snapshot!r}")
        other = open_database(self.path, self.password, shared=True)  # (read by more than one thread)
        try:
            with other.atomic(isolation_level="REPEATABLE READ"):
                other.execute_sql(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
                other.execute_sql("SET TRANSACTION READ ONLY")
                yield other
        finally:
            with suppress(Exception):  # a broken connection closes all the same
                other.close()

    def changes_from_others(self) -> int | None:
        return None if self.listener is None else self.listener.count

    def close(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if self.announcer is not None:
            self.announcer.listener = None
            self.announcer.close()
            self.announcer = None
        if not self.db.is_closed():
            try:
                self.db.close()
            except Exception:  # noqa: BLE001 - a broken connection closes all the same
                self.db.drop_connection()


NO_ACCESS = -1
_SNAPSHOT_ID = re.compile(r"[0-9A-F]+(-[0-9A-F]+)+")


def schema_version(db: Any) -> int | None:
    """The server's schema version; None when the database holds no Uppdrag schema, NO_ACCESS
    when this user may not read it."""
    (readable,) = db.execute_sql(
        "SELECT CASE WHEN to_regclass(%s) IS NULL THEN NULL ELSE has_table_privilege(%s, 'SELECT') END",
        (INFO_TABLE, INFO_TABLE),
    ).fetchone()
    if readable is None:
        return None
    if not readable:
        return NO_ACCESS
    found = db.execute_sql(f'SELECT max(version) FROM "{INFO_TABLE}"').fetchone()
    return found[0] if found else None


def open_server_store(url: str | ServerAddress, *, read_only: bool = False, password: str | None = None,
                      listen: bool = False, shared: bool = False) -> ServerStore:
    """Connect, check the schema version and what this user may do; the models are bound to it.
    `shared`: the connection serves every thread (a sync's, which writes the server from a thread of
    its own while it writes the file); otherwise each thread gets its own."""
    from db.identity import SCHEMA_VERSION

    addr = address(url)
    db = open_database(addr, password, shared=shared)
    try:
        version = schema_version(db)
        if version == NO_ACCESS:
            raise FileRefused(tr(
                "Du har ingen behörighet till {server}; be IT ge ditt konto läs- eller skrivrätt "
                "(uppdrag server grant).", server=addr.name))
        if version is None:
            raise FileRefused(tr(
                "Databasen {server} är ingen Uppdrag-databas; IT gör den till en med ”uppdrag server init ADRESS”.",
                server=addr.name))
        if version > SCHEMA_VERSION:
            raise FileRefused(tr(
                "Databasen {server} har schemaversion {version}, nyare än den här versionen av Uppdrag "
                "kan ({readable}); uppdatera Uppdrag för att använda den.", server=addr.name, version=version,
                readable=SCHEMA_VERSION))
        if version < SCHEMA_VERSION:
            raise FileRefused(tr(
                "Databasen {server} har en äldre schemaversion ({version}); be IT uppgradera den med "
                "”uppdrag server init ADRESS” innan den används.", server=addr.name, version=version))
        author, may_write = db.execute_sql(
            "SELECT session_user, has_table_privilege('plan', 'INSERT')"
        ).fetchone()
    except BaseException:
        db.drop_connection()
        raise
    db.author = author  # who the row history records: the database user, not a free-text name
    store = ServerStore(addr, db, read_only or not may_write, author, version, password=password)
    store.activate()
    if listen:
        store.listen(password)
    return store
