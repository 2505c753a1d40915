"""The team server's hottest statements sent through libpq's own prepared statements, below
psycopg's cursor: an edit's one statement (db.rows.write_or_read) and the read of one row by id
(db.rows.by_id).

A psycopg cursor costs about a hundred Python calls a statement (a cursor made, the query
converted and looked up in its cache, generators sent to and fro while waiting), as much as the
rest of an edit on the client, and twenty editors on two cores wait for each other's share. Here
a statement is prepared once on each connection (the server infers its parameters' types from
where they stand), then sent with its parameters as text, and the row it answers is read as text:
numbers, truth values and text directly, any other type by the loader psycopg would use.

The connection stays psycopg's: its transaction status, its closing and breaking are libpq's own
and read from there, so peewee's transactions and the reconnection in db.server work as for any
other statement. A refusal is psycopg's error for the server's answer, as a cursor raises it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

PREPARED_MAX = 100  # statements prepared on one connection; more go through a cursor
_SQLSTATE, _UNKNOWN_STATEMENT = 0x43, b"26000"  # PG_DIAG_SQLSTATE; invalid_sql_statement_name
_IDLE = 0  # libpq's PQTRANS_IDLE: no transaction open
_BOOL, _INTS, _TEXTS = 16, frozenset({20, 21, 23, 26}), frozenset({25, 1043})  # dates by their loader


class Prepared:
    """The statements prepared on one psycopg connection: statement text -> name, and for each
    name how each column of its rows is read (a prepared statement's columns keep their types)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.names: dict[str, bytes] = {}
        self.loaders: dict[bytes, tuple[Callable[[bytes], Any], ...]] = {}
        self.made = 0  # statements prepared so far: each gets a name never used before on the connection
        self.encoding: str = conn.info.encoding

    def has_room(self, sql: str) -> bool:
        return sql in self.names or len(self.names) < PREPARED_MAX

    def one_row(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
        """The first row `sql` (placeholders `%s`) answers with `params`, or None when it answers none.
        Outside a transaction only: there a statement the connection no longer knows is prepared again."""
        pg, encoding = self.conn.pgconn, self.encoding
        values = [p.encode(encoding) if type(p) is str else self._dumped(p) for p in params]
        with self.conn.lock:  # as a cursor takes it: a connection shared by threads serves one at a time
            name = self._name(sql)
            result = pg.exec_prepared(name, values)
            if result.error_field(_SQLSTATE) == _UNKNOWN_STATEMENT and pg.transaction_status == _IDLE:
                # psycopg lets go of every prepared statement of the connection (DEALLOCATE ALL) after
                # a ROLLBACK, DROP, ALTER or DISCARD ALL of its own: ours are gone with them. Refused
                # before anything ran, and outside a transaction, so nothing is lost by sending it again.
                self.names.clear()
                self.loaders.clear()
                name = self._name(sql)
                result = pg.exec_prepared(name, values)
            self._check(result)
        if not result.ntuples:
            return None
        loaders = self.loaders.get(name)
        if loaders is None:
            loaders = self.loaders[name] = tuple(self._loader(result.ftype(i)) for i in range(result.nfields))
        return tuple(None if (raw := result.get_value(0, i)) is None else load(raw) for i, load in enumerate(loaders))

    def _name(self, sql: str) -> bytes:
        """The name `sql` is prepared under on the connection, prepared now if it is not yet."""
        name = self.names.get(sql)
        if name is None:
            name = b"uppdrag_%d" % self.made
            self.made += 1
            self._check(self.conn.pgconn.prepare(name, numbered(sql).encode(self.encoding), None))
            self.names[sql] = name
        return name

    def _dumped(self, value: Any) -> bytes | None:
        kind = type(value)
        if kind is int:
            return str(value).encode()
        if value is None:
            return None
        from psycopg.adapt import PyFormat

        dumped = self.conn.adapters.get_dumper(kind, PyFormat.TEXT)(kind, self.conn).dump(value)
        return bytes(dumped) if dumped is not None else None

    def _loader(self, oid: int) -> Callable[[bytes], Any]:
        """How a value of type `oid` is read from its text."""
        if oid in _TEXTS:
            encoding = self.encoding
            return lambda raw: raw.decode(encoding)
        if oid in _INTS:
            return int
        if oid == _BOOL:
            return b"t".__eq__
        from psycopg import pq

        adapters = self.conn.adapters  # psycopg's own choice: the type's loader, else text's
        loader = adapters.get_loader(oid, pq.Format.TEXT) or adapters.get_loader(0, pq.Format.TEXT)
        return loader(oid, self.conn).load

    def _check(self, result: Any) -> None:
        """Raise what psycopg would for a connection that broke or a statement the server refused."""
        import psycopg
        from psycopg import pq

        pg = self.conn.pgconn
        if pg.status != pq.ConnStatus.OK:
            raise psycopg.OperationalError(pg.get_error_message(self.encoding))
        if result.status not in (pq.ExecStatus.TUPLES_OK, pq.ExecStatus.COMMAND_OK):
            raise psycopg.errors.error_from_result(result, encoding=self.encoding)


def numbered(sql: str) -> str:
    """`sql` with its `%s` placeholders as PostgreSQL's own `$1`, `$2`, … (it holds no other `%`)."""
    parts = sql.split("%s")
    if any("%" in p for p in parts):
        raise ValueError("a prepared statement takes %s placeholders only")
    return parts[0] + "".join(f"${n}{p}" for n, p in enumerate(parts[1:], 1))
