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
def ws(tmp_path: Path) -> Any:
    w = Workspace.create(tmp_path / "fil.uppdrag")
    yield w
    w.close()


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
    assert sheet.cell(4, 10).value == 200000 and sheet.cell(4, 11).value == 1
