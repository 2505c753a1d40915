"""Every dialog of the ui, Qt's own dialogs and buttons, the status bar's texts for a file and a network
file, and the month names, in each language: a word of the other language fails (tests/ui/wrong_language).

What the dialogs show comes from a real file with a frozen edition and some history, a conflicting copy,
backups and a workbook, so their tables and lists are filled as a person sees them. A dialog class added
to ui/ and not opened here fails the first test.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLabel, QMessageBox, QWidget

import ui
from app.plans import list_plans
from db.backup import make_session_backup
from test_language import _chrome_texts
from test_sharing_dialogs import _conflicting_pair
from ui.errors import show_error
from wrong_language import english_in, swedish_in, wrong_in

LANGUAGES = ["sv", "en"]
SHOW_ERROR = show_error  # the real one: the window's fixture replaces it with a recorder
STANDARD_BUTTONS = [QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Save, QMessageBox.StandardButton.SaveAll,
                    QMessageBox.StandardButton.Open, QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.YesToAll,
                    QMessageBox.StandardButton.No, QMessageBox.StandardButton.NoToAll, QMessageBox.StandardButton.Abort,
                    QMessageBox.StandardButton.Retry, QMessageBox.StandardButton.Ignore,
                    QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Help,
                    QMessageBox.StandardButton.Apply, QMessageBox.StandardButton.Reset,
                    QMessageBox.StandardButton.RestoreDefaults]


def _ui_dialog_classes() -> set[str]:
    """Every QDialog subclass defined in a ui module (a base class of others aside)."""
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        if not info.name.endswith(("__main__", "i18n_build")):
            importlib.import_module(info.name)
    found = set()
    todo = list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("ui.") and not cls.__name__.startswith("_"):
            found.add(f"{cls.__module__}.{cls.__name__}")
    return found


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """What a dialog shows of its own: its title, the widgets' texts, and the choices in its lists."""
    out = [("window title", root.windowTitle()), *_chrome_texts(root)]
    for combo in root.findChildren(QComboBox):
        if combo.objectName() not in USER_LISTS:
            out += [(f"{combo.objectName() or combo.accessibleName()} choice", combo.itemText(i))
                    for i in range(combo.count())]
    return out


# Lists of what the user or the file named: sheets and columns of a workbook, items, people, owners, units.
USER_LISTS = {"sheetCombo", "itemCombo", "personBox", "overviewOrganisation", "overviewOwner", "unitFilter",
              *(f"column_{field}" for field in ("code", "comment", "description", "end", "kind", "progress",
                                                "responsible", "start", "status", "title", "uuid"))}


class Scene:
    """The window on a file with an edition, history, backups and a colleague's conflicting copy."""

    def __init__(self, window, tmp_path: Path) -> None:
        from app.editions import freeze_edition

        self.window, self.tmp_path = window, tmp_path
        self.ws, self.plan = window.ofile.ws, window.editor.plan_id
        self.ws.update("plan", self.plan, diarienummer="KS 2026/1")
        freeze_edition(self.ws, self.plan, "1.0", "")
        self.ws.update("plan", self.plan, diarienummer="KS 2026/2")
        make_session_backup(self.ws.path)
        self.point = next(r for r in self.ws.list("timeline", self.plan) if r["kind"] == "decision_point")
        self.user = {p.title for p in list_plans(self.ws)} | {r["title"] for r in self.ws.list("timeline", self.plan)}


def _workbook(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Uppgift", "Från", "Till"])
    wb.active.append(["Intervjuer", "2026-01-05", "2026-02-01"])
    wb.save(path)
    return path


def _dialogs(scene: Scene) -> dict[str, Callable[[], QDialog]]:
    """Each dialog class of ui/ by its qualified name, made as the window makes it."""
    from app.importers import preview_table
    from app.change_history import plan_history
    from ui.dialogs import (about_dialog, anonymise_dialog, closed_days_dialog, decision_dialog, edition_dialogs,
                            help_dialog, history_dialog, new_plan, registrar_dialog, report_interval_dialog,
                            steering_dialog, table_import_dialog)
    from ui.editor.dependency_box import DependencyDialog
    from ui.portfolio import PortfolioDialog
    from ui.risks.settings_dialog import RiskSettingsDialog

    w, ws, plan, tmp = scene.window, scene.ws, scene.plan, scene.tmp_path
    book = _workbook(tmp / "lista.xlsx")
    items = [(r["id"], r["title"]) for r in ws.list("timeline", plan)]
    return {
        "ui.dialogs.about_dialog.AboutDialog": lambda: about_dialog.AboutDialog(w),
        "ui.dialogs.anonymise_dialog.AnonymiseDialog": lambda: anonymise_dialog.AnonymiseDialog(ws, w),
        "ui.dialogs.closed_days_dialog.ClosedDaysDialog": lambda: closed_days_dialog.ClosedDaysDialog([], parent=w),
        "ui.dialogs.decision_dialog.ChecklistDialog": lambda: decision_dialog.ChecklistDialog(scene.point, w),
        "ui.dialogs.decision_dialog.DecisionDialog": lambda: decision_dialog.DecisionDialog(scene.point, w),
        "ui.dialogs.edition_dialogs.FreezeEditionDialog": lambda: edition_dialogs.FreezeEditionDialog(ws, plan, w),
        "ui.dialogs.edition_dialogs.CompareEditionsDialog": lambda: edition_dialogs.CompareEditionsDialog(ws, plan, w),
        "ui.dialogs.help_dialog.HelpDialog": lambda: help_dialog.HelpDialog(w),
        "ui.dialogs.history_dialog.HistoryDialog": lambda: history_dialog.HistoryDialog(
            "", plan_history(ws, plan), w),
        "ui.dialogs.new_plan.NewPlanDialog": lambda: new_plan.NewPlanDialog(items[:1], w),
        "ui.dialogs.preview_dialog.PreviewDialog": lambda: _preview(w),
        "ui.dialogs.registrar_dialog.RegistrarDialog": lambda: registrar_dialog.RegistrarDialog([], w),
        "ui.dialogs.report_interval_dialog.ReportIntervalDialog": lambda: report_interval_dialog.ReportIntervalDialog(
            30, parent=w),
        "ui.dialogs.steering_dialog.ChangeModelDialog": lambda: steering_dialog.ChangeModelDialog(ws, plan, w),
        "ui.dialogs.table_import_dialog.TableImportDialog": lambda: table_import_dialog.TableImportDialog(
            book.name, lambda sheet, table: preview_table(book, sheet, table), lambda table: {}, w),
        "ui.editor.dependency_box.DependencyDialog": lambda: DependencyDialog(items, {}, "", w),
        "ui.portfolio.PortfolioDialog": lambda: PortfolioDialog(w.ofile, "overview", w),
        "ui.risks.settings_dialog.RiskSettingsDialog": lambda: RiskSettingsDialog(ws, w),
        **_file_dialogs(scene),
    }


def _file_dialogs(scene: Scene) -> dict[str, Callable[[], QDialog]]:
    """The dialogs of a file and a server: a problem, a conflict, backups, a lock, a server's address and
    password, taking plans offline."""
    from app.merge import merge_files
    from db.lock import LockInfo
    from ui.dialogs import file_problem_dialog, sharing_dialogs
    from ui.server_actions import PasswordDialog, ServerDialog
    from ui.team_actions import CheckoutDialog

    w, ws, tmp = scene.window, scene.ws, scene.tmp_path
    beat = datetime.now(UTC).isoformat()

    def conflicts():
        """A colleague's copy in conflict. The models follow the file opened last: the window's again after."""
        mine, theirs = _conflicting_pair(tmp / "par")
        try:
            return merge_files(mine, theirs, prefer="mine", dry_run=True).conflicts
        finally:
            ws.store.activate()

    (tmp / "par").mkdir()
    return {
        "ui.dialogs.file_problem_dialog.FileProblemDialog": lambda: file_problem_dialog.FileProblemDialog(
            ws.path, "", w, opened=True),
        "ui.dialogs.sharing_dialogs.ConflictDialog": lambda: sharing_dialogs.ConflictDialog(conflicts(), w),
        "ui.dialogs.sharing_dialogs.BackupsDialog": lambda: sharing_dialogs.BackupsDialog(ws.path, w),
        "ui.dialogs.sharing_dialogs.LockedFileDialog": lambda: sharing_dialogs.LockedFileDialog(
            ws.path, LockInfo("karin", "annan-dator", 4242, beat, beat), w),
        "ui.server_actions.ServerDialog": lambda: ServerDialog("postgresql://", w),
        "ui.server_actions.PasswordDialog": lambda: PasswordDialog("server.example", w),
        "ui.team_actions.CheckoutDialog": lambda: CheckoutDialog(3, None, w),
    }


def _preview(window) -> QDialog:
    window.findChild(QAction, "actionPreview").trigger()
    return window.preview_dialog


def _switch(window, language: str) -> None:
    window.findChild(QAction, f"actionLanguage_{language}").trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _wrong(seen: list[tuple[str, str]], language: str, user: set[str]) -> list[str]:
    def shown(text: str) -> str:
        """Without what the user or the file wrote: its titles, quoted values and file names."""
        for typed in sorted(user, key=len, reverse=True):
            text = text.replace(typed, "")
        text = re.sub(r"[”“][^”“]*[”“]", "", text)
        return re.sub(r"\S+\.(uppdrag|xlsx)\b", "", text)

    return sorted({f"{where}: {text}  [{', '.join(wrong_in(shown(text), language))}]"
                   for where, text in seen if wrong_in(shown(text), language)})


def test_every_dialog_of_the_ui_is_opened_here(qtbot, window, tmp_path: Path) -> None:
    assert _ui_dialog_classes() == set(_dialogs(Scene(window, tmp_path)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_dialog_speaks_the_language_chosen(qtbot, window, tmp_path: Path, language: str) -> None:
    scene = Scene(window, tmp_path)
    _switch(window, language)
    seen: list[tuple[str, str]] = []
    for name, make in _dialogs(scene).items():
        dialog = make()
        if not dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose):
            qtbot.addWidget(dialog)
        if name.endswith("PortfolioDialog"):
            for key in ("overview", "timeline", "risks", "resources"):
                other = type(dialog)(window.ofile, key, window)
                qtbot.addWidget(other)
                seen += [(f"{name}/{key} {where}", text) for where, text in _texts(other)]
        seen += [(f"{name} {where}", text) for where, text in _texts(dialog)]
        assert len(_texts(dialog)) > 2, name
        dialog.close()
    wrong = _wrong(seen, language, scene.user)
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_qt_own_dialogs_and_the_message_boxes_speak_the_language_chosen(qtbot, window, monkeypatch,
                                                                        language: str) -> None:
    from ui.dialogs import confirm, files
    from ui.team_actions import Progress

    _switch(window, language)
    seen: list[tuple[str, str]] = []

    def shown(box: QMessageBox) -> int:
        seen.extend(_texts(box))
        seen.extend(("button", b.text()) for b in box.buttons())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", shown)
    confirm.ask(window, "")
    SHOW_ERROR(window, "")
    files.show_import_summary(window, [""])
    every = QMessageBox(window)  # every standard button Qt has, as a question (Ja/Nej …) shows them
    every.setStandardButtons(QMessageBox.StandardButton(sum(b.value for b in STANDARD_BUTTONS)))
    qtbot.addWidget(every)
    shown(every)
    dialog = QFileDialog(window, "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    seen += _texts(dialog)
    progress = Progress(window, "", 0)
    seen += _texts(progress.dialog)
    progress.close()
    assert len([t for _, t in seen if t]) > 40
    wrong = _wrong(seen, language, set())
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_status_bar_and_month_names_speak_the_language_chosen(qtbot, window, language: str) -> None:
    from PySide6.QtCore import QLocale

    from ui import i18n, sync_status

    _switch(window, language)
    texts = [sync_status._location_text(k) for k in ("local", "network", "server")]
    texts += [sync_status._state_text(s) for s in
              ("saved", "pending", "saving", "failed", "blocked", "merged", "read_only")]
    texts += [i18n.month_name(m, short=short) for m in range(1, 13) for short in (False, True)]
    texts += [QLocale().monthName(m) for m in range(1, 13)] + [QLocale().dayName(d) for d in range(1, 8)]
    texts += [window.statusBar().findChild(QLabel, "locationLabel").text()]
    assert [t for t in texts if wrong_in(t, language)] == []
    assert i18n.month_name(10) == ("October" if language == "en" else "oktober")


def test_the_word_lists_find_the_other_language() -> None:
    assert swedish_in("Open the file") == [] and swedish_in("Ny plan") == ["Ny"]
    assert swedish_in("Visa filen och planen") == ["Visa", "filen", "och", "planen"]
    assert swedish_in("Utgåva 1.0") == ["Utgåva"] and swedish_in("Ta bort") == ["Ta bort"]
    assert english_in("Öppna filen") == [] and english_in("&Look in:") == ["Look in"]
    assert english_in("Spara eller Cancel") == ["Cancel"] and english_in("Ändra datum för planen") == []
    assert english_in("Om Uppdrag") == [] and swedish_in("About Uppdrag") == []  # the program's name
    assert swedish_in("Svenska") == [] and english_in("English") == []  # each language names itself
    assert swedish_in('<a href="help">New here? Read Getting started</a>') == []  # markup is not shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_right_click_menus_and_the_chart_read_out_speak_the_language_chosen(qtbot, window, language: str) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    from ui.timeline import item_menu

    scene = Scene(window, window.ofile.path.parent)
    items = [r for r in scene.ws.list("timeline", scene.plan) if r["start"] is not None]
    scene.ws.add("dependency", predecessor=items[0]["id"], successor=items[1]["id"], lag=2, lag_unit="week")
    _switch(window, language)
    panel = window.editor.show_page("gantt")
    view = panel.view
    view.set_current(view.layout_rows.display_of[view.layout_rows.data.index[items[1]["id"]]])
    menus = [item_menu.item_menu(view, view.layout_rows.row(view.current))]
    schedule = window.editor.show_page("timeline")
    schedule.select_row(schedule.model.row_of(items[1]["id"]))
    schedule.dependencies._menu(QPoint(0, 0))
    menus += [m for m in schedule.dependencies.findChildren(QMenu) if m.isVisible()]
    seen = [("menu", a.text()) for menu in menus for a in menu.actions()]
    seen += [("submenu", a.text()) for menu in menus for a in menu.actions() if a.menu()
             for a in a.menu().actions()]
    seen += [("chart, read out", view.describe(d)) for d in range(len(view.layout_rows))]
    seen += [("dependency", schedule.dependencies.list.item(i).text())
             for i in range(schedule.dependencies.list.count())]
    for menu in menus:
        menu.close()
    assert len(seen) >= 8
    wrong = _wrong(seen, language, scene.user)
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_risk_matrix_and_the_scores_name_their_levels_in_the_language_chosen(qtbot, window, language) -> None:
    from ui.risks.matrix import RiskMatrixView

    _switch(window, language)
    panel = window.editor.show_page("risk")
    matrix = panel.findChild(RiskMatrixView)
    model = panel.model
    seen = [("axis", t) for t in matrix._left_labels() + matrix._bottom_labels()]
    seen += [("cell read out", matrix.describe((p, i))) for p in (1, 4) for i in (1, 4)]
    seen += [("score tooltip", model.headerData(model.column_of(name), Qt.Orientation.Horizontal,
                                                 Qt.ItemDataRole.ToolTipRole)) for name in ("probability", "impact")]
    assert ("axis", "4 Catastrophic" if language == "en" else "4 Katastrofal") in seen
    wrong = _wrong(seen, language, set())
    assert wrong == [], "\n".join(wrong)
