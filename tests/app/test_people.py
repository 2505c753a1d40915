"""The register of people: merge duplicates (and undo), anonymise, export without contact details."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.exporters import export_plan
from app.load import monthly_load
from app.people import (
    add_person,
    anonymise_person,
    duplicate_candidates,
    list_people,
    merge_people,
    references,
    strip_contact_details,
    unmerge,
    update_person,
)
from app.planfile.write import plan_to_dict
from app.workspace import Workspace
from db import models
from tests.app.test_load import build_small_file


@pytest.fixture
def ws(any_ws: Workspace) -> Workspace:
    """A new file, and a new database on the team server: the same tests on both."""
    return any_ws


@pytest.fixture
def ids(ws: Workspace) -> dict[str, Any]:
    return build_small_file(ws)


def test_register_add_update_and_duplicates(ws: Workspace, ids: dict[str, Any]) -> None:
    dup = add_person(ws, "anna  andersson", phone="070-222").ids[0]
    change = update_person(ws, dup, organisation="Region Örebro län")
    assert change.old == {"organisation": ""}
    groups = duplicate_candidates(ws)
    assert [[p["id"] for p in g] for g in groups] == [[ids["anna"], dup]]
    assert [p["name"] for p in list_people(ws)][:2] == ["Anna Andersson", "anna  andersson"]


def test_merge_moves_every_reference_and_undo_restores_them(ws: Workspace, ids: dict[str, Any]) -> None:
    keep = add_person(ws, "A. Andersson", unit="Primärvård").ids[0]
    drop = ids["anna"]
    before = references(ws, drop)
    assert before == {"role": [ids["role1"]] + before["role"][1:], "resource": [ids["resource"]],
                      "timeline": before["timeline"]}
    # plan 1, the cancelled plan 3 and the deleted plan 4: every reference moves, whatever the plan
    assert len(before["role"]) == 3 and len(before["timeline"]) == 1
    load_before = monthly_load(ws, "2025-01", "2025-06").totals(f"p{drop}")

    change = merge_people(ws, keep, drop)
    assert references(ws, drop) == {"role": [], "resource": [], "timeline": []}
    assert references(ws, keep) == before
    assert models.Person.get_by_id(drop).deleted_at is not None
    assert models.Person.get_by_id(keep).email == "anna@region.se"  # blank fields filled from the duplicate
    assert [p["id"] for p in list_people(ws)].count(drop) == 0
    assert monthly_load(ws, "2025-01", "2025-06").totals(f"p{keep}") == load_before
    assert change.old["moved"] == before

    unmerge(ws, change)
    assert references(ws, drop) == before
    assert references(ws, keep) == {"role": [], "resource": [], "timeline": []}
    assert models.Person.get_by_id(drop).deleted_at is None
    assert models.Person.get_by_id(keep).email == ""
    with pytest.raises(ValueError):
        merge_people(ws, keep, keep)


def test_anonymise_everywhere(ws: Workspace, ids: dict[str, Any]) -> None:
    p1 = ids["p1"]
    free = ws.add("role", p1, kind="stakeholder", name="Anna Andersson och kollegor").ids[0]
    risk = ws.add("risk", p1, title="Sjukfrånvaro", owner="anna andersson").ids[0]
    ws.add("timeline", p1, kind="activity", title="Intervjuer", responsible="Anna Andersson, HSF")

    anonymise_person(ws, ids["anna"])
    person = ws.get("person", ids["anna"])
    assert person["name"] == "Anonymiserad person 1"
    assert (person["email"], person["phone"], person["notes"], person["title"]) == ("", "", "", "")
    assert person["unit"] == "Primärvård"
    assert ws.get("role", ids["role1"])["person"] is None
    assert ws.get("role", ids["role1"])["name"] == "Uppdragsledare"
    assert ws.get("role", free)["name"] == "Intressent och kollegor"
    assert ws.get("resource", ids["resource"])["person"] is None
    assert ws.get("resource", ids["resource"])["competence"] == "Analys"
    assert ws.get("risk", risk)["owner"] == "(anonymiserad)"
    text = json.dumps([plan_to_dict(ws, p) for p in (ids["p1"], ids["p2"], ids["p3"])], ensure_ascii=False)
    assert "Anna" not in text and "anna@" not in text
    # A second person gets the next number.
    anonymise_person(ws, ids["bertil"])
    assert ws.get("person", ids["bertil"])["name"] == "Anonymiserad person 2"


def test_strip_contact_details(ws: Workspace, ids: dict[str, Any], tmp_path: Path) -> None:
    plan = plan_to_dict(ws, ids["p2"])
    plan["editions"] = [{"uuid": "x", "label": "1.0", "date": "2025-01-01", "comment": "",
                         "snapshot": json.loads(json.dumps(plan))}]
    stripped = strip_contact_details(plan)
    people = stripped["organisation"]["people"]
    assert {p["name"] for p in people} == {"Anna Andersson", "Bertil Berg"}
    assert all((p["email"], p["phone"], p["notes"]) == ("", "", "") for p in people)
    assert all(p["email"] == "" for p in stripped["editions"][0]["snapshot"]["organisation"]["people"])
    assert plan["organisation"]["people"][0]["email"] != ""  # the original is untouched

    out = export_plan(ws, ids["p2"], tmp_path / "p2.json", without_contacts=True).path
    text = out.read_text(encoding="utf-8")
    assert "anna@region.se" not in text and "Anna Andersson" in text
