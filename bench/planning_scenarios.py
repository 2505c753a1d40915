"""B13: scheduling and the critical path of a large plan, in memory, beside one topological pass."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any


def planning_graph(items: int = 5000, links: int = 10000, seed: int = 13) -> tuple[list[Any], list[Any]]:
    """A plan as scheduling sees it: exact items three days apart, 1–10 days long, and links from each
    item to some of the next 40 (a few of them too early, so the pass also moves some)."""
    import random
    from datetime import date, timedelta

    from app.schedule import Link
    from app.timeline import TimelineRow

    rnd = random.Random(seed)
    base = date(2026, 1, 5)
    rows = []
    for i in range(items):
        first = base + timedelta(days=3 * i)
        last = first + timedelta(days=rnd.randint(0, 9))
        rows.append(TimelineRow(i + 1, 1, "activity", "", f"A{i}", "", first.isoformat(), "day", last.isoformat(),
                                "day", 0, "planned", first.toordinal(), first.toordinal(), last.toordinal(),
                                last.toordinal()))
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < links:
        a = rnd.randrange(items - 1)
        pairs.add((a + 1, min(items, a + 1 + rnd.randint(1, 40))))
    kinds = ("FS",) * 8 + ("SS", "FF")
    return rows, [Link(a, b, rnd.choice(kinds), rnd.randint(-2, 5)) for a, b in sorted(pairs)]


def topological_floor(ids: list[int], edges: list[tuple[int, int]]) -> list[int]:
    """One topological pass (Kahn) over the graph in plain Python: the least any schedule must do."""
    from collections import deque

    after: dict[int, list[int]] = {i: [] for i in ids}
    waiting = dict.fromkeys(ids, 0)
    for a, b in edges:
        after[a].append(b)
        waiting[b] += 1
    queue = deque(i for i in ids if waiting[i] == 0)
    order = []
    while queue:
        i = queue.popleft()
        order.append(i)
        for s in after[i]:
            waiting[s] -= 1
            if waiting[s] == 0:
                queue.append(s)
    return order


def b13(_path: Path, repeat: int = 7) -> dict[str, Any]:
    """Schedule a plan of 5,000 items and 10,000 dependencies and find its critical path, in memory;
    the floor is one topological pass over the same graph."""
    from app.schedule import critical_path, schedule
    from app.workdays import WorkCalendar

    rows, links = planning_graph()
    ids, edges = [r.id for r in rows], [(link.predecessor, link.successor) for link in links]
    values, floors, moved, critical = [], [], 0, 0
    for _ in range(repeat):
        calendar = WorkCalendar()  # its working days are built inside the measured time
        started = time.perf_counter()
        moves = schedule(rows, links, calendar)
        path = critical_path(rows, links)
        values.append(time.perf_counter() - started)
        moved, critical = len(moves), len(path.critical)
        started = time.perf_counter()
        topological_floor(ids, edges)
        floors.append(time.perf_counter() - started)
    return {"B13": {"value": statistics.median(values), "floor": statistics.median(floors), "unit": "s",
                    "items": len(rows), "dependencies": len(links), "moved": moved, "critical": critical}}
