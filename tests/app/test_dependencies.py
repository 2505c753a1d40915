"""Dependencies (app.dependencies): kinds and lags stored, cycles refused naming the items, and the plan
file carrying them; a bad dependency in a file is reported at its place and nothing of the plan imported."""

from __future__ import annotations

import copy
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.dependencies import cycle_in, describe, find_cycle, links_of
from app.planfile.read import PlanFileError
from app.planfile.write import plan_to_dict
from app.plans import example_files, import_plan_data, list_plans
from app.validation import ValidationError
from app.workspace import Workspace
from app.workdays import ClosedPeriod, WorkCalendar, closed_periods
from db import models


@pytest.fixture
def ws(any_ws: Workspace) -> Workspace:
    """A new file, and a new database on the team server: the same tests on both."""
    return any_ws


def _plan(ws: Workspace, title: str = "Plan") -> int:
    return ws.add("plan", doc_type="plan", template="plan", title=title).ids[0]


def _items(ws: Workspace, plan_id: int, *titles: str) -> list[int]:
    return [ws.add("timeline", plan_id, kind="activity", title=t, code=f"A{i}").ids[0]
            for i, t in enumerate(titles, start=1)]


def test_find_cycle_walks_from_the_successor_back_to_the_predecessor() -> None:
    edges = [(1, 2), (2, 3), (3, 4)]
    assert find_cycle(edges, (4, 1)) == [4, 1, 2, 3, 4]
    assert find_cycle(edges, (1, 4)) is None
    assert find_cycle(edges, (5, 5)) == [5, 5]


def _first_cycle_edge_by_edge(edges: list[tuple[int, int]]) -> list[int] | None:
    """The definition cycle_in keeps: each edge checked against those before it."""
    for i, edge in enumerate(edges):
        found = find_cycle(edges[:i], edge)
        if found is not None:
            return found
    return None


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=40))
def test_cycle_in_names_the_cycle_of_the_first_edge_that_closes_one(edges: list[tuple[int, int]]) -> None:
    assert cycle_in(edges) == _first_cycle_edge_by_edge(edges)


def test_cycle_in_a_long_chain_is_found_at_its_closing_edge() -> None:
    chain = [(i, i + 1) for i in range(20_000)]
    assert cycle_in(chain) is None
    closing = chain[:5_000] + [(4_000, 10)] + chain[5_000:]
    assert cycle_in(closing) == [4_000, 10, *range(11, 4_001)]


def test_a_dependency_keeps_its_kind_and_lag(ws: Workspace) -> None:
    p = _plan(ws)
    a, b = _items(ws, p, "Förstudie", "Upphandling")
    dep = ws.add("dependency", predecessor=a, successor=b, kind="SS", lag=-2, lag_unit="week").ids[0]
    got = ws.get("dependency", dep)
    assert (got["kind"], got["lag"], got["lag_unit"]) == ("SS", -2, "week")
    assert links_of(b) == [{"id": dep, "side": "before", "other": a, "other_name": "A1 Förstudie", "kind": "SS",
                            "lag": -2, "lag_unit": "week", "version": got["version_id"]}]
    assert links_of(a)[0]["side"] == "after"
    assert describe("SS", -2, "week") == "Start till start − 2 veckor"
    assert describe("FS", 1, "day") == "Slut till start + 1 arbetsdag"
    assert ws.get("dependency", ws.add("dependency", predecessor=b, successor=_items(ws, p, "C")[0]).ids[0])[
        "kind"] == "FS"


def test_a_cycle_is_refused_naming_its_items_and_nothing_is_stored(ws: Workspace) -> None:
    p = _plan(ws)
    a, b, c = _items(ws, p, "Förstudie", "Upphandling", "Införande")
    ws.add("dependency", predecessor=a, successor=b)
    ws.add("dependency", predecessor=b, successor=c)
    with pytest.raises(ValidationError) as caught:
        ws.add("dependency", predecessor=c, successor=a)
    assert str(caught.value) == ("Beroendet skulle göra en cirkel där posterna väntar på varandra: "
                                 "A3 Införande → A1 Förstudie → A2 Upphandling → A3 Införande. "
                                 "Ta bort ett av de andra beroendena först.")
    assert len(ws.list("dependency")) == 2
    with pytest.raises(ValidationError, match="finns redan"):
        ws.add("dependency", predecessor=a, successor=b)
    with pytest.raises(ValidationError, match="bero av sig själv"):
        ws.add("dependency", predecessor=a, successor=a)


def test_an_edit_or_a_restore_that_would_close_a_cycle_is_refused(ws: Workspace) -> None:
    p = _plan(ws)
    a, b, c = _items(ws, p, "a", "b", "c")
    ab = ws.add("dependency", predecessor=a, successor=b).ids[0]
    ws.delete("dependency", ab)
    ws.add("dependency", predecessor=b, successor=a)
    with pytest.raises(ValidationError, match="cirkel"):
        ws.restore("dependency", ab)
    bc = ws.add("dependency", predecessor=b, successor=c).ids[0]
    with pytest.raises(ValidationError, match="cirkel"):
        ws.update("dependency", bc, successor=b, predecessor=a)
    ws.update("dependency", bc, lag=3)  # changing its lag is no new link
    assert ws.get("dependency", bc)["lag"] == 3


def test_dependencies_across_plans_are_allowed(ws: Workspace) -> None:
    a = _items(ws, _plan(ws, "A"), "a")[0]
    b = _items(ws, _plan(ws, "B"), "b")[0]
    ws.add("dependency", predecessor=a, successor=b, kind="FF", lag=1)
    with pytest.raises(ValidationError, match="cirkel"):
        ws.add("dependency", predecessor=b, successor=a)


def test_kinds_lags_actual_dates_and_closed_days_survive_export_and_import(ws: Workspace, tmp_path: Path) -> None:
    from app.workdays import store_periods

    p = _plan(ws)
    a, b = _items(ws, p, "a", "b")
    ws.add("dependency", predecessor=a, successor=b, kind="FF", lag=2, lag_unit="week")
    ws.update("timeline", a, actual_start=date(2026, 1, 12), actual_finish=date(2026, 2, 3))
    ws.update("plan", p, auto_schedule=True)
    with ws.store.write():
        store_periods([ClosedPeriod(date(2026, 7, 1), date(2026, 7, 31), "Sommarstängt")])
    data = plan_to_dict(ws, p)
    item_a = data["timeline"][0]
    assert data["timeline"][1]["depends_on"] == [{"item": item_a["uuid"], "kind": "FF", "lag": 2, "lag_unit": "week"}]
    assert (item_a["actual_start"], item_a["actual_finish"]) == ("2026-01-12", "2026-02-03")
    assert data["metadata"]["auto_schedule"] is True
    assert data["organisation"]["closed_days"] == [{"start": "2026-07-01", "end": "2026-07-31",
                                                     "label": "Sommarstängt"}]

    other = Workspace.create(tmp_path / "annan.uppdrag")
    try:
        q, _ = import_plan_data(other, json.loads(json.dumps(data)))
        assert plan_to_dict(other, q) == {**data, "metadata": {**data["metadata"], "modified_at": plan_to_dict(other, q)[
            "metadata"]["modified_at"]}}
        assert closed_periods() == [ClosedPeriod(date(2026, 7, 1), date(2026, 7, 31), "Sommarstängt")]
        dep = models.Dependency.get()
        assert (dep.kind, dep.lag, dep.lag_unit) == ("FF", 2, "week")
    finally:
        other.close()


def _example_with(mutate) -> dict:
    data = json.loads(example_files()[1].read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    mutate(data["timeline"])
    return data


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda t: t[1]["depends_on"].append("00000000-0000-4000-8000-000000000000"),
     "timeline[1].depends_on[0]: posten 00000000-0000-4000-8000-000000000000 finns inte i timeline"),
    (lambda t: t[1]["depends_on"].append({"item": t[0]["uuid"], "lag": "två"}),
     "timeline[1].depends_on[0].lag: fel typ"),
    (lambda t: t[1]["depends_on"].append({"item": t[0]["uuid"], "kind": "SF"}),
     "timeline[1].depends_on[0].kind: \"SF\" är inte ett tillåtet värde"),
    (lambda t: (t[1]["depends_on"].append(t[0]["uuid"]), t[0]["depends_on"].append(t[1]["uuid"])),
     "timeline[1].depends_on[0]: Beroendet skulle göra en cirkel"),
    (lambda t: t[1]["depends_on"].insert(0, t[1]["uuid"]), "timeline[1].depends_on[0]: Beroendet skulle göra en cirkel"),
    (lambda t: t[0].update(actual_start="2026-02-30"), "timeline[0].actual_start: 2026-02-30 är inget giltigt datum"),
], ids=["missing item", "lag not a number", "unknown kind", "cycle", "waits for itself", "actual start"])
def test_a_bad_dependency_is_reported_at_its_place_and_nothing_is_imported(ws: Workspace, mutate, expected) -> None:
    data = _example_with(mutate)
    with pytest.raises(PlanFileError) as caught:
        import_plan_data(ws, data)
    assert expected in str(caught.value), str(caught.value)
    assert list_plans(ws) == [] and models.TimelineItem.select().count() == 0


def test_a_version_2_plan_imports_its_dependencies_as_finish_to_start(ws: Workspace) -> None:
    def link(t: list[dict]) -> None:
        t[1]["depends_on"] = [t[0]["uuid"]]

    data = _example_with(link)
    data["format_version"] = 2
    data["metadata"].pop("auto_schedule")
    data["organisation"].pop("closed_days")
    for t in data["timeline"]:
        t.pop("actual_start"), t.pop("actual_finish")
    import_plan_data(ws, data)
    dep = models.Dependency.get()
    assert (dep.kind, dep.lag, dep.lag_unit) == ("FS", 0, "day")


def test_a_version_5_file_gains_the_planning_columns(tmp_path: Path) -> None:
    from db.identity import APPLICATION_ID, SCHEMA_VERSION
    from db.schema_history import V5_DDL
    from db.store import check_file, open_store

    path = tmp_path / "v5.uppdrag"
    conn = sqlite3.connect(path)
    for sql in V5_DDL:
        conn.execute(sql)
    now = "2025-01-01T00:00:00.000000Z"
    common = f"'{now}', '{now}', 1, 'v1'"
    conn.execute("INSERT INTO plan (id, uuid, created_at, modified_at, rev, version_id, doc_type, template, title,"
                 " subtitle, programme, organisation, diarienummer, assignment, edition, version, authors, status,"
                 " decision_text, decision_choice, decision_comment, signature_title, signature_name)"
                 f" VALUES (1, 'p', {common}, 'plan', 'plan', 'P', '', '', '', '', '', '1', '', '', 'draft', '', '',"
                 " '', '', '')")
    for i in (1, 2):
        conn.execute("INSERT INTO timeline_item (id, uuid, created_at, modified_at, rev, version_id, plan_id, position,"
                     " kind, code, title, description, responsible, status, progress, comment)"
                     f" VALUES ({i}, 't{i}', {common}, 1, {i}, 'activity', '', 't{i}', '', '', 'planned', 0, '')")
    conn.execute("INSERT INTO dependency (uuid, created_at, modified_at, rev, version_id, predecessor_id, successor_id,"
                 f" kind) VALUES ('d', {common}, 1, 2, 'FS')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        assert store.migrated_from == 5
        dep = models.Dependency.get()
        assert (dep.kind, dep.lag, dep.lag_unit) == ("FS", 0, "day")
        item = models.TimelineItem.get_by_id(1)
        assert (item.actual_start, item.actual_finish) == (None, None)
        assert models.Plan.get_by_id(1).auto_schedule == 0
    finally:
        store.close()
    assert check_file(path).version == SCHEMA_VERSION  # through budget follow-up (6) to planning depth (7)


def test_working_days_skip_weekends_holidays_days_off_and_closed_days() -> None:
    cal = WorkCalendar([ClosedPeriod(date(2026, 7, 1), date(2026, 7, 31), "Juli")])
    assert not cal.is_working(date(2026, 6, 19))  # midsommarafton, a day off in practice
    assert not cal.is_working(date(2026, 6, 6))  # nationaldagen (a Saturday as well)
    assert cal.is_working(date(2026, 6, 18))
    assert cal.next_working(date(2026, 7, 1)) == date(2026, 8, 3)
    assert cal.add_working(date(2026, 6, 17), 2) == date(2026, 6, 22)  # over midsommar
    assert cal.add_working(date(2026, 6, 22), -2) == date(2026, 6, 17)
    assert cal.add_working(date(2025, 12, 23), 1) == date(2025, 12, 29)  # julafton, juldagen, annandag jul


def test_actual_dates_default_to_the_day_the_status_changes(ws: Workspace) -> None:
    p = _plan(ws)
    a = _items(ws, p, "a")[0]
    change = ws.update("timeline", a, status="ongoing")
    assert ws.get("timeline", a)["actual_start"] == date.today()
    assert change.old == {"status": "planned", "actual_start": None}  # an undo takes both back
    ws.update("timeline", a, status="done")
    got = ws.get("timeline", a)
    assert (got["actual_start"], got["actual_finish"]) == (date.today(), date.today())
    ws.update("timeline", a, actual_start=date(2026, 1, 5), actual_finish=date(2026, 1, 30))
    ws.update("timeline", a, status="ongoing")
    ws.update("timeline", a, status="done")  # dates already given are kept
    assert ws.get("timeline", a)["actual_finish"] == date(2026, 1, 30)
    with pytest.raises(ValidationError, match="faktiska slutet"):
        ws.update("timeline", a, actual_finish=date(2026, 1, 1))
