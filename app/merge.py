"""Merging another copy of a file into this one, causally: no recorded base is needed.

Every row carries its current version and the file keeps the versions before it
(db/history.py), so for each row the two files can tell by themselves how they relate:

- the same version: nothing to do;
- one side's version descends from the other's: the newer one is taken as it is;
- both changed since their last common version: a field-level three-way merge against
  that version. A field changed on one side only is taken; a field changed differently
  on both sides is a conflict, decided by `prefer` (mine | theirs | newest) or by the
  user's choice per field (`resolve`), reported once and written to the plan's log.
  Deleting a row on one side while editing it on the other is a conflict too.

A merged row gets a version whose parents are both sides' versions, with an id made from
them and the merged content: two files that merge each other get the same version and
agree from then on. Rows only the other file has are added with their history. The
whole merge is one transaction in this file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.i18n import in_swedish, label, tr
from app.kinds import FIELD_LABELS, ROW_LABELS, counted
from db import history, history_records, models
from db.errors import StoreError
from db.history import Record, RowState, Shape
from app.merge_settings import SHARED_KEYS, SettingsMerge, merge_settings
from db.merge import (
    Compared, EarlyCheck, Side, add_log_entries, attached_side, other_side, put_settings, roomy_cache,
)
from db.merge_write import Copy, Take, Write, apply, rows_per_table

PREFERENCES = ("mine", "theirs", "newest")
DELETED = "deleted_at"
LABEL_FIELDS = ("title", "heading", "text", "name", "term", "label", "description", "competence")

Resolver = Callable[["Conflict"], str | None] | Mapping[str, str]


@dataclass
class Conflict:
    """One field of one row changed differently on both sides (or deleted on one, edited on the other)."""

    table: str
    uuid: str
    field: str  # column name; "deleted_at" for a delete against an edit
    plan_uuid: str | None
    label: str  # the row's title, heading or text, for people to recognise it
    mine: Any
    theirs: Any
    mine_by: str
    mine_at: str
    theirs_by: str
    theirs_at: str
    delete_vs_edit: bool = False
    plan_title: str = ""
    outcome: str = ""  # mine | theirs

    @property
    def key(self) -> str:
        """What `resolve` is keyed by: the row's uuid and the field."""
        return f"{self.uuid}:{self.field}"

    @property
    def kind_label(self) -> str:
        return ROW_LABELS.get(self.table, self.table)

    @property
    def field_label(self) -> str:
        return field_label(self.field)

    def describe(self, peer: str = "") -> str:
        peer = peer or tr("den andra filen")
        if self.delete_vs_edit:
            what = (tr("borttagen här, ändrad på den andra sidan") if self.mine is not None else
                    tr("borttagen i ”{peer}”, ändrad på den andra sidan", peer=peer))
        else:
            what = tr("{field}: här ”{mine}”{mine_by}, i ”{peer}” ”{theirs}”{theirs_by}", field=label(self.field_label),
                      mine=_short(self.mine), mine_by=_by(self.mine_by, self.mine_at), peer=peer,
                      theirs=_short(self.theirs), theirs_by=_by(self.theirs_by, self.theirs_at))
        kept = {"mine": tr("den här filens värde"), "theirs": tr("värdet från ”{peer}”", peer=peer)}.get(
            self.outcome, tr("inget ännu"))
        return tr("Konflikt i {part} ”{name}”: {what}. Behöll {kept}.", part=label(self.kind_label), name=self.label,
                  what=what, kept=kept)


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name.removesuffix("_id").replace("_", " "))


def _short(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "…"


def _by(who: str, at: str) -> str:
    if not who and not at:
        return ""
    when = at[:16].replace("T", " ")
    return " (" + ", ".join(p for p in (who, when) if p) + ")"


@dataclass
class MergeReport:
    peer: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    applied: bool = False
    settings: SettingsMerge = field(default_factory=SettingsMerge)  # the file's shared settings

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.settings.writes)

    def lines(self) -> list[str]:
        out = [tr("Sammanslagning med ”{peer}”:", peer=self.peer)]
        if not self.changed and not self.conflicts and not self.settings.lines:
            out.append("  " + tr("Inget nytt att hämta: den här filen har redan allt som den andra har."))
        for table, n in self.added.items():
            out.append("  " + tr("Nya {part}: {n}", part=counted(table), n=n))
        for table, n in self.updated.items():
            out.append("  " + tr("Ändrade {part}: {n}", part=counted(table), n=n))
        out += [f"  {line}" for line in self.settings.lines]
        out.append("  " + tr("Konflikter: {n}", n=len(self.conflicts)))
        out += [f"    {c.describe(self.peer)}" for c in self.conflicts]
        return out


# --- how two versions of a row relate ---------------------------------------------


def _same(name: str, a: Any, b: Any) -> bool:
    if name == DELETED:  # a tombstone's time is not a difference
        return (a is None) == (b is None)
    return bool(a == b)


def _merged_version(a: str, b: str, values: dict[str, Any]) -> str:
    lo, hi = sorted((a, b))
    return hashlib.sha256(f"{lo}|{hi}|{history.dump(values)}".encode()).hexdigest()[:32]


def _disputed(common: set[str], records: dict[str, Record]) -> set[str]:
    """Fields on which the latest common versions disagree: none when there is one such version.

    Two files that each merged the other's edit, settling its conflict differently, have two latest
    common versions (a criss-cross). Taking either as the base would pass one side's choice over in
    silence; a field they disagree on is a conflict again instead, decided and logged as any other.
    """
    parents = {p for v in common if v in records for p in (records[v].parent, records[v].parent2)}
    latest = [records[v] for v in common if v not in parents and v in records]
    if len(latest) < 2:  # the usual case: the one latest common version is the base, read once by the caller
        return set()
    contents = [values for r in latest if (values := r.values()) is not None]
    return {name for other in contents[1:] for name in contents[0].keys() | other.keys()
            if not _same(name, contents[0].get(name), other.get(name))}


@dataclass
class _Row:
    """One row both files have, with the history both know of it."""

    shape: Shape
    mine: RowState
    theirs: RowState
    records: dict[str, Record]  # version -> record, from both files

    def last_change(self, state: RowState, name: str, base: str | None) -> tuple[str, str]:
        """Who changed field `name` on this side since the common version, and when (newest change)."""
        version, values = state.version, state.values
        rec = self.records.get(version)
        who, at = (rec.who, rec.at) if rec else ("", state.modified_at)
        while rec is not None and rec.parent and rec.parent != base:
            older = self.records.get(rec.parent)
            old_values = older.values() if older else None
            if old_values is None or not _same(name, old_values.get(name), values.get(name)):
                break
            rec, values = older, old_values
            who, at = rec.who, rec.at
        return who, at


class _Decider:
    def __init__(self, prefer: str, resolve: Resolver | None, author: str):
        self.prefer, self.resolve, self.author = prefer, resolve, author
        self.now = models.utc_now()  # when the merge made its versions
        self.writes: list[Write | Copy | Take] = []
        self.conflicts: list[Conflict] = []

    def outcome(self, c: Conflict) -> str:
        choice = None
        if callable(self.resolve):
            choice = self.resolve(c)
        elif self.resolve is not None:
            choice = self.resolve.get(c.key, self.resolve.get(c.uuid))
        if choice in ("mine", "theirs"):
            return choice
        if self.prefer in ("mine", "theirs"):
            return self.prefer
        return "theirs" if c.theirs_at > c.mine_at else "mine"

    def copy(self, shape: Shape, new: list[str], ahead: list[str]) -> None:
        """Rows only the other file has, and rows only the other file changed since this one's version,
        taken as they are there, done in SQL from the attached file (its history holds this file's
        version too)."""
        self.writes += [Copy(shape, uuids, fresh) for uuids, fresh in ((new, True), (ahead, False)) if uuids]

    def take(self, shape: Shape, new: list[str], ahead: list[str], source: Side,
             records: dict[str, list[Record]]) -> list[Take]:
        """`copy` of these rows from a database that cannot be attached: read there, written here in SQL."""
        takes = [Take(shape, uuids, fresh, source, [r for u in uuids for r in records.get(u, ())])
                 for uuids, fresh in ((new, True), (ahead, False)) if uuids]
        self.writes += takes
        return takes

    def row(self, row: _Row, their_records: list[Record], theirs_held: list[Record]) -> None:
        """Both files changed the row since their last common version: merge it field by field.
        (`their_records`: the other side's records this one lacks; `theirs_held`: all it has of the row.)"""
        m, t = row.mine, row.theirs
        mine_line, their_line = history.ancestry(m.version, row.records), history.ancestry(t.version, row.records)
        common = mine_line & their_line
        base_version = max(common, key=lambda v: (row.records[v].rev if v in row.records else 0, v), default=None)
        base_rec = row.records.get(base_version)  # (None: no common version, and no record of it)
        base = base_rec.values() if base_rec else None
        result = self.three_way(row, base, base_version, _disputed(common, row.records))
        version = _merged_version(m.version, t.version, result)
        lo, hi = sorted((m.version, t.version))
        rev = max(m.rev, t.rev) + 1
        modified = max(m.modified_at, t.modified_at)
        merge_record = Record(row.shape.name, m.uuid, version, lo, hi, rev, self.now, self.author, "merge", None)
        changed = {c: v for c, v in result.items() if v != m.values.get(c)}
        write = Write(row.shape, m.uuid, changed, version, rev, modified, old=m, records=[*their_records, merge_record])
        # the row's history here once written: what both know of it, its old version's content (the record
        # `apply` writes of the version it replaces, or the content it adds to one without), the merge
        after, written = dict(row.records), write.superseded
        old = after.get(m.version)
        after[m.version] = written if old is None else old if old.data else old._replace(data=written.data)
        after[version] = merge_record
        write.theirs_lack = history_records.lacking(after.values(), history_records.contents(theirs_held))
        self.writes.append(write)

    def three_way(self, row: _Row, base: dict[str, Any] | None, base_version: str | None,
                  disputed: set[str]) -> dict[str, Any]:
        """Field by field against the base; a field the latest common versions disagree on has none."""
        m, t = row.mine.values, row.theirs.values
        defaults = history.defaults(row.shape)
        take, mine_only, clash = set(), set(), set()
        for name in row.shape.columns:
            if _same(name, m[name], t[name]):
                continue
            if base is None or name in disputed:
                clash.add(name)
                continue
            b = base.get(name, defaults.get(name))
            m_changed, t_changed = not _same(name, m[name], b), not _same(name, t[name], b)
            if t_changed and not m_changed:
                take.add(name)
            elif m_changed and not t_changed:
                mine_only.add(name)
            else:
                clash.add(name)
        result = dict(m)
        for name in take - {DELETED}:
            result[name] = t[name]
        # A deletion against edits of the other side is a conflict; a restore is not.
        gone_there = DELETED in take and t[DELETED] is not None and bool(mine_only or clash)
        gone_here = DELETED in mine_only and m[DELETED] is not None and bool(take - {DELETED} or clash)
        if DELETED in take and not gone_there:
            result[DELETED] = t[DELETED]
        if gone_there or gone_here or DELETED in clash:
            clash.discard(DELETED)
            c = self.conflict(row, DELETED, base_version, delete_vs_edit=True)
            if c.outcome == "theirs":
                result[DELETED] = t[DELETED]
        for name in sorted(clash):
            if self.conflict(row, name, base_version).outcome == "theirs":
                result[name] = t[name]
        return result

    def conflict(self, row: _Row, name: str, base_version: str | None, *, delete_vs_edit: bool = False) -> Conflict:
        m, t = row.mine, row.theirs
        mine_by, mine_at = row.last_change(m, name, base_version)
        theirs_by, theirs_at = row.last_change(t, name, base_version)
        c = Conflict(row.shape.name, m.uuid, name, _plan_of(row.shape, m), _label(m.values), m.values.get(name),
                     t.values.get(name), mine_by, mine_at, theirs_by, theirs_at, delete_vs_edit=delete_vs_edit)
        c.outcome = self.outcome(c)
        self.conflicts.append(c)
        return c


def _label(values: dict[str, Any]) -> str:
    for name in LABEL_FIELDS:
        text = values.get(name)
        if isinstance(text, str) and text.strip():
            return _short(text)
    return "(utan rubrik)"


def _plan_of(shape: Shape, state: RowState) -> str | None:
    if shape.name == "plan":
        return state.uuid
    return state.values.get("plan_id")


# --- the merge ---------------------------------------------------------------------


def decide(mine: Side, theirs: Side, prefer: str, resolve: Resolver | None, author: str,
           each: Callable[[Shape, list[Write | Copy | Take]], None] | None = None,
           taken: Callable[[Shape, list[Take]], None] | None = None,
           order: Sequence[Shape] | None = None) -> _Decider:
    """What merging `theirs` into `mine` writes, and its conflicts (each decided).

    Rows are read only as far as needed: versions first; this file's record of each changed
    row's version tells which rows only this file changed since (nothing to do, and nothing of
    the other file's history of them is read); the other file's history tells which rows it
    changed alone (taken as they are); this file's history tells which further ones only this
    file changed; only rows both changed are read on both sides.
    When `theirs` is a SQLite file attached to `mine`, the rows taken as they are are not
    read at all: they are copied in SQL (db.merge_write.Copy), with the same outcome; otherwise they
    are read as they are and written from a staging table in SQL (db.merge_write.Take).
    `each`, when given, has each table and its writes as soon as they are decided (parents' tables
    first), so that they can be written while the next table is decided; `taken`, when given, has
    a table's rows taken as they are (db.merge_write.Take) before the rows both changed are merged,
    so that they can be written meanwhile (`each` has them too). `order` is the order the tables are
    decided in, parents' tables first (history.shapes() when not given).
    """
    decider = _Decider(prefer, resolve, author)
    copying = theirs.copies_into(mine)
    for shape in order or history.shapes():
        before = len(decider.writes)
        _decide_table(decider, mine, theirs, shape, copying, taken)
        if each is not None:
            each(shape, decider.writes[before:])
    return decider


def _decide_table(decider: _Decider, mine: Side, theirs: Side, shape: Shape, copying: bool,
                  taken: Callable[[Shape, list[Take]], None] | None = None) -> None:
    """`decide` for the rows of one table; `taken` has its Takes before the rows both changed are merged."""
    if copying:  # nothing of theirs is read for the rows taken as they are
        new, ahead, both, their_records, my_records = _sort_attached(mine, theirs, theirs.compared(shape))
        their_states = theirs.states(shape, both)
        decider.copy(shape, new, ahead)
    else:
        differences = theirs.differences(mine, shape)
        if not differences:
            return
        # A row whose version here is a child of theirs (changed here alone since) is told by this
        # side's record of it: nothing of its history there is read (however long it has grown).
        heads = mine.heads([(u, mv, v) for u, v, mv in differences if mv is not None])
        differences = [(u, v, mv) for u, v, mv in differences if v not in heads.get(u, ())]
        their_records = theirs.records([u for u, _, _ in differences])
        new = [u for u, _, mv in differences if mv is None]
        pairs = [(u, v, mv) for u, v, mv in differences if mv is not None]
        ahead = [u for u, v, mv in pairs if history.descends(v, mv, their_records.get(u, ()))]
        takes = decider.take(shape, new, ahead, theirs, their_records)
        if takes and taken is not None:
            taken(shape, takes)
        taken_now = set(ahead)
        rest = [(u, mv, v) for u, v, mv in pairs if u not in taken_now]
        my_records: dict[str, list[Record]] = {}  # (what `descended` reads of them, then the rest)
        ahead_here = mine.descended(rest, heads, read=my_records)
        both = [u for u, _, _ in rest if u not in ahead_here]
        if unread := [u for u in both if u not in my_records]:
            my_records.update(mine.records(unread))
        their_states = theirs.states(shape, both)
    if not both:
        return
    my_states = mine.states(shape, both)
    for u in both:
        held = their_records.get(u, [])
        known = {r.version: r for r in my_records.get(u, [])}
        missing = history_records.lacking(held, history_records.contents(known.values()))
        known.update((r.version, r) for r in missing)
        decider.row(_Row(shape, my_states[u], their_states[u], known), missing, held)


def _sort_attached(mine: Side, theirs: Side, rows: list[Compared]) -> tuple[
        list[str], list[str], list[str], dict[str, list[Record]], dict[str, list[Record]]]:
    """The rows `Side.compared` found, sorted by what the parents of their current versions say:
    (rows new here, rows only the other side changed, rows both changed, and the records of both
    sides for the rows the parents did not sort out). Those few are read once, with their content,
    which the rows both changed need anyway."""
    new, ahead, unsure = [], [], []
    for u, v, mv, parent, parent2, my_line in rows:
        if mv is None:
            new.append(u)
        elif mv in (parent, parent2):
            ahead.append(u)
        else:  # a longer line of descent on one side, or changed on both
            unsure.append((u, v, mv, parent is not None or parent2 is not None, my_line))
    uuids = [u for u, _, _, _, _ in unsure]
    their_records, my_records = theirs.records(uuids), mine.records(uuids)
    both = []
    for u, v, mv, their_line, my_line in unsure:
        if their_line and history.descends(v, mv, their_records.get(u, ())):
            ahead.append(u)
        elif not (my_line and history.descends(mv, v, my_records.get(u, ()))):
            both.append(u)
    return new, ahead, both, their_records, my_records


def _fill_plan_titles(conflicts: list[Conflict], mine: Side, theirs: Side) -> None:
    plans = {c.plan_uuid for c in conflicts if c.plan_uuid}
    if not plans:
        return
    shape = history.shape_of("plan")
    titles = {u: s.values.get("title") or "" for side in (theirs, mine) for u, s in side.states(shape, list(plans)).items()}
    for c in conflicts:
        c.plan_title = titles.get(c.plan_uuid or "", "")


def merge_into(store: Any, other: Path | str, *, prefer: str = "newest", resolve: Resolver | None = None,
               dry_run: bool = False, copy_in_sql: bool = True, early: EarlyCheck | None = None) -> MergeReport:
    """Bring the rows of `other` into the open, writable `store` (db.store.Store).

    With `dry_run` nothing is written: the report lists what would be added or changed
    and the conflicts (with `outcome` as `prefer` would decide them), so a window can show
    them and pass the user's choices back as `resolve`: a mapping of Conflict.key (or a
    row uuid, for all its fields) to "mine"/"theirs", or a callable.

    `store` is a file's (a team server and a file are brought together by app.sync): it reads
    `other` attached to its own connection, and the rows taken as they are move in SQL;
    `copy_in_sql=False` reads them through Python instead, as a sync with a team server does
    (the outcome is the same). `early` is the check of `other`, when
    it was begun already (merge_files begins it while `store` opens).
    """
    if prefer not in PREFERENCES:
        raise ValueError(tr("--prefer ska vara mine, theirs eller newest, inte ”{prefer}”.", prefer=prefer))
    other = Path(other)
    if other.exists() and store.path.exists() and other.resolve() == store.path.resolve():
        raise StoreError(tr("En fil kan inte slås samman med sig själv."))
    if not dry_run:  # the verdict the first write waits for: found while the merge reads
        store.begin_integrity_check(soon=True)
    opened = attached_side(store.db, other, early) if copy_in_sql else other_side(other, early)
    with opened as theirs:
        mine = Side(store.db, store.path.name)

        def run() -> MergeReport:
            decided = decide(mine, theirs, prefer, resolve, history.author_of(store.db))
            _fill_plan_titles(decided.conflicts, mine, theirs)
            report = MergeReport(peer=theirs.name, conflicts=decided.conflicts, settings=merge_settings(
                mine.settings(SHARED_KEYS), theirs.settings(SHARED_KEYS), theirs.name))
            report.added = rows_per_table(w for w in decided.writes if w.new)
            report.updated = rows_per_table(w for w in decided.writes if not w.new)
            if dry_run:
                return report
            store.require_writable()  # the integrity check ran while the merge read
            apply(store.db, decided.writes)
            put_settings(store.db, report.settings.writes)
            with in_swedish():  # the plan's log is part of the document: Swedish in every language
                add_log_entries(store.db, [
                    (c.plan_uuid, f"Sammanslagning med ”{theirs.name}”. {c.describe(theirs.name)}", c.outcome)
                    for c in decided.conflicts if c.plan_uuid])
            report.applied = True
            return report

        with roomy_cache(store.db):
            if dry_run:
                return run()
            with store.write(reads_first=True):
                return run()


def merge_files(mine: Path | str, theirs: Path | str, prefer: str = "newest",
                resolve: Resolver | None = None, *, dry_run: bool = False, copy_in_sql: bool = True) -> MergeReport:
    """Open `mine` for writing, merge `theirs` into it as one transaction, and close it."""
    from db.store import open_store

    mine, theirs = Path(mine), Path(theirs)
    # The other file is checked while this one opens (SQLite reads both at once), unless they are one.
    early = EarlyCheck(theirs) if theirs.is_file() and mine.is_file() and not theirs.samefile(mine) else None
    try:
        store = open_store(mine, read_only=dry_run)
        try:
            if store.read_only and not dry_run:
                raise StoreError(tr("Filen ”{name}” är skrivskyddad; sammanslagningen kan inte sparas.",
                                    name=mine.name))
            return merge_into(store, theirs, prefer=prefer, resolve=resolve, dry_run=dry_run,
                              copy_in_sql=copy_in_sql, early=early)
        finally:
            store.close()
    finally:
        if early is not None:
            early.join()
