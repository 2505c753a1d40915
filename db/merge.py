"""Merging another copy of an Uppdrag file into this one, three-way, by UUID.

Every user row carries a UUID and deletions are tombstones, so rows are
matched by UUID across copies. For each row present on both sides, each field
is compared with the *base*: the state both files had at the last merge with
that peer, stored in this file as the Setting ``merge_base:<peer file_uuid>``
(per row and side, a short hash of each field). A field changed on one side
only takes that change; the same new value on both sides is no conflict;
different new values are one conflict for the row, settled by ``prefer``
(mine | theirs | newest) or by a ``resolve`` callback, written to the plan's
log (LogEntry kind "merge") and reported once. Deleting a row on one side and
editing it on the other is a conflict too. Without a base (the first merge
with a peer) a field that differs is a conflict, since "changed here" and
"changed there" cannot be told apart; only ``prefer=newest`` reads clocks.

The other file is checked like any file from someone else (db.check.check_file)
and read through a raw read-only connection; an older version is migrated in a
temporary copy first. The whole merge is one transaction in this file.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from peewee import ForeignKeyField

from db import models
from db.errors import StoreError
from db.identity import SCHEMA_VERSION

PREFERENCES = ("mine", "theirs", "newest")
DELETED = "_deleted"
BASE_PREFIX = "merge_base:"
BOOKKEEPING = frozenset({"id", "uuid", "created_at", "modified_at", "rev", "deleted_at"})
LABEL_FIELDS = ("title", "heading", "text", "name", "term", "label", "description", "competence")

# Rows that are merged, parents before children (Setting and Asset are file-wide, not merged).
MERGED_MODELS: tuple[type[models.UserRow], ...] = tuple(
    m for m in models.MODELS if issubclass(m, models.UserRow)
)

TABLE_LABELS = {
    "person": "person", "plan": "plan", "section": "avsnitt", "goal": "mål", "timeline_item": "tidplanspost",
    "dependency": "beroende", "role": "roll", "resource_line": "resursrad", "budget_line": "budgetrad",
    "risk": "risk", "risk_assessment": "riskbedömning", "log_entry": "loggpost", "status_report": "statusrapport",
    "term": "begrepp", "reference": "referens", "edition": "utgåva",
}

Resolver = Callable[["Conflict"], str | None] | Mapping[str, str]


@dataclass
class Conflict:
    """One row changed differently on both sides."""

    table: str
    uuid: str
    plan_uuid: str | None
    plan_title: str
    label: str  # the row's title, heading or text, for people to recognise it
    fields: list[str]  # column names that conflict ("_deleted" for delete vs edit)
    mine: dict[str, Any]  # this file's values of those fields
    theirs: dict[str, Any]  # the other file's values
    mine_modified: str
    theirs_modified: str
    delete_vs_edit: bool = False
    outcome: str = ""  # mine | theirs

    @property
    def kind_label(self) -> str:
        return TABLE_LABELS.get(self.table, self.table)

    def describe(self) -> str:
        what = "borttagen på ena sidan, ändrad på den andra" if self.delete_vs_edit else (
            "olika ändringar i " + ", ".join(_field_label(f) for f in self.fields))
        kept = {"mine": "den här filens version", "theirs": "den andra filens version"}.get(self.outcome, "?")
        return f"Konflikt i {self.kind_label} ”{self.label}”: {what}. Behöll {kept}."


@dataclass
class MergeReport:
    peer: str
    base_used: bool
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    applied: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    def lines(self) -> list[str]:
        out = [f"Sammanslagning med ”{self.peer}”"
               + ("" if self.base_used else " (första gången: ingen gemensam bas)") + ":"]
        if not self.changed and not self.conflicts:
            out.append("  Inget att hämta; filerna är redan sammanslagna.")
        for table, n in self.added.items():
            out.append(f"  Nya {TABLE_LABELS.get(table, table)}: {n}")
        for table, n in self.updated.items():
            out.append(f"  Ändrade {TABLE_LABELS.get(table, table)}: {n}")
        out.append(f"  Konflikter: {len(self.conflicts)}")
        out += [f"    {c.describe()}" for c in self.conflicts]
        return out


def _field_label(name: str) -> str:
    return "borttagning" if name == DELETED else name.removesuffix("_id")


# --- reading one side ----------------------------------------------------------


@dataclass
class _Table:
    name: str
    columns: list[str]  # content columns (no bookkeeping)
    fks: dict[str, str]  # column -> referenced table


def _tables() -> list[_Table]:
    out = []
    for m in MERGED_MODELS:
        cols, fks = [], {}
        for f in m._meta.sorted_fields:
            if f.name in BOOKKEEPING:
                continue
            cols.append(f.column_name)
            if isinstance(f, ForeignKeyField):
                fks[f.column_name] = f.rel_model._meta.table_name
        out.append(_Table(m._meta.table_name, cols, fks))
    return out


@dataclass
class _Row:
    id: int
    values: dict[str, Any]  # content columns with foreign keys as uuids, plus "_deleted"
    deleted_at: str | None
    created_at: str
    modified_at: str
    rev: int


class _Side:
    """All merged rows of one file, foreign keys turned into uuids."""

    def __init__(self, conn: sqlite3.Connection, tables: list[_Table]):
        raw: dict[str, list[sqlite3.Row]] = {}
        self.uuid_of: dict[str, dict[int, str]] = {}
        conn.row_factory = sqlite3.Row
        try:
            for t in tables:
                rows = conn.execute(f'SELECT * FROM "{t.name}"').fetchall()
                raw[t.name] = rows
                self.uuid_of[t.name] = {r["id"]: r["uuid"] for r in rows}
        finally:
            conn.row_factory = None
        self.rows: dict[str, dict[str, _Row]] = {}
        for t in tables:
            table_rows = {}
            for r in raw[t.name]:
                values = {c: r[c] for c in t.columns}
                for c, target in t.fks.items():
                    if values[c] is not None:
                        values[c] = self.uuid_of[target].get(values[c])
                values[DELETED] = r["deleted_at"] is not None
                table_rows[r["uuid"]] = _Row(r["id"], values, r["deleted_at"], r["created_at"],
                                             r["modified_at"], r["rev"])
            self.rows[t.name] = table_rows
        self.file_uuid = _file_uuid(conn)
        self.bases = {k: json.loads(v) for k, v in conn.execute(
            "SELECT key, value FROM setting WHERE key LIKE 'merge\\_base:%' ESCAPE '\\'")}


def _file_uuid(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM setting WHERE key = 'file_uuid'").fetchone()
    if row is None:
        raise StoreError("Filen saknar identitet (file_uuid) och kan inte slås samman.")
    return json.loads(row[0])


def _h(value: Any) -> str:
    if isinstance(value, date):
        value = value.isoformat()
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode()).hexdigest()[:12]


def _hashes(values: dict[str, Any]) -> dict[str, str]:
    return {k: _h(v) for k, v in values.items()}


def _read_other(path: Path) -> tuple[_Side, str]:
    from db.check import check_file
    from db.connection import raw_connect

    check = check_file(path, allow_recovery=False)
    tables = _tables()
    if check.version == SCHEMA_VERSION:
        conn = raw_connect(path, write=False)
        try:
            return _Side(conn, tables), path.name
        finally:
            conn.close()
    # An older file is migrated in a temporary copy, never in place.
    from db.backup import copy_database
    from db.store import open_store

    with tempfile.TemporaryDirectory(prefix="uppdrag-merge-") as tmp:
        copy = Path(tmp) / path.name
        copy_database(path, copy)
        store = open_store(copy)
        store.close()
        conn = raw_connect(copy, write=False)
        try:
            return _Side(conn, tables), path.name
        finally:
            conn.close()


# --- deciding ------------------------------------------------------------------


@dataclass
class _Op:
    table: str
    uuid: str
    kind: str  # insert | update
    values: dict[str, Any]  # for update: only the columns that change (incl. "_deleted")
    deleted_at: str | None
    created_at: str
    modified_at: str
    rev: int


def _label(values: dict[str, Any]) -> str:
    for name in LABEL_FIELDS:
        text = values.get(name)
        if isinstance(text, str) and text.strip():
            text = " ".join(text.split())
            return text if len(text) <= 60 else text[:57] + "…"
    return "(utan rubrik)"


def _plan_uuid(table: str, values: dict[str, Any], mine: _Side, theirs: _Side) -> str | None:
    if table == "plan":
        return None  # filled in by the caller with the row's own uuid
    if "plan_id" in values:
        return values["plan_id"]
    parent = {"dependency": ("successor_id", "timeline_item"), "risk_assessment": ("risk_id", "risk")}.get(table)
    if parent:
        col, ptable = parent
        for side in (mine, theirs):
            row = side.rows[ptable].get(values.get(col))
            if row:
                return row.values.get("plan_id")
    return None


def _decide(
    mine: _Side, theirs: _Side, base: dict[str, Any], prefer: str, resolve: Resolver | None,
) -> tuple[list[_Op], list[Conflict], dict[str, Any]]:
    ops: list[_Op] = []
    conflicts: list[Conflict] = []
    new_base: dict[str, Any] = {}
    for table, their_rows in theirs.rows.items():
        my_rows = mine.rows[table]
        for uuid, m in my_rows.items():
            if uuid not in their_rows:
                new_base[uuid] = {"m": _hashes(m.values)}
        for uuid, t in their_rows.items():
            m = my_rows.get(uuid)
            if m is None:
                ops.append(_Op(table, uuid, "insert", dict(t.values), t.deleted_at, t.created_at,
                               t.modified_at, t.rev))
                new_base[uuid] = {"b": _hashes(t.values)}
                continue
            mh, th = _hashes(m.values), _hashes(t.values)
            if mh == th:
                new_base[uuid] = {"b": mh}
                continue
            entry = base.get(uuid)
            mb = (entry.get("b") or entry.get("m")) if entry else None
            tb = (entry.get("b") or entry.get("t")) if entry else None
            take: set[str] = set()  # fields taken from theirs
            mine_changed: set[str] = set()
            clash: set[str] = set()
            for f in th.keys() | mh.keys():
                if mh.get(f) == th.get(f):
                    continue
                m_ch = mb is None or mb.get(f) != mh.get(f)
                t_ch = tb is None or tb.get(f) != th.get(f)
                if entry is None:
                    clash.add(f)
                elif t_ch and not m_ch:
                    take.add(f)
                elif m_ch and not t_ch:
                    mine_changed.add(f)
                elif m_ch and t_ch:
                    clash.add(f)
                # neither changed since the last merge: settled then, keep mine
            delete_vs_edit = False
            if DELETED in take and (mine_changed or clash):
                delete_vs_edit, clash = True, clash | mine_changed | {DELETED}
                take.discard(DELETED)
            elif DELETED in mine_changed and (take or clash):
                delete_vs_edit, clash = True, clash | take | {DELETED}
                take = set()
            elif DELETED in clash:
                delete_vs_edit = True
            outcome = None
            if clash:
                c = Conflict(
                    table=table, uuid=uuid,
                    plan_uuid=uuid if table == "plan" else _plan_uuid(table, m.values, mine, theirs),
                    plan_title="", label=_label(m.values),
                    fields=sorted(clash), mine={f: m.values.get(f) for f in sorted(clash)},
                    theirs={f: t.values.get(f) for f in sorted(clash)},
                    mine_modified=m.modified_at, theirs_modified=t.modified_at,
                    delete_vs_edit=delete_vs_edit,
                )
                outcome = _outcome(c, prefer, resolve)
                c.outcome = outcome
                conflicts.append(c)
                if outcome == "theirs":
                    take |= clash
            result = dict(m.values)
            for f in take:
                result[f] = t.values[f]
            changed = {f: result[f] for f in take if result[f] != m.values.get(f)}
            if changed:
                deleted_at = t.deleted_at if DELETED in changed else m.deleted_at
                ops.append(_Op(table, uuid, "update", changed, deleted_at, m.created_at,
                               max(m.modified_at, t.modified_at), max(m.rev, t.rev) + 1))
            rh = _hashes(result)
            new_base[uuid] = {"b": rh} if rh == th else {"m": rh, "t": th}
    return ops, conflicts, new_base


def _outcome(c: Conflict, prefer: str, resolve: Resolver | None) -> str:
    choice = None
    if callable(resolve):
        choice = resolve(c)
    elif resolve is not None:
        choice = resolve.get(c.uuid)
    if choice in ("mine", "theirs"):
        return choice
    if prefer == "mine":
        return "mine"
    if prefer == "theirs":
        return "theirs"
    return "theirs" if c.theirs_modified > c.mine_modified else "mine"


# --- applying ------------------------------------------------------------------


def _apply(conn: sqlite3.Connection, tables: list[_Table], ops: list[_Op], mine: _Side) -> None:
    by_table = {t.name: t for t in tables}
    ids = {name: {u: r.id for u, r in rows.items()} for name, rows in mine.rows.items()}
    deferred: list[tuple[str, str, str, str]] = []  # (table, uuid, column, target uuid)

    def local(table: str, uuid: str, column: str, target_uuid: Any) -> Any:
        if target_uuid is None:
            return None
        target = by_table[table].fks[column]
        found = ids[target].get(target_uuid)
        if found is None:
            deferred.append((table, uuid, column, target_uuid))
        return found

    for op in ops:  # ops come in table order, parents first
        t = by_table[op.table]
        cols = {c: v for c, v in op.values.items() if c != DELETED}
        for c in list(cols):
            if c in t.fks:
                cols[c] = local(op.table, op.uuid, c, cols[c])
        if op.kind == "insert":
            cols.update(uuid=op.uuid, created_at=op.created_at, modified_at=op.modified_at, rev=op.rev,
                        deleted_at=op.deleted_at)
            names = ", ".join(f'"{c}"' for c in cols)
            marks = ", ".join("?" for _ in cols)
            cur = conn.execute(f'INSERT INTO "{op.table}" ({names}) VALUES ({marks})', list(cols.values()))
            ids[op.table][op.uuid] = cur.lastrowid
        else:
            cols.update(modified_at=op.modified_at, rev=op.rev)
            if DELETED in op.values:
                cols["deleted_at"] = op.deleted_at
            sets = ", ".join(f'"{c}" = ?' for c in cols)
            conn.execute(f'UPDATE "{op.table}" SET {sets} WHERE uuid = ?', [*cols.values(), op.uuid])
    for table, uuid, column, target_uuid in deferred:
        target = ids[by_table[table].fks[column]].get(target_uuid)
        conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE uuid = ?', (target, uuid))


def _log_conflicts(conn: sqlite3.Connection, conflicts: list[Conflict], peer: str) -> None:
    today = date.today().isoformat()
    for c in conflicts:
        if not c.plan_uuid:
            continue
        row = conn.execute("SELECT id FROM plan WHERE uuid = ?", (c.plan_uuid,)).fetchone()
        if row is None:
            continue
        plan_id = row[0]
        position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM log_entry WHERE plan_id = ?",
                                (plan_id,)).fetchone()[0]
        now = models.utc_now()
        conn.execute(
            "INSERT INTO log_entry (uuid, created_at, modified_at, rev, deleted_at, plan_id, position, "
            "entry_date, kind, text, decided_by, status) VALUES (?, ?, ?, 1, NULL, ?, ?, ?, 'merge', ?, '', ?)",
            (models.new_uuid(), now, now, plan_id, position, today,
             f"Sammanslagning med ”{peer}”. {c.describe()}", c.outcome),
        )


def _plan_titles(conflicts: list[Conflict], mine: _Side, theirs: _Side) -> None:
    for c in conflicts:
        for side in (mine, theirs):
            row = side.rows["plan"].get(c.plan_uuid or "")
            if row:
                c.plan_title = row.values.get("title") or ""
                break


def merge_into(store: Any, other: Path | str, *, prefer: str = "newest",
               resolve: Resolver | None = None, dry_run: bool = False) -> MergeReport:
    """Bring the plans of `other` into the open, writable `store` (db.store.Store).

    With `dry_run` nothing is written: the report lists what would be added or
    changed and the conflicts (with `outcome` as `prefer` would settle them), so a
    GUI can show them side by side and pass the user's choices back as `resolve`
    (a mapping of row uuid to "mine"/"theirs", or a callable).
    """
    if prefer not in PREFERENCES:
        raise ValueError(f"--prefer ska vara mine, theirs eller newest, inte ”{prefer}”.")
    other = Path(other)
    if other.exists() and store.path.exists() and other.resolve() == store.path.resolve():
        raise StoreError("En fil kan inte slås samman med sig själv.")
    theirs, peer = _read_other(other)
    tables = _tables()
    conn: sqlite3.Connection = store.db.connection()

    def run() -> MergeReport:
        mine = _Side(conn, tables)
        key = BASE_PREFIX + theirs.file_uuid
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        stored = json.loads(row[0]) if row else None
        base = stored["rows"] if stored else {}
        if stored is None and BASE_PREFIX + mine.file_uuid in theirs.bases:
            # The other file remembers its last merge with this one (e.g. a plan sent from
            # here): the same common state, seen from the other side.
            stored = theirs.bases[BASE_PREFIX + mine.file_uuid]
            base = {u: e if "b" in e else {k2: v for k2, v in (("m", e.get("t")), ("t", e.get("m"))) if v}
                    for u, e in stored["rows"].items()}
        ops, conflicts, new_base = _decide(mine, theirs, base, prefer, resolve)
        _plan_titles(conflicts, mine, theirs)
        report = MergeReport(peer=peer, base_used=stored is not None, conflicts=conflicts)
        for op in ops:
            bucket = report.added if op.kind == "insert" else report.updated
            bucket[op.table] = bucket.get(op.table, 0) + 1
        if dry_run:
            return report
        _apply(conn, tables, ops, mine)
        _log_conflicts(conn, conflicts, peer)
        if conflicts:  # the log entries just written are rows only this file has
            after = _Side(conn, tables)
            for rows in after.rows.values():
                for u, r in rows.items():
                    if u not in new_base:
                        new_base[u] = {"m": _hashes(r.values)}
        if base != new_base:
            value = json.dumps({"peer": peer, "merged_at": models.utc_now(), "rows": new_base},
                               separators=(",", ":"), sort_keys=True)
            conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (key, value))
        report.applied = True
        return report

    if dry_run:
        return run()
    with store.write():
        return run()


def merge_files(mine: Path | str, theirs: Path | str, prefer: str = "newest",
                resolve: Resolver | None = None, *, dry_run: bool = False) -> MergeReport:
    """Open `mine` for writing, merge `theirs` into it as one transaction, and close it."""
    from db.store import open_store

    store = open_store(Path(mine), read_only=dry_run)
    try:
        if store.read_only and not dry_run:
            raise StoreError(f"Filen ”{Path(mine).name}” är skrivskyddad; sammanslagningen kan inte sparas.")
        return merge_into(store, theirs, prefer=prefer, resolve=resolve, dry_run=dry_run)
    finally:
        store.close()


def record_common_state(store: Any, peer_file_uuid: str, peer_name: str = "") -> None:
    """Remember every row of `store` as the state it shares with file `peer_file_uuid`
    (used when a file is made from another, e.g. a plan sent as a file), so the first
    merge between them is already three-way."""
    conn: sqlite3.Connection = store.db.connection()
    with store.write():
        side = _Side(conn, _tables())
        rows = {u: {"b": _hashes(r.values)} for table in side.rows.values() for u, r in table.items()}
        value = json.dumps({"peer": peer_name, "merged_at": models.utc_now(), "rows": rows},
                           separators=(",", ":"), sort_keys=True)
        conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                     (BASE_PREFIX + peer_file_uuid, value))


def file_uuid_of(store: Any) -> str:
    return _file_uuid(store.db.connection())
