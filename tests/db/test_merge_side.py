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
    # Asked to keep what it reads, it keeps the whole line (with the content) of the rows its parents did not
    # tell, the rows a merge goes on to read: `line` here, whose version two steps on is not a parent's child.
    read: dict = {}
    assert side.descended([(u_line, v3, v1), (u_once, w2, w1)], read=read) == {u_line, u_once}
    assert set(read) == {u_line} and read[u_line] == side.records([u_line])[u_line]
    assert any(r.data for r in read[u_line])


def test_the_records_another_side_lacks_are_those_it_has_not_or_has_without_the_content_here(any_ws: Workspace) -> None:
    ws = any_ws
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    goal = ws.add("goal", plan, kind="effect", text="ett").ids[0]
    for text in ("två", "tre"):
        ws.update("goal", goal, text=text)
    uuid, _ = _now(goal)
    side = Side(ws.store.db, "här")
    kept = {r.version: r.data is not None for r in side.records([uuid])[uuid]}
    assert side.record_contents([uuid]) == kept and side.record_contents([]) == {}
    with_content = sorted(v for v, k in kept.items() if k)  # the two superseded versions
    bare = next(v for v, k in kept.items() if not k)  # the current one
    assert len(with_content) == 2

    def lacking(known: dict[str, bool]) -> set[str]:
        return {r.version for r in side.records_lacking([uuid], known).get(uuid, [])}

    assert lacking({}) == set(kept)
    assert lacking(kept) == set()  # it has them all, as they are here
    assert lacking({v: False for v in kept}) == set(with_content)  # it gains the content it lacks
    assert lacking({with_content[0]: True, "okänd": True}) == set(kept) - {with_content[0]}
    assert lacking({bare: False}) == set(with_content)  # nothing to gain from a record without content here
    assert side.records_lacking([], kept) == {}


def test_the_heads_of_rows_are_the_parents_of_their_versions_here_on_either_backend(any_ws: Workspace) -> None:
    ws = any_ws
    plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
    edited, fresh = (ws.add("goal", plan, kind="effect", text=t).ids[0] for t in ("ett", "två"))
    u_edited, v1 = _now(edited)
    ws.update("goal", edited, text="ett b")
    _, v2 = _now(edited)
    u_fresh, f1 = _now(fresh)  # never changed: its version has no record yet
    side = Side(ws.store.db, "här")
    assert side.heads([(u_edited, v2, "annan"), (u_fresh, f1, "annan")]) == {u_edited: (v1, None)}
    assert side.heads([(u_fresh, v2, "annan")]) == {}  # another row's version is not this row's
    assert side.heads([]) == {}
    assert side.descended([(u_edited, v2, v1)], side.heads([(u_edited, v2, v1)])) == {u_edited}
