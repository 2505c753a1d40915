"""A plan from the open file as the plain dict of the plan file, part by part, and its text.

`plan_to_dict` is also what the Word and Excel exports render from: they never touch the
database. `dumps` writes keys in a fixed order so that export → import → export gives an
identical file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from app.dates import Precision, VagueDate
from app.planfile import FORMAT, FORMAT_VERSION, dependency_entry
from db import models

if TYPE_CHECKING:
    from app.workspace import Workspace

# The model fields of a section, in the file's order (after its uuid).
SECTION_FIELDS = ("key", "heading", "level", "numbered", "content", "body", "body_after",
                  "guidance", "optional", "empty_text")
BOOL_FIELDS = frozenset({"numbered", "optional"})

Part = list[dict[str, Any]]
Uuids = dict[int, str]  # row id → uuid of the rows a part refers to


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


def _of_plan(model: type[models.PlanPart], plan_id: int) -> list[Any]:
    return list(_alive(model, model.plan == plan_id))


def plan_to_dict(ws: Workspace, plan_id: int, *, with_editions: bool = True) -> dict[str, Any]:
    """The plan as the plan file's dict (docs/plan-format.md); `with_editions=False` leaves its editions out."""
    ws.store.activate()
    plan = models.Plan.get_by_id(plan_id)
    items = _of_plan(models.TimelineItem, plan_id)
    roles = _of_plan(models.Role, plan_id)
    resources = _of_plan(models.ResourceLine, plan_id)
    people = _people_referred_to(items, roles, resources)
    person_uuid = {p.id: p.uuid for p in people}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "uuid": plan.uuid,
        "doc_type": plan.doc_type,
        "title": plan.title,
        "metadata": metadata(plan),
        "sections": sections(plan_id),
        "goals": goals(plan_id),
        "timeline": timeline(items, person_uuid),
        "organisation": {"people": people_part(people), "roles": roles_part(roles, person_uuid),
                         "closed_days": closed_days()},
        "resources": resources_part(resources, person_uuid),
        "budget": budget(plan_id),
        "risks": risks(plan_id),
        "log": log(plan_id, {i.id: i.uuid for i in items}),
        "status_reports": status_reports(plan_id),
        "terms": terms(plan_id),
        "references": references(plan_id),
        "decision": decision(plan),
        "editions": editions(plan_id) if with_editions else [],
    }


def list_to_dict(ws: Workspace, plan_id: int, key: str) -> dict[str, Any]:
    """The plan dict with only its uuid, title, people and one list (`key`: "timeline" or "risks"), read as
    plan_to_dict reads them and nothing else: what an activity list or risk register (app.tables) is
    written from and read into."""
    ws.store.activate()
    plan = models.Plan.get_by_id(plan_id)
    items = _of_plan(models.TimelineItem, plan_id)
    people = _people_referred_to(items, _of_plan(models.Role, plan_id), _of_plan(models.ResourceLine, plan_id))
    person_uuid = {p.id: p.uuid for p in people}
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "uuid": plan.uuid, "doc_type": plan.doc_type,
            "title": plan.title, "organisation": {"people": people_part(people)},
            key: timeline(items, person_uuid) if key == "timeline" else risks(plan_id)}


def metadata(plan: models.Plan) -> dict[str, Any]:
    return {
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
        "steering_model": plan.steering_model,
        "auto_schedule": bool(plan.auto_schedule),
        "created_at": plan.created_at,
        "modified_at": plan.modified_at,
    }


def decision(plan: models.Plan) -> dict[str, Any]:
    return {
        "date": _vague(plan.decision_date, plan.decision_date_precision),
        "text": plan.decision_text,
        "choice": plan.decision_choice,
        "comment": plan.decision_comment,
        "signature_title": plan.signature_title,
        "signature_name": plan.signature_name,
        "signature_date": _vague(plan.signature_date, plan.signature_date_precision),
    }


def sections(plan_id: int) -> Part:
    return [{"uuid": s.uuid, **{f: (bool(getattr(s, f)) if f in BOOL_FIELDS else getattr(s, f)) for f in SECTION_FIELDS}}
            for s in _of_plan(models.Section, plan_id)]


def goals(plan_id: int) -> Part:
    return [{"uuid": g.uuid, "kind": g.kind, "text": g.text, "measure": g.measure}
            for g in _of_plan(models.Goal, plan_id)]


def _dependencies(item_uuid: Uuids) -> dict[int, list[str | dict[str, Any]]]:
    """Successor id → the `depends_on` entries of its living predecessors among the plan's items."""
    D = models.Dependency
    deps: dict[int, list[str | dict[str, Any]]] = {}
    if item_uuid:
        query = (D.select(D.successor, D.predecessor, D.kind, D.lag, D.lag_unit)
                 .where(D.deleted_at.is_null(), D.successor.in_(list(item_uuid))).order_by(D.id).tuples())
        rows = cast(Iterable[tuple[int, int, str, int, str]], query)  # (successor id, predecessor id, …)
        for succ, pred, kind, lag, unit in rows:
            if pred in item_uuid:
                deps.setdefault(succ, []).append(dependency_entry(item_uuid[pred], kind, lag, unit))
    return deps


def closed_days() -> list[dict[str, str]]:
    """The organisation's own closed days (app.workdays), as the file keeps them."""
    from app.workdays import closed_periods

    return [p.as_json() for p in closed_periods()]


def timeline(items: list[models.TimelineItem], person_uuid: Uuids) -> Part:
    item_uuid = {i.id: i.uuid for i in items}
    deps = _dependencies(item_uuid)
    return [
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
            "checklist": _checklist(i.checklist),
            "actual_start": _day(i.actual_start),
            "actual_finish": _day(i.actual_finish),
        }
        for i in items
    ]


def _checklist(text: str) -> list[dict[str, str]]:
    """A decision point's stored checklist (app.decisions) as the file's list; damaged text gives []."""
    try:
        data = json.loads(text or "[]")
    except ValueError:
        return []
    return [{"item": str(a.get("item", "")), "answer": str(a.get("answer", "")), "comment": str(a.get("comment", ""))}
            for a in data if isinstance(a, dict)] if isinstance(data, list) else []


def _people_referred_to(items: list[Any], roles: list[Any], resources: list[Any]) -> list[models.Person]:
    """The register's people that the plan's roles, resource lines and timeline items name."""
    ids = {r.__data__["person"] for r in roles + resources if r.__data__["person"]}
    ids |= {i.__data__["responsible_person"] for i in items if i.__data__["responsible_person"]}
    if not ids:
        return []
    return list(models.Person.select().where(models.Person.id.in_(list(ids))).order_by(models.Person.id))


def people_part(people: list[models.Person]) -> Part:
    return [{"uuid": p.uuid, "name": p.name, "title": p.title, "unit": p.unit,
             "organisation": p.organisation, "email": p.email, "phone": p.phone, "notes": p.notes}
            for p in people]


def roles_part(roles: list[models.Role], person_uuid: Uuids) -> Part:
    return [{"uuid": r.uuid, "kind": r.kind, "person": person_uuid.get(r.__data__["person"]),
             "name": r.name, "unit": r.unit, "allocation": r.allocation,
             "start": _vague(r.start, r.start_precision), "end": _vague(r.end, r.end_precision), "note": r.note}
            for r in roles]


def resources_part(lines: list[models.ResourceLine], person_uuid: Uuids) -> Part:
    return [{"uuid": r.uuid, "competence": r.competence, "person": person_uuid.get(r.__data__["person"]),
             "name": r.name, "allocation": r.allocation,
             "start": _vague(r.start, r.start_precision), "end": _vague(r.end, r.end_precision), "note": r.note}
            for r in lines]


def budget(plan_id: int) -> Part:
    """The budget lines; the follow-up (tertial, utfall, prognos) only where it is filled in, so a plan
    without it is written as before it existed."""
    return [{"uuid": b.uuid, "kind": b.kind, "description": b.description, "amount": b.amount,
             "year": b.year, "note": b.note, "sum_rule": b.sum_rule,
             **{k: v for k, v in (("tertial", b.tertial), ("actual", b.actual), ("forecast", b.forecast))
                if v is not None}}
            for b in _of_plan(models.BudgetLine, plan_id)]


def risks(plan_id: int) -> Part:
    rows = _of_plan(models.Risk, plan_id)
    A = models.RiskAssessment
    history: dict[int, list[Any]] = {}
    if rows:
        for a in _alive(A, A.risk.in_([r.id for r in rows])).order_by(A.assessed_on, A.id):
            history.setdefault(a.__data__["risk"], []).append(a)
    return [
        {
            "uuid": r.uuid, "title": r.title, "cause": r.cause, "consequence": r.consequence,
            "probability": r.probability, "impact": r.impact, "owner": r.owner,
            "mitigation": r.mitigation, "due": _vague(r.due, r.due_precision),
            "status": r.status, "trend": r.trend,
            "history": [{"uuid": a.uuid, "date": _day(a.assessed_on), "probability": a.probability,
                         "impact": a.impact, "scale": a.scale, "note": a.note}
                        for a in history.get(r.id, [])],
        }
        for r in rows
    ]


def log(plan_id: int, item_uuid: dict[int, str]) -> Part:
    """The ärende- och beslutslogg; a decision taken at a decision point names the point (its uuid)."""
    return [{"uuid": e.uuid, "date": _day(e.entry_date), "kind": e.kind, "text": e.text,
             "decided_by": e.decided_by, "status": e.status, "item": item_uuid.get(e.__data__["item"]),
             "outcome": e.outcome, "diarienummer": e.diarienummer}
            for e in _of_plan(models.LogEntry, plan_id)]


def status_reports(plan_id: int) -> Part:
    return [{"uuid": s.uuid, "date": _day(s.report_date), "status": s.status, "text": s.text, "author": s.author}
            for s in _of_plan(models.StatusReport, plan_id)]


def terms(plan_id: int) -> Part:
    return [{"uuid": t.uuid, "term": t.term, "explanation": t.explanation} for t in _of_plan(models.Term, plan_id)]


def references(plan_id: int) -> Part:
    return [{"uuid": r.uuid, "number": r.number, "title": r.title, "description": r.description, "url": r.url}
            for r in _of_plan(models.Reference, plan_id)]


def editions(plan_id: int) -> Part:
    return [{"uuid": e.uuid, "label": e.label, "date": _day(e.edition_date), "comment": e.comment,
             "snapshot": json.loads(e.snapshot)}
            for e in _of_plan(models.Edition, plan_id)]


def dumps(plan: dict[str, Any]) -> str:
    """The plan file's text: two-space indentation, UTF-8 as is, a final newline."""
    return json.dumps(plan, ensure_ascii=False, indent=2) + "\n"


def write_plan_json(plan: dict[str, Any], out: Path) -> Path:
    """Written beside `out` and renamed into place: a full disk never leaves half a file."""
    from app.export.result import save_beside

    data = dumps(plan).encode("utf-8")
    save_beside(out, lambda fh: fh.write(data))
    return out
