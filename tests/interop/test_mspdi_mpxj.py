"""The MS Project XML files against MPXJ, a reader no one here wrote: Uppdrag's files read there as
planned, and projects MPXJ builds and writes read here with their structure."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.date_text import from_canonical
from app.dates import Precision, VagueDate
from app.exporters import export_plan
from app.mspdi.write import mspdi_text
from app.planfile import dependency_parts
from app.planfile.write import plan_to_dict
from app.plans import example_files, import_mspdi_file, import_plan_file
from app.workdays import WorkCalendar, parse_periods
from app.workspace import Workspace
from tests.interop import mpxj_referee

LINK = {"FS": "FS", "SS": "SS", "FF": "FF"}


@pytest.fixture(scope="session")
def mpxj() -> Any:
    """The MPXJ process, started once for the run (its JVM never in this process)."""
    referee = mpxj_referee.Referee()
    yield referee
    referee.close()


def _first_working(v: VagueDate, cal: WorkCalendar) -> date:
    if v.precision is Precision.DAY:
        return v.start
    d = v.start
    while not cal.is_working(d):
        d += timedelta(days=1)
    return d


def _last_working(v: VagueDate, cal: WorkCalendar) -> date:
    if v.precision is Precision.DAY:
        return v.start
    d = v.last_day
    while not cal.is_working(d):
        d -= timedelta(days=1)
    return d


def expected_days(item: dict[str, Any], cal: WorkCalendar) -> tuple[date | None, date | None]:
    """The first and last day a task should cover: a vague period's first and last working day."""
    start = from_canonical(item["start"]) if item["start"] else None
    end = from_canonical(item["end"]) if item["end"] else None
    if start is None and end is None:
        return None, None
    if item["kind"] in ("decision_point", "milestone"):
        v = start or end
        assert v is not None
        return _first_working(v, cal), _last_working(v, cal)
    return _first_working(start or end, cal), _last_working(end or start, cal)  # type: ignore[arg-type]


def assert_read_as_planned(mpxj: mpxj_referee.Referee, plan: dict[str, Any], path: Path) -> None:
    """MPXJ sees every item as a task with its days, parent, kind of task and dependencies, and the
    plan's people as resources assigned to the items they are responsible for."""
    view = mpxj.read(path)
    cal = WorkCalendar(parse_periods(plan["organisation"].get("closed_days", [])))
    assert view.title == plan["title"]
    assert view.guid.lower() == plan["uuid"]
    by_guid = {t.guid: t for t in view.tasks}
    assert len(view.tasks) == len(plan["timeline"])
    assert set(by_guid) == {t["uuid"] for t in plan["timeline"]}
    uid_to_uuid = {t.uid: t.guid for t in view.tasks}
    parents = {t["uuid"] for t in plan["timeline"] if t["parent"]} and {t["parent"] for t in plan["timeline"]}
    for item in plan["timeline"]:
        task = by_guid[item["uuid"]]
        first, last = expected_days(item, cal)
        assert (task.start, task.finish) == (first, last), item["title"]
        if first is not None and not (item["start"] and len(item["start"]) == 10):
            assert cal.is_working(first), item["title"]
        assert task.milestone == (item["kind"] in ("decision_point", "milestone")), item["title"]
        assert task.summary == (item["uuid"] in parents), item["title"]
        assert (uid_to_uuid[task.parent] if task.parent else None) == item["parent"], item["title"]
        wanted = set()
        for entry in item["depends_on"]:
            pred, kind, lag, unit = dependency_parts(entry)
            wanted.add((pred, kind, float(lag), ("w" if unit == "week" else "d") if lag else None))
        seen = {(uid_to_uuid[uid], kind, lag, unit if lag else None) for uid, kind, lag, unit in task.predecessors}
        assert seen == wanted, item["title"]
        kept = task.text[0] or task.text[1]
        if item["start"] or item["end"]:
            assert kept, "the vague date is kept in the task's text fields"
    people = {p["uuid"]: p for p in plan["organisation"]["people"]}
    named = {r["person"]: people[r["person"]]["name"] for r in plan["resources"] if r["person"]}
    named |= {t["responsible_person"]: people[t["responsible_person"]]["name"]
              for t in plan["timeline"] if t["responsible_person"]}
    named |= {r["uuid"]: r["name"] or r["competence"] or "Resurs" for r in plan["resources"] if not r["person"]}
    assert {guid: name for guid, (name, _units) in view.resources.items()} == named
    for r in plan["resources"]:
        if r["person"]:
            allocations = [x["allocation"] for x in plan["resources"] if x["person"] == r["person"]
                           and x["allocation"] is not None]
            assert view.resources[r["person"]][1] == (max(allocations) if allocations else None)
    uid_of = {t.guid: t.uid for t in view.tasks}
    assert {(uid, guid) for uid, guid, _units in view.assignments} == {
        (uid_of[item["uuid"]], item["responsible_person"]) for item in plan["timeline"] if item["responsible_person"]}


def exported(example: Path, tmp_path: Path) -> tuple[dict[str, Any], Path]:
    """An example plan in a new file, as the plan file's dict and exported to MS Project XML."""
    ws = Workspace.create(tmp_path / "plans.uppdrag")
    try:
        plan_id, _ = import_plan_file(ws, example)
        return plan_to_dict(ws, plan_id), export_plan(ws, plan_id, tmp_path / "plan.xml").path
    finally:
        ws.close()


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_every_example_plan_reads_in_mpxj_as_planned(mpxj: Any, example: Path, tmp_path: Path) -> None:
    plan, out = exported(example, tmp_path)
    assert_read_as_planned(mpxj, plan, out)


def test_the_benchmark_portfolio_reads_in_mpxj_as_planned(mpxj: Any, tmp_path: Path) -> None:
    from bench.generate import SIZES, build_plans

    plans = build_plans(SIZES["full"])  # the benchmark's portfolio: 200 plans, 20,000 items with phases,
    assert sum(len(p["timeline"]) for p in plans) == 20_000  # parents and dependencies
    assert any(t["depends_on"] for p in plans for t in p["timeline"])
    assert any(t["parent"] for p in plans for t in p["timeline"])
    for i, plan in enumerate(plans):
        out = tmp_path / f"plan-{i}.xml"
        text, warnings = mspdi_text(plan, name=out.name)
        assert warnings == []
        out.write_text(text, encoding="utf-8")
        assert_read_as_planned(mpxj, plan, out)


def test_closed_days_and_holidays_are_the_calendar_mpxj_reads(mpxj: Any, tmp_path: Path) -> None:
    from bench.generate import one_plan

    plan = one_plan(30)
    plan["organisation"]["closed_days"] = [{"start": "2025-07-07", "end": "2025-07-25", "label": "Sommarstängt"}]
    for item in plan["timeline"]:
        item["start"], item["end"] = "2025-06", "2025-08"
    out = tmp_path / "sommar.xml"
    out.write_text(mspdi_text(plan)[0], encoding="utf-8")
    view = mpxj.read(out)
    assert not view.working(date(2025, 6, 6))  # Sveriges nationaldag
    assert not view.working(date(2025, 6, 20))  # midsommarafton
    assert not view.working(date(2025, 7, 14))  # the organisation's own closed weeks
    assert view.working(date(2025, 6, 23)) and view.working(date(2025, 7, 28))
    assert_read_as_planned(mpxj, plan, out)


def test_a_project_written_by_mpxj_imports_with_its_structure(mpxj: Any, tmp_path: Path) -> None:
    source = tmp_path / "fran-mpxj.xml"
    mpxj.build(source)  # tests.interop.mpxj_child.build: summary task, gate, milestone, two predecessors, units
    ws = Workspace.create(tmp_path / "plans.uppdrag")
    try:
        plan_id, existed, summary = import_mspdi_file(ws, source)
        plan = plan_to_dict(ws, plan_id)
    finally:
        ws.close()
    assert not existed
    assert plan["title"] == "Ny vårdplats"
    by_title = {t["title"]: t for t in plan["timeline"]}
    assert [(t["kind"], t["code"], t["title"]) for t in plan["timeline"]] == [
        ("phase", "", "Förstudie"), ("activity", "", "Kartläggning"), ("activity", "", "Analys"),
        ("decision_point", "BP2", "Beslut om genomförande"), ("milestone", "", "Rapport klar")]
    phase, a, b, gate, done = (by_title[n] for n in ("Förstudie", "Kartläggning", "Analys",
                                                      "Beslut om genomförande", "Rapport klar"))
    assert a["parent"] == b["parent"] == phase["uuid"] and gate["parent"] is None
    assert (a["start"], a["end"], a["progress"], a["status"]) == ("2025-09-01", "2025-09-12", 40, "ongoing")
    assert a["description"] == "Intervjuer med verksamheterna"
    assert (phase["start"], phase["end"]) == ("2025-09-01", "2025-09-26")  # spans its tasks
    assert (gate["start"], gate["end"], done["start"]) == ("2025-10-06", None, "2025-10-31")
    assert sorted(map(str, gate["depends_on"])) == sorted(map(str, [
        {"item": a["uuid"], "kind": "FS", "lag": 2, "lag_unit": "day"},
        {"item": b["uuid"], "kind": "SS", "lag": 1, "lag_unit": "week"}]))
    assert done["depends_on"] == [{"item": gate["uuid"], "kind": "FF", "lag": 0, "lag_unit": "day"}]
    people = {p["uuid"]: p["name"] for p in plan["organisation"]["people"]}
    assert sorted(people.values()) == ["Anna Berg", "Bo Ek"]
    assert people[a["responsible_person"]] == "Anna Berg" and people[b["responsible_person"]] == "Bo Ek"
    lines = {people[r["person"]]: r for r in plan["resources"]}
    assert (lines["Anna Berg"]["competence"], lines["Anna Berg"]["allocation"]) == ("Utredare", 50)
    assert (lines["Anna Berg"]["start"], lines["Anna Berg"]["end"]) == ("2025-09-01", "2025-12-19")
    assert lines["Bo Ek"]["allocation"] == 100
    assert any("flera resurser" in line and "Analys" in line for line in summary)
    assert summary[0].startswith("Läste 5 uppgifter")


def test_mpxj_rewriting_an_uppdrag_file_keeps_what_uppdrag_needs(mpxj: Any, tmp_path: Path) -> None:
    """An Uppdrag file opened and saved by another tool (MPXJ writing it again) still imports with
    every item, its vague dates at their precision and its dependencies."""
    before, first = exported(example_files()[0], tmp_path)
    again = tmp_path / "igen.xml"
    mpxj.rewrite(first, again)
    other = Workspace.create(tmp_path / "b.uppdrag")
    try:
        new_id, _, _summary = import_mspdi_file(other, again)
        after = plan_to_dict(other, new_id)
    finally:
        other.close()
    keys = ("kind", "code", "title", "start", "end", "parent", "depends_on", "status", "progress")
    assert {t["uuid"]: [t[k] for k in keys] for t in after["timeline"]} == \
        {t["uuid"]: [t[k] for k in keys] for t in before["timeline"]}
