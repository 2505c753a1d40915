"""What changed in a plan between two states (two editions, or an edition and today), part by part.

Works on the plan file's dicts (app.planfile.write.plan_to_dict, an edition's snapshot), so it
needs no database: rows are matched by uuid across every part — metadata, sections (with the
words that changed), goals, timeline items (added, removed, moved dates), roles and people,
resources, budget, risks (with their scores), log, status reports, terms, references and the
decision. The result is a list of `Difference`s that the GUI, the command line (`uppdrag diff`)
and the Word appendix ("Ändringar sedan utgåva X") all show in the same words: Swedish, or the
window's language (the appendix, part of the document, is made in Swedish: app.exporters).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from app import kinds
from app.i18n import label, tr
from app.date_text import from_canonical

# Parts in the order a plan document shows them: (key in the plan dict, Swedish heading).
PARTS: tuple[tuple[str, str], ...] = (
    ("metadata", "Uppgifter om dokumentet"),
    ("sections", "Avsnitt"),
    ("goals", "Mål"),
    ("timeline", "Tidplan"),
    ("roles", "Roller"),
    ("people", "Personer"),
    ("resources", "Resurser"),
    ("budget", "Budget"),
    ("risks", "Risker"),
    ("log", "Ärende- och beslutslogg"),
    ("status_reports", "Statusrapporter"),
    ("terms", "Definitioner och förkortningar"),
    ("references", "Referenser"),
    ("decision", "Beslut"),
)
PART_LABELS = dict(PARTS)
ACTIONS = {"added": "Tillagd", "removed": "Borttagen", "changed": "Ändrad", "moved": "Flyttad"}
# Metadata that changes by itself (freezing sets the edition; every edit the time) is not news.
QUIET = frozenset({"created_at", "modified_at", "uuid", "history", "checklist", "position"})
DATE_FIELDS = frozenset({"start", "end", "due", "document_date", "date", "signature_date"})
TEXT_FIELDS = frozenset({"body", "body_after", "text", "description", "measure", "comment", "mitigation",
                         "cause", "consequence", "explanation", "note", "guidance"})
EXTRA_LABELS = {"depends_on": "beroenden", "choice": "beslut", "signature_title": "underskrift, titel",
                "signature_name": "underskrift, namn", "signature_date": "underskrift, datum",
                "template": "mall", "programme": "programrad", "assignment": "uppdrag", "document_date": "datum",
                "version": "version", "steering_model": "styrmodell", "person": "person", "parent": "överordnad",
                "score": "riskvärde", "sum_rule": "summering", "trend": "trend", "number": "nummer",
                "url": "adress", "level": "nivå", "numbered": "numrerad", "content": "tabell", "key": "nyckel",
                "optional": "valfritt", "empty_text": "text när avsnittet är tomt", "item": "beslutspunkt",
                "outcome": "utfall", "date": "datum", "responsible_person": "ansvarig person"}
CODED: dict[str, dict[str, str]] = {
    "status": {**kinds.DOC_STATUSES, **kinds.TIMELINE_STATUSES, **kinds.RISK_STATUSES, **kinds.REPORT_STATUSES},
    "choice": kinds.DECISION_CHOICES,
    "outcome": kinds.DECISION_OUTCOMES,
    "trend": kinds.RISK_TRENDS,
    "sum_rule": kinds.BUDGET_SUM_RULES,
}
KIND_LABELS: dict[str, dict[str, str]] = {
    "goals": kinds.GOAL_KINDS, "timeline": kinds.TIMELINE_KINDS, "roles": kinds.ROLE_KINDS,
    "budget": kinds.BUDGET_KINDS, "log": kinds.LOG_KINDS,
}


@dataclass
class Difference:
    part: str  # key of PARTS
    action: str  # added | removed | changed | moved
    item: str  # what the row is called ("MS1 Förstudie klar", "2. Bakgrund")
    details: list[str] = field(default_factory=list)  # "titel: ”A” → ”B”", one per field

    @property
    def part_label(self) -> str:
        return label(PART_LABELS.get(self.part, self.part))

    def line(self) -> str:
        action = label(ACTIONS[self.action])
        head = f"{action}: {self.item}" if self.item else action
        return head + (f" ({'; '.join(self.details)})" if self.details else "")

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "part_label": self.part_label, "action_label": label(ACTIONS[self.action])}


def field_label(name: str) -> str:
    return label(kinds.FIELD_LABELS.get(name) or EXTRA_LABELS.get(name, name))


def _date(value: Any) -> str:
    if not value:
        return tr("inget datum")
    try:
        return from_canonical(str(value)).shown("long")
    except ValueError:
        return str(value)


def show(name: str, value: Any, people: dict[str, str]) -> str:
    """A value as a reader sees it: coded values by their Swedish names, dates in words, people by name."""
    if name in DATE_FIELDS:
        return _date(value)
    if value is None or value == "" or value == []:
        return tr("(tomt)")
    if name in CODED:
        return label(CODED[name].get(str(value), str(value)))
    if name in ("person", "responsible_person"):
        return people.get(str(value), tr("(okänd person)"))
    if isinstance(value, bool):
        return tr("ja") if value else tr("nej")
    if isinstance(value, int):
        if name == "amount":
            return f"{value:,} kr".replace(",", "\u00a0")
        return f"{value} %" if name in ("allocation", "progress") else str(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return f"”{value}”"


_WORDS = re.compile(r"\S+")


def word_diff(old: str, new: str, *, context: int = 3) -> str:
    """The words that changed, with a few around them: "… tar [−bort] [+med] allt …"."""
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            words = a[i1:i2]
            if len(words) > 2 * context:
                head = words[:context] if out else []
                tail = words[-context:] if i2 < len(a) else []
                out += [*head, "…", *tail]
            else:
                out += words
            continue
        if i2 > i1:
            out.append("[−" + " ".join(a[i1:i2]) + "]")
        if j2 > j1:
            out.append("[+" + " ".join(b[j1:j2]) + "]")
    return " ".join(out)


def _item_name(part: str, row: dict[str, Any], people: dict[str, str]) -> str:
    kind = label(KIND_LABELS.get(part, {}).get(str(row.get("kind", "")), ""))
    if part == "sections":
        return str(row.get("heading", ""))
    if part == "people":
        return str(row.get("name", ""))
    if part in ("roles", "resources"):
        who = people.get(str(row.get("person") or ""), "") or str(row.get("name", ""))
        what = kind or str(row.get("competence", ""))
        return ", ".join(p for p in (what, who) if p)
    if part == "status_reports":
        return f"{row.get('date', '')} {label(CODED['status'].get(str(row.get('status')), ''))}".strip()
    name = next((str(row[k]) for k in ("title", "term", "description", "text") if row.get(k)), "")
    if part == "timeline" and row.get("code"):
        name = f"{row['code']} {name}".strip()
    if len(name) > 80:
        name = name[:77] + "…"
    return f"{kind} {name}".strip() if kind and part != "timeline" else (f"{kind}: {name}" if kind else name)


def _score(row: dict[str, Any]) -> int | None:
    p, i = row.get("probability"), row.get("impact")
    return p * i if isinstance(p, int) and isinstance(i, int) else None


def _field_changes(part: str, old: dict[str, Any], new: dict[str, Any], people: dict[str, str]) -> list[str]:
    out = []
    for name in [*new, *(k for k in old if k not in new)]:
        if name in QUIET or old.get(name) == new.get(name):
            continue
        if name == "edition" and part == "metadata":
            continue  # freezing sets it; the comparison's own labels say which editions these are
        a, b = old.get(name), new.get(name)
        if name in TEXT_FIELDS or (isinstance(a, str) and isinstance(b, str) and max(len(a), len(b)) > 120):
            out.append(f"{field_label(name)}: {word_diff(str(a or ''), str(b or ''))}")
        else:
            out.append(f"{field_label(name)}: {show(name, a, people)} → {show(name, b, people)}")
    if part == "risks" and _score(old) != _score(new):
        out.append(f"{field_label('score')}: {_score(old) or '–'} → {_score(new) or '–'}")
    return out


def _rows(plan: dict[str, Any], part: str) -> list[dict[str, Any]]:
    if part == "roles":
        return list(plan.get("organisation", {}).get("roles", []))
    if part == "people":
        return list(plan.get("organisation", {}).get("people", []))
    value = plan.get(part, [])
    return list(value) if isinstance(value, list) else []


def _people(*plans: dict[str, Any]) -> dict[str, str]:
    return {p["uuid"]: p.get("name", "") for plan in plans for p in _rows(plan, "people")}


def diff_plans(old: dict[str, Any], new: dict[str, Any]) -> list[Difference]:
    """Every difference from `old` to `new` (plan file dicts), in the order of PARTS."""
    people = _people(old, new)
    out: list[Difference] = []
    for part, _label in PARTS:
        if part in ("metadata", "decision"):
            a = {"title": old.get("title"), **old.get(part, {})} if part == "metadata" else old.get(part, {})
            b = {"title": new.get("title"), **new.get(part, {})} if part == "metadata" else new.get(part, {})
            details = _field_changes(part, a or {}, b or {}, people)
            if details:
                out += [Difference(part, "changed", "", [d]) for d in details]
            continue
        before = {r["uuid"]: r for r in _rows(old, part) if "uuid" in r}
        after = _rows(new, part)
        for row in after:
            was = before.get(row.get("uuid", ""))
            if was is None:
                out.append(Difference(part, "added", _item_name(part, row, people)))
                continue
            details = _field_changes(part, was, row, people)
            if details:
                moved = part == "timeline" and {n for n in {*was, *row} if n not in QUIET
                                                 and was.get(n) != row.get(n)} <= {"start", "end"}
                out.append(Difference(part, "moved" if moved else "changed", _item_name(part, row, people),
                                      details))
        gone = {r.get("uuid") for r in after}
        out += [Difference(part, "removed", _item_name(part, r, people)) for u, r in before.items() if u not in gone]
    return out


def grouped(diffs: list[Difference]) -> list[tuple[str, list[Difference]]]:
    """(part heading, its differences) in the order of PARTS, parts without differences left out."""
    return [(label(heading), [d for d in diffs if d.part == part]) for part, heading in PARTS
            if any(d.part == part for d in diffs)]


def text_lines(diffs: list[Difference], *, old_label: str, new_label: str) -> list[str]:
    """The readable list: a heading per part and a line per difference."""
    head = (tr("Ändringar från utgåva {old} till i dag", old=old_label) if new_label == "nu" else
            tr("Ändringar från utgåva {old} till utgåva {new}", old=old_label, new=new_label))
    if not diffs:
        return [head, tr("Inga ändringar.")]
    out = [head]
    for heading, items in grouped(diffs):
        out.append("")
        out.append(heading)
        out += [f"- {d.line()}" for d in items]
    return out


