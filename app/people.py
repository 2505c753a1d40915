"""The file's register of people: add and edit, merge duplicates, remove personal data.

One file has one register; plans refer to its people from roles, resource lines
and the timeline's responsible person. Every change is one transaction and
returns a `Change`; merging records what it moved so that `unmerge` can undo it.

Anonymising ("Ta bort personuppgifter") is deliberately not undoable: its Change
carries no personal data, so nothing of it survives in an undo stack.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from app import kinds
from app.i18n import tr
from app.workspace import Change, Workspace
from db import history, models
from db.scrub import map_strings

CONTACT_FIELDS = ("email", "phone", "notes")
# Besides the contact fields, anonymising blanks the title (often enough to identify someone);
# unit and organisation stay so that resource planning by unit still works.
ANONYMISED_FIELDS = ("title", *CONTACT_FIELDS)
ANONYMOUS = "Anonymiserad person"
REFERENCES: tuple[tuple[str, type[models.UserRow], str], ...] = (
    ("role", models.Role, "person"),
    ("resource", models.ResourceLine, "person"),
    ("timeline", models.TimelineItem, "responsible_person"),
)
MERGE_FIELDS = ("title", "unit", "organisation", "email", "phone", "notes")


def list_people(ws: Workspace) -> list[dict[str, Any]]:
    return sorted(ws.list("person"), key=lambda p: (" ".join(p["name"].split()).casefold(), p["id"]))


def add_person(ws: Workspace, name: str, **fields: Any) -> Change:
    return ws.add("person", name=name, **fields)


def update_person(ws: Workspace, person_id: int, **fields: Any) -> Change:
    return ws.update("person", person_id, **fields)


def references(ws: Workspace, person_id: int, *, include_deleted: bool = False) -> dict[str, list[int]]:
    """{kind: ids of living rows in `ws` (and deleted ones too, `include_deleted`) that refer to the person}."""
    ws.store.activate()
    out: dict[str, list[int]] = {}
    for kind, model, column in REFERENCES:
        col = getattr(model, column)
        query = model.select(model.id).where(col == person_id)
        if not include_deleted:
            query = query.where(model.deleted_at.is_null())
        out[kind] = [i for (i,) in query.order_by(model.id).tuples()]
    return out


def duplicate_candidates(ws: Workspace) -> list[list[dict[str, Any]]]:
    """Groups of living people whose names are equal apart from case and spacing."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for p in list_people(ws):
        groups.setdefault(" ".join(p["name"].split()).casefold(), []).append(p)
    return [g for g in groups.values() if len(g) > 1]


def _touch(model: type[models.UserRow], ids: list[int], **columns: Any) -> None:
    history.update_rows(models.database, model, ids, columns)


def _alive_person(person_id: int) -> models.Person:
    row = models.Person.get_or_none((models.Person.id == person_id) & models.Person.deleted_at.is_null())
    if row is None:
        raise LookupError(tr("Hittar inte personen (id {id}).", id=person_id))
    return row


def merge_people(ws: Workspace, keep_id: int, drop_id: int) -> Change:
    """Move every reference from `drop_id` to `keep_id` and leave a tombstone for `drop_id`.

    Blank fields of the kept person are filled from the dropped one. The Change's
    `old` records the moved ids and the filled fields, for `unmerge`.
    """
    if keep_id == drop_id:
        raise ValueError(tr("En person kan inte slås ihop med sig själv."))
    keep, drop = _alive_person(keep_id), _alive_person(drop_id)
    moved = references(ws, drop_id)
    filled = {f: getattr(keep, f) for f in MERGE_FIELDS if not getattr(keep, f).strip() and getattr(drop, f).strip()}
    with ws.store.write():
        for kind, model, column in REFERENCES:
            _touch(model, moved[kind], **{column: keep_id})
        if filled:
            _touch(models.Person, [keep_id], **{f: getattr(drop, f) for f in filled})
        _touch(models.Person, [drop_id], deleted_at=models.utc_now())
    old = {"merged": drop_id, "moved": moved, "filled": filled}
    return Change("person", "updated", (keep_id, drop_id), None, old=old)


def unmerge(ws: Workspace, change: Change) -> Change:
    """Undo `merge_people`: the dropped person comes back with exactly the references it had."""
    keep_id, drop_id = change.ids
    with ws.store.write():
        _touch(models.Person, [drop_id], deleted_at=None)
        for kind, model, column in REFERENCES:
            _touch(model, change.old["moved"].get(kind, []), **{column: drop_id})
        if change.old.get("filled"):
            _touch(models.Person, [keep_id], **change.old["filled"])
    return Change("person", "restored", (drop_id, keep_id), None)


def _next_anonymous_number() -> int:
    pattern = re.compile(rf"{ANONYMOUS} (\d+)$")
    used = [int(m.group(1)) for (name,) in models.Person.select(models.Person.name).tuples()
            if (m := pattern.match(name))]
    return max(used, default=0) + 1


def _replace_name(text: str, name: str, label: str) -> str:
    return re.sub(re.escape(name), label, text, flags=re.IGNORECASE) if name.strip() else text


def anonymise_person(ws: Workspace, person_id: int, *, include_deleted: bool = False) -> Change:
    """"Ta bort personuppgifter": the person becomes "Anonymiserad person N" everywhere.

    Contact fields and title are blanked. Roles that named the person keep a neutral
    label — the role's Swedish name ("Uppdragsledare") — and resource lines keep their
    competence; the timeline's responsible person is cleared. Where the name was written
    as free text (a role's or resource's name, a timeline item's responsible, a risk
    owner) it is replaced the same way. Frozen editions, deleted rows and the history are left to
    app.anonymise, which removes the name from every byte of the file; `include_deleted` also
    takes a deleted person and the deleted rows that refer to it.
    """
    ws.store.activate()
    person = (models.Person.get_or_none(models.Person.id == person_id) if include_deleted
              else _alive_person(person_id))
    if person is None:
        raise LookupError(tr("Hittar inte personen (id {id}).", id=person_id))
    name = " ".join(person.name.split())
    label = f"{ANONYMOUS} {_next_anonymous_number()}"
    refs = references(ws, person_id, include_deleted=include_deleted)
    R, L, T, K = models.Role, models.ResourceLine, models.TimelineItem, models.Risk
    with ws.store.write():
        for role in R.select().where(R.id.in_(refs["role"])):
            _touch(R, [role.id], person=None, name=kinds.ROLE_KINDS.get(role.kind, "Roll"))
        _touch(L, refs["resource"], person=None, name="")
        _touch(T, refs["timeline"], responsible_person=None)
        for model, column in ((R, "name"), (L, "name"), (T, "responsible"), (K, "owner")):
            col = getattr(model, column)
            for row in model.select(model.id, col, *([R.kind] if model is R else [])).where(col.contains(name)):
                neutral = kinds.ROLE_KINDS.get(row.kind, "Roll") if model is R else "(anonymiserad)"
                _touch(model, [row.id], **{column: _replace_name(getattr(row, column), name, neutral)})
        _touch(models.Person, [person_id], name=label, **{f: "" for f in ANONYMISED_FIELDS})
    return Change("person", "updated", (person_id,), None, old={"anonymised": True})


def contact_parts(email: str, phone: str) -> list[str]:
    """Regular expressions for an e-mail address and a phone number however it is spaced or dashed."""
    parts = [re.escape(email.strip())] if email.strip() else []
    digits = re.sub(r"\D", "", phone)
    if len(digits) >= 5:  # a short number would match any figure
        parts.append(r"(?<!\d)" + r"[\s-]*".join(digits) + r"(?!\d)")
    return parts


def strip_contact_details(plan: dict[str, Any]) -> dict[str, Any]:
    """A copy of a plan dict (plan_to_dict) whose people have no e-mail, phone or notes, editions too;
    their e-mail addresses and phone numbers written in any text of the plan become "(borttagen)"."""
    out = copy.deepcopy(plan)
    parts: list[str] = []

    def strip(p: dict[str, Any]) -> None:
        for person in p.get("organisation", {}).get("people", []):
            parts.extend(contact_parts(person.get("email", ""), person.get("phone", "")))
            for f in CONTACT_FIELDS:
                person[f] = ""
        for edition in p.get("editions", []):
            if isinstance(edition.get("snapshot"), dict):
                strip(edition["snapshot"])

    strip(out)
    if not parts:
        return out
    pattern = re.compile("|".join(sorted(set(parts), key=len, reverse=True)), re.IGNORECASE)
    stripped: dict[str, Any] = map_strings(out, lambda text: pattern.sub("(borttagen)", text))
    return stripped
