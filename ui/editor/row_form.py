"""A form over one row: one field editor per configured field, each edit stored as an undo command."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ui.document import OpenFile
from ui.editor.fields import Field, FieldEditor, PersonEditor, make_editor
from ui.i18n import translate


class HintLabel(QLabel):
    """A wrapped line of help under a field, as tall as its lines at the width it has.

    A form asks a wrapped label for its size before it knows the width and gets the height of the
    text wrapped narrow (three or four lines); the row keeps that height and the label stands in the
    middle of empty space above and below. Once the label has its width, it asks for that width's height.
    """

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(self.width())) if self.width() > hint.width() else hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.sizeHint().height() != self.height():
            self.updateGeometry()


class RowForm(QWidget):
    def __init__(self, ofile: OpenFile, kind: str, fields: list[Field], parent: QWidget | None = None):
        super().__init__(parent)
        self.ofile, self.kind = ofile, kind
        self.row: dict[str, Any] | None = None
        # Only a person field shows names: a form without one (the plan's Metadata page, which
        # opens with the window) does not read the people.
        self.names_people = any(f.type == "person" for f in fields)
        self.people = people_names(ofile) if self.names_people else {}
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, FieldEditor] = {}
        self.hints: dict[str, QLabel] = {}
        previous: QWidget | None = None
        for f in fields:
            editor = make_editor(f, self, self.people)
            label = QLabel(f.title() + ":", self)
            label.setBuddy(editor.widget)
            self.layout_.addRow(label, editor.widget)
            if f.hint:
                hint = HintLabel(translate("Fields", f.hint), self)
                hint.setObjectName(f"hint_{f.name}")
                hint.setWordWrap(True)
                hint.setStyleSheet("color: palette(placeholder-text);")
                editor.widget.setToolTip(hint.text())
                editor.widget.setAccessibleDescription(hint.text())
                self.layout_.addRow("", hint)
                self.hints[f.name] = hint
            editor.committed.connect(lambda values, session, f=f: self._store(f, values, session))
            self.editors[f.name] = editor
            if previous is not None:
                QWidget.setTabOrder(previous, editor.widget)
            previous = editor.widget
        self.set_row(None)

    def editor(self, name: str) -> FieldEditor:
        return self.editors[name]

    def set_row(self, row: dict[str, Any] | None) -> None:
        self.row = row
        read_only = row is None or self.ofile.read_only
        for name, editor in self.editors.items():
            if isinstance(editor, PersonEditor):
                editor.set_people(self.people)
            editor.set_value(None if row is None else row.get(name), row or {})
            editor.set_read_only(read_only)

    def flush(self) -> None:
        if self.row is not None and not self.ofile.read_only:
            for editor in self.editors.values():
                editor.flush()

    def refresh_people(self) -> None:
        if self.names_people:
            self.people.clear()
            self.people.update(people_names(self.ofile))

    def _store(self, f: Field, values: dict[str, Any], session: object) -> None:
        if self.row is None:
            return
        row_id = self.row["id"]
        merge_key = f"{self.kind}:{row_id}:{f.name}:{session}" if session is not None else None
        if not self.ofile.update(self.kind, row_id, values, merge_key=merge_key):
            # Refused (a Swedish message went out on events.error): show what is stored.
            self.set_row(self.ofile.ws.get(self.kind, row_id))


def people_names(ofile: OpenFile) -> dict[int, str]:
    return {p["id"]: p["name"] for p in ofile.ws.list("person")}
