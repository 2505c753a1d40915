"""The main window: the plan list with search beside the open plan's editor, menus and status bar."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QLabel, QLineEdit, QMainWindow, QMenu, QSplitter, QStackedWidget, QTreeView, QVBoxLayout, QWidget,
)

from app.search_index import SearchIndex
from ui import i18n
from ui.document import OpenFile
from ui.editor.plan_editor import PlanEditor
from ui.errors import expected_errors, show_expected
from ui.first_paint import after_first_paint
from ui.i18n import translate
from ui.palette import error_style
from ui.plan_list import PLAN_ID_ROLE, PlanListModel, PlanRow
from ui.settings import AppSettings

if TYPE_CHECKING:
    from app.workspace import Change, Workspace


# The menus' actions load their modules (and those the dialogs) when first used, not at start.
def _file_actions() -> ModuleType:
    from ui import file_actions

    return file_actions


def _server_actions() -> ModuleType:
    from ui import server_actions

    return server_actions


def _anonymise_dialog() -> ModuleType:
    from ui.dialogs import anonymise_dialog

    return anonymise_dialog


def _sharing_actions() -> ModuleType:
    from ui import sharing_actions

    return sharing_actions


def _team_actions() -> ModuleType:
    from ui import team_actions

    return team_actions


class MainWindow(QMainWindow):
    MESSAGE_MS = 15000  # how long an error stays in the status bar

    def __init__(self, settings: AppSettings):
        super().__init__()
        self.settings = settings
        self.ofile: OpenFile | None = None
        self.editor: PlanEditor | None = None
        self._index = SearchIndex()
        self._revealing = False
        self._index_stale = False
        self._portfolio_windows: list = []
        self.booking_warner = None
        self.heartbeat = None
        self.watcher = None
        self.integrity_watch = None
        self.sync = None
        self._checked_out = False  # the open file was taken offline from a team server (Synkronisera)
        self.backups = QThreadPool(self)  # the session backup's thread (ui.session.backup_in_background)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self.search_timer.start())
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)
        self.search_timer.timeout.connect(self.refresh_list)
        # An error shown in the status bar is red until its message times out; the window's own timer,
        # so that it stops with the window.
        self.message_colour_timer = QTimer(self)
        self.message_colour_timer.setSingleShot(True)
        self.message_colour_timer.setInterval(self.MESSAGE_MS)
        self.message_colour_timer.timeout.connect(lambda: self.statusBar().setStyleSheet(""))
        self.plan_model = PlanListModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("planTree")
        self.tree.setModel(self.plan_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().currentChanged.connect(self._plan_chosen)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("planCount")
        self.count_label.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.count_label)

        from ui.empty_state import EmptyState

        self.placeholder = EmptyState(self)
        self.problem_dialog = None  # the open FileProblemDialog (ui.file_actions.file_problem)
        self.help_link = self.placeholder.help_link  # the empty window also leads to the guide
        self.help_link.linkActivated.connect(lambda _link: self.show_help())
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 1120])
        self.setCentralWidget(self.splitter)

        self.file_label = QLabel(self)
        self.file_label.setObjectName("fileLabel")
        self.statusBar().addPermanentWidget(self.file_label)

        self.build_menus()
        self.retranslate_static()
        from ui.undo_keys import UndoKeys

        self.undo_keys = UndoKeys(self._answers_for, self.undo, self.redo, self)
        self.resize(1400, 900)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        if settings.splitter is not None:
            self.splitter.restoreState(settings.splitter)

    # --- menus ---------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def build_menus(self) -> None:
        """(Re)build every menu in the current language."""
        from app.exporters import EXPORTERS

        bar = self.menuBar()
        bar.clear()
        for old in (*bar.findChildren(QMenu), *getattr(self, "actions_", {}).values()):  # the previous language's
            old.deleteLater()
        self.actions_: dict[str, QAction] = {}
        a = self.actions_
        m = bar.addMenu(translate("MainWindow", "&Arkiv"))
        a["new_plan"] = self._action(m, translate("MainWindow", "&Ny plan…"), lambda: _file_actions().new_plan(self),
                                     QKeySequence.StandardKey.New, "actionNewPlan")
        a["new_file"] = self._action(m, translate("MainWindow", "&Ny databasfil…"), lambda: _file_actions().new_file(self),
                                     "Ctrl+Shift+N", "actionNewFile")
        a["open"] = self._action(m, translate("MainWindow", "&Öppna…"), lambda: _file_actions().open_file_dialog(self),
                                 QKeySequence.StandardKey.Open, "actionOpen")
        self.recent_menu = m.addMenu(translate("MainWindow", "&Senast öppnade"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        a["open_server"] = self._action(m, translate("MainWindow", "Öppna se&rver…"),
                                        lambda: _server_actions().open_server_dialog(self), None, "actionOpenServer")
        self.recent_servers_menu = m.addMenu(translate("MainWindow", "Senaste ser&vrar"))
        self.recent_servers_menu.setObjectName("recentServersMenu")
        self.recent_servers_menu.aboutToShow.connect(
            lambda: _server_actions().fill_recent_servers(self, self.recent_servers_menu))
        self.recent_servers_menu.setEnabled(bool(self.settings.recent_servers))
        a["checkout"] = self._action(m, translate("MainWindow", "Ta med o&ffline…"),
                                     lambda: _team_actions().checkout_to_file(self), "Ctrl+Shift+O", "actionCheckout")
        a["sync"] = self._action(m, translate("MainWindow", "S&ynkronisera"), lambda: _team_actions().sync_now(self),
                                 "F9", "actionSync")
        a["save_copy"] = self._action(m, translate("MainWindow", "Spara &kopia som…"),
                                      lambda: _file_actions().save_copy(self), "Ctrl+Shift+S", "actionSaveCopy")
        a["send_plan"] = self._action(m, translate("MainWindow", "Skicka plan som &fil…"),
                                      lambda: _sharing_actions().send_plan(self), None, "actionSendPlan")
        a["merge"] = self._action(m, translate("MainWindow", "Importera från &annan fil…"),
                                  lambda: _sharing_actions().merge_from_file(self), None, "actionMerge")
        a["restore"] = self._action(m, translate("MainWindow", "Återställ från säker&hetskopia…"),
                                    lambda: _sharing_actions().restore_from_backup(self), None, "actionRestore")
        m.addSeparator()
        a["import"] = self._action(m, translate("MainWindow", "&Importera plan (JSON)…"),
                                   lambda: _file_actions().import_json(self), "Ctrl+I", "actionImport")
        a["import_table"] = self._action(m, translate("MainWindow", "Importera a&ktiviteter eller risker (CSV, Excel)…"),
                                         lambda: _file_actions().import_table(self), None, "actionImportTable")
        texts = {".docx": translate("MainWindow", "Exportera till &Word…"), ".pdf": translate("MainWindow", "Exportera till &PDF…"),
                 ".json": translate("MainWindow", "Exportera som &JSON…")}
        for suffix in (".docx", ".pdf", ".json"):
            if suffix in EXPORTERS:
                a["export" + suffix] = self._action(m, texts[suffix],
                                                    lambda _=False, s=suffix: _file_actions().export(self, s),
                                                    "Ctrl+E" if suffix == ".docx" else None, "actionExport" + suffix[1:])
        a["preview"] = self._action(m, translate("MainWindow", "&Förhandsgranska…"), self.show_preview, "Ctrl+Shift+P",
                                    "actionPreview")
        a["export_checklists"] = self._action(
            m, translate("MainWindow", "Exportera till Word med &checklistor…"),
            lambda _=False: _file_actions().export(self, ".docx", checklists=True), None, "actionExportChecklists")
        for suffix, (label, _fn) in EXPORTERS.items():
            if suffix not in texts:
                a["export" + suffix] = self._action(
                    m, translate("MainWindow", "Exportera som %1…").replace("%1", label),
                    lambda _=False, s=suffix: _file_actions().export(self, s))
        a["export_portfolio.ics"] = self._action(
            m, translate("MainWindow", "Exportera alla planer som &kalender…"),
            lambda _=False: _file_actions().export(self, ".ics", portfolio=True), None, "actionExportPortfolioIcs")
        a["export_portfolio.xlsx"] = self._action(
            m, translate("MainWindow", "Exportera alla planer som &riskarbetsbok…"),
            lambda _=False: _file_actions().export(self, ".xlsx", portfolio=True), None, "actionExportPortfolioXlsx")
        m.addSeparator()
        a["quit"] = self._action(m, translate("MainWindow", "A&vsluta"), self.close, QKeySequence.StandardKey.Quit, "actionQuit")

        m = bar.addMenu(translate("MainWindow", "&Redigera"))
        a["undo"] = self._action(m, translate("MainWindow", "&Ångra"), self.undo, QKeySequence.StandardKey.Undo, "actionUndo")
        a["redo"] = self._action(m, translate("MainWindow", "&Gör om"), self.redo, "Ctrl+Y", "actionRedo")
        a["redo"].setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        m.addSeparator()
        a["copy_plan"] = self._action(m, translate("MainWindow", "&Kopiera plan"), lambda: _file_actions().copy_current_plan(self),
                                      None, "actionCopyPlan")
        a["delete_plan"] = self._action(m, translate("MainWindow", "&Ta bort plan…"), lambda: _file_actions().delete_plan(self),
                                        None, "actionDeletePlan")
        m.addSeparator()
        a["freeze"] = self._action(m, translate("MainWindow", "&Frys utgåva…"), lambda: _sharing_actions().freeze_edition(self),
                                   None, "actionFreezeEdition")
        a["compare"] = self._action(m, translate("MainWindow", "&Jämför utgåvor…"),
                                    lambda: _sharing_actions().compare_editions(self), None, "actionCompareEditions")
        a["steering_model"] = self._action(m, translate("MainWindow", "Byt st&yrmodell…"),
                                           lambda: _sharing_actions().change_steering_model(self), None,
                                           "actionChangeSteeringModel")
        a["read_model"] = self._action(m, translate("MainWindow", "&Läs in styrmodell…"),
                                       lambda: _sharing_actions().read_steering_model(self), None,
                                       "actionReadSteeringModel")
        a["anonymise"] = self._action(m, translate("MainWindow", "Ta bort &personuppgifter…"),
                                      lambda: _anonymise_dialog().remove_personal_data(self), None,
                                      "actionRemovePersonalData")
        m.addSeparator()
        a["find"] = self._action(m, translate("MainWindow", "&Sök"), self.focus_search, QKeySequence.StandardKey.Find, "actionFind")

        m = bar.addMenu(translate("MainWindow", "&Visa"))
        a["portfolio_timeline"] = self._action(m, translate("MainWindow", "Portföljens &tidslinje"),
                                               lambda: self.show_portfolio("timeline"), "Ctrl+Shift+T",
                                               "actionPortfolioTimeline")
        a["portfolio_risks"] = self._action(m, translate("MainWindow", "Portföljens risk&matris"),
                                            lambda: self.show_portfolio("risks"), "Ctrl+Shift+R", "actionPortfolioRisks")
        a["portfolio_resources"] = self._action(m, translate("MainWindow", "&Resursbelastning"),
                                                lambda: self.show_portfolio("resources"), "Ctrl+Shift+L",
                                                "actionPortfolioResources")

        m = bar.addMenu(translate("MainWindow", "&Inställningar"))
        lang = m.addMenu(translate("MainWindow", "&Språk"))
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = self._action(lang, name, lambda _=False, c=code: self.set_language(c), None, f"actionLanguage_{code}")
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
            group.addAction(action)
        m = bar.addMenu(translate("MainWindow", "&Hjälp"))
        a["help"] = self._action(m, translate("MainWindow", "&Kom igång"), self.show_help,
                                 QKeySequence.StandardKey.HelpContents, "actionHelp")
        a["about"] = self._action(m, translate("MainWindow", "&Om Uppdrag"), self.show_about, None, "actionAbout")
        self.update_actions()

    def show_preview(self) -> None:
        from ui.dialogs.preview_dialog import open_preview

        open_preview(self)

    def show_help(self) -> None:
        from ui.dialogs.help_dialog import show_help

        self.help_dialog = show_help(self)

    def show_about(self) -> None:
        from ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def update_actions(self) -> None:
        a = self.actions_
        has_file = self.ofile is not None
        writable = has_file and not self.ofile.read_only
        plan = self.current_plan_id() is not None
        a["undo"].setEnabled(has_file and self.ofile.stack.canUndo())
        a["redo"].setEnabled(has_file and self.ofile.stack.canRedo())
        for key in ("new_plan", "import"):
            a[key].setEnabled(writable)
        for key in ("copy_plan", "delete_plan", "import_table"):
            a[key].setEnabled(writable and plan)
        on_file = has_file and not self.ofile.ws.on_server  # a server is copied and backed up by IT
        a["save_copy"].setEnabled(on_file)
        a["restore"].setEnabled(on_file)
        a["compare"].setEnabled(plan)
        a["merge"].setEnabled(writable and on_file)
        a["checkout"].setEnabled(has_file and self.ofile.ws.on_server)
        a["sync"].setEnabled(writable and self._checked_out)
        a["anonymise"].setEnabled(writable and on_file)
        a["send_plan"].setEnabled(plan)
        a["preview"].setEnabled(plan)
        a["freeze"].setEnabled(writable and plan)
        a["steering_model"].setEnabled(writable and plan)
        a["read_model"].setEnabled(writable)
        for key in ("portfolio_timeline", "portfolio_risks", "portfolio_resources"):
            a[key].setEnabled(has_file)
        for key, action in a.items():
            if key.startswith("export"):
                action.setEnabled(has_file if key.startswith("export_portfolio") else plan)
        if has_file:
            a["undo"].setText(translate("MainWindow", "&Ångra %1").replace("%1", self.ofile.stack.undoText()).strip())
            a["redo"].setText(translate("MainWindow", "&Gör om %1").replace("%1", self.ofile.stack.redoText()).strip())
        self.update_empty_state()

    def update_empty_state(self) -> None:
        """What the place of the plan says when no plan is shown: what to do next, with the actions."""
        a = self.actions_
        if self.ofile is None:
            text = translate("MainWindow", "Ingen fil är öppen. Öppna en fil med uppdrag, eller skapa en ny fil.")
            actions = [a["open"], a["new_file"]]
        elif self.plan_model.plan_count() == 0 and not self.search.text().strip():
            if self.ofile.read_only:
                text = translate("MainWindow", "Filen är skrivskyddad och har inga planer. Öppna en annan fil, eller "
                                        "skapa en ny fil.")
                actions = [a["open"], a["new_file"]]
            else:
                text = translate("MainWindow", "Filen har inga planer ännu. Skapa en plan från en mall, eller importera "
                                        "en plan som någon har skickat som JSON.")
                actions = [a["new_plan"], a["import"]]
        elif self.ofile.read_only:
            text = translate("MainWindow", "Filen är skrivskyddad: välj en plan i listan till vänster för att läsa den. "
                                    "Vill du ändra i den, återställ en säkerhetskopia eller öppna en annan fil.")
            actions = [a["restore"], a["open"]]
        else:
            text = translate("MainWindow", "Välj en plan i listan till vänster, eller skapa en ny plan.")
            actions = [a["new_plan"]]
        self.placeholder.show_state(text, actions)

    def retranslate_static(self) -> None:
        self.search.setPlaceholderText(translate("MainWindow", "Sök i titlar, diarienummer och text (Ctrl+F)"))
        self.search.setAccessibleName(translate("MainWindow", "Sök planer"))
        self.tree.setAccessibleName(translate("MainWindow", "Planer"))
        self.help_link.setText('<a href="help">' + translate("MainWindow", "Ny här? Läs Kom igång (F1)") + "</a>")
        self.help_link.setAccessibleName(translate("MainWindow", "Kom igång"))
        self.update_title()

    def set_language(self, code: str) -> None:
        i18n.install_language(code)
        self.settings.language = code
        self.build_menus()
        self.retranslate_static()
        if self.sync is not None:
            self.sync.retranslate()
        self.refresh_list()
        if self.editor is not None:
            tab = self.editor.tabs.currentIndex()
            self.show_plan(self.editor.plan_id)
            if self.editor is not None:
                self.editor.tabs.setCurrentIndex(tab)

    # --- file ----------------------------------------------------------------

    def open_path(self, path: Path | str, *, read_only: bool = False) -> bool:
        """Open a file or a team server (a postgresql:// address); a refused one shows its message."""
        from app.team import location

        target = location(str(path))
        try:
            if self.ofile is not None:
                self.close_file()
            ofile = OpenFile.open(target, read_only=read_only, parent=self)
        except expected_errors() as exc:
            from app.errors import StoreError

            if isinstance(target, Path):  # a server that does not answer now is still remembered
                self.settings.forget_file(target)
            if isinstance(target, Path) and isinstance(exc, StoreError):  # the backups, another file, a new one
                _file_actions().file_problem(self, target, str(exc))
            else:
                show_expected(self, exc)
            self.update_actions()
            return False
        if ofile is None:
            return False
        self.set_file(ofile)
        return True

    def set_file(self, ofile: OpenFile) -> None:
        self.ofile = ofile
        ofile.events.changed.connect(self.on_change)
        ofile.events.error.connect(self.show_message)
        # An edit conflict's dialog opens once the edit's own signal handling is over (the editor reloads).
        ofile.events.conflict.connect(self.edit_conflict, Qt.ConnectionType.QueuedConnection)
        ofile.events.handles_conflicts = True
        from app.team import is_checked_out

        self._checked_out = is_checked_out(ofile.ws)
        ofile.stack.indexChanged.connect(lambda _i: self.update_actions())
        from ui.resources.warner import BookingWarner
        from ui.session import ExternalChangeWatcher, Heartbeat
        from ui.sync_status import SyncIndicator

        self.heartbeat = Heartbeat(ofile.ws, self)
        self.watcher = ExternalChangeWatcher(ofile.ws, self.changed_elsewhere, self)
        # The integrity check reads the whole file in a thread: started once the window is on
        # screen (or after a second if it is not shown), it does not slow the first paint.
        self.integrity_watch = None
        after_first_paint(self, lambda: self._watch_integrity(ofile))
        QTimer.singleShot(1000, self, lambda: self._watch_integrity(ofile))
        self.sync = SyncIndicator(ofile.ws, self.statusBar(), self)
        if not ofile.read_only:
            # The backup's thread would compete with start-up for the interpreter: start it once shown.
            after_first_paint(self, lambda: self._backup_if_open(ofile))
        # A network file is written back by a worker; a read-only view of one follows the share.
        after_first_paint(self, lambda: self.sync.start() if self.ofile is ofile else None)
        reason = getattr(getattr(ofile.ws, "sharing", None), "read_only_reason", None)
        if reason:
            self.statusBar().showMessage(reason, 20000)
        self.booking_warner = BookingWarner(ofile.ws, ofile.events)
        self.booking_warner.warning.connect(lambda text: self.statusBar().showMessage(text, 20000))
        # The search index is built once the window is on screen; a search typed (or a list
        # refresh with search text) before then builds it at once (see `index`).
        self._index_stale = True
        after_first_paint(self, self._ensure_index)
        if ofile.ws.on_server:
            self.settings.remember_server(str(ofile.path))
            self.recent_servers_menu.setEnabled(True)
        else:
            self.settings.remember_file(ofile.path)
        self._fill_recent()
        self.update_title()
        if ofile.ws.store.notices:  # a recovery (and where the copies are), a stray WAL set aside
            self.statusBar().showMessage(" ".join(ofile.ws.store.notices), 60000)
        elif ofile.ws.store.recovered:
            self.statusBar().showMessage(translate("MainWindow", "Filen hade ett avbrutet skrivförsök; senast sparade läge är återställt."), 15000)
        self.refresh_list()
        first = self._first_plan_index()
        if first.isValid():
            self.tree.setCurrentIndex(first)
        self.update_actions()

    def _watch_integrity(self, ofile: OpenFile) -> None:
        from ui.session import IntegrityWatch

        if self.ofile is ofile and self.integrity_watch is None:
            self.integrity_watch = IntegrityWatch(ofile.ws, self.file_damaged, self)

    def _backup_if_open(self, ofile: OpenFile) -> None:
        from ui.session import backup_in_background

        if self.ofile is ofile and not ofile.ws.on_server:  # not if closed (or replaced) meanwhile; IT backs up a server
            backup_in_background(ofile.ws.path, self.backups)  # a network file's working copy: the newest state

    def _ensure_index(self) -> None:
        if self._index_stale and self.ofile is not None:
            self._index_stale = False
            self._index.rebuild(self.ofile.ws)

    @property
    def index(self) -> SearchIndex:
        """The search index of the open file (built now if it has not been yet)."""
        self._ensure_index()
        return self._index

    def close_file(self) -> None:
        if self.ofile is None:
            return
        self._close_portfolio_windows()
        self._clear_editor()
        self.booking_warner = None
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if self.heartbeat is not None:
            self.heartbeat.timer.stop()
            self.heartbeat.deleteLater()
            self.heartbeat = None
        if self.sync is not None:
            self.sync.stop()
            self.sync = None
        self.backups.waitForDone()
        self._index.close()
        status = self.ofile.close()
        self.ofile = None
        self._checked_out = False
        self.plan_model.set_rows([])
        if status is not None and not status.all_written:
            from ui.errors import show_error

            show_error(self, status.message + ". " + translate(
                "MainWindow", "Dina ändringar finns kvar på den här datorn och skrivs tillbaka nästa gång "
                              "du öppnar filen."))

    def file_damaged(self, ws: Workspace, message: str) -> None:
        """The integrity check found damage: the file is now read-only; show it so and say what to do."""
        if self.ofile is None or self.ofile.ws is not ws:
            return  # another file was opened meanwhile
        self.reload_everything()
        self.update_title()
        _file_actions().file_problem(self, self.ofile.path, message, opened=True)

    def update_title(self) -> None:
        if self.ofile is None:
            self.setWindowTitle("Uppdrag")
            self.file_label.setText(translate("MainWindow", "Ingen fil öppen"))
            return
        path = self.ofile.path
        self.setWindowTitle(f"{path.name} – Uppdrag")
        if self.ofile.ws.on_server:
            text = translate("MainWindow", "Teamserver: %1 som %2").replace("%1", path.name).replace(
                "%2", self.ofile.ws.store.author)
        else:
            text = translate("MainWindow", "%1 i %2").replace("%1", path.name).replace("%2", str(path.parent))
        if self.ofile.read_only:
            text += " – " + translate("MainWindow", "skrivskyddad")
        self.file_label.setText(text)

    def show_message(self, message: str) -> None:
        self.statusBar().setStyleSheet(error_style("QStatusBar"))
        self.statusBar().showMessage(message, self.MESSAGE_MS)
        self.message_colour_timer.start()

    # --- plans ---------------------------------------------------------------

    def refresh_list(self) -> None:
        from app.plans import list_plans

        if self.ofile is None:
            self.plan_model.set_rows([])
            self.count_label.setText("")
            self.update_empty_state()
            return
        keep = self.current_plan_id()
        text = self.search.text()
        matches = self.index.search(text) if text.strip() else self._index.search(text)
        rows = [PlanRow(p.id, p.doc_type, p.title, p.diarienummer, p.status) for p in list_plans(self.ofile.ws)
                if matches is None or p.id in matches]
        self.tree.selectionModel().blockSignals(True)
        self.plan_model.set_rows(rows)
        self.tree.expandAll()
        if keep is not None:
            index = self.plan_model.index_of_plan(keep)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self.tree.selectionModel().blockSignals(False)
        if not rows and text.strip():
            self.count_label.setText(translate("MainWindow", "Inga träffar för ”%1”. Sök på något annat, eller töm "
                                                      "sökfältet för att se alla planer.").replace("%1", text.strip()))
        elif len(rows) == 1:
            self.count_label.setText(translate("MainWindow", "1 plan"))
        else:
            self.count_label.setText(translate("MainWindow", "%1 planer").replace("%1", str(len(rows))))
        self.update_empty_state()

    def _first_plan_index(self):
        for d in range(self.plan_model.rowCount()):
            doc = self.plan_model.index(d, 0)
            for s in range(self.plan_model.rowCount(doc)):
                status = self.plan_model.index(s, 0, doc)
                if self.plan_model.rowCount(status):
                    return self.plan_model.index(0, 0, status)
        return self.plan_model.index(-1, 0)

    def current_plan_id(self) -> int | None:
        return self.editor.plan_id if self.editor is not None else None

    def select_plan(self, plan_id: int) -> None:
        index = self.plan_model.index_of_plan(plan_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        else:
            self.show_plan(plan_id)

    def _plan_chosen(self, current, _previous) -> None:
        plan_id = current.data(PLAN_ID_ROLE) if current.isValid() else None
        if plan_id is not None and plan_id != self.current_plan_id():
            self.show_plan(plan_id)

    def show_plan(self, plan_id: int) -> None:
        self._clear_editor()
        if self.ofile is None:
            return
        self.editor = PlanEditor(self.ofile, plan_id, self.stack)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self.update_actions()

    def _clear_editor(self) -> None:
        if self.editor is not None:
            self.editor.flush()
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
        self.stack.setCurrentWidget(self.placeholder)
        self.update_actions()

    def changed_elsewhere(self) -> None:
        """Another program committed to the file: show its state; our undo history no longer fits it."""
        if self.ofile is None:
            return
        if self.editor is not None:
            self.editor.flush()
        self.ofile.stack.clear()
        self.reload_everything()
        merged = self.sync.take_merge_text() if self.sync is not None else None  # a network file's write-back
        if merged:
            self.statusBar().showMessage(merged, 20000)
            return
        self.statusBar().showMessage(translate("MainWindow", "Filen har ändrats av ett annat program; visningen är uppdaterad."), 15000)

    def reload_everything(self) -> None:
        """After rows changed outside the undo history (merge, new edition): rebuild what is shown."""
        assert self.ofile is not None
        plan_id = self.current_plan_id()
        self._index_stale = False
        self._index.rebuild(self.ofile.ws)
        self.refresh_list()
        if plan_id is not None:
            self.show_plan(plan_id)
        self.update_actions()

    def show_portfolio(self, key: str) -> None:
        from ui.portfolio import PortfolioDialog

        if self.ofile is None:
            return
        dialog = PortfolioDialog(self.ofile, key, self)
        if key == "resources":
            dialog.view.open_plan_requested.connect(self.select_plan)
        self._portfolio_windows.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._portfolio_windows.remove(d))
        dialog.show()

    def _close_portfolio_windows(self) -> None:
        for dialog in list(self._portfolio_windows):
            dialog.close()
            dialog.deleteLater()
        self._portfolio_windows.clear()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- changes and undo ----------------------------------------------------

    def _answers_for(self, widget: QWidget) -> bool:
        """Whether the file's undo keys work in `widget`: in this window and its portfolio windows."""
        top = widget.window()
        return top is self or top in self._portfolio_windows

    def _store_pending_edit(self) -> bool:
        """A field or table cell being typed in stores its text before undo runs; whether a cell's
        editor was open (and is now closed)."""
        from ui.sheet import SheetView

        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, SheetView):
            widget = widget.parentWidget()
        closed = widget is not None and widget.commit_open_editor()
        if self.editor is not None:
            self.editor.flush()
        return closed

    def undo(self) -> None:
        if self.ofile is None:
            return
        steps = self.ofile.stack.index()
        if self._store_pending_edit() and self.ofile.stack.index() == steps:
            return  # a cell's typing that could not be stored: closing its editor took it back
        self._revealing = True
        try:
            self.ofile.stack.undo()
        finally:
            self._revealing = False

    def redo(self) -> None:
        if self.ofile is None:
            return
        self._revealing = True
        try:
            self.ofile.stack.redo()
        finally:
            self._revealing = False

    def edit_conflict(self, what: tuple) -> None:
        """Someone else changed a field of this edit on the team server: the user chooses (ui.team_actions)."""
        command, conflict = what
        if self.ofile is not None:
            _team_actions().resolve_edit_conflict(self, command.kind, command.row_id, command.new, command.text(),
                                                  conflict)

    def on_change(self, change: Change) -> None:
        assert self.ofile is not None
        if not self._index_stale:  # a stale index is rebuilt whole, this change included
            self._index.refresh(self.ofile.ws, change)
        if change.kind == "plan":
            plan_id = change.ids[0]
            if change.action == "deleted" and plan_id == self.current_plan_id():
                self._clear_editor()
            self.refresh_list()
            if change.action in ("added", "restored"):
                self.select_plan(plan_id)
        elif self.search.text().strip():
            self.refresh_list()
        if self.editor is not None:
            self.editor.on_change(change, reveal=self._revealing)
        self.update_actions()

    # --- dropping a file on the window opens it ------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # --- closing -------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.editor is not None:
            self.editor.flush()  # store what is being typed
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.saveState()
        self.settings.sync()
        self.close_file()
        self.undo_keys.remove()
        super().closeEvent(event)
