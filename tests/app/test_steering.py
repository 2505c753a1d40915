"""Steering models as data: shipped files, validation in Swedish, a file's own models, and a plan's
decision points with their checklists and recorded decisions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.decisions import (
    ChecklistAnswer,
    apply_model_change,
    checklist,
    decision_for,
    next_decision_point,
    point_state,
    preview_model_change,
    record_decision,
    set_checklist,
)
from app.editions import list_editions
from app.planfile.write import plan_to_dict
from app.plans import create_plan, import_plan_data
from app.steering import SteeringModelError, add_file_model, model_for, models, parse_model, shipped_models
from app.workspace import Workspace


@pytest.fixture
def ws(any_ws) -> Workspace:
    return any_ws


def _points(ws: Workspace, plan_id: int) -> list[dict]:
    return [r for r in ws.list("timeline", plan_id) if r["kind"] in ("decision_point", "milestone")]


def test_shipped_models_and_their_points() -> None:
    shipped = shipped_models()
    assert list(shipped) == ["pps", "xlpm", "projektil", "local", "egen"]
    assert [p.code for p in shipped["pps"].points] == [f"BP{i}" for i in range(1, 9)]
    assert [p.code for p in shipped["xlpm"].points] == [f"TG{i}" for i in range(6)]
    assert [p.code for p in shipped["local"].points] == ["BP0", "BP1", "MS1", "BP2", "BP3"]
    assert shipped["local"].point("MS1").kind == "milestone"
    assert "Projektplan" in shipped["pps"].point("BP3").documents
    bp2 = shipped["projektil"].point("BP2")
    assert bp2.name == "Beslut om genomförande"
    text = " ".join(bp2.checklist).lower()
    for word in ("mål", "nytta", "effektmål", "mottagare", "riskanalys", "handlingsplan", "resurser", "avgränsningar"):
        assert word in text


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ("key = 'x'\n", "”name” saknas"),
        ("key = 'X Y'\nname = 'n'\n", "små bokstäver"),
        ("key = 'x'\nname = 'n'\ncolour = 1\n", "okänt fält ”colour”"),
        ("key = 'x'\nname = 'n'\n[[decision_points]]\ncode = 'BP1'\nname = 'a'\n", "beslutspunkt BP1: fältet ”decides”"),
        ("key = 'x'\nname = 'n'\n[[decision_points]]\ncode = 'BP1'\nname = 'a'\ndecides = 'd'\n"
         "[[decision_points]]\ncode = 'BP1'\nname = 'b'\ndecides = 'd'\n", "koden finns redan"),
        ("key = 'x'\nname = 'n'\n[[decision_points]]\ncode = 'BP1'\nname = 'a'\ndecides = 'd'\nchecklist = 'mål'\n",
         "lista med texter"),
        ("key = 'x'\nname = 'n'\n[[decision_points]]\ncode = 'BP1'\nname = 'a'\ndecides = 'd'\nkind = 'fest'\n", "decision_point"),
        ("key = \n", "går inte att läsa: fel i TOML-formatet på rad 1"),
    ],
)
def test_bad_model_files_are_refused_in_swedish(toml: str, fragment: str) -> None:
    with pytest.raises(SteeringModelError) as info:
        parse_model(toml, "modell.toml")
    assert fragment in str(info.value) and "modell.toml" in str(info.value)


def test_a_file_carries_its_organisations_own_models(ws: Workspace, tmp_path: Path) -> None:
    own = tmp_path / "region.toml"
    own.write_text('key = "region"\nname = "Regionens grindar"\n[[decision_points]]\ncode = "G1"\nname = "Grind 1"\n'
                   'decides = "Om arbetet startar."\nchecklist = ["Behovet är beskrivet"]\n', encoding="utf-8")
    add_file_model(ws, own)
    assert models(ws)["region"].source == "file"
    path = ws.store.path
    ws.close()
    again = Workspace.open(path)
    try:
        assert [p.code for p in model_for(again, "region").points] == ["G1"]
        plan_id = create_plan(again, "project_plan", "Med egen modell", steering_model="region").ids[0]
        assert [p["code"] for p in _points(again, plan_id)] == ["G1"]
    finally:
        again.close()
    with pytest.raises(SteeringModelError, match="ingen styrmodell"):
        model_for(None, "region")


def test_new_plans_get_their_models_points_with_checklists(ws: Workspace) -> None:
    pps = create_plan(ws, "project_plan", "PPS-plan").ids[0]
    assert ws.get("plan", pps)["steering_model"] == "pps"
    points = _points(ws, pps)
    assert [p["code"] for p in points] == [f"BP{i}" for i in range(1, 9)]
    assert [a.item for a in checklist(points[2])] == list(model_for(ws, "pps").point("BP3").checklist)
    xlpm = create_plan(ws, "project_plan", "XLPM-plan", steering_model="xlpm").ids[0]
    assert [p["code"] for p in _points(ws, xlpm)] == [f"TG{i}" for i in range(6)]
    directive = create_plan(ws, "directive", "Direktiv").ids[0]
    assert [p["code"] for p in _points(ws, directive)] == ["BP0", "BP1", "MS1", "BP2", "BP3"]


def test_changing_model_is_previewed_and_keeps_decided_points(ws: Workspace) -> None:
    plan_id = create_plan(ws, "project_plan", "Byter modell", steering_model="projektil").ids[0]
    bp1 = next(p for p in _points(ws, plan_id) if p["code"] == "BP1")
    bp4 = next(p for p in _points(ws, plan_id) if p["code"] == "BP4")
    ws.update("timeline", bp1["id"], start=None)
    record_decision(ws, bp4["id"], on=date(2026, 3, 2), decided_by="Styrgrupp", outcome="continue")
    preview = preview_model_change(ws, plan_id, "local")
    assert preview.kept == ["BP1", "BP2", "BP3"] and preview.added == ["BP0", "MS1"]
    assert preview.kept_decided == ["BP4"] and preview.removed == []
    assert any("Läggs till: BP0, MS1" in line for line in preview.lines())
    apply_model_change(ws, plan_id, "local")
    codes = [p["code"] for p in _points(ws, plan_id)]
    assert sorted(codes) == ["BP0", "BP1", "BP2", "BP3", "BP4", "MS1"]
    assert ws.get("plan", plan_id)["steering_model"] == "local"
    assert next(p for p in _points(ws, plan_id) if p["code"] == "BP1")["title"] == "Start av uppdraget"
    assert sorted(apply_model_change(ws, plan_id, "egen").removed) == ["BP0", "BP3", "MS1"]


def test_recording_a_decision_logs_it_and_may_freeze_an_edition(ws: Workspace) -> None:
    plan_id = create_plan(ws, "project_plan", "Beslut", steering_model="projektil").ids[0]
    bp2 = next(p for p in _points(ws, plan_id) if p["code"] == "BP2")
    ws.update("timeline", bp2["id"], start=__import__("app.dates", fromlist=["VagueDate"]).VagueDate.day(2026, 4, 1))
    items = checklist(ws.get("timeline", bp2["id"]))
    assert point_state(ws.get("timeline", bp2["id"]), False, date(2026, 3, 1)) == "upcoming"
    answered = [ChecklistAnswer(a.item, "ja" if i else "ej_aktuellt", "ok" if i == 1 else "") for i, a in enumerate(items)]
    set_checklist(ws, bp2["id"], answered)
    assert point_state(ws.get("timeline", bp2["id"]), False, date(2026, 3, 1)) == "ready"
    assert point_state(ws.get("timeline", bp2["id"]), False, date(2026, 4, 2)) == "late"
    assert next_decision_point(ws, plan_id, date(2026, 3, 1))["code"] == "BP2"
    record_decision(ws, bp2["id"], on=date(2026, 4, 1), decided_by="Styrgrupp", outcome="redirect",
                    diarienummer="RS 2026/12", comment="Smalare omfattning.", freeze="1.0")
    log = decision_for(ws, bp2["id"])
    assert (log["kind"], log["outcome"], log["diarienummer"], log["decided_by"]) == (
        "decision", "redirect", "RS 2026/12", "Styrgrupp")
    assert log["text"] == "BP2 Beslut om genomförande: Ändra inriktning. Smalare omfattning."
    assert ws.list("log", plan_id)[-1]["id"] == log["id"]  # one line in the ärende- och beslutslogg
    assert ws.get("timeline", bp2["id"])["status"] == "done"
    assert [e.label for e in list_editions(ws, plan_id)] == ["1.0"]
    assert next_decision_point(ws, plan_id, date(2026, 4, 2))["code"] != "BP2"
    with pytest.raises(ValueError, match="Fortsätt"):
        record_decision(ws, bp2["id"], on=date(2026, 4, 1), decided_by="x", outcome="kanske")
    with pytest.raises(ValueError, match="vem som fattade"):
        record_decision(ws, bp2["id"], on=date(2026, 4, 1), decided_by=" ", outcome="stop")


def test_decisions_and_checklists_survive_export_and_import(ws: Workspace, tmp_path: Path) -> None:
    plan_id = create_plan(ws, "project_plan", "Rundtur", steering_model="pps").ids[0]
    bp3 = next(p for p in _points(ws, plan_id) if p["code"] == "BP3")
    answers = [ChecklistAnswer(a.item, "nej", "saknas") for a in checklist(bp3)]
    record_decision(ws, bp3["id"], on=date(2026, 5, 5), decided_by="Projektägare", outcome="redo",
                    diarienummer="D 1", answers=answers)
    data = plan_to_dict(ws, plan_id)
    assert data["format_version"] == 3 and data["metadata"]["steering_model"] == "pps"
    point = next(t for t in data["timeline"] if t["code"] == "BP3")
    assert point["checklist"][0] == {"item": answers[0].item, "answer": "nej", "comment": "saknas"}
    entry = data["log"][-1]
    assert (entry["item"], entry["outcome"], entry["diarienummer"]) == (point["uuid"], "redo", "D 1")
    other = Workspace.create(tmp_path / "annan.uppdrag")
    try:
        again, _ = import_plan_data(other, json.loads(json.dumps(data)))
        assert plan_to_dict(other, again) == {**data, "metadata": {**data["metadata"],
                                                            "modified_at": plan_to_dict(other, again)["metadata"]["modified_at"]}}
    finally:
        other.close()


def test_format_version_1_still_imports(ws: Workspace) -> None:
    from app.plans import example_files

    data = json.loads(example_files()[0].read_text(encoding="utf-8"))
    data["format_version"] = 1
    data["metadata"].pop("steering_model", None)
    for t in data["timeline"]:
        t.pop("checklist", None)
    for e in data["log"]:
        for key in ("item", "outcome", "diarienummer"):
            e.pop(key, None)
    plan_id, _ = import_plan_data(ws, data)
    assert plan_to_dict(ws, plan_id)["format_version"] == 3


def test_timeline_knows_each_decision_points_state(ws: Workspace) -> None:
    from app.dates import VagueDate
    from app.timeline import decision_state, timeline_rows

    plan_id = create_plan(ws, "project_plan", "Lägen", steering_model="pps").ids[0]
    points = {p["code"]: p for p in _points(ws, plan_id)}
    for code, when in (("BP1", VagueDate.day(2026, 1, 10)), ("BP2", VagueDate.month(2026, 3)),
                       ("BP3", VagueDate.week(2026, 20)), ("BP4", VagueDate.quarter(2026, 4))):
        ws.update("timeline", points[code]["id"], start=when)
    set_checklist(ws, points["BP3"]["id"], [ChecklistAnswer(a.item, "ja") for a in checklist(points["BP3"])])
    record_decision(ws, points["BP2"]["id"], on=date(2026, 3, 20), decided_by="Styrgrupp", outcome="continue")
    data = timeline_rows(ws, plan_id)
    today = date(2026, 4, 1).toordinal()
    states = {r.code: decision_state(r, data.ready, today) for r in data.rows if r.kind == "decision_point"}
    assert {k: states[k] for k in ("BP1", "BP2", "BP3", "BP4")} == {
        "BP1": "late", "BP2": "decided", "BP3": "ready", "BP4": "upcoming"}
