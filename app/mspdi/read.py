"""Reading MS Project XML (MSPDI) into a plan, with a Swedish summary of what could not be held.

The file is read whole and checked before anything is written: parsed safely (app.mspdi.parsing),
then turned into the plan file's dict (docs/plan-format.md) and checked like a plan file; only then
is it written, in one transaction, through the same path as a JSON import. Each kind of element has
its module:

- the project's settings, and whether Uppdrag wrote the file: app.mspdi.project;
- tasks → timeline items (phases, decision points, milestones, activities, with their parents and
  the vague dates Uppdrag kept): app.mspdi.tasks;
- predecessor links → dependencies with their kind and lag: app.mspdi.links;
- resources → people and rows of the resource plan, assignments → responsible persons:
  app.mspdi.resources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import tr
from app.kinds import TIMELINE_KINDS
from app.mspdi.links import read_links
from app.mspdi.parsing import parse_xml
from app.mspdi.project import Reader, Register
from app.mspdi.resources import people_of
from app.mspdi.tasks import read_tasks, timeline_items
from app.planfile import FORMAT, FORMAT_VERSION

if TYPE_CHECKING:
    from app.workspace import Workspace

__all__ = ["MspdiImport", "Register", "check_built_plan", "read_for", "read_mspdi"]


@dataclass
class MspdiImport:
    """The plan dict read from the file and what the summary says about it."""

    data: dict[str, Any]
    summary: list[str] = field(default_factory=list)  # the first line counts; the rest are remarks
    updates: bool = False


def read_mspdi(path: Path, register: Register | None = None,
               existing: Callable[[str], dict[str, Any] | None] | None = None) -> MspdiImport:
    """The plan in an MSPDI file as a checked plan dict with its summary; PlanFileError in Swedish.

    `register` holds the people already in the file; `existing(uuid)` gives the plan with the file's
    project GUID as it stands, if there is one (its timeline and resource plan are replaced, the rest
    kept)."""
    from app.planfile.read import check_plan_dict

    root = parse_xml(path)
    reader = Reader(path, root, register or Register())
    current = existing(reader.plan_uuid) if existing is not None else None
    tasks = read_tasks(reader)
    timeline = timeline_items(reader, tasks)
    links = read_links(reader, tasks)
    people, lines, assignments = people_of(reader, tasks)
    title = " ".join((reader.project.get("Title") or "").split()) or " ".join(
        (reader.project.get("Name") or "").split()) or path.stem
    if title.lower().endswith(".xml"):
        title = title[:-4]
    if current is not None:
        data_ = _update(current, timeline, people, lines, reader)
        check_plan_dict(data_)
    else:
        data_ = _new_plan(reader, title, timeline, people, lines)
        check_built_plan(data_)
    counts = {k: sum(1 for t in timeline if t["kind"] == k) for k in TIMELINE_KINDS}
    summary = [
        tr("Läste {tasks} uppgifter ur ”{name}”: {phases} faser, {points} beslutspunkter, {milestones} milstolpar "
           "och {activities} aktiviteter; {links} beroenden; {people} personer, {lines} rader i resursplanen och "
           "{assignments} tilldelningar.", tasks=len(timeline), name=path.name, phases=counts["phase"],
           points=counts["decision_point"], milestones=counts["milestone"], activities=counts["activity"],
           links=links, people=len(people), lines=len(lines), assignments=assignments),
    ]
    if not reader.ours:
        summary.append(tr("Projektkalendern lästes inte in: Uppdrag räknar med svenska arbetsdagar och filens "
                          "egna stängda dagar."))
    summary += reader.remarks
    return MspdiImport(data_, summary, updates=current is not None)


def check_built_plan(data: dict[str, Any]) -> None:
    """check_plan_dict for a new plan this reader built, with the same messages: its timeline items and
    resource plan rows are made here from fixed keys and values that hold by construction (uuids through
    uuid_of or stable_uuid, days through exact_day, kept dates in their canonical form, kinds and statuses
    from fixed tables, progress, lags and percentages clamped), and its sections are the plan template's,
    so the schema is asked of the rest of the plan only (the title, the people, the metadata); of what the
    schema cannot say, what a file's content can break (uuids, references, titles, periods, cycles) is
    checked in full (app.planfile.semantics, `made`). tests/app/test_mspdi_reading.py holds what the reader
    builds from files of every kind to the whole check."""
    from app.planfile.read import PlanFileError
    from app.planfile.schema import schema_problems
    from app.planfile.semantics import semantic_problems

    problems = (schema_problems({**data, "timeline": [], "resources": [], "sections": []})
                or semantic_problems(data, made=True))
    if problems:
        raise PlanFileError(tr("Planen kan inte importeras:") + "\n" + "\n".join(problems))


def _new_plan(reader: Reader, title: str, timeline: list[dict[str, Any]], people: list[dict[str, Any]],
              lines: list[dict[str, Any]]) -> dict[str, Any]:
    from app.templates import get_template

    template = get_template("plan")
    project = reader.project
    authors = (project.get("Author") or "").strip()
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "uuid": reader.plan_uuid, "doc_type": "plan",
        "title": title,
        "metadata": {
            "template": template.key, "subtitle": "", "programme": "",
            "organisation": (project.get("Company") or "").strip(),
            "diarienummer": (project.get("Subject") or "").strip() if reader.ours else "",
            "assignment": "", "document_date": None, "edition": "", "version": "",
            "authors": [a.strip() for a in authors.split(", ")] if authors and reader.ours else [authors] if authors else [],
            "status": "draft", "steering_model": "", "auto_schedule": False, "created_at": "", "modified_at": "",
        },
        "sections": [{"uuid": reader.stable_uuid("section", s["key"], str(i)), **s}
                     for i, s in enumerate(_sections(template.key))],
        "goals": [], "timeline": timeline,
        "organisation": {"people": people, "roles": [], "closed_days": []},
        "resources": lines, "budget": [], "risks": [], "log": [], "status_reports": [], "terms": [],
        "references": [],
        "decision": {"date": None, "text": template.decision_text, "choice": "", "comment": "",
                     "signature_title": template.signature_title, "signature_name": "", "signature_date": None},
        "editions": [],
    }


@cache
def _sections(template_key: str) -> tuple[dict[str, Any], ...]:
    """The sections of a new plan from `template_key`, but their uuids (which are the plan's own)."""
    from app.templates import get_template

    return tuple({"key": s.key, "heading": s.heading, "level": s.level, "numbered": s.numbered, "content": s.content,
                  "body": "", "body_after": "", "guidance": s.guidance, "optional": s.optional,
                  "empty_text": s.empty_text} for s in get_template(template_key).sections)


def _update(existing: dict[str, Any], timeline: list[dict[str, Any]], people: list[dict[str, Any]],
            lines: list[dict[str, Any]], reader: Reader) -> dict[str, Any]:
    """The plan as it stands with the file's timeline and resource plan; everything else kept."""
    import copy

    data = copy.deepcopy(existing)
    before = {t["uuid"]: t for t in data["timeline"]}
    for t in timeline:  # what MS Project has no place for stays as it was
        if t["uuid"] in before:
            t["checklist"] = before[t["uuid"]].get("checklist", [])
    data["timeline"], data["resources"] = timeline, lines
    known = {p["uuid"] for p in data["organisation"]["people"]}
    data["organisation"]["people"] += [p for p in people if p["uuid"] not in known]
    items = {t["uuid"] for t in timeline}
    unlinked = [e for e in data["log"] if e.get("item") and e["item"] not in items]
    for e in unlinked:
        e["item"] = None
    if unlinked:
        reader.note(tr("{count} beslut i loggen gällde beslutspunkter som inte finns i filen; de ligger kvar "
                       "i loggen utan beslutspunkt.", count=len(unlinked)))
    reader.note(tr("Planen ”{title}” fanns redan i filen: dess tidplan och resursplan ersattes, "
                   "resten av planen är orörd.", title=existing["title"]))
    return data


def read_for(ws: Workspace, path: Path) -> MspdiImport:
    """The plan in an MSPDI file, read and checked for `ws`: its people matched with the file's, and the plan
    with the file's project GUID, if `ws` has it, as the plan to update. Nothing is written."""
    from app.planfile.write import people_part, plan_to_dict
    from db import models

    ws.store.activate()
    register = Register.of(people_part(list(models.Person.select().where(models.Person.deleted_at.is_null()))))

    def existing(plan_uuid: str) -> dict[str, Any] | None:
        row = models.Plan.get_or_none((models.Plan.uuid == plan_uuid) & models.Plan.deleted_at.is_null())
        return plan_to_dict(ws, row.id) if row is not None else None

    return read_mspdi(path, register, existing)
