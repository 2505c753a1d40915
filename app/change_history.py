"""Who changed what, when: a plan's change history (and one row's) read from the row history.

Every change to a row made a version (db/history.py) with when, by whom and how (edit, delete,
import, merge, anonymise …), and the content the row had before it. Comparing each version with
its parent gives "what part, old → new". A merge's versions have two parents and are compared
with the first; each side's own versions stay in the file, so a merged file shows both sides'
history. Contents older than the history's horizon are forgotten (db.history_prune.prune): such a
change still shows when and by whom, without the values.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from app import kinds
from app.dates import Precision, VagueDate
from app.i18n import label, tr
from app.workspace import Workspace
from db import history, models

ACTIONS = {
    "create": "Skapad", "edit": "Ändrad", "delete": "Borttagen", "restore": "Återställd", "move": "Flyttad",
    "import": "Importerad", "merge": "Sammanslagen", "anonymise": "Personuppgifter borttagna", "sync": "Synkad",
}
SKIPPED = frozenset({"position", "plan_id", "snapshot", "checklist", "deleted_at"})
NAME_COLUMNS = ("heading", "title", "name", "term", "label", "description", "text", "competence", "code")


@dataclass
class HistoryEntry:
    at: str  # UTC, ISO
    who: str
    part: str  # the kind of row, in the current language ("tidplanspost")
    item: str  # what the row is called
    action: str  # in the current language
    changes: list[str] = field(default_factory=list)  # "titel: ”A” → ”B”"
    table: str = ""
    row_uuid: str = ""

    @property
    def local_time(self) -> str:
        from datetime import datetime

        try:
            when = datetime.fromisoformat(self.at.replace("Z", "+00:00"))
        except ValueError:
            return self.at
        return when.astimezone().strftime("%Y-%m-%d %H:%M")

    def line(self) -> str:
        what = f"{self.part.capitalize()} ”{self.item}”" if self.item else self.part.capitalize()
        tail = f": {'; '.join(self.changes)}" if self.changes else ""
        return f"{self.local_time}  {self.who or tr('okänd')}  {self.action}  {what}{tail}"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _show(column: str, value: Any, values: dict[str, Any]) -> str:
    precision = values.get(f"{column}_precision")
    if value in (None, ""):
        return tr("(tomt)")
    if precision and isinstance(value, str):
        try:
            return VagueDate(date.fromisoformat(value[:10]), Precision(precision)).shown("long")
        except ValueError:
            return value
    if column == "status":
        labels = {**kinds.DOC_STATUSES, **kinds.TIMELINE_STATUSES, **kinds.RISK_STATUSES, **kinds.REPORT_STATUSES}
        return label(labels.get(str(value), str(value)))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = " ".join(str(value).split())
    return f"”{text[:77]}…”" if len(text) > 80 else f"”{text}”"


def _changes(before: dict[str, Any] | None, after: dict[str, Any] | None, people: dict[str, str]) -> list[str]:
    if before is None or after is None:
        return []
    out = []
    for column, new in after.items():
        old = before.get(column)
        if column in SKIPPED or column.endswith("_precision") or old == new:
            continue
        if column.endswith("_id") and (old in people or new in people):  # a person, by name
            shown = [f"”{people[v]}”" if v in people else tr("(ingen)") for v in (old, new)]
        else:
            shown = [_show(column, old, before), _show(column, new, after)]
        out.append(f"{label(kinds.FIELD_LABELS.get(column, column))}: {shown[0]} → {shown[1]}")
    for column in ("position",):
        if before.get(column) != after.get(column) and len(out) == 0:
            out.append(tr("ordning ändrad"))
    return out


def _name(values: dict[str, Any] | None) -> str:
    if not values:
        return ""
    for column in NAME_COLUMNS:
        text = " ".join(str(values.get(column) or "").split())
        if text:
            return text if len(text) <= 60 else text[:57] + "…"
    return ""


def _contents(state: history.RowState, versions: dict[str, history.Record]) -> Any:
    """A function: a version id of this row -> its content (the row itself for its current version)."""

    def content(version: str | None) -> dict[str, Any] | None:
        if version is None:
            return None
        if version == state.version:
            return state.values
        record = versions.get(version)
        return None if record is None else record.values()

    return content


def _entries(ws: Workspace, table: str, states: list[history.RowState],
             people: dict[str, str]) -> list[HistoryEntry]:
    part = label(kinds.TABLE_LABELS.get(table, table))
    records = history.read_records(ws.store.db, [s.uuid for s in states])
    out: list[HistoryEntry] = []
    for state in states:
        versions = {r.version: r for r in records.get(state.uuid, [])}
        content = _contents(state, versions)
        name = _name(state.values)
        for record in sorted(versions.values(), key=lambda r: (r.at, r.rev)):
            if record.action == "create" or record.parent is None:
                out.append(HistoryEntry(record.at, record.who, part, name, label(ACTIONS["create"]), [], table,
                                        state.uuid))
                continue
            action = label(ACTIONS.get(record.action, record.action))
            out.append(HistoryEntry(record.at, record.who, part, name, action,
                                    _changes(content(record.parent), content(record.version), people),
                                    table, state.uuid))
        if state.version not in versions:  # never changed: its creation is the row itself
            out.append(HistoryEntry(state.created_at, "", part, name, label(ACTIONS["create"]), [], table, state.uuid))
    return out


def _people() -> dict[str, str]:
    rows: Any = models.Person.select(models.Person.uuid, models.Person.name).tuples()  # (uuid, name) pairs
    return {uuid: name for uuid, name in rows}


def plan_history(ws: Workspace, plan_id: int) -> list[HistoryEntry]:
    """Every change to the plan and its parts (deleted ones too), newest first."""
    people = _people()
    out = _entries(ws, "plan", history.read_states(ws.store.db, history.shape_of("plan"), ids=[plan_id]), people)
    for model in models.PLAN_PART_MODELS:
        rows: Any = model.select(model.id).where(model.plan == plan_id).tuples()  # (id,) each
        ids = [i for (i,) in rows]
        if ids:
            shape = history.shape_of(model._meta.table_name)
            out += _entries(ws, shape.name, history.read_states(ws.store.db, shape, ids=ids), people)
    return sorted(out, key=lambda e: e.at, reverse=True)


def row_history(ws: Workspace, kind_name: str, row_id: int) -> list[HistoryEntry]:
    """Every change to one row, newest first."""
    table = kinds.kind(kind_name).model._meta.table_name
    states = history.read_states(ws.store.db, history.shape_of(table), ids=[row_id])
    if not states:
        raise LookupError(tr("Hittar inte {part} (id {id}).", part=label(kinds.kind(kind_name).label), id=row_id))
    return sorted(_entries(ws, table, states, _people()), key=lambda e: e.at, reverse=True)


def as_json(entries: list[HistoryEntry]) -> str:
    return json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2)
