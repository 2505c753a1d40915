"""The figures the portfolio overview (app.overview) needs, read in one query per table as plain
tuples: dates stay ISO text (they compare as text), nothing is converted row by row. peewee's
row conversion cost 1.3 s for the 20,000 items of the benchmark file; these queries, ~0.3 s."""

from __future__ import annotations

from typing import Any

from db.statements import in_style

QUERIES = {
    "plans": 'SELECT "id", "title", "doc_type", "status", "organisation" FROM "plan" WHERE "deleted_at" IS NULL '
             'ORDER BY "title", "id"',
    "reports": 'SELECT "plan_id", "report_date", "status" FROM "status_report" WHERE "deleted_at" IS NULL',
    "items": 'SELECT "plan_id", "kind", "code", "title", "start", "end", "status", "progress" FROM "timeline_item" '
             'WHERE "deleted_at" IS NULL',
    "budget": 'SELECT "plan_id", "kind", "amount", "sum_rule", "year", "tertial", "actual", "forecast" FROM "budget_line" '
              'WHERE "deleted_at" IS NULL',
    "risks": 'SELECT "plan_id", "probability", "impact", "status" FROM "risk" WHERE "deleted_at" IS NULL',
    "roles": 'SELECT r."plan_id", r."kind", COALESCE(p."name", r."name") FROM "role" r '
             'LEFT JOIN "person" p ON p."id" = r."person_id" WHERE r."deleted_at" IS NULL ORDER BY r."position", r."id"',
}


def overview_figures(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    """{name: rows} for every query in QUERIES (rows of deleted plans included: the caller keeps its plans')."""
    return {name: db.execute_sql(in_style(db, sql)).fetchall() for name, sql in QUERIES.items()}
