"""MS Project XML (app.mspdi): the round trip Uppdrag → MSPDI → Uppdrag, what a file from elsewhere
becomes, and hostile or damaged files refused with a Swedish message before anything is written."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.date_text import from_canonical
from app.dates import Precision, VagueDate
from app.exporters import export_plan
from app.mspdi import parsing as mspdi_parsing
from app.mspdi import tasks as mspdi_tasks
from app.mspdi.read import read_mspdi
from app.mspdi.write import mspdi_text
from app.planfile.read import PlanFileError
from app.planfile.write import plan_to_dict
from app.plans import example_files, import_mspdi_file, import_plan_data, import_plan_file, list_plans
from app.workspace import Workspace

KEYS = ("kind", "code", "title", "description", "start", "end", "responsible", "responsible_person", "status",
        "progress", "comment", "parent", "actual_start", "actual_finish")


def _items(plan: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {t["uuid"]: (*(t[k] for k in KEYS), sorted(map(str, t["depends_on"]))) for t in plan["timeline"]}


@pytest.fixture
def ws(any_ws) -> Any:
    return any_ws


@pytest.fixture
def file_ws(tmp_path: Path) -> Any:
    w = Workspace.create(tmp_path / "plans.uppdrag")
    yield w
    w.close()


@pytest.fixture
def other(tmp_path: Path) -> Any:
    w = Workspace.create(tmp_path / "annan.uppdrag")
    yield w
    w.close()


def _with_everything(ws: Workspace) -> dict[str, Any]:
    """The example directive with a vague date of every precision, dependencies of every kind, progress,
    a responsible person and actual dates."""
    plan_id, _ = import_plan_file(ws, example_files()[0])
    plan = plan_to_dict(ws, plan_id)
    forms = ["2025-09-15", "2026-W12", "2026-03-mitten", "2025-09", "2025-Q3", "2026-T2", "2026-H1",
             "2025-hösten", "2026-början", "2025", "2025/2026"]
    items = plan["timeline"]
    for i, item in enumerate(items):
        item["start"] = forms[i % len(forms)]
        if item["kind"] in ("phase", "activity"):
            item["end"] = forms[(i + 3) % len(forms)] if i % 2 else None
            if item["end"] and from_canonical(item["end"]) < from_canonical(item["start"]):
                item["start"], item["end"] = item["end"], item["start"]
        item["progress"] = (i * 17) % 101
        item["status"] = ("planned", "ongoing", "done", "delayed", "cancelled")[i % 5]
        item["comment"] = f"kommentar {i} & <mer>"
    items[-1]["start"] = items[-1]["end"] = None  # an item without dates
    items[1]["parent"] = items[0]["uuid"]
    items[2]["parent"] = items[1]["uuid"]
    items[5]["depends_on"] = [items[4]["uuid"], {"item": items[3]["uuid"], "kind": "SS", "lag": 2, "lag_unit": "week"}]
    items[6]["depends_on"] = [{"item": items[5]["uuid"], "kind": "FF", "lag": -3, "lag_unit": "day"}]
    items[7]["actual_start"], items[7]["actual_finish"] = "2025-06-02", "2025-06-03"
    plan["resources"] = [{"uuid": "9b1a4e00-5e50-4000-8000-0000000000aa", "competence": "Nätverket", "person": None,
                          "name": "", "allocation": 20, "start": None, "end": None, "note": "en not"}]
    import_plan_data(ws, plan)
    return plan_to_dict(ws, plan_id)


def test_a_plan_comes_back_from_ms_project_xml_with_every_item_date_and_dependency(
        ws: Workspace, other: Workspace, tmp_path: Path) -> None:
    before = _with_everything(ws)
    plan_id = list_plans(ws)[0].id
    out = export_plan(ws, plan_id, tmp_path / "plan.xml")
    with_checklists = [t for t in before["timeline"] if t["checklist"]]
    assert out.warnings == [  # the example directive's decision points have checklists: said, not dropped silently
        f"Checklistorna vid beslutspunkterna ({len(with_checklists)} st., {sum(len(t['checklist']) for t in with_checklists)} "
        "punkter) följer inte med: MS Project-XML har ingen plats för dem. De finns kvar i Uppdrag och behålls när "
        "filen importeras tillbaka till samma plan."]
    new_id, existed, summary = import_mspdi_file(other, out.path)
    assert not existed
    after = plan_to_dict(other, new_id)
    assert _items(after) == _items(before)
    assert [t["uuid"] for t in after["timeline"]] == [t["uuid"] for t in before["timeline"]]
    assert after["uuid"] == before["uuid"] and after["title"] == before["title"]
    assert [(r["competence"], r["allocation"], r["note"]) for r in after["resources"]] == [("Nätverket", 20, "en not")]
    assert summary[0].startswith(f"Läste {len(before['timeline'])} uppgifter")
    assert len(summary) == 1, summary  # nothing of it was left out

    # Into the same file again: the plan is updated in place, its other parts untouched.
    again_id, existed, summary = import_mspdi_file(ws, out.path)
    assert (again_id, existed) == (plan_id, True)
    now = plan_to_dict(ws, plan_id)
    assert _items(now) == _items(before)
    assert now["sections"] == before["sections"] and now["risks"] == before["risks"]
    assert [t["checklist"] for t in now["timeline"]] == [t["checklist"] for t in before["timeline"]]
    assert any("fanns redan" in line for line in summary)


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_every_example_plan_comes_back(example: Path, ws: Workspace, other: Workspace, tmp_path: Path) -> None:
    plan_id, _ = import_plan_file(ws, example)
    before = plan_to_dict(ws, plan_id)
    path = export_plan(ws, plan_id, tmp_path / "plan.xml").path
    new_id, _, _ = import_mspdi_file(other, path)
    after = plan_to_dict(other, new_id)
    assert _items(after) == _items(before)
    people = {p["uuid"]: p["name"] for p in before["organisation"]["people"]}
    assert sorted((people.get(r["person"], r["name"]), r["competence"], r["allocation"]) for r in after["resources"]) \
        == sorted((people.get(r["person"], r["name"]), r["competence"], r["allocation"]) for r in before["resources"]) \
        or not before["resources"]


def _xml(tasks: str, *, head: str = "", resources: str = "", assignments: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="http://schemas.microsoft.com/project">'
            f"<Title>Från Project</Title>{head}<Tasks>{tasks}</Tasks><Resources>{resources}</Resources>"
            f"<Assignments>{assignments}</Assignments></Project>")


def _task(uid: int, name: str, level: int = 1, start: str = "2025-09-01", finish: str = "2025-09-05",
          extra: str = "") -> str:
    return (f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel>"
            f"<Start>{start}T08:00:00</Start><Finish>{finish}T17:00:00</Finish>{extra}</Task>")


def test_gates_milestones_and_what_cannot_be_held_from_a_foreign_file(tmp_path: Path) -> None:
    path = tmp_path / "projekt.xml"
    path.write_text(_xml(
        "<Task><UID>0</UID><ID>0</ID><Name>Projektet</Name><OutlineLevel>0</OutlineLevel></Task>"
        + _task(1, "TG1 Tollgate", extra="<Duration>PT0H0M0S</Duration><Milestone>1</Milestone>")
        + _task(2, "Grind 3: Beslut", extra="<Milestone>1</Milestone>")
        + _task(3, "Slutleverans", start="2025-12-19", finish="2025-12-19",
                extra="<Duration>PT0H0M0S</Duration>")
        + _task(4, "MS2 Avstämning", extra="<Milestone>1</Milestone>")
        + _task(5, "Granskning", extra="<Flag>x</Flag><ExtendedAttribute><FieldID>188743752</FieldID><Value>1</Value>"
                                       "</ExtendedAttribute>")
        + _task(6, "Arbete", extra="<FixedCost>5000</FixedCost><PredecessorLink><PredecessorUID>5</PredecessorUID>"
                                   "<Type>2</Type></PredecessorLink><PredecessorLink><PredecessorUID>99</PredecessorUID>"
                                   "</PredecessorLink><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type>"
                                   "<LinkLag>7200</LinkLag><LagFormat>7</LagFormat></PredecessorLink>"),
        head="<ExtendedAttributes><ExtendedAttribute><FieldID>188743752</FieldID><FieldName>Flag1</FieldName>"
             "<Alias>Beslutspunkt</Alias></ExtendedAttribute></ExtendedAttributes>",
        resources="<Resource><UID>1</UID><Name>Papper</Name><Type>0</Type></Resource>"
                  "<Resource><UID>2</UID><Name>Utvecklare</Name><IsGeneric>1</IsGeneric><MaxUnits>3</MaxUnits></Resource>",
    ), encoding="utf-8")
    result = read_mspdi(path)
    got = [(t["kind"], t["code"], t["title"], t["start"], t["end"]) for t in result.data["timeline"]]
    assert got == [
        ("decision_point", "TG1", "Tollgate", "2025-09-05", None),
        ("decision_point", "Grind 3", "Beslut", "2025-09-05", None),
        ("milestone", "", "Slutleverans", "2025-12-19", None),
        ("milestone", "MS2", "Avstämning", "2025-09-05", None),
        ("decision_point", "", "Granskning", "2025-09-05", None),
        ("activity", "", "Arbete", "2025-09-01", "2025-09-05"),
    ]
    arbete = result.data["timeline"][-1]
    assert arbete["depends_on"] == [{"item": result.data["timeline"][0]["uuid"], "kind": "FS", "lag": 2,
                                     "lag_unit": "day"}]  # 1.5 working days, rounded
    text = "\n".join(result.summary)
    assert "start till slut" in text and "som inte finns i filen" in text and "avrundades" in text
    assert "kostnader" in text and "Papper" in text and "300 % av tjänst" in text
    assert [(r["name"], r["person"], r["allocation"]) for r in result.data["resources"]] == [("Utvecklare", None, 100)]


def test_a_task_saved_without_a_name_is_read_with_one_and_named_in_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "projekt.xml"
    path.write_text(_xml(_task(1, "Förstudie") + _task(2, "  ") + _task(3, "Genomförande", extra="<PredecessorLink>"
                         "<PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink>")), encoding="utf-8")
    result = read_mspdi(path)
    titles = [t["title"] for t in result.data["timeline"]]
    assert titles == ["Förstudie", "Uppgift utan namn (2)", "Genomförande"]
    assert result.data["timeline"][2]["depends_on"][0] == result.data["timeline"][1]["uuid"]
    assert any(line == "Uppgifter som saknade namn heter nu ”Uppgift utan namn” och sitt nummer i filen (UID 2)."
               for line in result.summary), result.summary


def test_many_tasks_without_names_are_counted_past_the_first_eight(tmp_path: Path) -> None:
    path = tmp_path / "projekt.xml"
    path.write_text(_xml("".join(_task(n, "") for n in range(1, 12))), encoding="utf-8")
    result = read_mspdi(path)
    assert [t["title"] for t in result.data["timeline"]][-1] == "Uppgift utan namn (11)"
    assert any(line == "Uppgifter som saknade namn heter nu ”Uppgift utan namn” och sitt nummer i filen (UID "
                       "1, 2, 3, 4, 5, 6, 7, 8 och 3 till)." for line in result.summary), result.summary


def test_a_task_moved_in_ms_project_gets_its_new_days(ws: Workspace, other: Workspace, tmp_path: Path) -> None:
    plan_id, _ = import_plan_file(ws, example_files()[0])
    before = plan_to_dict(ws, plan_id)
    path = export_plan(ws, plan_id, tmp_path / "plan.xml").path
    moved = next(t for t in before["timeline"] if t["start"] == "2025-06")  # MS1, a month
    text = path.read_text(encoding="utf-8")
    task = re.search(rf"<Task><UID>\d+</UID><GUID>{moved['uuid'].upper()}</GUID>.*?</Task>", text).group(0)
    text = text.replace(task, re.sub(r"2025-06-\d\d", "2025-08-12", task))
    path.write_text(text, encoding="utf-8")
    new_id, _, summary = import_mspdi_file(other, path)
    after = {t["uuid"]: t for t in plan_to_dict(other, new_id)["timeline"]}
    assert after[moved["uuid"]]["start"] == "2025-08-12"
    assert any("flyttats utanför" in line for line in summary)
    unmoved = [t for t in before["timeline"] if t["uuid"] != moved["uuid"]]
    assert all(after[t["uuid"]]["start"] == t["start"] for t in unmoved)


@pytest.mark.parametrize("v", [VagueDate(date(2025, 9, 15), Precision.DAY), VagueDate.week(2026, 1),
                               VagueDate.month_part(2026, 3, 2), VagueDate.month(2025, 12), VagueDate.quarter(2025, 4),
                               VagueDate.tertial(2026, 2), VagueDate.half(2026, 2), VagueDate.season(2025, 2),
                               VagueDate.year_part(2026, 1), VagueDate.year(2025), VagueDate.turn(2025)],
                         ids=lambda v: v.canonical())
def test_the_kept_date_text_reads_back_at_its_precision(v: VagueDate) -> None:
    assert mspdi_tasks._kept(v.format("long")) == (v.start, v.last_day, v.canonical())


# --- Hostile and damaged files -------------------------------------------------------------------

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Title>&lol3;</Title></Project>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Project xmlns="http://schemas.microsoft.com/project"><Title>&xxe;</Title><Tasks/></Project>"""


@pytest.mark.parametrize(("content", "said"), [
    (BOMB.encode(), "DOCTYPE"),
    (EXTERNAL.encode(), "DOCTYPE"),
    (EXTERNAL.encode("utf-16"), "DOCTYPE"),
    (_xml(_task(1, "Förstudie")).encode("latin-1"), "teckenkodningen"),
    (_xml(_task(1, "Förstudie") * 3).encode()[:-40], "avkortad"),
    (b"", "tom"),
    (b" \r\n\t\x0b\x0c\n", "tom"),
    (b"<html><body>inte ett projekt</body></html>", "ingen MS Project-XML"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "ingen XML-fil"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".mpp-fil"),
    ("Förstudie;2026-01-01\n".encode(), "ingen XML-fil"),
], ids=["bomb", "external-entity", "utf16-entity", "wrong-encoding", "truncated", "empty", "blank", "other-xml", "binary",
        "mpp", "text"])
def test_hostile_or_damaged_files_are_refused_and_nothing_is_written(
        content: bytes, said: str, file_ws: Workspace, tmp_path: Path) -> None:
    # Refused while the XML is read, before the store is touched: a file is enough.
    ws = file_ws
    import_plan_file(ws, example_files()[0])
    before = plan_to_dict(ws, list_plans(ws)[0].id)
    path = tmp_path / "fil.xml"
    path.write_bytes(content)
    with pytest.raises(PlanFileError) as caught:
        import_mspdi_file(ws, path)
    assert said in str(caught.value) and "fil.xml" in str(caught.value)
    assert len(list_plans(ws)) == 1 and plan_to_dict(ws, list_plans(ws)[0].id) == before


def test_a_file_too_large_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "stor.xml"
    path.write_text(_xml(_task(1, "A") * 200), encoding="utf-8")
    monkeypatch.setattr(mspdi_parsing, "MAX_BYTES", 1000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a file too large was read"))
    with pytest.raises(PlanFileError, match="större än"):
        read_mspdi(path)


def test_a_file_that_fails_the_plan_checks_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    """A link round two tasks (a cycle) is found by the plan's checks, after the whole file is read."""
    path = tmp_path / "cykel.xml"
    path.write_text(_xml(_task(1, "A", extra="<PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink>")
                         + _task(2, "B", extra="<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink>")),
                    encoding="utf-8")
    with pytest.raises(PlanFileError, match="kan inte importeras"):
        import_mspdi_file(ws, path)
    assert list_plans(ws) == []


def test_control_characters_are_left_out_of_the_export_and_said(ws: Workspace, tmp_path: Path) -> None:
    plan_id, _ = import_plan_file(ws, example_files()[0])
    plan = plan_to_dict(ws, plan_id)
    plan["timeline"][0]["description"] = "rad\x0bett\x01"
    text, warnings = mspdi_text(plan)
    assert "\x0b" not in text and "\x01" not in text and "radett" in text
    assert warnings[0] == "2 tecken som XML inte kan innehålla (styrtecken) lämnades utanför."


def test_a_plan_without_checklists_exports_without_remarks(ws: Workspace) -> None:
    plan_id, _ = import_plan_file(ws, example_files()[0])
    plan = plan_to_dict(ws, plan_id)
    assert any(t["checklist"] for t in plan["timeline"])
    for t in plan["timeline"]:
        t["checklist"] = []
    assert mspdi_text(plan)[1] == []
    plan["timeline"][0]["checklist"] = [{"item": "Budget beslutad", "answer": "ja", "comment": ""},
                                        {"item": "Risker bedömda", "answer": "", "comment": "i maj"}]
    assert mspdi_text(plan)[1] == ["Checklistorna vid beslutspunkterna (1 st., 2 punkter) följer inte med: MS Project-XML har "
                                   "ingen plats för dem. De finns kvar i Uppdrag och behålls när filen importeras "
                                   "tillbaka till samma plan."]


def test_resource_plan_rows_keep_exact_days_and_say_when_a_vague_period_becomes_days(
        ws: Workspace, other: Workspace, tmp_path: Path) -> None:
    """A row of the resource plan goes out as its resource's availability period: exact days come back as they
    were; a vague period ("Q3 2025") can only be written as days, and the export says so."""
    plan_id, _ = import_plan_file(ws, example_files()[1])
    plan = plan_to_dict(ws, plan_id)
    person = plan["organisation"]["people"][0]["uuid"]
    row = {"competence": "Analys", "person": person, "name": "", "note": ""}
    plan["resources"] += [{**row, "uuid": "9b1a4e00-5e50-4000-8000-0000000000ab", "allocation": 50,
                           "start": "2026-07-01", "end": "2026-12-31"}]
    import_plan_data(ws, plan)
    out = export_plan(ws, plan_id, tmp_path / "exakt.xml")
    assert not any("resursplanen" in w for w in out.warnings)
    after = plan_to_dict(other, import_mspdi_file(other, out.path)[0])
    assert ("Analys", 50, "2026-07-01", "2026-12-31") in [
        (r["competence"], r["allocation"], r["start"], r["end"]) for r in after["resources"]]

    plan["resources"].append({**row, "uuid": "9b1a4e00-5e50-4000-8000-0000000000ac", "allocation": 30,
                              "start": "2025-Q3", "end": "2026-H1"})
    import_plan_data(ws, plan)
    out = export_plan(ws, plan_id, tmp_path / "ungefar.xml")
    assert "Resursplanen har ungefärliga perioder (som ”Q3 2025”, 1 st.). MS Project har bara dagar: perioderna " \
           "skrivs som sin första och sista arbetsdag och läses tillbaka som exakta datum." in out.warnings


@pytest.mark.parametrize("name", ["", "mspdi:plan/task/1", "mspdi:" + "åäö/" * 40, "x" * 1000])
def test_the_stable_uuids_are_uuid5_in_the_url_namespace(name: str) -> None:
    import uuid

    from app.mspdi.project import uuid5_text

    assert uuid5_text(name) == str(uuid.uuid5(uuid.NAMESPACE_URL, name))


@pytest.mark.parametrize(("text", "expected"), [
    ("18DDA255-551E-409A-B871-712355B148A7", "18dda255-551e-409a-b871-712355b148a7"),
    ("{18DDA255-551E-409A-B871-712355B148A7}", "18dda255-551e-409a-b871-712355b148a7"),
    (" 18dda255-551e-409a-b871-712355b148a7\n", "18dda255-551e-409a-b871-712355b148a7"),
    ("18DDA255-551E-409A-B871-712355B148AG", None), ("18DDA255551E409AB871712355B148A7", None), ("", None),
    (None, None)])
def test_guids_are_read_as_ms_project_writes_them(text: str | None, expected: str | None) -> None:
    assert mspdi_parsing.uuid_of(text) == expected
