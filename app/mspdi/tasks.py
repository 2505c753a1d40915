"""The <Task> elements of an MS Project file as timeline items: summary tasks → phases; tasks flagged or named
as a gate (BP2, TG1, "Grind 3", "Beslutspunkt") → decision points; milestones and zero-length tasks →
milestones; other tasks → activities; outline levels → parents. A file Uppdrag wrote gives back each
item's kind, code, status, vague dates and texts from the task text fields it filled
(app.mspdi.TASK_FIELDS), as long as the task still lies in its period."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.dates import DateParseError
from app.i18n import in_swedish, tr
from app.kinds import TIMELINE_KINDS, TIMELINE_STATUSES
from app.mspdi import GATE, status_of
from app.mspdi.parsing import (
    day_of, duration_minutes, element_fields, exact_day, number_of, refuse, shown_names, uuid_of,
)

if TYPE_CHECKING:
    from app.mspdi.project import Reader

MAX_TASKS = 200_000
_GATE_WORD = re.compile(r"\b(beslutspunkt|tollgate|grind|gate)\b", re.IGNORECASE)
_MILESTONE_CODE = re.compile(r"^\s*(MS)\s*(\d{1,2})(?![\d.])\s*[:.–-]?\s*(.*)$", re.IGNORECASE | re.DOTALL)
_KIND_OF_LABEL = {**{label.lower(): kind for kind, label in TIMELINE_KINDS.items()}, "delaktivitet": "activity",
                  **{kind: kind for kind in TIMELINE_KINDS}}
_STATUS_OF_LABEL = {**{label.lower(): s for s, label in TIMELINE_STATUSES.items()},
                    **{s: s for s in TIMELINE_STATUSES}}
_NOT_HELD = {  # task elements whose content Uppdrag has no place for → what the summary calls them
    "Cost": "costs", "FixedCost": "costs", "Deadline": "deadlines",
    "Hyperlink": "hyperlinks", "HyperlinkAddress": "hyperlinks", "Recurring": "recurring tasks",
}
_NOT_HELD_TAGS = frozenset(_NOT_HELD)


def _not_held_words() -> dict[str, str]:
    """What the summary calls each kind of content Uppdrag has no place for, in the current language."""
    return {"costs": tr("kostnader"), "deadlines": tr("deadlines"), "hyperlinks": tr("hyperlänkar"),
            "recurring tasks": tr("återkommande uppgifter"), "baselines": tr("baslinjer")}


@dataclass(slots=True)
class Task:
    uid: str
    name: str
    level: int
    fields: dict[str, str]
    links: list[Any]
    texts: dict[str, str]  # Uppdrag's text fields by key (app.mspdi.TASK_FIELDS)
    flagged: bool
    item: dict[str, Any] = field(default_factory=dict)


def read_tasks(reader: Reader) -> list[Task]:
    """The file's tasks with their fields, in the file's order (the project's own summary task left out)."""
    ns = reader.ns
    elements = reader.root.findall(f"{ns}Tasks/{ns}Task")
    if len(elements) > MAX_TASKS:
        raise refuse(reader.path, tr("den har {count} uppgifter; Uppdrag läser högst {most}.", count=len(elements),
                                     most=MAX_TASKS))
    out: list[Task] = []
    inactive: list[str] = []
    unnamed: list[str] = []
    not_held: dict[str, int] = {}
    other_fields = 0
    text_fields, gate_flags = reader.text_fields, reader.gate_flags
    for element in elements:
        simple, links, extended = element_fields(element, ns)
        if simple.get("IsNull") == "1":
            continue
        try:
            level = int(simple["OutlineLevel"])
        except (KeyError, ValueError):
            level = -1
        if level < 0:
            number = simple.get("OutlineNumber", "")
            level = number.count(".") + 1 if number else 1
        uid = simple.get("UID", "").strip()
        if level == 0 or uid == "0":
            continue  # the project's own summary task: the plan itself
        uid = uid or str(len(out) + 1)
        name = _name_of(simple, uid, unnamed)
        if simple.get("Active") == "0":
            inactive.append(name)
        if not _NOT_HELD_TAGS.isdisjoint(simple):
            for what in {_NOT_HELD[tag] for tag in _NOT_HELD_TAGS.intersection(simple) if number_of(simple[tag] or "0", 1)}:
                not_held[what] = not_held.get(what, 0) + 1
        texts: dict[str, str] = {}
        flagged = False
        for fid, value in extended:
            key = text_fields.get(fid)
            if key is not None:
                texts[key] = value
            elif fid in gate_flags and value.strip() in ("1", "true", "Ja", "Yes"):
                flagged = True
            elif value:
                other_fields += 1
        if "Baseline" in simple:
            not_held["baselines"] = not_held.get("baselines", 0) + 1
        out.append(Task(uid, name, level, simple, links, texts, flagged))
    if unnamed:
        reader.note(tr("Uppgifter som saknade namn heter nu ”Uppgift utan namn” och sitt nummer i filen (UID "
                       "{uids}).", uids=shown_names(unnamed, quoted=False)))
    if inactive:
        reader.note(tr("{count} inaktiva uppgifter lästes in som vanliga poster: {names}.", count=len(inactive),
                       names=shown_names(inactive)))
    for what, n in sorted(not_held.items()):
        reader.note(tr("Uppdrag har ingen plats för {what}; de lästes inte in ({count} uppgifter).",
                       what=_not_held_words().get(what, what), count=n))
    if other_fields:
        reader.note(tr("{count} värden i anpassade fält (till exempel Text1 eller Flagga1 med egna namn) "
                       "lästes inte in.", count=other_fields))
    return out


def _name_of(simple: dict[str, str], uid: str, unnamed: list[str]) -> str:
    """The task's name; MS Project lets a task be saved without one, but a plan's item needs a title."""
    name = " ".join(simple.get("Name", "").split())
    if name:
        return name
    unnamed.append(uid)
    with in_swedish():  # the title goes into the file
        return tr("Uppgift utan namn ({uid})", uid=uid)


def timeline_items(reader: Reader, tasks: list[Task]) -> list[dict[str, Any]]:
    """The tasks as the plan file's timeline items (each also kept as its task's `item`)."""
    stack: list[Task] = []
    has_children: set[int] = set()
    parents: list[Task | None] = []
    for task in tasks:
        while stack and stack[-1].level >= task.level:
            stack.pop()
        parent = stack[-1] if stack else None
        if parent is not None:
            has_children.add(id(parent))
        parents.append(parent)
        stack.append(task)
    uuids: set[str] = set()
    moved: list[str] = []
    for task, parent in zip(tasks, parents, strict=True):
        f, texts = task.fields, task.texts
        guid = uuid_of(f.get("GUID"))
        item_uuid = guid if guid and guid not in uuids and guid != reader.plan_uuid else reader.stable_uuid("task", task.uid)
        uuids.add(item_uuid)
        summary = f.get("Summary") == "1" or id(task) in has_children
        kind, code, title = kind_code_title(reader, task, summary)
        start, end = dates(reader, task, kind, moved)
        percent = f.get("PercentComplete")
        progress = _progress(percent) if percent else 0
        said = texts.get("status")
        status = (said and _STATUS_OF_LABEL.get(said.strip().lower())) or status_of(progress)
        notes, actual_start, actual_finish = f.get("Notes"), f.get("ActualStart"), f.get("ActualFinish")
        task.item = {
            "uuid": item_uuid, "kind": kind, "code": code, "title": title,
            "description": notes.replace("\r\n", "\n") if notes else "",
            "start": start, "end": end, "responsible": texts.get("responsible", ""),
            "responsible_person": None, "status": status, "progress": progress,
            "comment": texts.get("comment", ""), "parent": parent.item["uuid"] if parent else None,
            "depends_on": [], "checklist": [],
            "actual_start": exact_day(day_of(actual_start)) if actual_start else None,
            "actual_finish": exact_day(day_of(actual_finish)) if actual_finish else None,
        }
    if not reader.ours:  # a summary task without dates spans its children (Uppdrag's own are as planned)
        for task, parent in reversed(list(zip(tasks, parents, strict=True))):
            if parent is not None:
                _widen(parent.item, task.item)
        for t in tasks:
            t.item.pop("_own_dates", None)
    if moved:
        reader.note(tr("{count} poster hade flyttats utanför sin ungefärliga period och fick exakta datum: "
                       "{names}.", count=len(moved), names=shown_names(moved)))
    return [t.item for t in tasks]


def kind_code_title(reader: Reader, task: Task, summary: bool) -> tuple[str, str, str]:
    name = task.name
    kept_kind = _KIND_OF_LABEL.get(task.texts.get("kind", "").strip().lower())
    if kept_kind is not None:
        code = task.texts.get("code", "").strip()
        title = name[len(code):].strip() if code and name.startswith(code + " ") else name
        return kept_kind, code, title
    gate = GATE.match(name)
    milestone = task.fields.get("Milestone") == "1" or (
        duration_minutes(task.fields.get("Duration")) == 0 and not summary)
    if summary:
        if gate is not None:
            return "phase", _gate_code(gate), gate.group(3).strip() or name
        return "phase", "", name
    if gate is not None:
        return "decision_point", _gate_code(gate), gate.group(3).strip() or name
    if task.flagged or (milestone and _GATE_WORD.search(name)):
        return "decision_point", "", name
    if milestone:
        ms = _MILESTONE_CODE.match(name)
        if ms is not None:
            return "milestone", f"MS{int(ms.group(2))}", ms.group(3).strip() or name
        return "milestone", "", name
    return "activity", "", name


def dates(reader: Reader, task: Task, kind: str, moved: list[str]) -> tuple[str | None, str | None]:
    """The item's start and end: a kept vague date while the task still lies in its period, else its days."""
    first, last = day_of(task.fields.get("Start")), day_of(task.fields.get("Finish"))
    if first is not None and last is not None and last < first:
        last = first
    marker = kind in ("decision_point", "milestone")
    if not reader.ours:
        return (exact_day(last or first), None) if marker else (exact_day(first), exact_day(last))
    ks, ke = _kept(task.texts.get("start")), _kept(task.texts.get("end"))
    if first is None and last is None:
        return ks and ks[2], ke and ke[2]
    if marker:
        kept = ks or ke
        if kept is not None and first is not None and kept[0] <= first <= kept[1]:
            return (kept[2], None) if ks is not None else (None, kept[2])
        if kept is not None:
            moved.append(task.name)
        return exact_day(first), None
    if ks is None and ke is None:  # dated in MS Project after the export
        return exact_day(first), exact_day(last)
    start = ks[2] if ks is not None and first is not None and ks[0] <= first <= ks[1] else None
    end = ke[2] if ke is not None and last is not None and ke[0] <= last <= ke[1] else None
    if (ks is not None and start is None) or (ke is not None and end is None):
        moved.append(task.name)
        start = start or (exact_day(first) if ks is not None else None)
        end = end or (exact_day(last) if ke is not None else None)
    if ke is None and ks is not None and last is not None and last > ks[1]:
        end = exact_day(last)  # lengthened in MS Project beyond its start's period
        moved.append(task.name)
    if ks is None and ke is not None and first is not None and first < ke[0]:
        start = exact_day(first)
        moved.append(task.name)
    return start, end


def _widen(parent: dict[str, Any], child: dict[str, Any]) -> None:
    """Give an undated summary task the days its children cover (exact days only)."""
    if parent.get("_own_dates") is None:
        parent["_own_dates"] = parent["start"] is not None or parent["end"] is not None
    if parent["_own_dates"]:
        return
    days = [d for d in (child["start"], child["end"]) if d and len(d) == 10]
    if days:
        parent["start"] = min([parent["start"], *days]) if parent["start"] else min(days)
        parent["end"] = max([parent["end"], *days]) if parent["end"] else max(days)


@lru_cache(maxsize=1024)
def _progress(percent: str) -> int:
    return int(max(0, min(100, round(number_of(percent)))))


def _gate_code(m: re.Match[str]) -> str:
    word = m.group(1).upper()
    prefix = {"BP": "BP", "TG": "TG", "G": "G"}.get(word, word.capitalize() + " ")
    return f"{prefix}{int(m.group(2))}"


@lru_cache(maxsize=8192)
def _kept(text: str | None) -> tuple[date, date, str] | None:
    """A kept date's text (as the plan writes it: "september 2025") as its first and last day and its
    stored form; None for none or one that does not read."""
    from app.date_text import parse_date

    if not text or not text.strip():
        return None
    try:
        v = parse_date(text.strip())
    except DateParseError:
        return None
    return v.start, v.last_day, v.canonical()
