"""Optimistic concurrency on a team server: an edit never overwrites a change it has not seen.

The workspace notes the version of every row it hands out (`seen`). An update then checks,
inside its transaction and with the row locked (SELECT … FOR UPDATE), that the row is still
that version. If someone else has made a newer one, the fields being written are compared with
the version that was read (its content is in the row history): a field the other person changed
too is a conflict, and nothing is written; the user is shown both values and chooses by writing
again (the window shows the newer state by then). Fields only the other person changed are left
as they are and the edit goes through.

A file has one writer behind its lock, so only server workspaces check.
"""

from __future__ import annotations

from typing import Any

from app import kinds, rows
from app.merge import _label, _short, field_label  # as a merge conflict names a row, field and value
from db import history
from db.errors import StoreError


class EditConflict(StoreError):
    """Someone else changed the same field since this window read it; nothing was written."""

    def __init__(self, label: str, fields: dict[str, tuple[Any, Any]], who: str):
        said = "; ".join(f"{field_label(n)}: ditt värde ”{_short(m)}”, det sparade ”{_short(t)}”"
                         for n, (m, t) in fields.items())
        by = f" av {who}" if who else ""
        super().__init__(f"{label} ändrades{by} på servern medan du skrev ({said}). Inget skrevs över; "
                         "skriv in ditt värde igen om det ska gälla.")
        self.fields = fields


class Seen:
    """Row versions a workspace has handed out: (kind, id) -> version id."""

    def __init__(self) -> None:
        self.versions: dict[tuple[str, int], str] = {}

    def note(self, kind: str, row: Any) -> None:
        version = getattr(row, "version_id", None)
        if version:
            self.versions[(kind, row.id)] = version

    def check(self, db: Any, k: kinds.Kind, row_id: int, values: dict[str, Any]) -> None:
        """Inside the write transaction: raise EditConflict if another client changed any of
        `values`' fields since this workspace read the row."""
        expected = self.versions.get((k.name, row_id))
        if expected is None:
            return
        m = k.model
        fresh = m.select().where(m.id == row_id).for_update().get_or_none()
        if fresh is None or fresh.version_id == expected:
            return
        shape = history.shape_of(m._meta.table_name)
        now = history.read_states(db, shape, ids=[row_id])[0].values
        base_record = next((r for r in history.read_records(db, [fresh.uuid]).get(fresh.uuid, [])
                            if r.version == expected), None)
        base = base_record.values() if base_record else None
        theirs = rows.to_plain(k, fresh)
        clash = {}
        for name, mine in values.items():
            column = m._meta.fields[name].column_name
            if base is None or base.get(column) != now.get(column):
                if theirs[name] != mine:
                    clash[name] = (mine, theirs[name])
        if clash:
            latest = history.row_history(db, fresh.uuid)
            raise EditConflict(f"{k.label.capitalize()} ”{_label(theirs)}”", clash, latest[-1].who if latest else "")
        self.versions[(k.name, row_id)] = fresh.version_id  # only other fields changed: go ahead

    def after_write(self, k: kinds.Kind, row_id: int) -> None:
        m = k.model
        row = m.select(m.id, m.version_id).where(m.id == row_id).get_or_none()
        if row is not None:
            self.note(k.name, row)
