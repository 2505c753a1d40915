"""What a merge does with the settings both copies of a file share: the organisation's closed days,
the steering models read into the file, the decided edition chosen per plan, and the risk scale with
its levels. They are no rows with a history, so nothing says which copy changed them last; the merge
therefore only ever adds, never takes away: closed days from either copy are kept, a model or a
plan's choice the other copy has and this one lacks is taken, and where both have a different value
this copy's stays and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.i18n import tr
from app.setting_keys import (
    BASELINE_KEY, CLOSED_DAYS_KEY, DEFAULT_RISK_SCALE, FILE_MODELS_KEY, REPORT_INTERVAL_KEY, RISK_LEVELS_KEY,
    RISK_SCALE_KEY,
)

SHARED_KEYS = (CLOSED_DAYS_KEY, FILE_MODELS_KEY, BASELINE_KEY, RISK_SCALE_KEY, RISK_LEVELS_KEY, REPORT_INTERVAL_KEY)


@dataclass
class SettingsMerge:
    writes: dict[str, Any] = field(default_factory=dict)  # key -> the merged value to store
    lines: list[str] = field(default_factory=list)  # what the report says, one line each


def merge_settings(mine: dict[str, Any], theirs: dict[str, Any], peer: str) -> SettingsMerge:
    """The settings to write into this copy (`mine`) after merging `theirs` (each: key -> stored value)."""
    out = SettingsMerge()
    _closed_days(mine.get(CLOSED_DAYS_KEY), theirs.get(CLOSED_DAYS_KEY), out)
    _by_key(FILE_MODELS_KEY, mine.get(FILE_MODELS_KEY), theirs.get(FILE_MODELS_KEY), out,
            taken=tr("Styrmodeller från den andra filen: {n}"),
            kept=tr("Styrmodellen ”{key}” ser olika ut i filerna; den här filens behölls."))
    _by_key(BASELINE_KEY, mine.get(BASELINE_KEY), theirs.get(BASELINE_KEY), out,
            taken=tr("Valda beslutade utgåvor från den andra filen: {n}"),
            kept=tr("En plan jämförs med olika utgåvor i filerna; den här filens val behölls."))
    _single(REPORT_INTERVAL_KEY, mine.get(REPORT_INTERVAL_KEY), theirs.get(REPORT_INTERVAL_KEY), out,
            taken=tr("Rapporteringsintervallet från den andra filen: {value} dagar"),
            kept=tr("Rapporteringsintervallet skiljer sig i ”{peer}”; den här filens behölls."), peer=peer)
    # Never taken: this copy's risks are scored on its own scale, and a scale changes with a rescoring.
    for key, differs, default in (
            (RISK_SCALE_KEY, tr("Riskskalan skiljer sig i ”{peer}”; den här filens behölls."), DEFAULT_RISK_SCALE),
            (RISK_LEVELS_KEY, tr("Risknivåerna skiljer sig i ”{peer}”; den här filens behölls."), None)):
        if theirs.get(key, default) != mine.get(key, default):
            out.lines.append(differs.format(peer=peer))
    return out


def _closed_days(mine: Any, theirs: Any, out: SettingsMerge) -> None:
    """Every closed period of either copy (a period removed in one copy comes back: nothing is lost)."""
    ours = [p for p in mine if isinstance(p, dict)] if isinstance(mine, list) else []
    added = [p for p in theirs if isinstance(p, dict) and p not in ours] if isinstance(theirs, list) else []
    if added:
        out.writes[CLOSED_DAYS_KEY] = sorted(
            ours + added, key=lambda p: (str(p.get("start")), str(p.get("end")), str(p.get("label"))))
        out.lines.append(tr("Stängda perioder från den andra filen: {n}", n=len(added)))


def _by_key(key: str, mine: Any, theirs: Any, out: SettingsMerge, *, taken: str, kept: str) -> None:
    """A mapping setting: the other copy's entries this one lacks are taken, a differing one is kept."""
    ours = mine if isinstance(mine, dict) else {}
    other = theirs if isinstance(theirs, dict) else {}
    new = {k: v for k, v in other.items() if k not in ours}
    if new:
        out.writes[key] = {**ours, **new}
        out.lines.append(taken.format(n=len(new)))
    out.lines += [kept.format(key=k) for k, v in other.items() if k in ours and ours[k] != v]


def _single(key: str, mine: Any, theirs: Any, out: SettingsMerge, *, taken: str, kept: str, peer: str) -> None:
    """A single value: the other copy's when this one has none, else this one's (said when they differ)."""
    if theirs is None or theirs == mine:
        return
    if mine is None:
        out.writes[key] = theirs
        out.lines.append(taken.format(value=theirs))
    else:
        out.lines.append(kept.format(peer=peer))
