"""Optimistic concurrency on a team server: an edit never overwrites a change it has not seen.

The workspace notes the version of every row it hands out (`seen`), and the row as it read it.
An edit of a row still at that version is one statement on the server and one round trip
(db.history.update_if_current: written only if the row is still at that version, the row
locked only while the server runs it, never while a client thinks); the edit is checked against
the row as noted, with no read of its own. If someone else has made a newer version meanwhile,
that statement writes nothing and answers with the row as stored and the records of both
versions (read by the same statement, so a refusal costs no second round trip; read again only
when the row moved on while the statement ran), the edit is validated again against it, and the
fields being written are compared with the version that was read (its content is in the row
history). A field the other person changed too is a conflict, and nothing is written; the user
is shown both values, who made the other one and when, and chooses (`EditConflict` carries what
the window's conflict dialog shows). A row someone else has deleted since it was read is such a
conflict too, as a merge calls a deletion against an edit one: the edit is not written into the
deleted row, and the user chooses between the edit (the row brought back) and the deletion.
Fields only the other person changed are left as they are and the edit goes through, over the
stored version; should that move on again meanwhile, the check is made once more inside a
transaction with the row locked (SELECT … FOR UPDATE).

A file has one writer behind its lock, so only server workspaces check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app import kinds, rows
from app.i18n import label as label_of
from app.i18n import tr
from app.merge import DELETED, Conflict, _label, _short, field_label  # as a merge conflict names a row, field and value
from db import history
from db import rows as db_rows
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
        self.kind, self.row_id, self.uuid, self.label = k.name, row["id"], row.get("uuid") or "", _label(row)
        self.fields, self.who, self.at, self.version, self.mine_by = fields, who, at, version, mine_by
        part = label_of(k.label).capitalize()
        if self.deleted:
            message = _deletion_text(part, self.label, who)
        elif self.deleting:
            message = _changed_text(part, self.label, who)
        else:
            message = _clash_text(part, self.label, who, fields)
        super().__init__(message)

    @property
    def deleted(self) -> bool:
        """Whether someone else deleted the row: writing the edit brings it back."""
        return any(f.name == DELETED and f.theirs is not None for f in self.fields)

    @property
    def deleting(self) -> bool:
        """Whether this is a deletion of a row someone else has changed: deleting it anyway drops
        their change from view (the tombstone keeps it)."""
        return any(f.name == DELETED and f.mine is not None for f in self.fields)

    def kept(self, values: dict[str, Any], chosen: Mapping[str, str]) -> dict[str, Any]:
        """What of the edit's `values` to write once the user has chosen (`chosen`: Conflict.key ->
        "mine" or "theirs"): the fields in no conflict and those where the user keeps their own;
        nothing while a deletion stands."""
        side = {c.field: chosen.get(c.key) for c in self.conflicts}  # (a field in no conflict: not there)
        if self.deleted and side[DELETED] != "mine":
            return {}
        return {n: v for n, v in values.items() if side.get(n, "mine") == "mine"}

    @property
    def conflicts(self) -> list[Conflict]:
        """The clash as merge conflicts (one a field, the deletion one of its own), for the conflict
        dialog the merge uses too."""
        return [Conflict(kinds.kind(self.kind).model._meta.table_name, self.uuid, f.name, None, self.label,
                         _shown(f.mine), _shown(f.theirs), self.mine_by, "", self.who, self.at,
                         delete_vs_edit=f.name == DELETED, outcome="theirs")
                for f in self.fields]


def _clash_text(part: str, name: str, who: str, fields: list[EditedField]) -> str:
    said = "; ".join(tr("{field}: ditt värde ”{mine}”, det sparade ”{theirs}”", field=label_of(field_label(f.name)),
                        mine=_short(_shown(f.mine)), theirs=_short(_shown(f.theirs))) for f in fields)
    if who:
        return tr("{part} ”{name}” ändrades av {who} på servern medan du skrev ({said}). Inget skrevs över; "
                  "välj vilket värde som ska gälla.", part=part, name=name, who=who, said=said)
    return tr("{part} ”{name}” ändrades på servern medan du skrev ({said}). Inget skrevs över; "
              "välj vilket värde som ska gälla.", part=part, name=name, said=said)


def _deletion_text(part: str, name: str, who: str) -> str:
    if who:
        return tr("{part} ”{name}” togs bort av {who} på servern medan du skrev. Inget skrevs; välj om din ändring "
                  "ska gälla (då tas det borttagna tillbaka) eller om borttagningen ska stå fast.",
                  part=part, name=name, who=who)
    return tr("{part} ”{name}” togs bort på servern medan du skrev. Inget skrevs; välj om din ändring ska gälla "
              "(då tas det borttagna tillbaka) eller om borttagningen ska stå fast.", part=part, name=name)


def _changed_text(part: str, name: str, who: str) -> str:
    if who:
        return tr("{part} ”{name}” har ändrats av {who} på servern efter att du läste in planen. Inget togs bort; "
                  "välj om borttagningen ska gälla ändå eller om ändringen ska finnas kvar.", part=part, name=name, who=who)
    return tr("{part} ”{name}” har ändrats på servern efter att du läste in planen. Inget togs bort; välj om "
              "borttagningen ska gälla ändå eller om ändringen ska finnas kvar.", part=part, name=name)


def _shown(value: Any) -> Any:
    """A value as a person reads it (a vague date in the window's language)."""
    if hasattr(value, "shown") and hasattr(value, "precision"):
        return value.shown("long")
    if isinstance(value, date):
        return value.isoformat()
    return value


class Seen:
    """Row versions a workspace has handed out: (kind, id) -> version id, and the row as it was read
    at that version, so that an edit of it needs no read of its own: the write checks the version."""

    def __init__(self) -> None:
        self.versions: dict[tuple[str, int], str] = {}
        self.rows: dict[tuple[str, int], Any] = {}

    def note(self, kind: str, row: Any) -> None:
        version = getattr(row, "version_id", None)
        if version:
            self.versions[(kind, row.id)] = version
            self.rows[(kind, row.id)] = row

    def note_versions(self, kind: str, versions: Mapping[int, str]) -> None:
        """Versions of rows a view shows from a read of its own (row id -> version): an edit of one is
        checked against that version, the row itself read when the edit is made."""
        self.versions.update(((kind, row_id), version) for row_id, version in versions.items())

    def row(self, kind: str, row_id: int) -> Any | None:
        """The row as this workspace read it, when that is the version it has seen; None: read it."""
        row = self.rows.get((kind, row_id))
        return row if row is not None and row.version_id == self.versions.get((kind, row_id)) else None

    def accept(self, conflict: EditConflict) -> None:
        """The user has seen the stored value of `conflict` and wants theirs written over it."""
        self.versions[(conflict.kind, conflict.row_id)] = conflict.version

    def check_alive(self, db: Any, k: kinds.Kind, row_id: int) -> None:
        """Raise EditConflict when someone else has deleted the row since this workspace saw it alive
        (what a change of the row's place among its siblings checks: its order is read as stored)."""
        base = self.versions.get((k.name, row_id))
        if base is None:
            return
        fresh, state, records = db_rows.with_records(db, k.model, row_id, [base])
        if fresh is not None and fresh.version_id != base:
            self._check(db, k, fresh, state, records, base, {})

    def write(self, store: Any, k: kinds.Kind, row: Any, prepare: Callable[[Any], rows.Edit],
              action: str = "edit") -> tuple[Any, rows.Edit]:
        """Write the edit `prepare` makes of `row` (as noted, or just read) over the version this
        workspace has seen, unless someone else changed one of its fields since then (EditConflict,
        nothing written); (the row as it was written over, the edit written). `action`: what the
        history says was done ("delete" and "restore" write `deleted_at`: a deletion is refused as
        well when someone else has changed the row since).

        The common case is one statement, which writes only while the row is still at that version.
        When it is not, the row is read as stored (with its history, one statement), the edit is
        prepared again on it (so validated against what is stored) and compared field by field."""
        key = (k.name, row.id)
        base = self.versions.get(key) or row.version_id
        edit = prepare(row)
        written = (store.write_version(k.model, row.id, base, edit.columns, read_back=True, action=action)
                   if row.version_id == base else None)
        if not isinstance(written, str):
            row, edit, written = self._over_newer(store, k, row.id, base, prepare, action, written)
        self.versions[key] = written
        self.rows[key] = _as_written(k, row, edit.columns, written)
        return row, edit

    def _over_newer(self, store: Any, k: kinds.Kind, row_id: int, base: str, prepare: Callable[[Any], rows.Edit],
                    action: str, stored: tuple[Any, Any, dict[str, Any]] | None = None) -> tuple[Any, rows.Edit, str]:
        """Someone else has made a newer version than `base`: refuse what clashes with it (no lock
        needed to refuse), else write over it; (the row written over, the edit, the new version).
        `stored`: the row as stored, its state and records, when the refused write read them already."""
        m = k.model
        fresh, edit = self._prepared(store.db, k, row_id, stored or db_rows.with_records(store.db, m, row_id, [base]),
                                     base, prepare)
        written = store.write_version(m, row_id, fresh.version_id, edit.columns, action=action)
        if written is None:  # changed again between the read and the write: check with the row locked
            with store.write():
                m.select(m.id).where(m.id == row_id).for_update().execute()
                fresh, edit = self._prepared(store.db, k, row_id, db_rows.with_records(store.db, m, row_id, [base]),
                                             base, prepare)
                written = history.update_rows(store.db, m, [row_id], edit.columns, action=action)[row_id]
        return fresh, edit, written

    def _prepared(self, db: Any, k: kinds.Kind, row_id: int, read: tuple[Any, Any, dict[str, Any]], base: str,
                  prepare: Callable[[Any], rows.Edit]) -> tuple[Any, rows.Edit]:
        """The row as stored and the edit `prepare` makes of it, unless that clashes with a change since
        `base` (EditConflict); `read`: the row, its state and records as db.rows.with_records reads them."""
        fresh, state, records = read
        if fresh is None:
            raise rows.not_found(k, row_id)
        edit = prepare(fresh)
        if fresh.version_id != base:
            self._check(db, k, fresh, state, records, base, edit.values)
        return fresh, edit

    def _check(self, db: Any, k: kinds.Kind, fresh: Any, state: Any, records: dict[str, Any], base: str,
               values: dict[str, Any]) -> None:
        """Raise EditConflict if any of `values`' fields differs between version `base` (what this
        workspace showed) and `fresh` (the row as stored now, `state` in the history's terms) and
        `values` wants it otherwise, if the row has been deleted since `base`, or if `values` delete
        the row and someone else has changed it since. `records`: the history's records of those
        two versions."""
        m = k.model
        now = state.values if state is not None else {}
        before = records[base].values() if base in records else None
        theirs = rows.to_plain(k, fresh)
        clash = _deletion_clash(values, before, now)
        for name, mine in values.items():
            if name == DELETED:
                continue
            names = (name, f"{name}_precision") if name in k.vague_fields else (name,)
            columns = [m._meta.fields[n].column_name for n in names]
            if (before is None or any(before.get(c) != now.get(c) for c in columns)) and theirs[name] != mine:
                clash.append(EditedField(name, mine, theirs[name]))
        if clash:
            latest = records.get(fresh.version_id)
            raise EditConflict(k, theirs, clash, latest.who if latest else "", latest.at if latest else "",
                               fresh.version_id, history.author_of(db))


def _deletion_clash(values: dict[str, Any], before: dict[str, Any] | None, now: dict[str, Any]) -> list[EditedField]:
    """A deletion against an edit, as a merge has it: `values` edit a row someone else has deleted
    since it was read (`before`: the row as it was then, None when the history no longer says; `now`:
    as stored), or `values` delete it after someone else has changed its content (a row moved among
    its siblings, only its position changed, is not). A restore is no conflict."""
    gone = now.get(DELETED) is not None
    if DELETED not in values:
        if gone and (before is None or before.get(DELETED) is None):
            return [EditedField(DELETED, None, now[DELETED])]  # (mine: the row as it was, alive)
        return []
    if values[DELETED] is not None and not gone and (
            before is None or any(before.get(c) != v for c, v in now.items() if c not in (DELETED, "position"))):
        return [EditedField(DELETED, values[DELETED], None)]  # (theirs: the row, alive and changed)
    return []


def _as_written(k: kinds.Kind, row: Any, columns: dict[str, Any], version: str) -> Any:
    """`row` with `columns` written to it as version `version`: what a read would give now (but
    for the time of the change, which no edit reads)."""
    fields = k.model._meta.fields
    data = row.__data__
    for name, value in columns.items():
        data[name] = fields[name].python_value(fields[name].db_value(value))
    data["version_id"], data["rev"] = version, (data.get("rev") or 0) + 1
    return row
