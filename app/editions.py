"""Editions (utgåvor): frozen snapshots of a plan, listed, viewed and compared section by section.

Freezing stores the plan's JSON (without its own editions) in an Edition row
and sets the plan's `edition` field to the new label, in one transaction.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.i18n import label as kind_label, tr
from app.planfile.write import plan_to_dict
from app.workspace import Workspace
from db import models

LABEL = re.compile(r"^\d{1,3}\.\d{1,3}$")


@dataclass(frozen=True)
class EditionInfo:
    id: int
    uuid: str
    label: str
    date: date
    comment: str


def _key(label: str) -> tuple[int, int]:
    major, minor = label.split(".")
    return int(major), int(minor)


def suggest_label(current: str | None, *, major: bool = False) -> str:
    """The next label: 0.1 → 0.2, or with `major` 0.3 → 1.0."""
    if not current or not LABEL.match(current):
        return "1.0" if major else "0.1"
    a, b = _key(current)
    return f"{a + 1}.0" if major else f"{a}.{b + 1}"


def proposed_label(ws: Workspace, plan_id: int) -> str:
    """The label to offer when freezing: the next after the plan's edition, or, before the
    first freeze, the plan's own edition (0.1 when it has none)."""
    current = ws.get("plan", plan_id)["edition"]
    return suggest_label(current) if list_editions(ws, plan_id) else (current or "0.1")


def list_editions(ws: Workspace, plan_id: int) -> list[EditionInfo]:
    E = models.Edition
    rows = E.select().where((E.plan == plan_id) & E.deleted_at.is_null()).order_by(E.edition_date, E.id)
    out = [EditionInfo(e.id, e.uuid, e.label, e.edition_date if isinstance(e.edition_date, date)
                       else date.fromisoformat(e.edition_date), e.comment) for e in rows]
    return sorted(out, key=lambda e: (_key(e.label) if LABEL.match(e.label) else (9999, 0), e.id))


def freeze_edition(ws: Workspace, plan_id: int, label: str, comment: str = "",
                   on: date | None = None) -> EditionInfo:
    """Freeze the plan as edition `label` and make it the plan's current edition."""
    label = label.strip()
    if not LABEL.match(label):
        raise ValueError(tr("Utgåvan ska skrivas som 0.1, 0.2 eller 1.0, inte ”{label}”.", label=label))
    existing = list_editions(ws, plan_id)
    if any(e.label == label for e in existing):
        raise ValueError(tr("Utgåva {label} finns redan för planen.", label=label))
    if existing and max(_key(e.label) for e in existing if LABEL.match(e.label)) >= _key(label):
        raise ValueError(tr("Utgåva {label} är inte högre än den senaste ({latest}).", label=label,
                            latest=existing[-1].label))
    when = on or date.today()
    with ws.store.write():
        ws.update("plan", plan_id, edition=label)
        snapshot = plan_to_dict(ws, plan_id, with_editions=False)
        change = ws.add("edition", plan_id, label=label, edition_date=when, comment=comment,
                        snapshot=json.dumps(snapshot, ensure_ascii=False))
    row = models.Edition.get_by_id(change.ids[0])
    return EditionInfo(row.id, row.uuid, label, when, comment)


def view_edition(ws: Workspace, edition_id: int) -> dict[str, Any]:
    """The plan as it was frozen in this edition (the plan JSON dict)."""
    row = models.Edition.get_or_none(models.Edition.id == edition_id)
    if row is None:
        raise LookupError(tr("Hittar inte utgåvan (id {id}).", id=edition_id))
    return json.loads(row.snapshot)


SECTION_STATUSES = {"added": "Tillagt", "removed": "Borttaget", "changed": "Ändrat", "same": "Oförändrat"}


@dataclass
class SectionChange:
    uuid: str
    heading: str
    status: str  # added | removed | changed | same
    diff: list[str] = field(default_factory=list)  # unified diff lines of the body

    @property
    def status_label(self) -> str:
        return kind_label(SECTION_STATUSES[self.status])


def _text(section: dict[str, Any]) -> list[str]:
    parts = [section.get("body", ""), section.get("body_after", "")]
    return "\n".join(p for p in parts if p).splitlines()


def compare_snapshots(old: dict[str, Any], new: dict[str, Any], *, old_label: str = "före",
                      new_label: str = "efter") -> list[SectionChange]:
    """Section by section: added, removed, changed (with a difflib diff of the text) or the same."""
    old_by = {s["uuid"]: s for s in old.get("sections", [])}
    new_by = {s["uuid"]: s for s in new.get("sections", [])}
    out: list[SectionChange] = []
    for s in new.get("sections", []):
        before = old_by.get(s["uuid"])
        if before is None:
            out.append(SectionChange(s["uuid"], s["heading"], "added",
                                     [f"+{line}" for line in _text(s)]))
            continue
        a, b = _text(before), _text(s)
        if a == b and before["heading"] == s["heading"]:
            out.append(SectionChange(s["uuid"], s["heading"], "same"))
            continue
        diff = list(difflib.unified_diff(a, b, old_label, new_label, lineterm="", n=1))
        if before["heading"] != s["heading"]:
            diff = [f"-# {before['heading']}", f"+# {s['heading']}", *diff]
        out.append(SectionChange(s["uuid"], s["heading"], "changed", diff))
    for s in old.get("sections", []):
        if s["uuid"] not in new_by:
            out.append(SectionChange(s["uuid"], s["heading"], "removed", [f"-{line}" for line in _text(s)]))
    return out


def compare_editions(ws: Workspace, old_id: int, new_id: int | None = None) -> list[SectionChange]:
    """Compare two editions; with `new_id` None, compare an edition with the plan as it is now."""
    old_row = models.Edition.get_by_id(old_id)
    old = view_edition(ws, old_id)
    if new_id is None:
        new, new_label = plan_to_dict(ws, old_row.__data__["plan"], with_editions=False), tr("nu")
    else:
        new, new_label = view_edition(ws, new_id), models.Edition.get_by_id(new_id).label
    return compare_snapshots(old, new, old_label=old_row.label, new_label=new_label)


def find_edition(ws: Workspace, plan_id: int, label: str) -> EditionInfo:
    """The plan's edition called `label` ("1.0"); a Swedish LookupError naming the ones there are."""
    found = list_editions(ws, plan_id)
    for e in found:
        if e.label == label.strip():
            return e
    there = ", ".join(e.label for e in found) or tr("inga")
    raise LookupError(tr("Planen har ingen utgåva {label} (frysta utgåvor: {there}).", label=label.strip(), there=there))


def states(ws: Workspace, plan_id: int, from_label: str | None = None,
           to_label: str | None = None) -> tuple[dict[str, Any], dict[str, Any], str, str]:
    """Two states of a plan to compare: (old, new, old label, new label). Without `from_label` the
    latest frozen edition; without `to_label` the plan as it is now (labelled "nu")."""
    found = list_editions(ws, plan_id)
    if from_label is None:
        if not found:
            raise LookupError(tr("Planen har ingen fryst utgåva att jämföra med. Frys en utgåva först "
                                 "(Redigera → Frys utgåva…)."))
        old_info = found[-1]
    else:
        old_info = find_edition(ws, plan_id, from_label)
    old = view_edition(ws, old_info.id)
    if to_label is None:
        return old, plan_to_dict(ws, plan_id, with_editions=False), old_info.label, "nu"
    new_info = find_edition(ws, plan_id, to_label)
    return old, view_edition(ws, new_info.id), old_info.label, new_info.label


def plan_changes(ws: Workspace, plan_id: int, from_label: str | None = None,
                 to_label: str | None = None) -> tuple[list[Any], str, str]:
    """Every difference (app.plan_diff) between two editions, or an edition and now."""
    from app.plan_diff import diff_plans

    old, new, old_label, new_label = states(ws, plan_id, from_label, to_label)
    return diff_plans(old, new), old_label, new_label
