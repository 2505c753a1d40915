"""File choosers in one place (tests replace these functions)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ui.i18n import translate

if TYPE_CHECKING:
    from ui.settings import AppSettings


def db_filter() -> str:
    return translate("Files", "Uppdrag-filer (*.uppdrag *.db *.sqlite);;Alla filer (*)")


def open_path(parent: QWidget | None, title: str, filter_: str, folder: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, folder, filter_)
    return Path(name) if name else None


def save_path(parent: QWidget | None, title: str, filter_: str, suggested: str = "") -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_)
    return Path(name) if name else None


def export_path(parent: QWidget | None, settings: AppSettings, kind: str, title: str, filter_: str,
                name: str) -> Path | None:
    """Ask where an export of `kind` goes, suggesting `name` (with its suffix): the dialog opens in the
    folder the last such export went to, the user's Documents at first, and the folder chosen is
    remembered for the next one. A name typed without the suffix gets it."""
    suffix = Path(name).suffix
    out = save_path(parent, title, filter_, str(settings.export_folder(kind) / name))
    if out is None:
        return None
    if suffix and out.suffix.lower() != suffix.lower():
        out = out.with_name(out.name + suffix)
    settings.remember_export_folder(kind, out.parent)
    return out


def ask_open_after(parent: QWidget | None, path: Path) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent, translate("Files", "Exporterad"),
        translate("Files", "Planen är exporterad till\n%1\n\nVill du öppna filen?").replace("%1", str(path)))
    return answer == QMessageBox.StandardButton.Yes


def show_import_summary(parent: QWidget | None, lines: list[str]) -> None:
    """What an import read, and what it could not hold (app.mspdi's summary, in Swedish)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, translate("Files", "Importen är klar"), lines[0],
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("importSummary")
    if len(lines) > 1:
        box.setInformativeText("\n\n".join(lines[1:]))
    box.exec()


def ask_calendar_activities(parent: QWidget | None) -> bool:
    """Whether a calendar export takes the activities too, beside the decision points and milestones."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent, translate("Files", "Kalender"),
        translate("Files", "Kalendern får beslutspunkterna och milstolparna. Ska aktiviteterna också komma med?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def run_dialog(dialog: QDialog) -> bool:
    """A modal dialog run to its end (tests replace this and press its buttons)."""
    return bool(dialog.exec())
