"""Portföljrapport in Word and PDF: the table without columns nobody has figures in, and the portfolio's
timeline as the plan export's Gantt table — one row per plan in its report colour, its next decision
point on its bar, and with a period only that period's months (the bars cut at its edges)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.export.portfolio_docx import REPORT_SHADES, ReportRow, export_portfolio_docx
from tests.export.fixtures import open_docx, rows, table_with_header

TODAY = dt.date(2026, 3, 15)


def _row(title: str, report: str, first: dt.date, last: dt.date, point: str = "", when: dt.date | None = None,
         slip: str = "") -> ReportRow:
    return ReportRow(title, report, report, point, when, 0, 50, 100000, None, None, None, 0, "Anna", first, last,
                     slip)


PLANS = [_row("Nära vård", "red", dt.date(2025, 11, 3), dt.date(2026, 10, 30), "BP3 Genomförande", dt.date(2026, 6, 9),
              "+3 veckor (Upphandling)"),
         _row("Ambulans", "green", dt.date(2026, 2, 2), dt.date(2027, 3, 31), "BP1 Start", dt.date(2026, 12, 1))]


def _shade(cell) -> str | None:
    from docx.oxml.ns import qn

    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shd is None else shd.get(qn("w:fill"))


def test_one_row_per_plan_in_its_colour_with_its_next_decision_point(tmp_path: Path) -> None:
    doc = open_docx(export_portfolio_docx(PLANS, tmp_path / "r.docx", today=TODAY, title="Portföljrapport").path)
    head = rows(table_with_header(doc, "Plan"))[0]
    assert head == ["Plan", "Rapport", "Nästa beslutspunkt", "Datum", "Klart", "Budget", "Ledare", "Största avvikelse"]
    gantt = table_with_header(doc, "")
    grid = rows(gantt)
    assert [r[0] for r in grid[2:]] == ["Nära vård", "Ambulans"]
    assert list(dict.fromkeys(grid[0][1:])) == ["2025", "2026", "2027"] and grid[1][1] == "Nov"  # from the first start
    assert "◆ BP3" in grid[2] and "◆ BP1" in grid[3]
    assert [_shade(gantt.rows[k].cells[0]) for k in (2, 3)] == [REPORT_SHADES["red"], REPORT_SHADES["green"]]


def test_a_period_keeps_the_timeline_to_its_months(tmp_path: Path) -> None:
    window = (dt.date(2026, 5, 1), dt.date(2026, 8, 31))  # 2026 T2
    doc = open_docx(export_portfolio_docx(PLANS, tmp_path / "r.docx", today=TODAY, title="Portföljrapport",
                                          window=window).path)
    grid = rows(table_with_header(doc, ""))
    assert grid[1] == ["Uppdrag", "Maj", "Juni", "Juli", "Aug"]
    assert "◆ BP3" in grid[2] and not any("BP1" in c for c in grid[3])  # December is outside the period


def test_the_report_as_pdf(tmp_path: Path) -> None:
    from app.overview import export_overview_pdf
    from tests.export.test_pdf_export import pdf_text, require_libreoffice

    require_libreoffice()
    from app.overview import OverviewRow

    row = OverviewRow(1, "Nära vård", "plan", "active", "red", TODAY, "BP3 Genomförande", dt.date(2026, 6, 9), 4, 50,
                      100000, None, None, 2, "Lars", "Anna", "Region", dt.date(2025, 11, 3), dt.date(2026, 10, 30),
                      21, "Upphandling")
    out = export_overview_pdf([row], tmp_path / "rapport.pdf", today=TODAY).path
    text = " ".join(pdf_text(out).split())
    assert "Portföljrapport 2026-03-15" in text and "Nära vård" in text and "+3 veckor (Upphandling)" in text
    assert "Portföljens tidslinje" in text and "BP3" in text
