"""Properties of the causal merge, over random edits on byte copies of a common ancestor.

Copies are made the way people make them (a byte copy, as the file manager or a mail
attachment does), never with a recorded base. For every generated case:
- no one-sided edit is lost (field by field, deletions included);
- merging A←B then B←A leaves both files with the same content and versions;
- merging twice changes nothing (the file's bytes stay the same);
- without conflicts the result does not depend on the order of merges;
- a file merged with a byte copy of itself is not changed;
- copies of copies share their past like copies do.

The number of cases comes from the Hypothesis profile (tests/conftest.py): a CI profile
in `make test`, and `UPPDRAG_HYPOTHESIS=thorough` for thousands.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.merge import merge_files
from app.workspace import Workspace
from db import models
from db.history import shapes
from tests.conftest import sha256

ROWS = 6
WORDS = ["a", "b", "c"]  # few values, so both sides often pick the same one
FIELDS = ["text", "measure", "kind"]

op = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, ROWS - 1), st.sampled_from(FIELDS), st.sampled_from(WORDS)),
    st.tuples(st.just("add"), st.sampled_from(WORDS)),
    st.tuples(st.just("delete"), st.integers(0, ROWS - 1)),
    st.tuples(st.just("restore"), st.integers(0, ROWS - 1)),
    st.tuples(st.just("move"), st.integers(0, ROWS - 1), st.integers(0, ROWS - 1)),
    st.tuples(st.just("title"), st.sampled_from(WORDS)),
    st.tuples(st.just("new_plan"), st.sampled_from(WORDS)),
)
script = st.lists(op, max_size=8)
prefer = st.sampled_from(["mine", "theirs", "newest"])

_ANCESTOR: dict[str, Path] = {}


def _ancestor() -> Path:
    """A file with a plan and ROWS goals (built once; every case starts from byte copies of it)."""
    if not _ANCESTOR:
        path = Path(tempfile.mkdtemp(prefix="merge-prop-")) / "anfader.uppdrag"
        ws = Workspace.create(path)
        plan = ws.add("plan", doc_type="plan", template="plan", title="start").ids[0]
        for n in range(ROWS):
            ws.add("goal", plan, kind="effect", text=f"g{n}", measure="")
        ws.close()
        _ANCESTOR["path"] = path
    return _ANCESTOR["path"]


def _copy(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(source, target)  # a byte copy, as people make them
    return target


def _apply(path: Path, ops: list[tuple[Any, ...]]) -> None:
    ws = Workspace.open(path)
    try:
        with ws.store.write():  # one commit for the whole script; every step is still its own version
            plan = models.Plan.select().order_by(models.Plan.id).first().id
            for o in ops:
                everyone = ws.list("goal", plan, include_deleted=True)
                alive = ws.list("goal", plan)
                if o[0] == "edit":
                    ws.update("goal", everyone[o[1] % len(everyone)]["id"], **{o[2]: o[3] if o[2] != "kind" else
                                                                              ("effect" if o[3] == "a" else "deliverable")})
                elif o[0] == "add":
                    ws.add("goal", plan, kind="effect", text=o[1])
                elif o[0] == "delete":
                    row = everyone[o[1] % len(everyone)]
                    if models.Goal.get_by_id(row["id"]).deleted_at is None:
                        ws.delete("goal", row["id"])
                elif o[0] == "restore":
                    row = everyone[o[1] % len(everyone)]
                    if models.Goal.get_by_id(row["id"]).deleted_at is not None:
                        ws.restore("goal", row["id"])
                elif o[0] == "move" and alive:
                    ws.move("goal", alive[o[1] % len(alive)]["id"], o[2])
                elif o[0] == "title":
                    ws.update("plan", plan, title=o[1])
                elif o[0] == "new_plan":
                    ws.add("plan", doc_type="plan", template="plan", title=o[1])
    finally:
        ws.close()


def _content(path: Path, *, versions: bool = False) -> dict[str, dict[str, tuple[Any, ...]]]:
    """Every user row by uuid: its content (tombstones as a flag), and its version if asked."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for s in shapes():
            cols = [c for c in s.columns if c not in dict(s.fks) and c != "deleted_at"]
            extra = ', "version_id"' if versions else ""
            listed = "".join(f', "{c}"' for c in cols)
            sql = f'SELECT "uuid", "deleted_at" IS NOT NULL{listed}{extra} FROM "{s.name}"'
            if s.name == "log_entry":
                sql += " WHERE kind != 'merge'"  # each merge logs its own conflicts
            out[s.name] = {r[0]: r[1:] for r in conn.execute(sql)}
        return out
    finally:
        conn.close()


def _goals(path: Path) -> dict[str, dict[str, Any]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {u: {"text": t, "measure": m, "kind": k, "deleted": d is not None, "position": p}
                for u, t, m, k, d, p in conn.execute(
                    "SELECT uuid, text, measure, kind, deleted_at, position FROM goal")}
    finally:
        conn.close()


def _changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> dict[tuple[str, str], Any]:
    out = {}
    for uuid, row in after.items():
        old = before.get(uuid)
        for name, value in row.items():
            if old is None or old[name] != value:
                out[(uuid, name)] = value
    return out


CASES = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CASES
@given(mine=script, theirs=script, prefer=prefer)
def test_no_one_sided_edit_is_lost_and_both_ways_converge(mine: list[Any], theirs: list[Any], prefer: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a = _copy(_ancestor(), folder, "a.uppdrag")
        b = _copy(a, folder, "b.uppdrag")
        origin = _goals(a)
        _apply(a, mine)
        _apply(b, theirs)
        ours, theirs_changes = _changes(origin, _goals(a)), _changes(origin, _goals(b))
        report = merge_files(a, b, prefer=prefer)
        merged = _goals(a)
        decided = {(c.uuid, "deleted" if c.field == "deleted_at" else c.field) for c in report.conflicts}
        for changes, other in ((ours, theirs_changes), (theirs_changes, ours)):
            # rows the other side edited in a way this side did not
            touched_there = {uuid for (uuid, n), v in other.items() if n != "deleted" and changes.get((uuid, n)) != v}
            for (uuid, name), value in changes.items():
                if name == "deleted" and value and uuid in touched_there and (uuid, name) not in other:
                    # deleted here, edited (and not deleted) there: a conflict
                    assert (uuid, "deleted") in decided
                elif (uuid, name) not in other:  # one-sided: must be in the result
                    assert merged[uuid][name] == value, (uuid, name)
        before = sha256(a)
        again = merge_files(a, b, prefer=prefer)
        assert again.conflicts == [] and not again.changed
        assert sha256(a) == before  # merging twice changes nothing
        back = merge_files(b, a, prefer=prefer)
        assert back.conflicts == []  # every conflict was settled and reported once, in a
        assert _content(a, versions=True) == _content(b, versions=True)


@CASES
@given(mine=script)
def test_a_byte_copy_of_itself_changes_nothing(mine: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a = _copy(_ancestor(), folder, "a.uppdrag")
        _apply(a, mine)
        copy = _copy(a, folder, "kopia.uppdrag")
        before = sha256(a)
        report = merge_files(a, copy)
        assert not report.changed and report.conflicts == []
        assert sha256(a) == before


def _disjoint(ops: list[tuple[Any, ...]], part: int) -> list[tuple[Any, ...]]:
    """The script with its edits, deletions and restores moved onto this part's half of the rows
    (moves and plan titles are left out: they would touch the other part's rows)."""
    half = ROWS // 2
    return [(o[0], o[1] % half + part * half, *o[2:]) if o[0] in ("edit", "delete", "restore") else o
            for o in ops if o[0] not in ("move", "title")]


@CASES
@given(b_ops=script, c_ops=script)
def test_without_conflicts_the_order_of_merges_does_not_matter(b_ops: list[Any], c_ops: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a1 = _copy(_ancestor(), folder, "a1.uppdrag")
        b = _copy(a1, folder, "b.uppdrag")
        c = _copy(b, folder, "c.uppdrag")  # a copy of a copy
        a2 = _copy(a1, folder, "a2.uppdrag")
        _apply(b, _disjoint(b_ops, 0))
        _apply(c, _disjoint(c_ops, 1))
        first = [merge_files(a1, b), merge_files(a1, c)]
        second = [merge_files(a2, c), merge_files(a2, b)]
        assert all(r.conflicts == [] for r in first + second)
        assert _content(a1) == _content(a2)
