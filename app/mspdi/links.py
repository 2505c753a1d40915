"""The <PredecessorLink> elements of an MS Project file's tasks as dependencies with their kind and lag
(start-to-finish links and links to other projects cannot be held and are reported)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.i18n import tr
from app.mspdi import LINK_KIND
from app.mspdi.parsing import MAX_SHOWN, child_texts, number_of

if TYPE_CHECKING:
    from app.mspdi.project import Reader
    from app.mspdi.tasks import Task

_TYPE_OF = {"0": 0, "1": 1, "2": 2, "3": 3, None: 1}  # a link's Type as MS Project writes it (absent: 1)
_WEEK_FORMATS = {9, 10, 41, 42}
_ELAPSED_FORMATS = {4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52}
_PERCENT_FORMATS = {19, 20, 51, 52}


def read_links(reader: Reader, tasks: list[Task]) -> int:
    """The tasks' predecessor links into their items' `depends_on`; how many were read."""
    by_uid = {t.uid: t for t in tasks}
    cut = len(reader.ns)
    skipped: list[str] = []
    rounded: list[str] = []
    count = 0
    for task in tasks:
        seen: set[str] = set()
        for link in task.links:
            f = child_texts(link, cut)
            pred = by_uid.get(f.get("PredecessorUID", "").strip())
            link_type = _TYPE_OF.get(f.get("Type")) or int(number_of(f.get("Type"), 1))
            why = (tr("till en uppgift som inte finns i filen") if f.get("CrossProject") == "1" or pred is None
                   else tr("till sig själv") if pred is task
                   else tr("start till slut, som Uppdrag inte har") if link_type not in LINK_KIND
                   else tr("samma beroende två gånger") if pred.item["uuid"] in seen else "")
            if why:
                skipped.append(f"”{pred.name if pred else '?'}” → ”{task.name}” ({why})")
                continue
            assert pred is not None
            seen.add(pred.item["uuid"])
            lag, unit, exact = lag_of(reader, f)
            if not exact:
                rounded.append(f"”{pred.name}” → ”{task.name}”")
            entry: str | dict[str, Any] = pred.item["uuid"]
            kind = LINK_KIND[link_type]
            if (kind, lag) != ("FS", 0):
                entry = {"item": pred.item["uuid"], "kind": kind, "lag": lag, "lag_unit": unit}
            task.item["depends_on"].append(entry)
            count += 1
    if skipped:
        reader.note(tr("{count} beroenden kunde inte hållas och lästes inte in: ", count=len(skipped))
                    + "; ".join(skipped[:MAX_SHOWN])
                    + (tr(" och {count} till.", count=len(skipped) - MAX_SHOWN) if len(skipped) > MAX_SHOWN else "."))
    if rounded:
        reader.note(tr("{count} beroenden hade en fördröjning som inte är hela arbetsdagar eller veckor "
                       "(eller i procent eller kalenderdagar); den avrundades till arbetsdagar: {links}.",
                       count=len(rounded), links="; ".join(rounded[:MAX_SHOWN])))
    return count


def lag_of(reader: Reader, f: dict[str, str]) -> tuple[int, str, bool]:
    """A link's lag as (whole working days or weeks, "day" or "week", whether that is exact)."""
    text = f.get("LinkLag")
    if not text or text == "0":  # most links
        return 0, "day", True
    tenths = number_of(text)
    fmt = int(number_of(f.get("LagFormat"), 7))
    if not tenths:
        return 0, "day", True
    if fmt in _PERCENT_FORMATS:
        return 0, "day", False
    minutes = tenths / 10
    elapsed = fmt in _ELAPSED_FORMATS
    if fmt in _WEEK_FORMATS:
        weeks = minutes / (7 * 24 * 60) if elapsed else minutes / reader.minutes_per_week
        if weeks == int(weeks) and abs(weeks) <= 999:
            return int(weeks), "week", not elapsed
    days = minutes / (24 * 60) if elapsed else minutes / reader.minutes_per_day
    whole = max(-999, min(999, round(days)))
    return whole, "day", whole == days and not elapsed
