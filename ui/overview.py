"""Översikt: every plan of the file in one table (app.overview), sorted and filtered (the choice
remembered by the file), a plan opened with a double click, and the shown rows exported as
"Portföljrapport" to Excel, Word or PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import kinds, overview
from app.overview_settings import OverviewChoice, load_choice, remember_choice
from app.workspace import Change, Workspace
from ui.headers import fit_header_texts
from ui.i18n import kind_label, translate
from ui.settings import AppSettings
from ui.undo import WorkspaceEvents

_Index = QModelIndex | QPersistentModelIndex
COLOURS = {"green": "#c6efce", "yellow": "#ffeb9c", "red": "#ffc7ce", overview.GREY: "#d9d9d9"}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# app.overview's columns and report labels, marked for the translation (lupdate finds only literals).
HEADERS = (
    QT_TRANSLATE_NOOP("Overview", "Plan"), QT_TRANSLATE_NOOP("Overview", "Dokumenttyp"),
    QT_TRANSLATE_NOOP("Overview", "Status"), QT_TRANSLATE_NOOP("Overview", "Rapport"),
    QT_TRANSLATE_NOOP("Overview", "Rapportdatum"), QT_TRANSLATE_NOOP("Overview", "Nästa beslutspunkt"),
    QT_TRANSLATE_NOOP("Overview", "Datum"), QT_TRANSLATE_NOOP("Overview", "Dagar sen"),
    QT_TRANSLATE_NOOP("Overview", "Klart (%)"), QT_TRANSLATE_NOOP("Overview", "Budget (kr)"),
    QT_TRANSLATE_NOOP("Overview", "Utfall (kr)"), QT_TRANSLATE_NOOP("Overview", "Prognos (kr)"),
    QT_TRANSLATE_NOOP("Overview", "Avvikelse (kr)"), QT_TRANSLATE_NOOP("Overview", "Höga risker"), QT_TRANSLATE_NOOP("Overview", "Ägare"),
    QT_TRANSLATE_NOOP("Overview", "Ledare"), QT_TRANSLATE_NOOP("Overview", "Organisation"),
    QT_TRANSLATE_NOOP("Overview", "Största avvikelse"),
)
REPORT_CHOICES = (
    ("red", QT_TRANSLATE_NOOP("Overview", "Röd")), ("yellow", QT_TRANSLATE_NOOP("Overview", "Gul")),
    ("green", QT_TRANSLATE_NOOP("Overview", "Grön")), (overview.GREY, QT_TRANSLATE_NOOP("Overview", "Grå (inaktuell)")),
    ("", QT_TRANSLATE_NOOP("Overview", "Ingen rapport")),
)


DISPLAY, BACKGROUND, USER, TOOLTIP = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                                                         Qt.ItemDataRole.UserRole, Qt.ItemDataRole.ToolTipRole))
_ROLES = frozenset({DISPLAY, SORT_ROLE, BACKGROUND, USER, TOOLTIP})  # the roles with an answer; the view asks many more
_HORIZONTAL = Qt.Orientation.Horizontal
_TRANSLATED = (1, 2, 3)  # document type, status and report: labels in the current language, made when shown
_REPORT_LABELS = dict(REPORT_CHOICES)


def _shown(value: Any, column: int) -> str:
    """A cell as the table shows it (but for the translated columns)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and column in overview.MONEY_COLUMNS:
        return f"{value:,}".replace(",", "\u00a0")
    return "" if value is None else str(value)


def _sort_key(value: Any) -> tuple[int, Any]:
    """Numbers as numbers, dates as dates; blanks last."""
    return (1, "") if value is None or value == "" else (0, value.isoformat() if isinstance(value, date) else value)


PLAN_CHARS = 48  # a usual plan title whole ("Gemensam plan för primärvården som nav"); a longer one in its tooltip


class OverviewModel(QAbstractTableModel):
    """The overview's rows as plain data (app.overview.OverviewRow).

    The view asks for each cell it paints many times over (every role, through the sorting proxy),
    so what each cell shows and sorts by is made once per row set, and a question without an answer
    returns at once."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[overview.OverviewRow] = []
        self.cells: list[tuple[Any, ...]] = []
        self.texts: list[list[str | None]] = []  # None: a translated column, made when shown
        self.keys: list[tuple[tuple[int, Any], ...]] = []  # SORT_ROLE of each cell
        self.colours: list[QColor | None] = []  # the report column's background
        self.columns = len(overview.COLUMNS)

    def set_rows(self, rows: list[overview.OverviewRow]) -> None:
        self.beginResetModel()
        self.rows, self.cells = rows, [r.cells() for r in rows]
        self.texts = [[None if c in _TRANSLATED else _shown(v, c) for c, v in enumerate(cells)] for cells in self.cells]
        self.keys = [tuple(_sort_key(r.slip_days if c == overview.SLIP_COLUMN else v) for c, v in enumerate(cells))
                     for r, cells in zip(rows, self.cells, strict=True)]
        self.colours = [QColor(COLOURS[r.report]) if r.report in COLOURS else None for r in rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.columns

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        """As QAbstractTableModel's, without asking rowCount and columnCount (two calls into Python)."""
        if 0 <= row < len(self.rows) and 0 <= column < self.columns and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == DISPLAY and orientation == _HORIZONTAL:
            return translate("Overview", HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == DISPLAY:
            text = self.texts[row][column]
            if text is not None:
                return text
            value = self.cells[row][column]
            if column == 3:
                return translate("Overview", _REPORT_LABELS.get(self.rows[row].report, value))
            return kind_label(value)  # document type and status: app.kinds labels
        if role == SORT_ROLE:
            return self.keys[row][column]
        if role == BACKGROUND:
            return self.colours[row] if column == 3 else None
        if role == TOOLTIP:  # a long title is cut in its column
            return self.texts[row][0] if column == 0 else None
        return self.rows[row].plan_id  # UserRole


class OverviewFilter(QSortFilterProxyModel):
    """Rows whose text holds every word typed, and whose report colour, document type, owner and
    organisation are the ones chosen."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.words: list[str] = []
        self.report: str | None = None
        self.doc_type: str | None = None
        self.owner: str | None = None  # None: every owner; "": the plans without one
        self.organisation: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_filter(self, text: str, report: str | None, doc_type: str | None = None, owner: str | None = None,
                   organisation: str | None = None) -> None:
        self.beginFilterChange()
        self.words, self.report, self.doc_type = text.casefold().split(), report, doc_type
        self.owner, self.organisation = owner, organisation
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, OverviewModel)
        row = model.rows[source_row]
        for wanted, value in ((self.report, row.report), (self.doc_type, row.doc_type), (self.owner, row.owner),
                              (self.organisation, row.organisation)):
            if wanted is not None and value != wanted:
                return False
        if not self.words:
            return True
        text = " ".join(str(v) for v in model.cells[source_row] if v is not None).casefold()
        return all(w in text for w in self.words)

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self.sortRole() == SORT_ROLE and isinstance(model, OverviewModel):  # the keys as made, not asked for
            a, b = model.keys[left.row()][left.column()], model.keys[right.row()][right.column()]
        else:
            a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class OverviewView(QWidget):
    open_plan_requested = Signal(int)

    def __init__(self, ws: Workspace, events: WorkspaceEvents, parent: QWidget | None = None,
                 settings: AppSettings | None = None):
        super().__init__(parent)
        self.ws = ws
        self._settings = settings  # where exports went last (None: the settings named by the environment)
        self.filter = QLineEdit()
        self.filter.setObjectName("overviewFilter")
        self.filter.setPlaceholderText(translate("Overview", "Filtrera (plan, ägare, organisation, status …)"))
        self.filter.setAccessibleName(translate("Overview", "Filtrera planerna"))
        self._make_choices()
        self.export_button = self._button(translate("Overview", "Exportera Portföljrapport (Excel)…"),
                                          "exportOverview", self.export)
        self.word_button = self._button(translate("Overview", "Exportera Portföljrapport (Word)…"),
                                        "exportOverviewWord", self.export_word)
        self.pdf_button = self._button(translate("Overview", "Exportera Portföljrapport (PDF)…"),
                                       "exportOverviewPdf", self.export_pdf)
        self.model = OverviewModel(self)
        self.proxy = OverviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("overviewTable")
        self.table.setAccessibleName(translate("Overview", "Planerna"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # The plan's title wide enough to read (a stretched column got what eleven others left: 100 px),
        # and the user's to widen; the table scrolls sideways when the window is narrower.
        self.table.horizontalHeader().resizeSection(0, self.table.fontMetrics().averageCharWidth() * PLAN_CHARS)
        fit_header_texts(self.table.horizontalHeader())  # "Nästa beslutspunkt", "Next decision point" whole
        self.table.activated.connect(self._open)  # a double click, or Enter on a row
        self._lay_out()
        self._restore(load_choice(ws))
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.editingFinished.connect(self._remember)  # the words once typed, not each keystroke
        for combo in (self.report, self.doc_type, self.owner, self.organisation):
            combo.currentIndexChanged.connect(self._filter)
        self.period.currentIndexChanged.connect(self._period_chosen)
        events.changed.connect(self._changed)

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        """The filters on top (the words typed, then the choices), the export buttons below them."""
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        for combo in (self.report, self.doc_type, self.owner, self.organisation, self.period):
            top.addWidget(combo)
        exports = QHBoxLayout()
        exports.addStretch(1)
        for button in self.export_buttons():
            exports.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(exports)
        layout.addWidget(self.table)

    def export_buttons(self) -> list[QPushButton]:
        return [self.export_button, self.word_button, self.pdf_button]

    @staticmethod
    def _combo(name: str, accessible: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItem(everything, None)
        return combo

    def _make_choices(self) -> None:
        """The report colour, document type, owner, organisation and period to show (each with an "all"
        choice first; the owners and organisations are those of the plans, filled in by `reload`)."""
        self.report = self._combo("overviewReport", translate("Overview", "Rapportfärg"),
                                  translate("Overview", "Alla rapportfärger"))
        for key, label in REPORT_CHOICES:
            self.report.addItem(translate("Overview", label), key)
        self.doc_type = self._combo("overviewDocType", translate("Overview", "Dokumenttyp"),
                                    translate("Overview", "Alla dokumenttyper"))
        for key, label in kinds.DOC_TYPE_LABELS.items():
            self.doc_type.addItem(kind_label(label), key)
        self.owner = self._combo("overviewOwner", translate("Overview", "Ägare"), translate("Overview", "Alla ägare"))
        self.organisation = self._combo("overviewOrganisation", translate("Overview", "Organisation"),
                                        translate("Overview", "Alla organisationer"))
        self.period = self._combo("overviewPeriod", translate("Overview", "Period"),
                                  translate("Overview", "Alla perioder"))
        self.period.setToolTip(translate("Overview", "Planerna vars tidplan når in i perioden, och periodens budget"))
        this_year = date.today().year
        for year in range(this_year - 1, this_year + 3):
            for tertial in (None, 1, 2, 3):
                period = overview.Period(year, tertial)
                self.period.addItem(period.label(), period)

    def _restore(self, choice: OverviewChoice) -> None:
        """Show the choice the file remembers (a value no longer among the plans: all)."""
        self.period.setCurrentIndex(max(0, self.period.findText(choice.period)) if choice.period else 0)
        self.reload()  # fills the owners and organisations of the period's plans
        for combo, value in ((self.report, choice.report), (self.doc_type, choice.doc_type), (self.owner, choice.owner),
                             (self.organisation, choice.organisation)):
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
        self.filter.setText(choice.text)
        self._apply_filter()

    def reload(self) -> None:
        self.model.set_rows(overview.overview(self.ws, period=self.chosen_period()))
        for combo, values in ((self.owner, {r.owner for r in self.model.rows}),
                              (self.organisation, {r.organisation or "" for r in self.model.rows})):
            self._fill(combo, sorted(values, key=str.casefold))

    @staticmethod
    def _fill(combo: QComboBox, values: list[str]) -> None:
        """The values after the "all" choice, the current one kept if it is still among them."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            combo.addItem(value or translate("Overview", "(ingen)"), value)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def chosen_period(self) -> overview.Period | None:
        period = self.period.currentData()
        return period if isinstance(period, overview.Period) else None

    def choice(self) -> OverviewChoice:
        """The filters as shown, as the file keeps them."""
        period = self.chosen_period()
        return OverviewChoice(self.report.currentData(), self.doc_type.currentData(), self.owner.currentData(),
                              self.organisation.currentData(), period.label() if period else None, self.filter.text())

    def _changed(self, _change: Change) -> None:
        self.reload()
        self._apply_filter()

    def _period_chosen(self) -> None:
        self.reload()
        self._filter()

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.filter.text(), self.report.currentData(), self.doc_type.currentData(),
                              self.owner.currentData(), self.organisation.currentData())

    def _filter(self) -> None:
        """A filter chosen: applied, and remembered by the file."""
        self._apply_filter()
        self._remember()

    def _remember(self) -> None:
        remember_choice(self.ws, self.choice())

    def _open(self, index: QModelIndex) -> None:
        plan_id = self.proxy.mapToSource(index).data(Qt.ItemDataRole.UserRole)
        if plan_id is not None:
            self.open_plan_requested.emit(plan_id)

    def shown_rows(self) -> list[overview.OverviewRow]:
        """The rows as filtered and sorted on screen: what the export writes."""
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]

    def export(self) -> Path | None:
        """The shown rows as "Portföljrapport" in Excel."""
        return self._export(".xlsx", translate("Overview", "Excel-arbetsbok (*.xlsx)"))

    def export_word(self) -> Path | None:
        """The shown rows as "Portföljrapport" in Word, with the portfolio's timeline."""
        return self._export(".docx", translate("Overview", "Word-dokument (*.docx)"))

    def export_pdf(self) -> Path | None:
        """The shown rows as "Portföljrapport" in PDF (the Word report, converted by LibreOffice)."""
        return self._export(".pdf", translate("Overview", "PDF-dokument (*.pdf)"))

    def _export(self, suffix: str, file_filter: str) -> Path | None:
        from PySide6.QtGui import QGuiApplication

        from app.export.result import ExportError
        from ui.dialogs import files
        from ui.errors import expected_errors, show_error

        out = files.export_path(self, self._settings or AppSettings(), f"overview{suffix}",
                                translate("Overview", "Exportera Portföljrapport"), file_filter,
                                f"Portföljrapport {date.today().isoformat()}{suffix}")
        if out is None:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            overview.REPORT_WRITERS[suffix](self.shown_rows(), out, period=self.chosen_period())
        except (*expected_errors(), ExportError, ValueError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, str(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        return out
