"""A plan as MS Project XML (MSPDI), from the plan file's dict (app.planfile.write.plan_to_dict).

- Every timeline item is a task, in outline order (an item's children follow it, one outline level
  deeper); an item with children is a summary task. Decision points and milestones are milestones.
- Dates: a vague period becomes its first and last working day on the Swedish calendar with the
  file's closed days (app.workdays), which the file carries as its project calendar; each task
  starts no earlier than its day (a "start no earlier than" constraint), so MS Project keeps it.
  The date as the plan writes it ("september 2025") is kept in the task's text fields
  (app.mspdi.TASK_FIELDS), with the item's kind, code, status, free-text responsible and comment.
- Dependencies are predecessor links with their kind and lag (working days or weeks).
- The people the plan names are resources: a person's resource plan row gives its group (the
  competence), its maximum units (percent of position) and availability periods; an item's
  responsible person is assigned to its task at that percentage. A resource plan row without a
  person is a resource of its own.

The text is written as strings (a plan of 20,000 items is written in a moment) and every value
goes through `_text`, which escapes markup and leaves out characters XML cannot hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from app.dates import Precision, VagueDate
from app.kinds import TIMELINE_KINDS, TIMELINE_STATUSES
from app.mspdi import (
    LAG_FORMAT, LAG_TENTHS, LINK_TYPE, MINUTES_PER_DAY, NS, RESOURCE_FIELD, ROLE_NAMELESS, ROLE_RESPONSIBLE_ONLY,
    TASK_FIELDS,
)
from app.planfile import dependency_parts
from app.workdays import WorkCalendar, parse_periods

MARKERS = frozenset({"decision_point", "milestone"})
# Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; lone surrogates;
# U+FFFE and U+FFFF); the export leaves them out and says so.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _Texts:
    """Escaping of every value, counting the characters left out."""

    def __init__(self) -> None:
        self.dropped = 0

    def __call__(self, value: Any) -> str:
        s = str(value)
        if _NOT_XML.search(s):
            s, n = _NOT_XML.subn("", s)
            self.dropped += n
        if "&" in s:
            s = s.replace("&", "&amp;")
        if "<" in s:
            s = s.replace("<", "&lt;")
        if ">" in s:
            s = s.replace(">", "&gt;")
        return s


def _vague(text: str | None) -> VagueDate | None:
    return VagueDate.from_canonical(text) if text else None


class _Days:
    """First and last working days of periods, and working days between days, on one calendar."""

    def __init__(self, calendar: WorkCalendar):
        self.cal = calendar

    def first(self, v: VagueDate) -> date:
        if v.precision is Precision.DAY:
            return v.start
        day = self.cal.next_working(v.start)
        return day if day <= v.last_day else v.start

    def last(self, v: VagueDate) -> date:
        if v.precision is Precision.DAY:
            return v.start
        day = self.cal.add_working(v.last_day + timedelta(days=1), -1)
        return day if day >= v.start else v.last_day

    def working(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both counted (at least one: a day the plan chose)."""
        return max(1, self.cal.count_working(first - timedelta(days=1), last))


def item_days(item: dict[str, Any], days: _Days) -> tuple[date, date] | None:
    """The first and last day an item's task covers; None for an item without dates."""
    start, end = _vague(item["start"]), _vague(item["end"])
    if start is None and end is None:
        return None
    if item["kind"] in MARKERS:
        v = start or end
        assert v is not None
        return days.first(v), days.last(v)
    first = days.first(start or end)  # type: ignore[arg-type]
    last = days.last(end or start)  # type: ignore[arg-type]
    return first, max(first, last)


def outline(timeline: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int, bool]]:
    """(item, outline level, has children) in outline order: each item followed by its children."""
    known = {t["uuid"] for t in timeline}
    children: dict[str | None, list[dict[str, Any]]] = {}
    for t in timeline:
        parent = t["parent"] if t["parent"] in known else None
        children.setdefault(parent, []).append(t)
    out: list[tuple[dict[str, Any], int, bool]] = []
    seen: set[str] = set()
    stack: list[tuple[dict[str, Any], int]] = [(t, 1) for t in reversed(children.get(None, []))]
    while stack:
        item, level = stack.pop()
        if item["uuid"] in seen:
            continue
        seen.add(item["uuid"])
        kids = children.get(item["uuid"], [])
        out.append((item, level, bool(kids)))
        stack.extend((k, level + 1) for k in reversed(kids))
    # An item in a loop of parents (which the checks refuse) still gets a place, at the top.
    out.extend((t, 1, False) for t in timeline if t["uuid"] not in seen)
    return out


def _stamp(day: date, time: str) -> str:
    return f"{day.isoformat()}T{time}"


def _hours(days: int) -> str:
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


class _Resources:
    """The plan's people and person-less resource plan rows as resources, numbered from 1."""

    def __init__(self, plan: dict[str, Any]):
        people = {p["uuid"]: p for p in plan["organisation"]["people"]}
        self.rows: list[dict[str, Any]] = []  # uid, guid, name, group, email, units, periods, notes
        self.uid_of_person: dict[str, int] = {}
        self.units_of_person: dict[str, float] = {}
        lines_of: dict[str, list[dict[str, Any]]] = {}
        for line in plan["resources"]:
            if line["person"] in people:
                lines_of.setdefault(line["person"], []).append(line)
        wanted = [line["person"] if line["person"] in people else line for line in plan["resources"]]
        wanted += [t["responsible_person"] for t in plan["timeline"] if t["responsible_person"] in people]
        done: set[str] = set()
        for want in wanted:  # in the resource plan's order, then the other responsible persons
            if isinstance(want, dict):
                self._add(want["uuid"], want["name"] or want["competence"] or "Resurs", [want], "", "", generic=True)
                self.rows[-1]["role"] = "" if want["name"] or want["competence"] else ROLE_NAMELESS
            elif want not in done:
                done.add(want)
                p, lines = people[want], lines_of.get(want, [])
                self._add(want, p["name"], lines, p["email"], p["unit"], generic=False)
                self.rows[-1]["role"] = "" if lines else ROLE_RESPONSIBLE_ONLY
                self.uid_of_person[want] = len(self.rows)
                self.units_of_person[want] = self.rows[-1]["units"] if self.rows[-1]["units"] is not None else 1.0

    def _add(self, guid: str, name: str, lines: list[dict[str, Any]], email: str, unit: str, *, generic: bool) -> None:
        allocations = [ln["allocation"] for ln in lines if ln["allocation"] is not None]
        self.rows.append({
            "uid": len(self.rows) + 1, "guid": guid, "name": name, "email": email,
            "group": next((ln["competence"] for ln in lines if ln["competence"]), unit),
            "units": max(allocations) / 100 if allocations else None,
            "periods": [ln for ln in lines if ln["start"] or ln["end"]],
            "notes": "\n".join(ln["note"] for ln in lines if ln["note"]), "generic": generic,
        })


def _calendar_exceptions(cal: WorkCalendar, first: date, last: date) -> Iterator[tuple[date, date, str]]:
    """The calendar's days off on weekdays from `first` to `last`, as (from, to, name) runs."""
    import holidays

    names: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        names.update(holidays.country_holidays("SE", years=year, categories=("public", "de_facto"), language="sv"))
    for c in cal.closed:
        d = c.start
        while d <= c.end:
            names.setdefault(d, c.label or "Stängt")
            d += timedelta(days=1)
    run: list[Any] | None = None
    d = first
    while d <= last:
        if d.weekday() < 5 and not cal.is_working(d):
            name = names.get(d, "Ledig dag")
            if run is not None and run[2] == name and run[1] + timedelta(days=1) == d:
                run[1] = d
            else:
                if run is not None:
                    yield run[0], run[1], run[2]
                run = [d, d, name]
        d += timedelta(days=1)
    if run is not None:
        yield run[0], run[1], run[2]


_WEEKDAYS = "".join(
    f"<WeekDay><DayType>{n}</DayType><DayWorking>0</DayWorking></WeekDay>" if n in (1, 7) else
    f"<WeekDay><DayType>{n}</DayType><DayWorking>1</DayWorking><WorkingTimes>"
    "<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
    "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>"
    "</WorkingTimes></WeekDay>" for n in range(1, 8))


def mspdi_text(plan: dict[str, Any], *, name: str = "") -> tuple[str, list[str]]:
    """The plan as MSPDI text, and the export's remarks in Swedish."""
    esc = _Texts()
    cal = WorkCalendar(parse_periods(plan["organisation"].get("closed_days", [])))
    days = _Days(cal)
    rows = outline(plan["timeline"])
    uid = {item["uuid"]: n for n, (item, _level, _kids) in enumerate(rows, start=1)}
    spans = {item["uuid"]: item_days(item, days) for item, _level, _kids in rows}
    dated = [s for s in spans.values() if s is not None]
    if dated:
        cal.cover(min(s[0] for s in dated).toordinal(), max(s[1] for s in dated).toordinal())
    project_first = min((s[0] for s in dated), default=date.today())
    project_last = max((s[1] for s in dated), default=project_first)
    resources = _Resources(plan)
    meta = plan["metadata"]

    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<Project xmlns="{NS}">',
        "<SaveVersion>14</SaveVersion>",
        f"<Name>{esc(name)}</Name>" if name else "",
        f"<GUID>{esc(plan['uuid']).upper()}</GUID>",
        f"<Title>{esc(plan['title'])}</Title>",
        f"<Subject>{esc(meta['diarienummer'])}</Subject>" if meta["diarienummer"] else "",
        f"<Company>{esc(meta['organisation'])}</Company>" if meta["organisation"] else "",
        f"<Author>{esc(', '.join(meta['authors']))}</Author>" if meta["authors"] else "",
        "<ScheduleFromStart>1</ScheduleFromStart>",
        f"<StartDate>{_stamp(project_first, '08:00:00')}</StartDate>",
        f"<FinishDate>{_stamp(project_last, '17:00:00')}</FinishDate>",
        "<CalendarUID>1</CalendarUID><DefaultStartTime>08:00:00</DefaultStartTime>"
        "<DefaultFinishTime>17:00:00</DefaultFinishTime>"
        f"<MinutesPerDay>{MINUTES_PER_DAY}</MinutesPerDay><MinutesPerWeek>{MINUTES_PER_DAY * 5}</MinutesPerWeek>"
        "<DaysPerMonth>20</DaysPerMonth><DurationFormat>7</DurationFormat><WeekStartDay>1</WeekStartDay>"
        "<NewTasksAreManual>0</NewTasksAreManual>",
        "<ExtendedAttributes>",
        *(f"<ExtendedAttribute><FieldID>{field_id}</FieldID><FieldName>{field}</FieldName>"
          f"<Alias>{alias}</Alias></ExtendedAttribute>" for field, field_id, alias in (*TASK_FIELDS.values(), RESOURCE_FIELD)),
        "</ExtendedAttributes>",
        "<Calendars><Calendar><UID>1</UID><Name>Svenska arbetsdagar</Name><IsBaseCalendar>1</IsBaseCalendar>"
        f"<IsBaselineCalendar>0</IsBaselineCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>{_WEEKDAYS}</WeekDays>",
        "<Exceptions>",
        *(f"<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>{_stamp(a, '00:00:00')}"
          f"</FromDate><ToDate>{_stamp(b, '23:59:00')}</ToDate></TimePeriod><Occurrences>1</Occurrences>"
          f"<Name>{esc(label)}</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>"
          for a, b, label in _calendar_exceptions(cal, project_first, project_last)),
        "</Exceptions></Calendar></Calendars>",
        "<Tasks>",
    ]
    numbers: list[int] = []
    assignments: list[str] = []
    for n, (item, level, summary) in enumerate(rows, start=1):
        del numbers[level:]  # the outline number: one more than the previous sibling's
        numbers.extend([0] * (level - len(numbers)))
        numbers[level - 1] += 1
        out.append(_task(item, n, level, ".".join(map(str, numbers)), summary, spans[item["uuid"]], days, uid, esc))
        person = item["responsible_person"]
        if person in resources.uid_of_person and spans[item["uuid"]] is not None:
            first, last = spans[item["uuid"]]  # type: ignore[misc]
            units = resources.units_of_person[person]
            work = 0 if item["kind"] in MARKERS and first == last else days.working(first, last)
            assignments.append(
                f"<Assignment><UID>{len(assignments) + 1}</UID><TaskUID>{n}</TaskUID>"
                f"<ResourceUID>{resources.uid_of_person[person]}</ResourceUID>"
                f"<Finish>{_stamp(last, '17:00:00')}</Finish><Start>{_stamp(first, '08:00:00')}</Start>"
                f"<Units>{units:g}</Units><Work>PT{round(work * 8 * units, 2):g}H0M0S</Work></Assignment>")
        elif person in resources.uid_of_person:
            assignments.append(
                f"<Assignment><UID>{len(assignments) + 1}</UID><TaskUID>{n}</TaskUID>"
                f"<ResourceUID>{resources.uid_of_person[person]}</ResourceUID>"
                f"<Units>{resources.units_of_person[person]:g}</Units></Assignment>")
    out.append("</Tasks><Resources>")
    for r in resources.rows:
        out.append(_resource(r, days, esc))
    out.append("</Resources><Assignments>")
    out.extend(assignments)
    out.append("</Assignments></Project>\n")
    warnings = []
    if esc.dropped:
        warnings.append(f"{esc.dropped} tecken som XML inte kan innehålla (styrtecken) lämnades utanför.")
    return "".join(out), warnings


def _task(item: dict[str, Any], n: int, level: int, number: str, summary: bool, span: tuple[date, date] | None,
          days: _Days, uid: dict[str, int], esc: _Texts) -> str:
    kind = item["kind"]
    code, title = item["code"], item["title"]
    name = f"{code} {title}" if code and title else (title or code)
    marker = kind in MARKERS
    parts = [f"<Task><UID>{n}</UID><GUID>{item['uuid'].upper()}</GUID><ID>{n}</ID><Name>{esc(name)}</Name>"
             f"<Active>1</Active><Manual>0</Manual><Type>1</Type>"
             f"<OutlineNumber>{number}</OutlineNumber><OutlineLevel>{level}</OutlineLevel>"]
    if span is not None:
        first, last = span
        worked = 0 if marker and first == last else days.working(first, last)
        finish = _stamp(last, "17:00:00") if worked else _stamp(first, "08:00:00")
        parts.append(f"<Start>{_stamp(first, '08:00:00')}</Start><Finish>{finish}</Finish>"
                     f"<Duration>{_hours(worked)}</Duration><DurationFormat>7</DurationFormat>")
    else:
        parts.append("<Estimated>1</Estimated>")
    parts.append(f"<Milestone>{int(marker)}</Milestone><Summary>{int(summary)}</Summary>")
    parts.append(f"<PercentComplete>{int(item['progress'])}</PercentComplete>")  # the schema's order
    if item.get("actual_start"):
        parts.append(f"<ActualStart>{item['actual_start']}T08:00:00</ActualStart>")
    if item.get("actual_finish"):
        parts.append(f"<ActualFinish>{item['actual_finish']}T17:00:00</ActualFinish>")
    if span is not None and not summary:
        parts.append(f"<ConstraintType>4</ConstraintType><CalendarUID>-1</CalendarUID>"
                     f"<ConstraintDate>{_stamp(span[0], '08:00:00')}</ConstraintDate>")
    if item["description"]:
        parts.append(f"<Notes>{esc(item['description'])}</Notes>")
    for entry in item["depends_on"]:
        pred, link, lag, unit = dependency_parts(entry)
        if pred in uid:
            parts.append(f"<PredecessorLink><PredecessorUID>{uid[pred]}</PredecessorUID><Type>{LINK_TYPE[link]}</Type>"
                         f"<CrossProject>0</CrossProject><LinkLag>{lag * LAG_TENTHS[unit]}</LinkLag>"
                         f"<LagFormat>{LAG_FORMAT[unit]}</LagFormat></PredecessorLink>")
    values = {
        "start": _written(item["start"]), "end": _written(item["end"]), "kind": TIMELINE_KINDS[kind],
        "code": code, "status": TIMELINE_STATUSES[item["status"]], "responsible": item["responsible"],
        "comment": item["comment"],
    }
    for key, (_field, field_id, _alias) in TASK_FIELDS.items():
        if values[key]:
            parts.append(f"<ExtendedAttribute><FieldID>{field_id}</FieldID><Value>{esc(values[key])}</Value>"
                         "</ExtendedAttribute>")
    parts.append("</Task>")
    return "".join(parts)


def _written(text: str | None) -> str:
    """A stored vague date as the plan writes it ("september 2025", "Q3 2025"), which reads back the same."""
    v = _vague(text)
    return v.format("long") if v is not None else ""


def _resource(r: dict[str, Any], days: _Days, esc: _Texts) -> str:
    parts = [f"<Resource><UID>{r['uid']}</UID><GUID>{r['guid'].upper()}</GUID><ID>{r['uid']}</ID>"
             f"<Name>{esc(r['name'])}</Name><Type>1</Type><IsNull>0</IsNull>"]
    if r["group"]:
        parts.append(f"<Group>{esc(r['group'])}</Group>")
    if r["email"]:
        parts.append(f"<EmailAddress>{esc(r['email'])}</EmailAddress>")
    if r["units"] is not None:
        parts.append(f"<MaxUnits>{r['units']:g}</MaxUnits>")
    if r["notes"]:
        parts.append(f"<Notes>{esc(r['notes'])}</Notes>")
    if r["generic"]:
        parts.append("<IsGeneric>1</IsGeneric>")
    periods = []
    for line in r["periods"]:
        start, end = _vague(line["start"]), _vague(line["end"])
        frm = days.first(start) if start else None
        to = days.last(end) if end else None
        units = line["allocation"] / 100 if line["allocation"] is not None else 1.0
        periods.append("<AvailabilityPeriod>" + (f"<AvailableFrom>{_stamp(frm, '08:00:00')}</AvailableFrom>" if frm else "")
                       + (f"<AvailableTo>{_stamp(to, '17:00:00')}</AvailableTo>" if to else "")
                       + f"<AvailableUnits>{units:g}</AvailableUnits></AvailabilityPeriod>")
    if r["role"]:
        parts.append(f"<ExtendedAttribute><FieldID>{RESOURCE_FIELD[1]}</FieldID><Value>{r['role']}</Value>"
                     "</ExtendedAttribute>")
    if periods:
        parts.append("<AvailabilityPeriods>" + "".join(periods) + "</AvailabilityPeriods>")
    parts.append("</Resource>")
    return "".join(parts)


def write_mspdi(plan: dict[str, Any], out: Path) -> list[str]:
    """Write the plan to `out` (beside it and renamed into place); the remarks in Swedish."""
    from app.export.result import save_beside

    text, warnings = mspdi_text(plan, name=out.name)
    data = text.encode("utf-8")

    def write(fh: BinaryIO) -> None:
        fh.write(data)

    save_beside(out, write)
    return warnings
