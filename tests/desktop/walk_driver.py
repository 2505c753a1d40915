"""The app as `make run` starts it (ui.entry.main with no argument: the default database in the data
folder), used through the X server by keyboard and mouse for the tasks of the in-app guide "Kom igång":
a new directive from its template, a field filled in, an item added on the schedule, the edit undone and
redone by keyboard, the item moved on the timeline by keyboard, a decision recorded, the plan exported to
Word, the plan sent as a file and a colleague's copy of it brought back. Keys and clicks go through the X server with xdotool
(real X input, as a person's); what the window shows on the way is collected for the language check.

    python tests/desktop/walk_driver.py REPORT.json [SCREENSHOT_FOLDER]

Run by tests/desktop/test_desktop_walk.py under Xvfb (QT_QPA_PLATFORM=xcb) with its own HOME, data folder and
settings (the settings file names the language). The report holds the steps' outcomes and every text shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]

from PySide6.QtCore import QPoint, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication, QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget,
)

TITLE = "Walk directive"
DNR = "KS 2026/42"
ITEM = "Kickoff meeting"
DECISION_DNR = "KS 2026/43"
COLLEAGUE_ITEM = "Colleague workshop"
# The colleague, in a process of her own: an item added to the copy she was sent.
COLLEAGUE = """
import sys
from app.dates import VagueDate
from app.plans import list_plans
from app.workspace import Workspace
ws = Workspace.open(sys.argv[1])
plan = list_plans(ws)[0].id
ws.add("timeline", plan, kind="activity", title=sys.argv[2], start=VagueDate.day(2026, 9, 7))
ws.close()
"""
STEP_TIMEOUT = 30.0  # seconds for one thing to show up on a loaded machine


class Driver:
    def __init__(self, report: Path, shots: Path | None) -> None:
        self.report_path, self.shots = report, shots
        self.report: dict[str, object] = {"texts": [], "steps": {}, "error": ""}
        self.modal: Callable[[QWidget], None] | None = None
        self.unexpected: float | None = None  # since when a dialog nobody expected is open
        self.watch = QTimer()
        self.watch.timeout.connect(self._on_modal)
        self.watch.start(100)

    # --- input through the X server --------------------------------------------------------------

    def x(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], check=True, timeout=20)
        QTest.qWait(150)

    def key(self, combo: str) -> None:
        self.x("key", "--clearmodifiers", combo)

    def type(self, text: str) -> None:
        self.x("type", "--delay", "20", text)

    def click(self, widget: QWidget) -> None:
        self.click_at(widget, QPoint(widget.width() // 2, widget.height() // 2))

    def choose(self, window, name: str) -> None:
        """A menu command chosen with the mouse: the menu's title in the menu bar, then the command."""
        action = window.actions_[name]
        menu = next(a.menu() for a in window.menuBar().actions() if action in a.menu().actions())
        bar = window.menuBar()
        self.click_at(bar, bar.actionGeometry(menu.menuAction()).center())
        self.wait("the menu", menu.isVisible)
        QTest.qWait(200)
        texts = self.report["texts"]
        assert isinstance(texts, list)
        texts += [["menu open", menu.title(), a.text()] for a in menu.actions() if a.text()]
        self.click_at(menu, menu.actionGeometry(action).center())

    def click_at(self, widget: QWidget, point: QPoint) -> None:
        at = widget.mapToGlobal(point)
        self.x("mousemove", "--sync", str(at.x()), str(at.y()))
        self.x("click", "1")

    def back_to(self, window) -> None:
        """A click on the window's title once a dialog has closed: without a window manager the X focus
        does not go back to the window by itself (a person clicks where she goes on working)."""
        from PySide6.QtWidgets import QLabel

        self.wait("the dialog closed", lambda: QApplication.activeModalWidget() is None)
        self.click(window.findChild(QLabel, "planTitle"))
        self.wait("the window active", lambda: QApplication.activeWindow() is window)

    def wait(self, what: str, ready: Callable[[], object]) -> object:
        end = time.monotonic() + STEP_TIMEOUT
        while time.monotonic() < end:
            value = ready()
            if value:
                return value
            QTest.qWait(50)
        raise AssertionError(f"timed out waiting for {what}")

    # --- what is shown ---------------------------------------------------------------------------

    def collect(self, where: str, root: QWidget) -> None:
        from test_language import _chrome_texts

        texts = self.report["texts"]
        assert isinstance(texts, list)
        texts.append([where, "window title", root.windowTitle()])
        texts += [[where, w, t] for w, t in _chrome_texts(root)]

    def shot(self, name: str) -> None:
        if self.shots is not None:
            QTest.qWait(200)
            screen = QApplication.primaryScreen()
            screen.grabWindow(0).save(str(self.shots / f"{name}.png"))

    # --- modal dialogs: driven from the timer, inside their own event loop ---------------------------

    def expect_modal(self, handler: Callable[[QWidget], None]) -> None:
        self.modal = handler

    def _on_modal(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            self.unexpected = None
            return
        if self.modal is None:  # a dialog the walk did not expect: said, and closed after a while
            if self.unexpected is None:
                self.unexpected = time.monotonic()
            elif time.monotonic() - self.unexpected > STEP_TIMEOUT:
                self.collect(f"unexpected {type(dialog).__name__}", dialog)
                self.report["error"] = f"{self.report['error']}an unexpected dialog: {type(dialog).__name__}\n"
                dialog.close()
            return
        self.unexpected = None
        handler, self.modal = self.modal, None
        try:
            QTest.qWait(300)
            self.collect(type(dialog).__name__, dialog)
            self.step(f"modal {len(self.report['texts'])}", type(dialog).__name__)
            handler(dialog)
        except Exception:  # noqa: BLE001 - said in the report, and the dialog closed so the walk ends
            self.report["error"] = traceback.format_exc()
            dialog.close()

    # --- the guide's tasks -------------------------------------------------------------------------

    def walk(self) -> None:
        from ui.main_window import MainWindow

        try:
            window = self.wait("the main window", lambda: next(
                (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None))
            assert isinstance(window, MainWindow)
            self.wait("a file open", lambda: window.ofile is not None)
            window.activateWindow()
            self.wait("the window active", lambda: QApplication.activeWindow() is window)
            self.shot("1-start")
            self.collect("empty window", window)
            self.new_directive(window)
            self.fill_field(window)
            self.add_item(window)
            self.undo_redo(window)
            self.on_the_timeline(window)
            self.decision(window)
            self.export(window)
            self.share(window)
            self.tabs(window)
        except Exception:  # noqa: BLE001 - the report says what went wrong
            self.report["error"] = str(self.report["error"]) + traceback.format_exc()
            modal = QApplication.activeModalWidget()
            self.report["error"] += f"\nopen dialog: {modal and modal.windowTitle()}, focus: {QApplication.focusWidget()}"
            self.shot("error")
        finally:
            self.report_path.write_text(json.dumps(self.report, ensure_ascii=False, indent=1), encoding="utf-8")
            QApplication.closeAllWindows()
            QApplication.quit()

    def step(self, name: str, value: object) -> None:
        steps = self.report["steps"]
        assert isinstance(steps, dict)
        steps[name] = value

    def new_directive(self, window) -> None:
        def fill(dialog: QWidget) -> None:
            kind, model = dialog.kind, dialog.model  # type: ignore[attr-defined]
            texts = self.report["texts"]
            assert isinstance(texts, list)
            texts += [["new plan", combo.accessibleName(), combo.itemText(i)]
                      for combo in (kind, model) for i in range(combo.count())]
            self.click(kind)
            self.wait("the template list", lambda: kind.view().isVisible())
            self.key("Home")
            self.key("Return")  # the first template: Uppdragsdirektiv
            self.click(dialog.title)  # type: ignore[attr-defined]
            self.type(TITLE)
            self.shot("2-new-directive")
            self.key("Return")

        before = window.current_plan_id()
        self.expect_modal(fill)
        self.key("ctrl+n")
        self.wait("the new plan", lambda: window.current_plan_id() not in (None, before))
        plan = window.ofile.ws.get("plan", window.current_plan_id())
        self.step("new_plan", {"title": plan["title"], "doc_type": plan["doc_type"],
                               "sections": len(window.ofile.ws.list("section", plan["id"]))})

    def fill_field(self, window) -> None:
        page = window.editor.show_page("metadata")
        line = page.form.editor("diarienummer").line
        self.click(line)
        self.key("ctrl+a")
        self.type(DNR)
        self.key("Tab")
        self.wait("the number stored", lambda: window.ofile.ws.get("plan", window.current_plan_id())["diarienummer"])
        self.shot("3-metadata")
        self.step("field", window.ofile.ws.get("plan", window.current_plan_id())["diarienummer"])

    def add_item(self, window) -> None:
        page = window.editor.show_page("timeline")
        before = len(window.ofile.ws.list("timeline", window.current_plan_id()))
        self.click(page.add_button)
        self.wait("the new item", lambda: len(window.ofile.ws.list("timeline", window.current_plan_id())) > before)
        line = page.form.editor("title").line
        self.click(line)
        self.key("ctrl+a")
        self.type(ITEM)
        self.key("Return")
        titles = lambda: [i["title"] for i in window.ofile.ws.list("timeline", window.current_plan_id())]  # noqa: E731
        self.wait("the item's title stored", lambda: ITEM in titles())
        self.shot("4-schedule")
        self.step("items", {"before": before, "after": len(titles()), "titles": titles()})

    def undo_redo(self, window) -> None:
        def number() -> str:
            return window.ofile.ws.get("plan", window.current_plan_id())["diarienummer"]

        page = window.editor.show_page("metadata")
        line = page.form.editor("diarienummer").line
        self.click(line)  # the cursor in a field: Ctrl+Z still undoes the app's edits
        undone = []
        for _ in range(2):  # the item's title, then the item, back to the number
            self.key("ctrl+z")
        window.editor.show_page("metadata")
        self.click(line)
        self.key("ctrl+z")
        self.wait("the number undone", lambda: number() == "")
        undone.append(number())
        self.step("undo_text", window.actions_["redo"].text())
        self.key("ctrl+y")
        self.wait("the number redone", lambda: number() == DNR)
        self.wait("the field showing it", lambda: line.text() == DNR)
        undone.append(number())
        self.key("ctrl+shift+z")  # the item back, as the other redo key
        self.key("ctrl+shift+z")
        items = [i["title"] for i in window.ofile.ws.list("timeline", window.current_plan_id())]
        self.step("undo_redo", {"after_undo": undone[0], "after_redo": undone[1], "field": line.text(),
                                "items": items, "undo_text": window.actions_["undo"].text()})

    def on_the_timeline(self, window) -> None:
        """The new item given a start date in the Schedule's form, then the Timeline tab (clicked): the item
        chosen by keyboard on the chart and moved a week later."""
        ws = window.ofile.ws
        [item] = [i for i in ws.list("timeline", window.current_plan_id()) if i["title"] == ITEM]
        page = window.editor.show_page("timeline")
        index = page.model.index(page.model.row_of(item["id"]), 2)
        self.click_at(page.view.viewport(), page.view.visualRect(index).center())
        line = page.form.editors["start"].edit.line
        self.click(line)
        self.key("ctrl+a")
        self.type("2026-09-01")
        self.key("Tab")
        self.wait("the start stored", lambda: ws.get("timeline", item["id"])["start"] is not None)
        tabs = window.editor.tabs
        gantt = window.editor._keys.index("gantt")  # the tabs in their order
        self.click_at(tabs.tabBar(), tabs.tabBar().tabRect(gantt).center())
        self.wait("the Timeline tab", lambda: tabs.currentIndex() == gantt)
        panel = window.editor.show_page("gantt")
        view = panel.view
        self.click(panel.table)
        self.key("Tab")
        self.wait("the chart's focus", view.hasFocus)
        display = view.layout_rows.display_of[view.layout_rows.data.index[item["id"]]]
        for _ in range(60):
            if view.current == display:
                break
            self.key("Down")
        start = ws.get("timeline", item["id"])["start"]
        self.shot("5-timeline")
        self.key("shift+Right")
        self.wait("the item moved", lambda: ws.get("timeline", item["id"])["start"] != start)
        moved = ws.get("timeline", item["id"])["start"]
        self.step("moved", {"before": str(start.first_day) if start else None, "after": str(moved.first_day)})

    def decision(self, window) -> None:
        """Schedule: the first decision point chosen in the table, Registrera beslut…, filled in, registered."""
        page = window.editor.show_page("timeline")
        ws = window.ofile.ws
        point = next(i for i in ws.list("timeline", window.current_plan_id()) if i["kind"] == "decision_point")
        row = page.model.row_of(point["id"])
        table = page.view
        table.scrollTo(page.model.index(row, 1))
        self.click_at(table.viewport(), table.visualRect(page.model.index(row, 1)).center())
        self.wait("the point chosen", lambda: page.decision_button.isEnabled())

        def fill(dialog: QWidget) -> None:
            self.click(dialog.diarienummer)  # type: ignore[attr-defined]
            self.type(DECISION_DNR)
            self.shot("6-decision")
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            self.click(ok)

        before = len(ws.list("log", window.current_plan_id()))
        self.expect_modal(fill)
        self.click(page.decision_button)
        self.wait("the decision in the log", lambda: len(ws.list("log", window.current_plan_id())) > before)
        self.back_to(window)
        logged = ws.list("log", window.current_plan_id())
        self.step("decision", {"logged": [str(e) for e in logged if DECISION_DNR in str(e)],
                               "point": ws.get("timeline", point["id"])["status"]})

    def share(self, window) -> None:
        """Arkiv → Skicka plan som fil…, the colleague adds an item to her copy, Arkiv → Importera från annan fil…"""
        sent = Path(os.environ["HOME"]) / "to-colleague.uppdrag"

        def save_as(dialog: QWidget) -> None:
            self.key("ctrl+a")
            self.type(str(sent))
            self.key("Return")

        self.expect_modal(save_as)
        self.choose(window, "send_plan")
        self.wait("the plan sent", sent.exists)
        self.back_to(window)
        texts = self.report["texts"]
        assert isinstance(texts, list)
        texts.append(["status bar", "sent", window.statusBar().currentMessage()])
        subprocess.run([sys.executable, "-c", COLLEAGUE, str(sent), COLLEAGUE_ITEM], check=True, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
        self.expect_modal(save_as)
        self.choose(window, "merge")
        titles = lambda: [i["title"] for i in window.ofile.ws.list("timeline", window.current_plan_id())]  # noqa: E731
        self.wait("the colleague's item", lambda: COLLEAGUE_ITEM in titles())
        self.back_to(window)
        texts.append(["status bar", "merged", window.statusBar().currentMessage()])
        self.shot("8-merged")
        self.step("share", {"sent": str(sent), "items": titles()})

    def export(self, window) -> None:
        target = Path(os.environ["HOME"]) / "export.docx"

        def choose(dialog: QWidget) -> None:
            if isinstance(dialog, QFileDialog):
                self.shot("7-save-dialog")
                self.key("ctrl+a")
                self.type(str(target))
                self.expect_modal(after)
                self.key("Return")
            else:
                after(dialog)

        def after(dialog: QWidget) -> None:  # the registrar's remarks, then "open the file?"
            if isinstance(dialog, QMessageBox) and dialog.button(QMessageBox.StandardButton.No) is not None:
                self.shot("7-open-after")
                self.click(dialog.button(QMessageBox.StandardButton.No))
            elif isinstance(dialog, QMessageBox):  # the export's remarks
                self.shot("7-exported")
                self.expect_modal(after)
                self.key("Return")
            elif isinstance(dialog, QDialog) and hasattr(dialog, "export_button"):
                self.shot("7-registrar")
                self.expect_modal(choose)
                self.click(dialog.export_button)

        self.expect_modal(choose)
        self.key("ctrl+e")
        self.wait("the Word file", target.exists)
        self.back_to(window)
        self.step("export", str(target))

    def tabs(self, window) -> None:
        tabs = window.editor.tabs
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QTest.qWait(100)
            self.collect(f"tab {tabs.tabText(i)}", tabs.widget(i))
        self.collect("window", window)
        texts = self.report["texts"]
        assert isinstance(texts, list)
        for menu_action in window.menuBar().actions():
            texts += [["menu", menu_action.text(), a.text()] for a in menu_action.menu().actions()]
        texts.append(["status bar", "message", window.statusBar().currentMessage()])
        self.shot("9-end")


def main() -> int:
    report = Path(sys.argv[1])
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    from ui import entry

    app = QApplication(["uppdrag"])  # ui.main.run takes the application that is there
    driver = Driver(report, shots)
    QTimer.singleShot(0, driver.walk)
    code = entry.main([])
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())
