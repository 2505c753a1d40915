"""B11: exchange with other tools, CSV and iCalendar, over the whole benchmark portfolio, each beside
writing and reading the same rows as plain JSON in the same run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.common import fresh_copy, now


def _plan_ids(ws: Any) -> list[int]:
    from app.plans import list_plans

    return [p.id for p in list_plans(ws)]


def b11_csv(path: Path) -> dict[str, Any]:
    """Every plan's activity list out as CSV and back in (app.exporters, app.importers); the floor is the same
    rows written with json.dumps and read with json.loads, the plan read and written the same way around them."""
    from app.exporters import export_plan
    from app.importers import TableChoice, import_file
    from app.planfile.write import plan_to_dict
    from app.plans import import_plan_data
    from app.workspace import Workspace

    work = path.parent / "b11"
    work.mkdir(exist_ok=True)
    ws = Workspace.open(fresh_copy(path, "b11-json.uppdrag"))
    ids = _plan_ids(ws)
    rows = 0
    started = now()
    for plan_id in ids:
        plan = plan_to_dict(ws, plan_id)
        target = work / f"{plan_id}.json"
        target.write_text(json.dumps(plan["timeline"], ensure_ascii=False), encoding="utf-8")
        plan["timeline"] = json.loads(target.read_text(encoding="utf-8"))
        rows += len(plan["timeline"])
        import_plan_data(ws, plan)
    floor = now() - started
    ws.close()

    ws = Workspace.open(fresh_copy(path, "b11-csv.uppdrag"))
    started = now()
    for plan_id in ids:
        target = work / f"{plan_id}.csv"
        export_plan(ws, plan_id, target)
        import_file(ws, target, TableChoice(plan_id))
    value = now() - started
    ws.close()
    return {"B11-csv": {"value": value, "floor": floor, "unit": "s", "rows": rows, "plans": len(ids)}}


def b11_ics(path: Path) -> dict[str, Any]:
    """The whole file's calendar with the activities (export only: a calendar is not read back); the floor is
    the same plans read and their calendar items written as JSON."""
    from app.exporters import export_portfolio
    from app.planfile.write import plan_to_dict
    from app.workspace import Workspace

    work = path.parent / "b11"
    work.mkdir(exist_ok=True)
    ws = Workspace.open(fresh_copy(path, "b11-ics.uppdrag"), read_only=True)
    ids = _plan_ids(ws)
    wanted = ("decision_point", "milestone", "activity")
    started = now()
    items = [t for plan_id in ids for t in plan_to_dict(ws, plan_id, with_editions=False)["timeline"]
             if t["kind"] in wanted]
    (work / "kalender.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    floor = now() - started
    started = now()
    export_portfolio(ws, work / "kalender.ics", activities=True)
    value = now() - started
    ws.close()
    return {"B11-ics": {"value": value, "floor": floor, "unit": "s", "events": len(items)}}
