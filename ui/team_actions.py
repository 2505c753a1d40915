"""Arkiv → "Ta med offline…" and "Synkronisera" (app.sync), and the dialog for an edit that
someone else's change on the team server got in the way of (app.concurrency).

A sync writes to the server as well as to the file, so it is not an undo step: the window says
so and starts a fresh undo history. Taking plans offline writes a new file and changes nothing
the window shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QProgressDialog, QRadioButton, QVBoxLayout, QWidget,
)

from ui.dialogs import files
from ui.errors import expected_errors, show_error, show_expected
from ui.i18n import translate
from ui.undo import Step

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from app.concurrency import EditConflict
    from ui.controllers import DocumentWindow

T = TypeVar("T")
_PASSWORDS: dict[str, str] = {}  # server address -> the password typed for it, for this session only


class CheckoutDialog(QDialog):
    """Which plans to take offline: the whole portfolio, or the plan chosen in the list."""

    def __init__(self, plan_count: int, plan_title: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Team", "Ta med offline"))
        layout = QVBoxLayout(self)
        text = QLabel(translate("Team", "Planerna skrivs till en vanlig fil som du kan arbeta i utan nätverk. Filen minns "
                                 "servern: välj Arkiv → Synkronisera när du är tillbaka."), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.everything = QRadioButton(translate("Team", "&Hela portföljen (%1 planer)").replace("%1", str(plan_count)), self)
        self.one = QRadioButton(translate("Team", "&Bara planen ”%1”").replace("%1", plan_title or ""), self)
        self.one.setEnabled(plan_title is not None)
        (self.one if plan_title is not None else self.everything).setChecked(True)
        layout.addWidget(self.everything)
        layout.addWidget(self.one)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Team", "&Ta med offline"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Team", "&Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class Progress:
    """A progress dialog over the window while a step runs on the window's thread (the models
    are bound to one database at a time, so the work is not moved to another thread); `shown`
    keeps what it said."""

    def __init__(self, window: QWidget, title: str, steps: int):
        self.dialog = QProgressDialog(window)
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)
        self.dialog.setRange(0, steps)  # 0 steps: a busy indicator
        self.dialog.setMinimumDuration(0)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.shown: list[str] = []

    def step(self, number: int, text: str) -> None:
        if not self.shown or self.shown[-1] != text:
            self.shown.append(text)
        self.dialog.setLabelText(text)
        if self.dialog.maximum():
            self.dialog.setValue(number - 1)
        self.dialog.show()
        QApplication.processEvents()  # paint it before the work goes on

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


def _with_password(window: DocumentWindow, url: str, run: Callable[[str | None], T]) -> T | None:
    """`run(password)`: first with none (.pgpass, the service file); if the server wants one, asked
    for once (kept in memory for this session only). None when the user cancels."""
    from app.team import PasswordNeeded, server_name
    from ui.server_actions import PasswordDialog

    password = _PASSWORDS.get(url)
    try:
        return run(password)
    except PasswordNeeded:
        dialog = PasswordDialog(server_name(url), window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        password = dialog.field.text()
        result = run(password)
        _PASSWORDS[url] = password
        return result


def checkout_to_file(window: DocumentWindow) -> None:
    """Ta med offline…: the portfolio or the chosen plan from the open server into a new file."""
    from app.plans import list_plans
    from app.sync import checkout_workspace

    ofile = window.ofile
    if ofile is None or not ofile.ws.on_server:
        return
    ws = ofile.ws
    plan_id = window.current_plan_id()
    title = ws.get("plan", plan_id)["title"] if plan_id is not None else None
    dialog = CheckoutDialog(len(list_plans(ws)), title, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    plans = [str(plan_id)] if dialog.one.isChecked() and plan_id is not None else None
    name = (title if plans else ofile.path.name.split(" ")[0]) or "uppdrag"
    suggested = Path.home() / f"{''.join(c for c in name if c not in '/\\:*?\"<>|')[:60]}.uppdrag"
    target = files.save_path(window, translate("Team", "Ta med offline"), files.db_filter(), str(suggested))
    if target is None:
        return
    progress = Progress(window, translate("Team", "Ta med offline"), 0)
    progress.step(1, translate("Team", "Hämtar planerna från servern …"))
    window.team_progress = progress
    try:
        out, count = checkout_workspace(ws, target, plans)
    except expected_errors() as exc:
        show_expected(window, exc)
        return
    finally:
        progress.close()
    window.settings.remember_file(out)
    window.statusBar().showMessage(
        translate("Team", "%1 planer finns nu i %2 för arbete offline (servern ändrades inte). Öppna filen med Arkiv → "
                   "Senast öppnade och välj Synkronisera när du är tillbaka.").replace("%1", str(count))
        .replace("%2", str(out)), 30000)


def sync_now(window: DocumentWindow) -> None:
    """Synkronisera: the open checked-out file and its server, both ways; conflicts chosen first."""
    from app.sync import SYNC_STEPS, sync_conflicts, sync_workspace, team_server_of
    from app.team import is_checked_out
    from ui.dialogs.sharing_dialogs import ConflictDialog, sync_words

    ofile = window.ofile
    if ofile is None or ofile.read_only or not is_checked_out(ofile.ws):
        return
    window.store_pending_edit()
    ws = ofile.ws
    url = team_server_of(ws.store)["url"]
    words = {"Ansluter till servern …": translate("Team", "Ansluter till servern …"),
             "Skickar dina ändringar till servern …": translate("Team", "Skickar dina ändringar till servern …"),
             "Hämtar ändringar från servern …": translate("Team", "Hämtar ändringar från servern …")}
    progress = Progress(window, translate("Team", "Synkronisera"), len(SYNC_STEPS))
    window.team_progress = progress

    def run(password: str | None) -> Any:
        progress.step(1, words[SYNC_STEPS[0]])
        conflicts = sync_conflicts(ws, password=password)
        resolve = None
        if conflicts:
            progress.dialog.hide()
            dialog = ConflictDialog(conflicts, window, sync_words())
            if not dialog.exec():
                return None
            resolve = dialog.choices()
        return sync_workspace(ws, resolve=resolve, password=password,
                              progress=lambda n, text: progress.step(n, words.get(text, text)))

    try:
        report = _with_password(window, url, run)
    except expected_errors() as exc:
        show_expected(window, exc)
        return
    finally:
        progress.close()
        window.reload_everything()
    if report is None:
        return
    ofile.stack.clear()  # the server has the changes too: undoing them here alone would only part the copies
    sent, fetched = sum(report.sent.values()), sum(report.fetched.values())
    window.statusBar().showMessage(
        translate("Team", "Synkroniserat med %1: %2 ändringar skickade, %3 hämtade, %4 konflikter. Synkroniseringen kan "
                   "inte ångras, eftersom ändringarna redan finns på servern.")
        .replace("%1", report.server).replace("%2", str(sent)).replace("%3", str(fetched))
        .replace("%4", str(len(report.conflicts))), 30000)
    if report.refused:
        show_error(window, "\n".join(report.lines()[-len(report.refused):]).strip())


def resolve_edit_conflict(window: DocumentWindow, kind: str, row_id: int, values: dict[str, Any], text: str,
                          conflict: EditConflict) -> None:
    """Someone else changed a field this edit wanted to change, or deleted the row: show both values
    (or the deletion), who and when, and write what the user keeps (one undo step; a deleted row is
    first brought back, a step of its own) or take what is stored (nothing written: a deletion stands)."""
    chosen = _chosen(window, conflict)
    keep = conflict.kept(values, chosen) if chosen is not None else {}
    if keep and window.ofile is not None:
        window.ofile.ws.seen.accept(conflict)
        if not conflict.deleted or window.ofile.restore(kind, row_id):
            window.ofile.update(kind, row_id, keep, text)
        window.reload_everything()


def repeat_if_kept(window: DocumentWindow, command: QUndoCommand | Step, conflict: EditConflict) -> None:
    """Someone else changed what `command` (a deletion, a move, a risk's new scores, an undo or redo)
    would write over, or deleted it: show that, who and when, and carry it out all the same over what
    is stored now (one undo step; a deleted row is first brought back, a step of its own, or within
    the undo or redo) when the user keeps their side throughout, or leave the row as they left it
    (nothing written). An undo whose stored values the user takes throughout is taken off the undo
    stack, so that the steps before it can be undone; otherwise an undo or redo stays to be made."""
    chosen = _chosen(window, conflict)
    if chosen and isinstance(command, Step) and command.back and all(side == "theirs" for side in chosen.values()):
        command.pass_over()
    elif chosen and all(side == "mine" for side in chosen.values()) and window.ofile is not None:
        window.ofile.ws.seen.accept(conflict)
        if isinstance(command, Step):  # (a step of its own would stand between the stack and its step)
            if conflict.deleted:
                window.ofile.events.changed.emit(window.ofile.ws.restore(conflict.kind, conflict.row_id))
            command.again()
        elif not conflict.deleted or window.ofile.restore(conflict.kind, conflict.row_id):
            window.ofile.push(command)  # (its first try wrote nothing: it runs again from the start)
        window.reload_everything()


def _chosen(window: DocumentWindow, conflict: EditConflict) -> dict[str, str] | None:
    """The conflict dialog's choices for `conflict` (Conflict.key -> "mine" or "theirs"), None when the
    user closed it; the window then shows what is stored (and has now seen it)."""
    from ui.dialogs.sharing_dialogs import ConflictDialog, edit_words

    dialog = ConflictDialog(conflict.conflicts, window, edit_words(deletion=conflict.deleted or conflict.deleting))
    window.team_conflict_dialog = dialog
    chosen = dialog.choices() if dialog.exec() else None
    window.reload_everything()
    return chosen
