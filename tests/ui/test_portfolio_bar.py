"""The portfolio timeline filtered by a facet, grouped and folded; the choice is remembered by the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from app.dates import VagueDate
from app.workspace import Workspace
from ui_steps import shown_timeline


def _file(tmp_path: Path) -> Workspace:
    ws = Workspace.create(tmp_path / "portfolj.uppdrag")
    for title, doc_type, status, org, year in (("Nära vård", "plan", "active", "HSF", 2026),
                                               ("Digital vård", "project_plan", "draft", "IT", 2027),
                                               ("Ambulans", "plan", "active", "IT", 2026)):
        pid = ws.add("plan", doc_type=doc_type, template=doc_type, title=title, status=status,
                     organisation=org).ids[0]
        ws.add("timeline", pid, kind="activity", title=f"{title} 1", start=VagueDate.month(year, 2),
               end=VagueDate.month(year, 5))
    return ws


def _bands(panel) -> list[str]:
    layout = panel.layout_rows
    return [layout.data.bands[layout.band_at(r)].title for r in range(len(layout)) if layout.band_at(r) is not None]


def _choose(qtbot, combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_filter_group_and_fold_are_remembered_per_file(qtbot, tmp_path: Path) -> None:
    ws = _file(tmp_path)
    panel = shown_timeline(qtbot, ws, None)
    bar = panel.portfolio_bar
    assert bar.isVisible() and _bands(panel) == ["Nära vård", "Digital vård", "Ambulans"]
    _choose(qtbot, bar.facet, "status")
    _choose(qtbot, bar.value, "active")
    assert _bands(panel) == ["Nära vård", "Ambulans"]
    _choose(qtbot, bar.facet, "year")
    _choose(qtbot, bar.value, "2027")
    assert _bands(panel) == ["Digital vård"]
    _choose(qtbot, bar.facet, "")
    _choose(qtbot, bar.group, "organisation")
    assert _bands(panel) == ["Nära vård", "Digital vård", "Ambulans"]  # HSF before IT, each in file order
    _choose(qtbot, bar.group, "doc_type")
    assert _bands(panel) == ["Nära vård", "Ambulans", "Digital vård"]
    qtbot.mouseClick(bar.collapse_all, Qt.MouseButton.LeftButton)
    assert len(panel.layout_rows) == 5  # two group rows (by document type), three band rows, no items
    _choose(qtbot, bar.facet, "organisation")
    _choose(qtbot, bar.value, "IT")
    panel.close()

    again = shown_timeline(qtbot, ws, None)
    assert _bands(again) == ["Ambulans", "Digital vård"] and len(again.layout_rows) == 4  # each in its group
    assert again.portfolio_bar.value.currentData() == "IT"
    qtbot.mouseClick(again.portfolio_bar.expand_all, Qt.MouseButton.LeftButton)
    assert len(again.layout_rows) == 6
    ws.close()


def test_one_plans_timeline_has_no_portfolio_bar(qtbot, tmp_path: Path) -> None:
    ws = _file(tmp_path)
    panel = shown_timeline(qtbot, ws, 1)
    assert not panel.portfolio_bar.isVisible()
    ws.close()


def _rows(panel) -> list[str]:
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


def test_a_grouped_portfolio_has_a_header_row_per_group_that_folds_its_plans(qtbot, tmp_path: Path) -> None:
    ws = _file(tmp_path)
    panel = shown_timeline(qtbot, ws, None)
    _choose(qtbot, panel.portfolio_bar.group, "organisation")
    assert _rows(panel) == ["▾ Organisation/förvaltning: HSF (1)", "▾ Nära vård", "Nära vård 1",
                            "▾ Organisation/förvaltning: IT (2)", "▾ Digital vård", "Digital vård 1",
                            "▾ Ambulans", "Ambulans 1"]
    tip = panel.model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Organisation/förvaltning: IT (2 planer) – klicka för att fälla ihop eller ut alla"

    # A click on the group's row in the chart folds its two plans; Return on it in the table unfolds them.
    view = panel.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, view.row_y(3) + 5))
    assert _rows(panel)[3:] == ["▸ Organisation/förvaltning: IT (2)", "▸ Digital vård", "▸ Ambulans"]
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(3, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert _rows(panel)[3:] == ["▾ Organisation/förvaltning: IT (2)", "▾ Digital vård", "Digital vård 1",
                                "▾ Ambulans", "Ambulans 1"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.portfolio_bar.view.collapsed == sorted(
        ws.get("plan", p)["uuid"] for p in (2, 3))  # remembered by the file, like any folding

    # A filter leaves out a group with no plan left; no grouping, no header rows.
    _choose(qtbot, panel.portfolio_bar.facet, "status")
    _choose(qtbot, panel.portfolio_bar.value, "draft")
    assert _rows(panel) == ["▸ Organisation/förvaltning: IT (1)", "▸ Digital vård"]
    _choose(qtbot, panel.portfolio_bar.group, "")
    assert _rows(panel) == ["▸ Digital vård"]
    assert panel.view.grab().width() > 0
    ws.close()


def test_folding_is_view_state_remembered_by_the_file_not_an_undo_step(qtbot, tmp_path: Path) -> None:
    """Folding a plan, or all of them, changes what is shown, not the plans: no undo step, and the file
    opened again shows the same plans folded."""
    ws = _file(tmp_path)
    panel = shown_timeline(qtbot, ws, None)
    stack = panel.stack
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, 0))  # "Nära vård"'s band
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert _rows(panel)[:2] == ["▸ Nära vård", "▾ Digital vård"]
    qtbot.mouseClick(panel.portfolio_bar.expand_all, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.portfolio_bar.collapse_all, Qt.MouseButton.LeftButton)
    assert stack.count() == 0 and not stack.canUndo()
    panel.close()
    path = ws.store.path
    ws.close()

    ws = Workspace.open(path)
    again = shown_timeline(qtbot, ws, None)
    assert _rows(again) == ["▸ Nära vård", "▸ Digital vård", "▸ Ambulans"]
    ws.close()
