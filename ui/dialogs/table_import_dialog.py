"""Before an activity list or risk register is read from a CSV file or an Excel workbook: which sheet,
which list, and which of the file's columns holds what (found by name, remembered from last time)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.i18n import kind_label, translate

NONE = ""  # the combo's "(ingen)": the column is not in the file


class TableImportDialog(QDialog):
    """`load(sheet, table)` reads the file's header (app.importers.preview_table); `remembered(table)`
    gives the mapping a person chose last time for that list."""

    def __init__(self, file_name: str, load: Callable[[str | None, str | None], object],
                 remembered: Callable[[str], Mapping[str, str]], parent: QWidget | None = None):
        from app.tables import ACTIVITIES, RISKS

        super().__init__(parent)
        self.setWindowTitle(translate("TableImport", "Importera lista"))
        self.setObjectName("tableImportDialog")
        self._load, self._remembered = load, remembered
        self.preview = load(None, None)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("TableImport", "Välj vilka kolumner i %1 som ska läsas in i planen.").replace("%1", file_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QFormLayout()
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("sheetCombo")
        self.sheet.addItems(self.preview.sheets)
        if self.preview.sheet:
            self.sheet.setCurrentText(self.preview.sheet)
        sheet_label = QLabel(translate("TableImport", "&Blad:"), self)
        sheet_label.setBuddy(self.sheet)
        top.addRow(sheet_label, self.sheet)
        sheet_label.setVisible(bool(self.preview.sheets))
        self.sheet.setVisible(bool(self.preview.sheets))
        self.table = QComboBox(self)
        self.table.setObjectName("tableCombo")
        self.table.addItem(translate("TableImport", "Aktiviteter"), ACTIVITIES)
        self.table.addItem(translate("TableImport", "Risker"), RISKS)
        self.table.setCurrentIndex(1 if self.preview.table == RISKS else 0)
        table_label = QLabel(translate("TableImport", "&Lista:"), self)
        table_label.setBuddy(self.table)
        top.addRow(table_label, self.table)
        layout.addLayout(top)
        self.columns = QFormLayout()
        self.columns_box = QWidget(self)
        self.columns_box.setLayout(self.columns)
        layout.addWidget(self.columns_box)
        self.combos: dict[str, QComboBox] = {}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("TableImport", "&Importera"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill()
        self.sheet.currentTextChanged.connect(self._sheet_changed)
        self.table.currentIndexChanged.connect(lambda _i: self._fill())

    def _sheet_changed(self, sheet: str) -> None:
        from ui.errors import expected_errors, show_error

        try:
            self.preview = self._load(sheet, self.table_key())
        except (*expected_errors(), ValueError, OSError) as exc:
            show_error(self, str(exc))
            return
        if self.preview.table is not None:
            self.table.setCurrentIndex(self.table.findData(self.preview.table))
        self._fill()

    def table_key(self) -> str:
        return str(self.table.currentData())

    def _fill(self) -> None:
        from app.tables import COLUMNS, map_columns

        while self.columns.rowCount():
            self.columns.removeRow(0)
        self.combos = {}
        table = self.table_key()
        header = self.preview.header
        found = {f: header[i] for f, i in map_columns(header, table).items()}
        # what was mapped by hand last time, unless this file's column names say where that column goes
        named = {h: f for f, h in found.items()}
        remembered = {f: h for f, h in self._remembered(table).items() if h in header and named.get(h, f) == f}
        for column in COLUMNS[table]:
            if column.kind == "computed":
                continue
            combo = QComboBox(self.columns_box)
            combo.setObjectName(f"column_{column.field}")
            combo.addItem(translate("TableImport", "(ingen)"), NONE)
            for name in header:
                if name:
                    combo.addItem(name, name)
            chosen = remembered.get(column.field, found.get(column.field, NONE))
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            self.columns.addRow(kind_label(column.header), combo)
            self.combos[column.field] = combo

    def mapping(self) -> dict[str, str]:
        """Row field -> the file's column for it ("" for none)."""
        return {f: str(combo.currentData() or "") for f, combo in self.combos.items()}

    def sheet_name(self) -> str | None:
        return self.sheet.currentText() if self.preview.sheets else None
