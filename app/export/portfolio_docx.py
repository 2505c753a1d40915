""""Portföljrapport" as a Word document for a ledningsgrupp meeting: the date (and period), a summary
of the report colours, the overview's table with budget vs utfall vs prognos, and the portfolio's
timeline: one bar per plan from its first to its last date, with its next decision point.

The rows come as plain data (ReportRow) from app.overview. The document is built with the plan
export's parts (the reference document's styles, page frame with "Sida X (Y)", tables, the Gantt
table of app.export.docx_gantt), in landscape so that the table's columns can be read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.export.docx_context import Context
from app.export.docx_fields import page_frame
from app.export.docx_gantt import render_gantt
from app.export.docx_reference import open_reference, text_width
from app.export.docx_styles import S, ensure_language, ensure_styles
from app.export.docx_tables import Cell, fit_widths
from app.export.docx_text import Writer
from app.export.plan_data import PlanData, format_amount
from app.export.result import ExportResult, save_beside
from app.export.sanitize import Sanitizer

REPORT_SHADES = {"green": "C6E7C1", "yellow": "FCE4A6", "red": "F4B6B6", "grey": "D9D9D9"}
HEAD_SHADE = "DCE3EE"


@dataclass(frozen=True)
class ReportRow:
    title: str
    report: str  # green | yellow | red | grey | ""
    report_label: str
    next_point: str
    next_date: dt.date | None
    days_late: int
    progress: int | None
    budget: int
    actual: int | None
    forecast: int | None
    deviation: int | None
    high_risks: int
    leader: str
    first_day: dt.date | None  # the plan's timeline, first and last date
    last_day: dt.date | None
    slip: str = ""  # the largest slip against the decided edition: "+3 veckor (Upphandling)"


COLUMNS = ("Plan", "Rapport", "Nästa beslutspunkt", "Datum", "Dagar sen", "Klart", "Budget", "Utfall", "Prognos",
           "Avvikelse", "Höga risker", "Ledare", "Största avvikelse")
NUMBERS = frozenset({"Dagar sen", "Klart", "Budget", "Utfall", "Prognos", "Avvikelse", "Höga risker"})


def _cells(row: ReportRow) -> list[str]:
    return [row.title, row.report_label, row.next_point, row.next_date.isoformat() if row.next_date else "",
            str(row.days_late) if row.days_late else "", f"{row.progress} %" if row.progress is not None else "",
            format_amount(row.budget), format_amount(row.actual), format_amount(row.forecast),
            format_amount(row.deviation), str(row.high_risks) if row.high_risks else "", row.leader, row.slip]


def _timeline(rows: list[ReportRow], window: tuple[dt.date, dt.date] | None = None) -> list[dict[str, object]]:
    """The portfolio's timeline as plan-export items: one bar per plan from its first to its last date,
    its label shaded in its report colour, its next decision point drawn on it."""
    items: list[dict[str, object]] = []
    for row in rows:
        if row.first_day is None or row.last_day is None:
            continue
        points = []
        if row.next_date is not None:
            code, _, title = row.next_point.partition(" ")
            points.append({"code": code or title, "title": title, "start": row.next_date.isoformat()})
        items.append({"kind": "phase", "title": row.title, "start": row.first_day.isoformat(),
                      "end": row.last_day.isoformat(), "shade": REPORT_SHADES.get(row.report), "points": points})
    return items


def export_portfolio_docx(rows: list[ReportRow], out: Path, *, today: dt.date, title: str,
                          reference: Path | None = None, window: tuple[dt.date, dt.date] | None = None
                          ) -> ExportResult:
    """Write the report to `out` (.docx); `title` is "Portföljrapport 2026-03-15" with its period, whose
    first and last day (`window`) the timeline then spans."""
    from docx.enum.section import WD_ORIENT

    clean = Sanitizer()
    doc = open_reference(reference)
    for section in doc.sections:  # landscape: the table has twelve columns
        width, height = section.page_width, section.page_height
        if width is not None and height is not None and width < height:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
    styles = ensure_styles(doc)
    ensure_language(doc)
    writer = Writer(doc, styles, clean)
    ctx = Context(doc, writer, PlanData({"timeline": _timeline(rows, window)}), text_width(doc))

    ctx.paragraph(title, S.TITLE)
    counts = {key: sum(1 for r in rows if r.report == key) for key in ("red", "yellow", "green", "grey", "")}
    summary = (f"{len(rows)} uppdrag: {counts['red']} röda, {counts['yellow']} gula, {counts['green']} gröna, "
               f"{counts['grey']} med inaktuell rapport och {counts['']} utan rapport. "
               f"Sammanställd {today.isoformat()}.")
    ctx.paragraph(summary, S.NORMAL)

    ctx.paragraph("Uppdragen", S.H1)
    # a column no plan has anything in (utfall and prognos before any follow-up) is left out: room for the rest
    kept = [k for k, name in enumerate(COLUMNS) if name in ("Plan", "Rapport") or any(_cells(r)[k] for r in rows)]
    names = [COLUMNS[k] for k in kept]
    texts = [[cells[k] for k in kept] for cells in map(_cells, rows)]
    table = ctx.table(fit_widths(names, texts, ctx.text_width))
    table.header([Cell(c, shade=HEAD_SHADE, style=S.TABLE_HEAD, align="right" if c in NUMBERS else None)
                  for c in names])
    for row, cells in zip(rows, texts, strict=True):
        table.row([Cell(text, shade=REPORT_SHADES.get(row.report)) if names[k] == "Rapport"
                   else Cell(text, align="right") if names[k] in NUMBERS else text
                   for k, text in enumerate(cells)], keep_together=True)
    if not rows:
        ctx.paragraph("Inga uppdrag.", S.NORMAL)
    ctx.paragraph("Avvikelse är budget minus prognos: negativ när prognosen överskrider budgeten. Största avvikelse "
                  "är den post i tidplanen som försenats mest mot den beslutade utgåvan (tom utan fryst utgåva).", S.NOTE)

    ctx.paragraph("Portföljens tidslinje", S.H1)
    if ctx.plan.timeline:
        render_gantt(ctx, head="Uppdrag", legend=False, window=window)
        ctx.paragraph("Stapeln går från uppdragets första till sista datum; ◆ är nästa beslutspunkt. Uppdragets "
                      "namn har rapportens färg.", S.NOTE)
    else:
        ctx.paragraph("Inget uppdrag har datum i tidplanen.", S.NORMAL)

    page_frame(writer, doc, "", "Portföljrapport", title, ctx.text_width)
    doc.core_properties.title = title
    doc.core_properties.subject = "Portföljrapport"
    save_beside(out, doc.save, program="Word")
    return ExportResult(out, clean.warnings() + ctx.warnings)
