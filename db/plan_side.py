"""A merge side limited to some plans: what a checkout copies and what a sync sends or fetches.

A row belongs to a plan through `plan_id`, a dependency through its successor, a risk
assessment through its risk. Rows of no plan (people, the shared register) always belong.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from db import statements
from db.history import Shape
from db.merge import Side

# How to reach the plan's uuid from a table `t`, for the tables whose rows belong to a plan.
_PLAN_UUID = {
    "plan": 't."uuid"',
    "dependency": '(SELECT p."uuid" FROM "timeline_item" i JOIN "plan" p ON p."id" = i."plan_id" '
                  'WHERE i."id" = t."successor_id")',
    "risk_assessment": '(SELECT p."uuid" FROM "risk" r JOIN "plan" p ON p."id" = r."plan_id" WHERE r."id" = t."risk_id")',
}


def plan_uuid_expression(shape: Shape) -> str | None:
    if shape.name in _PLAN_UUID:
        return _PLAN_UUID[shape.name]
    if "plan_id" in shape.columns:
        return '(SELECT p."uuid" FROM "plan" p WHERE p."id" = t."plan_id")'
    return None


class PlanSide(Side):
    """`side` seen through a list of plan uuids (None: every plan)."""

    def __init__(self, side: Side, plans: Iterable[str] | None):
        super().__init__(side.db, side.name)
        self.plans = None if plans is None else sorted(set(plans))

    def versions(self, shape: Shape) -> dict[str, str]:
        expr = plan_uuid_expression(shape)
        if self.plans is None or expr is None:
            return super().versions(shape)
        if not self.plans:
            return {}
        out: dict[str, str] = {}
        for row in statements.select_in(
                self.db, f'SELECT t."uuid", t."version_id" FROM "{shape.name}" t WHERE {expr} IN ({{}})', self.plans):
            out[row[0]] = row[1]
        return out


def plan_uuids(db: Any) -> list[str]:
    """Every plan's uuid in `db`, tombstones too."""
    return [u for (u,) in db.execute_sql('SELECT "uuid" FROM "plan"')]


def editable_plans(db: Any, uuids: list[str]) -> tuple[set[str], set[str]]:
    """On a server: (plans among `uuids` this user may change, plans it has) by the server's own rule."""
    may, present = set(), set()
    for u, ok in statements.select_in(db, 'SELECT "uuid", uppdrag_may_edit("id") FROM "plan" WHERE "uuid" IN ({})', uuids):
        present.add(u)
        if ok:
            may.add(u)
    return may, present
