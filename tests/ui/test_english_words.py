"""English mode's last Swedish words, and headers shown whole, as a leader meets them: the reporting interval
("4 weeks", read in either language), the risk levels' names in the risk settings, the slips against the
decided plan on the timeline and in Översikt (also when the language changes with Översikt open), and
every column header of the pages and the portfolio's windows at the window's default size, in both languages; and the
timeline's critical path and decided plan still shown after the language changes.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QStyle, QWidget

from app import risks
from app.dates import Precision, VagueDate
from app.editions import freeze_edition
from app.overview_settings import report_interval
from test_language import _chrome_texts
from test_schedule_notice import _shortcut
from ui.dialogs.report_interval_dialog import ReportIntervalDialog
from app.overview import SLIP_COLUMN
from ui.risks.settings_dialog import RiskSettingsDialog
from ui_steps import keys, plan_id_by_title
from wrong_language import swedish_in


def _english(window) -> None:
    window.findChild(QAction, "actionLanguage_en").trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _swedish_shown(widget: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in _chrome_texts(widget) if swedish_in(text)]


def test_the_reporting_interval_is_shown_in_english_and_read_in_either_language(qtbot, monkeypatch, window) -> None:
    _english(window)
    told: list[str] = []

    def run(dialog: ReportIntervalDialog, typed: list[str]) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        told.append(dialog.edit.text())
        assert _swedish_shown(dialog) == []
        for text in typed:
            dialog.edit.setFocus()
            qtbot.keyClick(dialog.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            keys(qtbot, dialog.edit, text)
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
            if dialog.isVisible():  # refused: the reason beside the line
                told.append(dialog.error.text())
        return dialog.result()

    ws = window.ofile.ws
    for typed, days in ((["soon", "4 weeks"], 28), (["2 veckor"], 14), (["30 days"], 30)):
        monkeypatch.setattr(ReportIntervalDialog, "exec", lambda dialog, typed=typed: run(dialog, typed))
        window.actions_["report_interval"].trigger()
        assert report_interval(ws) == days
    assert told == [
        "31 days",
        "The reporting interval “soon” cannot be used; write a number of days or weeks between 1 day and 52 weeks, "
        "for example 30 days or 4 weeks.",
        "4 weeks", "2 weeks"]
    assert window.actions_["undo"].text() == "&Undo changed the reporting interval"


def test_the_risk_settings_name_the_default_levels_in_english_and_keep_them_stored_in_swedish(
        qtbot, monkeypatch, window) -> None:
    _english(window)
    panel = window.editor.show_page("risk")
    ws = window.ofile.ws
    before = risks.load_settings(ws)
    shown: list[list[str]] = []

    def run(dialog: RiskSettingsDialog, rename: str | None) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _swedish_shown(dialog) == []
        table = dialog.labels
        shown.append([table.item(r, c).text() for c in range(2) for r in range(table.rowCount())])
        if rename is not None:
            table.item(0, 1).setText(rename)  # as a person types over a name
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(RiskSettingsDialog, "exec", lambda dialog: run(dialog, None))
    qtbot.mouseClick(panel.settings_button, Qt.MouseButton.LeftButton)
    assert shown == [["Very low", "Low", "High", "Very high", "Minor", "Moderate", "Major", "Catastrophic"]]
    after = risks.load_settings(ws)
    assert (after.probability_labels, after.impact_labels) == (before.probability_labels, before.impact_labels)
    assert before == risks.default_settings(before.scale)  # the file keeps the default names, in Swedish

    monkeypatch.setattr(RiskSettingsDialog, "exec", lambda dialog: run(dialog, "Trivial"))
    qtbot.mouseClick(panel.settings_button, Qt.MouseButton.LeftButton)
    after = risks.load_settings(ws)
    assert after.impact_labels == ("Trivial", *before.impact_labels[1:])
    assert after.probability_labels == before.probability_labels


@pytest.fixture
def slipped(window):
    """The plan frozen as edition 9.0, then its first item's end moved from October to November 2024."""
    ws = window.ofile.ws
    plan = plan_id_by_title(window, "Gemensam plan")
    freeze_edition(ws, plan, "9.0")
    item = ws.list("timeline", plan)[0]
    ws.update("timeline", item["id"], end=VagueDate(date(2024, 11, 1), Precision.MONTH))
    window.select_plan(plan)
    return plan


def test_slips_against_the_decided_plan_are_english_also_after_the_language_changes(qtbot, window, slipped) -> None:
    window.actions_["portfolio_overview"].trigger()
    overview = window._portfolio_windows[-1]
    overview.move(40, 30)
    slip = next(r for r in range(overview.view.model.rowCount())
                if overview.view.model.rows[r].plan_id == slipped)
    assert overview.view.model.index(slip, SLIP_COLUMN).data() == "+30 dagar (Gemensamma mål)"
    _english(window)
    [overview] = window._portfolio_windows  # made again in English, where it stood
    assert overview.isVisible() and overview.pos().x() == 40
    assert overview.windowTitle() == "Overview"
    assert overview.view.model.index(slip, SLIP_COLUMN).data() == "+30 days (Gemensamma mål)"
    assert _swedish_shown(overview) == []

    panel = window.editor.show_page("gantt")
    panel.baseline_action.trigger()
    texts = [panel.model.index(r, panel.model.SLIP_COLUMN).data() for r in range(panel.model.rowCount())]
    assert texts[:2] == ["+30 days", "0"]


def _cut_headers(root: QWidget) -> list[str]:
    """The column headers under `root` whose text does not fit their section (QFontMetrics against the size)."""
    cut = []
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisible() or header.model() is None:
            continue
        metrics = header.fontMetrics()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        for column in range(header.count()):
            text = str(header.model().headerData(column, Qt.Orientation.Horizontal) or "")
            needed = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0) + 2 * margin
            if not header.isSectionHidden(column) and needed > header.sectionSize(column):
                cut.append(f"{text!r}: {needed} > {header.sectionSize(column)}")
    return cut


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_column_header_shows_its_whole_text_at_the_default_size(qtbot, window, language) -> None:
    window.findChild(QAction, f"actionLanguage_{language}").trigger()
    window.resize(1400, 900)  # the window's default size
    window.select_plan(plan_id_by_title(window, "Gemensam plan"))
    cut: dict[str, list[str]] = {}
    for key in list(window.editor._keys):
        page = window.editor.show_page(key)
        QCoreApplication.processEvents()
        cut[key] = _cut_headers(page)
    for key in ("overview", "timeline", "risks", "resources"):
        window.show_portfolio(key)
        dialog = window._portfolio_windows[-1]
        qtbot.waitExposed(dialog)
        cut[key] = _cut_headers(dialog)
        dialog.close()
    assert {k: v for k, v in cut.items() if v} == {}


def _drawn_width(text: str, metrics) -> int:
    """How wide a label's text draws: the shortcut's underline splits it in three pieces, so a kerned pair
    around the underlined letter ("&To") draws wider than the whole text measures."""
    at = text.index("&")
    return sum(metrics.horizontalAdvance(part) for part in (text[:at], text[at + 1], text[at + 2:]))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_resource_filters_captions_show_whole(qtbot, window, language) -> None:
    from PySide6.QtWidgets import QLabel

    window.findChild(QAction, f"actionLanguage_{language}").trigger()
    window.show_portfolio("resources")
    dialog = window._portfolio_windows[-1]
    qtbot.waitExposed(dialog)
    captions = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    assert len(captions) == 5
    short = [label.text() for label in captions
             if label.contentsRect().width() < _drawn_width(label.text(), label.fontMetrics())]
    assert short == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_conflict_and_backup_dialogs_open_wide_enough_for_their_columns(qtbot, window, tmp_path,
                                                                           language) -> None:
    from PySide6.QtWidgets import QTableWidget

    from test_language_dialogs import Scene, _dialogs

    made = _dialogs(Scene(window, tmp_path))
    window.findChild(QAction, f"actionLanguage_{language}").trigger()
    for name in ("ui.dialogs.sharing_dialogs.ConflictDialog", "ui.dialogs.sharing_dialogs.BackupsDialog"):
        dialog = made[name]()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        table = dialog.findChild(QTableWidget)
        assert table.rowCount() >= 1, name
        assert table.horizontalScrollBar().maximum() == 0, name  # every column in sight, none cut
        assert _cut_headers(dialog) == [], name
        dialog.close()


def test_the_resource_load_and_the_closed_days_name_months_in_english(qtbot, window, monkeypatch) -> None:
    from ui.dialogs.closed_days_dialog import ClosedDaysDialog

    _english(window)
    window.show_portfolio("resources")
    view = window._portfolio_windows[-1].view
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["May 2024", "Jun 2024", "Jul 2024"]
    assert [h for h in headers if swedish_in(h)] == []
    view.table_view.clicked.emit(model.index(0, 0))
    assert view.detail_title.text().split(": ")[0].endswith(", May 2024")
    view.zoom.setCurrentIndex(1)  # weeks
    assert model.headerData(0, Qt.Orientation.Horizontal).startswith("wk ")
    assert _swedish_shown(window._portfolio_windows[-1]) == []

    shown: list[list[tuple[str, str]]] = []

    def run(dialog: ClosedDaysDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(_swedish_shown(dialog))
        return 0

    monkeypatch.setattr(ClosedDaysDialog, "exec", run)
    window.actions_["closed_days"].trigger()
    assert shown == [[]]


def test_a_backups_time_is_written_with_each_languages_own_separator(window) -> None:
    from datetime import datetime
    from types import SimpleNamespace

    from ui.dialogs.file_problem_dialog import when_text

    taken = SimpleNamespace(taken_at=datetime(2026, 12, 4, 13, 55).astimezone())
    assert when_text(taken) == "4 december 2026 kl. 13.55"
    _english(window)
    assert when_text(taken) == "December 4, 2026 at 13:55"


def test_a_language_switch_keeps_the_timelines_critical_path_and_decided_plan_shown(qtbot, window, slipped) -> None:
    panel = window.editor.show_page("gantt")
    _shortcut(qtbot, panel, Qt.Key.Key_D)  # the decided plan
    _shortcut(qtbot, panel, Qt.Key.Key_K)  # the critical path
    assert panel.critical_action.isChecked() and panel.baseline_action.isChecked()
    window.actions_["portfolio_timeline"].trigger()
    portfolio = window._portfolio_windows[-1].view
    portfolio.toolbar.actions_by_name["baseline"].trigger()
    _english(window)
    panel = window.editor.pages["gantt"]
    assert window.editor.tabs.currentWidget() is panel
    assert panel.critical_action.isChecked() and panel.baseline_action.isChecked()
    assert panel.critical_action.text() == "Critical path"
    texts = [panel.model.index(r, panel.model.SLIP_COLUMN).data() for r in range(panel.model.rowCount())]
    assert texts[:2] == ["+30 days", "0"]  # the slips are there, in English
    [portfolio_window] = window._portfolio_windows
    portfolio = portfolio_window.view
    assert portfolio.baseline_action.isChecked() and not portfolio.critical_action.isChecked()
    assert portfolio.baseline_action.text() == "Decided plan"
