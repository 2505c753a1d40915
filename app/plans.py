"""Whole-plan operations: create from a template, copy, find, list, import and export JSON."""

from __future__ import annotations

import copy
import gc
import uuid as uuidlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.i18n import tr
from app.resources import resource_path
from app.workspace import Change, Workspace
from db import models


@dataclass(frozen=True)
class PlanSummary:
    id: int
    uuid: str
    doc_type: str
    title: str
    diarienummer: str
    edition: str
    status: str
    modified: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "uuid": self.uuid, "doc_type": self.doc_type, "title": self.title,
            "diarienummer": self.diarienummer, "edition": self.edition, "status": self.status,
            "modified": self.modified,
        }


# The plan file's modules (app.planfile) are imported by the functions that use them:
# the GUI lists plans at start-up and should not load them to do so.


def list_plans(ws: Workspace) -> list[PlanSummary]:
    P = models.Plan
    query = (
        P.select(P.id, P.uuid, P.doc_type, P.title, P.diarienummer, P.edition, P.status, P.modified_at)
        .where(P.deleted_at.is_null())
        .order_by(P.doc_type, P.title, P.id)
        .tuples()
    )
    return [PlanSummary(*row) for row in query]


def find_plan(ws: Workspace, ref: str) -> int:
    """A plan by id, uuid or diarienummer; LookupError with a Swedish message otherwise."""
    P = models.Plan
    alive = P.deleted_at.is_null()
    ref = ref.strip()
    if ref.isdigit():
        row = P.get_or_none((P.id == int(ref)) & alive)
        if row:
            return row.id
    row = P.get_or_none((P.uuid == ref.lower()) & alive)
    if row:
        return row.id
    matches = list(P.select(P.id).where((P.diarienummer == ref) & alive).tuples())
    if len(matches) == 1:
        return matches[0][0]
    if len(matches) > 1:
        raise LookupError(tr("Flera planer har diarienummer ”{ref}”; ange planens id eller uuid.", ref=ref))
    raise LookupError(tr("Hittar ingen plan med id, uuid eller diarienummer ”{ref}”.", ref=ref))


def create_plan(ws: Workspace, template_key: str, title: str, *, steering_model: str | None = None,
                **metadata: Any) -> Change:
    """A new plan with the template's sections and the decision points of its steering model
    (by default the one its template names), as one transaction."""
    from app.decisions import add_model_points
    from app.steering import model_for
    from app.templates import get_template

    template = get_template(template_key)
    model = model_for(ws, steering_model or template.steering_model)
    with ws.store.write():
        change = ws.add(
            "plan",
            doc_type=template.doc_type,
            template=template.key,
            title=title,
            signature_title=template.signature_title,
            decision_text=template.decision_text,
            **metadata,
        )
        plan_id = change.ids[0]
        for s in template.sections:
            ws.add("section", plan_id, key=s.key, heading=s.heading, level=s.level, numbered=s.numbered,
                   content=s.content, guidance=s.guidance, optional=s.optional, empty_text=s.empty_text)
        add_model_points(ws, plan_id, model)
    return change


def renew_uuids(data: dict[str, Any], *, people: bool = False) -> dict[str, Any]:
    """A deep copy of a plan dict in which every uuid is new (references follow); with `people`
    the persons it names get new uuids too."""
    text_map: dict[str, str] = {}

    def new(old: str) -> str:
        return text_map.setdefault(old, str(uuidlib.uuid4()))

    fresh = copy.deepcopy(data)
    fresh["uuid"] = new(fresh["uuid"])
    for key in ("sections", "goals", "timeline", "resources", "budget", "risks", "log",
                "status_reports", "terms", "references", "editions"):
        for row in fresh[key]:
            row["uuid"] = new(row["uuid"])
    for row in fresh["organisation"]["roles"]:
        row["uuid"] = new(row["uuid"])
    for risk in fresh["risks"]:
        for a in risk["history"]:
            a["uuid"] = new(a["uuid"])
    for t in fresh["timeline"]:
        t["parent"] = text_map.get(t["parent"]) if t["parent"] else None
        t["depends_on"] = [text_map[d] if isinstance(d, str) else {**d, "item": text_map[d["item"]]}
                           for d in t["depends_on"]]
    for entry in fresh["log"]:  # a decision taken at a decision point keeps its point
        if entry.get("item"):
            entry["item"] = text_map.get(entry["item"], entry["item"])
    if people:
        for person in fresh["organisation"]["people"]:
            person["uuid"] = new(person["uuid"])
        for row in (*fresh["organisation"]["roles"], *fresh["resources"]):
            row["person"] = text_map.get(row["person"]) if row["person"] else None
        for t in fresh["timeline"]:
            t["responsible_person"] = text_map.get(t["responsible_person"]) if t["responsible_person"] else None
    # Otherwise people are the file's register: a copy refers to the same persons.
    return fresh


def copy_plan(ws: Workspace, plan_id: int, title: str | None = None) -> Change:
    from app.planfile.apply import import_plan
    from app.planfile.write import plan_to_dict

    data = renew_uuids(plan_to_dict(ws, plan_id, with_editions=False))
    if title:
        data["title"] = title
    now = models.utc_now()
    data["metadata"]["created_at"] = data["metadata"]["modified_at"] = now
    with ws.store.write():
        new_id = import_plan(ws, data)
    return Change("plan", "added", (new_id,), new_id)


@contextmanager
def collector_held() -> Iterator[None]:
    """The cyclic garbage collector held off while a plan is read, checked and written: an import makes
    a great many objects (the file's rows, their columns, the rows to write) and frees no cycles, so each
    collection meanwhile would only walk a 20,000-item plan's rows again (as at start-up, ui.entry).
    A sync holds it off too (app.sync), for the same reason: tens of thousands of versions and records."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def import_plan_data(ws: Workspace, data: dict[str, Any]) -> tuple[int, bool]:
    """Import a plan dict; returns (plan id, whether it updated an existing plan)."""
    from app.planfile.read import check_plan_dict

    ws.store.begin_integrity_check(soon=True)  # the first write waits for it: let it run beside the checks
    with collector_held():
        check_plan_dict(data)
        return _import_checked(ws, data)


def _import_checked(ws: Workspace, data: dict[str, Any]) -> tuple[int, bool]:
    """Import a plan dict that has passed check_plan_dict (read_plan_file checks what it reads)."""
    from app.planfile.apply import import_plan

    check_risk_scale(data, ws.risk_scale)
    with ws.store.write():
        existed = models.Plan.get_or_none(models.Plan.uuid == data["uuid"]) is not None
        if not existed and _holds_rows_stored_elsewhere(data):
            # A copy of a plan already here, under a new plan uuid: its rows become the new plan's own, so
            # that the plan they belong to keeps them (and a server, where no row moves to another plan, agrees).
            data = {**renew_uuids(data), "uuid": data["uuid"]}
        elif existed and (elsewhere := _rows_stored_elsewhere(data)):
            raise PlanOwnsRows(data, elsewhere)  # nothing written yet: the transaction ends empty
        # A new plan's parts are then rows the file does not hold: written without looking each one up.
        plan_id = import_plan(ws, data, new=frozenset() if existed else frozenset(PLAN_PARTS.values()))
    return plan_id, existed


PLAN_PARTS: dict[str, type[models.UserRow]] = {  # the plan file's lists of a plan's own rows, by their path
    "sections": models.Section, "goals": models.Goal, "timeline": models.TimelineItem,
    "organisation.roles": models.Role, "resources": models.ResourceLine, "budget": models.BudgetLine,
    "risks": models.Risk, "log": models.LogEntry, "status_reports": models.StatusReport, "terms": models.Term,
    "references": models.Reference, "editions": models.Edition}


def _holds_rows_stored_elsewhere(data: dict[str, Any]) -> bool:
    """Whether a row of the plan dict has a uuid the store already holds (for a new plan: another plan's row)."""
    from db.upsert import any_stored

    return any(any_stored(model, [r["uuid"] for r in _rows_at(data, path)]) for path, model in PLAN_PARTS.items())


def _rows_at(data: dict[str, Any], path: str) -> list[dict[str, Any]]:
    """The list of rows at `path` (a key of PLAN_PARTS) of a plan dict."""
    return data["organisation"]["roles"] if path == "organisation.roles" else data[path]


class PlanOwnsRows(ValueError):
    """A plan file names rows that another plan here holds: importing it would take them from that plan
    (a server refuses it outright), so nothing is written."""

    def __init__(self, data: dict[str, Any], elsewhere: list[tuple[str, int, str]]):
        from app.i18n import tr
        from app.kinds import ROW_LABELS
        from app.merge import _label

        table, row_id, other = elsewhere[0]
        what = ROW_LABELS.get(table, table)
        label = _label(next(m for m in PLAN_PARTS.values() if m._meta.table_name == table).get_by_id(row_id).__data__)
        more = ("" if len(elsewhere) == 1 else tr(" (och en rad till i filen)") if len(elsewhere) == 2
                else tr(" (och {count} rader till i filen)", count=len(elsewhere) - 1))
        super().__init__(tr(
            "Planen ”{plan}” kan inte importeras: {what} ”{label}” i filen hör redan till en annan plan här, "
            "”{other}”{more}, och en rad kan bara höra till en plan. Inget har ändrats. Ta bort de raderna ur "
            "filen och importera igen, eller exportera planen på nytt från den fil eller server den kommer från.",
            plan=data.get("title") or "", what=what, label=label, other=other, more=more))
        self.rows = elsewhere


def _rows_stored_elsewhere(data: dict[str, Any]) -> list[tuple[str, int, str]]:
    """The rows of the plan dict that the store holds in another plan than the dict's own (for a new
    plan: in any plan): (table, the row's id, the other plan's title)."""
    found = []
    for path, model in PLAN_PARTS.items():
        uuids = [r["uuid"] for r in _rows_at(data, path)]
        for start in range(0, len(uuids), 500):
            query = (model.select(model.id, models.Plan.title).join(models.Plan)
                     .where(model.uuid.in_(uuids[start:start + 500]) & (models.Plan.uuid != data["uuid"]))
                     .order_by(model.id))
            found += [(model._meta.table_name, row_id, title) for row_id, title in query.tuples()]
    return found


def check_risk_scale(data: dict[str, Any], scale: int) -> None:
    """Refuse risks scored outside the file's scale (5 on a 1–4 scale): the documents would
    otherwise print a scale the values contradict."""
    from app.planfile.read import PlanFileError
    from app.validation import score_problems

    problems = [f"risks[{i}] ”{str(r.get('title', ''))[:60]}”: {message}"
                for i, r in enumerate(data.get("risks", [])) for message in score_problems(r, scale)]
    if problems:
        raise PlanFileError(tr("Planen kan inte importeras: riskerna bedöms på skalan 1–{scale} i den här filen.",
                               scale=scale) + "\n" + "\n".join(problems[:20]))


def import_plan_file(ws: Workspace, path: Path) -> tuple[int, bool]:
    from app.planfile.read import read_plan_file

    ws.store.begin_integrity_check(soon=True)  # the first write waits for it: let it run beside the reading
    with collector_held():
        return _import_checked(ws, read_plan_file(path))


def import_mspdi_file(ws: Workspace, path: Path) -> tuple[int, bool, list[str]]:
    """An MS Project XML file (app.mspdi.read), read and checked whole, then written in one transaction;
    (plan id, whether it updated a plan, the summary of what was read and what could not be held)."""
    from app.mspdi.read import read_for

    ws.store.begin_integrity_check(soon=True)  # the first write waits for it: let it run beside the reading
    with collector_held():
        result = read_for(ws, path)
        plan_id, existed = _import_checked(ws, result.data)
    return plan_id, existed, result.summary


def export_plan_json(ws: Workspace, plan_id: int, out: Path) -> Path:
    from app.planfile.write import plan_to_dict, write_plan_json

    return write_plan_json(plan_to_dict(ws, plan_id), out)


def example_files() -> list[Path]:
    return sorted(resource_path("examples").glob("*.json"))


def add_examples(ws: Workspace) -> list[int]:
    """Import the example plans shipped in app/resources/examples, each with new uuids: two files made
    with the examples are not copies of each other, and merging them adds the plans side by side."""
    from app.planfile.read import read_plan_file

    return [_import_checked(ws, renew_uuids(read_plan_file(path), people=True))[0] for path in example_files()]
