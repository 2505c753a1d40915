"""The team server's scenarios: B2-server (the portfolio timeline opened from PostgreSQL).

The server is a PostgreSQL cluster of this machine's own (tests/pg_cluster.py) kept for the
benchmark file (`cluster_folder`): the first scenario that needs it makes it, sets it up with
`server init` and writes the benchmark file's plans into it; later ones only start it, and the
end of the run removes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.common import now

DBNAME = "bench"


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


def team_server(db: Path) -> tuple[Any, str]:
    """(running cluster, address of the database holding `db`'s plans), made the first time."""
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
    return cluster, url


def _load(db: Path, url: str) -> None:
    """The file's plans onto the server, through the app's own import (20 plans a transaction)."""
    from app.planfile.write import plan_to_dict
    from app.plans import list_plans
    from app.workspace import Workspace
    from bench.generate import import_plans

    ws = Workspace.open(db, read_only=True)
    try:
        plans = [plan_to_dict(p.id, with_editions=False) for p in list_plans(ws)]
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
