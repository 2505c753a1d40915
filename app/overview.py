"""Översikt: one row per plan across the file, for a leader's weekly follow-up.

Each row has the plan's status colour (from its latest status report, grey when that report is
older than the organisation's reporting interval), the next decision point and its date, the
days the most overdue item is late, the progress, the budget (costs summed, shared lines left
out), the number of high (red) risks, and who owns and leads it. Every figure comes from one
query per table for all plans at once, so the overview of a file with 200 plans costs a handful
of queries (db/portfolio.py), not a thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app import kinds
from app.workspace import Workspace

REPORT_INTERVAL_KEY = "report_interval_days"  # Setting: how often a plan reports (days), default a month
DEFAULT_REPORT_INTERVAL = 31
GREY = "grey"
STATUS_LABELS = {**kinds.REPORT_STATUSES, GREY: "Grå (inaktuell)", "": "Ingen rapport"}
COLUMNS = ("Plan", "Dokumenttyp", "Status", "Rapport", "Rapportdatum", "Nästa beslutspunkt", "Datum",
           "Dagar sen", "Klart (%)", "Budget (kr)", "Höga risker", "Ägare", "Ledare", "Organisation")


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
    high_risks: int
    owner: str
    leader: str
    organisation: str

    def cells(self) -> tuple[Any, ...]:
        """The row as the table and the exports show it, in COLUMNS order."""
        return (self.title, kinds.DOC_TYPE_LABELS.get(self.doc_type, self.doc_type),
                kinds.DOC_STATUSES.get(self.status, self.status), STATUS_LABELS.get(self.report, self.report),
                self.report_date, self.next_point, self.next_date, self.days_late or None, self.progress,
                self.budget, self.high_risks, self.owner, self.leader, self.organisation)


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _text(value: Any) -> str | None:
    """A date as ISO text (SQLite gives text; a server gives dates): such texts compare as dates do."""
    return None if value is None else value.isoformat() if isinstance(value, date) else str(value)[:10]


def overview(ws: Workspace, today: date | None = None) -> list[OverviewRow]:
    """Every living plan's row, in title order."""
    from app.risks import load_settings, risk_value
    from db.portfolio import overview_figures

    today = today or date.today()
    now = today.isoformat()
    interval = int(ws.setting(REPORT_INTERVAL_KEY, DEFAULT_REPORT_INTERVAL))
    figures = overview_figures(ws.store.db)
    reports: dict[int, tuple[str, str]] = {}
    for plan, day, status in figures["reports"]:
        d = _text(day)
        if d is not None and (plan not in reports or d >= reports[plan][0]):
            reports[plan] = (d, status)
    next_point: dict[int, tuple[str, str]] = {}
    oldest_open: dict[int, str] = {}
    progress: dict[int, list[int]] = {}
    for plan, kind, code, title, start, end, status, done in figures["items"]:
        when = end or start
        if when is not None and not isinstance(when, str):  # a server gives dates
            when = when.isoformat()
        open_item = status not in ("done", "cancelled")
        if kind == "decision_point" and open_item and when is not None and when >= now:
            if plan not in next_point or when < next_point[plan][0]:
                next_point[plan] = (when, f"{code} {title}".strip())
        if open_item and when is not None and when < now and (plan not in oldest_open or when < oldest_open[plan]):
            oldest_open[plan] = when
        if kind in ("activity", "phase") and status != "cancelled":
            progress.setdefault(plan, []).append(100 if status == "done" else int(done or 0))
    budget: dict[int, int] = {}
    for plan, kind, amount, rule in figures["budget"]:
        if kind == "cost" and rule != "shared" and amount:
            budget[plan] = budget.get(plan, 0) + int(amount)
    settings = load_settings(ws)
    high: dict[int, int] = {}
    for plan, p, i, status in figures["risks"]:
        if status != "closed" and settings.level(risk_value(p, i)) == "red":
            high[plan] = high.get(plan, 0) + 1
    owner: dict[int, str] = {}
    leader: dict[int, str] = {}
    for plan, kind, name in figures["roles"]:
        target = owner if kind == "owner" else leader if kind == "leader" else None
        if target is not None and plan not in target:
            target[plan] = name or ""
    out = []
    for plan_id, title, doc_type, status, organisation in figures["plans"]:
        report_text, report = reports.get(plan_id, (None, ""))
        report_date = _day(report_text)
        if report_date is not None and (today - report_date).days > interval:
            report = GREY
        point_text, point = next_point.get(plan_id, (None, ""))
        late = oldest_open.get(plan_id)
        shares = progress.get(plan_id)
        out.append(OverviewRow(plan_id, title, doc_type, status, report, report_date, point, _day(point_text),
                               (today - _day(late)).days if late else 0,  # type: ignore[operator]
                               round(sum(shares) / len(shares)) if shares else None,
                               budget.get(plan_id, 0), high.get(plan_id, 0), owner.get(plan_id, ""),
                               leader.get(plan_id, ""), organisation))
    return out


def export_overview_xlsx(rows: list[OverviewRow], out: Any, *, today: date | None = None) -> Any:
    """"Portföljrapport" with the date, as an Excel workbook: the overview's table, filterable."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from app.export.result import save_beside

    today = today or date.today()
    book = Workbook()
    sheet = book.active
    sheet.title = "Portföljrapport"
    sheet.append([f"Portföljrapport {today.isoformat()}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(list(COLUMNS))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    fills = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE", GREY: "D9D9D9"}
    for row in rows:
        sheet.append(list(row.cells()))
        if row.report in fills:
            sheet.cell(sheet.max_row, 4).fill = PatternFill("solid", fgColor=fills[row.report])
    sheet.auto_filter.ref = f"A3:{chr(ord('A') + len(COLUMNS) - 1)}{sheet.max_row}"
    sheet.freeze_panes = "B4"
    for column, width in zip("ABCDEFGHIJKLMN", (50, 16, 12, 16, 13, 30, 12, 10, 10, 14, 11, 22, 22, 24)):
        sheet.column_dimensions[column].width = width
    save_beside(out, book.save, program="Excel")
    return out
