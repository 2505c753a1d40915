"""The plan against the decided plan (app.baseline): slips, items added and removed, and the Word table
and Excel sheet "Tidplan mot beslutad plan"."""

from __future__ import annotations

from pathlib import Path

from app.baseline import compare, largest_slip, period_text, slip_text
from app.dates import VagueDate
from app.editions import freeze_edition
from app.planfile.write import plan_to_dict
from app.workspace import Workspace


def _plan_with_a_decided_edition(ws: Workspace) -> tuple[Workspace, int, list[int]]:
    p = ws.add("plan", doc_type="plan", template="plan", title="Plan").ids[0]
    ids = [ws.add("timeline", p, kind=k, code=c, title=t, start=s, end=e).ids[0] for k, c, t, s, e in (
        ("activity", "1.", "Förstudie", VagueDate.month(2026, 1), VagueDate.month(2026, 3)),
        ("decision_point", "BP2", "Beslut om genomförande", VagueDate.day(2026, 4, 14), None),
        ("activity", "2.", "Upphandling", VagueDate.quarter(2026, 2), VagueDate.quarter(2026, 3)))]
    freeze_edition(ws, p, "1.0", "Beslutad i styrgruppen")
    ws.update("timeline", ids[0], end=VagueDate.month(2026, 4))  # a month later
    ws.update("timeline", ids[1], start=VagueDate.day(2026, 5, 12))  # four weeks later
    ws.delete("timeline", ids[2])
    ids.append(ws.add("timeline", p, kind="activity", code="3.", title="Utbildning", start=VagueDate.month(2026, 9),
                      end=VagueDate.month(2026, 10)).ids[0])
    return ws, p, ids


def test_each_item_now_beside_the_decided_plan(any_ws: Workspace) -> None:
    ws, p, _ids = _plan_with_a_decided_edition(any_ws)
    plan = plan_to_dict(ws, p)
    rows = compare(plan)
    assert [(r.title, r.state, r.slip_days) for r in rows] == [
        ("Förstudie", "later", 30), ("Beslut om genomförande", "later", 28), ("Utbildning", "added", None),
        ("Upphandling", "removed", None)]
    assert period_text(rows[0].decided) == "jan 2026 – mars 2026" and period_text(rows[0].now) == "jan 2026 – apr 2026"
    assert [slip_text(r.slip_days) for r in rows[:2]] == ["+30 dagar", "+4 veckor"]
    assert largest_slip(plan).title == "Förstudie"
    assert compare(plan, "9.9") == [] and compare({**plan, "editions": []}) == []


def test_word_and_excel_carry_the_table(any_ws: Workspace, tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    from app.export.docx_export import export_docx
    from app.export.xlsx_export import export_xlsx

    ws, p, _ids = _plan_with_a_decided_edition(any_ws)
    ws.add("section", p, key="baseline", heading="Tidplan mot beslutad plan", content="baseline")
    plan = plan_to_dict(ws, p)
    export_docx(plan, tmp_path / "p.docx")
    table = next(t for t in Document(str(tmp_path / "p.docx")).tables if t.rows[0].cells[0].text == "Post")
    assert [c.text for c in table.rows[0].cells] == ["Post", "Beslutad", "Nu", "Avvikelse"]
    assert [c.text for c in table.rows[1].cells] == ["1. Förstudie", "jan 2026 – mars 2026", "jan 2026 – apr 2026",
                                                     "+30 dagar"]
    assert table.rows[4].cells[3].text == "Borttagen"
    export_xlsx(plan, tmp_path / "p.xlsx")
    sheet = load_workbook(tmp_path / "p.xlsx")["Tidplan mot beslutad plan"]
    assert [c.value for c in sheet[1]] == ["Post", "Beslutad", "Nu", "Avvikelse (dagar)", "Avvikelse"]
    assert [c.value for c in sheet[3]] == ["BP2 Beslut om genomförande", "2026-04-14", "2026-05-12", 28, "+4 veckor"]


def test_a_chosen_edition_is_remembered_by_the_file_and_a_missing_one_refused(any_ws) -> None:
    from datetime import date

    import pytest

    from app.baseline import choose_baseline, chosen_baseline, timeline_baseline
    from app.dates import VagueDate
    from app.editions import freeze_edition

    ws = any_ws
    pid = ws.add("plan", doc_type="plan", template="plan", title="Plan").ids[0]
    item = ws.add("timeline", pid, kind="activity", title="Förstudie", start=VagueDate.day(2026, 3, 2),
                  end=VagueDate.day(2026, 3, 13)).ids[0]
    first = freeze_edition(ws, pid, "1.0", on=date(2026, 2, 2))
    ws.update("timeline", item, end=VagueDate.day(2026, 3, 20))
    freeze_edition(ws, pid, "1.1", on=date(2026, 2, 9))
    ws.update("timeline", item, end=VagueDate.day(2026, 3, 27))
    assert chosen_baseline(ws, pid) is None and timeline_baseline(ws, [pid]).slips[item] == 7
    change = choose_baseline(ws, pid, first.uuid)
    assert change.old == {"baseline_edition": None} and chosen_baseline(ws, pid) == first.uuid
    assert timeline_baseline(ws, [pid]).slips[item] == 14
    with pytest.raises(LookupError, match="Utgåvan finns inte längre"):
        choose_baseline(ws, pid, "00000000-0000-0000-0000-000000000000")
    ws.delete("edition", first.id)  # a chosen edition deleted: the last frozen one again
    assert chosen_baseline(ws, pid) is None and timeline_baseline(ws, [pid]).slips[item] == 7
