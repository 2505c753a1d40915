"""Dialogs for shared files: a locked file, merge conflicts, backups and restore.

Standalone widgets over app.sharing and app.backups; the main window
opens them from its menus. Nothing here writes SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.merge import Conflict
from app.sharing import lock_path
from ui.headers import fit_dialog_to_table
from ui.i18n import kind_label, translate

if TYPE_CHECKING:
    from app.sharing import LockInfo


class LockedFileDialog(QDialog):
    """Someone else is editing the file: open read-only, break a stale lock, or cancel.

    After exec(), `choice` is "read_only", "break" or "cancel".
    """

    def __init__(self, path: Path, holder: LockInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Sharing", "Filen används"))
        self.choice = "cancel"
        text = translate("Sharing", "”{name}” redigeras redan av {who}.").format(name=Path(path).name,
                                                                        who=holder.describe())
        text += "\n" + translate("Sharing", "Låsfil: {lock}").format(lock=lock_path(path))
        if holder.is_stale():
            text += "\n" + translate("Sharing", "Låset verkar övergivet (programmet svarar inte). "
                                         "Du kan ta bort det om du vet att ingen annan har filen öppen.")
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.read_only_button = QPushButton(translate("Sharing", "Öppna &skrivskyddad"))
        self.break_button = QPushButton(translate("Sharing", "&Ta bort låset och redigera"))
        self.break_button.setVisible(holder.is_stale())
        self.cancel_button = QPushButton(translate("Sharing", "&Avbryt"))
        self.read_only_button.setDefault(True)
        self.read_only_button.clicked.connect(lambda: self._done("read_only"))
        self.break_button.clicked.connect(lambda: self._done("break"))
        self.cancel_button.clicked.connect(lambda: self._done("cancel"))
        buttons = QHBoxLayout()
        for b in (self.read_only_button, self.break_button, self.cancel_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _done(self, choice: str) -> None:
        self.choice = choice
        (self.reject if choice == "cancel" else self.accept)()


def _show(c: Conflict, value: object, who: str, at: str) -> str:
    if c.delete_vs_edit:
        text = translate("Sharing", "borttagen") if value is not None else translate("Sharing", "finns kvar, ändrad")
    else:
        text = "" if value is None else str(value)
    stamp = ", ".join(p for p in (who, at[:16].replace("T", " ")) if p)
    return f"{text}\n({stamp})" if stamp else text


@dataclass(frozen=True)
class ConflictWords:
    """What the conflict dialog calls its two sides and its choices (a merge, a sync, an edit)."""

    title: str
    intro: str  # {n}: the number of fields
    mine: str
    theirs: str
    keep_mine: str
    take_theirs: str
    ok: str


def merge_words() -> ConflictWords:
    return ConflictWords(
        translate("Sharing", "Konflikter vid sammanslagning"),
        translate("Sharing", "{n} fält har ändrats olika i de två filerna sedan de senast var lika. Välj för varje fält "
                      "vilket värde som ska gälla."),
        translate("Sharing", "Den här filen"), translate("Sharing", "Den andra filen"), translate("Sharing", "Behåll min"),
        translate("Sharing", "Ta deras"), translate("Sharing", "&Slå samman"))


def sync_words() -> ConflictWords:
    """A sync merges the file into the server: `mine` is the server's value, `theirs` the file's."""
    return ConflictWords(
        translate("Sharing", "Konflikter vid synkronisering"),
        translate("Sharing", "{n} fält har ändrats både i den här filen och på servern sedan filen togs med offline. "
                      "Välj för varje fält vilket värde som ska gälla."),
        translate("Sharing", "På servern"), translate("Sharing", "I den här filen"), translate("Sharing", "Behåll serverns"),
        translate("Sharing", "Ta filens"), translate("Sharing", "&Synkronisera"))


def edit_words(deletion: bool = False) -> ConflictWords:
    """An edit or a deletion someone else's change got in the way of: `mine` is what the user did,
    `theirs` what is stored. With `deletion`, one side of it deleted the row."""
    if deletion:
        title = translate("Sharing", "Borttaget och ändrat samtidigt")
        intro = translate("Sharing", "Någon annan tog bort det du ändrade, eller ändrade det du tog bort, på servern "
                                     "medan du arbetade. Inget har skrivits. Välj vad som ska gälla.")
    else:
        title = translate("Sharing", "Någon annan ändrade samma fält")
        intro = translate("Sharing", "{n} fält ändrades av någon annan på servern medan du skrev. Inget har skrivits "
                                     "över. Välj för varje fält vilket värde som ska gälla.")
    return ConflictWords(title, intro, translate("Sharing", "Ditt värde"), translate("Sharing", "Sparat på servern"),
                         translate("Sharing", "Behåll mitt"), translate("Sharing", "Ta det sparade"),
                         translate("Sharing", "&Spara valen"))


class ConflictDialog(QDialog):
    """Conflicts side by side (this file | the other file), one line a field; the user picks a side for each.

    Nothing is written before the user says Slå samman. `choices()` gives
    {Conflict.key: "mine" | "theirs"} for app.merge's `resolve`. `words` names the sides for
    a sync or an edit instead of a merge.
    """

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None, words: ConflictWords | None = None):
        super().__init__(parent)
        words = words or merge_words()
        self.setWindowTitle(words.title)
        self.conflicts = conflicts
        self.table = QTableWidget(len(conflicts), 6)
        self.table.setAccessibleName(translate("Sharing", "Konflikter"))
        self.table.setHorizontalHeaderLabels([
            translate("Sharing", "Uppgift"), translate("Sharing", "Fält"), words.mine, words.theirs, words.keep_mine,
            words.take_theirs])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups: list[QButtonGroup] = []
        for row, c in enumerate(conflicts):
            what = f"{kind_label(c.kind_label)} ”{c.label}”" + (f" ({c.plan_title})" if c.plan_title else "")
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(kind_label(c.field_label)))
            self.table.setItem(row, 2, QTableWidgetItem(_show(c, c.mine, c.mine_by, c.mine_at)))
            self.table.setItem(row, 3, QTableWidgetItem(_show(c, c.theirs, c.theirs_by, c.theirs_at)))
            group = QButtonGroup(self)
            mine, theirs = QRadioButton(), QRadioButton()
            mine.setAccessibleName(f"{words.keep_mine}: {what}")
            theirs.setAccessibleName(f"{words.take_theirs}: {what}")
            group.addButton(mine, 0)
            group.addButton(theirs, 1)
            (theirs if c.outcome == "theirs" else mine).setChecked(True)
            self.table.setCellWidget(row, 4, mine)
            self.table.setCellWidget(row, 5, theirs)
            self.groups.append(group)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.all_mine = QPushButton(translate("Sharing", "Alla: %1").replace("%1", words.keep_mine.lower()))
        self.all_theirs = QPushButton(translate("Sharing", "Alla: %1").replace("%1", words.take_theirs.lower()))
        self.all_mine.clicked.connect(lambda: self._all(0))
        self.all_theirs.clicked.connect(lambda: self._all(1))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(words.ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Sharing", "&Avbryt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel(words.intro.format(n=len(conflicts)))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.all_mine)
        row.addWidget(self.all_theirs)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        fit_dialog_to_table(self, self.table)

    def _all(self, which: int) -> None:
        for g in self.groups:
            g.button(which).setChecked(True)

    def choose(self, row: int, side: str) -> None:
        self.groups[row].button(0 if side == "mine" else 1).setChecked(True)

    def choices(self) -> dict[str, str]:
        return {c.key: ("mine" if g.checkedId() == 0 else "theirs") for c, g in zip(self.conflicts, self.groups)}


class BackupsDialog(QDialog):
    """The session backups of a file, newest first; restore the selected one after asking.

    `confirm(question) -> bool` is replaceable (tests); `restored` holds (target, aside)
    after a restore, so the main window can reopen the file.
    """

    def __init__(self, db_path: Path, parent: QWidget | None = None,
                 confirm: Callable[[str], bool] | None = None):
        super().__init__(parent)
        from app.backups import list_backups

        self.setWindowTitle(translate("Sharing", "Återställ från säkerhetskopia"))
        self.db_path = Path(db_path)
        self.confirm = confirm or self._ask
        self.restored: tuple[Path, Path | None] | None = None
        self.backups = list_backups(self.db_path)
        self.table = QTableWidget(len(self.backups), 3)
        self.table.setAccessibleName(translate("Sharing", "Säkerhetskopior"))
        self.table.setHorizontalHeaderLabels([translate("Sharing", "Tidpunkt"), translate("Sharing", "Planer"),
                                              translate("Sharing", "Storlek")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, b in enumerate(self.backups):
            self.table.setItem(row, 0, QTableWidgetItem(b.local_time_text))
            count = QTableWidgetItem(translate("Sharing", "oläsbar") if b.plan_count is None else str(b.plan_count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, count)
            self.table.setItem(row, 2, QTableWidgetItem(f"{b.size // 1024} kB"))
        if self.backups:
            self.table.selectRow(0)
        self.empty = QLabel(translate("Sharing", "Det finns inga säkerhetskopior av den här filen ännu."))
        self.empty.setVisible(not self.backups)
        self.restore_button = QPushButton(translate("Sharing", "&Återställ vald kopia"))
        self.restore_button.setEnabled(bool(self.backups))
        self.restore_button.clicked.connect(self.restore_selected)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(translate("Sharing", "&Stäng"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.table.resizeColumnsToContents()
        fit_dialog_to_table(self, self.table)

    def _ask(self, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        return QMessageBox.question(self, translate("Sharing", "Återställ"), question) == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        from app.errors import StoreError
        from app.sharing import restore_under_lock

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        b = self.backups[rows[0].row()]
        question = translate("Sharing", "Ersätta ”{name}” med säkerhetskopian från {when}? Den nuvarande filen "
                                 "sparas som ”{name}.fore-aterstallning”.").format(
            name=self.db_path.name, when=b.local_time_text)
        if not self.confirm(question):
            return
        try:
            self.restored = restore_under_lock(b.path, self.db_path)
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(translate("Sharing", "Filen är återställd från {when}.").format(when=b.local_time_text))
        self.accept()
