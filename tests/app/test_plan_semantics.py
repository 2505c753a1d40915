"""The plan file's one semantic check: quick for a valid plan, and each problem with the path of its value."""

from __future__ import annotations

import copy
import itertools
import random
from collections.abc import Callable
from typing import Any

import pytest

from app.planfile.semantics import semantic_problems, vague
from app.validation import ValidationError, timeline_problems, validate
from bench.generate import one_plan

PLAN = one_plan(60)
OTHER = "00000000-0000-4000-8000-000000000000"


def _first_with(rows: list[dict[str, Any]], key: str) -> int:
    return next(i for i, r in enumerate(rows) if r[key])


def _set(rows: str, index: int | Callable[[dict[str, Any]], int], key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(d: dict[str, Any]) -> None:
        where = d
        for part in rows.split("."):
            where = where[part]
        where[index if isinstance(index, int) else index(d)][key] = value
    return mutate


def _person_of(rows: str) -> Callable[[dict[str, Any]], int]:
    return lambda d: _first_with(d["organisation"]["roles"] if rows == "roles" else d["resources"], "person")


# A problem the schema cannot see, and the start of the line that must report it.
MUTATIONS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "plan uuid again": (lambda d: d["timeline"][3].__setitem__("uuid", d["uuid"]), "timeline[3].uuid"),
    "item uuid again": (lambda d: d["timeline"][3].__setitem__("uuid", d["timeline"][7]["uuid"]), "timeline[7].uuid"),
    "section uuid is a person's": (lambda d: d["sections"][0].__setitem__(
        "uuid", d["organisation"]["people"][0]["uuid"]), "organisation.people[0].uuid"),
    "role uuid is a risk's": (lambda d: d["organisation"]["roles"][0].__setitem__("uuid", d["risks"][1]["uuid"]),
                              "organisation.roles[0].uuid"),
    "document date": (lambda d: d["metadata"].__setitem__("document_date", "2025-02-30"), "metadata.document_date"),
    "decision date": (lambda d: d["decision"].__setitem__("date", "2025-13"), "decision.date"),
    "signature date": (lambda d: d["decision"].__setitem__("signature_date", "2025-00-01"), "decision.signature_date"),
    "item start": (_set("timeline", 5, "start", "2025-02-29"), "timeline[5].start"),
    "item end": (_set("timeline", 5, "end", "2025-Q5"), "timeline[5].end"),
    "item end before start": (lambda d: d["timeline"][9].update(start="2025-10", end="2025-01"), "timeline[9]: "),
    "role start": (_set("organisation.roles", 1, "start", "2025-06-31"), "organisation.roles[1].start"),
    "resource start": (_set("resources", 0, "start", "2024-Q0"), "resources[0].start"),
    "risk due": (_set("risks", 2, "due", "2025-04-31"), "risks[2].due"),
    "log date": (_set("log", 0, "date", "2025-02-30"), "log[0].date"),
    "status report date": (lambda d: d["status_reports"].append(
        {"uuid": OTHER, "date": "2025-99-01", "status": "green", "text": "x", "author": ""}), "status_reports["),
    "responsible person": (lambda d: d["timeline"][_first_with(d["timeline"], "responsible_person")].__setitem__(
        "responsible_person", OTHER), ".responsible_person: personen finns inte"),
    "parent": (lambda d: d["timeline"][_first_with(d["timeline"], "parent")].__setitem__("parent", OTHER),
               ".parent: posten finns inte"),
    "dependency": (lambda d: d["timeline"][_first_with(d["timeline"], "depends_on")]["depends_on"].append(OTHER),
                   f"depends_on[1]: posten {OTHER} finns inte"),
    "role person": (_set("organisation.roles", _person_of("roles"), "person", OTHER), "organisation.roles["),
    "resource person": (_set("resources", _person_of("resources"), "person", OTHER), "resources["),
    "blank title": (_set("timeline", 11, "title", "  "), "timeline[11]: Benämningen saknas."),
    "unknown kind": (_set("timeline", 11, "kind", "kung"), "timeline[11]: Typen ”kung”"),
    "unknown status": (_set("timeline", 11, "status", "glömd"), "timeline[11]: Statusen ”glömd”"),
    "progress": (_set("timeline", 11, "progress", 101), "timeline[11]: Färdigställandet"),
}


def test_a_valid_plan_holds() -> None:
    assert semantic_problems(PLAN) == []


@pytest.mark.parametrize("name", MUTATIONS)
def test_each_problem_is_found_with_its_path(name: str) -> None:
    data = copy.deepcopy(PLAN)
    mutate, expected = MUTATIONS[name]
    mutate(data)
    problems = semantic_problems(data)
    assert len(problems) >= 1
    assert any(expected in p for p in problems), problems


def _validate(row: dict[str, Any]) -> str | None:
    """What validate() says of one timeline row whose dates are still text, as the import checks it."""
    try:
        validate("timeline", {**row, "start": vague(row["start"]), "end": vague(row["end"])})
    except (ValidationError, ValueError) as exc:
        return str(exc)
    return None


def test_timeline_problems_say_what_validate_says_of_each_row() -> None:
    kinds = ["phase", "activity", "kung", None, 1]
    titles = ["Aktivitet", "", "  ", None, 5]
    statuses = ["planned", "done", "glömd", None, True]
    progress = [None, 0, 100, 101, -1, True, 1.5, "50", 50]
    dates = [None, "2024-12-31", "2025", "2025-01", "2025-01-15", "2025-Q1", "2025-Q4", "2026", "2025-02-30"]
    rng = random.Random(7)
    combos = list(itertools.product(kinds, titles, statuses, progress, dates, dates))
    rows = [dict(zip(("kind", "title", "status", "progress", "start", "end"), c)) for c in rng.sample(combos, 4000)]
    expected = {i: said for i, row in enumerate(rows) if (said := _validate(row)) is not None}
    assert 50 < len(rows) - len(expected) < len(rows)
    assert timeline_problems(rows, vague) == expected
    good = [r for r in rows if _validate(r) is None]
    assert timeline_problems(good, vague) == {}
