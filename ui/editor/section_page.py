"""The sections of a plan: an ordered, numbered list beside the chosen section's heading and texts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QLabel, QListView, QSplitter, QVBoxLayout, QWidget,
)

from app import kinds
from app.workspace import Change
from ui.dialogs import confirm
from ui.document import OpenFile
from ui.editor.fields import Field, MarkupEditor, push_button
from ui.editor.row_form import RowForm
from ui.i18n import kind_label, translate

_Index = QModelIndex | QPersistentModelIndex
LEVELS = {1: "Huvudavsnitt (1.)", 2: "Underavsnitt (1.1.)"}


def numbered_headings(sections: list[dict[str, Any]]) -> list[str]:
    """ "1. Bakgrund", "1.1. Idé"; unnumbered sections get no number and do not count."""
    out, major, minor = [], 0, 0
    for s in sections:
        if not s["numbered"]:
            out.append(s["heading"])
        elif s["level"] == 1:
            major, minor = major + 1, 0
            out.append(f"{major}. {s['heading']}")
        else:
            minor += 1
            out.append(f"{max(major, 1)}.{minor}. {s['heading']}")
    return out


class SectionListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[int, str, int]] = []  # (id, numbered heading, level)

    def set_sections(self, sections: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [(s["id"], h, s["level"]) for s, h in zip(sections, numbered_headings(sections), strict=True)]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row_id, heading, level = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return ("      " if level == 2 else "") + heading
        if role == Qt.ItemDataRole.UserRole:
            return row_id
        return None


class SectionPage(QWidget):
    kinds = {"section"}

    def __init__(self, ofile: OpenFile, plan_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ofile, self.plan_id = ofile, plan_id
        self.setObjectName("page_section")
        self.sections: list[dict[str, Any]] = []

        self.model = SectionListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName(translate("Sections", "Avsnitt"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

        ro = ofile.read_only
        grid = QGridLayout()
        self.add_button = push_button(self, translate("Sections", "&Nytt avsnitt"), self.add_section, enabled=not ro)
        self.delete_button = push_button(self, translate("Sections", "Ta bort"), self.delete_section, enabled=not ro)
        self.up_button = push_button(self, translate("Sections", "Flytta upp"), lambda: self.move_section(-1), enabled=not ro)
        self.down_button = push_button(self, translate("Sections", "Flytta ned"), lambda: self.move_section(1), enabled=not ro)
        self.level_button = push_button(self, translate("Sections", "Byt nivå"), self.toggle_level, enabled=not ro)
        for i, b in enumerate((self.add_button, self.delete_button, self.level_button, self.up_button,
                               self.down_button)):
            grid.addWidget(b, i // 3, i % 3)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(grid)

        self.form = RowForm(ofile, "section", [
            Field("heading", QT_TRANSLATE_NOOP("Fields", "Rubrik")),
            Field("level", QT_TRANSLATE_NOOP("Fields", "Nivå"), "choice", LEVELS),
            Field("body", QT_TRANSLATE_NOOP("Fields", "Text"), "markup"),
            Field("body_after", QT_TRANSLATE_NOOP("Fields", "Text efter tabellen"), "markup"),
        ], self)
        self.body: MarkupEditor = self.form.editor("body")  # type: ignore[assignment]
        self.body.edit.edit.setMaximumHeight(16777215)
        self.body_after: MarkupEditor = self.form.editor("body_after")  # type: ignore[assignment]
        self.content_label = QLabel(self)
        self.content_label.setWordWrap(True)
        self.content_label.setObjectName("contentLabel")
        self.form.layout_.insertRow(3, "", self.content_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.reload()

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return self.model.rows[index.row()][0] if index.isValid() else None

    def current(self) -> dict[str, Any] | None:
        index = self.list.currentIndex()
        return self.sections[index.row()] if index.isValid() else None

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_id()
        self.sections = self.ofile.ws.list("section", self.plan_id)
        self.model.set_sections(self.sections)
        row = next((i for i, s in enumerate(self.sections) if s["id"] == keep), 0 if self.sections else -1)
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show_current()

    def _show_current(self) -> None:
        section = self.current()
        self.form.set_row(section)
        self.body.edit.set_placeholder(section["guidance"] if section else "")
        content = (section or {}).get("content") or ""
        if content:
            self.content_label.setText(translate("Sections", "Här visas tabellen: %1").replace(
                "%1", kind_label(kinds.CONTENT_KINDS.get(content, content))))
        self.content_label.setVisible(bool(content))
        self.body_after.widget.setVisible(bool(content))
        label = self.form.layout_.labelForField(self.body_after.widget)
        if label is not None:
            label.setVisible(bool(content))
        editable = section is not None and not self.ofile.read_only
        for b in (self.delete_button, self.up_button, self.down_button, self.level_button):
            b.setEnabled(editable)

    def on_change(self, change: Change) -> None:
        if change.kind == "section" and change.plan_id == self.plan_id:
            self.reload(change.ids[0] if change.action in ("added", "restored") else None)

    # --- actions -------------------------------------------------------------

    def add_section(self) -> int | None:
        index = self.list.currentIndex()
        position = index.row() + 1 if index.isValid() else None
        level = (self.current() or {}).get("level", 1)
        row_id = self.ofile.add("section", self.plan_id, {"key": "", "heading": translate("Sections", "Nytt avsnitt"),
                                                          "level": level}, index=position)
        if row_id is not None:
            self.reload(row_id)
            line = self.form.editor("heading").widget
            line.setFocus()
            line.selectAll()
        return row_id

    def delete_section(self) -> None:
        section = self.current()
        if section and confirm.ask(self, translate("Sections", "Ta bort avsnittet ”%1”? Det går att ångra.").replace(
                "%1", section["heading"])):
            self.ofile.delete("section", section["id"])

    def move_section(self, step: int) -> None:
        index = self.list.currentIndex()
        row_id = self.current_id()
        if row_id is None:
            return
        new = index.row() + step
        if 0 <= new < len(self.sections):
            self.ofile.move("section", row_id, new)
            self.reload(row_id)

    def toggle_level(self) -> None:
        section = self.current()
        if section:
            self.ofile.update("section", section["id"], {"level": 2 if section["level"] == 1 else 1})
