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
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from app.date_text import from_canonical
from app.dates import Precision, VagueDate
from app.i18n import tr
from app.kinds import TIMELINE_KINDS, TIMELINE_STATUSES
from app.mspdi import (
    LAG_FORMAT, LAG_TENTHS, LINK_TYPE, MINUTES_PER_DAY, NS, RESOURCE_FIELD, ROLE_NAMELESS, ROLE_RESPONSIBLE_ONLY,
    TASK_FIELDS, kind_needs_saying, status_of,
)
from app.planfile import dependency_parts
from app.workdays import ClosedPeriod, WorkCalendar, parse_periods

MARKERS = frozenset({"decision_point", "milestone"})
# Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; lone surrogates;
# U+FFFE and U+FFFF); the export leaves them out and says so.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PLAIN = re.compile("[^&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]*")


class _Texts:
    """Escaping of every value, counting the characters left out."""

    def __init__(self) -> None:
        self.dropped = 0

    def __call__(self, value: str) -> str:
        if _PLAIN.fullmatch(value):
            return value
        s = value
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


@lru_cache(maxsize=8192)
def _vague(text: str | None) -> VagueDate | None:
    return from_canonical(text) if text else None


_Ends = tuple[date, date, int, int, str, str]  # first and last working day, their ordinals and ISO texts


class _Days:
    """First and last working days of periods, and working days between days, on one calendar
    (each answer kept: a plan's items share few periods)."""

    def __init__(self, calendar: WorkCalendar):
        self.cal = calendar
        self._ends: dict[str, _Ends] = {}
        self._texts: dict[tuple[str | None, str | None, bool], tuple[tuple[date, date] | None, str, str, str]] = {}

    def texts(self, item: dict[str, Any]) -> tuple[tuple[date, date] | None, str, str, str]:
        """An item's days and the texts they give: Start/Finish/Duration, the constraint's date, and the
        kept dates' text fields (items share few periods, so each is worked out once)."""
        start, end, marker = item["start"], item["end"], item["kind"] in MARKERS
        key = (start, end, marker)
        found = self._texts.get(key)
        if found is not None:
            return found
        kept = f"{_KEPT_START}{_written(start)}{_KEPT_CLOSE}" if start else ""
        if end:
            kept += f"{_KEPT_END}{_written(end)}{_KEPT_CLOSE}"
        if start is None and end is None:
            found = (None, "<Estimated>1</Estimated>", "", kept)
        else:
            a = self.ends(start or end)
            b = a if marker or not end or not start else self.ends(end)
            first, first_o, day = a[0], a[2], a[4]
            last, last_o, last_day = (b[1], b[3], b[5]) if b[3] > first_o else (first, first_o, day)
            if first_o == last_o:
                worked = 0 if marker else 1
            else:  # working days from first to last, both counted (at least one: a day the plan chose)
                worked = max(1, self.cal.count_ordinals(first_o - 1, last_o))
            finish = f"{last_day}T17:00:00" if worked else f"{day}T08:00:00"
            found = ((first, last), f"<Start>{day}T08:00:00</Start><Finish>{finish}</Finish>"
                                    f"<Duration>PT{worked * 8}H0M0S</Duration>",
                     f"<ConstraintType>4</ConstraintType><ConstraintDate>{day}T08:00:00</ConstraintDate>", kept)
        self._texts[key] = found
        return found

    def ends(self, text: str) -> _Ends:
        """A stored date's first and last working day (a day the plan chose is itself both; a period without
        a working day keeps its own first and last day)."""
        found = self._ends.get(text)
        if found is None:
            if len(text) == 10 and text[7] == "-":  # a day (YYYY-MM-DD), most dates: its own ISO text
                first = date.fromisoformat(text)
                found = self._ends[text] = (first, first, first.toordinal(), first.toordinal(), text, text)
                return found
            v = _vague(text)
            assert v is not None
            if v.precision is Precision.DAY:
                first = last = v.start
            else:
                first = self.cal.next_working(v.start)
                last = self.cal.add_working(v.last_day + timedelta(days=1), -1)
                first, last = (first if first <= v.last_day else v.start, last if last >= v.start else v.last_day)
            found = (first, last, first.toordinal(), last.toordinal(), first.isoformat(), last.isoformat())
            self._ends[text] = found
        return found

    def working(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both counted (at least one: a day the plan chose)."""
        return max(1, self.cal.count_ordinals(first.toordinal() - 1, last.toordinal()))


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


@lru_cache(maxsize=8)
def _calendar(closed: tuple[ClosedPeriod, ...]) -> WorkCalendar:
    """One calendar for each set of closed days: the plans of one file share theirs (and its working days)."""
    return WorkCalendar(closed)


@lru_cache(maxsize=256)
def _holiday_names(year: int) -> dict[date, str]:
    import holidays

    return dict(holidays.country_holidays("SE", years=year, categories=("public", "de_facto"), language="sv"))


def _calendar_exceptions(cal: WorkCalendar, first: date, last: date) -> Iterator[tuple[date, date, str]]:
    """The calendar's days off on weekdays from `first` to `last`, as (from, to, name) runs."""
    names: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        names.update(_holiday_names(year))
    for c in cal.closed:
        d = max(c.start, first)
        while d <= min(c.end, last):
            names.setdefault(d, c.label or "Stängt")
            d += timedelta(days=1)
    run: list[Any] | None = None
    for d in sorted(names):
        if not first <= d <= last or d.weekday() >= 5 or cal.is_working(d):
            continue
        name = names[d]
        if run is not None and run[2] == name and run[1] + timedelta(days=1) == d:
            run[1] = d
            continue
        if run is not None:
            yield run[0], run[1], run[2]
        run = [d, d, name]
    if run is not None:
        yield run[0], run[1], run[2]


@lru_cache(maxsize=64)
def _exceptions_text(cal: WorkCalendar, first_year: int, last_year: int) -> str:
    """The calendar's days off on weekdays in the years a plan covers, as MSPDI exceptions."""
    esc = _Texts()
    return "<Exceptions>" + "".join(
        f"<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>{_stamp(a, '00:00:00')}"
        f"</FromDate><ToDate>{_stamp(b, '23:59:00')}</ToDate></TimePeriod><Occurrences>1</Occurrences>"
        f"<Name>{esc(label)}</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>"
        for a, b, label in _calendar_exceptions(cal, date(first_year, 1, 1), date(last_year, 12, 31))) + "</Exceptions>"


_WEEKDAYS = "".join(
    f"<WeekDay><DayType>{n}</DayType><DayWorking>0</DayWorking></WeekDay>" if n in (1, 7) else
    f"<WeekDay><DayType>{n}</DayType><DayWorking>1</DayWorking><WorkingTimes>"
    "<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
    "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>"
    "</WorkingTimes></WeekDay>" for n in range(1, 8))


_SETTINGS = (  # the project's settings, its custom fields and its calendar's week
    "<CalendarUID>1</CalendarUID><DefaultStartTime>08:00:00</DefaultStartTime>"
    "<DefaultFinishTime>17:00:00</DefaultFinishTime>"
    f"<MinutesPerDay>{MINUTES_PER_DAY}</MinutesPerDay><MinutesPerWeek>{MINUTES_PER_DAY * 5}</MinutesPerWeek>"
    "<DaysPerMonth>20</DaysPerMonth><DurationFormat>7</DurationFormat><WeekStartDay>1</WeekStartDay>"
    "<NewTasksAreManual>0</NewTasksAreManual><ExtendedAttributes>"
    + "".join(f"<ExtendedAttribute><FieldID>{field_id}</FieldID><FieldName>{field}</FieldName>"
              f"<Alias>{alias}</Alias></ExtendedAttribute>" for field, field_id, alias in (*TASK_FIELDS.values(), RESOURCE_FIELD))
    + "</ExtendedAttributes><Calendars><Calendar><UID>1</UID><Name>Svenska arbetsdagar</Name>"
    f"<IsBaseCalendar>1</IsBaseCalendar><IsBaselineCalendar>0</IsBaselineCalendar><BaseCalendarUID>-1</BaseCalendarUID>"
    f"<WeekDays>{_WEEKDAYS}</WeekDays>")


def mspdi_text(plan: dict[str, Any], *, name: str = "") -> tuple[str, list[str]]:
    """The plan as MSPDI text, and the export's remarks in Swedish."""
    esc = _Texts()
    cal = _calendar(tuple(parse_periods(plan["organisation"].get("closed_days", []))))
    days = _Days(cal)
    rows = outline(plan["timeline"])
    uid = {item["uuid"]: n for n, (item, _level, _kids) in enumerate(rows, start=1)}
    texts = [days.texts(item) for item, _level, _kids in rows]
    dated = [t[0] for t in texts if t[0] is not None]
    if dated:
        cal.cover(min(s[0] for s in dated).toordinal(), max(s[1] for s in dated).toordinal())
    project_first = min(s[0] for s in dated) if dated else date.today()
    project_last = max(s[1] for s in dated) if dated else project_first
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
        _SETTINGS,
        _exceptions_text(cal, project_first.year, project_last.year),
        "</Calendar></Calendars>",
        "<Tasks>",
    ]
    assignments: list[str] = []
    for n, ((item, level, summary), found) in enumerate(zip(rows, texts, strict=True), start=1):
        out.append(_task(item, n, level, summary, found, uid, esc))
        if item["responsible_person"] in resources.uid_of_person:
            assignments.append(_assignment(len(assignments) + 1, n, item, found[0], resources, days))
    out.append("</Tasks><Resources>")
    for r in resources.rows:
        out.append(_resource(r, days, esc))
    out.append("</Resources><Assignments>")
    out.extend(assignments)
    out.append("</Assignments></Project>\n")
    return "".join(out), _remarks(plan, esc)


def _remarks(plan: dict[str, Any], esc: _Texts) -> list[str]:
    """What the file could not hold, said (never silently left out)."""
    warnings = []
    if esc.dropped:
        warnings.append(tr("{count} tecken som XML inte kan innehålla (styrtecken) lämnades utanför.",
                           count=esc.dropped))
    checklists = [item["checklist"] for item in plan["timeline"] if item.get("checklist")]
    if checklists:
        warnings.append(tr("Checklistorna vid beslutspunkterna ({count} st., {points} punkter) följer inte med: MS Project-XML "
                           "har ingen plats för dem. De finns kvar i Uppdrag och behålls när filen importeras tillbaka "
                           "till samma plan.", count=len(checklists), points=sum(map(len, checklists))))
    vague_rows = sum(1 for line in plan["resources"]
                     if any(v is not None and v.precision is not Precision.DAY for v in map(_vague, (line["start"], line["end"]))))
    if vague_rows:  # an availability period has days only
        warnings.append(tr("Resursplanen har ungefärliga perioder (som ”Q3 2025”, {count} st.). MS Project har bara "
                           "dagar: perioderna skrivs som sin första och sista arbetsdag och läses tillbaka som exakta "
                           "datum.", count=vague_rows))
    return warnings


def _assignment(uid: int, task: int, item: dict[str, Any], span: tuple[date, date] | None, resources: _Resources,
                days: _Days) -> str:
    """The responsible person on task number `task`: for its dated span, with the work it takes them."""
    person = item["responsible_person"]
    head = (f"<Assignment><UID>{uid}</UID><TaskUID>{task}</TaskUID>"
            f"<ResourceUID>{resources.uid_of_person[person]}</ResourceUID>")
    units = resources.units_of_person[person]
    if span is None:
        return f"{head}<Units>{units:g}</Units></Assignment>"
    first, last = span
    work = 0 if item["kind"] in MARKERS and first == last else days.working(first, last)
    return (f"{head}<Finish>{_stamp(last, '17:00:00')}</Finish><Start>{_stamp(first, '08:00:00')}</Start>"
            f"<Units>{units:g}</Units><Work>PT{round(work * 8 * units, 2):g}H0M0S</Work></Assignment>")


_EA = {key: (f"<ExtendedAttribute><FieldID>{field_id}</FieldID><Value>", "</Value></ExtendedAttribute>")
       for key, (_field, field_id, _alias) in TASK_FIELDS.items()}
_KEPT_START, _KEPT_END, _KEPT_CLOSE = _EA["start"][0], _EA["end"][0], _EA["start"][1]
_CODE_EA, _RESPONSIBLE_EA, _COMMENT_EA, _TEXT_CLOSE = _EA["code"][0], _EA["responsible"][0], _EA["comment"][0], \
    _EA["code"][1]
_KIND_EA = {k: f"{_EA['kind'][0]}{label}{_EA['kind'][1]}" for k, label in TIMELINE_KINDS.items()}
_STATUS_EA = {k: f"{_EA['status'][0]}{label}{_EA['status'][1]}" for k, label in TIMELINE_STATUSES.items()}
_LINK = {(kind, unit): (f"<Type>{LINK_TYPE[kind]}</Type><CrossProject>0</CrossProject><LinkLag>",
                        f"</LinkLag><LagFormat>{LAG_FORMAT[unit]}</LagFormat></PredecessorLink>")
         for kind in LINK_TYPE for unit in LAG_FORMAT}


def _task(item: dict[str, Any], n: int, level: int, summary: bool, found: tuple[Any, str, str, str],
          uid: dict[str, int], esc: _Texts) -> str:
    """One task, its elements in the schema's order (one string: a plan may have 20,000 of them); `found` is
    what _Days.texts gave for the item. The outline number is left out: MS Project and MPXJ work it out
    from the order and the outline levels."""
    code, title, description, kind, progress = item["code"], item["title"], item["description"], item["kind"], \
        item["progress"]
    name = f"{code} {title}" if code and title else (title or code)
    links = ""
    for entry in item["depends_on"]:
        pred, link, lag, unit = dependency_parts(entry)
        if pred in uid:
            before, after = _LINK[link, unit]
            links += f"<PredecessorLink><PredecessorUID>{uid[pred]}</PredecessorUID>{before}{lag * LAG_TENTHS[unit]}{after}"
    actual = ""
    if item.get("actual_start"):
        actual = f"<ActualStart>{item['actual_start']}T08:00:00</ActualStart>"
    if item.get("actual_finish"):
        actual += f"<ActualFinish>{item['actual_finish']}T17:00:00</ActualFinish>"
    texts = f"{_CODE_EA}{esc(code)}{_TEXT_CLOSE}" if code else ""
    if item["responsible"]:
        texts += f"{_RESPONSIBLE_EA}{esc(item['responsible'])}{_TEXT_CLOSE}"
    if item["comment"]:
        texts += f"{_COMMENT_EA}{esc(item['comment'])}{_TEXT_CLOSE}"
    return (f"<Task><UID>{n}</UID><GUID>{item['uuid'].upper()}</GUID><ID>{n}</ID><Name>{esc(name)}</Name>"
            f"<OutlineLevel>{level}</OutlineLevel>{found[1]}{_MARKER[kind]}{'<Summary>1</Summary>' if summary else ''}"
            f"{f'<PercentComplete>{progress}</PercentComplete>' if progress else ''}{actual}"
            f"{'' if summary else found[2]}{f'<Notes>{esc(description)}</Notes>' if description else ''}{links}"
            f"{found[3]}{_KIND_EA[kind] if kind_needs_saying(kind, code, name, summary) else ''}"
            f"{'' if status_of(progress) == item['status'] else _STATUS_EA[item['status']]}{texts}</Task>")


# What MS Project takes when an element is left out (0) is left out: a smaller file, read sooner.
_MARKER = {kind: "<Milestone>1</Milestone>" if kind in MARKERS else "" for kind in TIMELINE_KINDS}





@lru_cache(maxsize=8192)
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
        frm = days.ends(line["start"])[0] if line["start"] else None
        to = days.ends(line["end"])[1] if line["end"] else None
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
