"""The merge and the row history: the base of a three-way merge is the latest version both files
share, the version a merge replaces keeps its content, a side read during a sync reads each table's
versions once, and a row merged field by field points at the rows it should."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.merge import merge_files
from app.workspace import Workspace
from db import history, models
from db.merge import Side, SteadySide
from tests.app.test_merge import _delete, _edit, _goal_texts


def _versions_counting_down(monkeypatch: pytest.MonkeyPatch) -> None:
    """Version ids that sort backwards: each new one is smaller than the one before."""
    left = iter(range(10**6, 0, -1))
    monkeypatch.setattr(models, "new_version", lambda: f"{next(left):032x}")
    monkeypatch.setattr(models, "new_versions", lambda count: [f"{next(left):032x}" for _ in range(count)])


def test_the_common_version_is_the_latest_both_have_not_the_first(pair: tuple[Path, Path, list[str]],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Both files share several versions of a row; each then changes another field. The base of the
    three-way merge is the latest shared version (by its rev; the ids here sort backwards), so the text
    changed back here to an older value is this file's change, not a conflict."""
    a, b, uuids = pair
    _versions_counting_down(monkeypatch)
    for n in range(1, 4):
        _edit(a, uuids[0], text=f"text {n}")
        merge_files(b, a)
    _edit(a, uuids[0], text="text 1")
    _edit(b, uuids[0], measure="mätt där")
    report = merge_files(a, b)
    assert report.conflicts == []
    assert _goal_texts(a)[uuids[0]] == ("text 1", "mätt där", False)


def test_a_merged_row_keeps_this_files_version_it_replaced(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    _edit(a, uuids[0], text="här")
    _edit(b, uuids[0], measure="där")
    conn = sqlite3.connect(f"file:{a}?mode=ro", uri=True)
    (mine,) = conn.execute("SELECT version_id FROM goal WHERE uuid = ?", (uuids[0],)).fetchone()
    (plan,) = conn.execute("SELECT uuid FROM plan").fetchone()
    conn.close()
    merge_files(a, b)
    conn = sqlite3.connect(f"file:{a}?mode=ro", uri=True)
    try:
        (data,) = conn.execute("SELECT data FROM row_version WHERE version = ?", (mine,)).fetchone()
    finally:
        conn.close()
    assert json.loads(data) == {"kind": "effect", "measure": "", "plan_id": plan, "position": 0, "text": "här"}


def _forget_old_history(path: Path) -> None:
    """The history as ten years on: the records of versions no row holds are gone."""
    ws = Workspace.open(path)
    with models.database.atomic():
        history.prune(models.database, now=datetime.now(UTC) + timedelta(days=3650))
    ws.close()


def test_a_common_version_whose_record_is_forgotten_is_passed_over_for_a_later_one(
        pair: tuple[Path, Path, list[str]]) -> None:
    """Both files forgot the record of the row's first version, which the later shared version still
    names as its parent: that later one is the base, and each file's change of another field is kept."""
    a, b, uuids = pair
    _edit(a, uuids[0], text="delad")
    merge_files(b, a)
    for path in (a, b):
        _forget_old_history(path)
    _edit(a, uuids[0], text="här")
    _edit(b, uuids[0], measure="där")
    report = merge_files(a, b)
    assert report.conflicts == []
    assert _goal_texts(a)[uuids[0]] == ("här", "där", False)


def test_a_steady_side_reads_each_tables_versions_once(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "fil.uppdrag")
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    goal = ws.add("goal", plan, kind="effect", text="ett").ids[0]
    row = models.Goal.get_by_id(goal)
    side = SteadySide(ws.store.db, "här")
    goals, plans = history.shape_of("goal"), history.shape_of("plan")
    assert side.name == "här"
    assert side.versions(goals) == {row.uuid: row.version_id}
    ws.update("goal", goal, text="två")
    assert side.versions(goals) == {row.uuid: row.version_id}  # as first read, though the row moved on
    assert Side(ws.store.db, "här").versions(goals) == {row.uuid: models.Goal.get_by_id(goal).version_id}
    assert side.versions(plans) == {models.Plan.get_by_id(plan).uuid: models.Plan.get_by_id(plan).version_id}
    ws.close()


def _parent_and_title(path: Path, uuid: str) -> tuple[str | None, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT p.uuid, t.title FROM timeline_item t LEFT JOIN timeline_item p ON p.id = t.parent_id "
                            "WHERE t.uuid = ?", (uuid,)).fetchone()
    finally:
        conn.close()


def _moved_there(tmp_path: Path, **there: object) -> tuple[Path, Path, int, str, str]:
    """Two files sharing a plan with an activity under "Fas 1"; the other one (b) moved the activity
    under "Fas 2", a phase it made, and wrote `there` into it. (a, b, the activity's id in a, its
    uuid, the new phase's uuid)."""
    a, b = tmp_path / "min.uppdrag", tmp_path / "din.uppdrag"
    ws = Workspace.create(a)
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    first = ws.add("timeline", plan, kind="phase", title="Fas 1").ids[0]
    item = ws.add("timeline", plan, kind="activity", title="Aktivitet", parent=first).ids[0]
    item_uuid = models.TimelineItem.get_by_id(item).uuid
    ws.close()
    Workspace.create(b).close()
    merge_files(b, a)
    ws = Workspace.open(b)
    second = ws.add("timeline", models.Plan.select().first().id, kind="phase", title="Fas 2").ids[0]
    ws.update("timeline", models.TimelineItem.get(models.TimelineItem.uuid == item_uuid).id, parent=second, **there)
    second_uuid = models.TimelineItem.get_by_id(second).uuid
    ws.close()
    return a, b, item, item_uuid, second_uuid


def test_a_row_merged_field_by_field_points_at_the_parent_the_other_file_gave_it(tmp_path: Path) -> None:
    """The other file moved an activity under a phase it made; this file renamed it. The merged row has
    both, its parent found among the rows this merge brings."""
    a, b, item, item_uuid, second_uuid = _moved_there(tmp_path)
    ws = Workspace.open(a)
    ws.update("timeline", item, title="Aktivitet omdöpt")
    ws.close()
    report = merge_files(a, b)
    assert report.conflicts == []
    assert _parent_and_title(a, item_uuid) == (second_uuid, "Aktivitet omdöpt")


@pytest.mark.parametrize("copy_in_sql", [True, False])
def test_a_row_only_the_other_file_changed_comes_with_the_parent_it_gave_it(tmp_path: Path, copy_in_sql: bool) -> None:
    """Taken as it is there (copied from the attached file, or through a staging table), with the phase
    the other file moved it under, one that file made."""
    a, b, _, item_uuid, second_uuid = _moved_there(tmp_path, title="Flyttad")
    report = merge_files(a, b, copy_in_sql=copy_in_sql)
    assert report.lines() == ["Sammanslagning med ”din.uppdrag”:", "  Nya tidplansposter: 1",
                              "  Ändrade tidplansposter: 1", "  Konflikter: 0"]
    assert _parent_and_title(a, item_uuid) == (second_uuid, "Flyttad")


def test_a_delete_after_the_same_edit_on_both_sides_is_no_conflict(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    _edit(a, uuids[0], text="samma")
    _delete(a, uuids[0])
    _edit(b, uuids[0], text="samma")
    report = merge_files(a, b)
    assert report.conflicts == []
    assert _goal_texts(a)[uuids[0]] == ("samma", "", True)


def test_with_no_common_version_left_a_delete_is_one_conflict_of_delete_against_edit(
        pair: tuple[Path, Path, list[str]]) -> None:
    """The other copy deleted the row and forgot the old history: one conflict, the deletion against
    this file's version, settled by `prefer`."""
    a, b, uuids = pair
    _edit(a, uuids[0], measure="här")
    _edit(b, uuids[0], text="där")
    _delete(b, uuids[0])
    _forget_old_history(b)
    report = merge_files(a, b, prefer="theirs")
    assert [(c.field, c.delete_vs_edit, c.outcome) for c in report.conflicts] == [
        ("deleted_at", True, "theirs"), ("measure", False, "theirs"), ("text", False, "theirs")]
    assert _goal_texts(a)[uuids[0]] == ("där", "", True)


def test_a_row_deleted_on_both_sides_at_different_times_is_no_conflict(pair: tuple[Path, Path, list[str]]) -> None:
    a, b, uuids = pair
    _delete(a, uuids[0])
    _delete(b, uuids[0])
    report = merge_files(a, b)
    assert report.conflicts == []
    assert _goal_texts(a)[uuids[0]] == ("mål 0", "", True)
