"""Dependencies between timeline items: the rules a link keeps, and the links of an item as plain values.

A dependency says that its successor waits for its predecessor: finish-to-start (FS, the
default), start-to-start (SS) or finish-to-finish (FF), shifted by a lag in working days or
weeks (negative: the successor may begin that much earlier). Items of different plans in one
file may be linked. The graph must stay without cycles: a link that would close one is refused
with the items of the cycle named, whichever way it comes (the form, the timeline, an undo, an
import), so no later step ever meets a cycle.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from typing import Any

from app import kinds
from app.i18n import tr
from db import models

Edge = tuple[int, int]  # (predecessor id, successor id)


def find_cycle(edges: Iterable[Edge], new: Edge) -> list[int] | None:
    """The items of the cycle that `new` would close among `edges`, starting and ending with its
    predecessor (a → b → … → a); None if it closes none."""
    pred, succ = new
    if pred == succ:
        return [pred, pred]
    path = _path(_successors(edges), succ, pred)
    return None if path is None else [pred, *path]


def cycle_in(edges: Iterable[Edge]) -> list[int] | None:
    """One cycle among `edges` (its first item repeated last), or None: the cycle closed by the
    first edge that closes one when they are added in order.

    A whole plan's links are checked at import, so this stays linear when there is no cycle;
    with one, the first closing edge is found by halving the list rather than edge by edge."""
    edges = list(edges)
    if not _has_cycle(edges):
        return None
    low, high = 0, len(edges) - 1  # edges[:high + 1] has a cycle; edges[:low] has none
    while low < high:
        middle = (low + high) // 2
        if _has_cycle(edges[:middle + 1]):
            high = middle
        else:
            low = middle + 1
    return find_cycle(edges[:high], edges[high])


def _successors(edges: Iterable[Edge]) -> dict[int, list[int]]:
    after: dict[int, list[int]] = defaultdict(list)
    for a, b in edges:
        after[a].append(b)
    return after


def _path(after: Mapping[int, list[int]], start: int, goal: int) -> list[int] | None:
    """The shortest path start → … → goal along `after`, or None."""
    came_from: dict[int, int] = {start: start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = [node]
            while path[-1] != start:
                path.append(came_from[path[-1]])
            return path[::-1]
        for nxt in after.get(node, ()):
            if nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    return None


def _has_cycle(edges: list[Edge]) -> bool:
    """Whether `edges` contain a cycle: items are taken off while nothing waits before them."""
    after = _successors(edges)
    waiting: dict[int, int] = defaultdict(int)
    for _a, b in edges:
        waiting[b] += 1
    free = [node for node in {*after, *waiting} if not waiting[node]]
    taken = 0
    while free:
        node = free.pop()
        taken += 1
        for nxt in after.get(node, ()):
            waiting[nxt] -= 1
            if not waiting[nxt]:
                free.append(nxt)
    return taken < len({*after, *waiting})


def item_name(code: str, title: str) -> str:
    """How a message names an item: "BP3 Beslut om införande", or its title alone."""
    return f"{code} {title}".strip() if code else (title or tr("(utan benämning)"))


def cycle_message(names: list[str]) -> str:
    return tr("Beroendet skulle göra en cirkel där posterna väntar på varandra: {items}. "
              "Ta bort ett av de andra beroendena först.", items=" → ".join(names))


def _live_edges(exclude: int | None) -> list[Edge]:
    D = models.Dependency
    query = D.select(D.predecessor, D.successor).where(D.deleted_at.is_null())
    if exclude is not None:
        query = query.where(D.id != exclude)
    return [(a, b) for a, b in query.tuples()]


def _names(ids: Iterable[int]) -> dict[int, str]:
    T = models.TimelineItem
    return {i: item_name(code, title) for i, code, title in
            T.select(T.id, T.code, T.title).where(T.id.in_(list(set(ids)))).tuples()}


def link_problem(values: Mapping[str, Any], row_id: int | None = None) -> str | None:
    """What is wrong with a dependency of `values` among the file's live ones (the row `row_id`
    itself aside): an item missing or removed, the same link twice, or a cycle; None if it may be."""
    pred, succ = values.get("predecessor"), values.get("successor")
    if pred is None or succ is None:
        return tr("Beroendet behöver både en föregångare och en efterföljare.")
    T = models.TimelineItem
    alive = {i for (i,) in T.select(T.id).where(T.id.in_([pred, succ]), T.deleted_at.is_null()).tuples()}
    if alive != {pred, succ}:
        return tr("Posten som beroendet gäller finns inte längre i tidplanen.")
    edges = _live_edges(row_id)
    if (pred, succ) in edges:
        return tr("Beroendet finns redan.")
    cycle = find_cycle(edges, (pred, succ))
    if cycle is not None:
        names = _names(cycle)
        return cycle_message([names.get(i, str(i)) for i in cycle])
    return None


def links_of(item_id: int) -> list[dict[str, Any]]:
    """The live dependencies an item takes part in, predecessors first, each with the other item's
    id and name and whether it is the predecessor ("before") or successor ("after") of `item_id`."""
    D = models.Dependency
    rows = list(D.select().where(D.deleted_at.is_null(), (D.predecessor == item_id) | (D.successor == item_id))
                .order_by(D.id))
    others = {r.__data__["predecessor"] if r.__data__["successor"] == item_id else r.__data__["successor"]
              for r in rows}
    names = _names(others)
    out = []
    for r in rows:
        d = r.__data__
        before = d["successor"] == item_id
        other = d["predecessor"] if before else d["successor"]
        out.append({"id": d["id"], "side": "before" if before else "after", "other": other,
                    "other_name": names.get(other, ""), "kind": d["kind"], "lag": d["lag"],
                    "lag_unit": d["lag_unit"], "version": d["version_id"]})
    out.sort(key=lambda link: link["side"] != "before")
    return out


def links_shown(ws: Any, item_id: int) -> list[dict[str, Any]]:
    """`links_of` for a view that shows them: on a team server a change of one of them is checked
    against the version shown (Workspace.shown)."""
    links = links_of(item_id)
    ws.shown("dependency", {link["id"]: link["version"] for link in links})
    return links


def describe(kind: str, lag: int, lag_unit: str) -> str:
    """A dependency's kind and lag as the form and the tooltip show them: "Slut till start + 2 veckor"."""
    text = kinds.DEPENDENCY_KINDS.get(kind, kind)
    if lag:
        unit = kinds.LAG_UNITS.get(lag_unit, lag_unit)
        if abs(lag) == 1:
            unit = {"day": "arbetsdag", "week": "vecka"}.get(lag_unit, unit)
        text += f" {'+' if lag > 0 else '−'} {abs(lag)} {unit}"
    return text
