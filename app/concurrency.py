"""Optimistic concurrency on a team server: an edit never overwrites a change it has not seen.

The workspace notes the version of every row it hands out (`seen`). An edit of a row still at
that version is one statement on the server (db.history.update_if_current: the row is locked
only while the server runs it, never while a client thinks). If someone else has made a newer
version meanwhile, the edit takes the slow path: inside a transaction, with the row locked
(SELECT … FOR UPDATE), the fields being written are compared with the version that was read
(its content is in the row history). A field the other person changed too is a conflict, and
nothing is written; the user is shown both values, who made the other one and when, and
chooses (`EditConflict` carries what the window's conflict dialog shows). Fields only the
other person changed are left as they are and the edit goes through.

A file has one writer behind its lock, so only server workspaces check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app import kinds, rows
from app.i18n import label as label_of
from app.i18n import tr
from app.merge import Conflict, _label, _short, field_label  # as a merge conflict names a row, field and value
from db import history
from db.errors import StoreError


@dataclass(frozen=True)
class EditedField:
    """One field both this window and someone else changed: the values, and who made theirs when."""

    name: str
    mine: Any
    theirs: Any


class EditConflict(StoreError):
    """Someone else changed the same field since this window read it; nothing was written.

    `kind`, `row_id` and `fields` say what clashed; `who` and `at` who made the stored value and
    when; `version` is the version now stored, which a "keep mine" writes over (`Seen.accept`)."""

    def __init__(self, k: kinds.Kind, row: dict[str, Any], fields: list[EditedField], who: str, at: str,
                 version: str, mine_by: str = ""):
        part, name = label_of(k.label).capitalize(), _label(row)
        said = "; ".join(tr("{field}: ditt värde ”{mine}”, det sparade ”{theirs}”", field=label_of(field_label(f.name)),
                            mine=_short(_shown(f.mine)), theirs=_short(_shown(f.theirs))) for f in fields)
        if who:
            message = tr("{part} ”{name}” ändrades av {who} på servern medan du skrev ({said}). Inget skrevs över; "
                         "välj vilket värde som ska gälla.", part=part, name=name, who=who, said=said)
        else:
            message = tr("{part} ”{name}” ändrades på servern medan du skrev ({said}). Inget skrevs över; "
                         "välj vilket värde som ska gälla.", part=part, name=name, said=said)
        super().__init__(message)
        self.kind, self.row_id, self.uuid, self.label = k.name, row["id"], row.get("uuid") or "", _label(row)
        self.fields, self.who, self.at, self.version, self.mine_by = fields, who, at, version, mine_by

    @property
    def conflicts(self) -> list[Conflict]:
        """The clash as merge conflicts (one a field), for the conflict dialog the merge uses too."""
        return [Conflict(kinds.kind(self.kind).model._meta.table_name, self.uuid, f.name, None, self.label,
                         _shown(f.mine), _shown(f.theirs), self.mine_by, "", self.who, self.at, outcome="theirs")
                for f in self.fields]


def _shown(value: Any) -> Any:
    """A value as a person reads it (a vague date in the window's language)."""
    if hasattr(value, "shown") and hasattr(value, "precision"):
        return value.shown("long")
    if isinstance(value, date):
        return value.isoformat()
    return value


class Seen:
    """Row versions a workspace has handed out: (kind, id) -> version id."""

    def __init__(self) -> None:
        self.versions: dict[tuple[str, int], str] = {}

    def note(self, kind: str, row: Any) -> None:
        version = getattr(row, "version_id", None)
        if version:
            self.versions[(kind, row.id)] = version

    def accept(self, conflict: EditConflict) -> None:
        """The user has seen the stored value of `conflict` and wants theirs written over it."""
        self.versions[(conflict.kind, conflict.row_id)] = conflict.version

    def write(self, store: Any, k: kinds.Kind, row: Any, values: dict[str, Any], columns: dict[str, Any]) -> None:
        """Write `values` (as `columns`) to `row` (just read), unless someone else changed one of
        those fields since this workspace read it (EditConflict, nothing written)."""
        key = (k.name, row.id)
        base = self.versions.get(key) or row.version_id
        if base != row.version_id:  # changed since it was shown: compare before writing (no lock needed to refuse)
            self._check(store.db, k, row, base, values)
        written = store.write_version(k.model, row.id, row.version_id, columns)
        if written is None:  # changed again between the read and the write: check with the row locked
            with store.write():
                m = k.model
                fresh = m.select().where(m.id == row.id).for_update().get_or_none()
                if fresh is not None and fresh.version_id != base:
                    self._check(store.db, k, fresh, base, values)
                written = history.update_rows(store.db, m, [row.id], columns)[row.id]
        self.versions[key] = written

    def _check(self, db: Any, k: kinds.Kind, fresh: Any, base: str, values: dict[str, Any]) -> None:
        """Raise EditConflict if any of `values`' fields differs between version `base` (what this
        workspace showed) and `fresh` (the row as stored now) and `values` wants it otherwise."""
        m = k.model
        shape = history.shape_of(m._meta.table_name)
        state, records = history.state_and_records(db, shape, fresh.id, [base, fresh.version_id])
        now = state.values if state is not None else {}
        before = records[base].values() if base in records else None
        theirs = rows.to_plain(k, fresh)
        clash = []
        for name, mine in values.items():
            names = (name, f"{name}_precision") if name in k.vague_fields else (name,)
            columns = [m._meta.fields[n].column_name for n in names]
            if (before is None or any(before.get(c) != now.get(c) for c in columns)) and theirs[name] != mine:
                clash.append(EditedField(name, mine, theirs[name]))
        if clash:
            latest = records.get(fresh.version_id)
            raise EditConflict(k, theirs, clash, latest.who if latest else "", latest.at if latest else "",
                               fresh.version_id, history.author_of(db))
