"""What the plan schema cannot say: unique uuids, real dates, references that resolve, the rules of each item.

One check, which says where each problem is (``timeline[3].start: …``) and is quick for a valid
plan of 20,000 items: each rule is applied once per distinct value (a plan repeats its dates,
kinds and statuses), and the rows are visited to name the place of a problem only when some
value has failed. The timeline's own rules are app.validation's, applied the same way.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any

from app.date_text import from_canonical, parse_date
from app.dates import DateParseError, VagueDate
from app.dependencies import cycle_in, cycle_message, item_name
from app.i18n import tr
from app.planfile import predecessors
from app.validation import timeline_problems

# Vague dates of the rows of each list, by the list's path in the file.
VAGUE_PATHS = {
    "timeline": ("start", "end"),
    "resources": ("start", "end"),
    "organisation.roles": ("start", "end"),
    "risks": ("due",),
}
DAY_LISTS = frozenset({"log", "status_reports", "editions"})  # rows with a plain `date`
MADE_HOLDS = ("kind", "status", "progress")  # timeline fields a plan built by a reader holds by construction

Row = dict[str, Any]
Located = tuple[int, int, int, str]  # (list, row, check) in file order, and the line


@lru_cache(maxsize=4096)  # VagueDate is immutable; plans repeat their dates
def vague(text: str | None) -> VagueDate | None:
    """A vague date from a stored form ("2025-Q3") or one a person wrote ("hösten 2025", "v. 12 2026");
    None for None, DateParseError if it is neither."""
    if text is None:
        return None
    try:
        return from_canonical(text)
    except DateParseError:
        return parse_date(text)


def _day_problem(text: str | None) -> str | None:
    if text:
        try:
            date.fromisoformat(text)
        except ValueError:
            return tr("{text} är inget giltigt datum", text=text)
    return None


def _vague_problem(text: str | None) -> str | None:
    try:
        vague(text)
    except DateParseError as exc:
        return str(exc)
    return None


def lists(data: Row) -> dict[str, list[Row]]:
    """The plan's lists of rows with uuids, by their path in the file."""
    return {**{k: data[k] for k in ("sections", "goals", "timeline", "resources", "budget", "risks",
                                    "log", "status_reports", "terms", "references", "editions")},
            "organisation.people": data["organisation"]["people"],
            "organisation.roles": data["organisation"]["roles"]}


def semantic_problems(data: Row, *, made: bool = False) -> list[str]:
    """Every problem with the path of its value, in file order; [] for a plan that holds.
    `data` has passed the schema.

    `made`: the plan was built by a reader, not written by someone (a new plan from app.mspdi.read):
    every date in it was written from a date that reads (a kept vague date's canonical form, or a day
    within 1900–2200), its items' kinds and statuses come from fixed tables and their progress is
    clamped, so what would say otherwise is not asked. Uniqueness, references, titles, the order of
    each period and cycles are checked as for any plan."""
    problems = [f"{where}.{name}: {said}" for where, row, name in (
        ("metadata", data["metadata"], "document_date"), ("decision", data["decision"], "date"),
        ("decision", data["decision"], "signature_date")) if (said := _vague_problem(row.get(name)))]
    rows = lists(data)
    located = _uuid_problems(data["uuid"], rows) + ([] if made else _date_problems(rows))
    problems += [line for *_, line in sorted(located)]
    people = {p["uuid"] for p in data["organisation"]["people"]}
    problems += _timeline_problems(data["timeline"], people, MADE_HOLDS if made else ())
    actual = [] if made else [(t.get("actual_start"), t.get("actual_finish")) for t in data["timeline"]]
    bad_days = {day: p for day in {*chain.from_iterable(actual)} if (p := _day_problem(day))}  # once a distinct day
    if bad_days:
        problems += [f"timeline[{i}].{name}: {bad_days[day]}" for i, days in enumerate(actual)
                     for name, day in zip(("actual_start", "actual_finish"), days, strict=True) if day in bad_days]
    problems += _closed_day_problems(data["organisation"].get("closed_days", []))
    for key, part in (("organisation.roles", data["organisation"]["roles"]), ("resources", data["resources"])):
        if not {r["person"] for r in part if r["person"]} <= people:
            problems += [f"{key}[{i}].person: " + tr("personen finns inte i organisation.people")
                         for i, r in enumerate(part) if r["person"] and r["person"] not in people]
    return problems


def _date_problems(rows: dict[str, list[Row]]) -> list[Located]:
    """A line for each row's date that does not read (a vague date, or a plain day in the lists that have one)."""
    located: list[Located] = []
    for position, (key, part) in enumerate(rows.items()):
        for check, name in enumerate(VAGUE_PATHS.get(key, ())):
            located += _column_problems(position, check + 1, key, part, name, _vague_problem)
        if key in DAY_LISTS:
            located += _column_problems(position, 9, key, part, "date", _day_problem)
    return located


def _uuid_problems(plan_uuid: str, rows: dict[str, list[Row]]) -> list[Located]:
    """A line for each row whose uuid an earlier row (or the plan) already has."""
    uuids = [plan_uuid]
    for part in rows.values():
        uuids += [row["uuid"] for row in part]
    if len(set(uuids)) == len(uuids):
        return []
    seen, out = {plan_uuid}, []
    for position, (key, part) in enumerate(rows.items()):
        for i, row in enumerate(part):
            if row["uuid"] in seen:
                out.append((position, i, 0, f"{key}[{i}].uuid: " + tr("{uuid} förekommer flera gånger", uuid=row["uuid"])))
            seen.add(row["uuid"])
    return out


def _column_problems(position: int, check: int, key: str, part: list[Row], name: str,
                     problem: Any) -> list[Located]:
    """A line for each row whose `name` gets a problem from `problem` (asked once per distinct value)."""
    said = {value: p for value in {row.get(name) for row in part} if (p := problem(value))}
    if not said:
        return []
    return [(position, i, check, f"{key}[{i}].{name}: {said[row.get(name)]}")
            for i, row in enumerate(part) if row.get(name) in said]


def _timeline_problems(timeline: list[Row], people: set[str], held: tuple[str, ...]) -> list[str]:
    """References from each item to people and other items, and the rules every item keeps (but those of
    the fields in `held`), in file order."""
    place = {t["uuid"]: i for i, t in enumerate(timeline)}  # each item's place, by its uuid
    items = place.keys()
    broken = timeline_problems(timeline, vague, held)
    waits_for = [predecessors(deps) if deps else deps for deps in map(itemgetter("depends_on"), timeline)]
    if (not broken and {t["responsible_person"] for t in timeline if t["responsible_person"]} <= people
            and {t["parent"] for t in timeline if t["parent"]} <= items
            and {dep for deps in waits_for for dep in deps} <= items):
        return _cycle_problems(timeline, waits_for, place)
    problems = []
    for i, t in enumerate(timeline):
        if t["responsible_person"] and t["responsible_person"] not in people:
            problems.append(f"timeline[{i}].responsible_person: " + tr("personen finns inte i organisation.people"))
        if t["parent"] and t["parent"] not in items:
            problems.append(f"timeline[{i}].parent: " + tr("posten finns inte i timeline"))
        problems += [f"timeline[{i}].depends_on[{j}]: " + tr("posten {uuid} finns inte i timeline", uuid=dep)
                     for j, dep in enumerate(waits_for[i]) if dep not in items]
        if i in broken:
            problems.append(f"timeline[{i}]: {broken[i]}")
    return problems


def _cycle_problems(timeline: list[Row], waits_for: list[list[str]], place: dict[str, int]) -> list[str]:
    """A line for a cycle among the plan's dependencies (an item waiting for itself, at the end or
    through others), at the place of the dependency that closes it. `place`: each item's index by its uuid."""
    if all(place[dep] < i for i, deps in enumerate(waits_for) if deps for dep in deps):
        return []  # every item waits only for items above it: the file's order is an order without cycles
    edges = [(place[dep], i, j) for i, deps in enumerate(waits_for) for j, dep in enumerate(deps)]
    cycle = cycle_in((a, b) for a, b, _j in edges)
    if cycle is None:
        return []
    closing = next((b, j) for a, b, j in edges if (a, b) == (cycle[0], cycle[1]))
    names = [item_name(timeline[i]["code"], timeline[i]["title"]) for i in cycle]
    return [f"timeline[{closing[0]}].depends_on[{closing[1]}]: {cycle_message(names)}"]


def _closed_day_problems(periods: list[Row]) -> list[str]:
    if not periods:  # most plans: no reason to load the calendar's module
        return []
    from app.workdays import parse_periods

    problems = []
    for i, p in enumerate(periods):
        try:
            parse_periods([p])
        except ValueError as exc:
            problems.append(f"organisation.closed_days[{i}]: {exc}")
    return problems
