"""The row history's edges: a row without history, and pruning on either side of its horizons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from app.workspace import Workspace
from db import history, models


def _stamped(ws: Workspace) -> tuple[Workspace, int, datetime]:
    """A store whose plan was edited once; the superseded version's time."""
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    ws.update("plan", plan, title="P2")
    (at,) = ws.store.db.execute_sql('SELECT max("at") FROM "row_version"').fetchone()
    return ws, plan, datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def test_a_row_without_history_has_none(any_ws: Workspace) -> None:
    assert history.row_history(any_ws.store.db, "ingen-sådan-rad") == []


def test_pruning_is_due_only_once_a_version_is_older_than_the_horizon(any_ws: Workspace) -> None:
    ws, _plan, at = _stamped(any_ws)
    edge = at + timedelta(days=history.HISTORY_DAYS)
    assert history.prune_if_due(ws.store.db, now=edge - timedelta(seconds=1)) is False
    assert history.prune_if_due(ws.store.db, now=edge + timedelta(seconds=1)) is True


def test_superseded_content_is_kept_for_the_whole_period_and_no_longer(any_ws: Workspace) -> None:
    ws, plan, at = _stamped(any_ws)
    edge = at + timedelta(days=history.HISTORY_DAYS)
    assert history.prune(ws.store.db, now=edge - timedelta(seconds=1)) == (0, 0)
    assert history.prune(ws.store.db, now=edge + timedelta(seconds=1)) == (1, 0)
    far = at + timedelta(days=history.IDENTITY_DAYS)
    assert history.prune(ws.store.db, now=far - timedelta(seconds=1)) == (0, 0)
    assert history.prune(ws.store.db, now=far + timedelta(seconds=1)) == (0, 1)
    uuid = models.Plan.get_by_id(plan).uuid
    assert [r.version for r in history.row_history(ws.store.db, uuid)] == [models.Plan.get_by_id(plan).version_id]
