"""A text field for plan texts: a QTextEdit with a small formatting bar, stored as markup.

`committed(markup)` is emitted when the person pauses typing (debounced), on
focus-out, and never for changes made by `set_markup`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QToolButton, QVBoxLayout, QWidget

from ui.editor.focus_edit import focus_signalling
from ui.editor.markup_document import document_markup, fill_document
from ui.i18n import translate

DEBOUNCE_MS = 800
FocusTextEdit = focus_signalling(QTextEdit)


class MarkupEdit(QWidget):
    committed = Signal(str)
    session_started = Signal()

    def __init__(self, parent: QWidget | None = None, *, name: str = ""):
        super().__init__(parent)
        self.edit = FocusTextEdit(self)
        self.edit.setAcceptRichText(False)
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(name)
        self._stored = ""
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.commit)
        self.edit.textChanged.connect(self._changed)
        self.edit.focus_lost.connect(self.commit)
        self.edit.focus_gained.connect(self.session_started)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for key, label, tip, shortcut, slot in (
            ("bold", "F", translate("MarkupEdit", "Fet (Ctrl+B)"), QKeySequence.StandardKey.Bold, self.toggle_bold),
            ("italic", "K", translate("MarkupEdit", "Kursiv (Ctrl+I)"), QKeySequence.StandardKey.Italic, self.toggle_italic),
            ("bullet", "•", translate("MarkupEdit", "Punktlista (Ctrl+Shift+8)"), QKeySequence("Ctrl+Shift+8"),
             lambda: self.toggle_list(QTextListFormat.Style.ListDisc)),
            ("numbered", "1.", translate("MarkupEdit", "Numrerad lista (Ctrl+Shift+7)"), QKeySequence("Ctrl+Shift+7"),
             lambda: self.toggle_list(QTextListFormat.Style.ListDecimal)),
        ):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
            sc = QShortcut(QKeySequence(shortcut), self.edit)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)
        f = self.buttons["bold"].font()
        f.setBold(True)
        self.buttons["bold"].setFont(f)
        f = self.buttons["italic"].font()
        f.setItalic(True)
        self.buttons["italic"].setFont(f)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)

    # --- content -------------------------------------------------------------

    def markup(self) -> str:
        return document_markup(self.edit.document())

    def set_markup(self, markup: str) -> None:
        """Show stored markup, unless it is what the field already holds."""
        markup = markup or ""
        if self.markup() != markup.strip():
            self._loading = True
            try:
                position = self.edit.textCursor().position()
                fill_document(self.edit.document(), markup)
                cursor = self.edit.textCursor()
                cursor.setPosition(min(position, self.edit.document().characterCount() - 1))
                self.edit.setTextCursor(cursor)
            finally:
                self._loading = False
        # What the field shows of it: stored text that reads back a little differently (spacing, a
        # list's marks) is not an edit, so leaving the field (or undo, which stores first) adds no step.
        self._stored = self.markup()

    def set_placeholder(self, text: str) -> None:
        self.edit.setPlaceholderText(text)

    def setReadOnly(self, value: bool) -> None:  # noqa: N802
        self.edit.setReadOnly(value)
        for button in self.buttons.values():
            button.setEnabled(not value)

    def _changed(self) -> None:
        if not self._loading:
            self.timer.start()

    def commit(self) -> None:
        self.timer.stop()
        markup = self.markup()
        if markup.strip() != self._stored.strip():
            self._stored = markup
            self.committed.emit(markup)

    # --- formatting ----------------------------------------------------------

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.edit.fontWeight() >= QFont.Weight.DemiBold
        fmt.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.edit.fontItalic())
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            block = cursor.block()
            current.remove(block)
            fmt = block.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
        else:
            fmt = QTextListFormat()
            fmt.setStyle(style)
            fmt.setIndent(1)
            cursor.createList(fmt)
        self.edit.setTextCursor(cursor)
        self._changed()
