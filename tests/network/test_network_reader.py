"""A colleague opens the file read-only from another computer while an editor is inside a
20,000-item import (issue: files on a network drive). On the stand-in share the reader must
never write to the file (no journal played back, no -journal/-wal/-shm left), every read must
show a whole file, and the import must be complete in the file afterwards."""

from __future__ import annotations

import json
import sqlite3
import subprocess

from bench.generate import one_plan
from tests.conftest import sidecars

ITEMS = 20_000


def test_read_only_open_during_a_big_import_leaves_the_file_whole(net, tmp_path) -> None:
    name = "stor.uppdrag"
    editor, reader = net.computers[0], net.computers[1]
    subprocess.run([*editor.uppdrag(), "init", str(net.on(0, name)), "--examples"], env=editor.env(), check=True,
                   capture_output=True)
    plan = one_plan(ITEMS)
    plan_file = tmp_path / "stor-plan.json"
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")

    importing = subprocess.Popen([*editor.uppdrag(), "import", str(net.on(0, name)), str(plan_file)],
                                 env=editor.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reads = []
    while importing.poll() is None or not reads:
        done = subprocess.run([*reader.uppdrag(), "list", "--json", str(net.on(1, name))], env=reader.env(),
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        reads.append({p["uuid"] for p in json.loads(done.stdout)})
        assert sidecars(net.server / name) == []
    out, err = importing.communicate(timeout=300)
    assert importing.returncode == 0, err

    conn = sqlite3.connect(f"file:{net.server / name}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        (plan_id,) = conn.execute("SELECT id FROM plan WHERE uuid = ?", (plan["uuid"],)).fetchone()
        items = conn.execute("SELECT count(*) FROM timeline_item WHERE plan_id = ? AND deleted_at IS NULL",
                             (plan_id,)).fetchone()[0]
    finally:
        conn.close()
    assert items == ITEMS
    assert len(reads) >= 2  # the reader read while the editor was importing
    assert all(len(r) in (2, 3) for r in reads)  # before the import (2 example plans) or after it
    assert sidecars(net.server / name) == []
    assert sorted(p.name for p in net.server.iterdir()) == [name]
