"""The services: create from templates, edit with validation, tombstones, order, copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.dates import VagueDate
from app.plans import copy_plan, create_plan, find_plan, list_plans
from app.templates import TEMPLATES
from app.validation import ValidationError
from app.workspace import Workspace
from db import models


@pytest.fixture
def ws(any_ws: Workspace) -> Workspace:
    """A new file, and a new database on the team server: the same tests on both."""
    return any_ws


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_create_plan_from_each_template(ws: Workspace, template: str) -> None:
    plan_id = create_plan(ws, template, "Stärka nära vård").ids[0]
    sections = ws.list("section", plan_id)
    assert [s["heading"] for s in sections] == [s.heading for s in TEMPLATES[template].sections]
    plan = ws.get("plan", plan_id)
    assert plan["doc_type"] == TEMPLATES[template].doc_type
    codes = [t["code"] for t in ws.list("timeline", plan_id)]
    assert codes == [p.code for p in TEMPLATES[template].decision_points]


def test_update_returns_old_values_and_bumps_revision(ws: Workspace) -> None:
    plan_id = create_plan(ws, "plan", "Gemensam plan").ids[0]
    before = models.Plan.get_by_id(plan_id)
    change = ws.update("plan", plan_id, title="Ny titel", diarienummer="RÖL 24/1")
    assert change.old == {"title": "Gemensam plan", "diarienummer": ""}
    after = models.Plan.get_by_id(plan_id)
    assert after.title == "Ny titel" and after.rev == before.rev + 1
    assert after.modified_at > before.modified_at


@pytest.mark.parametrize(
    ("kind", "values", "field", "phrase"),
    [
        ("plan", {"title": "  "}, "title", "Titeln saknas"),
        ("timeline", {"start": VagueDate.month(2025, 9), "end": VagueDate.day(2025, 8, 1)}, "end", "före"),
        ("timeline", {"progress": 120}, "progress", "mellan 0 och 100"),
        ("role", {"allocation": -5}, "allocation", "mellan 0 och 100"),
        ("risk", {"probability": 5}, "probability", "mellan 1 och 4"),
        ("budget", {"amount": -1}, "amount", "kronor"),
    ],
)
def test_validation_says_what_is_wrong_in_swedish(ws: Workspace, kind: str, values: dict, field: str, phrase: str) -> None:
    plan_id = create_plan(ws, "plan", "Plan").ids[0]
    base = {
        "plan": None,
        "timeline": {"kind": "activity", "title": "Kartlägga"},
        "role": {"kind": "leader", "name": "Karin Lind"},
        "risk": {"title": "Resursbrist"},
        "budget": {"kind": "cost", "description": "Konsulter"},
    }[kind]
    row_id = plan_id if base is None else ws.add(kind, plan_id, **base).ids[0]
    before = ws.get(kind, row_id)
    with pytest.raises(ValidationError) as info:
        ws.update(kind, row_id, **values)
    assert field in info.value.fields
    assert phrase in str(info.value)
    assert ws.get(kind, row_id) == before  # nothing stored


def test_required_fields_on_add(ws: Workspace) -> None:
    plan_id = create_plan(ws, "plan", "Plan").ids[0]
    with pytest.raises(ValidationError, match="Ange en person eller ett namn"):
        ws.add("role", plan_id, kind="leader")
    with pytest.raises(ValidationError, match="Begreppet saknas"):
        ws.add("term", plan_id, term="")
    assert ws.list("role", plan_id) == [] and ws.list("term", plan_id) == []


def test_risk_scale_is_a_file_setting(ws: Workspace) -> None:
    plan_id = create_plan(ws, "plan", "Plan").ids[0]
    with pytest.raises(ValidationError):
        ws.add("risk", plan_id, title="R", probability=5)
    ws.set_setting("risk_scale", 5)
    assert ws.add("risk", plan_id, title="R", probability=5).action == "added"


def test_delete_leaves_tombstone_and_restore_brings_it_back(ws: Workspace) -> None:
    plan_id = create_plan(ws, "plan", "Plan").ids[0]
    term_id = ws.add("term", plan_id, term="CLG", explanation="Centrala ledningsgruppen").ids[0]
    ws.delete("term", term_id)
    assert ws.list("term", plan_id) == []
    assert models.Term.get_by_id(term_id).deleted_at is not None
    ws.restore("term", term_id)
    assert [t["term"] for t in ws.list("term", plan_id)] == ["CLG"]


def test_move_and_insert_keep_order(ws: Workspace) -> None:
    plan_id = create_plan(ws, "plan", "Plan").ids[0]
    ids = [ws.add("term", plan_id, term=t).ids[0] for t in ("A", "B", "C")]
    change = ws.move("term", ids[2], 0)
    assert change.old_index == 2
    assert [t["term"] for t in ws.list("term", plan_id)] == ["C", "A", "B"]
    ws.add("term", plan_id, term="X", index=1)
    assert [t["term"] for t in ws.list("term", plan_id)] == ["C", "X", "A", "B"]


def test_a_move_of_a_deleted_part_is_one_sentence_and_moves_nothing(ws: Workspace) -> None:
    plan_id = create_plan(ws, "plan", "Plan").ids[0]
    ids = [ws.add("term", plan_id, term=t).ids[0] for t in ("A", "B")]
    ws.delete("term", ids[1])
    with pytest.raises(LookupError, match=f"Hittar inte .*id {ids[1]}"):
        ws.move("term", ids[1], 0)
    assert [t["term"] for t in ws.list("term", plan_id)] == ["A"]


def test_a_section_added_without_a_template_key_is_the_user_s_own(ws: Workspace) -> None:
    plan_id = create_plan(ws, "plan", "Plan").ids[0]
    section_id = ws.add("section", plan_id, heading="Egen rubrik").ids[0]
    assert (ws.get("section", section_id)["key"], ws.get("section", section_id)["heading"]) == ("", "Egen rubrik")


def test_vague_dates_keep_their_precision(ws: Workspace) -> None:
    plan_id = create_plan(ws, "directive", "Direktiv").ids[0]
    item = ws.add("timeline", plan_id, kind="phase", title="Beredning",
                  start=VagueDate.day(2024, 11, 18), end=VagueDate.quarter(2025, 3)).ids[0]
    row = ws.get("timeline", item)
    assert row["start"] == VagueDate.day(2024, 11, 18)
    assert row["end"] == VagueDate.quarter(2025, 3)


def test_copy_plan_has_new_identity_and_same_content(ws: Workspace) -> None:
    plan_id = create_plan(ws, "plan", "Original").ids[0]
    ws.add("term", plan_id, term="LSG")
    point = ws.add("timeline", plan_id, kind="decision_point", code="BP1", title="Start").ids[0]
    ws.add("log", plan_id, kind="decision", text="Vi startar", item=point)
    copy_id = copy_plan(ws, plan_id, "Kopia").ids[0]
    copied_point = next(t["id"] for t in ws.list("timeline", copy_id) if t["title"] == "Start")
    assert [e["item"] for e in ws.list("log", copy_id)] == [copied_point]  # the decision keeps its point
    assert [e["item"] for e in ws.list("log", plan_id)] == [point]
    assert copy_id != plan_id
    assert ws.get("plan", copy_id)["uuid"] != ws.get("plan", plan_id)["uuid"]
    assert [t["term"] for t in ws.list("term", copy_id)] == ["LSG"]
    assert [s["heading"] for s in ws.list("section", copy_id)] == [s["heading"] for s in ws.list("section", plan_id)]
    assert {p.title for p in list_plans(ws)} == {"Original", "Kopia"}


def test_find_plan_by_id_uuid_and_diarienummer(ws: Workspace) -> None:
    plan_id = create_plan(ws, "plan", "Plan", diarienummer="RV 2024/117").ids[0]
    uuid = ws.get("plan", plan_id)["uuid"]
    assert find_plan(ws, str(plan_id)) == plan_id
    assert find_plan(ws, uuid.upper()) == plan_id
    assert find_plan(ws, "RV 2024/117") == plan_id
    with pytest.raises(LookupError, match="Hittar ingen plan"):
        find_plan(ws, "RV 1999/1")


def test_read_only_workspace_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.uppdrag"
    Workspace.create(path).close()
    ws = Workspace.open(path, read_only=True)
    with pytest.raises(Exception, match="skrivskyddad"):
        create_plan(ws, "plan", "Plan")
    ws.close()
