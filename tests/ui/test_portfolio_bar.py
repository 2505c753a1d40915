"""The portfolio timeline filtered by a facet, grouped and folded; the choice is remembered by the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

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
    assert len(panel.layout_rows) == 3  # three band rows, no items
    _choose(qtbot, bar.facet, "organisation")
    _choose(qtbot, bar.value, "IT")
    panel.close()

    again = shown_timeline(qtbot, ws, None)
    assert _bands(again) == ["Ambulans", "Digital vård"] and len(again.layout_rows) == 2
    assert again.portfolio_bar.value.currentData() == "IT"
    qtbot.mouseClick(again.portfolio_bar.expand_all, Qt.MouseButton.LeftButton)
    assert len(again.layout_rows) == 4
    ws.close()


def test_one_plans_timeline_has_no_portfolio_bar(qtbot, tmp_path: Path) -> None:
    ws = _file(tmp_path)
    panel = shown_timeline(qtbot, ws, 1)
    assert not panel.portfolio_bar.isVisible()
    ws.close()
