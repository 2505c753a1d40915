"""A plan's or the whole file's decision points and milestones (optionally activities) as iCalendar.

RFC 5545 through the `icalendar` package, imported only when an export runs. Every event is an
all-day event: a day date is that day, a vague date ("september 2025", "v. 47 2024", "Q3 2025")
is its whole period, with the date as the plan writes it in the description. An event's UID is
the item's uuid, and its SEQUENCE the item's revision, so importing the file again into Outlook or
Thunderbird updates the events instead of adding them twice. Each event names its plan (title and
diarienummer); the calendar is declared to be in Europe/Stockholm.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from app.i18n import tr

from app import kinds
from app.date_text import stored_or_none
from app.dates import Precision
from app.export.result import ExportError, ExportResult, save_beside, write_bytes
from app.version import __version__

__all__ = ["CALENDAR_KINDS", "ICS_TIMEZONE", "CalendarItem", "calendar_bytes", "export_ics"]

ICS_TIMEZONE = "Europe/Stockholm"
CALENDAR_KINDS = ("decision_point", "milestone")  # and "activity" when asked for
UID_DOMAIN = "uppdrag"


@dataclass(frozen=True)
class CalendarItem:
    """One timeline item with what its event needs from its plan."""

    uuid: str
    kind: str
    code: str
    title: str
    description: str
    start: str | None  # canonical vague dates, as stored
    end: str | None
    status: str
    rev: int
    plan_title: str
    diarienummer: str


def _period(item: CalendarItem) -> tuple[date, date, str] | None:
    """(first day, last day, the date as the plan writes it when it is not one day); None without a date.

    A decision point or milestone is one moment: its end date if it has one (the day it is due),
    else its start. An activity spans its start to its end."""
    start, end = stored_or_none(item.start), stored_or_none(item.end)
    if item.kind != "activity":
        start = end = end or start
    first, last = start or end, end or start
    if first is None or last is None:
        return None
    if last.last_day < first.first_day:
        first, last = last, first
    if first == last:
        text = "" if first.precision is Precision.DAY else first.format("long")
    else:
        from app.dates import format_range

        text = format_range(first, last, "long")
        if first.precision is Precision.DAY and last.precision is Precision.DAY:
            text = ""
    return first.first_day, last.last_day, text


def _summary(item: CalendarItem) -> str:
    head = f"{item.code} {item.title}".strip() if item.code and not item.title.startswith(item.code) else item.title
    return f"{head or kinds.TIMELINE_KINDS.get(item.kind, item.kind)} – {item.plan_title}"


def _description(item: CalendarItem, vague_text: str) -> str:
    lines = [f"{kinds.TIMELINE_KINDS.get(item.kind, item.kind)} i ”{item.plan_title}”"]
    if item.diarienummer:
        lines.append(f"Diarienummer: {item.diarienummer}")
    if vague_text:
        lines.append(f"Datum i planen: {vague_text}")
    if item.status:
        lines.append(f"Status: {kinds.TIMELINE_STATUSES.get(item.status, item.status)}")
    if item.description:
        lines += ["", item.description]
    return "\n".join(lines)


def _stockholm(timezone: Any) -> Any:
    """Europe/Stockholm as Outlook writes it: the EU's rule (last Sunday of March and of October)
    rather than a list of every change since 1970."""
    from icalendar import TimezoneDaylight, TimezoneStandard

    tz = timezone()
    tz.add("tzid", ICS_TIMEZONE)
    for part, start, month, offsets, name in ((TimezoneDaylight, datetime(1970, 3, 29, 2), 3, ("+0100", "+0200"), "CEST"),
                                              (TimezoneStandard, datetime(1970, 10, 25, 3), 10, ("+0200", "+0100"), "CET")):
        sub = part()
        sub.add("dtstart", start)
        sub.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        sub["tzoffsetfrom"], sub["tzoffsetto"] = offsets
        sub.add("tzname", name)
        tz.add_component(sub)
    return tz


def _escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line ends escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> bytes:
    """One content line, folded at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    parts, start, width = [], 0, 75
    while start < len(data):
        end = min(start + width, len(data))
        while end < len(data) and 0x80 <= data[end] <= 0xBF:  # never inside a character
            end -= 1
        parts.append(data[start:end])
        start, width = end, 74  # a continuation line starts with a space
    return b"\r\n ".join(parts) + b"\r\n"


def _event(item: CalendarItem, first: date, last: date, vague_text: str, stamp: str) -> bytes:
    """One VEVENT. Written here rather than through icalendar's objects: for a portfolio of 20,000 items
    its generic serialisation took most of the export; the tests read the result with icalendar and vobject."""
    kind = kinds.TIMELINE_KINDS.get(item.kind, item.kind)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_escape(item.uuid)}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"SEQUENCE:{max(0, item.rev - 1)}",
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",  # DTEND of an all-day event is the day after
        f"SUMMARY:{_escape(_summary(item))}",
        f"DESCRIPTION:{_escape(_description(item, vague_text))}",
        f"CATEGORIES:{_escape(kind)}",
        "TRANSP:TRANSPARENT",
        f"STATUS:{'CANCELLED' if item.status == 'cancelled' else 'CONFIRMED'}",
        "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
        "END:VEVENT",
    ]
    return b"".join(_fold(line) for line in lines)


def calendar_bytes(items: list[CalendarItem], name: str, *, now: datetime | None = None) -> tuple[bytes, int]:
    """The .ics file's bytes and the number of items left out for want of a date."""
    from icalendar import Calendar, Timezone

    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    cal = Calendar()
    cal.add("prodid", f"-//Uppdrag//Uppdrag {__version__}//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", ICS_TIMEZONE)
    cal.add_component(_stockholm(Timezone))
    frame = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    if not frame.endswith(end):
        raise ValueError("oväntat slut på kalenderramen")
    events = []
    undated = 0
    for item in items:
        period = _period(item)
        if period is None:
            undated += 1
            continue
        events.append(_event(item, *period, stamp))
    return frame[:-len(end)] + b"".join(events) + end, undated


def export_ics(items: list[CalendarItem], out: Path, name: str) -> ExportResult:
    """Write `items` as a calendar called `name` to `out`; the file appears whole or not at all."""
    out = Path(out)
    try:
        data, undated = calendar_bytes(items, name)
    except ValueError as exc:
        raise ExportError(tr("Kalendern kunde inte skapas: {error}", error=exc)) from None
    save_beside(out, partial(write_bytes, data), program=tr("kalenderprogrammet"))
    warnings = []
    if undated:
        warnings.append(tr("{n} punkter utan datum kom inte med i kalendern.", n=undated))
    return ExportResult(out, warnings)


def items_from_plan(plan: dict[str, Any], revs: dict[str, int], *, activities: bool = False) -> list[CalendarItem]:
    """The calendar's items of a plan dict (app.planfile.write.plan_to_dict)."""
    wanted = (*CALENDAR_KINDS, "activity") if activities else CALENDAR_KINDS
    meta = plan.get("metadata", {})
    return [CalendarItem(t["uuid"], t["kind"], t.get("code") or "", t.get("title") or "", t.get("description") or "",
                         t.get("start"), t.get("end"), t.get("status") or "", revs.get(t["uuid"], 1),
                         plan.get("title", ""), meta.get("diarienummer") or "")
            for t in plan.get("timeline", []) if t.get("kind") in wanted]
