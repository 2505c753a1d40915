"""The team server's scenarios: B2-server (the portfolio timeline opened from PostgreSQL).

The server is a PostgreSQL cluster of this machine's own (tests/pg_cluster.py) kept beside the
benchmark file (`bench-full.uppdrag.pg/`): the first scenario that needs it makes it, sets it
up with `server init` and writes the benchmark file's plans into it; later ones only start it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from bench.common import now

DBNAME = "bench"


def team_server(db: Path) -> tuple[Any, str]:
    """(running cluster, address of the database holding `db`'s plans), made the first time."""
    from tests.pg_cluster import start_cluster

    folder = db.with_name(db.name + ".pg")
    if os.geteuid() == 0:  # the cluster runs as `postgres`, who must reach the folder
        os.chmod(db.parent, db.parent.stat().st_mode | 0o011)
    cluster = start_cluster(folder)
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
    from app.plan_json import plan_to_dict
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
