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

# How to reach the plan from a table `t`, for the tables whose rows belong to a plan: the joins that
# end at the plan `p` (a join, not a subquery a row: the server hashes the plans once).
_PLAN_JOIN = {
    "dependency": 'JOIN "timeline_item" i ON i."id" = t."successor_id" JOIN "plan" p ON p."id" = i."plan_id"',
    "risk_assessment": 'JOIN "risk" r ON r."id" = t."risk_id" JOIN "plan" p ON p."id" = r."plan_id"',
}


def plan_join(shape: Shape) -> tuple[str, str] | None:
    """(joins from `t` of `shape`'s table, the expression of its plan's uuid) for a table whose rows
    belong to a plan; None for rows of no plan."""
    if shape.name == "plan":
        return "", 't."uuid"'
    if shape.name in _PLAN_JOIN:
        return _PLAN_JOIN[shape.name], 'p."uuid"'
    if "plan_id" in shape.columns:
        return 'JOIN "plan" p ON p."id" = t."plan_id"', 'p."uuid"'
    return None


class PlanSide(Side):
    """`side` seen through a list of plan uuids (None: every plan)."""

    def __init__(self, side: Side, plans: Iterable[str] | None):
        super().__init__(side.db, side.name)
        self.plans = None if plans is None else sorted(set(plans))

    def versions(self, shape: Shape) -> dict[str, str]:
        path = plan_join(shape)
        if self.plans is None or path is None:
            return super().versions(shape)
        if not self.plans:
            return {}
        joins, plan = path
        return dict(statements.select_in(
            self.db, f'SELECT t."uuid", t."version_id" FROM "{shape.name}" t {joins} WHERE {plan} IN ({{}}) '
            'ORDER BY t."id"', self.plans))


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
