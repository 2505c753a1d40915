"""A file that cannot be opened, or turned out damaged: what happened, and every way on from there.

One dialog for every such path (refused on opening, damage found while open, a missing file): the
file's automatic backups with their dates, the latest good one chosen, to put back and open; another
file; a new file. It is opened window-modal (`open()`), and says what was chosen through `chosen`, so
the window acts on it and a test can press its buttons as a person does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from ui.i18n import translate

BACKUP, OTHER, NEW, KEEP = "backup", "other", "new", "keep"


def when_text(info) -> str:
    """ "3 december 2026 kl. 19.22" ("December 3, 2026 at 19:22"): a date in running text, in the
    window's language (a Swedish month in lower case, and each language's own time separator)."""
    t = info.taken_at.astimezone()
    return translate("FileProblem", "%1 %2 %3 kl. %4.%5").replace("%1", str(t.day)).replace(
        "%2", QLocale().monthName(t.month)).replace("%3", str(t.year)).replace("%4", f"{t:%H}").replace(
        "%5", f"{t:%M}")


class FileProblemDialog(QDialog):
    chosen = Signal(str, object)  # BACKUP (with its BackupInfo), OTHER, NEW or KEEP (with None)

    def __init__(self, path: Path, message: str, parent: QWidget | None = None, *, opened: bool = False):
        from app.backups import list_backups

        super().__init__(parent)
        self.setObjectName("fileProblemDialog")
        self.path = Path(path)
        self.setWindowTitle(translate("FileProblem", "Filen är skadad") if opened
                            else translate("FileProblem", "Filen kan inte öppnas"))
        self.message = QLabel(message, self)
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backups = list_backups(self.path)
        good = [b for b in self.backups if b.plan_count is not None]
        self.table = self._backup_table()
        self.advice = QLabel(self._advice(good), self)
        self.advice.setObjectName("advice")
        self.advice.setWordWrap(True)

        self._make_buttons(opened, good)
        self.backup_button.clicked.connect(lambda: self._choose(BACKUP))
        self.other_button.clicked.connect(lambda: self._choose(OTHER))
        self.new_button.clicked.connect(lambda: self._choose(NEW))
        self.keep_button.clicked.connect(lambda: self._choose(KEEP))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._choose(BACKUP))
        if good:
            self.table.selectRow(self.backups.index(good[0]))
        self._selection_changed()

        buttons = QHBoxLayout()
        for b in (self.backup_button, self.other_button, self.new_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.advice)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        (self.backup_button if good else self.other_button).setDefault(True)
        self.resize(640, 340 if self.backups else 220)

    def _backup_table(self) -> QTableWidget:
        """The backups, newest first: when each was taken and how many plans it holds; an
        unreadable one is shown but cannot be chosen."""
        table = QTableWidget(len(self.backups), 2, self)
        table.setObjectName("backups")
        table.setAccessibleName(translate("FileProblem", "Säkerhetskopior"))
        table.setHorizontalHeaderLabels([translate("FileProblem", "Säkerhetskopia från"),
                                         translate("FileProblem", "Planer")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        for row, b in enumerate(self.backups):
            readable = b.plan_count is not None
            when = QTableWidgetItem(when_text(b) + ("" if readable else " – " + translate("FileProblem", "oläsbar")))
            count = QTableWidgetItem(str(b.plan_count) if readable else "–")
            for column, item in enumerate((when, count)):
                if not readable:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.setVisible(bool(self.backups))
        return table

    def _advice(self, good: list) -> str:
        """What to do: open the latest good backup, or, without one, another file or a new one."""
        if good:
            latest = when_text(good[0])
            return translate("FileProblem", "Den senaste hela säkerhetskopian är från %1. Välj den (eller en "
                                     "äldre) och öppna den: filen ersätts med kopian, och den nuvarande "
                                     "filen sparas bredvid som ”%2.fore-aterstallning”.").replace(
                "%1", latest).replace("%2", self.path.name)
        if self.backups:
            return translate("FileProblem", "Ingen av filens säkerhetskopior går att läsa. Öppna en annan fil "
                                     "eller skapa en ny.")
        return translate("FileProblem", "Det finns ingen säkerhetskopia av filen. Öppna en annan fil eller "
                                     "skapa en ny.")

    def _make_buttons(self, opened: bool, good: list) -> None:
        """Open the backup (only when one is good), another file, a new file; keep (or close)."""
        self.backup_button = QPushButton(translate("FileProblem", "Öppna &säkerhetskopian"), self)
        self.backup_button.setObjectName("openBackup")
        self.backup_button.setVisible(bool(good))
        self.other_button = QPushButton(translate("FileProblem", "Öppna en &annan fil…"), self)
        self.other_button.setObjectName("openOther")
        self.new_button = QPushButton(translate("FileProblem", "Skapa en &ny fil…"), self)
        self.new_button.setObjectName("newFile")
        self.keep_button = QPushButton(translate("FileProblem", "&Fortsätt skrivskyddat") if opened
                                       else translate("FileProblem", "&Stäng"), self)
        self.keep_button.setObjectName("keep")

    def selected_backup(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        b = self.backups[rows[0].row()]
        return b if b.plan_count is not None else None

    def _selection_changed(self) -> None:
        self.backup_button.setEnabled(self.selected_backup() is not None)

    def _choose(self, choice: str) -> None:
        if choice == KEEP:
            self.reject()
            return
        backup = self.selected_backup() if choice == BACKUP else None
        if choice == BACKUP and backup is None:
            return
        self.accept()
        self.chosen.emit(choice, backup)

    def reject(self) -> None:  # Escape or the window's close button: as "Stäng"/"Fortsätt skrivskyddat"
        if self.isVisible():
            super().reject()
            self.chosen.emit(KEEP, None)
