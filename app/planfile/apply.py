"""A checked plan dict written into the open file, in one go (inside the caller's transaction).

A plan whose uuid exists is updated to match the file (parts missing from the file get
tombstones), so importing twice never duplicates anything. Rows are matched by uuid and
written set by set through the bulk writer (db/upsert.py); this module says which
columns each part of the file becomes.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.planfile import dependency_parts
from app.planfile.semantics import vague
from db import models
from db.upsert import Upserter

if TYPE_CHECKING:
    from app.workspace import Workspace


BUDGET_FOLLOW_UP = ("tertial", "actual", "forecast")  # a budget line's period within its year, utfall, prognos

def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _days(texts: list[str | None]) -> list[date | None]:
    """_day of each of `texts`, worked out once a distinct text (most are None)."""
    distinct = {t: _day(t) for t in set(texts)}
    return [distinct[t] for t in texts]


@lru_cache(maxsize=4096)
def _vague_parts(text: str | None) -> tuple[str | None, str | None]:
    """A vague date's two columns as stored: its first day as ISO text, and its precision."""
    v = vague(text)
    return (v.start.isoformat(), str(v.precision)) if v else (None, None)


def _vague_columns(name: str, text: str | None) -> dict[str, Any]:
    start, precision = _vague_parts(text)
    return {name: start, f"{name}_precision": precision}


def _vague_column_lists(name: str, texts: list[str | None]) -> dict[str, list[str | None]]:
    distinct = {t: _vague_parts(t) for t in set(texts)}
    parts = [distinct[t] for t in texts]
    return {name: [start for start, _ in parts], f"{name}_precision": [precision for _, precision in parts]}


def _without(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in keys and k != "uuid"}


def _plan_columns(data: dict[str, Any]) -> dict[str, Any]:
    meta, decision = data["metadata"], data["decision"]
    return {
        "doc_type": data["doc_type"],
        "template": meta["template"],
        "title": data["title"],
        "subtitle": meta["subtitle"],
        "programme": meta["programme"],
        "organisation": meta["organisation"],
        "diarienummer": meta["diarienummer"],
        "assignment": meta["assignment"],
        **_vague_columns("document_date", meta["document_date"]),
        "edition": meta["edition"],
        "version": meta["version"],
        "authors": "\n".join(meta["authors"]),
        "status": meta["status"],
        "steering_model": meta.get("steering_model", ""),  # absent from format version 1
        "auto_schedule": int(meta.get("auto_schedule", False)),  # absent before version 3
        **_vague_columns("decision_date", decision["date"]),
        "decision_text": decision["text"],
        "decision_choice": decision["choice"],
        "decision_comment": decision["comment"],
        "signature_title": decision["signature_title"],
        "signature_name": decision["signature_name"],
        **_vague_columns("signature_date", decision["signature_date"]),
    }


class _Writer:
    """The rows of one plan, part by part, through one upserter."""

    def __init__(self, up: Upserter, plan_id: int, person_ids: dict[str, int]):
        self.up, self.plan_id, self.person_ids = up, plan_id, person_ids
        self.item_ids: dict[str, int] = {}  # timeline uuid -> id, once the timeline is written

    def part(self, model: type[models.PlanPart], rows: list[dict[str, Any]], columns_of: Any) -> dict[str, int]:
        """The plan's rows of `model` as `rows` say, in their order; its other rows get tombstones."""
        ids = self.up.put_many(model, [(row["uuid"], {"plan": self.plan_id, "position": position, **columns_of(row)})
                                       for position, row in enumerate(rows)])
        self.up.bury_others(model, "plan_id", [self.plan_id], ids.values())
        return ids

    def with_period(self, r: dict[str, Any]) -> dict[str, Any]:
        """A role's or resource line's columns: the person as an id, the period as stored."""
        return {**_without(r, "start", "end", "person"), "person": self.person_ids.get(r["person"]),
                **_vague_columns("start", r["start"]), **_vague_columns("end", r["end"])}

    def timeline(self, timeline: list[dict[str, Any]]) -> None:
        # Every column the file always has.
        names = ("uuid", "kind", "code", "title", "description", "start", "end", "responsible", "responsible_person",
                 "status", "progress", "comment", "parent")
        column = {name: [t[name] for t in timeline] for name in names}
        person = self.person_ids.get
        plan_id, up = self.plan_id, self.up
        item_ids = up.put_columns(models.TimelineItem, column["uuid"], {
            "plan": [plan_id] * len(timeline), "position": list(range(len(timeline))),
            **{name: column[name] for name in ("kind", "code", "title", "description")},
            **_vague_column_lists("start", column["start"]), **_vague_column_lists("end", column["end"]),
            "responsible": column["responsible"],
            "responsible_person": [person(p) if p else None for p in column["responsible_person"]],
            **{name: column[name] for name in ("status", "progress", "comment")},
            "checklist": [json.dumps(t["checklist"], ensure_ascii=False) if t.get("checklist") else ""
                          for t in timeline],  # absent from format version 1
            "actual_start": _days([t.get("actual_start") for t in timeline]),  # absent before version 3
            "actual_finish": _days([t.get("actual_finish") for t in timeline]),
            "parent": column["parent"]}, self_refs=("parent",))
        up.bury_others(models.TimelineItem, "plan_id", [plan_id], item_ids.values())
        wanted: dict[tuple[int, int], tuple[str, int, str]] = {}
        plain = ("FS", 0, "day")  # a bare uuid: finish-to-start without lag
        for t in timeline:
            if t["depends_on"]:
                successor = item_ids[t["uuid"]]
                for entry in t["depends_on"]:
                    if type(entry) is str:
                        wanted.setdefault((item_ids[entry], successor), plain)
                    else:
                        dep, *kind_lag_unit = dependency_parts(entry)
                        wanted.setdefault((item_ids[dep], successor), tuple(kind_lag_unit))  # type: ignore[arg-type]
        up.put_dependencies(wanted, list(item_ids.values()))
        self.item_ids = item_ids

    def risks(self, risks: list[dict[str, Any]]) -> None:
        risk_ids = self.part(models.Risk, risks, lambda r: {
            **_without(r, "due", "history"), **_vague_columns("due", r["due"])})
        kept = self.up.put_many(models.RiskAssessment, [(a["uuid"], {
            "risk": risk_ids[r["uuid"]], "assessed_on": _day(a["date"]), "probability": a["probability"],
            "impact": a["impact"], "scale": a["scale"], "note": a["note"]}) for r in risks for a in r["history"]])
        self.up.bury_others(models.RiskAssessment, "risk_id", list(risk_ids.values()), kept.values())


def _merge_closed_days(raw: list[dict[str, str]]) -> None:
    """The plan's closed days join the file's (a plan never takes away the organisation's own)."""
    if raw:
        from app.workdays import closed_periods, parse_periods, store_periods

        store_periods([*closed_periods(), *parse_periods(raw)])


def import_plan(ws: Workspace, data: dict[str, Any], new: frozenset[type[models.UserRow]] = frozenset()) -> int:
    """Write a checked plan dict into `ws` (inside the caller's transaction); the plan's id. `new`: the
    models whose rows in the plan the caller has found the file does not hold (db.upsert.Upserter)."""
    ws.store.activate()
    now = models.utc_now()
    up = Upserter(now, new)
    meta = data["metadata"]
    plan_id = up.put(models.Plan, data["uuid"], _plan_columns(data))
    models.Plan.update(created_at=meta["created_at"] or now, modified_at=meta["modified_at"] or now).where(
        models.Plan.id == plan_id
    ).execute()
    _merge_closed_days(data["organisation"].get("closed_days", []))  # absent before version 3
    person_ids = up.put_many(models.Person, [(p["uuid"], _without(p)) for p in data["organisation"]["people"]])
    w = _Writer(up, plan_id, person_ids)
    w.part(models.Section, data["sections"], lambda s: {
        **_without(s), "numbered": int(s["numbered"]), "optional": int(s["optional"])})
    w.part(models.Goal, data["goals"], _without)
    w.timeline(data["timeline"])
    w.part(models.Role, data["organisation"]["roles"], w.with_period)
    w.part(models.ResourceLine, data["resources"], w.with_period)
    w.part(models.BudgetLine, data["budget"], lambda b: {  # the follow-up is absent from files before it
        **_without(b), "sum_rule": b.get("sum_rule", ""), **{k: b.get(k) for k in BUDGET_FOLLOW_UP}})
    w.risks(data["risks"])
    w.part(models.LogEntry, data["log"], lambda e: {
        "entry_date": _day(e["date"]), "kind": e["kind"], "text": e["text"],
        "decided_by": e["decided_by"], "status": e["status"], "item": w.item_ids.get(e.get("item") or ""),
        "outcome": e.get("outcome", ""), "diarienummer": e.get("diarienummer", "")})  # absent from version 1
    w.part(models.StatusReport, data["status_reports"], lambda s: {
        "report_date": _day(s["date"]), "status": s["status"], "text": s["text"], "author": s["author"]})
    w.part(models.Term, data["terms"], _without)
    w.part(models.Reference, data["references"], _without)
    w.part(models.Edition, data["editions"], lambda e: {
        "label": e["label"], "edition_date": _day(e["date"]), "comment": e["comment"],
        "snapshot": json.dumps(e["snapshot"], ensure_ascii=False)})
    return plan_id
