"""The plan against the decided plan: each item now beside the same item in a frozen edition.

The baseline is the last frozen edition (or one chosen by its label); its snapshot is the plan file
of that moment, so everything here works on the plan file's plain dict (as the exports do). An item
is matched by its uuid: one that moved has a slip in days (its end, or a marker's date, now against
then; positive is later), one added since has no baseline, and one removed since has no "now".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from app.date_text import from_canonical
from app.dates import DateParseError, VagueDate
from app.i18n import in_swedish, tr
from app.setting_keys import BASELINE_KEY
from app.workspace import Change, Workspace

SLIP_STATES = {"same": "Som beslutat", "later": "Senare", "earlier": "Tidigare", "added": "Tillkommen",
               "removed": "Borttagen", "undated": "Utan datum"}


@dataclass(frozen=True)
class BaselineRow:
    uuid: str
    code: str
    title: str
    kind: str
    decided: tuple[str | None, str | None] | None  # (start, end) as stored then; None: added since
    now: tuple[str | None, str | None] | None  # (start, end) as stored now; None: removed since
    slip_days: int | None  # now minus then, of the end (a marker: its date)
    state: str  # a key of SLIP_STATES


@lru_cache(maxsize=8192)  # a portfolio's 20,000 items share a few thousand date texts; a VagueDate never changes
def _vague(text: Any) -> VagueDate | None:
    if not text:
        return None
    try:
        return from_canonical(str(text))
    except DateParseError:
        return None


_MARKERS = ("decision_point", "milestone")


def _end_day(item: dict[str, Any]) -> int | None:
    """The last day an item covers (a marker: its date's last day), as a day ordinal."""
    first = item.get("start") if item.get("kind") in _MARKERS else (item.get("end") or item.get("start"))
    v = _vague(first)
    return None if v is None else v.last_day.toordinal()


@lru_cache(maxsize=8192)
def _stored_end_day(marker: bool, start: Any, start_precision: str | None, end: Any, end_precision: str | None
                    ) -> int | None:
    """_end_day of an item as its row stores it (dates and their precisions)."""
    first = _canonical(start, start_precision) if marker else (
        _canonical(end, end_precision) or _canonical(start, start_precision))
    v = _vague(first)
    return None if v is None else v.last_day.toordinal()


# The file's choice of decided edition per plan ({plan uuid: edition uuid}); a plan not named, or whose
# chosen edition is gone, is compared against its last frozen edition.
# In a plan dict handed to the Word and Excel exports (never written to a plan file): the chosen edition's uuid.
CHOSEN = "baseline_edition"


def baseline_edition(plan: dict[str, Any], label: str | None = None) -> dict[str, Any] | None:
    """The edition compared against: the one labelled `label`, else the one the file chose (`CHOSEN`),
    else the last frozen one; None if none."""
    editions = [e for e in plan.get("editions", []) if isinstance(e, dict) and isinstance(e.get("snapshot"), dict)]
    if label is not None:
        return next((e for e in editions if e.get("label") == label), None)
    chosen = next((e for e in editions if plan.get(CHOSEN) and e.get("uuid") == plan.get(CHOSEN)), None)
    return chosen or (editions[-1] if editions else None)


def chosen_baseline(ws: Workspace, plan_id: int) -> str | None:
    """The uuid of the edition the file compares the plan against, if one was chosen and is still there."""
    from app.editions import list_editions

    chosen = (ws.setting(BASELINE_KEY, {}) or {}).get(ws.get("plan", plan_id)["uuid"])
    return chosen if chosen in {e.uuid for e in list_editions(ws, plan_id)} else None


def choose_baseline(ws: Workspace, plan_id: int, edition: str | None) -> Change:
    """Compare the plan against `edition` (an edition's uuid; None: its last frozen edition) from now on,
    on the timeline and in the exports. The Change's `old` holds the previous choice, for undo."""
    from app.editions import list_editions

    if edition is not None and edition not in {e.uuid for e in list_editions(ws, plan_id)}:
        from app.i18n import tr

        raise LookupError(tr("Utgåvan finns inte längre för planen; välj en annan."))
    plan_uuid = ws.get("plan", plan_id)["uuid"]
    stored = dict(ws.setting(BASELINE_KEY, {}) or {})
    old = stored.get(plan_uuid)
    if edition is None:
        stored.pop(plan_uuid, None)
    else:
        stored[plan_uuid] = edition
    ws.set_setting(BASELINE_KEY, stored)
    return Change("plan", "updated", (plan_id,), plan_id, old={CHOSEN: old})


def with_chosen_baseline(ws: Workspace, plan: dict[str, Any]) -> dict[str, Any]:
    """The plan dict of an export, naming the edition the file chose to compare it against."""
    chosen = (ws.setting(BASELINE_KEY, {}) or {}).get(plan.get("uuid"))
    return {**plan, CHOSEN: chosen} if chosen else plan


def compare(plan: dict[str, Any], label: str | None = None) -> list[BaselineRow]:
    """Every item now and then, in the plan's order (removed ones after the item they followed); []
    when the plan has no frozen edition."""
    edition = baseline_edition(plan, label)
    if edition is None:
        return []
    then = {t["uuid"]: t for t in edition["snapshot"].get("timeline", []) if isinstance(t, dict) and "uuid" in t}
    now = [t for t in plan.get("timeline", []) if isinstance(t, dict)]
    rows: list[BaselineRow] = []
    for t in now:
        old = then.get(t["uuid"])
        current = (t.get("start"), t.get("end"))
        if old is None:
            rows.append(BaselineRow(t["uuid"], t.get("code", ""), t.get("title", ""), t.get("kind", ""), None,
                                    current, None, "added"))
            continue
        a, b = _end_day(old), _end_day(t)
        slip = None if a is None or b is None else b - a
        state = "undated" if slip is None else ("same" if slip == 0 else "later" if slip > 0 else "earlier")
        rows.append(BaselineRow(t["uuid"], t.get("code", ""), t.get("title", ""), t.get("kind", ""),
                                (old.get("start"), old.get("end")), current, slip, state))
    present = {t["uuid"] for t in now}
    for uuid, old in then.items():
        if uuid not in present:
            rows.append(BaselineRow(uuid, old.get("code", ""), old.get("title", ""), old.get("kind", ""),
                                    (old.get("start"), old.get("end")), None, None, "removed"))
    return rows


def period_text(pair: tuple[str | None, str | None] | None) -> str:
    """A stored (start, end) as the tables write it: "mars 2026 – Q3 2026"; "" for none."""
    if pair is None:
        return ""
    from app.dates import format_range

    return format_range(_vague(pair[0]), _vague(pair[1]))


def slip_text(days: int | None) -> str:
    """A slip as the table and the tooltip say it: "+3 veckor", "−4 dagar", "0" (in the current language)."""
    if days is None:
        return ""
    if days == 0:
        return "0"
    sign = "+" if days > 0 else "−"
    n = abs(days)
    if n % 7 == 0:
        weeks = n // 7
        return tr("{sign}{n} vecka", sign=sign, n=weeks) if weeks == 1 else tr("{sign}{n} veckor", sign=sign, n=weeks)
    return tr("{sign}{n} dag", sign=sign, n=n) if n == 1 else tr("{sign}{n} dagar", sign=sign, n=n)


def document_slip_text(days: int | None) -> str:
    """slip_text as a document writes it: Swedish in every language."""
    with in_swedish():
        return slip_text(days)


def largest_slip(plan: dict[str, Any]) -> BaselineRow | None:
    """The item that has slipped the most since the decided plan (None: nothing later than decided)."""
    later = [r for r in compare(plan) if r.slip_days is not None and r.slip_days > 0]
    return max(later, key=lambda r: r.slip_days or 0) if later else None


@dataclass
class TimelineBaseline:
    """What the timeline draws against the decided plans: each item's decided span (day ordinals),
    its slip, the items added since, and the titles of those removed, by plan."""

    spans: dict[int, tuple[int, int]]
    slips: dict[int, int]
    added: set[int]
    removed: dict[int, list[str]]
    largest: dict[int, tuple[int, int]] = field(default_factory=dict)  # plan -> (its largest slip > 0, the item)
    largest_titles: dict[int, str] = field(default_factory=dict)  # plan -> the title of that item
    compared: set[int] = field(default_factory=set)  # the plans that have a decided edition


def _span_of(item: dict[str, Any]) -> tuple[int, int] | None:
    start, end = _vague(item.get("start")), _vague(item.get("end"))
    if item.get("kind") in ("decision_point", "milestone") and start is not None:
        return start.first_day.toordinal(), start.last_day.toordinal()
    first, last = start or end, end or start
    if first is None or last is None:
        return None
    return first.first_day.toordinal(), max(first.first_day, last.last_day).toordinal()


def timeline_baseline(ws: Workspace, plan_ids: list[int] | None = None, *, spans: bool = True) -> TimelineBaseline:
    """The decided plan (the chosen edition, else the last frozen one) of each of `plan_ids` (None: every
    plan), against their items now: three queries for all plans (db.portfolio.baseline_figures). Without
    `spans` the decided bars are not worked out (the overview needs only the slips)."""
    import json

    from db.portfolio import baseline_figures

    out = TimelineBaseline({}, {}, set(), {})
    timelines, items = baseline_figures(ws.store.db, ws.setting(BASELINE_KEY, {}) or {}, plan_ids)
    now: dict[int, list[tuple[Any, ...]]] = {}
    for plan_id, *item in items:
        now.setdefault(plan_id, []).append(tuple(item))
    for plan_id, text in timelines.items():
        try:
            value = json.loads(text) if text else []
            then = {t["uuid"]: t for t in (value if isinstance(value, list) else value.get("timeline", []))}
        except (ValueError, AttributeError, TypeError, KeyError):
            continue
        _compare_plan(out, plan_id, then, now.get(plan_id, []), spans)
    return out


def _compare_plan(out: TimelineBaseline, plan_id: int, then: dict[str, dict[str, Any]],
                  now: list[tuple[Any, ...]], spans: bool = True) -> None:
    """One plan's items now (id, uuid, kind, code, title, start, its precision, end, its precision) against
    its decided items by uuid, into `out`."""
    for item_id, uuid, kind, code, title, start, start_precision, end, end_precision in now:
        old = then.get(uuid)
        if old is None:
            out.added.add(item_id)
            continue
        span = _span_of(old) if spans else None
        if span is not None:
            out.spans[item_id] = span
        a, b = _end_day(old), _stored_end_day(kind in _MARKERS, start, start_precision, end, end_precision)
        if a is not None and b is not None:
            out.slips[item_id] = slip = b - a
            if slip > out.largest.get(plan_id, (0, 0))[0]:
                out.largest[plan_id] = (slip, item_id)
                out.largest_titles[plan_id] = title or code or ""
    out.compared.add(plan_id)
    present = {row[1] for row in now}
    gone = [f"{t.get('code', '')} {t.get('title', '')}".strip() for u, t in then.items() if u not in present]
    if gone:
        out.removed[plan_id] = gone


@lru_cache(maxsize=8192)
def _canonical(day: Any, precision: str | None) -> str | None:
    from datetime import date as date_type

    from app.dates import Precision

    if day is None or precision is None:
        return None
    d = day if isinstance(day, date_type) else date_type.fromisoformat(str(day))
    return VagueDate(d, Precision(precision)).canonical()
