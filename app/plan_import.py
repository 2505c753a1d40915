"""Reading a plan JSON file into the open file: validate everything first, then write once.

A plan whose uuid exists is updated to match the file (parts missing from the
file get tombstones), so importing twice never duplicates anything. The whole
import is one transaction: a program stopped halfway leaves the plan as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from app.dates import DateParseError, VagueDate
from app.plan_json import FORMAT, FORMAT_VERSION
from app.resources import resource_path
from app.validation import ValidationError, validate
from db import models

MAX_IMPORT_BYTES = 200 * 1024 * 1024


class PlanFileError(ValueError):
    """The file cannot be imported; str() lists each problem with the path of the bad value."""


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(resource_path("plan.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _path(parts: Iterable[Any]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(hela filen)"


def read_plan_file(path: Path) -> dict[str, Any]:
    """Load and check a plan file; raise PlanFileError with Swedish messages."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise PlanFileError(f"Filen ”{path.name}” är för stor för att vara en plan.")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanFileError(f"Filen ”{path}” finns inte.") from None
    except UnicodeDecodeError:
        raise PlanFileError(f"Filen ”{path.name}” är inte en textfil i UTF-8.") from None
    except OSError as exc:
        raise PlanFileError(f"Filen ”{path.name}” kan inte läsas: {exc.strerror}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            f"Filen ”{path.name}” är inte giltig JSON (rad {exc.lineno}, kolumn {exc.colno})."
        ) from None
    check_plan_dict(data)
    return data


def check_plan_dict(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileError("Filen är ingen Uppdrag-plan (fältet ”format” ska vara ”uppdrag-plan”).")
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise PlanFileError(
            f"Planen är sparad i en nyare formatversion ({version}) än den här versionen av "
            f"Uppdrag kan läsa ({FORMAT_VERSION}). Uppdatera Uppdrag."
        )
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    problems = [f"{_path(e.absolute_path)}: {_swedish(e)}" for e in errors[:20]]
    if not problems:
        problems = _semantic_problems(data)
    if problems:
        more = f" (och {len(errors) - 20} till)" if len(errors) > 20 else ""
        raise PlanFileError("Planen kan inte importeras:\n" + "\n".join(problems) + more)


def _swedish(error: Any) -> str:
    v = error.validator
    if v == "required":
        return f"fält saknas: {error.message.split(' ')[0]}"
    if v == "additionalProperties":
        return "okänt fält: " + ", ".join(sorted(set(error.instance) - set(error.schema.get("properties", {}))))
    if v == "type":
        return f"fel typ, väntade {error.validator_value}, fick {json.dumps(error.instance, ensure_ascii=False)[:60]}"
    if v == "pattern":
        return f"{json.dumps(error.instance, ensure_ascii=False)[:60]} har fel form"
    if v in ("enum", "const"):
        return f"{json.dumps(error.instance, ensure_ascii=False)[:60]} är inte ett tillåtet värde"
    if v in ("minimum", "maximum"):
        return f"{error.instance} ligger utanför det tillåtna intervallet"
    if v == "minLength":
        return "får inte vara tomt"
    return error.message


def _vague(text: str | None) -> VagueDate | None:
    return None if text is None else VagueDate.from_canonical(text)


VAGUE_PATHS = {
    "timeline": ("start", "end"),
    "resources": ("start", "end"),
    "organisation.roles": ("start", "end"),
    "risks": ("due",),
}


def _semantic_problems(data: dict[str, Any]) -> list[str]:
    """What the schema cannot say: real dates, end after start, references that resolve, unique uuids."""
    problems: list[str] = []
    seen: set[str] = set()

    def uuid_of(where: str, row: dict[str, Any]) -> None:
        if row["uuid"] in seen:
            problems.append(f"{where}.uuid: {row['uuid']} förekommer flera gånger")
        seen.add(row["uuid"])

    def dates(where: str, row: dict[str, Any], names: Iterable[str]) -> None:
        for name in names:
            try:
                _vague(row.get(name))
            except DateParseError as exc:
                problems.append(f"{where}.{name}: {exc}")

    uuid_of("", data)
    dates("metadata", data["metadata"], ("document_date",))
    dates("decision", data["decision"], ("date", "signature_date"))
    lists = {**{k: data[k] for k in ("sections", "goals", "timeline", "resources", "budget", "risks",
                                    "log", "status_reports", "terms", "references", "editions")},
             "organisation.people": data["organisation"]["people"],
             "organisation.roles": data["organisation"]["roles"]}
    for key, items in lists.items():
        for i, row in enumerate(items):
            uuid_of(f"{key}[{i}]", row)
            dates(f"{key}[{i}]", row, VAGUE_PATHS.get(key, ()))
            if key in ("log", "status_reports", "editions") and row.get("date"):
                try:
                    date.fromisoformat(row["date"])
                except ValueError:
                    problems.append(f"{key}[{i}].date: {row['date']} är inget giltigt datum")
    people = {p["uuid"] for p in data["organisation"]["people"]}
    items = {t["uuid"] for t in data["timeline"]}
    for i, t in enumerate(data["timeline"]):
        if t["responsible_person"] and t["responsible_person"] not in people:
            problems.append(f"timeline[{i}].responsible_person: personen finns inte i organisation.people")
        if t["parent"] and t["parent"] not in items:
            problems.append(f"timeline[{i}].parent: posten finns inte i timeline")
        for dep in t["depends_on"]:
            if dep not in items:
                problems.append(f"timeline[{i}].depends_on: posten {dep} finns inte i timeline")
        try:
            validate("timeline", {**t, "start": _vague(t["start"]), "end": _vague(t["end"])})
        except (ValidationError, DateParseError) as exc:
            problems.append(f"timeline[{i}]: {exc}")
    for key, rows in (("organisation.roles", data["organisation"]["roles"]), ("resources", data["resources"])):
        for i, r in enumerate(rows):
            if r["person"] and r["person"] not in people:
                problems.append(f"{key}[{i}].person: personen finns inte i organisation.people")
    return problems


# --- writing -----------------------------------------------------------------


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _vague_columns(name: str, text: str | None) -> dict[str, Any]:
    v = _vague(text)
    return {name: v.start if v else None, f"{name}_precision": str(v.precision) if v else None}


class _Upserter:
    """Writes rows matched by uuid: update if present (alive or not), insert otherwise."""

    def __init__(self, now: str):
        self.now = now

    def put(self, model: type[models.UserRow], uuid: str, columns: dict[str, Any]) -> int:
        existing = model.get_or_none(model.uuid == uuid)
        if existing is None:
            return model.create(uuid=uuid, created_at=self.now, modified_at=self.now, **columns).id
        changed = {k: v for k, v in columns.items() if _differs(existing.__data__.get(k), v)}
        if changed or existing.deleted_at is not None:
            model.update(**changed, deleted_at=None, modified_at=self.now, rev=model.rev + 1).where(
                model.id == existing.id
            ).execute()
        return existing.id

    def bury_others(self, model: type[models.UserRow], where: Any, keep: set[int]) -> None:
        """Tombstones for the rows of this plan the file no longer has."""
        q = model.update(deleted_at=self.now, modified_at=self.now, rev=model.rev + 1).where(
            where, model.deleted_at.is_null()
        )
        if keep:
            q = q.where(model.id.not_in(list(keep)))
        q.execute()


def _differs(old: Any, new: Any) -> bool:
    if isinstance(new, date) and isinstance(old, str):
        return old != new.isoformat()
    return old != new


def import_plan(data: dict[str, Any]) -> int:
    """Write a checked plan dict into the active store (inside the caller's transaction)."""
    now = models.utc_now()
    up = _Upserter(now)
    meta, decision = data["metadata"], data["decision"]
    plan_columns = {
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
        **_vague_columns("decision_date", decision["date"]),
        "decision_text": decision["text"],
        "decision_choice": decision["choice"],
        "decision_comment": decision["comment"],
        "signature_title": decision["signature_title"],
        "signature_name": decision["signature_name"],
        **_vague_columns("signature_date", decision["signature_date"]),
    }
    plan_id = up.put(models.Plan, data["uuid"], plan_columns)
    models.Plan.update(created_at=meta["created_at"] or now, modified_at=meta["modified_at"] or now).where(
        models.Plan.id == plan_id
    ).execute()

    person_ids = {p["uuid"]: up.put(models.Person, p["uuid"], {k: v for k, v in p.items() if k != "uuid"})
                  for p in data["organisation"]["people"]}

    def part_list(model: type[models.PlanPart], rows: list[dict[str, Any]], columns_of: Any) -> dict[str, int]:
        ids = {}
        for position, row in enumerate(rows):
            ids[row["uuid"]] = up.put(model, row["uuid"], {"plan": plan_id, "position": position, **columns_of(row)})
        up.bury_others(model, model.plan == plan_id, set(ids.values()))
        return ids

    part_list(models.Section, data["sections"], lambda s: {
        **{k: v for k, v in s.items() if k != "uuid"},
        "numbered": int(s["numbered"]), "optional": int(s["optional"])})
    part_list(models.Goal, data["goals"], lambda g: {k: v for k, v in g.items() if k != "uuid"})
    item_ids = part_list(models.TimelineItem, data["timeline"], lambda t: {
        "kind": t["kind"], "code": t["code"], "title": t["title"], "description": t["description"],
        **_vague_columns("start", t["start"]), **_vague_columns("end", t["end"]),
        "responsible": t["responsible"], "responsible_person": person_ids.get(t["responsible_person"]),
        "status": t["status"], "progress": t["progress"], "comment": t["comment"], "parent": None})
    for t in data["timeline"]:  # parents after all items exist
        parent = item_ids.get(t["parent"]) if t["parent"] else None
        models.TimelineItem.update(parent=parent).where(models.TimelineItem.id == item_ids[t["uuid"]]).execute()
    _import_dependencies(up, data["timeline"], item_ids)

    def with_period(r: dict[str, Any]) -> dict[str, Any]:
        return {**{k: v for k, v in r.items() if k not in ("uuid", "start", "end", "person")},
                "person": person_ids.get(r["person"]),
                **_vague_columns("start", r["start"]), **_vague_columns("end", r["end"])}

    part_list(models.Role, data["organisation"]["roles"], with_period)
    part_list(models.ResourceLine, data["resources"], with_period)
    part_list(models.BudgetLine, data["budget"], lambda b: {k: v for k, v in b.items() if k != "uuid"})
    risk_ids = part_list(models.Risk, data["risks"], lambda r: {
        **{k: v for k, v in r.items() if k not in ("uuid", "due", "history")}, **_vague_columns("due", r["due"])})
    for r in data["risks"]:
        kept = {up.put(models.RiskAssessment, a["uuid"], {
            "risk": risk_ids[r["uuid"]], "assessed_on": _day(a["date"]), "probability": a["probability"],
            "impact": a["impact"], "scale": a["scale"], "note": a["note"]}) for a in r["history"]}
        up.bury_others(models.RiskAssessment, models.RiskAssessment.risk == risk_ids[r["uuid"]], kept)
    part_list(models.LogEntry, data["log"], lambda e: {
        "entry_date": _day(e["date"]), "kind": e["kind"], "text": e["text"],
        "decided_by": e["decided_by"], "status": e["status"]})
    part_list(models.StatusReport, data["status_reports"], lambda s: {
        "report_date": _day(s["date"]), "status": s["status"], "text": s["text"], "author": s["author"]})
    part_list(models.Term, data["terms"], lambda t: {k: v for k, v in t.items() if k != "uuid"})
    part_list(models.Reference, data["references"], lambda r: {k: v for k, v in r.items() if k != "uuid"})
    part_list(models.Edition, data["editions"], lambda e: {
        "label": e["label"], "edition_date": _day(e["date"]), "comment": e["comment"],
        "snapshot": json.dumps(e["snapshot"], ensure_ascii=False)})
    return plan_id


def _import_dependencies(up: _Upserter, timeline: list[dict[str, Any]], item_ids: dict[str, int]) -> None:
    D = models.Dependency
    wanted = {(item_ids[dep], item_ids[t["uuid"]]) for t in timeline for dep in t["depends_on"]}
    ids = list(item_ids.values())
    existing = {(p, s): (i, d) for i, p, s, d in
                D.select(D.id, D.predecessor, D.successor, D.deleted_at).where(D.successor.in_(ids)).tuples()} if ids else {}
    for pair in wanted:
        if pair not in existing:
            D.create(predecessor=pair[0], successor=pair[1], created_at=up.now, modified_at=up.now)
        elif existing[pair][1] is not None:
            D.update(deleted_at=None, modified_at=up.now, rev=D.rev + 1).where(D.id == existing[pair][0]).execute()
    for pair, (row_id, deleted) in existing.items():
        if pair not in wanted and deleted is None:
            D.update(deleted_at=up.now, modified_at=up.now, rev=D.rev + 1).where(D.id == row_id).execute()
