"""Telling other clients of a commit (db.server_notify): announced after the commit, not inside
its transaction, at most one NOTIFY an interval however many edits, and never a commit left
unannounced."""

from __future__ import annotations

import time

from app.plans import add_examples, list_plans
from app.workspace import Workspace
from db.server_notify import Announcer


class Recording:
    """A connection that records what it is asked to run, in one log with the test's commits."""

    def __init__(self, log: list[str], fail: int = 0):
        self.log, self.fail, self.closed, self.broken = log, fail, False, False

    def execute(self, sql: str, params: tuple) -> None:
        if self.fail:
            self.fail -= 1
            raise OSError("the server went away")
        assert "pg_notify" in sql and params[1] == "me"
        self.log.append("notify")

    def close(self) -> None:
        self.closed = True


def _until(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the time"
        time.sleep(0.01)


def test_many_commits_are_one_announcement_each_interval_and_the_last_is_never_left_out():
    log: list[str] = []
    conn = Recording(log)
    announcer = Announcer(lambda: conn, "me")
    try:
        for _ in range(3):
            for _ in range(50):
                log.append("commit")
                announcer.committed()
            _until(lambda: not announcer.pending)
            _until(lambda: log[-1] == "notify")
        assert 3 <= log.count("notify") <= 6  # 150 commits: a few announcements, not 150
        assert log[-1] == "notify"  # and one after the last commit
    finally:
        announcer.close()
    assert conn.closed


def test_an_announcement_that_fails_is_sent_again():
    log: list[str] = []
    away, back = Recording(log, fail=1), Recording(log)
    conns = [away, back]
    announcer = Announcer(lambda: conns.pop(0), "me")
    announcer.committed()  # the first connection fails; the next commit's try connects again
    _until(lambda: away.closed)
    assert announcer.pending
    announcer.committed()
    _until(lambda: log == ["notify"])
    announcer.close()
    assert announcer.sent == 1 and not announcer.pending


def test_closing_sends_what_is_still_unannounced():
    log: list[str] = []
    announcer = Announcer(lambda: Recording(log), "me")
    announcer.INTERVAL_S = 60  # a second announcement would wait a minute
    announcer.committed()
    _until(lambda: log == ["notify"])
    announcer.committed()
    announcer.close()
    assert log == ["notify", "notify"]


def test_a_burst_of_edits_reaches_another_client_within_a_second(server_db):
    """Alice edits a title thirty times in a row; bob's window hears of it within a second of her
    last edit, and her client sent far fewer notices than edits."""
    alice = Workspace.open(server_db.url("alice"))
    bob = Workspace.open(server_db.url("bob"), listen=True)
    try:
        assert bob.store.listener.connected.wait(10)
        add_examples(alice)
        plan = list_plans(alice)[0]
        _until(lambda: bob.store.changes_from_others() > 0 and not alice.store.announcer.pending)
        before = bob.store.changes_from_others()
        for n in range(30):
            alice.update("plan", plan.id, title=f"Titel {n}")
        last = time.monotonic()
        _until(lambda: bob.store.changes_from_others() > before, seconds=1.0)
        assert time.monotonic() - last < 1.0
        assert bob.get("plan", plan.id)["title"] == "Titel 29"
        assert alice.store.announcer.sent < 30
    finally:
        bob.close()
        alice.close()


def test_a_listening_client_announces_on_its_listeners_connection(server_db):
    """A window that listens keeps two connections to the server, announcing on the listener's."""
    ws = Workspace.open(server_db.url("alice"), listen=True)
    bob = Workspace.open(server_db.url("bob"), listen=True)
    try:
        add_examples(ws)
        plan = list_plans(ws)[0]
        assert ws.store.listener.connected.wait(10) and bob.store.listener.connected.wait(10)
        before = bob.store.changes_from_others()
        ws.update("plan", plan.id, title="Ny titel")
        _until(lambda: bob.store.changes_from_others() > before)
        # bob may hear the notice before the listener's thread, back from sending it, counts it
        _until(lambda: ws.store.announcer.sent >= 1)
        assert ws.store.announcer._conn is None
        assert ws.store.changes_from_others() == 0  # its own notice is not a change by others
    finally:
        bob.close()
        ws.close()
