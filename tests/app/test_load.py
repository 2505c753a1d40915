"""Loads per person across plans, computed by hand for a small file (see app/load.py for the rules)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.dates import VagueDate
from app.load import (
    booking_span,
    check_booking,
    monthly_load,
    over_allocated,
    units_in_use,
    weekly_load,
)
from app.workspace import Workspace

M = VagueDate.month
D = VagueDate.day


def build_small_file(ws: Workspace) -> dict[str, Any]:
    """Anna: 20 % in plan 1 (its period Jan–Jun 2025) and 90 % in plan 2 from 15 March to April.

    Hand-computed monthly loads of Anna: Jan–Feb 20, Mar 20 + 90 × 17/31 = 69.4, Apr 110, May–Jun 20.
    Bertil: 50 % in Q2 2025 (plan 2). "Extern konsult" (free text, unit Konsult): 30 % Jan–Jun.
    A cancelled plan and a deleted plan book Anna 100 % all of 2025; by default they do not count.
    """
    anna = ws.add("person", name="Anna Andersson", unit="Primärvård", email="anna@region.se",
                  phone="070-111", title="Utvecklingsledare", notes="Deltid").ids[0]
    bertil = ws.add("person", name="Bertil Berg", unit="Psykiatri", email="bertil@region.se").ids[0]
    p1 = ws.add("plan", doc_type="plan", template="plan", title="Plan ett", status="active").ids[0]
    ws.add("timeline", p1, kind="phase", title="Genomförande", start=M(2025, 1), end=M(2025, 6))
    ws.add("timeline", p1, kind="milestone", title="MS1", start=M(2025, 3))
    r1 = ws.add("role", p1, kind="leader", person=anna, allocation=20).ids[0]
    ws.add("role", p1, kind="member", name="Extern  konsult", unit="Konsult", allocation=30)
    ws.add("role", p1, kind="owner", person=bertil)  # no share: no load
    p2 = ws.add("plan", doc_type="directive", template="directive", title="Plan två", status="approved").ids[0]
    ws.add("timeline", p2, kind="phase", title="Fas", start=D(2025, 2, 1), end=M(2025, 8))
    res = ws.add("resource", p2, competence="Analys", person=anna, allocation=90,
                 start=D(2025, 3, 15), end=M(2025, 4)).ids[0]
    r2 = ws.add("role", p2, kind="member", person=bertil, allocation=50,
                start=VagueDate.quarter(2025, 2), end=VagueDate.quarter(2025, 2)).ids[0]
    ws.add("timeline", p2, kind="activity", title="Analys", responsible_person=anna)
    p3 = ws.add("plan", doc_type="plan", template="plan", title="Plan tre", status="cancelled").ids[0]
    ws.add("role", p3, kind="member", person=anna, allocation=100, start=M(2025, 1), end=M(2025, 12))
    p4 = ws.add("plan", doc_type="plan", template="plan", title="Plan fyra", status="active").ids[0]
    ws.add("role", p4, kind="member", person=anna, allocation=100, start=M(2025, 1), end=M(2025, 12))
    ws.delete("plan", p4)
    return {"anna": anna, "bertil": bertil, "p1": p1, "p2": p2, "p3": p3, "p4": p4,
            "role1": r1, "resource": res, "role_bertil": r2}


@pytest.fixture
def ws(any_ws: Workspace) -> Workspace:
    """A new file, and a new database on the team server: the same tests on both."""
    return any_ws


@pytest.fixture
def ids(ws: Workspace) -> dict[str, Any]:
    return build_small_file(ws)


def test_monthly_loads_with_vague_periods_pro_rata(ws: Workspace, ids: dict[str, Any]) -> None:
    table = monthly_load(ws, "2024-12", "2025-07")
    anna = table.row(ids["anna"]).key
    assert table.totals(anna) == {
        "2024-12": 0, "2025-01": 20.0, "2025-02": 20.0, "2025-03": 69.4, "2025-04": 110.0,
        "2025-05": 20.0, "2025-06": 20.0, "2025-07": 0,
    }
    bertil = table.row(ids["bertil"]).key
    assert [v for v in table.totals(bertil).values()] == [0, 0, 0, 0, 50.0, 50.0, 50.0, 0]
    assert [p.name for p in table.people] == ["Anna Andersson", "Bertil Berg", "Extern konsult"]
    consult = table.people[2]
    assert consult.person_id is None and consult.unit == "Konsult"
    assert table.totals(consult.key)["2025-06"] == 30.0 and table.totals(consult.key)["2025-07"] == 0

    march = table.cell(anna, "2025-03")
    assert [(c.plan_title, c.allocation, c.share) for c in march.contributions] == [
        ("Plan ett", 20, 20.0), ("Plan två", 90, 49.4)]
    assert march.plan_ids == [ids["p1"], ids["p2"]]


def test_over_allocation_exactly_where_it_occurs(ws: Workspace, ids: dict[str, Any]) -> None:
    table = monthly_load(ws, "2025-01", "2025-12")
    anna = table.row(ids["anna"]).key
    assert over_allocated(table) == {anna: ["2025-04"]}
    assert table.cell(anna, "2025-04").over and not table.cell(anna, "2025-03").over


def test_status_filter_and_deleted_plans(ws: Workspace, ids: dict[str, Any]) -> None:
    table = monthly_load(ws, "2025-01", "2025-12", statuses={"cancelled"})
    anna = table.row(ids["anna"]).key
    assert set(table.totals(anna).values()) == {100.0}  # the deleted plan never counts
    assert over_allocated(table) == {}
    everything = monthly_load(ws, "2025-04", "2025-04",
                              statuses={"active", "approved", "cancelled"})
    assert everything.totals(anna) == {"2025-04": 210.0}


def test_unit_filter(ws: Workspace, ids: dict[str, Any]) -> None:
    table = monthly_load(ws, "2025-01", "2025-06", units={"psykiatri"})
    assert [p.name for p in table.people] == ["Bertil Berg"]
    table = monthly_load(ws, "2025-01", "2025-06", units={"Konsult", "Primärvård"})
    assert [p.name for p in table.people] == ["Anna Andersson", "Extern konsult"]
    assert units_in_use(ws) == ["Konsult", "Primärvård", "Psykiatri"]


def test_weekly_granularity(ws: Workspace, ids: dict[str, Any]) -> None:
    table = weekly_load(ws, date(2025, 1, 1), date(2025, 3, 23))
    anna = table.row(ids["anna"]).key
    totals = table.totals(anna)
    assert table.periods[0].key == "2025-W01" and table.periods[0].first == date(2024, 12, 30)
    assert totals["2025-W01"] == 14.3  # 20 % × 5/7 (plan 1 starts Wednesday 1 January)
    assert totals["2025-W02"] == 20.0
    assert totals["2025-W11"] == 45.7  # 20 + 90 × 2/7 (from Saturday 15 March)
    assert totals["2025-W12"] == 110.0
    assert over_allocated(table) == {anna: ["2025-W12"]}


def test_booking_span_and_bad_months(ws: Workspace, ids: dict[str, Any]) -> None:
    assert booking_span(ws) == (date(2025, 1, 1), date(2025, 6, 30))
    with pytest.raises(ValueError, match="ingen månad"):
        monthly_load(ws, "2025-13", "2025-14")
    with pytest.raises(ValueError, match="före"):
        monthly_load(ws, "2025-05", "2025-01")


def test_check_booking_names_months_and_other_plans(ws: Workspace, ids: dict[str, Any]) -> None:
    # Raising Anna's share in plan 1 from 20 to 40: April is 130, March 89.4 — only April warns.
    warnings = check_booking(ws, ids["anna"], ids["p1"], 40, None, None, replacing=("role", ids["role1"]))
    assert [(w.period.key, w.total) for w in warnings] == [("2025-04", 130.0)]
    assert warnings[0].other_plans == ((ids["p2"], "Plan två"),)
    # Raising it to 90 %: March 139.4 and April 180 too, the rest at exactly 90 does not warn.
    warnings = check_booking(ws, ids["anna"], ids["p1"], 90, None, None, replacing=("role", ids["role1"]))
    assert [(w.period.key, w.total) for w in warnings] == [("2025-03", 139.4), ("2025-04", 180.0)]
    # A new booking with its own dates in a month where nothing else is booked: no warning.
    assert check_booking(ws, ids["anna"], ids["p2"], 100, M(2025, 7), M(2025, 8)) == []
    # Without `replacing` the existing 20 % counts as well as the new 20 %.
    warnings = check_booking(ws, ids["anna"], ids["p1"], 20, None, None)
    assert [w.period.key for w in warnings] == ["2025-04"]
    assert check_booking(ws, ids["anna"], ids["p1"], 0, None, None) == []


def test_excel_sheet_resursbelastning(ws: Workspace, ids: dict[str, Any], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from app.export.xlsx_export import export_xlsx
    from app.load import plan_load
    from app.planfile.write import plan_to_dict

    plan = plan_to_dict(ws, ids["p1"])
    out = export_xlsx(plan, tmp_path / "plan.xlsx", load=plan_load(ws, plan["uuid"])).path
    sheet = load_workbook(out)["Resursbelastning"]
    # The export the CLI and the GUI use adds the same sheet.
    from app.exporters import export_plan

    via_export = load_workbook(export_plan(ws, ids["p1"], tmp_path / "via.xlsx").path)
    assert [c.value for c in via_export["Resursbelastning"][2]][:6] == ["Anna Andersson", "Primärvård", 20, 20, 20, 20]
    rows = [[c.value for c in row] for row in sheet.iter_rows(max_row=3)]
    assert rows[0] == ["Person", "Enhet", "jan 2025", "feb 2025", "mar 2025", "apr 2025", "maj 2025", "jun 2025"]
    # Anna's share in plan 1 only (the whole file's load comes with the portfolio's workbook) ...
    assert rows[1] == ["Anna Andersson", "Primärvård", 20, 20, 20, 20, 20, 20]
    assert rows[2] == ["Extern konsult", "Konsult", 30, 30, 30, 30, 30, 30]
    bold = [c.column_letter for c in sheet[2] if c.font.bold]
    assert bold == ["F"]  # ... but April, the only month over 100 % across the file, is marked
    assert sheet["F2"].fill.fgColor.rgb.endswith("FFC7CE")
