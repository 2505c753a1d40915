"""The timeline panel: refresh from events, toolbar actions, exports, the table model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QUndoStack

from app.dates import VagueDate
from app.workspace import Workspace
from ui.timeline.panel import TimelinePanel
from ui.undo import AddCommand, UpdateCommand, WorkspaceEvents, push_safely
from ui_steps import shown_timeline


@pytest.fixture
def setup(qtbot, tmp_path: Path):
    ws = Workspace.create(tmp_path / "p.uppdrag")
    pid = ws.add("plan", doc_type="directive", template="directive", title="Direktiv").ids[0]
    ws.add("timeline", pid, kind="phase", code="BP1", title="Fas 1", start=VagueDate.month(2025, 1),
           end=VagueDate.month(2025, 3))
    panel = shown_timeline(qtbot, ws, pid, size=(1000, 500))
    yield ws, panel.events, panel.stack, panel, pid
    ws.close()


def test_refreshes_from_events(setup) -> None:
    ws, events, stack, panel, pid = setup
    assert panel.model.rowCount() == 1
    push_safely(stack, AddCommand(ws, events, "timeline", pid, {"kind": "milestone", "code": "MS1", "title": "Ny",
                                                                "start": VagueDate.day(2025, 2, 14)}), events)
    assert panel.model.rowCount() == 2
    assert panel.model.index(1, 1).data() == "MS1"
    assert panel.model.index(1, 3).data() == "2025-02-14"
    item = panel.layout_rows.row(1)
    push_safely(stack, UpdateCommand(ws, events, "timeline", item.id, {"start": VagueDate.month(2025, 4)}), events)
    assert panel.model.index(1, 3).data() == "apr 2025"
    assert panel.view.marker_center(1).x() == pytest.approx(panel.view.x_for_date(date(2025, 4, 1))
                                                            + panel.view.scale.px_per_day / 2)
    stack.undo()
    stack.undo()
    assert panel.model.rowCount() == 1


def test_toolbar_zoom_fit_and_today(setup) -> None:
    _, _, _, panel, _ = setup
    view = panel.view
    before = view.scale.px_per_day
    panel.actions_by_name["zoom_in"].trigger()
    assert view.scale.px_per_day == pytest.approx(before * 1.5)
    panel.actions_by_name["zoom_out"].trigger()
    panel.actions_by_name["zoom_out"].trigger()
    assert view.scale.px_per_day == pytest.approx(before / 1.5)
    panel.actions_by_name["fit"].trigger()
    w = view.viewport().width()
    assert 0 <= view.x_for_date(date(2025, 1, 1)) < view.x_for_date(date(2025, 4, 1)) <= w
    panel.actions_by_name["today"].trigger()
    assert abs(view.x_for_date(date.today()) - w / 2) <= view.scale.px_per_day


def test_exports_png_and_svg(setup, tmp_path: Path) -> None:
    _, _, _, panel, _ = setup
    png = panel.export_png(tmp_path / "t.png")
    img = QImage(str(png))
    assert img.width() == panel.splitter.width() and img.height() == panel.splitter.height()
    svg = panel.export_svg(tmp_path / "t.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Fas 1" in svg


def test_table_model_is_well_behaved(setup, qtmodeltester) -> None:
    _, _, _, panel, _ = setup
    qtmodeltester.check(panel.model)


def test_row_table_paints_its_plain_rows_exactly_as_qt_does(setup) -> None:
    """The table draws strips of ordinary rows itself: same fonts, colours, margins and elision as
    Qt's own cell painting, which still paints the selected row."""
    from PySide6.QtWidgets import QStyledItemDelegate

    class Stock(QStyledItemDelegate):  # any delegate but the default one: Qt paints every cell
        pass

    ws, events, stack, panel, pid = setup
    for i, (kind, title, who) in enumerate((
        ("activity", "En mycket lång titel som inte får plats i kolumnen utan kortas av", "Regionkansliet och alla"),
        ("milestone", "Kort", ""),
        ("phase", "Fas två med en titel som också är för lång för sin kolumn", "Anna"),
    )):
        push_safely(stack, AddCommand(ws, events, "timeline", pid, {
            "kind": kind, "code": f"K{i}", "title": title, "responsible": who,
            "start": VagueDate.day(2025, 4, 1 + i), "end": None if kind == "milestone" else VagueDate.month(2025, 6),
        }), events)
    panel.set_plan(None)  # the portfolio: a bold band header above the items
    table = panel.table
    for select in (None, 2):
        if select is not None:
            table.selectRow(select)
            table.setFocus()
        plain = table.grab().toImage()
        assert table.rows_painted_plainly == (5 if select is None else 0)
        delegate = table.itemDelegate()
        table.setItemDelegate(Stock(table))
        stock = table.grab().toImage()
        assert table.rows_painted_plainly == 0
        table.setItemDelegate(delegate)
        assert plain == stock


def test_print_to_pdf_printer(setup, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    _, _, _, panel, _ = setup
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "t.pdf"))
    panel.print_to(printer)
    assert (tmp_path / "t.pdf").read_bytes().startswith(b"%PDF")


def test_editor_pages_are_made_when_first_shown(make_window, example_file) -> None:
    """Opening a plan builds only the page on screen; a tab's page is made when it is clicked."""
    from ui.timeline.panel import TimelinePanel

    window = make_window(example_file)
    editor = window.editor
    assert list(dict(editor.pages)) == ["metadata"]
    keys = editor._keys
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert "Tidslinje" in titles and "Risker" in titles
    editor.tabs.setCurrentIndex(keys.index("gantt"))  # as a click on the tab does
    gantt = editor.tabs.currentWidget()
    assert isinstance(gantt, TimelinePanel) and editor.pages["gantt"] is gantt
    assert editor.tabs.tabText(keys.index("gantt")) == "Tidslinje"
    assert len(gantt.layout_rows) == len(window.ofile.ws.list("timeline", editor.plan_id))
    risk = editor.page("risk")  # asked for: made, but the current tab stays
    assert editor.tabs.currentWidget() is gantt and editor.tabs.indexOf(risk) == keys.index("risk")


def test_portfolio_paints_its_first_bands_then_reads_the_rest(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from ui.timeline import panel as panel_module

    ws = Workspace.create(tmp_path / "many.uppdrag")
    plans = [ws.add("plan", doc_type="plan", template="plan", title=f"Plan {k}").ids[0] for k in range(6)]
    for k, pid in enumerate(plans):
        for m in range(1, 4):
            ws.add("timeline", pid, kind="activity", title=f"P{k} A{m}", start=VagueDate.month(2025 + k, m),
                   end=VagueDate.month(2025 + k, m + 2))
    panel = TimelinePanel(ws, WorkspaceEvents(), QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(1000, 500)
    rows_wanted = panel_module.HEAD_ROWS
    panel_module.HEAD_ROWS = 5  # two bands (1 + 3 rows each) fill the "screen"
    try:
        panel.set_plan(None)
    finally:
        panel_module.HEAD_ROWS = rows_wanted
    head = panel.layout_rows
    assert not head.data.complete
    assert [b.loaded for b in head.data.bands] == [True, True, False, False, False, False]
    assert len(head) == 2 * 4 + 4  # two open bands, four headers

    panel.show()
    while not panel.view.rows_painted:  # the first paint comes before the rest is read
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.X11ExcludeTimers)
    assert not panel.layout_rows.data.complete
    span = panel.view.scale.px_per_day, panel.view.scale.origin
    qtbot.waitUntil(lambda: panel.layout_rows.data.complete)
    assert len(panel.layout_rows) == 6 * 4
    assert (panel.view.scale.px_per_day, panel.view.scale.origin) == span  # nothing moved
    assert panel.model.index(len(panel.layout_rows) - 1, 0).data() == "P5 A3"
    ws.close()


def test_portfolio_band_shows_each_plans_next_decision_point(qtbot, tmp_path) -> None:
    from app.dates import VagueDate
    from app.decisions import record_decision
    from app.plans import create_plan
    from app.workspace import Workspace

    ws = Workspace.create(tmp_path / "portfolj.uppdrag")
    try:
        first = create_plan(ws, "project_plan", "Plan med PPS").ids[0]
        second = create_plan(ws, "project_plan", "Plan med XLPM", steering_model="xlpm").ids[0]
        points = {r["code"]: r["id"] for r in ws.list("timeline", first)}
        ws.update("timeline", points["BP1"], start=VagueDate.day(2020, 1, 1))
        ws.update("timeline", points["BP2"], start=VagueDate.quarter(2199, 3))
        record_decision(ws, points["BP1"], on=date(2020, 1, 1), decided_by="Styrgrupp", outcome="continue")
        panel = shown_timeline(qtbot, ws, None)
        bands = {panel.model.index(r, 0).data()[2:]: r for r in range(panel.model.rowCount())
                 if panel.layout_rows.band_at(r) is not None}
        row = bands["Plan med PPS"]
        assert [panel.model.index(row, c).data() for c in (1, 2, 3)] == ["BP2", "Nästa: kommande", "Q3 2199"]
        assert "Nästa beslutspunkt: BP2" in panel.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert panel.model.index(bands["Plan med XLPM"], 1).data() == "TG0"
        assert second
    finally:
        ws.close()
