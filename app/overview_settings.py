"""What a file keeps for Översikt beside its rows: the organisation's reporting interval (a plan whose
latest status report is older shows grey), and the overview's filters as last chosen (report colour,
document type, owner, organisation, period and the words typed), so that whoever opens the file next
sees the portfolio as it was left. Both are settings of the file, shared with everyone who has it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from app.i18n import tr
from app.setting_keys import REPORT_INTERVAL_KEY
from app.workspace import Change, Workspace

DEFAULT_REPORT_INTERVAL = 31  # days: a month, when the file never chose one
INTERVAL_LIMITS = (1, 364)  # a day at least, 52 weeks at most
REPORT_INTERVAL_KIND = "report_interval"  # the kind of the Change that sets it (the file's, no plan's)
CHOICE_KEY = "overview_view"
# Days or weeks in either language: "30", "30 dagar", "30 days", "4 veckor", "4 weeks", "2 v", "2 w"
_INTERVAL = re.compile(r"\s*(\d{1,4})\s*(d|dag|dagar|day|days|v|v\.|vecka|veckor|w|wk|wks|week|weeks)?\s*",
                       re.IGNORECASE)


def report_interval(ws: Workspace) -> int:
    """The reporting interval in days (the default when the file never set one, or holds something unreadable)."""
    value = ws.setting(REPORT_INTERVAL_KEY, DEFAULT_REPORT_INTERVAL)
    try:
        days = int(value)
    except (TypeError, ValueError):
        return DEFAULT_REPORT_INTERVAL
    return days if INTERVAL_LIMITS[0] <= days <= INTERVAL_LIMITS[1] else DEFAULT_REPORT_INTERVAL


def interval_text(days: int) -> str:
    """ "4 veckor" when the days are whole weeks, else "31 dagar" (in the current language: "4 weeks")."""
    if days % 7 == 0:
        weeks = days // 7
        return tr("{n} vecka", n=weeks) if weeks == 1 else tr("{n} veckor", n=weeks)
    return tr("{n} dag", n=days) if days == 1 else tr("{n} dagar", n=days)


def parse_interval(text: str) -> int:
    """ "30", "30 dagar", "4 veckor", "2 v" (or in English: "30 days", "4 weeks", "2 w") as days; ValueError
    in the current language otherwise."""
    m = _INTERVAL.fullmatch(text)
    days = 0
    if m is not None:
        days = int(m.group(1)) * (7 if (m.group(2) or "d")[0].lower() in "vw" else 1)
    if not INTERVAL_LIMITS[0] <= days <= INTERVAL_LIMITS[1]:
        raise ValueError(tr("Rapporteringsintervallet ”{text}” går inte att använda; skriv ett antal dagar eller "
                            "veckor mellan 1 dag och 52 veckor, till exempel 30 dagar eller 4 veckor.",
                            text=text.strip()))
    return days


def set_report_interval(ws: Workspace, days: int) -> Change:
    """Store the interval for everyone who opens the file; the Change keeps the previous one for undo."""
    if not INTERVAL_LIMITS[0] <= days <= INTERVAL_LIMITS[1]:
        raise ValueError(tr("Rapporteringsintervallet ska vara mellan 1 dag och 52 veckor."))
    old = report_interval(ws)
    ws.store.require_writable()
    ws.set_setting(REPORT_INTERVAL_KEY, days)
    return Change(REPORT_INTERVAL_KIND, "updated", (), None, old={"days": old})


@dataclass
class OverviewChoice:
    """The overview's filters as the file remembers them (None or "": all)."""
    report: str | None = None
    doc_type: str | None = None
    owner: str | None = None
    organisation: str | None = None
    period: str | None = None  # "2026" or "2026 T2"
    text: str = ""

    @classmethod
    def from_json(cls, value: Any) -> OverviewChoice:
        """What the file holds, each field kept only if it is text (a damaged setting: no filter)."""
        if not isinstance(value, dict):
            return cls()
        fields = {k: v for k, v in value.items() if k in cls.__dataclass_fields__ and isinstance(v, str)}
        return cls(**fields)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def load_choice(ws: Workspace) -> OverviewChoice:
    return OverviewChoice.from_json(ws.setting(CHOICE_KEY))


def remember_choice(ws: Workspace, choice: OverviewChoice) -> None:
    """Keep the choice in the file (a file opened read-only keeps nothing); view state, not an undo step."""
    if not ws.read_only and load_choice(ws) != choice:
        ws.set_setting(CHOICE_KEY, choice.as_json())
