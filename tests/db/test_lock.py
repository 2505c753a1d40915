"""The sidecar lock, read-only reasons, network shares, copies and sent plans."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.planfile.write import plan_to_dict
from app.file_locks import FileInUse, read_only_reason
from app.network_paths import is_network_path, parse_mounts
from app.sharing import close_shared, open_for_editing, save_copy_as, send_plan
from app.workspace import Workspace
from db import models
from db.errors import StoreError
from db.lock import FileLock, LockHeld, break_lock, lock_path, read_lock
from app.merge import merge_files
from tests.conftest import foreign_lock, sha256


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    path = tmp_path / "delad.uppdrag"
    ws = Workspace.create(path)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Delad plan").ids[0]
    ws.add("goal", plan, kind="effect", text="första")
    ws.close()
    return path


def _foreign_lock(path: Path, *, machine: str, pid: int, heartbeat: datetime) -> None:
    lock_path(path).write_text(json.dumps({
        "user": "karin", "machine": machine, "pid": pid,
        "since": (heartbeat - timedelta(hours=1)).isoformat(), "heartbeat": heartbeat.isoformat()}))


def test_lock_written_and_released(dbfile: Path) -> None:
    ws, holder = open_for_editing(dbfile)
    assert holder is None
    info = read_lock(dbfile)
    assert info is not None and info.pid == os.getpid() and info.machine == socket.gethostname()
    assert set(json.loads(lock_path(dbfile).read_text())) == {"user", "machine", "pid", "since", "heartbeat"}
    close_shared(ws)
    assert not lock_path(dbfile).exists()


def test_live_holder_is_reported_and_read_only_offered(dbfile: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _foreign_lock(dbfile, machine=socket.gethostname(), pid=child.pid, heartbeat=datetime.now(UTC))
        with pytest.raises(FileInUse) as info:
            open_for_editing(dbfile)
        assert info.value.holder.user == "karin" and "karin" in str(info.value)
        ws, holder = open_for_editing(dbfile, on_locked="read_only")
        assert holder is not None and ws.read_only
        assert "karin" in ws.sharing.read_only_reason
        close_shared(ws)
        assert read_lock(dbfile).user == "karin"  # someone else's lock is left alone
    finally:
        child.kill()
        child.wait()


def test_other_machine_is_held_until_heartbeat_is_old(dbfile: Path) -> None:
    _foreign_lock(dbfile, machine="annan-dator", pid=1, heartbeat=datetime.now(UTC))
    assert not read_lock(dbfile).is_stale()
    with pytest.raises(LockHeld):
        FileLock(dbfile).acquire(break_stale=True)
    _foreign_lock(dbfile, machine="annan-dator", pid=1, heartbeat=datetime.now(UTC) - timedelta(minutes=11))
    assert read_lock(dbfile).is_stale()
    with pytest.raises(LockHeld):
        FileLock(dbfile).acquire()  # stale, but only broken when the user agreed
    lock = FileLock(dbfile)
    assert lock.acquire(break_stale=True).pid == os.getpid()
    lock.release()


def test_dead_pid_on_this_machine_is_stale(dbfile: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    _foreign_lock(dbfile, machine=socket.gethostname(), pid=child.pid, heartbeat=datetime.now(UTC))
    assert read_lock(dbfile).is_stale()
    ws, holder = open_for_editing(dbfile, break_stale=True)
    assert holder is None and not ws.read_only
    close_shared(ws)
    assert break_lock(dbfile) is None


def test_garbage_lock_counts_as_held(dbfile: Path) -> None:
    lock_path(dbfile).write_bytes(b"\x00not json")
    info = read_lock(dbfile)
    assert info is not None and info.user == "okänd"
    with pytest.raises(FileInUse):
        open_for_editing(dbfile)


def test_heartbeat_moves_forward(dbfile: Path) -> None:
    lock = FileLock(dbfile)
    first = lock.acquire()
    lock.heartbeat()
    assert read_lock(dbfile).heartbeat >= first.heartbeat
    lock.release()


def test_network_detection() -> None:
    mounts = parse_mounts("/dev/sda1 / ext4 rw 0 0\n//srv/delat /mnt/delat cifs rw 0 0\n"
                          "srv:/export /mnt/nfs nfs4 rw 0 0\nuser@h:/ /mnt/ssh fuse.sshfs rw 0 0\n")
    assert is_network_path("/mnt/delat/planer.uppdrag", mounts)
    assert is_network_path("/mnt/nfs/a/b.uppdrag", mounts)
    assert is_network_path("/mnt/ssh/x.uppdrag", mounts)
    assert not is_network_path("/mnt/delatx/planer.uppdrag", mounts)
    assert not is_network_path("/home/a/planer.uppdrag", mounts)
    assert is_network_path(r"\\server\share\planer.uppdrag")


def test_read_only_folder_reason(dbfile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == dbfile.parent else real(p, mode))
    reason = read_only_reason(dbfile)
    assert reason and "Mappen" in reason
    before = sha256(dbfile)
    ws, holder = open_for_editing(dbfile)
    assert ws.read_only and ws.sharing.read_only_reason == reason and holder is None
    assert not lock_path(dbfile).exists()  # nothing written beside a read-only file
    close_shared(ws)
    assert sha256(dbfile) == before


def test_save_copy_as_refuses_source_and_copies(dbfile: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        save_copy_as(dbfile, dbfile)
    out = save_copy_as(dbfile, tmp_path / "kopia.uppdrag")
    ws = Workspace.open(out, read_only=True)
    assert [p.title for p in models.Plan.select()] == ["Delad plan"]
    ws.close()
    with pytest.raises(StoreError, match="finns redan"):
        save_copy_as(dbfile, out)


def test_send_plan_then_merge_back_is_three_way(dbfile: Path, tmp_path: Path) -> None:
    ws = Workspace.open(dbfile)
    plan = models.Plan.select().first().id
    ws.add("plan", doc_type="plan", template="plan", title="Annan plan")
    data = plan_to_dict(ws, plan)
    out = send_plan(ws, plan, tmp_path / "skickad.uppdrag")
    assert models.Plan.select().count() == 2  # the workspace is active again
    goal = ws.list("goal", plan)[0]
    ws.update("goal", goal["id"], measure="ändrat här")
    ws.close()
    sent = Workspace.open(out)
    assert [p.title for p in models.Plan.select()] == ["Delad plan"]
    sent_plan = models.Plan.get().id
    assert plan_to_dict(sent, sent_plan)["goals"] == data["goals"]
    g = sent.list("goal", sent_plan)[0]
    sent.update("goal", g["id"], text="ändrat där")
    sent.close()
    report = merge_files(dbfile, out)
    assert report.conflicts == []
    ws = Workspace.open(dbfile, read_only=True)
    got = ws.list("goal", plan)[0]
    assert (got["text"], got["measure"]) == ("ändrat där", "ändrat här")
    ws.close()


def test_two_opening_at_the_same_instant_the_one_who_lost_is_told_who_won(dbfile: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The winner's exclusive create leaves the lock empty for a moment before its name is in it;
    the other program reads it again until it is, and names the real holder, not "okänd"."""
    path = lock_path(dbfile)
    path.write_bytes(b"")  # created by the winner, not yet filled in

    def winner_fills_in(_seconds: float) -> None:
        foreign_lock(dbfile)

    monkeypatch.setattr("db.lock.time.sleep", winner_fills_in)
    with pytest.raises(FileInUse) as busy:
        open_for_editing(dbfile)
    assert busy.value.holder.user == "karin" and busy.value.holder.machine == "annan-dator"
    assert "okänd" not in str(busy.value)


def test_a_program_stopped_while_taking_the_lock_leaves_no_lock_and_the_lock_is_never_empty(dbfile, monkeypatch):
    """The lock is written beside and linked into place: stopped before the link, nothing is left
    (an empty lock would name no holder, and so could not be told abandoned); the lock that
    appears already names its holder."""
    import db.lock as lock_module

    real_link, seen = os.link, []

    def stopped(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(lock_module.os, "link", stopped)
    with pytest.raises(KeyboardInterrupt):
        FileLock(dbfile).acquire()
    assert not lock_path(dbfile).exists()
    assert [p.name for p in dbfile.parent.iterdir() if p.name.endswith(".tmp")] == []

    def watched(src, dst):
        real_link(src, dst)
        seen.append(read_lock(dbfile))

    monkeypatch.setattr(lock_module.os, "link", watched)
    taken = FileLock(dbfile)
    info = taken.acquire()
    assert seen == [info] and info.pid == os.getpid()
    taken.release()


def test_where_the_file_system_has_no_hard_links_the_lock_is_taken_all_the_same(dbfile, monkeypatch):
    import errno

    import db.lock as lock_module

    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(lock_module.os, "link", no_links)
    first = FileLock(dbfile)
    info = first.acquire()
    assert read_lock(dbfile) == info
    assert lock_module._create_exclusive(lock_path(dbfile), info) is False  # (it exists: not taken twice)
    first.release()
    assert not lock_path(dbfile).exists()
    assert [p.name for p in dbfile.parent.iterdir() if p.name.endswith(".tmp")] == []
