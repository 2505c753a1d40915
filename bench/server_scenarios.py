"""The team server's scenarios: B2-server (the portfolio timeline opened from PostgreSQL), B9 (20
editors at once; floor: the same edits by as many raw psycopg clients at once, so that both carry
the same load on the machine's cores) and B10 (sync of a checked-out portfolio; floor: reading the
changed rows of both sides raw).

The server is a PostgreSQL cluster of this machine's own (tests/pg_cluster.py) kept for the
benchmark file (`cluster_folder`): the first scenario that needs it makes it, sets it up with
`server init` and writes the benchmark file's plans into it; later ones only start it, and the
end of the run removes it. A scenario that writes (B9, B10) works on a fresh copy of that database,
so every repeat measures the same state: the plans as loaded, not as earlier runs left them
(a sync of rows whose history earlier syncs and edits have deepened is another scenario).

A server in use has its tables' statistics, which autovacuum (on by default, and here) renews as
rows change. The benchmark's database is loaded and changed seconds before it is measured, before
autovacuum's first round a minute after start, so `in_use` runs the ANALYZE autovacuum would have
run: without statistics the planner cannot tell a few hundred rows asked for by uuid from the whole
table, and reads every row, in the floors' statements as in the app's.

B9 and B10 also give the CPU each side used (the app's processes, and the server's as the postmaster
counts its ended children): both run on this machine's cores, and their times are bound by that.
"""

from __future__ import annotations

from pathlib import Path
from time import process_time
from typing import Any

from bench.common import now

DBNAME = "bench"
B9_DB, B10_DB = "bench_b9", "bench_b10"  # the copies B9 and B10 write into


def cluster_folder(db: Path) -> Path:
    """Where the cluster for `db` is kept: in the temporary folder, which the unprivileged user the
    cluster runs as (when the bench runs as root) can reach, unlike a root-only folder of the run."""
    import hashlib
    import tempfile

    key = hashlib.sha1(str(db.resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"uppdrag-bench-pg-{key}"


def discard(db: Path) -> None:
    """Stop and remove the cluster kept for `db`, if a scenario made one (the end of a bench run)."""
    import shutil

    from tests.pg_cluster import Cluster

    folder = cluster_folder(db)
    if folder.exists():
        Cluster(folder).stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def team_server(db: Path, copy: str | None = None) -> tuple[Any, str]:
    """(running cluster, address of the database holding `db`'s plans), made the first time; with
    `copy`, the address of a new copy of that database under that name (any older one replaced)."""
    from tests.pg_cluster import start_cluster

    cluster = start_cluster(cluster_folder(db))
    url = cluster.admin_url(DBNAME)
    if not cluster.sql("SELECT 1 FROM pg_database WHERE datname = %s", (DBNAME,)):
        cluster.sql(f"CREATE DATABASE {DBNAME}")
    from db.server_schema import init_server

    init_server(url)
    loaded = cluster.sql("SELECT count(*) FROM plan WHERE deleted_at IS NULL", dbname=DBNAME)[0][0]
    if not loaded:
        _load(db, url)
    in_use(cluster, DBNAME)  # (a copy takes its statistics along)
    if copy:
        cluster.sql(f"DROP DATABASE IF EXISTS {copy}")
        cluster.sql(f"CREATE DATABASE {copy} TEMPLATE {DBNAME}")
        url = cluster.admin_url(copy)
    return cluster, url


def in_use(cluster: Any, dbname: str) -> None:
    """The statistics of a server in use, as autovacuum keeps them: ANALYZE (see the module's docstring)."""
    cluster.sql("ANALYZE", dbname=dbname)


def _load(db: Path, url: str) -> None:
    """The file's plans onto the server, through the app's own import (20 plans a transaction)."""
    from app.planfile.write import plan_to_dict
    from app.plans import list_plans
    from app.workspace import Workspace
    from bench.generate import import_plans

    ws = Workspace.open(db, read_only=True)
    try:
        plans = [plan_to_dict(ws, p.id, with_editions=False) for p in list_plans(ws)]
    finally:
        ws.close()
    server = Workspace.open(url)
    try:
        import_plans(server, plans, fast=False)
    finally:
        server.close()


def raw_server_rows(cluster: Any) -> float:
    """The floor: the timeline's rows fetched with psycopg alone, as B2's floor does with sqlite3."""
    import psycopg

    started = now()
    with psycopg.connect(cluster.superuser_conninfo(DBNAME)) as conn:
        rows = conn.execute(
            'SELECT plan_id, kind, code, title, start, start_precision, "end", end_precision, responsible, '
            "progress FROM timeline_item WHERE deleted_at IS NULL ORDER BY plan_id, position"
        ).fetchall()
    assert rows
    return now() - started


def b2_server(db: Path) -> dict[str, Any]:
    from bench.timeline_scenarios import open_timeline

    cluster, url = team_server(db)
    try:
        floor = raw_server_rows(cluster)
        _, ws, value, idle = open_timeline(url)
        ws.close()
    finally:
        cluster.stop()
    return {"B2-server": {"value": value, "floor": floor, "unit": "s", "all_rows_s": idle}}


# --- B10: sync of a checked-out portfolio --------------------------------------------------


def _raw_changed_rows(cluster: Any, dbname: str, local: Path, changed: dict[str, list[str]]) -> int:
    """Read the changed rows of both sides with the drivers alone (psycopg, sqlite3): the floor."""
    import sqlite3

    import psycopg

    count = 0
    with psycopg.connect(cluster.superuser_conninfo(dbname)) as conn:
        for table, uuids in changed.items():
            count += len(conn.execute(f'SELECT * FROM "{table}" WHERE "uuid" = ANY(%s)', (uuids,)).fetchall())
    file = sqlite3.connect(f"file:{local}?mode=ro", uri=True)
    try:
        for table, uuids in changed.items():
            for start in range(0, len(uuids), 500):
                chunk = uuids[start:start + 500]
                count += len(file.execute(f'SELECT * FROM "{table}" WHERE "uuid" IN ({", ".join("?" * len(chunk))})',
                                          chunk).fetchall())
    finally:
        file.close()
    return count


def b10(db: Path) -> dict[str, Any]:
    """A checked-out full portfolio with 20 % of the rows changed on each side, synchronised."""
    from app.sync import checkout, sync
    from bench.common import diverge_store
    from db.server import open_server_store
    from db.store import open_store

    cluster, url = team_server(db, B10_DB)
    try:
        local = db.with_name("b10-tåg.uppdrag")
        for p in (local, local.with_name(local.name + "-journal"), local.with_name(local.name + ".lock")):
            p.unlink(missing_ok=True)
        checkout(url, local)
        store = open_store(local)
        try:
            changed = diverge_store(store, 1)
        finally:
            store.close()
        server = open_server_store(url)
        try:
            for table, uuids in diverge_store(server, 2).items():
                changed[table] = sorted(set(changed.get(table, [])) | set(uuids))
        finally:
            server.close()
        in_use(cluster, B10_DB)  # (after the server's changes, as autovacuum would have seen them)
        started = now()
        rows = _raw_changed_rows(cluster, B10_DB, local, changed)
        floor = now() - started
        server_cpu = _ended_backends_cpu(cluster, B10_DB)
        started, app_cpu = now(), process_time()
        report = sync(local, prefer="mine")
        value, app_cpu = now() - started, process_time() - app_cpu
        return {"B10": {"value": value, "floor": floor, "unit": "s", "rows_read_raw": rows,
                        "rows_sent": sum(report.sent.values()), "rows_fetched": sum(report.fetched.values()),
                        "conflicts": len(report.conflicts),
                        "cpu": {**_cpu_split(app_cpu, _spent(server_cpu, _ended_backends_cpu(cluster, B10_DB))),
                                "wall_s": value}}}
    finally:
        cluster.stop()


# --- B9: many editors at once ---------------------------------------------------------------

EDITORS = 20
EDITS = 200


def _editor(url: str, plan_ids: list[int], shared: int, seed: int, out: Path, edits: int = EDITS) -> None:
    """One client process: EDITS edits, half to its own plans' sections, half to one shared plan's;
    each edit's time and outcome (ok, conflict, error) to `out`."""
    import json
    import random

    from app.concurrency import EditConflict
    from app.workspace import Workspace

    rng = random.Random(seed)
    ws = Workspace.open(url)
    own = [s["id"] for p in plan_ids for s in ws.list("section", p)]
    common = [s["id"] for s in ws.list("section", shared)]
    times, outcomes, written = [], {"ok": 0, "conflict": 0, "error": 0}, {}
    _start_together()
    cpu = process_time()
    for n in range(edits):
        target = rng.choice(own if n % 2 else common)
        text = f"klient {seed} redigering {n}"
        started = now()
        for _attempt in range(2):  # after a conflict the person sees the newer text, then writes again
            try:
                ws.update("section", target, body=text)
                outcomes["ok"] += 1
                written[target] = text
                break
            except EditConflict:
                outcomes["conflict"] += 1
                ws.get("section", target)
            except Exception:  # noqa: BLE001 - counted: a user would have seen it
                outcomes["error"] += 1
                break
        times.append(now() - started)
    cpu = process_time() - cpu
    ws.close()
    out.write_text(json.dumps({"times": times, "outcomes": outcomes, "cpu_s": cpu,
                               "own_written": {str(k): v for k, v in written.items() if k in own}}))


def _raw_editor(conninfo: str, own: list[int], common: list[int], seed: int, out: Path, edits: int = EDITS) -> None:
    """The floor's client: the same edits to the same rows as `_editor`, each a raw psycopg
    `UPDATE … WHERE id = … AND version_id = …; COMMIT`; a version that moved on meanwhile is read
    again and the update tried once more, as `_editor` does after a conflict."""
    import json
    import random

    import psycopg

    rng = random.Random(seed)
    times, conflicts = [], 0
    with psycopg.connect(conninfo) as conn:
        ids = own + common
        seen = dict(conn.execute('SELECT "id", "version_id" FROM "section" WHERE "id" = ANY(%s)', (ids,)).fetchall())
        conn.commit()
        _start_together()
        cpu = process_time()
        for n in range(edits):
            target = rng.choice(own if n % 2 else common)
            new = f"{seed:08x}{n:024x}"
            started = now()
            for _attempt in range(2):
                done = conn.execute('UPDATE "section" SET "body" = %s, "version_id" = %s '
                                    'WHERE "id" = %s AND "version_id" = %s',
                                    (f"rå {seed} {n}", new, target, seen[target])).rowcount
                conn.commit()
                if done:
                    seen[target] = new
                    break
                conflicts += 1
                seen[target] = conn.execute('SELECT "version_id" FROM "section" WHERE "id" = %s',
                                            (target,)).fetchone()[0]
                conn.commit()
            times.append(now() - started)
        cpu = process_time() - cpu
    out.write_text(json.dumps({"times": times, "conflicts": conflicts, "cpu_s": cpu}))


def _start_together() -> None:
    """Say this client is ready (connected, its rows read) and wait for the word to start, so that
    the edits of all clients run at once and none overlaps another client's start-up."""
    import sys

    print("ready", flush=True)
    sys.stdin.readline()


def _run_clients(function: str, arguments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`function` of this module in one process per item of `arguments` (its keyword arguments,
    `out` added), all at once; what each wrote to its `out`."""
    import json
    import subprocess
    import sys
    import tempfile
    from contextlib import suppress

    with tempfile.TemporaryDirectory() as tmp:
        outs = [Path(tmp) / f"client-{i}.json" for i in range(len(arguments))]
        code = ("import sys, json; from pathlib import Path; import bench.server_scenarios as s; "
                "a = json.loads(sys.argv[2]); a['out'] = Path(a['out']); getattr(s, sys.argv[1])(**a)")
        procs = [subprocess.Popen([sys.executable, "-c", code, function, json.dumps({**a, "out": str(out)})],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
                 for a, out in zip(arguments, outs)]
        for p in procs:  # every client connected and ready: then all start at once
            p.stdout.readline()
        for p in procs:
            with suppress(BrokenPipeError):  # a client that failed to start: its error is on stderr
                p.stdin.write(b"go\n")
            with suppress(BrokenPipeError):
                p.stdin.close()
        for p in procs:
            p.wait(timeout=1800)
            p.stdout.close()
        return [json.loads(o.read_text()) for o in outs]


def b9(db: Path) -> dict[str, Any]:
    """20 client processes at once, each making 200 edits, half to its own plans' sections and
    half to one plan all of them share. The floor is the same edits by as many raw psycopg
    clients at once (`_raw_editor`), so both figures carry the same load on this machine's cores."""
    from bench.common import p95

    cluster, url = team_server(db, B9_DB)
    try:
        plans = [r[0] for r in cluster.sql('SELECT "id" FROM "plan" WHERE deleted_at IS NULL ORDER BY "id"',
                                           dbname=B9_DB)]
        full = len(plans) > 2 * EDITORS  # the small benchmark file (the test suite's run): a few editors
        editors, edits = (EDITORS, EDITS) if full else (3, 20)
        owned = [plans[1 + 2 * i:3 + 2 * i] or plans[-1:] for i in range(editors)]
        sections: dict[int, list[int]] = {}
        for plan, section in cluster.sql('SELECT "plan_id", "id" FROM "section" WHERE deleted_at IS NULL '
                                         'ORDER BY "position", "id"', dbname=B9_DB):
            sections.setdefault(plan, []).append(section)
        server_cpu = [_ended_backends_cpu(cluster, B9_DB)]
        floor_runs = _run_clients("_raw_editor", [
            {"conninfo": cluster.superuser_conninfo(B9_DB), "seed": i, "edits": edits,
             "own": [s for p in owned[i] for s in sections.get(p, [])], "common": sections[plans[0]]}
            for i in range(editors)])
        server_cpu.append(_ended_backends_cpu(cluster, B9_DB))
        results = _run_clients("_editor", [
            {"url": url, "plan_ids": owned[i], "shared": plans[0], "seed": i, "edits": edits}
            for i in range(editors)])
        server_cpu.append(_ended_backends_cpu(cluster, B9_DB))
        times = [t for r in results for t in r["times"]]
        outcomes = {k: sum(r["outcomes"][k] for r in results) for k in ("ok", "conflict", "error")}
        stored = dict(cluster.sql('SELECT "id", "body" FROM "section"', dbname=B9_DB))
        # every client's last edit of the sections no other client writes is what the server holds
        writers: dict[str, int] = {}
        for r in results:
            for k in r["own_written"]:
                writers[k] = writers.get(k, 0) + 1
        lost = sum(1 for r in results for k, v in r["own_written"].items()
                   if writers[k] == 1 and stored.get(int(k)) != v)
        floor_times = [t for r in floor_runs for t in r["times"]]
        return {"B9": {"value": p95(times), "floor": p95(floor_times), "unit": "s", "clients": editors, "edits": len(times),
                       "lost": lost, **outcomes, "floor_conflicts": sum(r["conflicts"] for r in floor_runs),
                       "median": sorted(times)[len(times) // 2],
                       "floor_median": sorted(floor_times)[len(floor_times) // 2],
                       "cpu_ms_an_edit": _cpu_an_edit(results, server_cpu[1], server_cpu[2]),
                       "floor_cpu_ms_an_edit": _cpu_an_edit(floor_runs, server_cpu[0], server_cpu[1])}}
    finally:
        cluster.stop()


# --- CPU: what B9 and B10 take of this machine's cores ------------------------------------------


def _ended_backends_cpu(cluster: Any, dbname: str) -> float | None:
    """CPU seconds (user and system) the cluster's ended processes have used: the postmaster's reaped
    children, as Linux counts them (None elsewhere). Read once every connection to `dbname` has
    closed, so that their server processes have ended and are counted."""
    import os
    import time

    for _ in range(500):  # (ten seconds at most)
        if not cluster.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (dbname,))[0][0]:
            break
        time.sleep(0.02)
    time.sleep(0.05)  # the postmaster reaps an ended process a moment after it has left pg_stat_activity
    try:
        pid = (cluster.data / "postmaster.pid").read_text().split()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime, cstime


def _spent(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


def _cpu_an_edit(runs: list[dict[str, Any]], server_before: float | None,
                 server_after: float | None) -> dict[str, float | None]:
    """`_cpu_split` in ms an edit of the clients' `runs` (each with its edits' times and CPU), the
    server's ended processes read before and after them."""
    edits = sum(len(r["times"]) for r in runs)
    return _cpu_split(sum(r["cpu_s"] for r in runs), _spent(server_before, server_after), scale=1000 / edits)


def _cpu_split(app: float, server: float | None, *, scale: float = 1.0) -> dict[str, float | None]:
    """The CPU the app's side and the server's processes used (None: not readable here), times `scale`."""
    return {"app": app * scale, "server": None if server is None else server * scale}
