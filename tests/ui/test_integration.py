"""The parts built on their own are reachable from the main window: timeline, risks, portfolio views,
booking warnings and opening a file by dropping it on the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.plans import list_plans
from tests.ui.ui_steps import plan_id_by_title


def test_plan_editor_has_timeline_and_risk_pages(make_window, example_file: Path) -> None:
    window = make_window(example_file)
    plan_id = plan_id_by_title(window, "Gemensam plan")
    window.select_plan(plan_id)
    editor = window.editor
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert "Tidslinje" in titles and "Risker" in titles
    gantt = editor.show_page("gantt")
    assert gantt.view.layout_rows_count() if hasattr(gantt.view, "layout_rows_count") else True
    items = window.ofile.ws.list("timeline", plan_id)
    assert len(gantt.table_model.rows if hasattr(gantt, "table_model") else items) == len(items)


def test_timeline_double_click_opens_the_item_on_its_table_page(make_window, example_file: Path) -> None:
    window = make_window(example_file)
    plan_id = plan_id_by_title(window, "Gemensam plan")
    window.select_plan(plan_id)
    editor = window.editor
    item = window.ofile.ws.list("timeline", plan_id)[2]
    editor.open_item("timeline", item["id"])
    page = editor.pages["timeline"]
    assert editor.tabs.currentWidget() is page
    assert page.current_id() == item["id"]


def test_portfolio_views_open_from_the_view_menu(make_window, example_file: Path, qtbot) -> None:
    window = make_window(example_file)
    for key in ("portfolio_timeline", "portfolio_risks", "portfolio_resources"):
        window.actions_[key].trigger()
    names = sorted(d.objectName() for d in window._portfolio_windows)
    assert names == ["portfolio_resources", "portfolio_risks", "portfolio_timeline"]
    for dialog in window._portfolio_windows:
        assert dialog.isVisible()
    window.close_file()
    assert window._portfolio_windows == []


def test_raising_a_share_past_100_percent_warns_in_the_status_bar(make_window, example_file: Path) -> None:
    window = make_window(example_file)
    ws = window.ofile.ws
    plan_id = plan_id_by_title(window, "Gemensam plan")
    role = next(r for r in ws.list("role", plan_id) if r["person"] is not None and r["allocation"])
    window.ofile.update("role", role["id"], {"allocation": 100}, "Ändra andel")
    other = [p.id for p in list_plans(ws) if p.id != plan_id][0]
    window.ofile.add("role", other, {"kind": "member", "person": role["person"], "allocation": 50}, "Lägg till")
    assert "100" in window.statusBar().currentMessage()


def test_dropping_a_file_opens_it(make_window, example_file: Path, empty_file: Path) -> None:
    window = make_window(empty_file)
    assert list_plans(window.ofile.ws) == []
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(example_file))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)  # offscreen Qt delivers no drop without a real drag session
    assert window.ofile.path == example_file
    assert len(list_plans(window.ofile.ws)) == 2


def test_macos_file_open_event_opens_the_file(make_window, example_file: Path, empty_file: Path) -> None:
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from ui.main import FileOpenFilter

    window = make_window(empty_file)
    app = QApplication.instance()
    hook = FileOpenFilter(window.open_path)
    app.installEventFilter(hook)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(example_file)))
    finally:
        app.removeEventFilter(hook)
    assert window.ofile.path == example_file


def test_help_menu_shows_the_version(make_window, empty_file: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QLabel

    from app.version import __version__

    seen = []
    monkeypatch.setattr("ui.dialogs.about_dialog.AboutDialog.exec",
                        lambda d: seen.append(" ".join(label.text() for label in d.findChildren(QLabel))) or 0)
    window = make_window(empty_file)
    window.actions_["about"].trigger()
    assert __version__ in seen[0]
