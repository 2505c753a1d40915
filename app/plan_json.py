"""A plan as the plain dict of the plan JSON format (docs/plan-format.md), and back.

`plan_to_dict` is also what the Word and Excel exports render from: they
never touch the database. `write_plan_json` writes keys in a fixed order so
that export → import → export gives an identical file.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.dates import Precision, VagueDate
from db import models

if TYPE_CHECKING:
    from app.workspace import Workspace

FORMAT = "uppdrag-plan"
FORMAT_VERSION = 1

# (JSON key, model field) for each part list; the first element of every row is its uuid.
SECTION_FIELDS = ("key", "heading", "level", "numbered", "content", "body", "body_after",
                  "guidance", "optional", "empty_text")
BOOL_FIELDS = frozenset({"numbered", "optional"})


def _vague(day: Any, precision: str | None) -> str | None:
    if day is None or precision is None:
        return None
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return VagueDate(day, Precision(precision)).canonical()


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else value.isoformat()


def _alive(model: type[models.UserRow], *where: Any) -> Any:
    q = model.select().where(model.deleted_at.is_null(), *where)
    if hasattr(model, "position"):
        return q.order_by(model.position, model.id)
    return q.order_by(model.id)


class _Uuids:
    """id → uuid lookups for the rows a plan refers to, read once."""

    def __init__(self, model: type[models.UserRow], ids: set[int]):
        self._map = dict(model.select(model.id, model.uuid).where(model.id.in_(list(ids))).tuples()) if ids else {}

    def __call__(self, row_id: int | None) -> str | None:
        return None if row_id is None else self._map.get(row_id)


def plan_to_dict(ws: Workspace, plan_id: int, *, with_editions: bool = True) -> dict[str, Any]:
    ws.store.activate()
    plan = models.Plan.get_by_id(plan_id)
    P = models
    items = list(_alive(P.TimelineItem, P.TimelineItem.plan == plan_id))
    item_uuid = {i.id: i.uuid for i in items}
    deps: dict[int, list[str]] = {}
    if items:
        for succ, pred in (
            P.Dependency.select(P.Dependency.successor, P.Dependency.predecessor)
            .where(P.Dependency.deleted_at.is_null(), P.Dependency.successor.in_(list(item_uuid)))
            .order_by(P.Dependency.id)
            .tuples()
        ):
            if pred in item_uuid:
                deps.setdefault(succ, []).append(item_uuid[pred])
    roles = list(_alive(P.Role, P.Role.plan == plan_id))
    resources = list(_alive(P.ResourceLine, P.ResourceLine.plan == plan_id))
    person_ids = {r.__data__["person"] for r in roles + resources if r.__data__["person"]}
    person_ids |= {i.__data__["responsible_person"] for i in items if i.__data__["responsible_person"]}
    people = list(P.Person.select().where(P.Person.id.in_(list(person_ids))).order_by(P.Person.id)) if person_ids else []
    person_uuid = {p.id: p.uuid for p in people}
    risks = list(_alive(P.Risk, P.Risk.plan == plan_id))
    history: dict[int, list[Any]] = {}
    if risks:
        for a in _alive(P.RiskAssessment, P.RiskAssessment.risk.in_([r.id for r in risks])).order_by(
            P.RiskAssessment.assessed_on, P.RiskAssessment.id
        ):
            history.setdefault(a.__data__["risk"], []).append(a)

    out: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "uuid": plan.uuid,
        "doc_type": plan.doc_type,
        "title": plan.title,
        "metadata": {
            "template": plan.template,
            "subtitle": plan.subtitle,
            "programme": plan.programme,
            "organisation": plan.organisation,
            "diarienummer": plan.diarienummer,
            "assignment": plan.assignment,
            "document_date": _vague(plan.document_date, plan.document_date_precision),
            "edition": plan.edition,
            "version": plan.version,
            "authors": [a for a in plan.authors.split("\n") if a],
            "status": plan.status,
            "created_at": plan.created_at,
            "modified_at": plan.modified_at,
        },
        "sections": [
            {"uuid": s.uuid, **{f: (bool(getattr(s, f)) if f in BOOL_FIELDS else getattr(s, f)) for f in SECTION_FIELDS}}
            for s in _alive(P.Section, P.Section.plan == plan_id)
        ],
        "goals": [
            {"uuid": g.uuid, "kind": g.kind, "text": g.text, "measure": g.measure}
            for g in _alive(P.Goal, P.Goal.plan == plan_id)
        ],
        "timeline": [
            {
                "uuid": i.uuid,
                "kind": i.kind,
                "code": i.code,
                "title": i.title,
                "description": i.description,
                "start": _vague(i.start, i.start_precision),
                "end": _vague(i.end, i.end_precision),
                "responsible": i.responsible,
                "responsible_person": person_uuid.get(i.__data__["responsible_person"]),
                "status": i.status,
                "progress": i.progress,
                "comment": i.comment,
                "parent": item_uuid.get(i.__data__["parent"]),
                "depends_on": deps.get(i.id, []),
            }
            for i in items
        ],
        "organisation": {
            "people": [
                {"uuid": p.uuid, "name": p.name, "title": p.title, "unit": p.unit,
                 "organisation": p.organisation, "email": p.email, "phone": p.phone, "notes": p.notes}
                for p in people
            ],
            "roles": [
                {
                    "uuid": r.uuid, "kind": r.kind, "person": person_uuid.get(r.__data__["person"]),
                    "name": r.name, "unit": r.unit, "allocation": r.allocation,
                    "start": _vague(r.start, r.start_precision), "end": _vague(r.end, r.end_precision),
                    "note": r.note,
                }
                for r in roles
            ],
        },
        "resources": [
            {
                "uuid": r.uuid, "competence": r.competence, "person": person_uuid.get(r.__data__["person"]),
                "name": r.name, "allocation": r.allocation,
                "start": _vague(r.start, r.start_precision), "end": _vague(r.end, r.end_precision),
                "note": r.note,
            }
            for r in resources
        ],
        "budget": [
            {"uuid": b.uuid, "kind": b.kind, "description": b.description, "amount": b.amount,
             "year": b.year, "note": b.note}
            for b in _alive(P.BudgetLine, P.BudgetLine.plan == plan_id)
        ],
        "risks": [
            {
                "uuid": r.uuid, "title": r.title, "cause": r.cause, "consequence": r.consequence,
                "probability": r.probability, "impact": r.impact, "owner": r.owner,
                "mitigation": r.mitigation, "due": _vague(r.due, r.due_precision),
                "status": r.status, "trend": r.trend,
                "history": [
                    {"uuid": a.uuid, "date": _day(a.assessed_on), "probability": a.probability,
                     "impact": a.impact, "scale": a.scale, "note": a.note}
                    for a in history.get(r.id, [])
                ],
            }
            for r in risks
        ],
        "log": [
            {"uuid": e.uuid, "date": _day(e.entry_date), "kind": e.kind, "text": e.text,
             "decided_by": e.decided_by, "status": e.status}
            for e in _alive(P.LogEntry, P.LogEntry.plan == plan_id)
        ],
        "status_reports": [
            {"uuid": s.uuid, "date": _day(s.report_date), "status": s.status, "text": s.text, "author": s.author}
            for s in _alive(P.StatusReport, P.StatusReport.plan == plan_id)
        ],
        "terms": [
            {"uuid": t.uuid, "term": t.term, "explanation": t.explanation}
            for t in _alive(P.Term, P.Term.plan == plan_id)
        ],
        "references": [
            {"uuid": r.uuid, "number": r.number, "title": r.title, "description": r.description, "url": r.url}
            for r in _alive(P.Reference, P.Reference.plan == plan_id)
        ],
        "decision": {
            "date": _vague(plan.decision_date, plan.decision_date_precision),
            "text": plan.decision_text,
            "choice": plan.decision_choice,
            "comment": plan.decision_comment,
            "signature_title": plan.signature_title,
            "signature_name": plan.signature_name,
            "signature_date": _vague(plan.signature_date, plan.signature_date_precision),
        },
        "editions": [],
    }
    if with_editions:
        out["editions"] = [
            {"uuid": e.uuid, "label": e.label, "date": _day(e.edition_date), "comment": e.comment,
             "snapshot": json.loads(e.snapshot)}
            for e in _alive(P.Edition, P.Edition.plan == plan_id)
        ]
    return out


def dumps(plan: dict[str, Any]) -> str:
    return json.dumps(plan, ensure_ascii=False, indent=2) + "\n"


def write_plan_json(plan: dict[str, Any], out: Path) -> Path:
    out.write_text(dumps(plan), encoding="utf-8")
    return out
