"""A merge of two SQLite files copies the rows it takes as they are in SQL (the other file attached);
a merge with a team server reads them through Python. Both must give the same file.

Each case merges the same pair of files twice, once each way (`copy_in_sql` on and off, into two
byte copies of the same file), and compares everything the merge wrote: every user row by uuid
(foreign keys as the uuids they point at), the row history, the conflicts and the report, the
lines logged on the plans. Only what is new in every merge may differ: the merge records' time,
the log lines' own uuids, versions and times.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given

from app.merge import MergeReport, merge_files
from app.plans import add_examples, import_plan_data
from app.workspace import Workspace
from bench.generate import one_plan
from bench.scenarios import diverge
from db.history import shapes
from tests.app.test_merge_property import CASES, _ancestor, _apply, _copy, prefer, script


def _snapshot(path: Path) -> dict[str, Any]:
    """What a merge can change in a file, free of what is new in every merge."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out: dict[str, Any] = {}
        for s in shapes():
            fks = dict(s.fks)
            cols = ["uuid", "version_id", "rev", "created_at", "modified_at", *s.columns]
            select = ", ".join(f'(SELECT k."uuid" FROM "{fks[c]}" k WHERE k."id" = t."{c}")' if c in fks else f't."{c}"'
                               for c in cols)
            rows = conn.execute(f'SELECT {select} FROM "{s.name}" t').fetchall()
            if s.name == "log_entry":  # a merge's own log lines: new uuids, versions and times each time
                out["merge_log"] = sorted(r[5:] for r in rows if r[cols.index("kind")] == "merge")
                rows = [r for r in rows if r[cols.index("kind")] != "merge"]
            out[s.name] = {r[0]: r for r in rows}
        out["row_version"] = sorted(conn.execute(
            'SELECT tbl, row_uuid, version, parent, parent2, rev, CASE WHEN action = \'merge\' THEN \'\' ELSE at END, '
            'who, action, data FROM row_version'), key=repr)
        out["fk_check"] = conn.execute("PRAGMA foreign_key_check").fetchall()
        return out
    finally:
        conn.close()


def _report(report: MergeReport) -> tuple[Any, ...]:
    conflicts = [(c.table, c.uuid, c.field, c.plan_uuid, c.label, c.mine, c.theirs, c.mine_by, c.mine_at,
                  c.theirs_by, c.theirs_at, c.delete_vs_edit, c.plan_title, c.outcome) for c in report.conflicts]
    return report.added, report.updated, conflicts, report.lines()


def _both_ways(mine: Path, theirs: Path, folder: Path, prefer: str = "newest", **kw: Any) -> dict[str, Any]:
    """Merge `theirs` into two byte copies of `mine`, in SQL and through Python; assert the same outcome."""
    outcomes = []
    for in_sql in (True, False):
        target = folder / f"{mine.stem}-{'sql' if in_sql else 'python'}.uppdrag"
        shutil.copyfile(mine, target)
        report = merge_files(target, theirs, prefer, copy_in_sql=in_sql, **kw)
        outcomes.append((_report(report), _snapshot(target)))
    (sql_report, sql_file), (python_report, python_file) = outcomes
    assert sql_report == python_report
    assert sql_file == python_file
    assert sql_file["fk_check"] == []
    return sql_file


def _edited_apart(folder: Path, mine: list[Any], theirs: list[Any]) -> tuple[Path, Path]:
    """Two byte copies of the common ancestor, each changed by its own script."""
    a = _copy(_ancestor(), folder, "a.uppdrag")
    b = _copy(a, folder, "b.uppdrag")
    _apply(a, mine)
    _apply(b, theirs)
    return a, b


@CASES
@given(mine=script, theirs=script, third=script, prefer=prefer)
def test_copying_in_sql_gives_the_same_file_as_reading_through_python(
        mine: list[Any], theirs: list[Any], third: list[Any], prefer: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a, b = _edited_apart(folder, mine, theirs)
        c = _copy(b, folder, "c.uppdrag")  # a copy of a copy, changed again
        _apply(c, third)
        _both_ways(a, b, folder, prefer)
        _both_ways(b, a, folder, prefer)
        _both_ways(a, c, folder, prefer)
        merge_files(b, a, prefer)  # b has a's history now: c's merge into it descends partly from both
        _both_ways(c, b, folder, prefer)


@CASES
@given(mine=script, theirs=script)
def test_a_dry_run_reports_the_same_either_way(mine: list[Any], theirs: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        a, b = _edited_apart(Path(tmp), mine, theirs)
        before = a.read_bytes()
        reports = [_report(merge_files(a, b, dry_run=True, copy_in_sql=in_sql)) for in_sql in (True, False)]
        assert reports[0] == reports[1]
        assert a.read_bytes() == before


def _rich(path: Path, seed: int) -> None:
    """A file with every kind of row: the example plans and a generated project plan (sub-activities
    under their phases, dependencies, risks with assessments, people in roles)."""
    ws = Workspace.create(path)
    add_examples(ws)
    import_plan_data(ws, one_plan(60, seed=seed, risks=12, people=8))
    ws.close()


def _delete_some(path: Path, kind: str, every: int, offset: int) -> None:
    from app.kinds import kind as kind_of

    ws = Workspace.open(path)
    try:
        model = kind_of(kind).model
        for n, row in enumerate(model.select(model.id).where(model.deleted_at.is_null()).order_by(model.id)):
            if n % every == offset:
                ws.delete(kind, row.id)
    finally:
        ws.close()


def test_every_kind_of_row_comes_across_the_same_way_in_sql(tmp_path: Path) -> None:
    """New plans whose sub-activities point at activities added in the same statement, new people they
    point at, edits on both sides (conflicting and field-level), deletions against edits."""
    a = tmp_path / "a.uppdrag"
    _rich(a, seed=11)
    b = _copy(a, tmp_path, "b.uppdrag")
    diverge(a, 1, share=0.3)  # bench B8's two sides: some rows changed on both
    diverge(b, 2, share=0.3)
    _delete_some(a, "timeline", 7, 3)
    _delete_some(b, "risk", 3, 1)
    ws = Workspace.open(b)
    import_plan_data(ws, one_plan(40, seed=12, risks=6, people=5))  # new plan, people, items with parents
    ws.close()
    parent = _columns("timeline_item").index("parent_id")
    known = set(_snapshot(a)["timeline_item"])
    added = {u: r[parent] for u, r in _snapshot(b)["timeline_item"].items() if u not in known}
    assert sum(1 for p in added.values() if p) >= 10  # sub-activities under activities added with them
    for choice in ("mine", "theirs", "newest"):
        result = _both_ways(a, b, tmp_path, choice)
        assert {u: result["timeline_item"][u][parent] for u in added} == added
        _both_ways(b, a, tmp_path, choice)
    unrelated = tmp_path / "annan.uppdrag"
    _rich(unrelated, seed=13)  # never a copy: its plans are simply added
    assert len(_both_ways(a, unrelated, tmp_path)["plan"]) == 2 * 3


def _columns(table: str) -> list[str]:
    s = next(s for s in shapes() if s.name == table)
    return ["uuid", "version_id", "rev", "created_at", "modified_at", *s.columns]
