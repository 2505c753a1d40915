"""The services on one open file: read, add, edit, delete and reorder every part of a plan.

The command line and the GUI both go through a Workspace. Every call that
changes something is one committed transaction and returns a `Change` that
says what changed and carries what an undo needs (the old values, the new id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import kinds, rows
from app.setting_keys import DEFAULT_RISK_SCALE, RISK_SCALE_KEY
from db import history, models
from db import rows as db_rows
from db.settings import read_setting, write_setting
from db.store import Store, create_store, open_store

if TYPE_CHECKING:
    from db.lock import FileLock, LockInfo

DATES_CAPITALISED_KEY = "dates_capitalised"  # Setting: bool, default true


@dataclass(frozen=True)
class Change:
    kind: str
    action: str  # added | updated | deleted | restored | moved
    ids: tuple[int, ...]
    plan_id: int | None
    old: dict[str, Any] = field(default_factory=dict)  # previous values of the changed fields
    old_index: int | None = None  # for moves


@dataclass
class SharingState:
    """How an open file is shared: our lock, the other holder, a network folder, why it is read-only
    (filled in by app.sharing.open_for_editing; the window shows it in the status bar and title)."""

    lock: FileLock | None
    holder: LockInfo | None  # someone else's lock when we opened read-only because of it
    network: bool
    read_only_reason: str | None
    netfile: Any = None  # app.network_file.NetworkFile when the file is on a share
    origin: Path | None = None  # the file the user opened, when the workspace is a copy of it


class Workspace:
    # More than 25 methods (27): the one door through which every edit of a file passes (add,
    # update, delete, restore, move, with their history and checks), beside opening and closing
    # the file and its settings; the rules themselves live in app.validation, app.kinds and db.
    """An open file (or team database) and the edits made in it."""

    def __init__(self, store: Store):
        self.store = store
        # The lock and the reason the file is read-only, when opened by app.sharing.open_for_editing.
        self.sharing: SharingState | None = None
        # On a team server: the versions of the rows handed out, so an edit never overwrites
        # a change it has not seen (app/concurrency.py). A file has one writer behind its lock.
        self.seen = None
        if getattr(store, "is_server", False):
            from app.concurrency import Seen

            self.seen = Seen()

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, password: str | None = None,
             listen: bool = False, verdict_later: bool = False) -> Workspace:
        """A file (`verdict_later`: see db.store.open_store), or a team server given as a
        `postgresql://` address (db.server)."""
        from db.server_connection import is_server_url

        if is_server_url(path):
            from db.server import open_server_store

            return cls(open_server_store(path, read_only=read_only, password=password, listen=listen))
        return cls(open_store(path, read_only=read_only, verdict_later=verdict_later))

    @property
    def on_server(self) -> bool:
        return getattr(self.store, "is_server", False)

    @classmethod
    def create(cls, path: Path | str) -> Workspace:
        return cls(create_store(path))

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def close(self) -> None:
        self.store.close()

    # --- settings ------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        return read_setting(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        with self.store.write():
            write_setting(key, value)

    @property
    def dates_capitalised(self) -> bool:
        """The organisation's style: a date that starts a table cell is capitalised ("Mars 2026")."""
        return bool(self.setting(DATES_CAPITALISED_KEY, True))

    @property
    def risk_scale(self) -> int:
        return int(self.setting(RISK_SCALE_KEY, DEFAULT_RISK_SCALE))

    def _scale_for(self, k: kinds.Kind) -> int:
        """The risk scale where validation needs it (a risk); other kinds save the read."""
        return self.risk_scale if k.name == "risk" else DEFAULT_RISK_SCALE

    # --- reading -------------------------------------------------------------

    def get(self, kind_name: str, row_id: int) -> dict[str, Any]:
        """The row, as shown: on a team server, a later edit of it is checked against this version."""
        k = kinds.kind(kind_name)
        row = self._row(k, row_id)
        if self.seen is not None:
            self.seen.note(k.name, row)
        return rows.to_plain(k, row)

    def shown(self, kind_name: str, versions: dict[int, str]) -> None:
        """A view shows these rows (row id -> version) from a read of its own (a register, a
        matrix): on a team server an edit of one is checked against the version shown."""
        if self.seen is not None:
            self.seen.note_versions(kinds.kind(kind_name).name, versions)

    def peek(self, kind_name: str, row_id: int) -> dict[str, Any]:
        """The row as `get` gives it, read for the program's own bookkeeping (an undo step's name, the
        values a change replaces), not shown: on a team server it does not count as seen, so a later
        edit is still checked against the version the window showed."""
        k = kinds.kind(kind_name)
        return rows.to_plain(k, self._row(k, row_id))

    def list(self, kind_name: str, plan_id: int | None = None, *, include_deleted: bool = False) -> list[dict[str, Any]]:
        """Rows of a kind in display order; for plan parts, those of `plan_id`."""
        k = kinds.kind(kind_name)
        m = k.model
        query = m.select()
        if k.in_plan:
            query = query.where(m.plan == plan_id).order_by(m.position, m.id)
        else:
            query = query.order_by(m.id)
        if not include_deleted:
            query = query.where(m.deleted_at.is_null())
        found = list(query)
        if self.seen is not None:
            for r in found:
                self.seen.note(k.name, r)
        return [rows.to_plain(k, r) for r in found]

    def _row(self, k: kinds.Kind, row_id: int) -> Any:
        row = db_rows.by_id(k.model, row_id)
        if row is None:
            raise rows.not_found(k, row_id)
        return row

    def _plan_of(self, k: kinds.Kind, row: Any) -> int | None:
        if k.name == "plan":
            return row.id
        if k.in_plan:
            return row.__data__["plan"]
        if k.name == "dependency":
            return models.TimelineItem.get_by_id(row.__data__["successor"]).__data__["plan"]
        if k.name == "risk_assessment":
            return models.Risk.get_by_id(row.__data__["risk"]).__data__["plan"]
        return None

    # --- writing -------------------------------------------------------------

    def add(self, kind_name: str, plan_id: int | None = None, *, index: int | None = None, **values: Any) -> Change:
        """Add a row (at `index` in its plan's order, or last) after validating it."""
        from app.validation import validate  # loaded by the first write: reading a file needs none of it

        k = kinds.kind(kind_name)
        proposed = {**self._defaults(k), **values}
        validate(k.name, proposed, risk_scale=self._scale_for(k))
        _check_links(k, proposed, None)
        columns = rows.to_columns(k, values)
        with self.store.write():
            if k.in_plan:
                siblings = self._siblings_held(k, plan_id)  # (parts added at once each get a place of their own)
                columns["plan"] = plan_id
                columns["position"] = len(siblings)
            row = k.model.create(**columns)
            if k.in_plan and index is not None and index < len(siblings):
                self._reorder(k, [*siblings[:index], row.id, *siblings[index:]])
        return Change(k.name, "added", (row.id,), plan_id if k.in_plan else self._plan_of(k, row))

    def update(self, kind_name: str, row_id: int, **values: Any) -> Change:
        """Change fields of a row; the Change carries their old values for undo."""
        k = kinds.kind(kind_name)
        if self.seen is not None:  # a team server: only over a version this workspace has seen (app/concurrency.py)
            row = self.seen.row(k.name, row_id) or self._row(k, row_id)
            row, edit = self.seen.write(self.store, k, row, lambda r: self._edit(k, r, values))
        else:
            row = self._row(k, row_id)
            edit = self._edit(k, row, values)
            with self.store.write():
                self._touch(k, row_id, edit.columns, "edit")
        return Change(k.name, "updated", (row_id,), self._plan_of(k, row), old=edit.old)

    def _edit(self, k: kinds.Kind, row: Any, values: dict[str, Any]) -> rows.Edit:
        """`values` as written to `row`: checked against the rest of it, with the values they replace."""
        from app.validation import validate

        current = rows.to_plain(k, row)
        values = _with_actual_dates(k, current, values)
        validate(k.name, {**current, **values}, risk_scale=self._scale_for(k))
        _check_links(k, {**current, **values}, row.id)
        return rows.Edit(values, rows.to_columns(k, values), {name: current[name] for name in values})

    def delete(self, kind_name: str, row_id: int) -> Change:
        """Leave a tombstone; the row disappears from lists and can be restored."""
        return self._set_deleted(kind_name, row_id, models.utc_now(), "deleted")

    def restore(self, kind_name: str, row_id: int) -> Change:
        return self._set_deleted(kind_name, row_id, None, "restored")

    def _set_deleted(self, kind_name: str, row_id: int, when: str | None, action: str) -> Change:
        k = kinds.kind(kind_name)
        columns, done = {"deleted_at": when}, "delete" if when else "restore"

        def prepare(row: Any) -> rows.Edit:
            if when is None:  # a restore: the links of the row it brings back are checked
                _check_links(k, rows.to_plain(k, row), row_id)
            return rows.Edit(columns, columns, {})

        if self.seen is not None:  # a team server: not over a change this workspace has not seen (app/concurrency.py)
            row, _ = self.seen.write(self.store, k, self.seen.row(k.name, row_id) or self._row(k, row_id), prepare, done)
        else:
            row = self._row(k, row_id)
            prepare(row)
            with self.store.write():
                self._touch(k, row_id, columns, done)
        return Change(k.name, action, (row_id,), self._plan_of(k, row))

    def move(self, kind_name: str, row_id: int, new_index: int) -> Change:
        """Move a plan part to `new_index` among its living siblings, in their order as stored when
        the move is written: on a team server the siblings are locked first, so that moves made by
        several people at once all count, and a part someone else has deleted meanwhile is a
        conflict (app/concurrency.py), as an edit of it is."""
        k = kinds.kind(kind_name)
        plan_id = self._row(k, row_id).__data__["plan"]
        with self.store.write():
            order = self._siblings_held(k, plan_id)
            if row_id not in order:
                if self.seen is not None:
                    self.seen.check_alive(self.store.db, k, row_id)
                raise rows.not_found(k, row_id)
            old_index = order.index(row_id)
            order.remove(row_id)
            order.insert(max(0, min(new_index, len(order))), row_id)
            self._reorder(k, order)
        return Change(k.name, "moved", (row_id,), plan_id, old_index=old_index)

    # --- helpers -------------------------------------------------------------

    def _defaults(self, k: kinds.Kind) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in rows.editable_fields(k):
            f = k.model._meta.fields[name]
            out[name] = f.default() if callable(f.default) else f.default
        return out

    def _sibling_ids(self, k: kinds.Kind, plan_id: int | None) -> list[int]:
        m = k.model
        query = (
            m.select(m.id)
            .where((m.plan == plan_id) & m.deleted_at.is_null())
            .order_by(m.position, m.id)
        )
        return [r for (r,) in query.tuples()]

    def _siblings_held(self, k: kinds.Kind, plan_id: int | None) -> list[int]:
        """`_sibling_ids`, inside a write transaction. On a team server every part of the plan of `k`'s kind
        is held first until the transaction ends (in the order of their ids, as every writer takes them,
        so that two moves or adds wait for each other instead of deadlocking), and their order is read
        after that, as the last of them committed it. (A file has one writer behind its lock.)"""
        if self.seen is not None:
            m = k.model
            m.select(m.id).where(m.plan == plan_id).order_by(m.id).for_update().execute()
        return self._sibling_ids(k, plan_id)

    def _reorder(self, k: kinds.Kind, order: list[int]) -> None:
        m = k.model
        current = dict(m.select(m.id, m.position).where(m.id.in_(order)).tuples())
        for position, row_id in enumerate(order):
            if current.get(row_id) != position:
                self._touch(k, row_id, {"position": position}, "move")

    def _touch(self, k: kinds.Kind, row_id: int, columns: dict[str, Any], action: str) -> None:
        """Write columns as a new version of the row (db/history.py keeps the one it replaces)."""
        history.update_rows(self.store.db, k.model, [row_id], columns, action=action)


def _check_links(k: kinds.Kind, values: dict[str, Any], row_id: int | None) -> None:
    """A dependency that would name a missing item, repeat a link or close a cycle is refused."""
    if k.name != "dependency":
        return
    from app.dependencies import link_problem
    from app.validation import ValidationError

    problem = link_problem(values, row_id)
    if problem is not None:
        raise ValidationError([("successor", problem)])


# An item's actual start and finish default to the day its status became "ongoing" or "done".
_ACTUAL_ON_STATUS = {"ongoing": ("actual_start",), "done": ("actual_finish",)}


def _with_actual_dates(k: kinds.Kind, current: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """`values` with today's date as the actual start (finish) an item gets when it is set going (done)
    without one; an undo of the status change takes them back with it."""
    if k.name != "timeline" or values.get("status") == current.get("status"):
        return values
    from datetime import date

    added = {name: date.today() for name in _ACTUAL_ON_STATUS.get(values.get("status", ""), ())
             if current.get(name) is None and name not in values}
    return {**values, **added} if added else values
