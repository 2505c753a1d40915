"""What a side of a merge tells of descent: whether a row's version here is another version or
descends from it. Either backend reads each version's own record first, and a row's line of records
only where its parents do not tell. Both must give the same answers."""

from __future__ import annotations

from app.workspace import Workspace
from db import models
from db.merge import Side


def _now(goal: int) -> tuple[str, str]:
    row = models.Goal.get_by_id(goal)
    return row.uuid, row.version_id


def test_a_version_descends_from_its_parent_and_from_further_back_on_either_backend(any_ws: Workspace) -> None:
    ws = any_ws
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    line, once, fresh = (ws.add("goal", plan, kind="effect", text=t).ids[0] for t in ("ett", "två", "tre"))
    u_line, v1 = _now(line)
    ws.update("goal", line, text="ett b")
    ws.update("goal", line, text="ett c")
    _, v3 = _now(line)
    u_once, w1 = _now(once)
    ws.update("goal", once, text="två b")
    _, w2 = _now(once)
    u_fresh, f1 = _now(fresh)  # never changed: its version has no record yet
    side = Side(ws.store.db, "här")
    assert side.descended([(u_line, v3, v1), (u_once, w2, w1), (u_fresh, f1, "okänd")]) == {u_line, u_once}
    assert side.descended([(u_line, v1, v3), (u_once, w1, w2), (u_fresh, f1, f1)]) == {u_fresh}
    assert side.descended([(u_line, v3, w1), (u_once, w2, "okänd")]) == set()
    assert side.descended([]) == set()
