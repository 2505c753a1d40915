"""A plan's activity list and risk register as a table: Swedish column names, and reading one back.

The columns are the app's own names, the same in the CSV export, the Excel workbook and what an
import expects (`ACTIVITY_COLUMNS`, `RISK_COLUMNS`). An import maps columns by name (a few
common other names are understood too, and the GUI lets a person map the rest), reads every row
into the plan's dict first and reports each row it could not read with its line number; only a
file read whole is written, in one transaction, through the plan file's import
(app.plans.import_plan_data), so history and merge work as for any edit.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from app.i18n import label, tr

from app import kinds
from app.date_text import from_canonical, parse_date, parse_range
from app.dates import DateParseError, Precision, VagueDate

ACTIVITIES = "activities"
RISKS = "risks"
TABLE_NAMES = {ACTIVITIES: "aktiviteter", RISKS: "risker"}  # the CLI's words for them
MAX_ROWS = 100_000  # a plan of the benchmark's size has 20,000 items; a longer list is not a plan's
MAX_CELL = 100_000  # characters in one cell
MAX_REPORTED = 20  # rows named one by one in a summary

# Text that a spreadsheet would run as a formula (CSV injection): such user text is written with a
# leading apostrophe, which Excel and LibreOffice show as text and an import here takes off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """One column: its name, the row field it holds, how its text reads, other names an import accepts."""

    header: str
    field: str
    kind: str = "text"  # text | uuid | int | date | choice | computed
    aliases: tuple[str, ...] = ()
    choices: Mapping[str, str] | None = None  # code -> Swedish label, for kind "choice"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)


ACTIVITY_COLUMNS = (
    Column("Id", "uuid", "uuid", ("Uuid",)),
    Column("Typ", "kind", "choice", ("Slag",), kinds.TIMELINE_KINDS),
    Column("Kod", "code", aliases=("Nr", "Nummer")),
    Column("Benämning", "title", aliases=("Aktivitet", "Namn", "Titel", "Rubrik", "Uppgift")),
    Column("Beskrivning", "description"),
    Column("Start", "start", "date", ("Start (text)", "Startdatum", "Från", "Från och med")),
    Column("Slut", "end", "date", ("Slut (text)", "Slutdatum", "Till", "Till och med", "Klart")),
    Column("Ansvarig", "responsible"),
    Column("Status", "status", "choice", (), kinds.TIMELINE_STATUSES),
    Column("Färdigt (%)", "progress", "int", ("Färdigt", "Klart (%)", "Procent klart")),
    Column("Kommentar", "comment", aliases=("Kommentarer", "Anteckning")),
)
RISK_COLUMNS = (
    Column("Id", "uuid", "uuid", ("Uuid",)),
    Column("Risk", "title", aliases=("Benämning", "Riskbeskrivning", "Titel", "Rubrik")),
    Column("Orsak", "cause", aliases=("Orsaker",)),
    # What happens if the risk occurs, in words ("Följd"), and how grave, as a score ("Konsekvens"): the names
    # of the risk table in the window, the Word export and the workbook. Lists written before said
    # "Konsekvens" and "Konsekvens (poäng)"; `map_columns` still reads them so.
    Column("Följd", "consequence", aliases=("Effekt", "Konsekvensbeskrivning")),
    Column("Sannolikhet", "probability", "int", ("Sannolikhet (poäng)", "S")),
    Column("Konsekvens", "impact", "int", ("Konsekvens (poäng)", "Konsekvensgrad", "K", "Påverkan")),
    Column("Riskvärde", "value", "computed", ("Risktal",)),
    Column("Risknivå", "level", "computed"),
    Column("Ansvarig", "owner", aliases=("Riskägare",)),
    Column("Åtgärd", "mitigation", aliases=("Åtgärder", "Hantering")),
    Column("Datum", "due", "date", ("Datum (text)", "Klart senast", "Uppföljning")),
    Column("Status", "status", "choice", (), kinds.RISK_STATUSES),
    Column("Trend", "trend", "choice", (), kinds.RISK_TRENDS),
)
# A risk list written before Följd/Konsekvens (it has "Konsekvens (poäng)") names its columns so.
OLDER_RISK_NAMES = {"impact": ("Konsekvens (poäng)",), "consequence": ("Konsekvens",)}
COLUMNS = {ACTIVITIES: ACTIVITY_COLUMNS, RISKS: RISK_COLUMNS}
# The column names as labels a window translates (the import dialog, messages about a cell).
COLUMN_HEADERS = {f"{table}.{c.field}": c.header for table, columns in COLUMNS.items() for c in columns}
LIST_KEY = {ACTIVITIES: "timeline", RISKS: "risks"}  # the plan dict's list


class TableError(ValueError):
    """The table cannot be imported at all; str() says why, in Swedish."""


# --- writing ---------------------------------------------------------------------------------


def date_text(text: str | None) -> str:
    """A stored date as the plan writes it ("september 2025", "2025-11-18"), which an import reads back."""
    if not text:
        return ""
    try:
        return from_canonical(text).format("long")
    except (DateParseError, ValueError):
        return text


def safe_text(value: str) -> str:
    """User text that a spreadsheet would take for a formula, made text with a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTS) or value.startswith("'") else value


def _label(column: Column, code: str) -> str:
    return (column.choices or {}).get(code, code)


def export_rows(plan: dict[str, Any], table: str, *, risk_value: Any = None,
                risk_level: Any = None) -> Iterator[list[Any]]:
    """The table's rows of a plan dict (header first) as Python values: text, int or None."""
    people = {p["uuid"]: p.get("name", "") for p in plan.get("organisation", {}).get("people", [])}
    columns = COLUMNS[table]
    yield [c.header for c in columns]
    for row in plan.get(LIST_KEY[table], []):
        values: list[Any] = []
        for c in columns:
            raw = row.get(c.field)
            if c.field == "responsible":
                raw = raw or people.get(row.get("responsible_person") or "", "")
            if c.kind == "date":
                values.append(date_text(raw))
            elif c.kind == "choice":
                values.append(_label(c, raw or ""))
            elif c.kind == "computed":
                fn = risk_value if c.field == "value" else risk_level
                values.append(fn(row) if fn else None)
            elif c.kind == "int":
                values.append(raw)
            else:
                values.append(raw or "")
        yield values


# --- reading ---------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    """What an import did and what it could not read, in Swedish."""

    table: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # "rad 7: …"
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        what = label(TABLE_NAMES[self.table])
        out = [tr("{added} nya och {updated} ändrade {what} lästes in", added=self.added, updated=self.updated,
                  what=what)
               + (" " + tr("({n} oförändrade).", n=self.unchanged) if self.unchanged else ".")]
        if self.skipped:
            out.append(tr("{n} rader kunde inte läsas och togs inte med:", n=len(self.skipped)))
            out += [f"  {s}" for s in self.skipped[:MAX_REPORTED]]
            if len(self.skipped) > MAX_REPORTED:
                out.append("  " + tr("… och {n} till.", n=len(self.skipped) - MAX_REPORTED))
        out += self.notes
        return out


def _norm(name: Any) -> str:
    return " ".join(str(name or "").replace("\ufeff", "").split()).casefold()


def detect_table(header: list[Any]) -> str | None:
    """Which list a header row is: risks if it names a risk column, activities if it names a title."""
    names = {_norm(h) for h in header}
    if _norm("Risk") in names or _norm("Riskbeskrivning") in names:
        return RISKS
    if any(_norm(n) in names for n in ACTIVITY_COLUMNS[3].names):
        return ACTIVITIES
    return None


def map_columns(header: list[Any], table: str, chosen: Mapping[str, str] | None = None) -> dict[str, int]:
    """Row field -> index in the header. `chosen` maps a field to the header a person picked for it;
    other fields are found by name (the app's own first, then the other names it knows)."""
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        index.setdefault(_norm(h), i)
    older = table == RISKS and _norm(OLDER_RISK_NAMES["impact"][0]) in index and _norm("Följd") not in index
    found: dict[str, int] = {}
    for c in COLUMNS[table]:
        if c.kind == "computed":
            continue
        if chosen and c.field in chosen:
            if chosen[c.field] and _norm(chosen[c.field]) in index:
                found[c.field] = index[_norm(chosen[c.field])]
            continue
        # A date's words ("Start (text)" in the workbook) before its first day ("Start").
        names = sorted(c.names, key=lambda n: "(text)" not in n) if c.kind == "date" else c.names
        if older and c.field in OLDER_RISK_NAMES:
            names = OLDER_RISK_NAMES[c.field]
        for name in names:
            if _norm(name) in index:
                found[c.field] = index[_norm(name)]
                break
    return found


def _choice(column: Column, text: str) -> str:
    wanted = _norm(text)
    for code, shown in (column.choices or {}).items():
        if wanted in (_norm(code), _norm(shown)):
            return code
    choices = ", ".join(label(v) for v in (column.choices or {}).values() if v)
    raise ValueError(tr("{header} ”{v1}” är inget av {choices}", header=label(column.header), v1=text[:40],
                        choices=choices))


def _int(column: Column, value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(tr("{header} ”{value}” är inget heltal", header=label(column.header), value=value))
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).replace("\u00a0", "").replace(" ", "").replace("%", "").replace("−", "-")
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # decimal comma
        try:
            number = float(text)
        except ValueError:
            raise ValueError(tr("{header} ”{v1}” är inget tal", header=label(column.header),
                                v1=str(value)[:40])) from None
    if not number.is_integer():
        raise ValueError(tr("{header} ”{v1}” är inget heltal", header=label(column.header), v1=str(value)[:40]))
    return int(number)


def _date(column: Column, value: Any) -> VagueDate | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return VagueDate(value, Precision.DAY)
    text = str(value).strip()
    try:
        return from_canonical(text)
    except (DateParseError, ValueError):
        pass
    try:
        return parse_date(text)
    except DateParseError as exc:
        raise ValueError(f"{label(column.header)}: {exc}") from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
    if len(text) > MAX_CELL:
        raise ValueError(tr("en cell har {n} tecken (högst {most})", n=len(text), most=MAX_CELL))
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        text = text[1:]  # the apostrophe the export put before text that looks like a formula
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _period_cells(cells: list[Any], found: dict[str, int], field_: str) -> tuple[Any, Any]:
    """A whole period in the start cell ("okt 2024 – jan 2025") with the end cell empty: its two sides."""
    start = cells[found[field_]] if field_ in found and found[field_] < len(cells) else None
    end_field = "end"
    end = cells[found[end_field]] if end_field in found and found[end_field] < len(cells) else None
    if isinstance(start, str) and start.strip() and (end is None or str(end).strip() == ""):
        try:
            from_canonical(start.strip())
        except (DateParseError, ValueError):
            try:
                parse_date(start)
            except DateParseError:
                try:
                    period = parse_range(start)
                except DateParseError:
                    return start, end
                if period.start is not None and period.end is not None:
                    return period.start, period.end
    return start, end


def read_row(table: str, cells: list[Any], found: dict[str, int]) -> dict[str, Any]:
    """One row's fields as values (VagueDate for dates); ValueError with a Swedish reason."""
    values: dict[str, Any] = {}
    if table == ACTIVITIES:
        start, end = _period_cells(cells, found, "start")
    for c in COLUMNS[table]:
        if c.field not in found:
            continue
        i = found[c.field]
        raw = cells[i] if i < len(cells) else None
        if table == ACTIVITIES and c.field in ("start", "end"):
            raw = start if c.field == "start" else end
            if isinstance(raw, VagueDate):
                values[c.field] = raw
                continue
        if c.kind == "uuid":
            text = _text(raw).strip()
            if text:
                try:
                    values["uuid"] = str(uuidlib.UUID(text))
                except ValueError:
                    raise ValueError(tr("Id ”{text}” är ingen uuid", text=text[:40])) from None
        elif c.kind == "int":
            values[c.field] = _int(c, raw)
        elif c.kind == "date":
            values[c.field] = _date(c, raw)
        elif c.kind == "choice":
            text = _text(raw).strip()
            if text:
                values[c.field] = _choice(c, text)
        else:
            values[c.field] = _text(raw)
    return values


def _is_empty(cells: list[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _new_row(table: str) -> dict[str, Any]:
    if table == ACTIVITIES:
        return {"uuid": str(uuidlib.uuid4()), "kind": "activity", "code": "", "title": "", "description": "",
                "start": None, "end": None, "responsible": "", "responsible_person": None, "status": "planned",
                "progress": 0, "comment": "", "parent": None, "depends_on": [], "checklist": []}
    return {"uuid": str(uuidlib.uuid4()), "title": "", "cause": "", "consequence": "", "probability": None,
            "impact": None, "owner": "", "mitigation": "", "due": None, "status": "open", "trend": "", "history": []}


def _nothing_taken(wanted: set[str]) -> set[str]:
    return set()


def apply_rows(plan: dict[str, Any], table: str, rows: Iterable[tuple[int, list[Any]]], found: dict[str, int],
               *, risk_scale: int, taken: Callable[[set[str]], set[str]] = _nothing_taken) -> ImportSummary:
    """Read `rows` ((line number, cells)) into the plan dict's list: a row whose Id names one of the plan's
    rows updates it, any other row is added. Rows that cannot be read are left out and listed.
    `taken(ids)`: those of the ids (not the plan's) that rows elsewhere in the file have, which a new row
    must not reuse; asked once, for the Ids of the rows read."""
    summary = ImportSummary(table)
    existing = {r["uuid"]: r for r in plan[LIST_KEY[table]]}
    people = {p["uuid"]: p.get("name", "") for p in plan.get("organisation", {}).get("people", [])}
    title_field = "title"
    if title_field not in found:
        names = ", ".join(f"”{n}”" for n in COLUMNS[table][1 if table == RISKS else 3].names[:3])
        raise TableError(tr("Ingen kolumn för benämningen ({names}); första raden ska ha kolumnernas namn.",
                            names=names))
    seen: set[str] = set()
    titles: dict[str, list[dict[str, Any]]] = {}  # the plan's rows before the import, by name
    for r in existing.values():
        titles.setdefault(_norm(r.get("title")), []).append(r)
    read = _read_rows(table, rows, found)
    in_use = taken({v["uuid"] for _, v in read if isinstance(v, dict) and v.get("uuid") and v["uuid"] not in existing})
    formulas = 0
    for line, values in read:
        try:
            if isinstance(values, ValueError):
                raise values
            formulas += sum(1 for v in values.values() if isinstance(v, str) and v.startswith(("=", "+", "@")))
            uid = values.pop("uuid", None)
            if uid in seen:
                raise ValueError(tr("Id {uid} står redan på en tidigare rad", uid=uid))
            old = existing.get(uid) if uid else None
            if old is None and not uid:  # no Id: the plan's one row of that name, if there is exactly one
                old = _by_title(titles, values.get("title"), seen)
            row = _updated(table, old, values, uid if uid not in in_use else None, people, risk_scale)
            seen.add(row["uuid"])
        except ValueError as exc:
            summary.skipped.append(tr("rad {line}: {reason}.", line=line, reason=str(exc).rstrip(".")))
            continue
        if old is None:
            plan[LIST_KEY[table]].append(row)
            summary.added += 1
        elif row != old:
            existing[row["uuid"]].update(row)
            summary.updated += 1
        else:
            summary.unchanged += 1
    if formulas:
        summary.notes.append(tr("{formulas} celler började med =, + eller @; de lästes som text, inte som formler.",
                                formulas=formulas))
    return summary


def _read_rows(table: str, rows: Iterable[tuple[int, list[Any]]], found: dict[str, int]
               ) -> list[tuple[int, dict[str, Any] | ValueError]]:
    """Each non-empty row's values, or why it cannot be read, with its line number."""
    read: list[tuple[int, dict[str, Any] | ValueError]] = []
    for line, cells in rows:
        if _is_empty(cells):
            continue
        try:
            read.append((line, read_row(table, cells, found)))
        except ValueError as exc:
            read.append((line, exc))
    return read


def _updated(table: str, old: dict[str, Any] | None, values: dict[str, Any], new_id: str | None,
             people: dict[str, str], risk_scale: int) -> dict[str, Any]:
    """The row `values` make of `old` (None: a new row, with the Id `new_id` when it may keep it);
    ValueError (in Swedish) when the row would not hold."""
    from app.validation import ValidationError, validate

    row = dict(old) if old else _new_row(table)
    if new_id and old is None:
        row["uuid"] = new_id
    if table == ACTIVITIES and "responsible" in values and old is not None:
        linked = people.get(old.get("responsible_person") or "", "")
        if values["responsible"] == (old.get("responsible") or linked):
            values.pop("responsible")  # as exported (its own text, else the linked person's name): unchanged
        else:
            row["responsible_person"] = None
    candidate = {**_as_values(row, table), **values}
    if not str(candidate.get("title") or "").strip():
        raise ValueError(tr("benämningen saknas"))
    try:
        validate("timeline" if table == ACTIVITIES else "risk", candidate, risk_scale=risk_scale)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None
    for key, value in values.items():
        row[key] = value.canonical() if isinstance(value, VagueDate) else value
    if table == ACTIVITIES and row.get("progress") is None:
        row["progress"] = 0
    return row


def _by_title(titles: dict[str, list[dict[str, Any]]], title: Any, seen: set[str]) -> dict[str, Any] | None:
    if not isinstance(title, str) or not title.strip():
        return None
    same = titles.get(_norm(title), [])
    return same[0] if len(same) == 1 and same[0]["uuid"] not in seen else None


def _as_values(row: dict[str, Any], table: str) -> dict[str, Any]:
    """A plan dict row with its dates as VagueDate, as validation reads a row."""
    out = dict(row)
    for key in (("start", "end") if table == ACTIVITIES else ("due",)):
        text = out.get(key)
        if isinstance(text, str):
            try:
                out[key] = from_canonical(text)
            except (DateParseError, ValueError):
                pass
    return out
