"""Three computers edit one file on the stand-in share at once (issue: files on a network drive).

Two run the window's services (open under the lock, edit, close) and one runs `uppdrag import`
again and again, each through its own sshfs mount, whose byte-range locks the others do not see.
Every file must pass integrity_check, no acknowledged edit may be lost, and every writer that
was refused must have been told who holds the lock.

The suite runs one 6-second round (UPPDRAG_NETWORK_SOAK_S and UPPDRAG_NETWORK_SOAK_RUNS make it
longer: the issue's measurement was 3 runs of 20 s, `UPPDRAG_NETWORK_SOAK_S=20
UPPDRAG_NETWORK_SOAK_RUNS=3 pytest tests/network/test_network_editors.py`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import sidecars

ACTOR = Path(__file__).with_name("actor.py")
SECONDS = float(os.environ.get("UPPDRAG_NETWORK_SOAK_S", "6"))
RUNS = int(os.environ.get("UPPDRAG_NETWORK_SOAK_RUNS", "1"))


def _actor(computer, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ACTOR), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=computer.env())


def _result(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=SECONDS + 240)
    assert proc.returncode == 0, err[-2000:]
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.parametrize("run", range(RUNS))
def test_three_editors_on_three_mounts_lose_nothing(net, run: int) -> None:
    name = "gemensam.uppdrag"
    first = net.computers[0]
    subprocess.run([*first.uppdrag(), "init", str(net.on(0, name)), "--examples"], env=first.env(), check=True,
                   capture_output=True)
    procs = {
        "a": _actor(net.computers[0], "services", str(net.on(0, name)), "a", str(SECONDS)),
        "b": _actor(net.computers[1], "services", str(net.on(1, name)), "b", str(SECONDS)),
        "import": _actor(net.computers[2], "imports", str(net.on(2, name)), "import", str(SECONDS)),
    }
    results = {k: _result(p) for k, p in procs.items()}
    print({k: (len(r["acked"]), len(r["refused"])) for k, r in results.items()})

    for who, r in results.items():
        assert r["errors"] == [], (who, r["errors"][:5])
        for message in r["refused"]:  # the window's words, or the command line's (which names the lock file)
            assert "redigeras redan av" in message or "är låst av" in message, (who, message)
            assert "okänd" not in message, (who, message)  # the holder named, also when two opened at once
        assert r["acked"], f"{who} never got to write ({len(r['refused'])} refusals)"

    on_server = net.server / name
    conn = sqlite3.connect(f"file:{on_server}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        terms = {t for (t,) in conn.execute("SELECT term FROM term WHERE deleted_at IS NULL")}
        plans = {u for (u,) in conn.execute("SELECT uuid FROM plan WHERE deleted_at IS NULL")}
    finally:
        conn.close()
    lost = [t for who in ("a", "b") for t in results[who]["acked"] if t not in terms]
    lost += [u for u in results["import"]["acked"] if u not in plans]
    assert lost == [], f"{len(lost)} acknowledged edits lost"
    assert sidecars(on_server) == []
    leftovers = sorted(p.name for p in net.server.iterdir() if p.name != name)
    assert leftovers == [], leftovers  # no lock, no temporary file left on the share
