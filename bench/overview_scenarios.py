"""B12: the portfolio overview (Översikt) of the full file, computed and painted, beside a raw
SQL fetch of the same figures."""

from __future__ import annotations

import sqlite3
import statistics
from pathlib import Path
from typing import Any

from bench.common import now, qapp
from db.uri import file_uri

# What app.overview reads, straight from SQLite: the floor.
RAW = (
    "SELECT id, title, doc_type, status, organisation FROM plan WHERE deleted_at IS NULL",
    "SELECT plan_id, report_date, status FROM status_report WHERE deleted_at IS NULL",
    "SELECT plan_id, kind, code, title, start, \"end\", status, progress FROM timeline_item WHERE deleted_at IS NULL",
    "SELECT plan_id, kind, amount, sum_rule, year, tertial, actual, forecast FROM budget_line WHERE deleted_at IS NULL",
    "SELECT plan_id, probability, impact, status FROM risk WHERE deleted_at IS NULL",
    "SELECT plan_id, kind, person_id, name FROM role WHERE deleted_at IS NULL",
    "SELECT id, name FROM person",
)
RUNS = 5


def b12(path: Path) -> dict[str, Any]:
    from app.workspace import Workspace
    from ui.overview import OverviewView
    from ui.undo import WorkspaceEvents

    app = qapp()
    raw = sqlite3.connect(file_uri(path), uri=True)
    floors = []
    for _ in range(RUNS + 1):
        started = now()
        for sql in RAW:
            raw.execute(sql).fetchall()
        floors.append(now() - started)
    raw.close()
    ws = Workspace.open(path, read_only=True)
    events = WorkspaceEvents()
    values = []
    rows = 0
    try:
        for _ in range(RUNS + 1):
            started = now()
            view = OverviewView(ws, events)
            view.resize(1400, 800)
            view.show()
            view.grab()  # painted
            app.processEvents()
            values.append(now() - started)
            rows = view.model.rowCount()
            view.close()
            view.deleteLater()
            app.processEvents()
    finally:
        ws.close()
    return {"B12": {"value": statistics.median(values[1:]), "floor": statistics.median(floors[1:]), "unit": "s",
                    "plans": rows}}
