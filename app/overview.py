"""Översikt: one row per plan across the file, for a leader's weekly follow-up.

Each row has the plan's status colour (from its latest status report, grey when that report is
older than the organisation's reporting interval), the next decision point and its date, the
days the most overdue item is late, the progress, the budget followed up (costs budgeted, utfall,
prognos and the difference; shared lines left out), the number of high (red) risks, and who owns
and leads it. A period (a year or one of its tertials) keeps the plans whose timeline reaches
into it and sums the budget lines of that period alone. Every figure comes from one
query per table for all plans at once, so the overview of a file with 200 plans costs a handful
of queries (db/portfolio.py), not a thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app import kinds
from app.i18n import in_swedish, label, tr
from app.overview_settings import report_interval
from app.workspace import Workspace

GREY = "grey"
STATUS_LABELS = {**kinds.REPORT_STATUSES, GREY: "Grå (inaktuell)", "": "Ingen rapport"}
COLUMNS = ("Plan", "Dokumenttyp", "Status", "Rapport", "Rapportdatum", "Nästa beslutspunkt", "Datum",
           "Dagar sen", "Klart (%)", "Budget (kr)", "Utfall (kr)", "Prognos (kr)", "Avvikelse (kr)", "Höga risker",
           "Ägare", "Ledare", "Organisation", "Största avvikelse")
MONEY_COLUMNS = (9, 10, 11, 12)
SLIP_COLUMN = 17  # the largest slip against the decided edition: shown as text, sorted by its days
SLIP_DAYS_KEY = "Största avvikelse (dagar)"  # in `uppdrag overview --json`: that slip in days (null: no edition)
TERTIAL_MONTHS = {1: (1, 4), 2: (5, 8), 3: (9, 12)}  # januari–april, maj–augusti, september–december


@dataclass(frozen=True)
class Period:
    """A year, or one tertial of it."""
    year: int
    tertial: int | None = None

    @property
    def first_day(self) -> date:
        return date(self.year, TERTIAL_MONTHS[self.tertial][0] if self.tertial else 1, 1)

    @property
    def last_day(self) -> date:
        month = TERTIAL_MONTHS[self.tertial][1] if self.tertial else 12
        return date(self.year, 12, 31) if month == 12 else date(self.year, month + 1, 1) - timedelta(days=1)

    def label(self) -> str:
        return f"{self.year} T{self.tertial}" if self.tertial else str(self.year)

    def holds(self, year: int | None, tertial: int | None) -> bool:
        """Whether a budget line of `year` (and `tertial`, None for the whole year) belongs here."""
        return year == self.year and (self.tertial is None or tertial == self.tertial)

    @classmethod
    def parse(cls, text: str) -> Period:
        """ "2026" or "2026 T2" (also "2026T2", "2026:2"); ValueError in Swedish otherwise."""
        import re

        m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:[Tt]|:|\s)\s*([123]))?\s*", text)
        if m is None:
            raise ValueError(tr("Perioden ”{text}” förstås inte; skriv ett år (2026) eller ett tertial (2026 T2).",
                                text=text))
        return cls(int(m.group(1)), int(m.group(2)) if m.group(2) else None)


@dataclass(frozen=True)
class OverviewRow:
    plan_id: int
    title: str
    doc_type: str
    status: str  # the plan's own status (draft, approved, active …)
    report: str  # green | yellow | red | grey | "" (no report)
    report_date: date | None
    next_point: str
    next_date: date | None
    days_late: int
    progress: int | None
    budget: int
    actual: int | None  # utfall of the costs; None when no line has one
    forecast: int | None  # prognos of the costs (a line without one counts its budget); None when no line has one
    high_risks: int
    owner: str
    leader: str
    organisation: str
    first_day: date | None = None  # the first and last date of the plan's timeline
    last_day: date | None = None
    slip_days: int | None = None  # its largest slip against the decided edition (0: none later); None: no edition
    slip_item: str = ""  # the item that slipped the most

    @property
    def slip(self) -> str:
        """ "+3 veckor (Upphandling)" as the timeline's tooltip says it; "0" when nothing is later than
        decided; "" when the plan has no frozen edition."""
        from app.baseline import slip_text

        if self.slip_days is None:
            return ""
        return f"{slip_text(self.slip_days)} ({self.slip_item})" if self.slip_days > 0 and self.slip_item \
            else slip_text(self.slip_days)

    @property
    def deviation(self) -> int | None:
        """Budget minus prognos: positive below budget, negative over it."""
        return None if self.forecast is None else self.budget - self.forecast

    def cells(self) -> tuple[Any, ...]:
        """The row as the table and the exports show it, in COLUMNS order."""
        return (self.title, kinds.DOC_TYPE_LABELS.get(self.doc_type, self.doc_type),
                kinds.DOC_STATUSES.get(self.status, self.status), STATUS_LABELS.get(self.report, self.report),
                self.report_date, self.next_point, self.next_date, self.days_late or None, self.progress,
                self.budget, self.actual, self.forecast, self.deviation, self.high_risks, self.owner, self.leader,
                self.organisation, self.slip)

    def as_json(self) -> dict[str, Any]:
        """A row of `uppdrag overview --json`: every column by its Swedish name, and the largest slip in days."""
        return {**dict(zip(COLUMNS, self.cells(), strict=True)), SLIP_DAYS_KEY: self.slip_days}

    def text_cells(self) -> tuple[str, ...]:
        """A line of `uppdrag overview`: the plan, its report, next decision point, budget vs utfall vs prognos."""
        report = label(STATUS_LABELS.get(self.report, self.report))
        point = f"{self.next_point} {self.next_date.isoformat()}" if self.next_date else ""
        budget = tr("budget {amount}", amount=_money(self.budget)) + (
            tr(", utfall {actual}, prognos {forecast}", actual=_money(self.actual), forecast=_money(self.forecast))
            if self.forecast is not None else "")
        late = tr("{days} dagar sen", days=self.days_late) if self.days_late else ""
        slip = tr("största avvikelse {slip}", slip=self.slip) if self.slip_days else ""
        return (self.title, report, point, late, budget,
                tr("{count} höga risker", count=self.high_risks) if self.high_risks else "", slip)


def _money(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", "\u00a0") + "\u00a0kr"


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _text(value: Any) -> str | None:
    """A date as ISO text (SQLite gives text; a server gives dates): such texts compare as dates do."""
    return None if value is None else value.isoformat() if isinstance(value, date) else str(value)[:10]


def _budgets(rows: list[tuple[Any, ...]], period: Period | None, in_period: set[int]
             ) -> tuple[dict[int, int], dict[int, int], dict[int, int], set[int]]:
    """Each plan's budgeted costs, actual and forecast (shared costs not counted twice), and the plans
    whose budget is followed up; with `period`, only its lines, and their plans join `in_period`."""
    budget: dict[int, int] = {}
    actual: dict[int, int] = {}
    forecast: dict[int, int] = {}
    followed: set[int] = set()
    for plan, kind, amount, rule, year, tertial, spent, expected in rows:
        if period is not None:
            if not period.holds(year, tertial):
                continue
            in_period.add(plan)
        if kind != "cost" or rule == "shared":
            continue
        budget[plan] = budget.get(plan, 0) + int(amount or 0)
        actual[plan] = actual.get(plan, 0) + int(spent or 0)
        forecast[plan] = forecast.get(plan, 0) + int(expected if expected is not None else amount or 0)
        if spent is not None or expected is not None:
            followed.add(plan)
    return budget, actual, forecast, followed


def _owners_and_leaders(rows: list[tuple[Any, ...]]) -> tuple[dict[int, str], dict[int, str]]:
    """Each plan's first owner and first leader by name."""
    owner: dict[int, str] = {}
    leader: dict[int, str] = {}
    for plan, kind, name in rows:
        target = owner if kind == "owner" else leader if kind == "leader" else None
        if target is not None and plan not in target:
            target[plan] = name or ""
    return owner, leader


def _latest_reports(rows: list[tuple[Any, ...]]) -> dict[int, tuple[str, str]]:
    """Each plan's latest status report: (its day as ISO text, its colour)."""
    reports: dict[int, tuple[str, str]] = {}
    for plan, day, status in rows:
        d = _text(day)
        if d is not None and (plan not in reports or d >= reports[plan][0]):
            reports[plan] = (d, status)
    return reports


def _high_risks(ws: Workspace, rows: list[tuple[Any, ...]]) -> dict[int, int]:
    """Each plan's open risks whose score is red on the file's scale (rows: counted per plan and score)."""
    from app.risks import load_settings, risk_value

    settings = load_settings(ws)
    high: dict[int, int] = {}
    for plan, p, i, count in rows:
        if settings.level(risk_value(p, i)) == "red":
            high[plan] = high.get(plan, 0) + int(count)
    return high


def overview(ws: Workspace, today: date | None = None, period: Period | None = None) -> list[OverviewRow]:
    """Every living plan's row, in title order; with `period`, the plans whose timeline reaches into it
    (or that budget in it), their budget figures that period's."""
    from app.baseline import timeline_baseline
    from db.portfolio import overview_figures

    today = today or date.today()
    interval = report_interval(ws)
    figures = overview_figures(ws.store.db, today, (period.first_day, period.last_day) if period else None)
    reports = _latest_reports(figures["reports"])
    next_point: dict[int, tuple[Any, str]] = {}
    for plan, when, code, title in figures["next_points"]:
        if plan not in next_point:  # the earliest comes first
            next_point[plan] = (when, f"{code} {title}".strip())
    oldest_open: dict[int, Any] = {plan: day for plan, day in figures["late"]}
    progress = {plan: round(share) for plan, share in figures["progress"]}
    span = {plan: (first, last) for plan, first, last in figures["span"]}
    in_period = {plan for (plan,) in figures.get("in_period", [])}
    budget, actual, forecast, followed = _budgets(figures["budget"], period, in_period)
    high = _high_risks(ws, figures["risks"])
    owner, leader = _owners_and_leaders(figures["roles"])
    decided = timeline_baseline(ws, spans=False)
    out = []
    for plan_id, title, doc_type, status, organisation in figures["plans"]:
        if period is not None and plan_id not in in_period:
            continue
        report_text, report = reports.get(plan_id, (None, ""))
        report_date = _day(report_text)
        if report_date is not None and (today - report_date).days > interval:
            report = GREY
        point_text, point = next_point.get(plan_id, (None, ""))
        late = _day(oldest_open.get(plan_id))
        first, last = (_day(span[plan_id][0]), _day(span[plan_id][1])) if plan_id in span else (None, None)
        slip = decided.largest.get(plan_id, (0, 0))[0] if plan_id in decided.compared else None
        out.append(OverviewRow(plan_id, title, doc_type, status, report, report_date, point, _day(point_text),
                               (today - late).days if late else 0, progress.get(plan_id),
                               budget.get(plan_id, 0), actual.get(plan_id) if plan_id in followed else None,
                               forecast.get(plan_id) if plan_id in followed else None,
                               high.get(plan_id, 0), owner.get(plan_id, ""), leader.get(plan_id, ""), organisation,
                               first, last, slip, decided.largest_titles.get(plan_id, "")))
    return out


def report_title(today: date, period: Period | None = None) -> str:
    """ "Portföljrapport 2026-03-15", with the period when one is chosen."""
    return f"Portföljrapport {today.isoformat()}" + (f" (period {period.label()})" if period else "")


def export_overview_xlsx(rows: list[OverviewRow], out: Any, *, today: date | None = None,
                         period: Period | None = None) -> Any:
    """"Portföljrapport" with the date, as an Excel workbook: the overview's table, filterable."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from app.export.result import save_beside

    today = today or date.today()
    book = Workbook()
    sheet = book.active
    sheet.title = "Portföljrapport"
    sheet.append([report_title(today, period)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(list(COLUMNS))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    fills = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE", GREY: "D9D9D9"}
    for row in rows:
        with in_swedish():  # the report is a document: Swedish in every language
            sheet.append(list(row.cells()))
        if row.report in fills:
            sheet.cell(sheet.max_row, 4).fill = PatternFill("solid", fgColor=fills[row.report])
        for money in MONEY_COLUMNS:
            sheet.cell(sheet.max_row, money + 1).number_format = "#,##0"
    sheet.auto_filter.ref = f"A3:{chr(ord('A') + len(COLUMNS) - 1)}{sheet.max_row}"
    sheet.freeze_panes = "B4"
    for letter, width in zip("ABCDEFGHIJKLMNOPQR", (50, 16, 12, 16, 13, 30, 12, 10, 10, 14, 14, 14, 14, 11, 22, 22, 24,
                                                    28)):
        sheet.column_dimensions[letter].width = width
    save_beside(out, book.save, program="Excel")
    return out


def export_overview_docx(rows: list[OverviewRow], out: Any, *, today: date | None = None,
                         period: Period | None = None, reference: Any = None) -> Any:
    """"Portföljrapport" with the date as a Word document for a ledningsgrupp meeting: the table, budget vs
    utfall vs prognos, and the portfolio's timeline (app.export.portfolio_docx)."""
    from app.export.portfolio_docx import ReportRow, export_portfolio_docx

    today = today or date.today()
    with in_swedish():  # the report is a document: Swedish in every language
        report = [ReportRow(r.title, r.report, STATUS_LABELS.get(r.report, r.report), r.next_point, r.next_date,
                            r.days_late, r.progress, r.budget, r.actual, r.forecast, r.deviation, r.high_risks,
                            r.leader, r.first_day, r.last_day, r.slip) for r in rows]
    return export_portfolio_docx(report, out, today=today, title=report_title(today, period), reference=reference,
                                 window=(period.first_day, period.last_day) if period else None)


def export_overview_pdf(rows: list[OverviewRow], out: Any, *, today: date | None = None,
                        period: Period | None = None, reference: Any = None) -> Any:
    """The Word "Portföljrapport" as a PDF, converted by LibreOffice as the plan's PDF is (app.export.pdf_export)."""
    from app.export.pdf_export import docx_as_pdf

    return docx_as_pdf(lambda source: export_overview_docx(rows, source, today=today, period=period,
                                                           reference=reference), out)


REPORT_WRITERS = {".xlsx": export_overview_xlsx, ".docx": export_overview_docx, ".pdf": export_overview_pdf}
