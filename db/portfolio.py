"""The figures the portfolio overview (app.overview) needs, read as plain tuples in one query per
figure for all plans at once. The timeline's figures (each plan's first and last date, its next
decision point, its most overdue open item, its progress, whether it reaches into a period) are
summed up by the database, GROUP BY plan: 20,000 items of the benchmark file become a few hundred
rows instead of being walked one by one in Python; the span, the progress and the most overdue item
are one pass over the items (one query), not three. Dates stay ISO text in a file (they compare as
text) and are dates on a server; the days given are ISO texts, written into the SQL as literals
(they are made from `datetime.date`, nothing typed), which both compare as dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from db.statements import in_style, on_postgres, select_in

WHEN = 'COALESCE("end", "start")'  # an item's date: its end, or its start when it has no end
BEGINS = 'COALESCE("start", "end")'
LIVING_ITEM = 'FROM "timeline_item" WHERE "deleted_at" IS NULL'
OPEN = "\"status\" NOT IN ('done', 'cancelled')"
COUNTS = "\"kind\" IN ('activity', 'phase') AND \"status\" <> 'cancelled'"  # what a plan's progress averages

QUERIES = {
    "plans": 'SELECT "id", "title", "doc_type", "status", "organisation" FROM "plan" WHERE "deleted_at" IS NULL '
             'ORDER BY "title", "id"',
    "reports": 'SELECT "plan_id", "report_date", "status" FROM "status_report" WHERE "deleted_at" IS NULL',
    "budget": 'SELECT "plan_id", "kind", "amount", "sum_rule", "year", "tertial", "actual", "forecast" '
              'FROM "budget_line" WHERE "deleted_at" IS NULL',
    "risks": 'SELECT "plan_id", "probability", "impact", COUNT(*) FROM "risk" WHERE "deleted_at" IS NULL '
             'AND "status" <> \'closed\' GROUP BY "plan_id", "probability", "impact"',
    "roles": 'SELECT r."plan_id", r."kind", COALESCE(p."name", r."name") FROM "role" r '
             'LEFT JOIN "person" p ON p."id" = r."person_id" WHERE r."deleted_at" IS NULL ORDER BY r."position", r."id"',
}


def _day(day: dt.date) -> str:
    return f"'{dt.date.isoformat(day)}'"  # a date's own text: digits and dashes


def _dated(today: dt.date, period: tuple[dt.date, dt.date] | None) -> dict[str, str]:
    out = {
        # open decision points from today on, earliest first: the first of each plan is its next
        "next_points": f'SELECT "plan_id", {WHEN}, "code", "title" {LIVING_ITEM} AND "kind" = \'decision_point\' '
                       f'AND {OPEN} AND {WHEN} >= {_day(today)} ORDER BY "plan_id", {WHEN}, "position", "id"',
        # per plan: its span (first and last date of any dated item), the progress of its activities and
        # phases (done counts 100, cancelled not at all), the date of its most overdue open item
        "timeline": f'SELECT "plan_id", MIN({BEGINS}), MAX({WHEN}), '
                    f'AVG(CASE WHEN {COUNTS} THEN CASE WHEN "status" = \'done\' THEN 100 ELSE COALESCE("progress", 0) END END), '
                    f'MIN(CASE WHEN {OPEN} AND {WHEN} < {_day(today)} THEN {WHEN} END) {LIVING_ITEM} GROUP BY "plan_id"',
    }
    if period is not None:
        first, last = period
        out["in_period"] = (f'SELECT DISTINCT "plan_id" {LIVING_ITEM} AND {BEGINS} <= {_day(last)} '
                            f"AND {WHEN} >= {_day(first)}")
    return out


def overview_figures(db: Any, today: dt.date, period: tuple[dt.date, dt.date] | None = None
                     ) -> dict[str, list[tuple[Any, ...]]]:
    """{name: rows} for every query (rows of deleted plans included: the caller keeps its plans');
    `today` decides what is next and what is late, `period` (first and last day) which plans reach into it."""
    queries = {**QUERIES, **_dated(today, period)}
    out = {name: db.execute_sql(in_style(db, sql)).fetchall() for name, sql in queries.items()}
    timeline = out.pop("timeline")  # each figure keeps only the plans that have it
    out["span"] = [(plan, first, last) for plan, first, last, _p, _l in timeline if last is not None]
    out["progress"] = [(plan, share) for plan, _f, _t, share, _l in timeline if share is not None]
    out["late"] = [(plan, oldest) for plan, _f, _t, _p, oldest in timeline if oldest is not None]
    return out


def baseline_figures(db: Any, chosen: dict[str, str], plan_ids: Sequence[int] | None = None
                     ) -> tuple[dict[int, str], list[tuple[Any, ...]]]:
    """What the plans are compared with, in three queries for all of them: the timeline (JSON text of a
    list of items; where a snapshot cannot be read so, the whole snapshot) of each plan's decided edition —
    the one `chosen` names by plan uuid while it is still there, else its last frozen one — and the living
    items of those plans now (plan, id, uuid, kind, code, title, start, start precision, end, end precision).
    `plan_ids`: only those plans (None: every plan)."""
    wanted = None if plan_ids is None else set(plan_ids)
    decided: dict[int, int] = {}
    named: dict[int, int] = {}
    for plan, edition, uuid, plan_uuid in db.execute_sql(
            'SELECT e."plan_id", e."id", e."uuid", p."uuid" FROM "edition" e JOIN "plan" p ON p."id" = e."plan_id" '
            'WHERE e."deleted_at" IS NULL ORDER BY e."plan_id", e."edition_date", e."id"').fetchall():
        if wanted is None or plan in wanted:
            decided[plan] = edition  # the last one frozen, unless one is chosen
            if chosen.get(plan_uuid) == uuid:
                named[plan] = edition
    decided.update(named)
    if not decided:
        return {}, []
    items = select_in(db, 'SELECT "plan_id", "id", "uuid", "kind", "code", "title", "start", "start_precision", '
                          '"end", "end_precision" FROM "timeline_item" WHERE "deleted_at" IS NULL '
                          'AND "plan_id" IN ({})', sorted(decided))
    return _decided_timelines(db, sorted(decided.values())), items


def _decided_timelines(db: Any, editions: list[int]) -> dict[int, str]:
    """Each edition's timeline as JSON text, by plan. SQLite takes it out of the snapshot itself (in C: the
    snapshot's sections, budget and risks are never parsed in Python, half the time for 200 editions); a
    snapshot that is no JSON makes SQLite refuse the query, and the snapshots are then read whole."""
    import sqlite3

    if not on_postgres(db):
        try:
            return dict(select_in(db, 'SELECT "plan_id", json_extract("snapshot", \'$.timeline\') FROM "edition" '
                                      'WHERE "id" IN ({})', editions))
        except sqlite3.OperationalError:
            pass  # a damaged snapshot (or an SQLite without JSON): read whole, each parsed on its own
    return dict(select_in(db, 'SELECT "plan_id", "snapshot" FROM "edition" WHERE "id" IN ({})', editions))
