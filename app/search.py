"""The searchable text of plans, for the GUI's search index (which lives outside the file).

Pure Python over the Workspace services: no Qt, no SQL. The GUI builds an
in-memory full-text index from these texts and refreshes a plan's entry
whenever something in it changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.markup import to_plain_text
from app.workspace import Workspace

# For each kind of plan part, the fields whose text is searchable.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "section": ("heading", "body", "body_after"),
    "goal": ("text", "measure"),
    "timeline": ("code", "title", "description", "responsible", "comment"),
    "role": ("name", "unit", "note"),
    "resource": ("competence", "name", "note"),
    "budget": ("description", "note"),
    "risk": ("title", "cause", "consequence", "owner", "mitigation"),
    "log": ("text", "decided_by", "status"),
    "status_report": ("text", "author"),
    "term": ("term", "explanation"),
    "reference": ("number", "title", "description", "url"),
}
PLAN_FIELDS = ("subtitle", "programme", "organisation", "assignment", "authors", "decision_text",
               "decision_comment", "signature_name")


@dataclass(frozen=True)
class PlanText:
    plan_id: int
    title: str
    diarienummer: str
    body: str  # every other text of the plan, markup removed


def plan_text(ws: Workspace, plan_id: int) -> PlanText | None:
    """The texts of one plan, or None if it is gone (deleted or never existed)."""
    from app.plans import list_plans

    if plan_id not in {p.id for p in list_plans(ws)}:
        return None
    plan = ws.get("plan", plan_id)
    people = {p["id"]: p["name"] for p in ws.list("person")}
    parts: list[str] = [str(plan.get(f) or "") for f in PLAN_FIELDS]
    for kind_name, fields in TEXT_FIELDS.items():
        for row in ws.list(kind_name, plan_id):
            for f in fields:
                value = row.get(f) or ""
                parts.append(to_plain_text(value) if f in ("body", "body_after", "description") else str(value))
            person = row.get("person")
            if person in people:
                parts.append(people[person])
    return PlanText(plan_id, plan["title"] or "", plan["diarienummer"] or "",
                    "\n".join(p for p in parts if p))


def all_plan_texts(ws: Workspace) -> Iterator[PlanText]:
    from app.plans import list_plans

    for summary in list_plans(ws):
        text = plan_text(ws, summary.id)
        if text is not None:
            yield text
