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
from typing import Any

from db.statements import in_style

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
