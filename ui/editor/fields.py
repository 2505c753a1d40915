"""Field editors for one value of a row, configured by a `Field` description.

Every editor emits `committed(values)` — a dict of the row's fields to store —
when the person finishes an edit (Enter, focus-out, a choice, a pause in typing).
Long texts also say which typing session they belong to, so that the form can
merge a session's keystrokes into one undo step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.dates import VagueDate
from ui.editor.date_edit import VagueDateEdit
from ui.editor.focus_edit import FocusPlainTextEdit
from ui.i18n import date_text, kind_label, translate
from ui.palette import error_style


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # Swedish; translated in the context "Fields"
    type: str = "text"  # text | long | markup | choice | date | day | int | percent | money | person
    choices: dict[str, str] = field(default_factory=dict)  # code -> Swedish label
    width: int = 0  # column width hint in tables (0 = stretch)
    in_table: bool = True
    hint: str = ""  # Swedish, shown under the field in a form (context "Fields"): what it is for

    def title(self) -> str:
        return translate("Fields", self.label)


def format_value(f: Field, value: Any, row: dict[str, Any], people: dict[int, str]) -> str:
    """How a value is shown in a table cell."""
    if f.type == "choice":
        return kind_label(f.choices.get(value or "", value or ""))
    if f.type == "date":
        return date_text(value)  # in the language; the field being edited reads either language back
    if f.type == "day":
        return value.isoformat() if isinstance(value, date) else ""
    if f.type == "person":
        return people.get(row.get("person"), "") or row.get("name") or ""
    if f.type == "percent":
        return "" if value is None else f"{value} %"
    if f.type == "money":
        return "" if value is None else format_money(value)
    if f.type in ("long", "markup"):
        text = str(value or "")
        return text.split("\n", 1)[0][:120]
    return "" if value is None else str(value)


def format_money(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"


class FieldEditor(QObject):
    committed = Signal(dict, object)  # values, typing session (None: a whole edit)

    def __init__(self, f: Field, parent: QWidget):
        super().__init__(parent)
        self.field = f
        self.widget: QWidget = QWidget(parent)

    def set_value(self, value: Any, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def set_read_only(self, value: bool) -> None:
        self.widget.setEnabled(not value)

    def flush(self) -> None:
        """Store what is typed but not yet stored (before closing, switching plan, undo)."""
        commit = getattr(self, "_commit", None)
        if commit is not None and not isinstance(self, (ChoiceEditor, DateEditor)):
            commit()


class TextEditor(FieldEditor):
    def __init__(self, f: Field, parent: QWidget):
        super().__init__(f, parent)
        self.widget = self.line = QLineEdit(parent)
        self._stored = ""
        self.line.editingFinished.connect(self._commit)

    def set_value(self, value: Any, row: dict[str, Any]) -> None:
        self._stored = str(value or "")
        if self.line.text() != self._stored:
            self.line.setText(self._stored)

    def _commit(self) -> None:
        text = self.line.text().strip()
        if text != self._stored:
            self._stored = text
            self.committed.emit({self.field.name: text}, None)

    def set_read_only(self, value: bool) -> None:
        self.line.setReadOnly(value)


class LongTextEditor(FieldEditor):
    def __init__(self, f: Field, parent: QWidget):
        super().__init__(f, parent)
        self.widget = self.edit = FocusPlainTextEdit(parent)
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(90)
        self._stored = ""
        self._session = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(800)
        self.timer.timeout.connect(self._commit)
        self.edit.textChanged.connect(lambda: self.timer.start() if self.edit.hasFocus() else None)
        self.edit.focus_lost.connect(self._commit)
        self.edit.focus_gained.connect(self._new_session)

    def _new_session(self) -> None:
        self._session += 1

    def set_value(self, value: Any, row: dict[str, Any]) -> None:
        self._stored = str(value or "")
        if self.edit.toPlainText().rstrip() != self._stored:
            self.edit.setPlainText(self._stored)

    def _commit(self) -> None:
        self.timer.stop()
        text = self.edit.toPlainText().rstrip()
        if text != self._stored:
            self._stored = text
            self.committed.emit({self.field.name: text}, self._session)

    def set_read_only(self, value: bool) -> None:
        self.edit.setReadOnly(value)


class MarkupEditor(FieldEditor):
    def __init__(self, f: Field, parent: QWidget):
        from ui.editor.markup_edit import MarkupEdit  # the first page shown (Metadata) has no markup

        super().__init__(f, parent)
        self.widget = self.edit = MarkupEdit(parent, name=f.title())
        self.edit.edit.setMaximumHeight(120)
        self._session = 0
        self.edit.session_started.connect(self._new_session)
        self.edit.committed.connect(lambda text: self.committed.emit({self.field.name: text}, self._session))

    def _new_session(self) -> None:
        self._session += 1

    def flush(self) -> None:
        self.edit.commit()

    def set_value(self, value: Any, row: dict[str, Any]) -> None:
        self.edit.set_markup(str(value or ""))

    def set_read_only(self, value: bool) -> None:
        self.edit.setReadOnly(value)


class ChoiceEditor(FieldEditor):
    def __init__(self, f: Field, parent: QWidget):
        super().__init__(f, parent)
        self.widget = self.combo = QComboBox(parent)
        for code, label in f.choices.items():
            self.combo.addItem(kind_label(label) or "—", code)
        self.combo.activated.connect(self._commit)
        self._stored: Any = None

    def set_value(self, value: Any, row: dict[str, Any]) -> None:
        self._stored = value
        i = self.combo.findData(value if value is not None else "")
        self.combo.setCurrentIndex(max(i, 0))

    def _commit(self) -> None:
        code = self.combo.currentData()
        if code != self._stored:
            self._stored = code
            self.committed.emit({self.field.name: code}, None)


class DateEditor(FieldEditor):
    def __init__(self, f: Field, parent: QWidget):
        super().__init__(f, parent)
        # A start or an end also takes a whole period typed in one go ("okt 2024 – jan 2025").
        self.ranged = f.type == "date" and f.name in ("start", "end")
        self.widget = self.edit = VagueDateEdit(parent, day_only=f.type == "day", ranges=self.ranged)
        self.edit.committed.connect(self._commit)
        self.edit.range_committed.connect(self._commit_range)

    def set_value(self, value: Any, row: dict[str, Any]) -> None:
        if isinstance(value, date):
            value = VagueDate(value, "day")
        self.edit.set_value(value)

    def flush(self) -> None:
        if self.edit.line.isModified():
            self.edit._commit()

    def _commit(self, value: VagueDate | None) -> None:
        if self.field.type == "day":
            value = value.start if value is not None else None
        self.committed.emit({self.field.name: value}, None)

    def _commit_range(self, period: Any) -> None:
        self.edit.set_value(period.start if self.field.name == "start" else period.end)
        self.committed.emit({"start": period.start, "end": period.end}, None)

    def set_read_only(self, value: bool) -> None:
        self.edit.line.setReadOnly(value)


_NUMBER = re.compile(r"-?[0-9]+")
# An example in the empty field and what it takes, per kind of number.
NUMBER_HINTS = {
    "money": (QT_TRANSLATE_NOOP("Fields", "t.ex. 250 000"),
              QT_TRANSLATE_NOOP("Fields", "Ett belopp i hela kronor, t.ex. 250 000 (mellanslag och ”kr” går bra).")),
    "percent": (QT_TRANSLATE_NOOP("Fields", "t.ex. 50"),
                QT_TRANSLATE_NOOP("Fields", "En andel i procent av en heltidstjänst, 0–100, t.ex. 50.")),
    "int": (QT_TRANSLATE_NOOP("Fields", "t.ex. 2026"), QT_TRANSLATE_NOOP("Fields", "Ett heltal, t.ex. ett år: 2026.")),
}


def field_hint(f: Field) -> str:
    """What a field of a date, an amount or a number takes, with an example ("" for other fields)."""
    if f.type in NUMBER_HINTS:
        return translate("Fields", NUMBER_HINTS[f.type][1])
    if f.type == "day":
        return translate("Fields", "En dag, t.ex. 2026-03-15 eller 15/3 2026.")
    if f.type == "date":
        return translate("Fields", "Ett datum så exakt som det är känt, t.ex. 2026-03-15, v. 12 2026, mars 2026, "
                                   "Q3 2026 eller hösten 2026.")
    return ""


def number_text(f: Field, value: int | None) -> str:
    """A whole number as it is typed: kronor grouped without "kr", others plain; empty for none."""
    if value is None:
        return ""
    return format_money(value).replace("\u00a0kr", "") if f.type == "money" else str(value)


def parse_number(text: str) -> int | None:
    """A typed whole number ("50 %", "12 000 kr"); None when empty; ValueError (Swedish) otherwise."""
    text = re.sub(r"[\s\u00a0%]|kr$", "", text.strip().lower())
    if not text:
        return None
    if not _NUMBER.fullmatch(text):
        raise ValueError(translate("Fields", "Skriv ett heltal, till exempel 50."))
    return int(text)


def person_values(text: str, people: dict[int, str]) -> dict[str, Any]:
    """A typed name: the register's person of that name, or the name as free text."""
    text = text.strip()
    match = next((pid for pid, name in people.items() if name.lower() == text.lower()), None)
    return {"person": match, "name": ""} if match is not None else {"person": None, "name": text}


class NumberEditor(FieldEditor):
    """Whole numbers: percent (0–100), kronor, a year; empty means none."""

    def __init__(self, f: Field, parent: QWidget):
        super().__init__(f, parent)
        self.widget = QWidget(parent)
        self.line = QLineEdit(self.widget)
        self.message = QLabel(self.widget)
        self.message.setStyleSheet(error_style())
        self.message.hide()
        placeholder, tip = NUMBER_HINTS.get(f.type, ("", ""))
        self.line.setPlaceholderText(translate("Fields", placeholder) if placeholder else "")
        self.line.setToolTip(translate("Fields", tip) if tip else "")
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.message)
        self.widget.setFocusProxy(self.line)
        self._stored: int | None = None
        self.line.editingFinished.connect(self._commit)

    def set_value(self, value: Any, row: dict[str, Any]) -> None:
        self._stored = value
        self.line.setText(number_text(self.field, value))
        self.message.hide()

    def parse(self) -> int | None:
        return parse_number(self.line.text())

    def _commit(self) -> None:
        try:
            value = self.parse()
        except ValueError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.message.hide()
        if value != self._stored:
            self._stored = value
            self.committed.emit({self.field.name: value}, None)
        self.line.setText(number_text(self.field, value))

    def set_read_only(self, value: bool) -> None:
        self.line.setReadOnly(value)


class PersonEditor(FieldEditor):
    """A person from the file's register (completer), or a name typed as free text."""

    def __init__(self, f: Field, parent: QWidget, people: dict[int, str]):
        from PySide6.QtCore import QStringListModel  # not made for the window's first page, which has no person
        from PySide6.QtWidgets import QCompleter

        super().__init__(f, parent)
        self.widget = self.line = QLineEdit(parent)
        self.line.setPlaceholderText(translate("Fields", "Välj ur personregistret eller skriv ett namn"))
        self.people = people
        self.names = QStringListModel(sorted(people.values(), key=str.lower), self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(QtCore.Qt.MatchFlag.MatchContains)
        self.line.setCompleter(completer)
        self.line.editingFinished.connect(self._commit)
        self._stored = ""

    def set_people(self, people: dict[int, str]) -> None:
        self.people = people
        self.names.setStringList(sorted(people.values(), key=str.lower))

    def set_value(self, value: Any, row: dict[str, Any]) -> None:
        self._stored = self.people.get(row.get("person"), "") or row.get("name") or ""
        if self.line.text() != self._stored:
            self.line.setText(self._stored)

    def _commit(self) -> None:
        text = self.line.text().strip()
        if text == self._stored:
            return
        self._stored = text
        self.committed.emit(person_values(text, self.people), None)

    def set_read_only(self, value: bool) -> None:
        self.line.setReadOnly(value)


def make_editor(f: Field, parent: QWidget, people: dict[int, str]) -> FieldEditor:
    if f.type == "long":
        editor: FieldEditor = LongTextEditor(f, parent)
    elif f.type == "markup":
        editor = MarkupEditor(f, parent)
    elif f.type == "choice":
        editor = ChoiceEditor(f, parent)
    elif f.type in ("date", "day"):
        editor = DateEditor(f, parent)
    elif f.type in ("int", "percent", "money"):
        editor = NumberEditor(f, parent)
    elif f.type == "person":
        editor = PersonEditor(f, parent, people)
    else:
        editor = TextEditor(f, parent)
    editor.widget.setAccessibleName(f.title())
    editor.widget.setObjectName(f"field_{f.name}")
    for child in (getattr(editor, "line", None), getattr(editor, "edit", None), getattr(editor, "combo", None)):
        if child is not None and hasattr(child, "setAccessibleName"):
            child.setAccessibleName(f.title())
    return editor


def push_button(parent: QWidget, text: str, slot: Any, *, enabled: bool = True) -> QPushButton:
    """A button beside a list or table, wired to what it does (disabled in a read-only file)."""
    button = QPushButton(text, parent)
    button.clicked.connect(slot)
    button.setEnabled(enabled)
    return button
