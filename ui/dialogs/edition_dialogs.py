"""Dialogs for editions (utgåvor): freeze one, compare two section by section."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import editions
from app.plan_diff import text_lines
from app.workspace import Workspace
from ui.i18n import translate
from ui.palette import error_style


class FreezeEditionDialog(QDialog):
    """Frys utgåva…: label (suggested), comment; `frozen` holds the EditionInfo after OK."""

    def __init__(self, ws: Workspace, plan_id: int, parent: QWidget | None = None,
                 run: Callable[[Callable[[], editions.EditionInfo]], editions.EditionInfo] | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Editions", "Frys utgåva"))
        self.ws, self.plan_id = ws, plan_id
        self.run = run or (lambda freeze: freeze())  # the window runs it as one undo step
        self.frozen: editions.EditionInfo | None = None
        self.label = QLineEdit(editions.proposed_label(ws, plan_id))
        self.comment = QLineEdit()
        self.error = QLabel("")
        self.error.setStyleSheet(error_style())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Editions", "&Frys"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Editions", "&Avbryt"))
        self.buttons.accepted.connect(self.freeze)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("Editions", "&Utgåva:"), self.label)
        form.addRow(translate("Editions", "&Kommentar:"), self.comment)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def freeze(self) -> None:
        try:
            label, comment = self.label.text(), self.comment.text()
            self.frozen = self.run(lambda: editions.freeze_edition(self.ws, self.plan_id, label, comment))
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class CompareEditionsDialog(QDialog):
    """Jämför utgåvor…: two editions (or an edition and the plan now), section by section."""

    NOW = -1

    def __init__(self, ws: Workspace, plan_id: int, parent: QWidget | None = None,
                 export: Callable[[str], object] | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Editions", "Jämför utgåvor"))
        self.ws, self.plan_id = ws, plan_id
        self.old, self.new = QComboBox(), QComboBox()
        items = editions.list_editions(ws, plan_id)
        self.labels = {e.id: e.label for e in items}
        for e in items:
            text = f"{e.label}  ({e.date.isoformat()})"
            self.old.addItem(text, e.id)
            self.new.addItem(text, e.id)
        self.new.addItem(translate("Editions", "Planen som den är nu"), self.NOW)
        if len(items) >= 2:
            self.old.setCurrentIndex(len(items) - 2)
            self.new.setCurrentIndex(len(items) - 1)
        else:
            self.new.setCurrentIndex(self.new.count() - 1)
        # Every part of the plan (app.plan_diff), as the Word appendix and `uppdrag diff` say it.
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("allChanges")
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(translate("Editions", "Alla ändringar i planen"))
        self.export_button = QPushButton(translate("Editions", "&Exportera till Word med bilagan ”Ändringar sedan utgåva”…"))
        self.export_button.setObjectName("exportAppendix")
        self.export_button.setVisible(export is not None)
        self.export_button.clicked.connect(lambda: export(self.labels[self.old.currentData()]) if export else None)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([translate("Editions", "Avsnitt"), translate("Editions", "Ändring")])
        self.diff = QPlainTextEdit()
        self.diff.setReadOnly(True)
        self.diff.setFont(QFont("monospace"))
        self.old.currentIndexChanged.connect(self.refresh)
        self.new.currentIndexChanged.connect(self.refresh)
        self.tree.currentItemChanged.connect(self._show_diff)
        self.tree.setAccessibleName(translate("Editions", "Ändrade uppgifter"))
        self.diff.setAccessibleName(translate("Editions", "Skillnad"))
        top = QHBoxLayout()
        for text, combo in ((translate("Editions", "&Från:"), self.old), (translate("Editions", "&Till:"), self.new)):
            caption = QLabel(text)
            caption.setBuddy(combo)  # Alt+F / Alt+T, and the name a screen reader reads
            top.addWidget(caption)
            top.addWidget(combo)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.export_button)
        layout.addWidget(QLabel(translate("Editions", "Avsnittens text ord för ord:")))
        layout.addWidget(self.tree)
        layout.addWidget(self.diff)
        layout.addWidget(close)
        self.changes: list[editions.SectionChange] = []
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        self.diff.clear()
        if self.old.count() == 0:
            return
        new_id = self.new.currentData()
        old_label = self.labels[self.old.currentData()]
        new_label = None if new_id == self.NOW else self.labels[new_id]
        diffs, old, new = editions.plan_changes(self.ws, self.plan_id, old_label, new_label)
        self.summary.setPlainText("\n".join(text_lines(diffs, old_label=old, new_label=new)))
        self.export_button.setEnabled(new_id == self.NOW)  # the appendix says what changed up to today
        self.changes = editions.compare_editions(self.ws, self.old.currentData(),
                                                 None if new_id == self.NOW else new_id)
        for c in self.changes:
            item = QTreeWidgetItem([c.heading, c.status_label])
            self.tree.addTopLevelItem(item)
        first = next((i for i, c in enumerate(self.changes) if c.status != "same"), None)
        if first is not None:
            self.tree.setCurrentItem(self.tree.topLevelItem(first))

    def _show_diff(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        if item is None:
            self.diff.clear()
            return
        c = self.changes[self.tree.indexOfTopLevelItem(item)]
        self.diff.setPlainText("\n".join(c.diff) if c.diff else translate("Editions", "Oförändrat."))
