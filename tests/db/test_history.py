"""The row history: every change is a version, superseded content is kept, old history is pruned."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.workspace import Workspace
from db import history, history_prune, models
from db.statements import in_style
from tests.conftest import sha256


def _records(ws: Workspace, uuid: str) -> list[tuple]:
    sql = in_style(ws.store.db, 'SELECT version, parent, rev, action, data IS NOT NULL FROM row_version '
                                'WHERE row_uuid = ? ORDER BY rev')
    return [tuple(r) for r in ws.store.db.execute_sql(sql, (uuid,)).fetchall()]


def test_every_change_is_a_new_version_that_remembers_the_one_before(any_ws: Workspace) -> None:
    ws = any_ws
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    goal = ws.add("goal", plan, kind="effect", text="ett").ids[0]
    first = models.Goal.get_by_id(goal).version_id
    assert _records(ws, models.Goal.get_by_id(goal).uuid) == []  # a new row writes no history
    ws.update("goal", goal, text="två")
    ws.delete("goal", goal)
    ws.restore("goal", goal)
    row = models.Goal.get_by_id(goal)
    recs = _records(ws, row.uuid)
    assert [r[3] for r in recs] == ["create", "edit", "delete", "restore"]
    assert recs[0][0] == first and [r[1] for r in recs[1:]] == [r[0] for r in recs[:-1]]  # a line of descent
    assert [r[4] for r in recs] == [True, True, True, False]  # the current version's content is the row
    assert row.version_id == recs[-1][0] and row.rev == 4
    old = history.row_history(ws.store.db, row.uuid)[1].values()
    assert old is not None and old["text"] == "två" and old["plan_id"] == models.Plan.get_by_id(plan).uuid


# About separate files, each with its own store: stays on files.
def test_a_version_id_is_unique_across_files(tmp_path: Path) -> None:
    ids = set()
    for n in range(2):
        ws = Workspace.create(tmp_path / f"{n}.uppdrag")
        plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
        ids.add(models.Plan.get_by_id(plan).version_id)
        ws.close()
    assert len(ids) == 2 and all(len(v) == 32 for v in ids)


def test_pruning_forgets_old_content_first_and_old_versions_later(any_ws: Workspace) -> None:
    ws = any_ws
    path = None if ws.on_server else ws.path  # a file's bytes, where there is a file
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    for n in range(3):
        ws.update("plan", plan, title=f"P{n}")
    uuid = models.Plan.get_by_id(plan).uuid
    before, kept = path and sha256(path), _records(ws, uuid)
    assert history_prune.prune_due(ws.store.db) is False  # nothing old: nothing written
    assert _records(ws, uuid) == kept and (path and sha256(path)) == before
    later = datetime.now(UTC) + timedelta(days=history.HISTORY_DAYS + 1)
    assert history_prune.prune_due(ws.store.db, now=later) is True
    history_prune.prune(ws.store.db, now=later)
    recs = _records(ws, uuid)
    assert len(recs) == 4 and [r[4] for r in recs] == [False, False, False, False]
    history_prune.prune(ws.store.db, now=datetime.now(UTC) + timedelta(days=history.IDENTITY_DAYS + 1))
    assert [r[0] for r in _records(ws, uuid)] == [models.Plan.get_by_id(plan).version_id]  # the current one stays


def test_a_version_keeps_its_empty_fields_by_leaving_them_out(tmp_path: Path) -> None:
    """A superseded version's record leaves out the NULL fields of columns without a default, and
    reads them back; a column added to the table after a record was written reads as its default."""
    path = tmp_path / "e.uppdrag"
    ws = Workspace.create(path)
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    item = ws.add("timeline", plan, kind="activity", title="A", comment="").ids[0]
    ws.update("timeline", item, title="B")
    uuid = models.TimelineItem.get_by_id(item).uuid
    old = history.row_history(ws.store.db, uuid)[0]
    stored = json.loads(old.data or "")
    assert "actual_start" not in stored and "parent_id" not in stored and stored["comment"] == ""
    values = old.values()
    assert values is not None and values["title"] == "A"
    assert values["actual_start"] is None and values["parent_id"] is None and values["comment"] == ""
    assert set(values) == set(history.shape_of("timeline_item").columns)
    written_before = old._replace(data=json.dumps({k: v for k, v in stored.items() if k != "checklist"}))
    assert (written_before.values() or {})["checklist"] == ""  # the column's default, as the migration gave it
    ws.close()
