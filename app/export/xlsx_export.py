"""A plan's registers as an Excel workbook: risks, activities, resources and budget.

Renders from the plain dict of `app.planfile.write.plan_to_dict` (never the
database). Every sheet has Swedish headers, a frozen header row and an
autofilter over its data; dates are real dates (the first day of a vague date,
with the Swedish text beside it) and amounts real numbers, so people can sort,
filter and sum in Excel. openpyxl is imported only when an export runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app import kinds
from app.dates import DateParseError, VagueDate
from app.export.plan_data import format_date
from app.export.result import save_beside
from app.risks import RiskSettings, default_settings, risk_value

__all__ = ["XlsxExportError", "XlsxResult", "export_xlsx"]

DATE_FORMAT = "yyyy-mm-dd"
# "," is the locale's thousands separator: a Swedish Excel shows 1 250 000 kr.
AMOUNT_FORMAT = '#,##0 "kr"'
MAX_WIDTH = 60
LEVEL_FILLS = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE"}
LEVEL_TEXT = {"green": "Låg", "yellow": "Medel", "red": "Hög"}

# XML 1.0 forbids these; openpyxl would refuse the cell. \t, \n, \r are allowed.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass
class XlsxResult:
    path: Path
    warnings: list[str] = field(default_factory=list)


class XlsxExportError(OSError):
    """The workbook could not be written; str() is a Swedish message."""


@dataclass
class _Column:
    header: str
    value: Callable[[dict[str, Any]], Any]
    kind: str = "text"  # text | int | amount | date | percent
    wrap: bool = False


class _Cleaner:
    def __init__(self) -> None:
        self.removed = 0

    def __call__(self, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
        value, n = _ILLEGAL.subn("", value)
        self.removed += n
        return value


def _vague(text: str | None) -> VagueDate | None:
    if not text:
        return None
    try:
        return VagueDate.from_canonical(text)
    except (DateParseError, ValueError):
        return None


def _first_day(text: str | None) -> date | None:
    v = _vague(text)
    return v.first_day if v else None


def _date_text(text: str | None) -> str:
    return format_date(text) if _vague(text) else (text or "")


def _people(plan: dict[str, Any]) -> dict[str, str]:
    return {p["uuid"]: p.get("name", "") for p in plan.get("organisation", {}).get("people", [])}


def _risk_columns(settings: RiskSettings) -> list[_Column]:
    def level(r: dict[str, Any]) -> str:
        lv = settings.level(risk_value(r.get("probability"), r.get("impact")))
        return LEVEL_TEXT.get(lv or "", "")

    return [
        _Column("Risk", lambda r: r.get("title", ""), wrap=True),
        _Column("Orsak", lambda r: r.get("cause", ""), wrap=True),
        _Column("Konsekvens", lambda r: r.get("consequence", ""), wrap=True),
        _Column("Sannolikhet", lambda r: r.get("probability"), "int"),
        _Column("Sannolikhet (text)", lambda r: settings.probability_label(r.get("probability"))),
        _Column("Konsekvens (poäng)", lambda r: r.get("impact"), "int"),
        _Column("Konsekvens (text)", lambda r: settings.impact_label(r.get("impact"))),
        _Column("Riskvärde", lambda r: risk_value(r.get("probability"), r.get("impact")), "int"),
        _Column("Risknivå", level),
        _Column("Ansvarig", lambda r: r.get("owner", "")),
        _Column("Åtgärd", lambda r: r.get("mitigation", ""), wrap=True),
        _Column("Datum", lambda r: _first_day(r.get("due")), "date"),
        _Column("Datum (text)", lambda r: _date_text(r.get("due"))),
        _Column("Status", lambda r: kinds.RISK_STATUSES.get(r.get("status", ""), r.get("status", ""))),
        _Column("Trend", lambda r: kinds.RISK_TRENDS.get(r.get("trend", ""), r.get("trend", ""))),
        _Column("Id", lambda r: r.get("uuid", "")),  # an import of the sheet updates these risks
    ]


def _activity_columns(people: dict[str, str]) -> list[_Column]:
    def responsible(i: dict[str, Any]) -> str:
        return i.get("responsible") or people.get(i.get("responsible_person") or "", "")

    return [
        _Column("Typ", lambda i: kinds.TIMELINE_KINDS.get(i.get("kind", ""), i.get("kind", ""))),
        _Column("Kod", lambda i: i.get("code", "")),
        _Column("Benämning", lambda i: i.get("title", ""), wrap=True),
        _Column("Beskrivning", lambda i: i.get("description", ""), wrap=True),
        _Column("Start", lambda i: _first_day(i.get("start")), "date"),
        _Column("Start (text)", lambda i: _date_text(i.get("start"))),
        _Column("Slut", lambda i: _first_day(i.get("end")), "date"),
        _Column("Slut (text)", lambda i: _date_text(i.get("end"))),
        _Column("Ansvarig", responsible),
        _Column("Status", lambda i: kinds.TIMELINE_STATUSES.get(i.get("status", ""), i.get("status", ""))),
        _Column("Färdigt (%)", lambda i: i.get("progress"), "int"),
        _Column("Kommentar", lambda i: i.get("comment", ""), wrap=True),
        _Column("Id", lambda i: i.get("uuid", "")),  # an import of the sheet updates these items
    ]


def _resource_columns(people: dict[str, str]) -> list[_Column]:
    return [
        _Column("Resurs/kompetens", lambda r: r.get("competence", ""), wrap=True),
        _Column("Namn", lambda r: r.get("name") or people.get(r.get("person") or "", "")),
        _Column("Andel av tjänst (%)", lambda r: r.get("allocation"), "int"),
        _Column("Start", lambda r: _first_day(r.get("start")), "date"),
        _Column("Start (text)", lambda r: _date_text(r.get("start"))),
        _Column("Slut", lambda r: _first_day(r.get("end")), "date"),
        _Column("Slut (text)", lambda r: _date_text(r.get("end"))),
        _Column("Kommentar", lambda r: r.get("note", ""), wrap=True),
    ]


def _budget_columns() -> list[_Column]:
    return [
        _Column("Typ", lambda b: kinds.BUDGET_KINDS.get(b.get("kind", ""), b.get("kind", ""))),
        _Column("Beskrivning", lambda b: b.get("description", ""), wrap=True),
        _Column("Belopp (kr)", lambda b: b.get("amount"), "amount"),
        _Column("År", lambda b: b.get("year"), "int"),
        _Column("Kommentar", lambda b: b.get("note", ""), wrap=True),
        _Column("Summering", lambda b: kinds.BUDGET_SUM_RULES.get(b.get("sum_rule", ""), b.get("sum_rule", ""))),
    ]


def _display_length(value: Any, kind: str) -> int:
    if value is None:
        return 0
    if kind == "date":
        return 10
    if kind == "amount":
        return len(f"{value:,} kr")
    return max((len(line) for line in str(value).split("\n")), default=0)


def _fill_sheet(ws: Any, columns: Sequence[_Column], items: Sequence[dict[str, Any]], clean: _Cleaner,
                style_row: Callable[[Any, dict[str, Any]], None] | None = None) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE4EE")
    widths = [len(c.header) for c in columns]
    ws.append([c.header for c in columns])
    for cell in ws[1]:
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for item in items:
        values = [clean(c.value(item)) for c in columns]
        ws.append(values)
        row = ws.max_row
        for col, (c, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = ws.cell(row=row, column=col)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
            if c.kind == "date" and value is not None:
                cell.number_format = DATE_FORMAT
            elif c.kind == "amount" and value is not None:
                cell.number_format = AMOUNT_FORMAT
            cell.alignment = Alignment(vertical="top", wrap_text=c.wrap)
            widths[col - 1] = max(widths[col - 1], _display_length(value, c.kind))
        if style_row is not None:
            style_row(ws[row], item)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, width + 2)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"


def export_xlsx(plan: dict[str, Any], out: Path, *, risk_scale: int = 4,
                risk_settings: RiskSettings | None = None, load: dict[str, Any] | None = None) -> XlsxResult:
    """Write the plan's registers to `out` (.xlsx); the file appears whole or not at all."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    out = Path(out)
    settings = risk_settings or default_settings(risk_scale if risk_scale in (4, 5) else 4)
    clean = _Cleaner()
    people = _people(plan)
    wb = Workbook()
    wb.properties.title = clean(str(plan.get("title", "")))[:250]
    wb.properties.creator = "Uppdrag"

    risk_columns = _risk_columns(settings)
    value_col = [c.header for c in risk_columns].index("Riskvärde")

    def colour_risk(cells: Any, r: dict[str, Any]) -> None:
        lv = settings.level(risk_value(r.get("probability"), r.get("impact")))
        if lv:
            cells[value_col].fill = PatternFill("solid", fgColor=LEVEL_FILLS[lv])

    sheets = [
        ("Risker", risk_columns, plan.get("risks", []), colour_risk),
        ("Aktiviteter", _activity_columns(people), plan.get("timeline", []), None),
        ("Resurser", _resource_columns(people), plan.get("resources", []), None),
        ("Budget", _budget_columns(), plan.get("budget", []), None),
    ]
    first = True
    for title, columns, items, style in sheets:
        sheet = wb.active if first else wb.create_sheet()
        first = False
        sheet.title = title
        _fill_sheet(sheet, columns, items, clean, style)
    if load:
        _load_sheet(wb.create_sheet("Resursbelastning"), load, clean)

    warnings = []
    if clean.removed:
        warnings.append(f"{clean.removed} otillåtna styrtecken togs bort ur texten.")
    save_beside(out, wb.save, error=XlsxExportError, program="Excel")
    return XlsxResult(out, warnings)


def _load_sheet(ws: Any, load: dict[str, Any], clean: _Cleaner) -> None:
    """People × months: each person's total share across all plans (app.load.plan_load), over 100 % marked."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    periods = load["periods"]
    ws.append(["Person", "Enhet", *(p["label"] for p in periods)])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
    over_fill = PatternFill("solid", fgColor=LEVEL_FILLS["red"])
    for person in load["people"]:
        totals = person["totals"]
        ws.append([clean(person["name"]), clean(person["unit"]), *(totals[p["key"]] or None for p in periods)])
        row = ws.max_row
        for col, p in enumerate(periods, start=3):
            cell = ws.cell(row=row, column=col)
            cell.number_format = '0.0" %"'
            cell.alignment = Alignment(horizontal="right")
            if p["key"] in person["over_100"]:
                cell.fill = over_fill
                cell.font = Font(bold=True)
    last_row = ws.max_row
    ws.append([])
    ws.append(["Summan av personens andelar i alla planer i filen (utom avbrutna), per månad; "
               "en månad som bara delvis ingår räknas efter antal dagar. Fetstil på röd botten = över 100 %."])
    ws.column_dimensions["A"].width = min(MAX_WIDTH, max([10, *(len(p["name"]) + 2 for p in load["people"])]))
    ws.column_dimensions["B"].width = min(MAX_WIDTH, max([8, *(len(p["unit"]) + 2 for p in load["people"])]))
    for col in range(3, len(periods) + 3):
        ws.column_dimensions[get_column_letter(col)].width = 10
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(periods) + 2)}{last_row}"


