"""Reading MS Project XML (MSPDI) into a plan, with a Swedish summary of what could not be held.

The file is read whole and checked before anything is written: parsed without a DTD, entities
or network (a file with a DOCTYPE is refused: MSPDI has none, and that is where XML bombs and
external entities live), at most MAX_BYTES, then turned into the plan file's dict
(docs/plan-format.md) and checked like a plan file; only then is it written, in one transaction,
through the same path as a JSON import.

- tasks → timeline items: summary tasks → phases; tasks flagged or named as a gate (BP2, TG1,
  "Grind 3", "Beslutspunkt") → decision points; milestones and zero-length tasks → milestones;
  other tasks → activities; outline levels → parents;
- predecessor links → dependencies with their kind and lag (start-to-finish links and links to
  other projects cannot be held and are reported);
- work resources → people (a person already in the file is matched by the resource's GUID, then
  by name), and rows of the resource plan (group → competence, units → percent of position,
  availability periods → the row's period); a task's first assignment → its responsible person;
- a file Uppdrag wrote gives back each item's kind, code, status, vague dates and texts from the
  task text fields it filled (app.mspdi.TASK_FIELDS), as long as the task still lies in its period.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.dates import DateParseError
from app.kinds import TIMELINE_KINDS, TIMELINE_STATUSES
from app.mspdi import (
    FIELD_OF_ID, GATE, LINK_KIND, MINUTES_PER_DAY, NS, RESOURCE_FIELD, ROLE_NAMELESS, ROLE_RESPONSIBLE_ONLY,
    TASK_FIELDS, status_of,
)
from app.planfile import FORMAT, FORMAT_VERSION
from app.planfile.read import PlanFileError

if TYPE_CHECKING:
    from app.workspace import Workspace

MAX_BYTES = 100 * 1024 * 1024
MAX_TASKS = 200_000
MAX_SHOWN = 8  # names listed in one line of the summary before "och N till"

_UUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
_GATE_WORD = re.compile(r"\b(beslutspunkt|tollgate|grind|gate)\b", re.IGNORECASE)
_MILESTONE_CODE = re.compile(r"^\s*(MS)\s*(\d{1,2})(?![\d.])\s*[:.–-]?\s*(.*)$", re.IGNORECASE | re.DOTALL)
_FLAG_ALIAS = re.compile(r"beslut|gate|grind|\bBP\b|\bTG\b", re.IGNORECASE)
_KIND_OF_LABEL = {**{label.lower(): kind for kind, label in TIMELINE_KINDS.items()}, "delaktivitet": "activity",
                  **{kind: kind for kind in TIMELINE_KINDS}}
_STATUS_OF_LABEL = {**{label.lower(): s for s, label in TIMELINE_STATUSES.items()},
                    **{s: s for s in TIMELINE_STATUSES}}
_WEEK_FORMATS = {9, 10, 41, 42}
_ELAPSED_FORMATS = {4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52}
_PERCENT_FORMATS = {19, 20, 51, 52}
_NOT_HELD = {  # task elements whose content Uppdrag has no place for → what the summary calls them
    "Cost": "kostnader", "FixedCost": "kostnader", "Deadline": "deadlines",
    "Hyperlink": "hyperlänkar", "HyperlinkAddress": "hyperlänkar", "Recurring": "återkommande uppgifter",
}
_NOT_HELD_TAGS = frozenset(_NOT_HELD)


@dataclass
class MspdiImport:
    """The plan dict read from the file and what the summary says about it."""

    data: dict[str, Any]
    summary: list[str] = field(default_factory=list)  # the first line counts; the rest are remarks
    updates: bool = False


@dataclass
class Register:
    """The people already in the file (uuid → the person's row in the plan file's form), and by name."""

    by_uuid: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_name: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def of(cls, people: list[dict[str, Any]]) -> Register:
        reg = cls()
        for p in people:
            reg.by_uuid[p["uuid"]] = p
            reg.by_name.setdefault(p["name"].strip().casefold(), []).append(p)
        return reg


def _shown(names: list[str]) -> str:
    shown = ", ".join(f"”{n}”" for n in names[:MAX_SHOWN])
    return shown + (f" och {len(names) - MAX_SHOWN} till" if len(names) > MAX_SHOWN else "")


# --- The XML, safely ----------------------------------------------------------------------------


def _refuse(path: Path, why: str) -> PlanFileError:
    return PlanFileError(f"Filen ”{path.name}” kan inte läsas som MS Project-XML: {why}")


_DEFAULT_NS = f' xmlns="{NS}"'.encode()


def parse_xml(path: Path) -> Any:
    """The file's root element, parsed without DTD, entities or network; PlanFileError in Swedish otherwise."""
    from lxml import etree

    try:
        if path.stat().st_size > MAX_BYTES:
            raise _refuse(path, f"den är större än {MAX_BYTES // (1024 * 1024)} MB.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(f"Filen ”{path}” finns inte.") from None
    except OSError as exc:
        raise PlanFileError(f"Filen ”{path.name}” kan inte läsas: {exc.strerror}.") from None
    if len(data) > MAX_BYTES:
        raise _refuse(path, f"den är större än {MAX_BYTES // (1024 * 1024)} MB.")
    if not data.strip():
        raise _refuse(path, "den är tom.")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        if "<!DOCTYPE".encode(encoding) in data or "<!ENTITY".encode(encoding) in data:
            raise _refuse(path, "den innehåller en DOCTYPE- eller ENTITY-deklaration, vilket MS Project-filer "
                                "aldrig har (så ser XML-bomber och externa entiteter ut). Inget importerades.")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True, collect_ids=False)
    # MSPDI's default namespace, declared once on the root, is taken off before parsing: every element's
    # name is then its plain local name (about half of reading a file is asking each element its name).
    head = data[:512]
    at = head.find(_DEFAULT_NS)
    if at > 0 and head.rfind(b"<", 0, at) == head.find(b"<Project"):
        data = data[:at] + data[at + len(_DEFAULT_NS):]
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        ended = data.rstrip().endswith(b"</Project>") or data.rstrip(b"\x00 \r\n\t").endswith(
            "</Project>".encode("utf-16-le"))
        raise _refuse(path, _syntax_text(str(exc), exc.lineno, ended)) from None
    except ValueError as exc:  # e.g. an encoding declaration lxml does not know
        raise _refuse(path, f"teckenkodningen stämmer inte ({exc}).") from None
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise _refuse(path, "den innehåller en DOCTYPE-deklaration. Inget importerades.")
    name = etree.QName(root)
    if name.localname != "Project" or name.namespace not in (NS, None):
        raise _refuse(path, "det är ingen MS Project-XML (MSPDI): rotelementet ska vara <Project> "
                            f"i namnrymden {NS}. Spara filen som ”XML-format” i MS Project.")
    return root


def _syntax_text(message: str, line: int | None, ended: bool) -> str:
    where = f" (rad {line})" if line else ""
    low = message.lower()
    if "encoding" in low or "utf-8" in low or "char" in low and "range" in low:
        return (f"teckenkodningen stämmer inte med filens innehåll{where}; spara den som UTF-8 "
                "(MS Project gör det med ”XML-format”).")
    if not ended or "premature end" in low or "end of data" in low:
        return f"den tar slut mitt i{where}; filen verkar avkortad. Spara eller hämta den igen."
    if "entity" in low:
        return f"den innehåller en entitet som inte tillåts{where}."
    return f"den är inte giltig XML{where}: {message}"


# --- From elements to values --------------------------------------------------------------------


def _fields(element: Any, ns: str) -> tuple[dict[str, str], list[Any], list[tuple[str, str]]]:
    """An element's simple children by local name (an element with children of its own gives its
    text, usually empty), its PredecessorLink elements and its (FieldID, Value) extended attributes."""
    cut = len(ns)
    link, extended_tag, field_id, value_tag = f"{ns}PredecessorLink", f"{ns}ExtendedAttribute", f"{ns}FieldID", f"{ns}Value"
    simple: dict[str, str] = {}
    links: list[Any] = []
    extended: list[tuple[str, str]] = []
    for child in element:
        tag = child.tag
        if tag == extended_tag:
            fid = value = ""
            for c in child:
                part = c.tag
                if part == field_id:
                    fid = c.text or ""
                elif part == value_tag:
                    value = c.text or ""
            extended.append((fid.strip(), value))
        elif tag == link:
            links.append(child)
        else:  # comments and processing instructions are not parsed, entities refused before
            simple[tag[cut:] if cut else tag] = child.text or ""
    return simple, links, extended


def _simple(element: Any, cut: int) -> dict[str, str]:
    """An element's children by local name (with no children of their own: a predecessor link, an assignment)."""
    if cut:
        return {c.tag[cut:]: c.text or "" for c in element}
    return {c.tag: c.text or "" for c in element}


@lru_cache(maxsize=8192)
def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _number(text: str | None, default: float = 0.0) -> float:
    try:
        value = float(text) if text not in (None, "") else default
    except ValueError:
        return default
    return value if value == value and abs(value) < 1e15 else default  # not NaN, not absurd


@lru_cache(maxsize=1024)
def _duration_minutes(text: str | None) -> float | None:
    """An xsd duration such as PT80H0M0S as minutes; None if there is none."""
    if not text:
        return None
    m = re.fullmatch(r"-?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
                     r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?", text.strip())
    if m is None:
        return None
    y, mo, d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
    return ((y * 365 + mo * 30 + d) * 24 + h) * 60 + mi + s / 60


def _uuid_of(text: str | None) -> str | None:
    m = _UUID.match((text or "").strip())
    return m.group(1).lower() if m else None


@dataclass(slots=True)
class _Task:
    uid: str
    name: str
    level: int
    fields: dict[str, str]
    links: list[Any]
    texts: dict[str, str]  # Uppdrag's text fields by key (app.mspdi.TASK_FIELDS)
    flagged: bool
    item: dict[str, Any] = field(default_factory=dict)


class _Reader:
    def __init__(self, path: Path, root: Any, register: Register):
        from lxml import etree

        self.path, self.root, self.register = path, root, register
        self.ns = f"{{{etree.QName(root).namespace}}}" if etree.QName(root).namespace else ""
        self.remarks: list[str] = []
        self.project, _, _ = _fields(root, self.ns)
        self.minutes_per_day = _number(self.project.get("MinutesPerDay"), MINUTES_PER_DAY) or MINUTES_PER_DAY
        self.minutes_per_week = _number(self.project.get("MinutesPerWeek"), self.minutes_per_day * 5) or 2400
        aliases = {}
        for ea in root.iterfind(f"{self.ns}ExtendedAttributes/{self.ns}ExtendedAttribute"):
            aliases[(ea.findtext(f"{self.ns}FieldID") or "").strip()] = (
                ea.findtext(f"{self.ns}Alias") or "", ea.findtext(f"{self.ns}FieldName") or "")
        _name, kind_field, kind_alias = TASK_FIELDS["kind"]
        self.ours = aliases.get(str(kind_field), ("",))[0] == kind_alias  # a file Uppdrag wrote
        self.gate_flags = {fid for fid, (alias, name) in aliases.items()
                           if name.lower().startswith("flag") and _FLAG_ALIAS.search(alias)}
        self.plan_uuid = _uuid_of(self.project.get("GUID")) or str(uuidlib.uuid4())

    def note(self, text: str) -> None:
        self.remarks.append(text)

    def stable_uuid(self, *parts: str) -> str:
        return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, "mspdi:" + "/".join((self.plan_uuid, *parts))))

    # --- tasks ---

    def tasks(self) -> list[_Task]:
        ns = self.ns
        elements = self.root.findall(f"{ns}Tasks/{ns}Task")
        if len(elements) > MAX_TASKS:
            raise _refuse(self.path, f"den har {len(elements)} uppgifter; Uppdrag läser högst {MAX_TASKS}.")
        out: list[_Task] = []
        inactive: list[str] = []
        not_held: dict[str, int] = {}
        other_fields = 0
        ours, gate_flags = self.ours, self.gate_flags
        for element in elements:
            simple, links, extended = _fields(element, ns)
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
            name = " ".join(simple.get("Name", "").split())
            if simple.get("Active") == "0":
                inactive.append(name)
            if not _NOT_HELD_TAGS.isdisjoint(simple):
                for what in {_NOT_HELD[tag] for tag in _NOT_HELD_TAGS.intersection(simple) if _number(simple[tag] or "0", 1)}:
                    not_held[what] = not_held.get(what, 0) + 1
            texts: dict[str, str] = {}
            flagged = False
            for fid, value in extended:
                key = FIELD_OF_ID.get(fid) if ours else None
                if key is not None:
                    texts[key] = value
                elif fid in gate_flags and value.strip() in ("1", "true", "Ja", "Yes"):
                    flagged = True
                elif value:
                    other_fields += 1
            if "Baseline" in simple:
                not_held["baslinjer"] = not_held.get("baslinjer", 0) + 1
            out.append(_Task(uid or str(len(out) + 1), name, level, simple, links, texts, flagged))
        if inactive:
            self.note(f"{len(inactive)} inaktiva uppgifter lästes in som vanliga poster: {_shown(inactive)}.")
        for what, n in sorted(not_held.items()):
            self.note(f"Uppdrag har ingen plats för {what}; de lästes inte in ({n} uppgifter).")
        if other_fields:
            self.note(f"{other_fields} värden i anpassade fält (till exempel Text1 eller Flagga1 med egna namn) "
                      "lästes inte in.")
        return out

    def items(self, tasks: list[_Task]) -> list[dict[str, Any]]:
        stack: list[_Task] = []
        has_children: set[int] = set()
        parents: list[_Task | None] = []
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
            guid = _uuid_of(f.get("GUID"))
            item_uuid = guid if guid and guid not in uuids and guid != self.plan_uuid else self.stable_uuid("task", task.uid)
            uuids.add(item_uuid)
            summary = f.get("Summary") == "1" or id(task) in has_children
            kind, code, title = self.kind_code_title(task, summary)
            start, end = self.dates(task, kind, moved)
            percent = f.get("PercentComplete")
            progress = int(max(0, min(100, round(_number(percent))))) if percent else 0
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
                "actual_start": _iso(_day(actual_start)) if actual_start else None,
                "actual_finish": _iso(_day(actual_finish)) if actual_finish else None,
            }
        if not self.ours:  # a summary task without dates spans its children (Uppdrag's own are as planned)
            for task, parent in reversed(list(zip(tasks, parents, strict=True))):
                if parent is not None:
                    _widen(parent.item, task.item)
            for t in tasks:
                t.item.pop("_own_dates", None)
        if moved:
            self.note(f"{len(moved)} poster hade flyttats utanför sin ungefärliga period och fick exakta datum: "
                      f"{_shown(moved)}.")
        return [t.item for t in tasks]

    def kind_code_title(self, task: _Task, summary: bool) -> tuple[str, str, str]:
        name = task.name
        kept_kind = _KIND_OF_LABEL.get(task.texts.get("kind", "").strip().lower())
        if kept_kind is not None:
            code = task.texts.get("code", "").strip()
            title = name[len(code):].strip() if code and name.startswith(code + " ") else name
            return kept_kind, code, title
        gate = GATE.match(name)
        milestone = task.fields.get("Milestone") == "1" or (
            _duration_minutes(task.fields.get("Duration")) == 0 and not summary)
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

    def dates(self, task: _Task, kind: str, moved: list[str]) -> tuple[str | None, str | None]:
        """The item's start and end: a kept vague date while the task still lies in its period, else its days."""
        first, last = _day(task.fields.get("Start")), _day(task.fields.get("Finish"))
        if first is not None and last is not None and last < first:
            last = first
        marker = kind in ("decision_point", "milestone")
        if not self.ours:
            return (_exact(last or first), None) if marker else (_exact(first), _exact(last))
        ks, ke = _kept(task.texts.get("start")), _kept(task.texts.get("end"))
        if first is None and last is None:
            return ks and ks[2], ke and ke[2]
        if marker:
            kept = ks or ke
            if kept is not None and first is not None and kept[0] <= first <= kept[1]:
                return (kept[2], None) if ks is not None else (None, kept[2])
            if kept is not None:
                moved.append(task.name)
            return _exact(first), None
        if ks is None and ke is None:  # dated in MS Project after the export
            return _exact(first), _exact(last)
        start = ks[2] if ks is not None and first is not None and ks[0] <= first <= ks[1] else None
        end = ke[2] if ke is not None and last is not None and ke[0] <= last <= ke[1] else None
        if (ks is not None and start is None) or (ke is not None and end is None):
            moved.append(task.name)
            start = start or (_exact(first) if ks is not None else None)
            end = end or (_exact(last) if ke is not None else None)
        if ke is None and ks is not None and last is not None and last > ks[1]:
            end = _exact(last)  # lengthened in MS Project beyond its start's period
            moved.append(task.name)
        if ks is None and ke is not None and first is not None and first < ke[0]:
            start = _exact(first)
            moved.append(task.name)
        return start, end

    def dependencies(self, tasks: list[_Task]) -> int:
        by_uid = {t.uid: t for t in tasks}
        cut = len(self.ns)
        skipped: list[str] = []
        rounded: list[str] = []
        count = 0
        for task in tasks:
            seen: set[str] = set()
            for link in task.links:
                f = _simple(link, cut)
                pred = by_uid.get(f.get("PredecessorUID", "").strip())
                link_type = int(_number(f.get("Type"), 1))
                why = ("till en uppgift som inte finns i filen" if f.get("CrossProject") == "1" or pred is None
                       else "till sig själv" if pred is task
                       else "start till slut, som Uppdrag inte har" if link_type not in LINK_KIND
                       else "samma beroende två gånger" if pred.item["uuid"] in seen else "")
                if why:
                    skipped.append(f"”{pred.name if pred else '?'}” → ”{task.name}” ({why})")
                    continue
                assert pred is not None
                seen.add(pred.item["uuid"])
                lag, unit, exact = self.lag(f)
                if not exact:
                    rounded.append(f"”{pred.name}” → ”{task.name}”")
                entry: str | dict[str, Any] = pred.item["uuid"]
                kind = LINK_KIND[link_type]
                if (kind, lag) != ("FS", 0):
                    entry = {"item": pred.item["uuid"], "kind": kind, "lag": lag, "lag_unit": unit}
                task.item["depends_on"].append(entry)
                count += 1
        if skipped:
            self.note(f"{len(skipped)} beroenden kunde inte hållas och lästes inte in: " + "; ".join(skipped[:MAX_SHOWN])
                      + (f" och {len(skipped) - MAX_SHOWN} till." if len(skipped) > MAX_SHOWN else "."))
        if rounded:
            self.note(f"{len(rounded)} beroenden hade en fördröjning som inte är hela arbetsdagar eller veckor "
                      f"(eller i procent eller kalenderdagar); den avrundades till arbetsdagar: {'; '.join(rounded[:MAX_SHOWN])}.")
        return count

    def lag(self, f: dict[str, str]) -> tuple[int, str, bool]:
        tenths = _number(f.get("LinkLag"))
        fmt = int(_number(f.get("LagFormat"), 7))
        if not tenths:
            return 0, "day", True
        if fmt in _PERCENT_FORMATS:
            return 0, "day", False
        minutes = tenths / 10
        elapsed = fmt in _ELAPSED_FORMATS
        if fmt in _WEEK_FORMATS:
            weeks = minutes / (7 * 24 * 60) if elapsed else minutes / self.minutes_per_week
            if weeks == int(weeks) and abs(weeks) <= 999:
                return int(weeks), "week", not elapsed
        days = minutes / (24 * 60) if elapsed else minutes / self.minutes_per_day
        whole = max(-999, min(999, round(days)))
        return whole, "day", whole == days and not elapsed

    # --- resources and assignments ---

    def people(self, tasks: list[_Task]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
        ns = self.ns
        people: dict[str, dict[str, Any]] = {}
        lines: list[dict[str, Any]] = []
        person_of_uid: dict[str, str | None] = {}
        not_people: list[str] = []
        nameless = 0
        line_of_uid: dict[str, list[dict[str, Any]]] = {}
        for element in self.root.iterfind(f"{ns}Resources/{ns}Resource"):
            f, _, extended = _fields(element, ns)
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
            guid = _uuid_of(f.get("GUID"))
            kept = next((v for fid, v in extended if fid == str(RESOURCE_FIELD[1])), "") if self.ours else ""
            # A generic resource (a competence, a network, "lokaler") is a resource plan row without a person.
            person = None if f.get("IsGeneric") == "1" else self.person(guid, name, f.get("EmailAddress", ""))
            if person is not None:
                people[person["uuid"]] = person
            person_of_uid[uid] = person["uuid"] if person else None
            if kept == ROLE_RESPONSIBLE_ONLY:
                continue  # a person Uppdrag exported for an item's responsibility alone
            rows = self.resource_lines(element, f, uid, guid if person is None else None, person,
                                       "" if kept == ROLE_NAMELESS else name)
            line_of_uid[uid] = rows
            lines.extend(rows)
        if not_people:
            self.note(f"{len(not_people)} material- eller kostnadsresurser kan inte hållas (Uppdrags resursplan har "
                      f"bara personer och kompetenser) och lästes inte in: {_shown(not_people)}.")
        if nameless:
            self.note(f"{nameless} resurser utan namn lästes inte in.")
        assignments = self.assignments(tasks, person_of_uid, line_of_uid)
        return list(people.values()), lines, assignments

    def person(self, guid: str | None, name: str, email: str) -> dict[str, Any]:
        if guid is not None and guid in self.register.by_uuid:
            return self.register.by_uuid[guid]
        same = self.register.by_name.get(name.casefold(), [])
        if len(same) == 1:
            return same[0]
        return {"uuid": guid or self.stable_uuid("resource", name), "name": name, "title": "", "unit": "",
                "organisation": "", "email": email.strip(), "phone": "", "notes": ""}

    def resource_lines(self, element: Any, f: dict[str, str], uid: str, line_uuid: str | None,
                       person: dict[str, Any] | None, name: str) -> list[dict[str, Any]]:
        ns = self.ns
        competence = f.get("Group", "")
        note = f.get("Notes", "").replace("\r\n", "\n")
        max_units = f.get("MaxUnits")
        periods = []
        for p in element.iterfind(f"{ns}AvailabilityPeriods/{ns}AvailabilityPeriod"):
            pf = _simple(p, len(ns))
            periods.append((_day(pf.get("AvailableFrom")), _day(pf.get("AvailableTo")),
                            pf.get("AvailableUnits")))
        if not periods:
            periods = [(None, None, max_units)]
        rows = []
        for i, (frm, to, units) in enumerate(periods):
            if frm is not None and frm.year < 1985 or to is not None and to.year > 2145:
                frm, to = (None if frm and frm.year < 1985 else frm), (None if to and to.year > 2145 else to)
            allocation = None if units in (None, "") else round(_number(units) * 100)
            if allocation is not None and not 0 <= allocation <= 100:
                self.note(f"{name}: {allocation} % av tjänst går inte att hålla (0–100 %); raden fick 100 %.")
                allocation = max(0, min(100, allocation))
            rows.append({
                "uuid": line_uuid if line_uuid and i == 0 else self.stable_uuid("line", uid, str(i)),
                "competence": competence, "person": person["uuid"] if person else None,
                "name": "" if person or name == competence else name,
                "allocation": allocation, "start": _iso(frm), "end": _iso(to), "note": note if i == 0 else "",
            })
        return rows

    def assignments(self, tasks: list[_Task], person_of_uid: dict[str, str | None],
                    line_of_uid: dict[str, list[dict[str, Any]]]) -> int:
        ns = self.ns
        cut = len(ns)
        by_uid = {t.uid: t for t in tasks}
        extra: list[str] = []
        lost: list[str] = []
        spans: dict[str, list[date]] = {}
        units: dict[str, float] = {}
        count = 0
        for element in self.root.iterfind(f"{ns}Assignments/{ns}Assignment"):
            f = _simple(element, cut)
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
            if self.ours:
                continue  # its resource plan is as Uppdrag wrote it (below: a file from elsewhere)
            for key in ("Start", "Finish"):
                day = _day(f.get(key) or task.item.get("start") or task.fields.get(key))
                if day is not None:
                    spans.setdefault(ruid, []).append(day)
            if f.get("Units"):
                units[ruid] = max(units.get(ruid, 0.0), _number(f.get("Units")))
        if not self.ours:  # a resource plan row spans the work its resource is assigned, at its units
            for ruid, rows in line_of_uid.items():
                for row in rows if len(rows) == 1 else ():
                    if ruid in spans and row["start"] is None and row["end"] is None:
                        row["start"], row["end"] = _iso(min(spans[ruid])), _iso(max(spans[ruid]))
                    if ruid in units:
                        row["allocation"] = max(0, min(100, round(units[ruid] * 100)))
        if extra:
            self.note(f"{len(extra)} uppgifter hade flera resurser; den första blev ansvarig och alla finns i "
                      f"resursplanen: {_shown(extra)}.")
        if lost:
            self.note(f"{len(lost)} tilldelningar till resurser som inte kunde läsas in lästes inte in: {_shown(lost)}.")
        return count


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


def _exact(day: date | None) -> str | None:
    if day is None or not 1900 <= day.year <= 2200:
        return None
    return day.isoformat()


def _iso(day: date | None) -> str | None:
    return _exact(day)


# --- The plan ----------------------------------------------------------------------------------


def read_mspdi(path: Path, register: Register | None = None,
               existing: Callable[[str], dict[str, Any] | None] | None = None) -> MspdiImport:
    """The plan in an MSPDI file as a checked plan dict with its summary; PlanFileError in Swedish.

    `register` holds the people already in the file; `existing(uuid)` gives the plan with the file's
    project GUID as it stands, if there is one (its timeline and resource plan are replaced, the rest
    kept)."""
    from app.planfile.read import check_plan_dict

    root = parse_xml(path)
    reader = _Reader(path, root, register or Register())
    current = existing(reader.plan_uuid) if existing is not None else None
    tasks = reader.tasks()
    timeline = reader.items(tasks)
    links = reader.dependencies(tasks)
    people, lines, assignments = reader.people(tasks)
    title = " ".join((reader.project.get("Title") or "").split()) or " ".join(
        (reader.project.get("Name") or "").split()) or path.stem
    if title.lower().endswith(".xml"):
        title = title[:-4]
    if current is not None:
        data_ = _update(current, timeline, people, lines, reader)
    else:
        data_ = _new_plan(reader, title, timeline, people, lines)
    check_plan_dict(data_)
    counts = {k: sum(1 for t in timeline if t["kind"] == k) for k in TIMELINE_KINDS}
    summary = [
        f"Läste {len(timeline)} uppgifter ur ”{path.name}”: {counts['phase']} faser, {counts['decision_point']} "
        f"beslutspunkter, {counts['milestone']} milstolpar och {counts['activity']} aktiviteter; {links} beroenden; "
        f"{len(people)} personer, {len(lines)} rader i resursplanen och {assignments} tilldelningar.",
    ]
    if not reader.ours:
        summary.append("Projektkalendern lästes inte in: Uppdrag räknar med svenska arbetsdagar och filens "
                       "egna stängda dagar.")
    summary += reader.remarks
    return MspdiImport(data_, summary, updates=current is not None)


def _new_plan(reader: _Reader, title: str, timeline: list[dict[str, Any]], people: list[dict[str, Any]],
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
        "sections": [{"uuid": reader.stable_uuid("section", s.key, str(i)), "key": s.key, "heading": s.heading,
                      "level": s.level, "numbered": s.numbered, "content": s.content, "body": "", "body_after": "",
                      "guidance": s.guidance, "optional": s.optional, "empty_text": s.empty_text}
                     for i, s in enumerate(template.sections)],
        "goals": [], "timeline": timeline,
        "organisation": {"people": people, "roles": [], "closed_days": []},
        "resources": lines, "budget": [], "risks": [], "log": [], "status_reports": [], "terms": [],
        "references": [],
        "decision": {"date": None, "text": template.decision_text, "choice": "", "comment": "",
                     "signature_title": template.signature_title, "signature_name": "", "signature_date": None},
        "editions": [],
    }


def _update(existing: dict[str, Any], timeline: list[dict[str, Any]], people: list[dict[str, Any]],
            lines: list[dict[str, Any]], reader: _Reader) -> dict[str, Any]:
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
        reader.note(f"{len(unlinked)} beslut i loggen gällde beslutspunkter som inte finns i filen; de ligger kvar "
                    "i loggen utan beslutspunkt.")
    reader.note(f"Planen ”{existing['title']}” fanns redan i filen: dess tidplan och resursplan ersattes, "
                "resten av planen är orörd.")
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
