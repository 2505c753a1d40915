"""Visa → Översikt: every plan in one table, sorted by a click on a header, filtered, a plan opened with
a double click, and the shown rows exported as "Portföljrapport" to Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from tests.ui.ui_steps import keys, plan_id_by_title


def _titles(view) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_overview_sort_filter_open_and_export(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    ws = window.ofile.ws
    plan = plan_id_by_title(window, "Gemensam plan")
    ws.add("status_report", plan, report_date=date.today(), status="red")
    window.actions_["portfolio_overview"].trigger()
    dialog = window._portfolio_windows[-1]
    qtbot.waitExposed(dialog)
    view = dialog.view
    assert len(_titles(view)) == 2
    header = view.table.horizontalHeader()
    first = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    for _ in range(2):  # a click sorts, a second click turns the order
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(first, 5))
        titles = _titles(view)
        assert titles in (sorted(titles), sorted(titles, reverse=True))
    assert _titles(view) != list(reversed(_titles(view)))  # two plans, so the order shows

    view.report.setCurrentIndex(view.report.findData("red"))
    assert _titles(view) == ["Gemensam plan för primärvården som nav"]
    assert view.proxy.index(0, 3).data() == "Röd"
    view.report.setCurrentIndex(0)
    view.doc_type.setCurrentIndex(view.doc_type.findData("directive"))
    assert len(_titles(view)) == 1 and _titles(view)[0].startswith("Genomför")
    view.doc_type.setCurrentIndex(view.doc_type.findData("project_plan"))
    assert _titles(view) == []
    view.doc_type.setCurrentIndex(0)
    keys(qtbot, view.filter, "västerbotten")
    assert len(_titles(view)) == 1 and _titles(view)[0].startswith("Genomför")

    out = tmp_path / "rapport.xlsx"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: out)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(out).active
    assert sheet["A1"].value.startswith("Portföljrapport ")
    assert [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)] == _titles(view)

    word = tmp_path / "rapport.docx"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: word)
    qtbot.mouseClick(view.word_button, Qt.MouseButton.LeftButton)
    from tests.export.fixtures import open_docx, rows, table_with_header

    assert [r[0] for r in rows(table_with_header(open_docx(word), "Plan"))[1:]] == _titles(view)

    view.filter.clear()
    row = _titles(view).index("Gemensam plan för primärvården som nav")
    view.table.setFocus()
    view.table.setCurrentIndex(view.table.model().index(row, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.current_plan_id() == plan


def test_period_filter_keeps_the_plans_of_the_period(qtbot, window) -> None:
    from app.dates import VagueDate
    from app.overview import Period

    ws = window.ofile.ws
    plan = plan_id_by_title(window, "Gemensam plan")
    year = date.today().year
    ws.add("timeline", plan, kind="activity", title="Nästa års arbete", start=VagueDate.day(year + 1, 5, 1),
           end=VagueDate.day(year + 1, 6, 1))
    ws.add("budget", plan, kind="cost", description="Nästa år", amount=1000, year=year + 1, tertial=2, actual=300,
           forecast=1200)
    window.actions_["portfolio_overview"].trigger()
    view = window._portfolio_windows[-1].view
    everyone = len(_titles(view))
    view.period.setFocus()
    view.period.setCurrentIndex(view.period.findText(Period(year + 1, 2).label()))
    assert _titles(view) == ["Gemensam plan för primärvården som nav"]
    row = view.model.rows[0]
    assert (row.budget, row.actual, row.forecast, row.deviation) == (1000, 300, 1200, -200)
    assert [view.proxy.index(0, c).data() for c in (9, 12)] == ["1\u00a0000", "-200"]
    view.period.setCurrentIndex(0)
    assert len(_titles(view)) == everyone


def test_largest_slip_column_sorts_by_its_days(qtbot, window) -> None:
    from app.dates import VagueDate
    from app.editions import freeze_edition
    from app.overview import SLIP_COLUMN

    ws = window.ofile.ws
    for start, moved, title in ((plan_id_by_title(window, "Gemensam plan"), 5, "Enkät"),
                                (plan_id_by_title(window, "Genomför"), 21, "Upphandling")):
        item = ws.add("timeline", start, kind="activity", title=title, start=VagueDate.day(2030, 3, 4),
                      end=VagueDate.day(2030, 3, 8)).ids[0]
        freeze_edition(ws, start, "9.0")
        ws.update("timeline", item, end=VagueDate.day(2030, 3, 8 + moved))
    window.actions_["portfolio_overview"].trigger()
    view = window._portfolio_windows[-1].view
    qtbot.waitExposed(view)
    assert view.model.headerData(SLIP_COLUMN, Qt.Orientation.Horizontal) == "Största avvikelse"
    view.table.scrollTo(view.proxy.index(0, SLIP_COLUMN))
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(SLIP_COLUMN) + header.sectionSize(SLIP_COLUMN) // 2
    shown = []
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
        assert header.sortIndicatorSection() == SLIP_COLUMN
        texts = [view.proxy.index(r, SLIP_COLUMN).data() for r in range(view.proxy.rowCount())]
        shown.append(texts if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else texts[::-1])
    by_days = ["+5 dagar (Enkät)", "+3 veckor (Upphandling)"]  # as text "+3 …" would come before "+5 …"
    assert shown == [by_days, by_days]


def test_owner_and_organisation_filters_reach_the_export_and_are_remembered_by_the_file(
        qtbot, window, make_window, example_file, tmp_path: Path, monkeypatch) -> None:
    ws = window.ofile.ws
    third = ws.add("plan", doc_type="plan", template="plan", title="Ambulansplan", organisation="Region Örebro län").ids[0]
    ws.add("role", third, kind="owner", name="Lars Eklöf")
    window.actions_["portfolio_overview"].trigger()
    view = window._portfolio_windows[-1].view
    qtbot.waitExposed(view)
    assert (view.owner.accessibleName(), view.organisation.accessibleName()) == ("Ägare", "Organisation")
    assert [view.owner.itemText(i) for i in range(view.owner.count())] == [
        "Alla ägare", "Hälso och sjukvårdsdirektör", "Lars Eklöf"]
    assert [view.organisation.itemText(i) for i in range(view.organisation.count())] == [
        "Alla organisationer", "Region Västerbotten", "Region Örebro län"]

    view.owner.setFocus()  # by keyboard: the arrow keys walk the choices
    qtbot.keyClick(view.owner, Qt.Key.Key_Down)
    assert view.owner.currentText() == "Hälso och sjukvårdsdirektör" and len(_titles(view)) == 1
    qtbot.keyClick(view.owner, Qt.Key.Key_Down)
    assert sorted(_titles(view)) == ["Ambulansplan", "Gemensam plan för primärvården som nav"]
    view.organisation.setFocus()
    qtbot.keyClick(view.organisation, Qt.Key.Key_Down)  # Region Västerbotten: none of Lars Eklöf's
    assert _titles(view) == []
    qtbot.keyClick(view.organisation, Qt.Key.Key_Down)
    keys(qtbot, view.filter, "ambulans")
    view.filter.editingFinished.emit()
    assert _titles(view) == ["Ambulansplan"]

    out = tmp_path / "rapport.xlsx"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: out)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(out).active
    assert [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)] == ["Ambulansplan"]

    window.ofile.events.changed.emit(ws.add("status_report", third, report_date=date.today(), status="red"))
    assert view.owner.currentText() == "Lars Eklöf" and _titles(view) == ["Ambulansplan"]  # reloaded, kept
    assert view.proxy.index(0, 3).data() == "Röd"
    path = ws.store.path
    window.close()

    again = make_window(path)  # the file opened anew shows the portfolio as it was left
    again.actions_["portfolio_overview"].trigger()
    view = again._portfolio_windows[-1].view
    assert (view.owner.currentText(), view.organisation.currentText(), view.filter.text()) == (
        "Lars Eklöf", "Region Örebro län", "ambulans")
    assert _titles(view) == ["Ambulansplan"]


def test_the_shown_rows_export_as_a_pdf_report(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    from tests.export.test_pdf_export import pdf_text, require_libreoffice

    require_libreoffice()
    window.actions_["portfolio_overview"].trigger()
    view = window._portfolio_windows[-1].view
    qtbot.waitExposed(view)
    view.doc_type.setCurrentIndex(view.doc_type.findData("directive"))
    [shown] = _titles(view)
    out = tmp_path / "rapport.pdf"
    monkeypatch.setattr("ui.dialogs.files.save_path", lambda *a, **k: out)
    assert view.pdf_button.text() == "Exportera Portföljrapport (PDF)…"
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    text = " ".join(pdf_text(out).split())
    assert "Portföljrapport" in text and "1 uppdrag:" in text and " ".join(shown.split()[:3]) in text
    assert "Gemensam plan" not in text  # the filtered-out plan is not in the report


def test_a_plans_title_is_shown_whole_and_its_column_can_be_widened(qtbot, window) -> None:
    window.actions_["portfolio_overview"].trigger()
    dialog = window._portfolio_windows[-1]
    qtbot.waitExposed(dialog)
    table = dialog.view.table
    header = table.horizontalHeader()
    proxy = dialog.view.proxy
    rows = {proxy.index(r, 0).data(): r for r in range(proxy.rowCount())}
    usual = "Gemensam plan för primärvården som nav"
    padding = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 8
    assert table.fontMetrics().horizontalAdvance(usual) + padding <= header.sectionSize(0)
    long = next(t for t in rows if t.startswith("Genomför"))
    assert proxy.index(rows[long], 0).data(Qt.ItemDataRole.ToolTipRole) == long  # cut in the column, whole here
    assert header.sectionResizeMode(0) == header.ResizeMode.Interactive
