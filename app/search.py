"""The searchable text of plans, for the GUI's search index (which lives outside the file).

No Qt. The GUI builds an in-memory full-text index from these texts when a file
opens (all_plan_texts: one query per table for every plan at once) and refreshes
a plan's entry whenever something in it changes (plan_text: that plan only).
Both give the same text for a plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app import kinds
from app.markup import to_plain_text
from app.workspace import Workspace
from db import models

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
MARKUP_FIELDS = ("body", "body_after", "description")


@dataclass(frozen=True)
class PlanText:
    plan_id: int
    title: str
    diarienummer: str
    body: str  # every other text of the plan, markup removed


def plan_text(ws: Workspace, plan_id: int) -> PlanText | None:
    """The texts of one plan, or None if it is gone (deleted or never existed)."""
    texts = _texts(ws, plan_id)
    return texts[0] if texts else None


def all_plan_texts(ws: Workspace) -> Iterator[PlanText]:
    """The texts of every live plan, in the order of app.plans.list_plans."""
    yield from _texts(ws, None)


def _texts(ws: Workspace, plan_id: int | None) -> list[PlanText]:
    """Texts of one plan (or of all live plans when `plan_id` is None): a query per table."""
    P = models.Plan
    query = (P.select(P.id, P.title, P.diarienummer, *(getattr(P, f) for f in PLAN_FIELDS))
             .where(P.deleted_at.is_null()).order_by(P.doc_type, P.title, P.id))
    if plan_id is not None:
        query = query.where(P.id == plan_id)
    plans = list(query.tuples())
    if not plans:
        return []
    parts: dict[int, list[str]] = {row[0]: [str(v or "") for v in row[3:]] for row in plans}
    people: dict[int, str] | None = None
    for kind_name, fields in TEXT_FIELDS.items():
        m = kinds.kind(kind_name).model
        columns: list[Any] = [m.plan, *(getattr(m, f) for f in fields)]
        has_person = "person" in m._meta.fields
        if has_person:
            columns.append(m.person)
            if people is None:
                Pe = models.Person
                people = dict(Pe.select(Pe.id, Pe.name).where(Pe.deleted_at.is_null()).tuples())
        rows = m.select(*columns).where(m.deleted_at.is_null())
        rows = rows.where(m.plan == plan_id) if plan_id is not None else rows.where(m.plan.in_(
            P.select(P.id).where(P.deleted_at.is_null())))
        markup = [f in MARKUP_FIELDS for f in fields]
        for row in rows.order_by(m.plan, m.position, m.id).tuples():
            out = parts[row[0]]
            for value, plain in zip(row[1:1 + len(fields)], markup):
                value = value or ""
                out.append(to_plain_text(value) if plain else str(value))
            if has_person and row[-1] in people:  # type: ignore[operator]
                out.append(people[row[-1]])  # type: ignore[index]
    return [PlanText(pid, title or "", diarienummer or "", "\n".join(p for p in parts[pid] if p))
            for pid, title, diarienummer, *_ in plans]
