"""The main window: the plan list with search beside the open plan's editor, menus and status bar."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QStackedWidget, QWidget

from ui import i18n
from ui.controllers import Controller, DocumentState
from ui.document import OpenFile
from ui.editor.plan_editor import PlanEditor
from ui.errors import expected_errors, show_expected
from ui.first_paint import after_first_paint
from ui.i18n import translate
from ui.menus import build_menus
from ui.palette import error_style
from ui.plan_panel import PlanListPanel
from ui.settings import AppSettings
from ui.undo import step_safely

if TYPE_CHECKING:
    from app.search_index import SearchIndex
    from app.workspace import Change, Workspace


def _file_actions() -> ModuleType:  # loaded when a file is refused, not at start
    from ui import file_actions

    return file_actions


class MainWindow(QMainWindow):
    # More than 25 methods (39): most are the window's answers to the menus and to its panel (show a
    # plan, select one, the preview, help and about, the portfolio's windows, search), the open file's
    # life (open, set, close, damaged, changed elsewhere, reload, an edit conflict) and the editor's
    # undo and redo, besides Qt's event handlers; each is a few lines that hand on to the part that
    # does the work: the plan list with its search (ui.plan_panel), the menus' layout (ui.menus), their
    # actions (ui.controllers), what runs beside the file (ui.session.FileSession), the empty state
    # (ui.empty_state).
    """The plan list with search, the open plan's editor, the menus' layout and the status bar.

    The menus' actions belong to controllers (ui.controllers) that ui.main attaches; the window
    tells them what the document allows through `document_state`."""

    MESSAGE_MS = 15000  # how long an error stays in the status bar
    document_state = Signal(object)  # a DocumentState, whenever what the actions may do can have changed

    def __init__(self, settings: AppSettings):
        super().__init__()
        self.settings = settings
        self.ofile: OpenFile | None = None
        self.editor: PlanEditor | None = None
        self._revealing = False
        self._portfolio_windows: list = []
        self.controllers: list[Controller] = []
        self.actions_: dict[str, QAction] = {}
        self.session = None  # ui.session.FileSession while a file is open
        self.team_progress = None  # the last progress dialog of ui.team_actions
        self.team_conflict_dialog = None  # the last edit conflict's dialog (ui.team_actions)
        self.backups = QThreadPool(self)  # the session backup's thread (ui.session.backup_in_background)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)

        self.plans = PlanListPanel(lambda: self.ofile.ws if self.ofile is not None else None, self)
        self.plans.searched.connect(self.refresh_list)
        self.plans.chosen.connect(self._plan_chosen)
        self.search, self.search_timer = self.plans.search, self.plans.search_timer
        self.tree, self.plan_model = self.plans.tree, self.plans.model
        self.count_label, self.fold_box, self.snippet_label = (self.plans.count_label, self.plans.fold_box,
                                                               self.plans.snippet_label)
        # An error shown in the status bar is red until its message times out; the window's own timer,
        # so that it stops with the window.
        self.message_colour_timer = QTimer(self)
        self.message_colour_timer.setSingleShot(True)
        self.message_colour_timer.setInterval(self.MESSAGE_MS)
        self.message_colour_timer.timeout.connect(lambda: self.statusBar().setStyleSheet(""))

        from ui.empty_state import EmptyState

        self.placeholder = EmptyState(self)
        self.problem_dialog = None  # the open FileProblemDialog (ui.file_actions.file_problem)
        self.help_link = self.placeholder.help_link  # the empty window also leads to the guide
        self.help_link.linkActivated.connect(lambda _link: self.show_help())
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.splitter = QSplitter()  # horizontal; QSplitter(orientation, parent) would build PySide's Qt namespace (ui.plan_list)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.plans)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 1120])
        self.setCentralWidget(self.splitter)

        self.file_label = QLabel(self)
        self.file_label.setObjectName("fileLabel")
        self.statusBar().addPermanentWidget(self.file_label)

        self.retranslate_static()
        from ui.undo_keys import UndoKeys

        self.undo_keys = UndoKeys(self._answers_for, self.undo, self.redo, self)
        self.resize(1400, 900)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        if settings.splitter is not None:
            self.splitter.restoreState(settings.splitter)

    # --- menus ---------------------------------------------------------------

    def attach(self, *controllers: Controller) -> None:
        """Take the menus' controllers (ui.main makes them) and build the menus with their actions."""
        self.controllers.extend(controllers)
        for controller in controllers:
            self.document_state.connect(controller.enable)
        self.build_menus()

    def build_menus(self) -> None:
        """(Re)build every menu in the current language: the controllers remake their actions, the
        window's own stand beside them (ui.menus)."""
        self.actions_ = build_menus(self, self.controllers)
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

    def update_actions(self) -> None:
        """Enable the window's own actions and tell the controllers what the document allows now."""
        if not self.actions_:
            return  # the menus are not built yet
        a = self.actions_
        ofile = self.ofile
        state = DocumentState(has_file=ofile is not None, writable=ofile is not None and not ofile.read_only,
                              on_file=ofile is not None and not ofile.ws.on_server,  # IT copies and backs up a server
                              on_server=ofile is not None and ofile.ws.on_server,
                              checked_out=self.session is not None and self.session.checked_out,
                              plan=self.current_plan_id() is not None)
        a["undo"].setEnabled(ofile is not None and ofile.stack.canUndo())
        a["redo"].setEnabled(ofile is not None and ofile.stack.canRedo())
        a["preview"].setEnabled(state.plan)
        for key in ("portfolio_overview", "portfolio_timeline", "portfolio_risks", "portfolio_resources"):
            a[key].setEnabled(state.has_file)
        if ofile is not None:
            a["undo"].setText(translate("MainWindow", "&Ångra %1").replace("%1", ofile.stack.undoText()).strip())
            a["redo"].setText(translate("MainWindow", "&Gör om %1").replace("%1", ofile.stack.redoText()).strip())
        self.document_state.emit(state)
        self.update_empty_state()

    def update_empty_state(self) -> None:
        """What the place of the plan says when no plan is shown: what to do next, with the actions."""
        self.placeholder.show_for(self.ofile, self.plan_model.plan_count() > 0 or self.plans.searching(), self.actions_)

    def retranslate_static(self) -> None:
        self.plans.retranslate()
        self.help_link.setText('<a href="help">' + translate("MainWindow", "Ny här? Läs Kom igång (F1)") + "</a>")
        self.help_link.setAccessibleName(translate("MainWindow", "Kom igång"))
        self.update_title()

    def set_language(self, code: str) -> None:
        i18n.install_language(code)
        self.settings.language = code
        self.build_menus()
        self.retranslate_static()
        if self.session is not None:
            self.session.sync.retranslate()
        self.refresh_list()
        self._reopen_portfolio_windows()
        if self.editor is not None:
            state = self.editor.view_state()
            self.show_plan(self.editor.plan_id)
            if self.editor is not None:
                self.editor.show_view_state(state)

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
        # An edit conflict's dialog opens once the edit's own signal handling is over (the editor reloads):
        # queued by a zero timer, as a queued connection would (whose Qt.ConnectionType the first frame does without).
        ofile.events.conflict.connect(lambda what: QTimer.singleShot(0, self, lambda: self.edit_conflict(what)))
        ofile.events.handles_conflicts = True
        ofile.stack.indexChanged.connect(lambda _i: self.update_actions())
        from ui.session import FileSession

        self.session = session = FileSession(ofile, self)
        if not ofile.read_only:
            # The backup's thread would compete with start-up for the interpreter: start it once shown.
            after_first_paint(self, lambda: self._backup_if_open(ofile))
        # A network file is written back by a worker; a read-only view of one follows the share.
        after_first_paint(self, lambda: session.sync.start() if self.ofile is ofile else None)
        reason = getattr(getattr(ofile.ws, "sharing", None), "read_only_reason", None)
        if reason:
            self.statusBar().showMessage(reason, 20000)
        # The search index is built once the window is on screen; a search typed (or a list
        # refresh with search text) before then builds it at once (see `index`).
        self.plans.index_stale = True
        after_first_paint(self, self.plans.ensure_index)
        if ofile.ws.on_server:
            self.settings.remember_server(str(ofile.path))
        else:
            self.settings.remember_file(ofile.path)
        self.update_title()
        if ofile.ws.store.notices:  # a recovery (and where the copies are), a stray WAL set aside
            self.statusBar().showMessage(" ".join(ofile.ws.store.notices), 60000)
        elif ofile.ws.store.recovered:
            self.statusBar().showMessage(translate("MainWindow", "Filen hade ett avbrutet skrivförsök; senast sparade läge är återställt."), 15000)
        self.refresh_list()
        self.plans.choose_first()
        self.update_actions()

    def _backup_if_open(self, ofile: OpenFile) -> None:
        from ui.session import backup_in_background

        if self.ofile is ofile and not ofile.ws.on_server:  # not if closed (or replaced) meanwhile; IT backs up a server
            backup_in_background(ofile.ws.path, self.backups)  # a network file's working copy: the newest state

    @property
    def index(self) -> SearchIndex:
        """The search index of the open file (built now if it has not been yet)."""
        return self.plans.index

    def close_file(self) -> None:
        if self.ofile is None:
            return
        self._close_portfolio_windows()
        self._clear_editor()
        if self.session is not None:
            self.session.stop()
            self.session = None
        self.backups.waitForDone()
        self.plans.search_index.close()
        status = self.ofile.close()
        self.ofile = None
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
        self.plans.refresh(self.current_plan_id())
        self.update_empty_state()
        self.plans.show_snippet()

    def current_plan_id(self) -> int | None:
        return self.editor.plan_id if self.editor is not None else None

    def select_plan(self, plan_id: int) -> None:
        if not self.plans.select(plan_id):
            self.show_plan(plan_id)

    def _plan_chosen(self, plan_id: int) -> None:
        if plan_id != self.current_plan_id():
            self.show_plan(plan_id)

    def show_plan(self, plan_id: int) -> None:
        self._clear_editor()
        if self.ofile is None:
            return
        self.editor = PlanEditor(self.ofile, plan_id, self.stack, self.settings)
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
        merged = self.session.sync.take_merge_text() if self.session is not None else None  # a network write-back
        if merged:
            self.statusBar().showMessage(merged, 20000)
            return
        self.statusBar().showMessage(translate("MainWindow", "Filen har ändrats av ett annat program; visningen är uppdaterad."), 15000)

    def reload_everything(self) -> None:
        """After rows changed outside the undo history (merge, new edition): rebuild what is shown."""
        assert self.ofile is not None
        plan_id = self.current_plan_id()
        self.plans.rebuild_index()
        self.refresh_list()
        if plan_id is not None:
            self.show_plan(plan_id)
        self.update_actions()

    def show_portfolio(self, key: str) -> None:
        from ui.portfolio import PortfolioDialog

        if self.ofile is None:
            return
        dialog = PortfolioDialog(self.ofile, key, self, self.settings)
        if key in ("resources", "overview"):
            dialog.view.open_plan_requested.connect(self.select_plan)
        self._portfolio_windows.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._portfolio_windows.remove(d))
        dialog.show()

    def _reopen_portfolio_windows(self) -> None:
        """The portfolio's open windows made again, in the language just chosen, where they stood."""
        shown = [(d.key, d.geometry(), d.toggles()) for d in self._portfolio_windows]
        self._close_portfolio_windows()
        for key, geometry, toggles in shown:
            self.show_portfolio(key)
            self._portfolio_windows[-1].setGeometry(geometry)
            self._portfolio_windows[-1].show_toggles(toggles)

    def _close_portfolio_windows(self) -> None:
        for dialog in list(self._portfolio_windows):
            dialog.close()
            dialog.deleteLater()
        self._portfolio_windows.clear()

    def focus_search(self) -> None:
        self.plans.focus_search()

    # --- changes and undo ----------------------------------------------------

    def _answers_for(self, widget: QWidget) -> bool:
        """Whether the file's undo keys work in `widget`: in this window and its portfolio windows."""
        top = widget.window()
        return top is self or top in self._portfolio_windows

    def store_pending_edit(self) -> bool:
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
        if self.store_pending_edit() and self.ofile.stack.index() == steps:
            return  # a cell's typing that could not be stored: closing its editor took it back
        self._revealing = True
        try:
            step_safely(self.ofile.stack, self.ofile.events, back=True)
        finally:
            self._revealing = False

    def redo(self) -> None:
        if self.ofile is None:
            return
        self._revealing = True
        try:
            step_safely(self.ofile.stack, self.ofile.events, back=False)
        finally:
            self._revealing = False

    def edit_conflict(self, what: tuple) -> None:
        """Someone else changed on the team server what this edit or deletion would write over: the
        user chooses (ui.team_actions)."""
        from ui import team_actions
        from ui.undo import UpdateCommand

        command, conflict = what
        if self.ofile is None:
            return
        if isinstance(command, UpdateCommand):
            team_actions.resolve_edit_conflict(self, command.kind, command.row_id, command.new, command.text(), conflict)
        else:  # a deletion, a move, a risk's new scores, an undo or redo: all of it, or none
            team_actions.repeat_if_kept(self, command, conflict)

    def on_change(self, change: Change) -> None:
        assert self.ofile is not None
        self.plans.index_change(change)
        if change.kind == "plan":
            plan_id = change.ids[0]
            if change.action == "deleted" and plan_id == self.current_plan_id():
                self._clear_editor()
            self.refresh_list()
            if change.action in ("added", "restored"):
                self.select_plan(plan_id)
        elif self.plans.searching():
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
