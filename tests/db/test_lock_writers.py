"""Every writer honours the sidecar lock; the lock is taken atomically and a stale one can be broken."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.planfile.write import plan_to_dict
from app.workspace import Workspace
from db import models
from db.backup import make_session_backup
from db.lock import FileLock, LockHeld, LockInfo, _take_away, lock_path, read_lock
from tests.conftest import sha256

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    path = tmp_path / "delad.uppdrag"
    ws = Workspace.create(path)
    ws.add("plan", doc_type="plan", template="plan", title="Delad plan")
    ws.close()
    return path


@pytest.fixture
def live_pid():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


@pytest.fixture
def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _hold(path: Path, pid: int, *, machine: str | None = None, age: timedelta = timedelta(0)) -> None:
    beat = datetime.now(UTC) - age
    lock_path(path).write_text(json.dumps({
        "user": "karin", "machine": machine or socket.gethostname(), "pid": pid,
        "since": (beat - timedelta(hours=1)).isoformat(), "heartbeat": beat.isoformat()}))


def _plan_json(dbfile: Path, tmp_path: Path) -> Path:
    ws = Workspace.open(dbfile, read_only=True)
    data = plan_to_dict(ws, models.Plan.get().id)
    ws.close()
    data["title"] = "Ändrad titel"
    out = tmp_path / "plan.json"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def _writers(dbfile: Path, tmp_path: Path) -> dict[str, list[str]]:
    other = tmp_path / "annan.uppdrag"
    Workspace.create(other).close()
    backup = make_session_backup(dbfile)
    copy_source = tmp_path / "kalla.uppdrag"
    Workspace.create(copy_source).close()
    return {
        "import": ["import", str(dbfile), str(_plan_json(dbfile, tmp_path))],
        "merge": ["merge", str(dbfile), str(other)],
        "restore": ["restore", str(backup), str(dbfile)],
        "copy": ["copy", str(copy_source), str(dbfile), "--skriv-over"],
    }


def test_every_writer_refuses_a_live_lock_and_names_it(dbfile: Path, tmp_path: Path, live_pid: int,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    commands = _writers(dbfile, tmp_path)
    _hold(dbfile, live_pid)
    before = sha256(dbfile)
    for name, argv in commands.items():
        assert main(argv) == 1, name
        err = capsys.readouterr().err
        assert "karin" in err and str(lock_path(dbfile)) in err and "sedan" in err, (name, err)
        assert "Traceback" not in err
        assert sha256(dbfile) == before, name
        # --bryt-las does not break a lock whose program still runs
        assert main([*argv, "--bryt-las"] if name != "copy" else argv) == 1
        assert "fortfarande" in capsys.readouterr().err or name == "copy"
        assert read_lock(dbfile).pid == live_pid


def test_killed_writer_lock_is_named_and_broken_with_bryt_las(dbfile: Path, tmp_path: Path, dead_pid: int,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    commands = _writers(dbfile, tmp_path)
    for name in ("import", "merge", "restore"):
        _hold(dbfile, dead_pid)
        assert main(commands[name]) == 1
        err = capsys.readouterr().err
        assert "--bryt-las" in err and "övergivet" in err and str(lock_path(dbfile)) in err
        assert main([*commands[name], "--bryt-las"]) == 0, capsys.readouterr().err
        assert not lock_path(dbfile).exists(), name  # the writer released the lock it took over


def test_old_heartbeat_on_another_machine_is_breakable(dbfile: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    _hold(dbfile, 1, machine="annan-dator", age=timedelta(minutes=30))
    plan = _plan_json(dbfile, tmp_path)
    assert main(["import", str(dbfile), str(plan)]) == 1
    assert "annan-dator" in capsys.readouterr().err
    assert main(["import", str(dbfile), str(plan), "--bryt-las"]) == 0


def test_loser_waits_for_the_winner_name(dbfile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The winner has created the lock but not yet written its name: the loser reads again and
    reports the real holder, not an unknown one."""
    import db.lock

    lock_path(dbfile).touch()
    info = {"user": "karin", "machine": "annan-dator", "pid": 4242,
            "since": datetime.now(UTC).isoformat(), "heartbeat": datetime.now(UTC).isoformat()}
    monkeypatch.setattr(db.lock.time, "sleep", lambda _s: lock_path(dbfile).write_text(json.dumps(info)))
    with pytest.raises(LockHeld) as held:
        FileLock(dbfile).acquire(break_stale=True)
    assert (held.value.holder.user, held.value.holder.pid) == ("karin", 4242)


def test_breaking_never_removes_a_lock_taken_meanwhile(dbfile: Path, live_pid: int) -> None:
    old = datetime(2020, 1, 1, tzinfo=UTC).isoformat()
    stale = LockInfo("olle", "annan-dator", 1, old, old)
    _hold(dbfile, live_pid)  # someone else took the lock after we read the stale one
    with pytest.raises(LockHeld) as held:
        _take_away(lock_path(dbfile), stale)
    assert held.value.holder.pid == live_pid
    assert read_lock(dbfile).pid == live_pid
    assert [p.name for p in dbfile.parent.iterdir() if ".lock" in p.name] == [lock_path(dbfile).name]


def test_a_late_breaker_never_removes_the_lock_the_first_breaker_took(dbfile: Path, dead_pid: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Two programs saw the same stale lock. The first broke it and took the lock; the second comes
    to break what it saw. It must report the first as holder and never move that lock, even for a
    moment: a third program starting in that moment would take the lock too, and two would write."""
    import db.lock

    _hold(dbfile, dead_pid)
    seen = read_lock(dbfile)
    assert seen is not None and seen.is_stale()
    first = FileLock(dbfile).acquire(break_stale=True)
    third = LockInfo("olle", "annan-dator", 7, first.since, first.since)
    real_rename = os.rename

    def rename_then_third_starts(src: str | Path, dst: str | Path) -> None:
        real_rename(src, dst)
        if Path(src) == lock_path(dbfile):
            db.lock._create_exclusive(lock_path(dbfile), third)

    monkeypatch.setattr(db.lock.os, "rename", rename_then_third_starts)
    with pytest.raises(LockHeld) as held:
        _take_away(lock_path(dbfile), seen)
    assert held.value.holder.pid == first.pid
    assert read_lock(dbfile).pid == first.pid  # the first still holds; no third holder beside it
    assert [p.name for p in dbfile.parent.iterdir() if ".lock" in p.name] == [lock_path(dbfile).name]


def test_a_breaker_killed_while_breaking_does_not_block_later_breakers(dbfile: Path, dead_pid: int) -> None:
    import db.lock

    _hold(dbfile, dead_pid)
    breaker = db.lock._breaker_path(lock_path(dbfile))
    breaker.write_text("{}")
    old = time.time() - db.lock.BREAKER_STALE_S - 5
    os.utime(breaker, (old, old))
    info = FileLock(dbfile).acquire(break_stale=True)
    assert read_lock(dbfile).pid == info.pid == os.getpid()
    assert not breaker.exists()


def test_a_breaker_killed_a_moment_ago_does_not_block_the_next_run(dbfile: Path, dead_pid: int) -> None:
    """A sync killed while it broke a stale lock leaves its breaker sidecar, fresh. The next run (with
    --bryt-las) must not wait BREAKER_STALE_S for it: its process is gone, so the sidecar is stale."""
    import db.lock

    _hold(dbfile, dead_pid)
    breaker = db.lock._breaker_path(lock_path(dbfile))
    beat = datetime.now(UTC).isoformat()
    breaker.write_text(json.dumps({"user": "karin", "machine": socket.gethostname(), "pid": dead_pid,
                                   "since": beat, "heartbeat": beat}))
    info = FileLock(dbfile).acquire(break_stale=True)
    assert read_lock(dbfile).pid == info.pid == os.getpid()
    assert not breaker.exists()
    assert [p.name for p in dbfile.parent.iterdir() if ".lock" in p.name] == [lock_path(dbfile).name]


def test_a_fresh_breaker_of_a_live_program_is_waited_for(dbfile: Path, dead_pid: int, live_pid: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import db.lock

    monkeypatch.setattr(db.lock, "BREAKER_WAIT_S", 0.2)
    _hold(dbfile, dead_pid)
    breaker = db.lock._breaker_path(lock_path(dbfile))
    beat = datetime.now(UTC).isoformat()
    breaker.write_text(json.dumps({"user": "olle", "machine": socket.gethostname(), "pid": live_pid,
                                   "since": beat, "heartbeat": beat}))
    with pytest.raises(LockHeld):
        FileLock(dbfile).acquire(break_stale=True)
    assert breaker.exists() and read_lock(dbfile).pid == dead_pid  # neither the breaker nor the lock moved


RACER = """
import sys, time
from db.lock import FileLock, LockHeld
start = float(sys.argv[2])
while time.time() < start:
    pass
try:
    info = FileLock(sys.argv[1]).acquire(break_stale=True)
    print("won", info.pid, flush=True)
    time.sleep(1.5)
except LockHeld as held:
    print("lost", held.holder.pid, held.holder.user, flush=True)
"""


@pytest.mark.parametrize("stale_first", [False, True])
def test_one_winner_when_programs_start_at_the_same_instant(dbfile: Path, dead_pid: int, stale_first: bool) -> None:
    if stale_first:
        _hold(dbfile, dead_pid)  # all of them find a stale lock and try to break it
    start = time.time() + 1.0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(dbfile), str(start)], stdout=subprocess.PIPE,
                               text=True, env=env, cwd=ROOT) for _ in range(5)]
    lines = [r.communicate(timeout=60)[0].split() for r in racers]
    winners = [int(line[1]) for line in lines if line[0] == "won"]
    assert len(winners) == 1, lines
    assert all(int(line[1]) == winners[0] for line in lines if line[0] == "lost"), lines
