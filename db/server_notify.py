"""Hearing of other clients' commits on a team server, and telling them of this one's.

Every committed write is announced on the channel `CHANNEL` (NOTIFY, with this client's id as
payload); a window LISTENs on a connection of its own and reloads when another client's
announcement arrives (`ChangeListener`).

An edit is not announced inside its own transaction: a committing transaction that notified
holds a lock every other notifying commit on the server waits for, until its commit is done
(with durable commits, until its WAL is on disk), so twenty writers that notify as they commit
commit one at a time. The `Announcer` sends the NOTIFY after the commit instead, on the
listener's connection (from the listener's thread) or on one of its own, and at most one every
INTERVAL_S however many edits were made meanwhile: every commit is followed by an announcement
sent after it, within INTERVAL_S, so a client that hears it and reads again sees the commit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

CHANNEL = "uppdrag_changes"  # NOTIFY channel: every committed write says so here


def _close(conn: Any) -> None:
    if conn is not None:
        with suppress(Exception):  # a broken connection closes all the same
            conn.close()


class Announcer:
    """Announces this client's commits (`committed`), outside their transactions, coalesced."""

    INTERVAL_S = 0.2

    def __init__(self, connect: Callable[[], Any], own_id: str):
        self.connect = connect
        self.own_id = own_id
        self.pending = False  # a commit not yet announced
        self.sent = 0
        self.listener: ChangeListener | None = None  # sends for it when there is one
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: Any = None

    def committed(self) -> None:
        """A write of this client has committed: announce it within INTERVAL_S."""
        self.pending = True
        if self.listener is not None:
            return
        if not self._wake.is_set():  # (set, it wakes the thread to send what is pending: an edit's cost saved)
            self._wake.set()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="uppdrag-announce", daemon=True)
            self._thread.start()

    def send(self, conn: Any) -> None:
        """NOTIFY on `conn` (autocommit) if a commit awaits its announcement."""
        if not self.pending:
            return
        self.pending = False
        try:
            conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, self.own_id))
        except BaseException:
            self.pending = True  # not sent: the next try sends it
            raise
        self.sent += 1

    def _send_on_own(self) -> None:
        try:
            if self._conn is None or self._conn.closed or self._conn.broken:
                _close(self._conn)
                self._conn = self.connect()
            self.send(self._conn)
        except Exception:  # noqa: BLE001 - the server is away: sent on the next commit or at close
            _close(self._conn)
            self._conn = None

    def _run(self) -> None:
        while True:
            self._wake.wait()
            if self._stop.is_set():
                return
            self._wake.clear()
            self._send_on_own()
            self._stop.wait(self.INTERVAL_S)  # commits meanwhile are announced together after it

    def close(self) -> None:
        """Stop, announcing a commit still unannounced first (a program that exits right after
        writing, like `uppdrag import`, is heard all the same)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self.pending:
            self._send_on_own()
        _close(self._conn)
        self._conn = None


class ChangeListener:
    """LISTENs on its own connection and counts commits by other clients; sends this client's
    announcements (`announcer`) on the same connection between its waits.

    A reader polls `count` (the window does, a few times a second). When the
    connection breaks the listener reconnects and counts one change, since a
    commit may have been missed meanwhile.
    """

    WAIT_S = 0.2

    def __init__(self, connect: Callable[[], Any], own_id: str, announcer: Announcer | None = None):
        self.connect = connect
        self.own_id = own_id
        self.announcer = announcer
        self.count = 0
        self.connected = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="uppdrag-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        first = True
        while not self._stop.is_set():
            try:
                conn = self.connect()
            except Exception:  # noqa: BLE001 - the server is away: try again shortly
                self._stop.wait(1.0)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                self.connected.set()
                if not first:
                    self.count += 1
                first = False
                while not self._stop.is_set():
                    for note in conn.notifies(timeout=self.WAIT_S):
                        if note.payload != self.own_id:
                            self.count += 1
                    if self.announcer is not None:
                        self.announcer.send(conn)
            except Exception:  # noqa: BLE001 - connection lost: reconnect
                self.connected.clear()
            finally:
                _close(conn)
