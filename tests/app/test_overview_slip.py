"""Översikt's "Största avvikelse": each plan's largest slip against its decided edition (the chosen one,
else the last frozen), named by its item, in the overview's rows, its JSON, and the Excel and Word reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.dates import VagueDate
from app.editions import freeze_edition
from app.overview import COLUMNS, SLIP_COLUMN, SLIP_DAYS_KEY, export_overview_docx, export_overview_xlsx, overview
from app.workspace import Workspace

TODAY = date(2026, 3, 15)


@pytest.fixture
def ws(any_ws: Workspace) -> Any:
    return any_ws


def _plan(ws: Workspace, title: str, items: list[tuple[str, str, VagueDate, VagueDate | None]]) -> tuple[int, list[int]]:
    p = ws.add("plan", doc_type="plan", template="plan", title=title, status="active").ids[0]
    ids = [ws.add("timeline", p, kind=kind, title=name, start=start, end=end).ids[0]
           for kind, name, start, end in items]
    return p, ids


def build(ws: Workspace) -> dict[str, Any]:
    a, (study, buying, bp) = _plan(ws, "A-plan", [
        ("activity", "Förstudie", VagueDate.day(2026, 1, 5), VagueDate.day(2026, 2, 27)),
        ("activity", "Upphandling", VagueDate.day(2026, 3, 2), VagueDate.day(2026, 4, 30)),
        ("decision_point", "Beslut om genomförande", VagueDate.day(2026, 5, 12), None)])
    freeze_edition(ws, a, "1.0", on=date(2026, 1, 2))
    ws.update("timeline", study, end=VagueDate.day(2026, 3, 4))  # 5 days later
    ws.update("timeline", buying, end=VagueDate.day(2026, 5, 21))  # 3 weeks later: the largest
    ws.update("timeline", bp, start=VagueDate.day(2026, 5, 5))  # a week earlier: not a slip
    b, (only,) = _plan(ws, "B-plan", [("activity", "Enkät", VagueDate.month(2026, 4), VagueDate.month(2026, 5))])
    freeze_edition(ws, b, "1.0", on=date(2026, 1, 2))  # nothing moved since
    c, _ = _plan(ws, "C-plan", [("activity", "Utan utgåva", VagueDate.month(2026, 4), None)])
    return {"a": a, "b": b, "c": c, "study": study, "only": only}


def test_each_plan_shows_its_largest_slip_naming_the_item(ws: Workspace) -> None:
    build(ws)
    a, b, c = overview(ws, TODAY)
    assert (a.slip_days, a.slip_item, a.slip) == (21, "Upphandling", "+3 veckor (Upphandling)")
    assert (b.slip_days, b.slip) == (0, "0")  # decided, nothing later
    assert (c.slip_days, c.slip) == (None, "")  # no frozen edition
    assert COLUMNS[SLIP_COLUMN] == "Största avvikelse" and a.cells()[SLIP_COLUMN] == "+3 veckor (Upphandling)"
    assert a.as_json()["Största avvikelse"] == "+3 veckor (Upphandling)" and a.as_json()[SLIP_DAYS_KEY] == 21
    assert c.as_json()[SLIP_DAYS_KEY] is None and c.as_json()["Största avvikelse"] == ""
    assert "största avvikelse +3 veckor (Upphandling)" in a.text_cells()


def test_the_chosen_edition_is_the_baseline_and_a_later_freeze_moves_it(ws: Workspace) -> None:
    from app.baseline import choose_baseline
    from app.editions import list_editions

    ids = build(ws)
    ws.update("timeline", ids["only"], end=VagueDate.month(2026, 6))  # a month later than edition 1.0
    freeze_edition(ws, ids["b"], "1.1", on=date(2026, 2, 2))
    assert overview(ws, TODAY)[1].slip_days == 0  # the last frozen edition is the baseline
    first = next(e.uuid for e in list_editions(ws, ids["b"]) if e.label == "1.0")
    choose_baseline(ws, ids["b"], first)
    row = overview(ws, TODAY)[1]
    assert (row.slip_days, row.slip) == (30, "+30 dagar (Enkät)")


def test_excel_and_word_reports_carry_the_column(ws: Workspace, tmp_path: Path) -> None:
    from tests.export.fixtures import open_docx, rows, table_with_header

    build(ws)
    sheet = load_workbook(export_overview_xlsx(overview(ws, TODAY), tmp_path / "r.xlsx", today=TODAY)).active
    assert sheet.cell(3, SLIP_COLUMN + 1).value == "Största avvikelse"
    assert [sheet.cell(r, SLIP_COLUMN + 1).value for r in (4, 5, 6)] == ["+3 veckor (Upphandling)", "0", None]
    doc = open_docx(export_overview_docx(overview(ws, TODAY), tmp_path / "r.docx", today=TODAY).path)
    grid = rows(table_with_header(doc, "Plan"))
    assert grid[0][-1] == "Största avvikelse"
    assert [r[-1] for r in grid[1:]] == ["+3 veckor (Upphandling)", "0", ""]


def test_overview_reads_the_decided_editions_in_a_few_queries(ws: Workspace) -> None:
    """The slips of many plans cost the same few queries as those of one (db.portfolio.baseline_figures)."""
    from db.portfolio import baseline_figures

    build(ws)
    calls: list[str] = []
    db = ws.store.db
    original = db.execute_sql

    def counting(sql: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(sql)
        return original(sql, *args, **kwargs)

    db.execute_sql = counting  # type: ignore[method-assign]
    try:
        snapshots, items = baseline_figures(db, {})
    finally:
        del db.execute_sql
    assert len(calls) == 3 and len(snapshots) == 2 and {row[0] for row in items} == set(snapshots)


def test_a_damaged_snapshot_leaves_that_plan_without_a_slip_and_the_others_theirs(ws: Workspace) -> None:
    from db import models

    ids = build(ws)
    with ws.store.write():
        models.Edition.update(snapshot="{trasig").where(models.Edition.plan == ids["b"]).execute()
    a, b, c = overview(ws, TODAY)
    assert (a.slip_days, b.slip_days, c.slip_days) == (21, None, None)
