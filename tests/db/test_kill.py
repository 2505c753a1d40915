"""SIGKILL at 200+ moments while the app writes: the file stays sound and keeps every acknowledged edit.

A child process (tests/db/kill_child.py) writes through the app's services and
prints each step only after its commit has returned. The parent kills it at
random times (20–250 ms after it is ready) and at deterministic points inside
an import and a merge (a progress handler in the child SIGKILLs itself at callback K).
After every kill `uppdrag check` must pass, every acknowledged step must be in
the file, and an import or a merge must be complete or absent, never partial.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.checks import check_report
from app.workspace import Workspace

CHILD = Path(__file__).with_name("kill_child.py")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "app" / "resources" / "examples" / "uppdragsplan-primarvard-nav.json"
RANDOM_EDIT_KILLS = 60
RANDOM_IMPORT_KILLS = 60
PROGRESS_KILLS = 100
MERGE_KILLS = 60

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill harness forks (POSIX)")


class Writer:
    """The zygote child: forks one writer per command; we kill the writer."""

    def __init__(self, path: Path):
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), "serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1, cwd=ROOT,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put("EOF")

    def _next(self) -> str:
        line = self.lines.get(timeout=60)
        assert line != "EOF", "the kill harness stopped"
        return line

    def run(self, command: str, kill_after: float | None) -> tuple[list[str], int]:
        """Run one writer; kill it `kill_after` s after it is ready. (acknowledged lines, signal)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        pid, ready, acks = None, False, []
        while True:
            line = self._next()
            if line.startswith("pid "):
                pid = int(line.split()[1])
            elif line == "ready":
                ready = True
            elif line.startswith("done "):
                _, signum, code = line.split()
                assert int(code) in (0, -1), f"writer failed with exit code {code}"
                return acks, int(signum)
            else:
                acks.append(line)
            if kill_after is not None and pid and ready:
                time.sleep(kill_after)
                os.kill(pid, signal.SIGKILL)
                kill_after = None

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.reader.join(timeout=30)  # it has read to the end of the child's output
        self.proc.stdout.close()


def _check(path: Path) -> None:
    ok, lines = check_report(path)
    assert ok, lines
    assert not _hot_journal(path)


JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def _hot_journal(path: Path) -> bool:
    """A journal SQLite would roll back. A writer killed before its first journal sync
    leaves one whose magic is still zero: SQLite ignores it, and so may we."""
    j = path.with_name(path.name + "-journal")
    if not j.exists():
        return False
    with open(j, "rb") as fh:
        return fh.read(8) == JOURNAL_MAGIC


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _new_file(tmp_path: Path) -> Path:
    path = tmp_path / "dödad.uppdrag"
    ws = Workspace.create(path)
    ws.add("plan", doc_type="plan", template="plan", title="kill-target")
    ws.close()
    return path


EXPECTED_PARTS = {"section": "sections", "goal": "goals", "timeline_item": "timeline", "risk": "risks",
                  "budget_line": "budget", "log_entry": "log", "term": "terms", "reference": "references"}


def _expected_counts() -> dict[str, int]:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return {table: len(data[key]) for table, key in EXPECTED_PARTS.items()}


def _imports_complete(path: Path) -> set[str]:
    """uuids of the imported plans; every one of them must be whole."""
    expected = _expected_counts()
    conn = _ro(path)
    try:
        plans = conn.execute("SELECT id, uuid FROM plan WHERE title LIKE 'import %'").fetchall()
        for plan_id, uuid in plans:
            for table, count in expected.items():
                got = conn.execute(f'SELECT count(*) FROM "{table}" WHERE plan_id = ? AND deleted_at IS NULL',
                                   (plan_id,)).fetchone()[0]
                assert got == count, f"plan {uuid} is partial: {table} {got} of {count}"
        return {u for _, u in plans}
    finally:
        conn.close()


def test_random_kills_during_edits_and_imports(tmp_path: Path) -> None:
    path = _new_file(tmp_path)
    rng = random.Random(20250101)
    writer = Writer(path)
    acknowledged_goals = 0
    acknowledged_plans: set[str] = set()
    killed = 0
    started = time.monotonic()
    try:
        for n in range(RANDOM_EDIT_KILLS + RANDOM_IMPORT_KILLS):
            mode = "edit" if n % 2 == 0 else "import"
            acks, signum = writer.run(mode, rng.uniform(0.020, 0.250))
            assert signum == signal.SIGKILL
            killed += 1
            _check(path)
            if mode == "edit":
                if acks:
                    acknowledged_goals = int(acks[-1])
                conn = _ro(path)
                texts = [t for (t,) in conn.execute("SELECT text FROM goal WHERE text LIKE 'g%'")]
                subtitle = conn.execute("SELECT subtitle FROM plan WHERE title = 'kill-target'").fetchone()[0]
                conn.close()
                numbers = sorted(int(t[1:]) for t in texts)
                top = numbers[-1] if numbers else 0
                assert numbers == list(range(1, top + 1)), "a goal was lost or duplicated"
                assert top in (acknowledged_goals, acknowledged_goals + 1)  # the last one may be unacknowledged
                acknowledged_goals = top
                assert subtitle == (f"t{top}" if top else "")  # goal and title committed together
            else:
                acknowledged_plans |= set(acks)
                present = _imports_complete(path)
                assert acknowledged_plans <= present
                acknowledged_plans = present
    finally:
        writer.close()
    print(f"\n{killed} random kills, {acknowledged_goals} edits and {len(acknowledged_plans)} imports "
          f"acknowledged, {time.monotonic() - started:.1f} s")
    assert killed == RANDOM_EDIT_KILLS + RANDOM_IMPORT_KILLS
    assert acknowledged_goals > 0 and acknowledged_plans


def test_deterministic_kills_inside_an_import(tmp_path: Path) -> None:
    path = _new_file(tmp_path)
    writer = Writer(path)
    started = time.monotonic()
    journals = absent = 0
    try:
        writer.run("count", None)  # the first import also adds the plan's people; later ones reuse them
        acks, signum = writer.run("count", None)
        assert signum == 0 and len(acks) == 1
        total = int(acks[0].split()[1])
        assert total > 50
        points = sorted({1 + (total * 9 // 10) * i // (PROGRESS_KILLS - 1) for i in range(PROGRESS_KILLS)})
        before = _imports_complete(path)
        for k in points:
            acks, signum = writer.run(f"progress {k}", None)
            assert signum == signal.SIGKILL and acks == []
            journals += path.with_name(path.name + "-journal").exists()
            _check(path)
            after = _imports_complete(path)
            absent += after == before
            before = after
    finally:
        writer.close()
    print(f"\n{len(points)} deterministic kills of {total} progress points: {journals} left a journal, "
          f"{absent} imports absent, {len(points) - absent} complete, {time.monotonic() - started:.1f} s")
    assert len(points) == PROGRESS_KILLS
    assert journals >= PROGRESS_KILLS * 0.8  # the kills did land inside the transaction


def test_four_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    path = _new_file(tmp_path)
    steps = 25
    procs = [subprocess.Popen([sys.executable, str(CHILD), str(path), "mixed", str(steps), f"w{n}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for n in range(4)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.split()[1:] == [str(i) for i in range(steps)]
    _check(path)
    conn = _ro(path)
    goals = {t for (t,) in conn.execute("SELECT text FROM goal WHERE text LIKE 'w%'")}
    imports = conn.execute("SELECT count(*) FROM plan WHERE title LIKE 'import w%'").fetchone()[0]
    conn.close()
    assert goals == {f"w{n}-{i}" for n in range(4) for i in range(0, steps, 2)}
    assert imports == 4 * (steps // 2)
    _imports_complete(path)


def _merge_pair(tmp_path: Path) -> tuple[Path, Path]:
    """A file with the example plan and a byte copy of it, each edited apart; the copy adds a plan."""
    from app.plans import import_plan_data, renew_uuids

    mine = _new_file(tmp_path)
    ws = Workspace.open(mine)
    import_plan_data(ws, renew_uuids(json.loads(EXAMPLE.read_text(encoding="utf-8"))))
    ws.close()
    theirs = tmp_path / "kollegans.uppdrag"
    theirs.write_bytes(mine.read_bytes())
    for path, tag, every in ((mine, "min", 3), (theirs, "din", 2)):
        ws = Workspace.open(path)
        for n, section in enumerate(ws.list("section", _ro_plan(path))):
            if n % every == 0:
                ws.update("section", section["id"], heading=f"{section['heading']} ({tag})")
        if tag == "din":
            import_plan_data(ws, renew_uuids(json.loads(EXAMPLE.read_text(encoding="utf-8"))))
        ws.close()
    return mine, theirs


def _ro_plan(path: Path) -> int:
    conn = _ro(path)
    try:
        return conn.execute("SELECT plan_id FROM section ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def test_deterministic_kills_inside_a_merge(tmp_path: Path) -> None:
    """A merge killed anywhere, the rows it copies in SQL included, leaves the file as it was or merged."""
    from app.merge import merge_files
    from tests.app.test_merge_property import _content

    mine, theirs = _merge_pair(tmp_path)
    before_bytes = mine.read_bytes()
    merged = tmp_path / "sammanslagen.uppdrag"
    merged.write_bytes(before_bytes)
    report = merge_files(merged, theirs, prefer="mine")
    assert report.added and report.updated and report.conflicts
    before, after = _content(mine, versions=True), _content(merged, versions=True)
    writer = Writer(mine)
    started = time.monotonic()
    outcomes = {"as it was": 0, "merged": 0}
    journals = 0
    try:
        acks, signum = writer.run(f"merge-count {theirs}", None)
        assert signum == 0 and len(acks) == 1
        total = int(acks[0].split()[1])
        assert _content(mine, versions=True) == after
        points = sorted({1 + total * i // MERGE_KILLS for i in range(MERGE_KILLS)})
        for k in points:
            mine.write_bytes(before_bytes)
            acks, signum = writer.run(f"merge {k} {theirs}", None)
            assert signum == signal.SIGKILL and acks == []
            journals += mine.with_name(mine.name + "-journal").exists()  # killed while writing
            _check(mine)
            state = _content(mine, versions=True)
            assert state in (before, after)
            outcomes["as it was" if state == before else "merged"] += 1
    finally:
        writer.close()
    print(f"\n{len(points)} kills of {total} progress points inside a merge: {outcomes}, {journals} while "
          f"writing, {time.monotonic() - started:.1f} s")
    assert len(points) == MERGE_KILLS
    assert journals >= 10  # the kills did land inside the merge's writes too
