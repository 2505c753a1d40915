"""Which plans the portfolio timeline shows, in which groups and which folded: the facts of each
plan it filters on, the rules, and the choice as the file remembers it (a setting).

Facets: status, owner (the plan's uppdragsägare/projektägare), organisation (förvaltning),
document type, steering model and period (a year the plan's timeline touches).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from app import kinds

from db import models

SETTING_KEY = "portfolio_view"
FACETS = {"status": "Status", "owner": "Ägare", "organisation": "Organisation/förvaltning",
          "doc_type": "Dokumenttyp", "steering_model": "Styrmodell", "year": "Period (år)"}


@dataclass
class PortfolioView:
    filters: dict[str, str] = field(default_factory=dict)  # facet -> the value kept
    group_by: str = ""  # a facet, or "" for no groups
    collapsed: list[str] = field(default_factory=list)  # plan uuids folded

    @classmethod
    def from_json(cls, value: Any) -> PortfolioView:
        if not isinstance(value, dict):
            return cls()
        filters = value.get("filters")
        group = value.get("group_by")
        collapsed = value.get("collapsed")
        return cls({str(k): str(v) for k, v in filters.items() if k in FACETS} if isinstance(filters, dict) else {},
                   group if group in FACETS else "",
                   [str(u) for u in collapsed] if isinstance(collapsed, list) else [])

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def plan_facts(plan_ids: list[int], spans: dict[int, tuple[int, int] | None]) -> dict[int, dict[str, Any]]:
    """Each plan's value of every facet (its years as a set), from the open file."""
    from datetime import date

    P, R, Person = models.Plan, models.Role, models.Person
    owners: dict[int, str] = {}
    roles = list(R.select(R.plan, R.name, R.person).where(
        R.kind == "owner", R.deleted_at.is_null(), R.plan.in_(plan_ids)).order_by(R.position).tuples())
    names = dict(Person.select(Person.id, Person.name).where(Person.id.in_([p for _, _, p in roles if p])).tuples())
    for plan_id, free, person in roles:
        owners.setdefault(plan_id, names.get(person) or free or "")
    out: dict[int, dict[str, Any]] = {}
    for plan_id, uuid, status, organisation, doc_type, model in (
            P.select(P.id, P.uuid, P.status, P.organisation, P.doc_type, P.steering_model)
            .where(P.id.in_(plan_ids)).tuples()):
        span = spans.get(plan_id)
        years = set(range(date.fromordinal(span[0]).year, date.fromordinal(span[1]).year + 1)) if span else set()
        out[plan_id] = {"uuid": uuid, "status": status, "owner": owners.get(plan_id, ""),
                        "organisation": organisation, "doc_type": doc_type, "steering_model": model,
                        "year": {str(y) for y in years}}
    return out


def matches(facts: dict[str, Any], view: PortfolioView) -> bool:
    for facet, wanted in view.filters.items():
        value = facts.get(facet)
        if (wanted not in value) if isinstance(value, set) else (value != wanted):
            return False
    return True


def label(facet: str, value: str) -> str:
    """A facet's value as the lists show it ("Pågående", "Projektplan"; "(tomt)" for nothing)."""
    names = {"status": kinds.DOC_STATUSES, "doc_type": kinds.DOC_TYPE_LABELS}.get(facet, {})
    return names.get(value, value) or "(tomt)"


def group_of(facts: dict[str, Any], facet: str) -> str:
    value = facts.get(facet, "")
    if isinstance(value, set):
        return min(value) if value else ""
    return str(value)


def values_of(facts: dict[int, dict[str, Any]], facet: str) -> list[str]:
    """Every value a facet takes among the plans, sorted."""
    found: set[str] = set()
    for f in facts.values():
        value = f.get(facet, "")
        found.update(value if isinstance(value, set) else {str(value)})
    return sorted(found)
