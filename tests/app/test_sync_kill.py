"""A sync killed with SIGKILL at random moments, then run again: no edit is lost on either side."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.plans import add_examples, list_plans
from app.sync import checkout, push, sync
from app.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
KILLS = 12


def _sections(target: Path | str) -> dict[str, str]:
    ws = Workspace.open(target)
    try:
        return {s["uuid"]: s["body"] for p in list_plans(ws) for s in ws.list("section", p.id)}
    finally:
        ws.close()


def _edit_sections(target: Path | str, uuids: list[str], text: str) -> None:
    ws = Workspace.open(target)
    try:
        ids = {s["uuid"]: s["id"] for p in list_plans(ws) for s in ws.list("section", p.id)}
        for u in uuids:
            ws.update("section", ids[u], body=f"{text} {u[:8]}")
    finally:
        ws.close()


def _start_sync(local: Path) -> subprocess.Popen[bytes]:
    """`uppdrag sync` of `local` in a process of its own, its errors kept."""
    return subprocess.Popen([sys.executable, "-m", "app.cli", "sync", str(local), "--bryt-las"], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sync_killed_at_random_moments_loses_nothing(server_db, tmp_path):
    url = server_db.url("alice")
    source = tmp_path / "källa.uppdrag"
    ws = Workspace.create(source)
    add_examples(ws)
    ws.close()
    push(source, url)
    local, _ = checkout(url, tmp_path / "tåg.uppdrag")
    rng = random.Random(15)
    uuids = sorted(_sections(local))
    rng.shuffle(uuids)
    here, there = uuids[:12], uuids[12:24]
    expected: dict[str, str] = {}

    def edit_both_sides(n: int) -> None:  # new edits on both sides before every sync, so that each kill meets real work
        for side, pool, text in ((local, here, f"Tåget {n}"), (url, there, f"Servern {n}")):
            chosen = rng.sample(pool, 3)
            _edit_sections(side, chosen, text)
            expected.update({u: f"{text} {u[:8]}" for u in chosen})

    # One sync run to its end first: the kills below fall within the time a sync takes on this machine
    # (start-up included), which a fixed range would miss on a machine faster or slower than another.
    edit_both_sides(-1)
    started = time.monotonic()
    first = _start_sync(local)
    _, err = first.communicate()
    span = time.monotonic() - started
    assert first.returncode == 0, err
    killed_running = 0
    ended_early: list[str] = []  # how each sync that ended before its kill ended, for the message below
    for n in range(KILLS):
        edit_both_sides(n)
        child = _start_sync(local)
        time.sleep(rng.uniform(0.05, span))
        running = child.poll() is None
        killed_running += running
        child.send_signal(signal.SIGKILL)
        _, err = child.communicate()
        assert b"l\xc3\xa5st" not in err, err  # each sync got past the lock its killed predecessor left
        if not running:
            ended_early.append(f"exit {child.returncode}: {err.decode(errors='replace').strip()[-2000:]}")
    # (how many met a running sync depends on the machine's load; none at all means the syncs fail fast)
    assert killed_running, "every sync ended before its kill:\n" + "\n".join(ended_early)

    report = sync(local, break_stale=True)
    assert not report.conflicts
    for side in (local, url):
        bodies = _sections(side)
        for u, text in expected.items():
            assert bodies[u] == text, (side, u)
    final = sync(local)
    assert not (final.sent or final.fetched or final.conflicts)
    import sqlite3

    conn = sqlite3.connect(local)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
