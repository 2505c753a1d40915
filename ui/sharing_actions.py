"""What the menus do for shared files: merge another copy, send a plan, restore a backup,
freeze and compare editions. Opening a file under its lock, the heartbeat, the watcher for
other programs' commits and the session backup are in ui.session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.dialogs import files
from ui.errors import expected_errors, show_error, show_expected
from ui.i18n import translate

if TYPE_CHECKING:
    from ui.controllers import DocumentWindow


def merge_from_file(window: DocumentWindow) -> None:
    """Importera från annan fil…: preview, let the user settle conflicts, then merge in one transaction."""
    from app.sharing import merge_from
    from ui.dialogs.sharing_dialogs import ConflictDialog

    if window.ofile is None or window.ofile.read_only:
        return
    other = files.open_path(window, translate("Sharing", "Importera från annan fil"), files.db_filter(),
                            str(window.ofile.path.parent))
    if other is None:
        return
    ws = window.ofile.ws
    try:
        preview = merge_from(ws, other, dry_run=True)
        resolve = None
        if preview.conflicts:
            dialog = ConflictDialog(preview.conflicts, window)
            if not dialog.exec():
                return
            resolve = dialog.choices()
        # One undo step: Ctrl+Z gives back the file exactly as it was before the merge.
        report = window.ofile.run_as_step(translate("Sharing", "sammanslagning med %1").replace("%1", other.name),
                                          lambda: merge_from(ws, other, resolve=resolve), window.reload_everything)
    except expected_errors() as exc:
        show_expected(window, exc)
        return
    window.reload_everything()
    window.statusBar().showMessage(" ".join(report.lines())[:300], 20000)


def send_plan(window: DocumentWindow) -> None:
    from app.sharing import send_plan as send
    from ui.file_actions import write_chosen_file

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None:
        return
    ws = window.ofile.ws
    suggested = window.ofile.path.parent / f"{ws.get('plan', plan_id)['title'][:60]}.uppdrag"
    write_chosen_file(window, translate("Sharing", "Skicka plan som fil"), suggested,
                      lambda target: send(ws, plan_id, target), translate("Sharing", "Planen sparades i %1."))


def restore_from_backup(window: DocumentWindow) -> None:
    from ui.dialogs.sharing_dialogs import BackupsDialog

    if window.ofile is None:
        return
    path = window.ofile.path
    window.close_file()  # restore replaces the file: nothing may hold it open
    dialog = BackupsDialog(path, window)
    dialog.exec()
    window.open_path(dialog.restored[0] if dialog.restored else path)  # a refusal offers what to do


def freeze_edition(window: DocumentWindow) -> None:
    from ui.dialogs.edition_dialogs import FreezeEditionDialog

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None or window.ofile.read_only:
        return
    ofile = window.ofile
    dialog = FreezeEditionDialog(ofile.ws, plan_id, window,
                                 run=lambda freeze: ofile.run_as_step(translate("Sharing", "frys utgåva"), freeze,
                                                                      window.reload_everything))
    if dialog.exec() and dialog.frozen is not None:
        window.reload_everything()


def compare_editions(window: DocumentWindow) -> None:
    from ui.dialogs.edition_dialogs import CompareEditionsDialog

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None:
        return
    from ui.file_actions import export

    CompareEditionsDialog(window.ofile.ws, plan_id, window,
                          export=lambda since: export(window, ".docx", changes_since=since)).exec()


def change_steering_model(window: DocumentWindow) -> None:
    """Byt styrmodell with a preview; the change is outside the undo history, like a frozen edition."""
    from ui.dialogs.steering_dialog import ChangeModelDialog

    plan_id = window.current_plan_id()
    if window.ofile is None or plan_id is None or window.ofile.read_only:
        return
    dialog = ChangeModelDialog(window.ofile.ws, plan_id, window)
    if not dialog.exec():
        return
    lines = window.ofile.run_as_step(translate("Sharing", "byt styrmodell"), dialog.apply, window.reload_everything)
    window.reload_everything()
    window.statusBar().showMessage(" · ".join(lines), 15000)


def read_steering_model(window: DocumentWindow) -> None:
    """Läs in styrmodell: an organisation's model file (TOML) stored in the open file for everyone."""
    from app.steering import SteeringModelError, add_file_model
    from ui.dialogs import files

    if window.ofile is None or window.ofile.read_only:
        return
    path = files.open_path(window, translate("Sharing", "Läs in styrmodell"), translate("Sharing", "Styrmodeller (*.toml)"))
    if path is None:
        return
    ws = window.ofile.ws
    try:
        model = window.ofile.run_as_step(translate("Sharing", "läs in styrmodell"), lambda: add_file_model(ws, path),
                                         window.reload_everything)
    except SteeringModelError as err:
        show_error(window, str(err))
        return
    window.statusBar().showMessage(
        translate("Sharing", "Styrmodellen ”%1” finns nu i filen för alla som öppnar den.").replace("%1", model.name), 15000)
