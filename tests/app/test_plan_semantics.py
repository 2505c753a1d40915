"""The import's quick yes for what the schema cannot say agrees with the row-by-row check that explains."""

from __future__ import annotations

import copy
import itertools
import random
from collections.abc import Callable
from typing import Any

import pytest

from app.plan_import import _semantic_problems, _semantic_problems_one_by_one, _semantics_hold, _vague
from app.validation import ValidationError, timeline_rows_pass, validate
from bench.generate import one_plan

PLAN = one_plan(60)
OTHER = "00000000-0000-4000-8000-000000000000"


def _first_with(rows: list[dict[str, Any]], key: str) -> dict[str, Any]:
    return next(r for r in rows if r[key])


MUTATIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "plan uuid again": lambda d: d["timeline"][3].__setitem__("uuid", d["uuid"]),
    "item uuid again": lambda d: d["timeline"][3].__setitem__("uuid", d["timeline"][7]["uuid"]),
    "section uuid is a person's": lambda d: d["sections"][0].__setitem__(
        "uuid", d["organisation"]["people"][0]["uuid"]),
    "role uuid is a risk's": lambda d: d["organisation"]["roles"][0].__setitem__("uuid", d["risks"][1]["uuid"]),
    "document date": lambda d: d["metadata"].__setitem__("document_date", "2025-02-30"),
    "decision date": lambda d: d["decision"].__setitem__("date", "2025-13"),
    "signature date": lambda d: d["decision"].__setitem__("signature_date", "2025-00-01"),
    "item start": lambda d: d["timeline"][5].__setitem__("start", "2025-02-29"),
    "item end": lambda d: d["timeline"][5].__setitem__("end", "2025-Q5"),
    "item end before start": lambda d: d["timeline"][9].update(start="2025-10", end="2025-01"),
    "role start": lambda d: d["organisation"]["roles"][1].__setitem__("start", "2025-06-31"),
    "resource start": lambda d: d["resources"][0].__setitem__("start", "2024-Q0"),
    "risk due": lambda d: d["risks"][2].__setitem__("due", "2025-04-31"),
    "log date": lambda d: d["log"][0].__setitem__("date", "2025-02-30"),
    "status report date": lambda d: d["status_reports"].append(
        {"uuid": OTHER, "date": "2025-99-01", "status": "green", "text": "x", "author": ""}),
    "responsible person": lambda d: _first_with(d["timeline"], "responsible_person").__setitem__(
        "responsible_person", OTHER),
    "parent": lambda d: _first_with(d["timeline"], "parent").__setitem__("parent", OTHER),
    "dependency": lambda d: _first_with(d["timeline"], "depends_on")["depends_on"].append(OTHER),
    "role person": lambda d: _first_with(d["organisation"]["roles"], "person").__setitem__("person", OTHER),
    "resource person": lambda d: _first_with(d["resources"], "person").__setitem__("person", OTHER),
    "blank title": lambda d: d["timeline"][11].__setitem__("title", "  "),
    "unknown kind": lambda d: d["timeline"][11].__setitem__("kind", "kung"),
    "unknown status": lambda d: d["timeline"][11].__setitem__("status", "glömd"),
    "progress": lambda d: d["timeline"][11].__setitem__("progress", 101),
}


def test_a_valid_plan_holds() -> None:
    assert _semantics_hold(PLAN)
    assert _semantic_problems_one_by_one(PLAN) == []


@pytest.mark.parametrize("name", MUTATIONS)
def test_each_problem_is_seen_by_both(name: str) -> None:
    data = copy.deepcopy(PLAN)
    MUTATIONS[name](data)
    assert not _semantics_hold(data)
    assert _semantic_problems_one_by_one(data)
    assert _semantic_problems(data) == _semantic_problems_one_by_one(data)


def test_timeline_rows_pass_exactly_when_validate_passes_each_row() -> None:
    kinds = ["phase", "activity", "kung", None, 1]
    titles = ["Aktivitet", "", "  ", None, 5]
    statuses = ["planned", "done", "glömd", None, True]
    progress = [None, 0, 100, 101, -1, True, 1.5, "50", 50]
    dates = [None, "2024-12-31", "2025", "2025-01", "2025-01-15", "2025-Q1", "2025-Q4", "2026"]
    rng = random.Random(7)
    combos = list(itertools.product(kinds, titles, statuses, progress, dates, dates))
    rows = [dict(zip(("kind", "title", "status", "progress", "start", "end"), c)) for c in rng.sample(combos, 4000)]

    def passes(row: dict[str, Any]) -> bool:
        try:
            validate("timeline", {**row, "start": _vague(row["start"]), "end": _vague(row["end"])})
        except ValidationError:
            return False
        return True

    good = [r for r in rows if passes(r)]
    assert 50 < len(good) < len(rows)
    for row in rows:
        assert timeline_rows_pass([row], _vague) == passes(row), row
    assert timeline_rows_pass(good, _vague)
    for bad in (r for r in rows[:300] if not passes(r)):
        assert not timeline_rows_pass([*good, bad], _vague), bad
    assert not timeline_rows_pass([{**good[0], "start": "2025-02-30"}], _vague)  # an unreadable date
