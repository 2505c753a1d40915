"""A plan's registers as an Excel workbook a risk owner can work in.

Renders from the plain dict of `app.planfile.write.plan_to_dict` (never the database). Sheets: Plan
(what the workbook is: title, diarienummer, utgåva, status, date), Risker (sorted by value as in Word;
Riskvärde is the formula Sannolikhet × Konsekvens and Risknivå follows it, both coloured by conditional
formatting with the file's thresholds; the scores accept only whole numbers on the file's scale), Riskmatris
(the file's scale and colours, each square counting the risks by formula), Aktiviteter, Resurser, Budget
and Resursbelastning (this plan's shares; the whole file's when every plan is exported). Each register
is an Excel table (filters, sorting) with Swedish headers and a frozen header row; dates are real dates
(the first day of a vague date, with the Swedish text beside it) and amounts real numbers. User text is
never written as a formula. openpyxl is imported only when an export runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from app.i18n import tr

from app import kinds
from app.baseline import SLIP_STATES, compare, period_text
from app.baseline import document_slip_text as slip_text
from app.date_text import stored_or_none
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


def _first_day(text: str | None) -> date | None:
    v = stored_or_none(text)
    return v.first_day if v else None


def _date_text(text: str | None) -> str:
    return format_date(text) if stored_or_none(text) else (text or "")


def _people(plan: dict[str, Any]) -> dict[str, str]:
    return {p["uuid"]: p.get("name", "") for p in plan.get("organisation", {}).get("people", [])}


def _risk_columns(settings: RiskSettings) -> list[_Column]:
    def level(r: dict[str, Any]) -> str:
        lv = settings.level(risk_value(r.get("probability"), r.get("impact")))
        return LEVEL_TEXT.get(lv or "", "")

    return [
        _Column("Risk", lambda r: r.get("title", ""), wrap=True),
        _Column("Orsak", lambda r: r.get("cause", ""), wrap=True),
        _Column("Följd", lambda r: r.get("consequence", ""), wrap=True),
        _Column("Sannolikhet", lambda r: r.get("probability"), "int"),
        _Column("Sannolikhet (text)", lambda r: settings.probability_label(r.get("probability"))),
        _Column("Konsekvens", lambda r: r.get("impact"), "int"),
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


def _baseline_columns() -> list[_Column]:
    return [
        _Column("Post", lambda r: f"{r['code']} {r['title']}".strip(), wrap=True),
        _Column("Beslutad", lambda r: period_text(r["decided"])),
        _Column("Nu", lambda r: period_text(r["now"])),
        _Column("Avvikelse (dagar)", lambda r: r["slip_days"], "int"),
        _Column("Avvikelse", lambda r: slip_text(r["slip_days"]) if r["slip_days"] is not None
                else SLIP_STATES[r["state"]]),
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
        _Column("Tertial", lambda b: b.get("tertial"), "int"),
        _Column("Utfall (kr)", lambda b: b.get("actual"), "amount"),
        _Column("Prognos (kr)", lambda b: b.get("forecast"), "amount"),
        _Column("Avvikelse (kr)", lambda b: None if b.get("forecast") is None else (b.get("amount") or 0) - b["forecast"],
                "amount"),
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
                style_row: Callable[[Any, dict[str, Any]], None] | None = None, table_name: str = "") -> None:
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
    if table_name:
        _table(ws, table_name, len(columns))
    else:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"


def _table(ws: Any, name: str, width: int) -> None:
    """The sheet's rows as an Excel table (filters, sorting, banded rows); at least one row under the header."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    table = Table(displayName=name, ref=f"A1:{get_column_letter(width)}{max(ws.max_row, 2)}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)


def export_xlsx(plan: dict[str, Any], out: Path, *, risk_scale: int = 4,
                risk_settings: RiskSettings | None = None, load: dict[str, Any] | None = None,
                portfolio: bool = False) -> XlsxResult:
    """Write the plan's registers to `out` (.xlsx); the file appears whole or not at all. `portfolio`: the
    plan dict stands for the whole file (its risks carry "plan_title"; no activity, resource or budget sheet)."""
    from openpyxl import Workbook

    out = Path(out)
    settings = risk_settings or default_settings(risk_scale if risk_scale in (4, 5) else 4)
    clean = _Cleaner()
    people = _people(plan)
    wb = Workbook()
    wb.properties.title = clean(str(plan.get("title", "")))[:250]
    wb.properties.creator = "Uppdrag"

    identity = wb.active
    identity.title = "Plan"
    _identity_sheet(identity, plan, clean, portfolio=portfolio)

    risk_columns = _risk_columns(settings)
    if portfolio:
        risk_columns.insert(0, _Column("Plan", lambda r: r.get("plan_title", ""), wrap=True))
    from app.export.docx_registers import sorted_risks

    risks = sorted_risks(list(plan.get("risks", [])), settings.scale)  # highest value first, as in Word
    sheet = wb.create_sheet("Risker")
    _fill_sheet(sheet, risk_columns, risks, clean, table_name="Risker")
    _risk_formulas(sheet, [c.header for c in risk_columns], len(risks), settings)
    _matrix_sheet(wb.create_sheet("Riskmatris"), [c.header for c in risk_columns], settings)
    if not portfolio:
        for title, columns, items in (("Aktiviteter", _activity_columns(people), plan.get("timeline", [])),
                                      ("Resurser", _resource_columns(people), plan.get("resources", [])),
                                      ("Budget", _budget_columns(), plan.get("budget", []))):
            _fill_sheet(wb.create_sheet(title), columns, items, clean, table_name=title)
    if load:
        _load_sheet(wb.create_sheet("Resursbelastning"), load, clean, whole_file=portfolio)
    against = compare(plan) if not portfolio else []
    if against:
        _fill_sheet(wb.create_sheet("Tidplan mot beslutad plan"), _baseline_columns(), [vars(r) for r in against],
                    clean, None)

    warnings = []
    if clean.removed:
        warnings.append(tr("{n} otillåtna styrtecken togs bort ur texten.", n=clean.removed))
    save_beside(out, wb.save, error=XlsxExportError, program="Excel")
    return XlsxResult(out, warnings)


MAX_RULE_ROW = 1000  # validation and colours reach this far, so rows added in Excel get them too


def _identity_sheet(ws: Any, plan: dict[str, Any], clean: _Cleaner, *, portfolio: bool) -> None:
    """Which plan (or file) this workbook is: title, diarienummer, utgåva, status, date."""
    from openpyxl.styles import Alignment, Font

    meta = plan.get("metadata", {})
    rows: list[tuple[str, Any]] = [
        ("Uppdrag" if not portfolio else "Fil", plan.get("title", "")),
        ("Dokumenttyp", kinds.DOC_TYPE_LABELS.get(plan.get("doc_type", ""), "") if not portfolio else "Alla planer"),
        ("Diarienummer", meta.get("diarienummer") or ""),
        ("Utgåva", meta.get("edition") or ""),
        ("Status", kinds.DOC_STATUSES.get(meta.get("status") or "", meta.get("status") or "")),
        ("Datum", _date_text(meta.get("document_date"))),
        ("Exporterad", date.today()),
    ]
    ws.append(["Riskarbetsbok" if not portfolio else "Riskarbetsbok för hela filen"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    for label, value in rows:
        ws.append([label, clean(value)])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        cell = ws.cell(row=ws.max_row, column=2)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
            cell.alignment = Alignment(horizontal="left")
    ws.append([])
    ws.append(["Riskvärde = Sannolikhet × Konsekvens; Risknivå färgas efter filens gränser. "
               "Nya risker läggs till sist i tabellen på bladet Risker."])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = min(MAX_WIDTH, max(20, len(str(plan.get("title", ""))) + 2))


def _risk_formulas(ws: Any, headers: list[str], count: int, settings: RiskSettings) -> None:
    """Riskvärde as =Sannolikhet*Konsekvens, Risknivå from it, both coloured by conditional formatting
    with the file's thresholds; whole numbers 1–scale only in the two score columns."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    col = {h: get_column_letter(i) for i, h in enumerate(headers, start=1)}
    p, k, v, lv = col["Sannolikhet"], col["Konsekvens"], col["Riskvärde"], col["Risknivå"]
    yellow, red = settings.yellow_from, settings.red_from
    for row in range(2, count + 2):
        ws[f"{v}{row}"] = f'=IF(OR({p}{row}="",{k}{row}=""),"",{p}{row}*{k}{row})'
        ws[f"{lv}{row}"] = (f'=IF({v}{row}="","",IF({v}{row}>={red},"{LEVEL_TEXT["red"]}",'
                            f'IF({v}{row}>={yellow},"{LEVEL_TEXT["yellow"]}","{LEVEL_TEXT["green"]}")))')
    last = max(MAX_RULE_ROW, count + 1)
    for target in (v, lv):
        area = f"{target}2:{target}{last}"
        value = f"${v}2"
        for colour, test in (("red", f"AND(ISNUMBER({value}),{value}>={red})"),
                             ("yellow", f"AND(ISNUMBER({value}),{value}>={yellow},{value}<{red})"),
                             ("green", f"AND(ISNUMBER({value}),{value}<{yellow})")):
            fill = PatternFill("solid", start_color=LEVEL_FILLS[colour], end_color=LEVEL_FILLS[colour])
            ws.conditional_formatting.add(area, FormulaRule(formula=[test], fill=fill, stopIfTrue=True))
    scale = settings.scale
    check = DataValidation(type="whole", operator="between", formula1="1", formula2=str(scale), allow_blank=True,
                           showErrorMessage=True, errorTitle="Ogiltig poäng",
                           error=f"Ange ett heltal från 1 till {scale} (filens riskskala).",
                           promptTitle="Poäng", prompt=f"1–{scale}", showInputMessage=True)
    check.add(f"{p}2:{p}{last}")
    check.add(f"{k}2:{k}{last}")
    ws.add_data_validation(check)


def _matrix_sheet(ws: Any, headers: list[str], settings: RiskSettings) -> None:
    """Sannolikhet (rows, highest on top) × Konsekvens (columns): the number of risks in each square,
    counted by formula from the sheet Risker, each square in the colour of its level."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    col = {h: get_column_letter(i) for i, h in enumerate(headers, start=1)}
    p, k = col["Sannolikhet"], col["Konsekvens"]
    scale = settings.scale
    ws["A1"] = f"Riskmatris {scale} × {scale}: antal risker per ruta"
    ws["A1"].font = Font(bold=True, size=14)
    ws.cell(row=3, column=1, value="Sannolikhet ↓ / Konsekvens →").font = Font(bold=True)
    thin = Side(style="thin", color="808080")
    for i in range(1, scale + 1):
        head = ws.cell(row=3, column=i + 1, value=f"{i} {settings.impact_label(i)}".strip())
        head.font = Font(bold=True)
        head.alignment = Alignment(horizontal="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i + 1)].width = 14
    for n, prob in enumerate(range(scale, 0, -1)):
        row = 4 + n
        label = ws.cell(row=row, column=1, value=f"{prob} {settings.probability_label(prob)}".strip())
        label.font = Font(bold=True)
        for i in range(1, scale + 1):
            level = settings.level(prob * i) or "green"
            cell = ws.cell(row=row, column=i + 1,
                           value=f"=COUNTIFS(Risker!${p}$2:${p}${MAX_RULE_ROW},{prob},Risker!${k}$2:${k}${MAX_RULE_ROW},{i})")
            cell.fill = PatternFill("solid", start_color=LEVEL_FILLS[level], end_color=LEVEL_FILLS[level])
            cell.alignment = Alignment(horizontal="center", vertical="center")
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        ws.row_dimensions[row].height = 30
    ws.column_dimensions["A"].width = 30
    legend = 5 + scale
    ws.cell(row=legend, column=1, value="Nivåer (riskvärde):").font = Font(bold=True)
    top = scale * scale
    for n, (colour, text) in enumerate((("green", f"1–{settings.yellow_from - 1}"),
                                        ("yellow", f"{settings.yellow_from}–{settings.red_from - 1}"),
                                        ("red", f"{settings.red_from}–{top}"))):
        cell = ws.cell(row=legend + 1 + n, column=1, value=f"{LEVEL_TEXT[colour]}: {text}")
        cell.fill = PatternFill("solid", start_color=LEVEL_FILLS[colour], end_color=LEVEL_FILLS[colour])


def _load_sheet(ws: Any, load: dict[str, Any], clean: _Cleaner, *, whole_file: bool = False) -> None:
    """People × months: each person's share in this plan (`whole_file`: across all plans in the file,
    app.load.plan_load), over 100 % marked."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    periods = load["periods"]
    ws.append(["Person", "Enhet", *(p["label"] for p in periods)])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
    over_fill = PatternFill("solid", fgColor=LEVEL_FILLS["red"])
    for person in load["people"]:
        shares = person["totals"] if whole_file else person["this_plan"]
        over = set(person["over_100"])  # the file's total over 100 %: warned on this plan's sheet too
        ws.append([clean(person["name"]), clean(person["unit"]), *(shares[p["key"]] or None for p in periods)])
        row = ws.max_row
        for col in (1, 2):  # a name is user text, never a formula
            if str(ws.cell(row=row, column=col).value or "").startswith("="):
                ws.cell(row=row, column=col).data_type = "s"
        for col, p in enumerate(periods, start=3):
            cell = ws.cell(row=row, column=col)
            cell.number_format = '0.0" %"'
            cell.alignment = Alignment(horizontal="right")
            if p["key"] in over:
                cell.fill = over_fill
                cell.font = Font(bold=True)
    last_row = ws.max_row
    ws.append([])
    scope = ("Summan av personens andelar i alla planer i filen (utom avbrutna), per månad; " if whole_file
             else "Personens andel i den här planen, per månad (hela filens belastning: exportera alla planer); ")
    ws.append([scope + "en månad som bara delvis ingår räknas efter antal dagar. Fetstil på röd botten = personen "
               "är bokad över 100 % i filen som helhet."])
    ws.column_dimensions["A"].width = min(MAX_WIDTH, max([10, *(len(p["name"]) + 2 for p in load["people"])]))
    ws.column_dimensions["B"].width = min(MAX_WIDTH, max([8, *(len(p["unit"]) + 2 for p in load["people"])]))
    for col in range(3, len(periods) + 3):
        ws.column_dimensions[get_column_letter(col)].width = 10
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(periods) + 2)}{last_row}"


