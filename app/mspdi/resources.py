"""The <Resource> and <Assignment> elements of an MS Project file: work resources → people (a person already in
the file is matched by the resource's GUID, then by name), and rows of the resource plan (group →
competence, units → percent of position, availability periods → the row's period); a task's first
assignment → its responsible person."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from app.i18n import tr
from app.mspdi import RESOURCE_FIELD, ROLE_NAMELESS, ROLE_RESPONSIBLE_ONLY
from app.mspdi.parsing import child_texts, day_of, element_fields, exact_day, number_of, shown_names, uuid_of

if TYPE_CHECKING:
    from app.mspdi.project import Reader
    from app.mspdi.tasks import Task


def people_of(reader: Reader, tasks: list[Task]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """The people the file's resources are, the rows of its resource plan, and how many assignments were read."""
    ns = reader.ns
    people: dict[str, dict[str, Any]] = {}
    lines: list[dict[str, Any]] = []
    person_of_uid: dict[str, str | None] = {}
    not_people: list[str] = []
    nameless = 0
    line_of_uid: dict[str, list[dict[str, Any]]] = {}
    for element in reader.root.iterfind(f"{ns}Resources/{ns}Resource"):
        f, _, extended = element_fields(element, ns)
        uid = f.get("UID", "").strip()
        name = " ".join(f.get("Name", "").split())
        if f.get("IsNull") == "1" or (uid == "0" and not name):
            continue
        if not name:
            nameless += 1
            continue
        if f.get("Type", "1").strip() not in ("1", ""):
            not_people.append(name)
            continue
        guid = uuid_of(f.get("GUID"))
        kept = next((v for fid, v in extended if fid == str(RESOURCE_FIELD[1])), "") if reader.ours else ""
        # A generic resource (a competence, a network, "lokaler") is a resource plan row without a person.
        person = None if f.get("IsGeneric") == "1" else person_for(reader, guid, name, f.get("EmailAddress", ""))
        if person is not None:
            people[person["uuid"]] = person
        person_of_uid[uid] = person["uuid"] if person else None
        if kept == ROLE_RESPONSIBLE_ONLY:
            continue  # a person Uppdrag exported for an item's responsibility alone
        rows = resource_lines(reader, element, f, uid, guid if person is None else None, person,
                                   "" if kept == ROLE_NAMELESS else name)
        line_of_uid[uid] = rows
        lines.extend(rows)
    if not_people:
        reader.note(tr("{count} material- eller kostnadsresurser kan inte hållas (Uppdrags resursplan har "
                       "bara personer och kompetenser) och lästes inte in: {names}.", count=len(not_people),
                       names=shown_names(not_people)))
    if nameless:
        reader.note(tr("{count} resurser utan namn lästes inte in.", count=nameless))
    assignments = read_assignments(reader, tasks, person_of_uid, line_of_uid)
    return list(people.values()), lines, assignments


def person_for(reader: Reader, guid: str | None, name: str, email: str) -> dict[str, Any]:
    if guid is not None and guid in reader.register.by_uuid:
        return reader.register.by_uuid[guid]
    same = reader.register.by_name.get(name.casefold(), [])
    if len(same) == 1:
        return same[0]
    return {"uuid": guid or reader.stable_uuid("resource", name), "name": name, "title": "", "unit": "",
            "organisation": "", "email": email.strip(), "phone": "", "notes": ""}


def resource_lines(reader: Reader, element: Any, f: dict[str, str], uid: str, line_uuid: str | None,
                   person: dict[str, Any] | None, name: str) -> list[dict[str, Any]]:
    ns = reader.ns
    competence = f.get("Group", "")
    note = f.get("Notes", "").replace("\r\n", "\n")
    max_units = f.get("MaxUnits")
    periods = []
    for p in element.iterfind(f"{ns}AvailabilityPeriods/{ns}AvailabilityPeriod"):
        pf = child_texts(p, len(ns))
        periods.append((day_of(pf.get("AvailableFrom")), day_of(pf.get("AvailableTo")),
                        pf.get("AvailableUnits")))
    if not periods:
        periods = [(None, None, max_units)]
    rows = []
    for i, (frm, to, units) in enumerate(periods):
        if frm is not None and frm.year < 1985 or to is not None and to.year > 2145:
            frm, to = (None if frm and frm.year < 1985 else frm), (None if to and to.year > 2145 else to)
        allocation = None if units in (None, "") else round(number_of(units) * 100)
        if allocation is not None and not 0 <= allocation <= 100:
            reader.note(tr("{name}: {allocation} % av tjänst går inte att hålla (0–100 %); raden fick 100 %.",
                           name=name, allocation=allocation))
            allocation = max(0, min(100, allocation))
        rows.append({
            "uuid": line_uuid if line_uuid and i == 0 else reader.stable_uuid("line", uid, str(i)),
            "competence": competence, "person": person["uuid"] if person else None,
            "name": "" if person or name == competence else name,
            "allocation": allocation, "start": exact_day(frm), "end": exact_day(to), "note": note if i == 0 else "",
        })
    return rows


def read_assignments(reader: Reader, tasks: list[Task], person_of_uid: dict[str, str | None],
                line_of_uid: dict[str, list[dict[str, Any]]]) -> int:
    ns = reader.ns
    cut = len(ns)
    by_uid = {t.uid: t for t in tasks}
    extra: list[str] = []
    lost: list[str] = []
    spans: dict[str, list[date]] = {}
    units: dict[str, float] = {}
    count = 0
    for element in reader.root.iterfind(f"{ns}Assignments/{ns}Assignment"):
        f = child_texts(element, cut)
        task, ruid = by_uid.get(f.get("TaskUID", "").strip()), f.get("ResourceUID", "").strip()
        if task is None or ruid not in person_of_uid:
            if ruid not in ("", "-65535") and task is not None:
                lost.append(task.name)
            continue
        person = person_of_uid[ruid]
        if person is None:
            continue
        count += 1
        if task.item["responsible_person"] is None:
            task.item["responsible_person"] = person
        elif task.item["responsible_person"] != person:
            extra.append(task.name)
        if reader.ours:
            continue  # its resource plan is as Uppdrag wrote it (below: a file from elsewhere)
        for key in ("Start", "Finish"):
            day = day_of(f.get(key) or task.item.get("start") or task.fields.get(key))
            if day is not None:
                spans.setdefault(ruid, []).append(day)
        if f.get("Units"):
            units[ruid] = max(units.get(ruid, 0.0), number_of(f.get("Units")))
    if not reader.ours:  # a resource plan row spans the work its resource is assigned, at its units
        for ruid, rows in line_of_uid.items():
            for row in rows if len(rows) == 1 else ():
                if ruid in spans and row["start"] is None and row["end"] is None:
                    row["start"], row["end"] = exact_day(min(spans[ruid])), exact_day(max(spans[ruid]))
                if ruid in units:
                    row["allocation"] = max(0, min(100, round(units[ruid] * 100)))
    if extra:
        reader.note(tr("{count} uppgifter hade flera resurser; den första blev ansvarig och alla finns i "
                       "resursplanen: {names}.", count=len(extra), names=shown_names(extra)))
    if lost:
        reader.note(tr("{count} tilldelningar till resurser som inte kunde läsas in lästes inte in: {names}.",
                       count=len(lost), names=shown_names(lost)))
    return count
