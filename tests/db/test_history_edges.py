"""The row history's edges: a row without history, and pruning on either side of its horizons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.workspace import Workspace
from db import history, models


def _stamped(path: Path) -> tuple[Workspace, int, datetime]:
    """A file whose plan was edited once; the superseded version's time."""
    ws = Workspace.create(path)
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    ws.update("plan", plan, title="P2")
    (at,) = ws.store.db.execute_sql('SELECT max("at") FROM "row_version"').fetchone()
    return ws, plan, datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def test_a_row_without_history_has_none(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "h.uppdrag")
    assert history.row_history(ws.store.db, "ingen-sådan-rad") == []
    ws.close()


def test_pruning_is_due_only_once_a_version_is_older_than_the_horizon(tmp_path: Path) -> None:
    ws, _plan, at = _stamped(tmp_path / "h.uppdrag")
    edge = at + timedelta(days=history.HISTORY_DAYS)
    assert history.prune_if_due(ws.store.db, now=edge - timedelta(seconds=1)) is False
    assert history.prune_if_due(ws.store.db, now=edge + timedelta(seconds=1)) is True
    ws.close()


def test_superseded_content_is_kept_for_the_whole_period_and_no_longer(tmp_path: Path) -> None:
    ws, plan, at = _stamped(tmp_path / "h.uppdrag")
    edge = at + timedelta(days=history.HISTORY_DAYS)
    assert history.prune(ws.store.db, now=edge - timedelta(seconds=1)) == (0, 0)
    assert history.prune(ws.store.db, now=edge + timedelta(seconds=1)) == (1, 0)
    far = at + timedelta(days=history.IDENTITY_DAYS)
    assert history.prune(ws.store.db, now=far - timedelta(seconds=1)) == (0, 0)
    assert history.prune(ws.store.db, now=far + timedelta(seconds=1)) == (0, 1)
    uuid = models.Plan.get_by_id(plan).uuid
    assert [r.version for r in history.row_history(ws.store.db, uuid)] == [models.Plan.get_by_id(plan).version_id]
    ws.close()
