"""What the File and Edit menus do: files, plans, import and export (the window stays thin)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtCore import Qt

from ui.dialogs import confirm, files
from ui.errors import expected_errors, show_error, show_expected
from ui.i18n import translate
from ui.undo import DeleteCommand

if TYPE_CHECKING:
    from ui.controllers import DocumentWindow


def _folder(window: DocumentWindow) -> str:
    return str(window.ofile.path.parent) if window.ofile is not None else str(Path.home())


def new_file(window: DocumentWindow) -> None:
    from app.workspace import Workspace

    path = files.save_path(window, translate("Files", "Ny databasfil"), files.db_filter(),
                           str(Path(_folder(window)) / "uppdrag.uppdrag"))
    if path is None:
        return
    if not path.suffix:
        path = path.with_suffix(".uppdrag")
    try:
        from app.sharing import is_network_path

        if is_network_path(path):  # made in the working folder and written to the share under the lock
            from app.network_open import create_network
            from app.sharing import close_shared

            close_shared(create_network(path))
        else:
            Workspace.create(path).close()
    except expected_errors() as exc:
        show_expected(window, exc)
        return
    window.open_path(path)


def file_problem(window: DocumentWindow, path: Path, message: str, *, opened: bool = False) -> None:
    """A file refused on opening, or found damaged while open: one dialog with the ways on (its backups,
    another file, a new file), opened over the window; the window acts on the choice."""
    from ui.dialogs.file_problem_dialog import BACKUP, NEW, OTHER, FileProblemDialog

    dialog = FileProblemDialog(path, message, window, opened=opened)
    window.problem_dialog = dialog

    def act(choice: str, backup: object) -> None:
        window.problem_dialog = None
        dialog.deleteLater()
        if choice == BACKUP:
            restore_and_open(window, path, backup)
        elif choice == OTHER:
            open_file_dialog(window)
        elif choice == NEW:
            new_file(window)

    dialog.chosen.connect(act)
    if window.isVisible():
        dialog.open()
    else:  # at start-up: over the window once it is on screen, not before it
        from ui.first_paint import after_first_paint

        after_first_paint(window, dialog.open)


def restore_and_open(window: DocumentWindow, path: Path, backup) -> bool:
    """Put `backup` back at `path` (the file there is kept aside) and open it."""
    from app.sharing import restore_under_lock

    if window.ofile is not None:
        window.close_file()  # the damaged file, open read-only: the restore replaces it
    try:
        _target, aside = restore_under_lock(backup.path, path)
    except expected_errors() as exc:
        file_problem(window, path, str(exc))
        return False
    if not window.open_path(path):
        return False
    from ui.dialogs.file_problem_dialog import when_text

    text = translate("Files", "Filen är återställd från säkerhetskopian från %1.").replace("%1", when_text(backup))
    if aside is not None:
        text += " " + translate("Files", "Den tidigare filen finns kvar som %1.").replace("%1", str(aside))
    window.statusBar().showMessage(text, 30000)
    return True


def open_file_dialog(window: DocumentWindow) -> None:
    path = files.open_path(window, translate("Files", "Öppna databasfil"), files.db_filter(), _folder(window))
    if path is not None:
        window.open_path(path)


def write_chosen_file(window: DocumentWindow, caption: str, suggested: Path, write: Callable[[Path], object],
                      done: str) -> None:
    """Ask where to save an Uppdrag file, `write` it there, and say `done` (%1: where) in the status bar."""
    target = files.save_path(window, caption, files.db_filter(), str(suggested))
    if target is None:
        return
    try:
        write(target)
    except expected_errors() as exc:
        show_expected(window, exc)
        return
    window.statusBar().showMessage(done.replace("%1", str(target)), 10000)


def save_copy(window: DocumentWindow) -> None:
    from app.backups import copy_database

    if window.ofile is None:
        return
    shown, source = window.ofile.path, window.ofile.ws.path  # a network file: copy its working copy
    suggested = shown.with_name(shown.stem + " (kopia)" + shown.suffix)
    write_chosen_file(window, translate("Files", "Spara kopia som"), suggested,
                      lambda target: copy_database(source, target), translate("Files", "En kopia är sparad: %1"))


def import_json(window: DocumentWindow) -> None:
    """Importera plan…: the plan JSON or an MS Project XML file (whose import summary is shown after it)."""
    from app.importers import import_file
    from app.workspace import Change

    if window.ofile is None:
        return
    path = files.open_path(window, translate("Files", "Importera plan"),
                           translate("Files", "Plan som JSON eller MS Project-XML (*.json *.xml);;Plan som JSON (*.json);;"
                                              "MS Project-XML (*.xml)"), _folder(window))
    if path is None:
        return
    ws = window.ofile.ws
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        # One undo step (it may update a plan in place): Ctrl+Z gives back the file as it was.
        outcome = window.ofile.run_as_step(translate("Files", "import av %1").replace("%1", path.name),
                                           lambda: import_file(ws, path), window.reload_everything)
    except (*expected_errors(), ValueError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        show_error(window, str(exc))
        return
    QGuiApplication.restoreOverrideCursor()
    window.ofile.events.changed.emit(Change("plan", "restored", (outcome.plan_id,), outcome.plan_id))
    message = (translate("Files", "Planen uppdaterades från %1.") if outcome.existed
               else translate("Files", "Planen importerades från %1."))
    window.statusBar().showMessage(message.replace("%1", path.name), 10000)
    if outcome.lines:
        files.show_import_summary(window, outcome.lines)


def import_table(window: DocumentWindow) -> bool:
    """Read an activity list or risk register from a CSV file or an Excel workbook into the current plan:
    the person picks the sheet and maps the columns (remembered for next time), then one summary."""
    from app.importers import TableChoice, import_file, preview_table
    from app.workspace import Change
    from ui.dialogs.table_import_dialog import TableImportDialog

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None:
        return False
    path = files.open_path(window, translate("Files", "Importera aktiviteter eller risker"),
                           translate("Files", "Listor (*.csv *.xlsx);;CSV (*.csv);;Excel-arbetsbok (*.xlsx)"),
                           _folder(window))
    if path is None:
        return False
    try:
        dialog = TableImportDialog(path.name, lambda sheet, table: preview_table(path, sheet, table),
                                   window.settings.import_mapping, window)
    except (*expected_errors(), ValueError, OSError) as exc:
        show_error(window, str(exc))
        return False
    accepted = files.run_dialog(dialog)
    dialog.deleteLater()
    if not accepted:
        return False
    table, mapping = dialog.table_key(), dialog.mapping()
    window.settings.remember_import_mapping(table, mapping)
    ws, choice = window.ofile.ws, TableChoice(plan_id, table, dialog.sheet_name(), mapping)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        # One undo step, as a plan import: Ctrl+Z gives back the plan as it was.
        outcome = window.ofile.run_as_step(translate("Files", "import av %1").replace("%1", path.name),
                                           lambda: import_file(ws, path, choice), window.reload_everything)
    except (*expected_errors(), ValueError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        show_error(window, str(exc))
        return False
    QGuiApplication.restoreOverrideCursor()
    window.ofile.events.changed.emit(Change("plan", "restored", (plan_id,), plan_id))
    if len(outcome.lines) > 1:  # rows left out, or notes on how the file was read
        show_error(window, "\n".join(outcome.lines), translate("Files", "Importerad med anmärkningar"))
    else:
        window.statusBar().showMessage(outcome.lines[0], 10000)
    return True


def export(window: DocumentWindow, suffix: str, *, checklists: bool = False, changes_since: str | None = None,
           portfolio: bool = False, table: str = "activities") -> Path | None:
    """Export the current plan (`portfolio`: every plan in the file); `checklists` adds its decision points'
    answered checklists (Word), `changes_since` the appendix "Ändringar sedan utgåva X" (Word, PDF); a calendar
    asks whether the activities go in too; `table` is the list a CSV file holds (the activities or the risks)."""
    from app.exporters import export_plan, export_portfolio

    plan_id = window.current_plan_id()
    if window.ofile is None or (plan_id is None and not portfolio):
        return None
    if suffix in (".docx", ".pdf") and not _registrar_allows(window, plan_id):
        return None
    if portfolio:
        title = Path(window.ofile.path).stem
    else:
        title = window.ofile.ws.get("plan", plan_id)["title"]
    safe = "".join(c for c in title if c not in '\\/:*?"<>|').strip()[:80] or "plan"
    filters = {".docx": translate("Files", "Word-dokument (*.docx)"), ".pdf": translate("Files", "PDF (*.pdf)"),
               ".json": translate("Files", "Plan som JSON (*.json)"),
               ".ics": translate("Files", "Kalender (*.ics)")}
    kind = suffix + ("+checklistor" if checklists else "")
    if table == "risks":
        kind, safe = suffix + "+risker", safe + " " + translate("Files", "risker")
    out = files.export_path(window, window.settings, kind, translate("Files", "Exportera"),
                            filters.get(suffix, f"*{suffix}"), safe + suffix)
    if out is None:
        return None
    activities = suffix == ".ics" and files.ask_calendar_activities(window)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if portfolio:
            outcome = export_portfolio(window.ofile.ws, out, activities=activities)
        else:
            outcome = export_plan(window.ofile.ws, plan_id, out, checklists=checklists, changes_since=changes_since,
                                  activities=activities, table=table)
    except (*expected_errors(), ValueError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        show_error(window, str(exc))
        return None
    QGuiApplication.restoreOverrideCursor()
    if outcome.warnings:
        show_error(window, "\n".join(outcome.warnings), translate("Files", "Exporterad med anmärkningar"))
    if files.ask_open_after(window, outcome.path):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(outcome.path)))
    return outcome.path


def _registrar_allows(window: DocumentWindow, plan_id: int) -> bool:
    """The registrar's check before a document for registration; the user may export anyway."""
    from app.exporters import registrar_findings
    from ui.dialogs import registrar_dialog

    try:
        findings = registrar_findings(window.ofile.ws, plan_id)
    except (*expected_errors(), ValueError, OSError) as exc:
        show_error(window, str(exc))
        return False
    return registrar_dialog.confirm_export(window, findings)


def new_plan(window: DocumentWindow) -> int | None:
    from app.plans import copy_plan, create_plan, list_plans
    from app.steering import models
    from ui.dialogs.new_plan import COPY, NewPlanDialog
    from ui.plan_commands import CreatePlanCommand

    if window.ofile is None:
        return None
    ws = window.ofile.ws
    dialog = NewPlanDialog([(p.id, p.title) for p in list_plans(ws)], window,
                           [(m.key, m.name) for m in models(ws).values()])
    if not dialog.exec():
        return None
    key, source, title = dialog.choice()
    model = dialog.steering_model()
    if key == COPY:
        make = lambda: copy_plan(ws, source, title)  # noqa: E731
    else:
        make = lambda: create_plan(ws, key, title, steering_model=model)  # noqa: E731
    command = CreatePlanCommand(ws, window.ofile.events, make, translate("Undo", "Ny plan"))
    return command.plan_id if window.ofile.push(command) else None


def copy_current_plan(window: DocumentWindow) -> int | None:
    from app.plans import copy_plan
    from ui.plan_commands import CreatePlanCommand

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None:
        return None
    ws = window.ofile.ws
    title = translate("Files", "Kopia av %1").replace("%1", ws.get("plan", plan_id)["title"])
    command = CreatePlanCommand(ws, window.ofile.events, lambda: copy_plan(ws, plan_id, title),
                                translate("Undo", "Kopiera plan"))
    return command.plan_id if window.ofile.push(command) else None


def delete_plan(window: DocumentWindow) -> bool:
    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None:
        return False
    title = window.ofile.ws.get("plan", plan_id)["title"]
    if not confirm.ask(window, translate("Files", "Ta bort planen ”%1”? Det går att ångra med Ctrl+Z.").replace("%1", title)):
        return False
    return window.ofile.push(DeleteCommand(window.ofile.ws, window.ofile.events, "plan", plan_id,
                                           translate("Undo", "Ta bort plan")))
