"""The search texts: all plans at once (a query per table) give exactly what one plan at a time gives."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.plans import add_examples
from app.search import PLAN_FIELDS, TEXT_FIELDS, PlanText, all_plan_texts, plan_text
from app.workspace import Workspace


@pytest.fixture
def ws(any_ws) -> Iterator[Workspace]:
    return any_ws


def _one_by_one(ws: Workspace, plan_id: int) -> PlanText:
    """The texts as the first version built them, through the Workspace services row by row."""
    from app.markup import to_plain_text

    plan = ws.get("plan", plan_id)
    people = {p["id"]: p["name"] for p in ws.list("person")}
    parts = [str(plan.get(f) or "") for f in PLAN_FIELDS]
    for kind_name, fields in TEXT_FIELDS.items():
        for row in ws.list(kind_name, plan_id):
            for f in fields:
                value = row.get(f) or ""
                parts.append(to_plain_text(value) if f in ("body", "body_after", "description") else str(value))
            if row.get("person") in people:
                parts.append(people[row["person"]])
    return PlanText(plan_id, plan["title"] or "", plan["diarienummer"] or "", "\n".join(p for p in parts if p))


def test_bulk_texts_equal_plan_by_plan_texts(ws: Workspace) -> None:
    ids = add_examples(ws)
    plan_id = ids[0]
    role = ws.list("role", plan_id)[0]
    person = ws.list("person")[0]["id"]
    ws.update("role", role["id"], person=person)  # a person's name counts
    ws.delete("term", ws.list("term", plan_id)[0]["id"])  # a tombstone does not
    texts = list(all_plan_texts(ws))
    assert sorted(t.plan_id for t in texts) == sorted(ids)
    for text in texts:
        assert text == _one_by_one(ws, text.plan_id)
        assert plan_text(ws, text.plan_id) == text
    ws.delete("plan", plan_id)
    assert plan_text(ws, plan_id) is None
    assert [t.plan_id for t in all_plan_texts(ws)] == [i for i in ids if i != plan_id]
