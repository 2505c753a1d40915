"""The window's left side: the plan list (ui.plan_list) with its search field, the choice to ignore
å, ä and ö, the chosen plan's text around the search's match, the count under it, and the open
file's search index (app.search_index), built when first needed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from app.search_index import SearchIndex
from ui.i18n import translate
from ui.plan_list import PLAN_ID_ROLE, PlanListModel, PlanRow

if TYPE_CHECKING:
    from app.workspace import Change, Workspace


class PlanListPanel(QWidget):
    searched = Signal()  # the search settled (150 ms after the last key) or its å/ä/ö choice changed
    chosen = Signal(int)  # a plan was chosen in the list

    def __init__(self, workspace: Callable[[], Workspace | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace  # the open file's, or None
        self.search_index = SearchIndex()
        self.index_stale = False  # a file was opened and its index not built yet
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self.search_timer.start())
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)
        self.search_timer.timeout.connect(self.searched)
        self.model = PlanListModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("planTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.selectionModel().selectionChanged.connect(self._plans_only)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("planCount")
        self.count_label.setWordWrap(True)
        # Å, ä and ö are ignored for a query typed without them; this ignores them always.
        self.fold_box = QCheckBox(self)
        self.fold_box.setObjectName("foldDiacritics")
        self.fold_box.toggled.connect(lambda: self.searched.emit())
        self.snippet_label = QLabel(self)  # the current plan's text around the search's match
        self.snippet_label.setObjectName("searchSnippet")
        self.snippet_label.setWordWrap(True)
        self.snippet_label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.fold_box)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.snippet_label)
        layout.addWidget(self.count_label)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("MainWindow", "Sök i titlar, diarienummer och text (Ctrl+F)"))
        self.search.setAccessibleName(translate("MainWindow", "Sök planer"))
        self.tree.setAccessibleName(translate("MainWindow", "Planer"))
        self.fold_box.setText(translate("MainWindow", "Skilj inte på å, ä, ö och a, o"))
        self.snippet_label.setAccessibleName(translate("MainWindow", "Träff i planens text"))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def searching(self) -> bool:
        return bool(self.search.text().strip())

    def fold(self) -> bool | None:
        """Ignore å, ä and ö always (the box), or only for a query typed without them (None)."""
        return True if self.fold_box.isChecked() else None

    # --- the search index --------------------------------------------------------

    def ensure_index(self) -> None:
        ws = self.workspace()
        if self.index_stale and ws is not None:
            self.index_stale = False
            self.search_index.rebuild(ws)

    @property
    def index(self) -> SearchIndex:
        """The search index of the open file (built now if it has not been yet)."""
        self.ensure_index()
        return self.search_index

    def rebuild_index(self) -> None:
        ws = self.workspace()
        assert ws is not None
        self.index_stale = False
        self.search_index.rebuild(ws)

    def index_change(self, change: Change) -> None:
        ws = self.workspace()
        if not self.index_stale and ws is not None:  # a stale index is rebuilt whole, this change included
            self.search_index.refresh(ws, change)

    # --- the list ------------------------------------------------------------------

    def refresh(self, keep: int | None) -> None:
        """Show the open file's plans that match the search (none without a file), `keep` still chosen."""
        from app.plans import list_plans

        ws = self.workspace()
        if ws is None:
            self.model.set_rows([])
            self.count_label.setText("")
            return
        text = self.search.text()
        hits = self.index.hits(text, fold=self.fold()) if text.strip() else None
        found = {h.plan_id: rank for rank, h in enumerate(hits or [])}
        rows = [PlanRow(p.id, p.doc_type, p.title, p.diarienummer, p.status, found.get(p.id, 0))
                for p in list_plans(ws) if hits is None or p.id in found]
        self.tree.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.tree.expandAll()
        if keep is not None:
            index = self.model.index_of_plan(keep)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self.tree.selectionModel().blockSignals(False)
        self._count(len(rows), text.strip(), hits is not None)

    def _count(self, rows: int, searched: str, hits: bool) -> None:
        if not rows and searched:
            self.count_label.setText(translate("MainWindow", "Inga träffar för ”%1”. Sök på något annat, eller töm "
                                                      "sökfältet för att se alla planer.").replace("%1", searched))
        elif hits:
            self.count_label.setText(translate("MainWindow", "1 träff") if rows == 1
                                     else translate("MainWindow", "%1 träffar").replace("%1", str(rows)))
        elif rows == 1:
            self.count_label.setText(translate("MainWindow", "1 plan"))
        else:
            self.count_label.setText(translate("MainWindow", "%1 planer").replace("%1", str(rows)))

    def show_snippet(self) -> None:
        """The current plan's text around the search's match, under the list while a search is on."""
        text = self.search.text()
        plan_id = self.tree.currentIndex().data(PLAN_ID_ROLE)
        snippet = self.index.snippet(text, plan_id, fold=self.fold()) if text.strip() and plan_id else ""
        self.snippet_label.setText(snippet)
        self.snippet_label.setVisible(bool(snippet))

    def first_plan_index(self) -> QModelIndex:
        model = self.model
        for d in range(model.rowCount()):
            doc = model.index(d, 0)
            for s in range(model.rowCount(doc)):
                status = model.index(s, 0, doc)
                if model.rowCount(status):
                    return model.index(0, 0, status)
        return model.index(-1, 0)

    def choose_first(self) -> None:
        first = self.first_plan_index()
        if first.isValid():
            self.tree.setCurrentIndex(first)

    def select(self, plan_id: int) -> bool:
        """Choose `plan_id` in the list; False when the list does not show it."""
        index = self.model.index_of_plan(plan_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return index.isValid()

    def _plans_only(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        """A heading (document type, status) can be the current row but is never selected; only plans are."""
        headings = [index for index in selected.indexes() if index.data(PLAN_ID_ROLE) is None]
        for index in headings:
            self.tree.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Deselect)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_snippet()
        plan_id = current.data(PLAN_ID_ROLE) if current.isValid() else None
        if plan_id is not None:
            self.chosen.emit(plan_id)
