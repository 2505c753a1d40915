"""B11 for MS Project XML: the whole benchmark portfolio exported as MSPDI and read back, against
writing and reading the same plans as plain JSON, in the same process and run."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def same_rows(plan: dict[str, Any]) -> dict[str, Any]:
    """The plan with only what an MSPDI file carries: its timeline, people and resource plan."""
    empty = ("sections", "goals", "budget", "risks", "log", "status_reports", "terms", "references", "editions")
    return {**plan, **{k: [] for k in empty}, "organisation": {**plan["organisation"], "roles": []}}


def _medians(steps: dict[str, Callable[[], None]], repeat: int) -> dict[str, float]:
    """Each step's median time over `repeat` rounds, the steps interleaved within a round."""
    timings: dict[str, list[float]] = {}
    for _ in range(repeat):
        for name, step in steps.items():
            started = time.perf_counter()
            step()
            timings.setdefault(name, []).append(time.perf_counter() - started)
    return {k: statistics.median(v) for k, v in timings.items()}


def _as_imported(step: Callable[[], None]) -> Callable[[], None]:
    """`step` run as the app's imports run (app.plans.import_plan_file, import_mspdi_file): with the cyclic
    collector held off, which would otherwise walk the plans this scenario holds again and again."""
    from app.plans import collector_held

    def run() -> None:
        with collector_held():
            step()

    return run


def b11_mspdi(path: Path, repeat: int = 3) -> dict[str, Any]:
    """The same rows (each plan's timeline, people and resource plan, read once from the file beforehand)
    as MSPDI and as JSON. Export: written as MSPDI (app.mspdi.write) against `json.dumps` in the plan
    file's form. Import: every MSPDI file read, mapped and checked into a plan dict
    (app.mspdi.read.read_mspdi: all but the write into the database, which is the JSON import's own)
    against the JSON files read and checked the same way (app.planfile.read.read_plan_file), each with
    the cyclic collector held off as the app's imports hold it; bare `json.loads` of them is in the
    details. Medians of `repeat` rounds, the sides interleaved."""
    from app.mspdi.read import read_mspdi
    from app.mspdi.write import mspdi_text
    from app.planfile.read import read_plan_file
    from app.planfile.write import plan_to_dict
    from app.plans import list_plans
    from app.workspace import Workspace

    ws = Workspace.open(path, read_only=True)
    try:
        plans = [same_rows(plan_to_dict(ws, p.id, with_editions=False)) for p in list_plans(ws)]
    finally:
        ws.close()
    out = path.parent / "b11-mspdi"
    out.mkdir(exist_ok=True)
    xml_files = [out / f"plan-{i}.xml" for i in range(len(plans))]
    json_files = [out / f"plan-{i}.json" for i in range(len(plans))]
    mspdi_text(plans[0])  # first-use costs (the holiday names, imports) are not the export's
    read_plan_file  # noqa: B018 - imported above, outside the measured time

    def write_json() -> None:
        for plan, f in zip(plans, json_files, strict=True):
            f.write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def write_xml() -> None:
        for plan, f in zip(plans, xml_files, strict=True):
            f.write_text(mspdi_text(plan, name=f.name)[0], encoding="utf-8")

    def read_json() -> None:
        for f in json_files:
            json.loads(f.read_text(encoding="utf-8"))

    def read_json_checked() -> None:
        for f in json_files:
            read_plan_file(f)

    def read_xml() -> None:
        for f in xml_files:
            read_mspdi(f)

    t = _medians({"write_json": write_json, "write_xml": write_xml, "read_json": _as_imported(read_json),
                  "read_json_checked": _as_imported(read_json_checked), "read_xml": _as_imported(read_xml)}, repeat)
    items = sum(len(p["timeline"]) for p in plans)
    size = sum(f.stat().st_size for f in xml_files)
    return {
        "B11-mspdi-export": {"value": t["write_xml"], "floor": t["write_json"], "unit": "s", "plans": len(plans),
                             "items": items, "mspdi_mb": round(size / 1e6, 1)},
        "B11-mspdi-import": {"value": t["read_xml"], "floor": t["read_json_checked"], "unit": "s",
                             "plans": len(plans), "items": items, "json_loads_s": round(t["read_json"], 3),
                             "ratio_to_json_loads": round(t["read_xml"] / t["read_json"], 2)},
    }
