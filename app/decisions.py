"""Decision points on a plan: its steering model, their checklists and the decisions recorded there.

A plan takes its decision points from a steering model (app.steering) when it is created and
may change model later (`preview_model_change` says what would change first). A decision point
is a timeline item of kind ``decision_point``; its checklist ("Checklista inför beslut") is kept
on the item as JSON, one answer per item: ``ja``, ``nej``, ``ej_aktuellt`` or ``""`` (not yet),
with a comment. A decision is recorded as a line in the ärende- och beslutslogg (a LogEntry of
kind ``decision`` that names its point), so the log and the point show one and the same record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app import kinds
from app.i18n import label as kind_label, tr
from app.steering import DecisionPointModel, SteeringModel, model_for
from app.workspace import Change, Workspace

__all__ = [
    "ANSWERS",
    "OUTCOMES",
    "STATES",
    "ChecklistAnswer",
    "ModelChange",
    "add_model_points",
    "apply_model_change",
    "checklist",
    "checklist_text",
    "decision_for",
    "next_decision_point",
    "point_state",
    "preview_model_change",
    "record_decision",
    "set_checklist",
]

ANSWERS = {k: v for k, v in kinds.CHECKLIST_ANSWERS.items() if k}
OUTCOMES = {k: v for k, v in kinds.DECISION_OUTCOMES.items() if k}
# A point's state on the timeline and in the portfolio.
STATES = {"upcoming": "Kommande", "ready": "Klar för beslut", "decided": "Beslutad", "late": "Försenad"}


@dataclass(frozen=True)
class ChecklistAnswer:
    item: str
    answer: str = ""  # "" | ja | nej | ej_aktuellt
    comment: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"item": self.item, "answer": self.answer, "comment": self.comment}


def checklist_text(answers: list[ChecklistAnswer]) -> str:
    """Answers as a point's stored `checklist` field."""
    return json.dumps([a.as_dict() for a in answers], ensure_ascii=False) if answers else ""


def checklist(row: dict[str, Any]) -> list[ChecklistAnswer]:
    """A decision point's checklist from its row; damaged text gives an empty list, never an error."""
    try:
        data = json.loads(row.get("checklist") or "[]")
    except (TypeError, ValueError):
        return []
    out = []
    for entry in data if isinstance(data, list) else ():
        if isinstance(entry, dict) and isinstance(entry.get("item"), str):
            answer = entry.get("answer") if entry.get("answer") in ANSWERS else ""
            out.append(ChecklistAnswer(entry["item"], answer, str(entry.get("comment") or "")))
    return out


def checklist_complete(answers: list[ChecklistAnswer]) -> bool:
    return bool(answers) and all(a.answer for a in answers)


def set_checklist(ws: Workspace, item_id: int, answers: list[ChecklistAnswer]) -> Change:
    for a in answers:
        if a.answer not in ("", *ANSWERS):
            raise ValueError(tr("Svaret ”{answer}” finns inte; välj Ja, Nej eller Ej aktuellt.", answer=a.answer))
    return ws.update("timeline", item_id, checklist=checklist_text(answers))


# --- a plan's model ---------------------------------------------------------------


def _point_values(p: DecisionPointModel) -> dict[str, Any]:
    return {"kind": p.kind, "code": p.code, "title": p.name, "description": p.decides,
            "checklist": checklist_text([ChecklistAnswer(item) for item in p.checklist])}


def add_model_points(ws: Workspace, plan_id: int, model: SteeringModel) -> None:
    """Give a new plan `model`'s decision points (with empty checklists) and record the model."""
    with ws.store.write():
        ws.update("plan", plan_id, steering_model=model.key)
        for p in model.points:
            ws.add("timeline", plan_id, **_point_values(p))


def default_model_key(doc_type: str) -> str:
    """The steering model a new plan of `doc_type` starts with: the one its template names."""
    from app.templates import get_template

    return get_template(doc_type).steering_model


@dataclass
class ModelChange:
    """What changing a plan's steering model would do, for the preview."""

    old: str
    new: SteeringModel
    kept: list[str] = field(default_factory=list)  # codes in both: renamed and given the new checklist
    added: list[str] = field(default_factory=list)  # new codes, added without dates
    removed: list[str] = field(default_factory=list)  # codes only in the old model, removed
    kept_decided: list[str] = field(default_factory=list)  # old codes with a recorded decision: kept as they are

    def lines(self) -> list[str]:
        """The preview, one line per kind of change."""
        out = [tr("Styrmodell: {name}", name=kind_label(self.new.name))]
        for codes, text in ((self.kept, tr("Behålls (datum behålls, namn och checklista från den nya modellen)")),
                            (self.added, tr("Läggs till")), (self.removed, tr("Tas bort")),
                            (self.kept_decided, tr("Behålls eftersom beslut är fattat"))):
            if codes:
                out.append(f"{text}: {', '.join(codes)}")
        return out


def _points_of_plan(ws: Workspace, plan_id: int) -> list[dict[str, Any]]:
    return [r for r in ws.list("timeline", plan_id) if r["kind"] in ("decision_point", "milestone") and r["code"]]


def preview_model_change(ws: Workspace, plan_id: int, new_key: str) -> ModelChange:
    new = model_for(ws, new_key)
    old_key = ws.get("plan", plan_id).get("steering_model") or ""
    change = ModelChange(old=old_key, new=new)
    new_codes = {p.code for p in new.points}
    have = {r["code"]: r for r in _points_of_plan(ws, plan_id)}
    decided = {d["item"] for d in ws.list("log", plan_id) if d["kind"] == "decision" and d.get("item")}
    for code, row in have.items():
        if code in new_codes:
            change.kept.append(code)
        elif row["id"] in decided:
            change.kept_decided.append(code)
        else:
            change.removed.append(code)
    change.added = [p.code for p in new.points if p.code not in have]
    return change


def apply_model_change(ws: Workspace, plan_id: int, new_key: str) -> ModelChange:
    """Change the plan's model as `preview_model_change` describes, in one transaction.

    A kept point keeps its dates and answers to checklist items the new model still asks."""
    change = preview_model_change(ws, plan_id, new_key)
    have = {r["code"]: r for r in _points_of_plan(ws, plan_id)}
    with ws.store.write():
        ws.update("plan", plan_id, steering_model=change.new.key)
        for p in change.new.points:
            if p.code in have:
                row = have[p.code]
                old = {a.item: a for a in checklist(row)}
                answers = [old.get(item, ChecklistAnswer(item)) for item in p.checklist]
                ws.update("timeline", row["id"], kind=p.kind, title=p.name, description=p.decides,
                          checklist=checklist_text(answers))
            else:
                ws.add("timeline", plan_id, **_point_values(p))
        for code in change.removed:
            ws.delete("timeline", have[code]["id"])
    return change


# --- decisions ---------------------------------------------------------------------


def decision_for(ws: Workspace, item_id: int) -> dict[str, Any] | None:
    """The latest decision recorded at a point (a log row), or None."""
    row = ws.get("timeline", item_id)
    found = [d for d in ws.list("log", row["plan"]) if d["kind"] == "decision" and d.get("item") == item_id]
    return found[-1] if found else None


def record_decision(ws: Workspace, item_id: int, *, on: date, decided_by: str, outcome: str,
                    diarienummer: str = "", comment: str = "", answers: list[ChecklistAnswer] | None = None,
                    freeze: str | None = None) -> Change:
    """Record the decision taken at a decision point: a line in the ärende- och beslutslogg that
    names the point, the point marked done and its checklist stored as answered. `freeze` is an
    edition label ("1.0") to freeze the plan as, after the decision. Returns the log row's Change."""
    if outcome not in OUTCOMES:
        raise ValueError(tr("Beslutet ”{outcome}” finns inte; välj {choices}.", outcome=outcome,
                            choices=", ".join(kind_label(o) for o in OUTCOMES.values())))
    if not decided_by.strip():
        raise ValueError(tr("Ange vem som fattade beslutet, till exempel styrgrupp, nämnd eller uppdragsägare."))
    item = ws.peek("timeline", item_id)  # (the point is written over the version the window showed)
    if item["kind"] not in ("decision_point", "milestone"):
        raise ValueError(tr("Beslut registreras vid en beslutspunkt."))
    label = f"{item['code']} {item['title']}".strip()
    text = f"{label}: {OUTCOMES[outcome]}." + (f" {comment.strip()}" if comment.strip() else "")
    with ws.store.write():
        if answers is not None:
            set_checklist(ws, item_id, answers)
        change = ws.add("log", item["plan"], entry_date=on, kind="decision", text=text,
                        decided_by=decided_by.strip(), status="", item=item_id, outcome=outcome,
                        diarienummer=diarienummer.strip())
        ws.update("timeline", item_id, status="done")
    if freeze:
        from app.editions import freeze_edition

        freeze_edition(ws, item["plan"], freeze, comment=f"Efter beslut vid {label}", on=on)
    return change


def set_recorded(ws: Workspace, log_id: int, item_id: int, point: dict[str, Any], *, recorded: bool) -> list[Change]:
    """A recorded decision taken back (its log line deleted) or brought back (restored), with the point's
    status and checklist as `point` has them, in one transaction: on a team server, a point someone else
    has changed since writes neither (app.concurrency.EditConflict)."""
    with ws.store.write():
        log = (ws.restore if recorded else ws.delete)("log", log_id)
        return [log, ws.update("timeline", item_id, **point)]


def point_state(row: dict[str, Any], decided: bool, today: date) -> str:
    """upcoming | ready (checklist complete) | decided | late (its date has passed undecided)."""
    if decided:
        return "decided"
    when = row.get("end") or row.get("start")
    if when is not None and when.last_day < today:
        return "late"
    if checklist_complete(checklist(row)):
        return "ready"
    return "upcoming"


def next_decision_point(ws: Workspace, plan_id: int, today: date) -> dict[str, Any] | None:
    """The plan's first decision point without a decision (dated ones by date, then undated),
    with its `state`; None when every point is decided."""
    decided = {d["item"] for d in ws.list("log", plan_id) if d["kind"] == "decision" and d.get("item")}
    open_points = [r for r in ws.list("timeline", plan_id)
                   if r["kind"] == "decision_point" and r["id"] not in decided]
    if not open_points:
        return None
    dated = sorted((r for r in open_points if r["start"] is not None), key=lambda r: r["start"])
    first = (dated or open_points)[0]
    return {**first, "state": point_state(first, False, today)}
