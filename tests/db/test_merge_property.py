"""Property: random edit scripts on two copies of a common ancestor, then merged.

Every non-conflicting edit of both sides survives; each conflict is reported
exactly once; merging again changes nothing; --prefer mine and --prefer theirs
differ only on the conflicting fields.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.workspace import Workspace
from db import models
from db.merge import DELETED, _Side, _tables, merge_files
from tests.conftest import sha256

WORDS = ["a", "b", "c"]  # few values, so both sides often pick the same one
op = st.one_of(
    st.tuples(st.just("update"), st.integers(0, 9), st.sampled_from(["text", "measure", "kind"]),
              st.sampled_from(WORDS)),
    st.tuples(st.just("add"), st.sampled_from(WORDS)),
    st.tuples(st.just("delete"), st.integers(0, 9)),
    st.tuples(st.just("move"), st.integers(0, 9), st.integers(0, 9)),
    st.tuples(st.just("title"), st.sampled_from(WORDS)),
)
script = st.lists(op, max_size=8)

_TEMPLATE: dict[str, Path] = {}


def _ancestor_pair() -> tuple[Path, Path]:
    """A file with a plan and four goals, and a second file synchronised with it (built once)."""
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="merge-prop-"))
        a, b = folder / "a.uppdrag", folder / "b.uppdrag"
        ws = Workspace.create(a)
        plan = ws.add("plan", doc_type="plan", template="plan", title="start").ids[0]
        for n in range(4):
            ws.add("goal", plan, kind="effect", text=f"g{n}")
        ws.close()
        Workspace.create(b).close()
        merge_files(b, a)
        merge_files(a, b)
        _TEMPLATE.update(a=a, b=b)
    return _TEMPLATE["a"], _TEMPLATE["b"]


def _apply(path: Path, ops: list[tuple[Any, ...]]) -> None:
    ws = Workspace.open(path)
    plan = models.Plan.select().first().id
    for o in ops:
        goals = ws.list("goal", plan)
        if o[0] == "add":
            ws.add("goal", plan, kind="effect", text=o[1])
        elif o[0] == "title":
            ws.update("plan", plan, title=o[1])
        elif not goals:
            continue
        elif o[0] == "update":
            value = {"kind": "effect" if o[3] == "a" else "deliverable"}.get(o[2], o[3])
            ws.update("goal", goals[o[1] % len(goals)]["id"], **{o[2]: value})
        elif o[0] == "delete":
            ws.delete("goal", goals[o[1] % len(goals)]["id"])
        elif o[0] == "move":
            ws.move("goal", goals[o[1] % len(goals)]["id"], o[2] % len(goals))
    ws.close()


def _rows(path: Path) -> dict[str, dict[str, Any]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        side = _Side(conn, _tables())
    finally:
        conn.close()
    return {u: r.values for t in ("plan", "goal") for u, r in side.rows[t].items()}


def _expected(o: dict[str, Any], a: dict[str, Any], b: dict[str, Any]) -> tuple[dict[str, Any], set[str], bool]:
    """Per-field three-way result, the conflicting fields, and whether it is a delete-vs-edit conflict."""
    out, clash, mine_only, theirs_only = {}, set(), set(), set()
    for f in a:
        if a[f] == b[f]:
            out[f] = a[f]
        elif a[f] == o[f]:
            out[f], theirs_only = b[f], theirs_only | {f}
        elif b[f] == o[f]:
            out[f], mine_only = a[f], mine_only | {f}
        else:
            clash.add(f)
    dve = False
    if DELETED in theirs_only and (mine_only or clash):
        clash |= mine_only | {DELETED}
        dve = True
    elif DELETED in mine_only and (theirs_only or clash):
        clash |= theirs_only | {DELETED}
        dve = True
    elif DELETED in clash:
        dve = True
    return out, clash, dve


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mine_ops=script, their_ops=script)
def test_merge_properties(mine_ops: list[tuple[Any, ...]], their_ops: list[tuple[Any, ...]]) -> None:
    src_a, src_b = _ancestor_pair()
    folder = Path(tempfile.mkdtemp(prefix="merge-case-"))
    try:
        a, b = folder / "a.uppdrag", folder / "b.uppdrag"
        shutil.copyfile(src_a, a)
        shutil.copyfile(src_b, b)
        ancestor = _rows(a)
        _apply(a, mine_ops)
        _apply(b, their_ops)
        mine, theirs = _rows(a), _rows(b)
        results, reports = {}, {}
        for prefer in ("mine", "theirs"):
            target = folder / f"{prefer}.uppdrag"
            shutil.copyfile(a, target)
            reports[prefer] = merge_files(target, b, prefer=prefer)
            results[prefer] = _rows(target)
            before = sha256(target)
            again = merge_files(target, b, prefer=prefer)
            assert again.conflicts == [] and not again.changed
            assert sha256(target) == before
        expected_conflicts = {}
        for uuid in mine.keys() | theirs.keys():
            if uuid not in theirs:
                for prefer in results:
                    assert results[prefer][uuid] == mine[uuid]  # added here: kept
                continue
            if uuid not in mine:
                for prefer in results:
                    assert results[prefer][uuid] == theirs[uuid]  # added there: brought in
                continue
            out, clash, dve = _expected(ancestor[uuid], mine[uuid], theirs[uuid])
            if clash:
                expected_conflicts[uuid] = (clash, dve)
            for f, value in out.items():
                if f not in clash:
                    assert results["mine"][uuid][f] == value, (uuid, f)
                    assert results["theirs"][uuid][f] == value, (uuid, f)
            for f in clash:
                assert results["mine"][uuid][f] == mine[uuid][f]
                assert results["theirs"][uuid][f] == theirs[uuid][f]
        for prefer, report in reports.items():
            got = [c.uuid for c in report.conflicts]
            assert len(got) == len(set(got))  # each exactly once
            assert {c.uuid: (set(c.fields), c.delete_vs_edit) for c in report.conflicts} == expected_conflicts
            conn = sqlite3.connect(f"file:{folder / f'{prefer}.uppdrag'}?mode=ro", uri=True)
            logged = conn.execute("SELECT count(*) FROM log_entry WHERE kind = 'merge'").fetchone()[0]
            conn.close()
            assert logged == len(expected_conflicts)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
