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
from db import history, history_prune, models, statements
from db.merge import RawDatabase, Side, SteadySide, attached_side
from db.backup import copy_database
from tests.app.test_merge import _delete, _edit, _goal_texts, _log, _version


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
        history_prune.prune(models.database, now=datetime.now(UTC) + timedelta(days=3650))
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
    other = side.through(ws.store.db)  # another connection: the versions read so far go with it
    assert other.versions(goals) == {row.uuid: row.version_id}
    assert other.versions(history.shape_of("risk")) == {}  # a table not read yet: read when asked
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


def test_descent_on_a_file_by_each_versions_record_or_the_rows_line(ws: Workspace) -> None:
    """The questions tests/db/test_merge_side.py asks of both backends, asked here of a file: a parent,
    one further back, a version with no record, none at all, another row's version."""
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    line, once, fresh = (ws.add("goal", plan, kind="effect", text=t).ids[0] for t in ("ett", "två", "tre"))
    now = {g: (models.Goal.get_by_id(g).uuid, models.Goal.get_by_id(g).version_id) for g in (line, once, fresh)}
    for text in ("ett b", "ett c"):
        ws.update("goal", line, text=text)
    ws.update("goal", once, text="två b")
    (u_line, v1), (u_once, w1), (u_fresh, f1) = now[line], now[once], now[fresh]
    v3, w2 = models.Goal.get_by_id(line).version_id, models.Goal.get_by_id(once).version_id
    side = Side(ws.store.db, "här")
    assert side.descended([(u_line, v3, v1), (u_once, w2, w1), (u_fresh, f1, "okänd")]) == {u_line, u_once}
    assert side.descended([(u_line, v1, v3), (u_once, w1, w2), (u_fresh, f1, f1)]) == {u_fresh}
    assert side.descended([(u_line, v3, w1), (u_once, w2, "okänd"), (u_fresh, "okänd", f1)]) == set()
    assert side.descended([(u_once, v3, v1)]) == set()  # another row's version
    assert side.descended([]) == set()


def test_a_file_attached_as_a_side_answers_for_itself(pair: tuple[Path, Path, list[str]]) -> None:
    """The other file attached to this file's connection, read as a side: its own rows' versions, the
    states of the rows asked for, not of every row, and its own records."""
    a, b, uuids = pair
    _edit(b, uuids[0], text="ändrad där")
    ws = Workspace.open(a)
    try:
        with attached_side(ws.store.db, b) as theirs:
            goals = history.shape_of("goal")
            assert theirs.versions(goals) == {u: _version(b, u) for u in uuids}
            assert theirs.versions(goals)[uuids[0]] != _version(a, uuids[0])
            states = theirs.states(goals, [uuids[0]])
            assert [(u, s.version, s.values["text"]) for u, s in states.items()] == [
                (uuids[0], _version(b, uuids[0]), "ändrad där")]
            # its records of the row: the version it shares with this file, kept with its content now
            # that it is superseded there, and its current one, whose content is the row itself
            assert theirs.record_contents([uuids[0]]) == {_version(a, uuids[0]): True, _version(b, uuids[0]): False}
    finally:
        ws.close()


def test_a_merge_through_python_leaves_a_row_changed_here_alone_and_merges_one_changed_on_both(
        pair: tuple[Path, Path, list[str]]) -> None:
    """Without copying in SQL (as with a team server), this file's history tells which rows only it
    changed, once (parent) or twice (further back): they stay as they are; a row both changed is merged."""
    a, b, uuids = pair
    _edit(a, uuids[0], text="här en gång")
    for text in ("här", "här igen"):
        _edit(a, uuids[1], text=text)
    _edit(a, uuids[2], text="här")
    _edit(b, uuids[2], measure="där")
    report = merge_files(a, b, copy_in_sql=False)
    assert report.lines() == ["Sammanslagning med ”din.uppdrag”:", "  Ändrade mål: 1", "  Konflikter: 0"]
    assert _goal_texts(a) == {uuids[0]: ("här en gång", "", False), uuids[1]: ("här igen", "", False),
                              uuids[2]: ("här", "där", False)}


def test_rows_go_in_sql_only_from_a_file_attached_to_this_files_connection(ws: Workspace) -> None:
    here = Side(ws.store.db, "här")
    assert Side(ws.store.db, "där", schema="theirs").copies_into(here)
    other = sqlite3.connect(":memory:")
    try:
        assert not Side(RawDatabase(other), "där", schema="theirs").copies_into(here)
    finally:
        other.close()
    assert not Side(ws.store.db, "här").copies_into(here)


def test_a_merge_checks_the_other_file_once_and_never_recovers_it(pair: tuple[Path, Path, list[str]],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The check begun while this file opens is the one the merge uses; a file from someone else is
    only read, so a check may not recover (write) it."""
    from db import check

    a, b, _ = pair
    checked, real = [], check.check_file
    monkeypatch.setattr(check, "check_file", lambda path, **kw: checked.append((path, kw)) or real(path, **kw))
    merge_files(a, b)
    assert checked == [(b, {"allow_recovery": False})]


def test_rows_that_sit_at_other_ids_here_are_found_by_their_uuid(tmp_path: Path) -> None:
    """This file made rows of its own before the other's first came, so the other's rows sit at other
    ids here: rows changed here (once, or twice) stay, one changed there is taken, one changed on both
    is merged."""
    a, b = tmp_path / "min.uppdrag", tmp_path / "din.uppdrag"
    ws = Workspace.create(b)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Där").ids[0]
    for n in range(4):
        ws.add("goal", plan, kind="effect", text=f"där {n}", measure="")
    uuids = [g["uuid"] for g in ws.list("goal", plan)]
    ws.close()
    ws = Workspace.create(a)
    ws.add("goal", ws.add("plan", doc_type="plan", template="plan", title="Här").ids[0], kind="effect", text="egen")
    ws.close()
    merge_files(a, b)
    _edit(a, uuids[0], text="en gång här")
    _edit(b, uuids[1], text="ändrad där")
    for text in ("ändrad", "ändrad här"):  # twice: the version there is not the parent of the one here
        _edit(a, uuids[2], text=text)
    _edit(a, uuids[3], text="text här")
    _edit(b, uuids[3], measure="mått där")
    kept = [_version(a, u) for u in uuids[:3:2]]
    report = merge_files(a, b)
    assert report.lines() == ["Sammanslagning med ”din.uppdrag”:", "  Ändrade mål: 2", "  Konflikter: 0"]
    assert [_version(a, u) for u in uuids[:3:2]] == kept  # not merged: these descend from the other's
    texts = _goal_texts(a)
    assert len(texts) == 5
    assert [texts[u] for u in uuids] == [("en gång här", "", False), ("ändrad där", "", False),
                                         ("ändrad här", "", False), ("text här", "mått där", False)]
    conn = sqlite3.connect(f"file:{a}?mode=ro", uri=True)
    try:
        plans = dict(conn.execute("SELECT g.uuid, p.title FROM goal g JOIN plan p ON p.id = g.plan_id"))
    finally:
        conn.close()
    assert [plans[u] for u in uuids] == ["Där"] * 4  # its plan found by uuid, not by its id there


def test_log_lines_of_a_merge_follow_each_plans_own_and_skip_a_plan_the_file_lacks(any_ws: Workspace) -> None:
    """On either backend (the server's way is one statement over arrays; its names are case-sensitive)."""
    from db.merge import add_log_entries

    ws = any_ws
    empty, logged = (ws.add("plan", doc_type="plan", template="plan", title=t).ids[0] for t in ("Tom", "Loggad"))
    ws.add("log", logged, text="egen rad")
    e, g = (models.Plan.get_by_id(p).uuid for p in (empty, logged))
    with models.database.atomic():
        add_log_entries(ws.store.db, [(e, "ett", "mine"), (g, "två", "theirs"), ("okänd", "tre", "mine"),
                                      (e, "fyra", "theirs"), (e, "fem", "mine")])
    lines = [(r.plan_id, r.position, r.kind, r.text, r.status, r.decided_by, r.rev, r.deleted_at) for r in
             models.LogEntry.select().where(models.LogEntry.kind == "merge").order_by(models.LogEntry.id)]
    assert lines == [(empty, 0, "merge", "ett", "mine", "", 1, None), (logged, 1, "merge", "två", "theirs", "", 1, None),
                     (empty, 1, "merge", "fyra", "theirs", "", 1, None), (empty, 2, "merge", "fem", "mine", "", 1, None)]


def test_settings_a_merge_writes_are_read_back_and_an_unreadable_one_is_passed_over(any_ws: Workspace) -> None:
    from db.merge import put_settings
    from db.models import Setting
    from db.settings import write_setting

    ws = any_ws
    with models.database.atomic():
        put_settings(ws.store.db, {"a_trasig": 1, "b_hel": ["Sommarstängt"]})
        put_settings(ws.store.db, {"b_hel": ["Mellandagar"], "c_ny": {"år": 2026}})
        ws.store.db.execute_sql(statements.in_style(ws.store.db, 'UPDATE "setting" SET "value" = ? WHERE "key" = ?'),
                                ("{trasig", "a_trasig"))
    side = Side(ws.store.db, "här")
    assert side.settings(["a_trasig", "b_hel", "c_ny", "saknas"]) == {"b_hel": ["Mellandagar"], "c_ny": {"år": 2026}}
    # stored as the file's own settings are (db.settings), so the text in the file is the same whoever wrote it
    stored = ws.store.db.execute_sql(statements.in_style(ws.store.db, 'SELECT "value" FROM "setting" WHERE "key" = ?'),
                                     ("c_ny",)).fetchone()[0]
    with models.database.atomic():
        write_setting("c_egen", {"år": 2026})
    assert Setting.get(Setting.key == "c_egen").value == stored == '{"år": 2026}'


@pytest.mark.parametrize("copy_in_sql", [True, False])
def test_a_new_activity_under_a_phase_made_after_it_comes_under_it_and_no_staging_table_is_left(
        tmp_path: Path, copy_in_sql: bool) -> None:
    """The other file made an activity, then a phase, and moved the activity under the phase: both are new here,
    the activity before the phase it points at. It comes under it, copied from the attached file or through
    a staging table, and the merge leaves no staging table behind on this file's connection."""
    from app.merge import merge_into
    from db.store import open_store

    a, b = tmp_path / "min.uppdrag", tmp_path / "din.uppdrag"
    Workspace.create(a).close()
    ws = Workspace.create(b)
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    item = ws.add("timeline", plan, kind="activity", title="Aktivitet").ids[0]
    phase = ws.add("timeline", plan, kind="phase", title="Fas").ids[0]
    ws.update("timeline", item, parent=phase)
    item_uuid, phase_uuid = models.TimelineItem.get_by_id(item).uuid, models.TimelineItem.get_by_id(phase).uuid
    ws.close()
    store = open_store(a)
    try:
        assert merge_into(store, b, copy_in_sql=copy_in_sql).added == {"plan": 1, "timeline_item": 2}
        assert store.db.execute_sql("SELECT name FROM temp.sqlite_master").fetchall() == []
    finally:
        store.close()
    assert _parent_and_title(a, item_uuid) == (phase_uuid, "Aktivitet")
    assert _parent_and_title(a, phase_uuid) == (None, "Fas")


def test_a_conflict_settled_differently_in_two_files_is_a_conflict_again_when_they_meet(
        pair: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    a, b, uuids = pair
    _edit(a, uuids[0], text="här", measure="mått här")
    _edit(b, uuids[0], text="där")
    a_before = tmp_path / "a-before.uppdrag"
    copy_database(a, a_before)
    assert len(merge_files(a, b, prefer="mine").conflicts) == 1  # each keeps its own text
    assert len(merge_files(b, a_before, prefer="mine").conflicts) == 1
    assert _goal_texts(a)[uuids[0]][:2] == ("här", "mått här")
    assert _goal_texts(b)[uuids[0]][:2] == ("där", "mått här")
    report = merge_files(a, b, prefer="theirs")
    assert [(c.uuid, c.field, c.mine, c.theirs) for c in report.conflicts] == [(uuids[0], "text", "här", "där")]
    assert _goal_texts(a)[uuids[0]][:2] == ("där", "mått här")  # the measure both took is no conflict
    assert sum("Behöll värdet från ”din.uppdrag”" in line for line in _log(a)) == 1  # this merge's, logged once
