"""Översikt: one row per plan with status colour, next decision point, lateness, progress, budget,
high risks, owner and leader; hand-computed figures; the Excel "Portföljrapport"."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.dates import VagueDate
from app.overview import export_overview_xlsx, overview
from app.workspace import Workspace

TODAY = date(2026, 3, 15)


@pytest.fixture
def ws(any_ws: Workspace) -> Any:
    """A new file, and a new database on the team server: the overview reads both alike."""
    return any_ws


def build(ws: Workspace) -> dict[str, int]:
    anna = ws.add("person", name="Anna Andersson").ids[0]
    a = ws.add("plan", doc_type="plan", template="plan", title="A-plan", status="active",
               organisation="Region Örebro län").ids[0]
    ws.add("status_report", a, report_date=date(2026, 2, 1), status="green")
    ws.add("status_report", a, report_date=date(2026, 3, 1), status="red")  # the latest counts
    ws.add("timeline", a, kind="decision_point", code="BP2", title="Genomförande", start=VagueDate.day(2026, 4, 1))
    ws.add("timeline", a, kind="decision_point", code="BP3", title="Avslut", start=VagueDate.day(2026, 9, 1))
    ws.add("timeline", a, kind="activity", title="Intervjuer", end=VagueDate.day(2026, 3, 5), progress=50)  # 10 days late
    ws.add("timeline", a, kind="activity", title="Enkät", end=VagueDate.day(2026, 1, 14), status="done")
    ws.add("budget", a, kind="cost", description="Konsult", amount=200000)
    ws.add("budget", a, kind="cost", description="Delad", amount=999999, sum_rule="shared")
    ws.add("budget", a, kind="financing", description="Statsbidrag", amount=300000)
    ws.add("risk", a, title="Hög", probability=4, impact=4)
    ws.add("risk", a, title="Stängd hög", probability=4, impact=4, status="closed")
    ws.add("risk", a, title="Låg", probability=1, impact=1)
    ws.add("role", a, kind="owner", name="Hälso- och sjukvårdsdirektör")
    ws.add("role", a, kind="leader", person=anna)
    b = ws.add("plan", doc_type="directive", template="directive", title="B-direktiv", status="draft").ids[0]
    ws.add("status_report", b, report_date=date(2025, 12, 1), status="green")  # older than a month: grey
    gone = ws.add("plan", doc_type="plan", template="plan", title="Borttagen", status="active").ids[0]
    ws.delete("plan", gone)
    return {"a": a, "b": b}


def test_figures_per_plan(ws: Workspace) -> None:
    ids = build(ws)
    rows = overview(ws, TODAY)
    assert [r.title for r in rows] == ["A-plan", "B-direktiv"]
    a, b = rows
    assert (a.report, a.report_date) == ("red", date(2026, 3, 1))
    assert (a.next_point, a.next_date) == ("BP2 Genomförande", date(2026, 4, 1))
    assert a.days_late == 10
    assert a.progress == 75  # (50 + 100) / 2
    assert a.budget == 200000
    assert a.high_risks == 1
    assert (a.owner, a.leader, a.organisation) == ("Hälso- och sjukvårdsdirektör", "Anna Andersson", "Region Örebro län")
    assert (b.report, b.next_point, b.days_late, b.progress, b.budget, b.high_risks) == ("grey", "", 0, None, 0, 0)
    ws.set_setting("report_interval_days", 120)
    assert overview(ws, TODAY)[1].report == "green"
    assert ids["a"] == a.plan_id


def test_portfolio_report_in_excel(ws: Workspace, tmp_path: Path) -> None:
    build(ws)
    out = export_overview_xlsx(overview(ws, TODAY), tmp_path / "rapport.xlsx", today=TODAY)
    sheet = load_workbook(out).active
    assert sheet.title == "Portföljrapport"
    assert sheet["A1"].value == "Portföljrapport 2026-03-15"
    assert [c.value for c in sheet[3]][:4] == ["Plan", "Dokumenttyp", "Status", "Rapport"]
    assert [c.value for c in sheet[4]][:4] == ["A-plan", "Uppdragsplan", "Pågående", "Röd"]
    assert sheet.cell(4, 10).value == 200000 and sheet.cell(4, 14).value == 1
    assert [c.value for c in sheet[3]][9:13] == ["Budget (kr)", "Utfall (kr)", "Prognos (kr)", "Avvikelse (kr)"]


def test_budget_against_utfall_and_prognos(ws: Workspace) -> None:
    a = ws.add("plan", doc_type="plan", template="plan", title="A-plan", status="active").ids[0]
    ws.add("budget", a, kind="cost", description="Konsult T1", amount=100000, year=2026, tertial=1, actual=90000,
           forecast=100000)
    ws.add("budget", a, kind="cost", description="Konsult T2", amount=100000, year=2026, tertial=2, actual=20000,
           forecast=140000)
    ws.add("budget", a, kind="cost", description="Lokal", amount=50000, year=2026)  # no prognos: its budget counts
    ws.add("budget", a, kind="cost", description="Nästa år", amount=70000, year=2027)
    ws.add("budget", a, kind="financing", description="Bidrag", amount=500000, year=2026, actual=500000)
    b = ws.add("plan", doc_type="plan", template="plan", title="B-plan", status="active").ids[0]
    ws.add("budget", b, kind="cost", description="Utan uppföljning", amount=10000, year=2026)
    row_a, row_b = overview(ws, TODAY)
    assert (row_a.budget, row_a.actual, row_a.forecast, row_a.deviation) == (320000, 110000, 360000, -40000)
    assert (row_b.budget, row_b.actual, row_b.forecast, row_b.deviation) == (10000, None, None, None)
    assert row_a.cells()[9:13] == (320000, 110000, 360000, -40000)


def test_period_keeps_the_plans_it_reaches_and_their_budget_for_it(ws: Workspace, tmp_path: Path) -> None:
    from app.overview import Period

    a = ws.add("plan", doc_type="plan", template="plan", title="A-plan", status="active").ids[0]
    ws.add("timeline", a, kind="activity", title="Förstudie", start=VagueDate.day(2026, 2, 1),
           end=VagueDate.day(2026, 6, 30))
    ws.add("budget", a, kind="cost", description="T1", amount=100, year=2026, tertial=1, forecast=120)
    ws.add("budget", a, kind="cost", description="T2", amount=200, year=2026, tertial=2)
    ws.add("budget", a, kind="cost", description="2027", amount=400, year=2027)
    b = ws.add("plan", doc_type="plan", template="plan", title="B-plan", status="active").ids[0]
    ws.add("timeline", b, kind="decision_point", code="BP1", title="Start", start=VagueDate.month(2026, 10))
    c = ws.add("plan", doc_type="plan", template="plan", title="C-plan", status="active").ids[0]
    ws.add("budget", c, kind="cost", description="Bara budget", amount=5, year=2027, tertial=3)

    def seen(period: Period) -> dict[str, tuple[int, int | None]]:
        return {r.title: (r.budget, r.forecast) for r in overview(ws, TODAY, period)}

    assert seen(Period(2026, 1)) == {"A-plan": (100, 120)}
    assert seen(Period(2026, 2)) == {"A-plan": (200, None)}
    assert seen(Period(2026, 3)) == {"B-plan": (0, None)}
    assert seen(Period(2026)) == {"A-plan": (300, 320), "B-plan": (0, None)}
    assert seen(Period(2027)) == {"A-plan": (400, None), "C-plan": (5, None)}
    assert Period.parse("2026 T2") == Period(2026, 2) == Period.parse("2026t2")
    assert Period.parse(" 2027 ") == Period(2027)
    with pytest.raises(ValueError, match="Perioden ”Q3” förstås inte"):
        Period.parse("Q3")
    out = export_overview_xlsx(overview(ws, TODAY, Period(2026, 1)), tmp_path / "p.xlsx", today=TODAY,
                               period=Period(2026, 1))
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "Portföljrapport 2026-03-15 (period 2026 T1)"
    assert [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)] == ["A-plan"]


def test_portfolio_report_in_word_with_the_timeline(ws: Workspace, tmp_path: Path) -> None:
    from app.overview import Period, export_overview_docx
    from tests.export.fixtures import body_texts, open_docx, rows, table_with_header

    build(ws)
    a = overview(ws, TODAY)[0]
    assert (a.first_day, a.last_day) == (date(2026, 1, 14), date(2026, 9, 1))
    out = export_overview_docx(overview(ws, TODAY), tmp_path / "rapport.docx", today=TODAY).path
    doc = open_docx(out)
    texts = body_texts(doc)
    assert texts[0] == "Portföljrapport 2026-03-15"
    assert any(t.startswith("2 uppdrag: 1 röda, 0 gula, 0 gröna, 1 med inaktuell rapport") for t in texts)
    grid = [[c.replace("\xa0", " ") for c in r] for r in rows(table_with_header(doc, "Plan"))]
    assert grid[0][:4] == ["Plan", "Rapport", "Nästa beslutspunkt", "Datum"]
    assert grid[1][:7] == ["A-plan", "Röd", "BP2 Genomförande", "2026-04-01", "10", "75 %", "200 000 kr"]
    gantt = rows(table_with_header(doc, ""))  # the timeline: a header of years, then one of months
    assert [r[0] for r in gantt[2:]] == ["A-plan"]  # one row per plan, its next decision point on its bar
    assert "◆ BP2" in gantt[2]
    assert "Portföljens tidslinje" in texts
    section = doc.sections[0]
    assert section.page_width > section.page_height  # landscape

    empty = export_overview_docx(overview(ws, TODAY, Period(2030)), tmp_path / "tom.docx", today=TODAY,
                                 period=Period(2030)).path
    texts = body_texts(open_docx(empty))
    assert texts[0] == "Portföljrapport 2026-03-15 (period 2030)"
    assert "Inga uppdrag." in texts and "Inget uppdrag har datum i tidplanen." in texts
