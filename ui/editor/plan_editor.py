"""The open plan's editor: one tab per part of the plan, all sharing the file's undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.workspace import Change
from ui.document import OpenFile
from ui.editor.plan_form_page import PlanFormPage, decision_fields, metadata_fields
from ui.editor.table_kinds import TABLES, TableConfig
from ui.i18n import translate
from ui.settings import AppSettings


class ViewState(NamedTuple):
    """What an editor shows: its tab, and the timeline's toggles (None: the timeline page not made)."""

    tab: int
    toggles: dict[str, bool] | None


class PlanEditor(QWidget):
    def __init__(self, ofile: OpenFile, plan_id: int, parent: QWidget | None = None,
                 settings: AppSettings | None = None):
        super().__init__(parent)
        self.ofile, self.plan_id = ofile, plan_id
        self.settings = settings  # where exports went last (the timeline's pictures)
        self.setObjectName("planEditor")
        self.title = QLabel(self)
        self.title.setObjectName("planTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(translate("Editor", "Planens delar"))
        # Pages are made the first time they are shown (or asked for): a tab holds an empty
        # placeholder until then, so opening a plan builds only the page on screen.
        self.pages: dict[str, QWidget] = _Pages(self)
        self._factories: dict[str, tuple[Callable[[], QWidget], str, str]] = {}
        self._keys: list[str] = []  # tab order
        self._add("metadata", translate("Pages", "Metadata"),
                  lambda: PlanFormPage(ofile, plan_id, metadata_fields(), "page_metadata", self))
        self._add("section", translate("Pages", "Avsnitt"), self._make_sections)
        for config in TABLES:
            self._add(config.kind, translate("Pages", config.tab or config.title),
                      lambda config=config: self._make_table(config), translate("Pages", config.title))
            if config.kind == "timeline":
                self._add("gantt", translate("Pages", "Tidslinje"), self._make_timeline, translate("Pages", "Tidplanen som tidslinje"))
        self._add("risk", translate("Pages", "Risker"), self._make_risks, translate("Pages", "Riskregister och riskmatris"))
        self._add("decision", translate("Pages", "Beslut"),
                  lambda: PlanFormPage(ofile, plan_id, decision_fields(), "page_decision", self),
                  translate("Pages", "Beslut och underskrift"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.tabs.currentIndex())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self._update_title()

    # The pages' modules load with the first page of their kind, not with the editor.
    def _make_sections(self) -> QWidget:
        from ui.editor.section_page import SectionPage

        return SectionPage(self.ofile, self.plan_id, self)

    def _make_table(self, config: TableConfig) -> QWidget:
        from ui.editor.table_page import TablePage

        return TablePage(self.ofile, self.plan_id, config, self)

    def _make_timeline(self) -> QWidget:
        from ui.timeline.panel import TimelinePanel

        panel = TimelinePanel(self.ofile.ws, self.ofile.events, self.ofile.stack, self, self.settings)
        panel.set_plan(self.plan_id)
        panel.open_item_requested.connect(self.open_item)
        return panel

    def _make_risks(self) -> QWidget:
        from ui.risks import RiskPanel

        panel = RiskPanel(self.ofile.ws, self.ofile.events, self.ofile.stack, self)
        panel.set_plan(self.plan_id)
        return panel

    def open_item(self, kind: str, row_id: int) -> None:
        """Show a row (e.g. double-clicked in the timeline) on its table page."""
        from ui.editor.table_page import TablePage

        if kind not in self._factories:
            return
        page = self.pages[kind]
        if isinstance(page, TablePage):
            self.tabs.setCurrentWidget(page)
            page.reload(select_id=row_id)

    def _add(self, key: str, title: str, factory: Callable[[], QWidget], tooltip: str = "") -> None:
        self._factories[key] = (factory, title, tooltip or title)
        self._keys.append(key)
        index = self.tabs.addTab(QWidget(), title)
        self.tabs.setTabToolTip(index, tooltip or title)

    def _tab_shown(self, index: int) -> None:
        if 0 <= index < len(self._keys):
            self._build(self._keys[index])

    def _build(self, key: str) -> QWidget:
        """Make a page in place of its placeholder tab (once)."""
        page = dict.get(self.pages, key)
        if page is not None:
            return page
        factory, title, tooltip = self._factories[key]
        page = factory()
        dict.__setitem__(self.pages, key, page)
        index = self._keys.index(key)
        tabs = self.tabs
        placeholder = tabs.widget(index)
        current = tabs.currentIndex()
        blocked = tabs.blockSignals(True)
        try:
            tabs.removeTab(index)
            tabs.insertTab(index, page, title)
            tabs.setTabToolTip(index, tooltip)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return page

    def flush(self) -> None:
        """Store whatever is typed but not yet stored, on every page (a table cell being typed in too)."""
        from ui.sheet import SheetView

        for page in list(self.pages.values()):
            for view in page.findChildren(SheetView):
                view.commit_open_editor()
            form = getattr(page, "form", None)  # the timeline and risk panels store at once
            if form is not None:
                form.flush()

    def page(self, key: str) -> QWidget:
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        page = self.pages[key]
        self.tabs.setCurrentWidget(page)
        return page

    def view_state(self) -> ViewState:
        """What the person has chosen to see: the tab, and the timeline's toggles once it is made."""
        timeline = dict.get(self.pages, "gantt")
        return ViewState(self.tabs.currentIndex(), None if timeline is None else timeline.toolbar.shown_toggles())

    def show_view_state(self, state: ViewState) -> None:
        """`view_state` of an editor of the same plan, shown here (the editor made anew in another language)."""
        self.tabs.setCurrentIndex(state.tab)
        if state.toggles is not None:
            self.pages["gantt"].toolbar.show_toggles(state.toggles)  # type: ignore[attr-defined]

    def _update_title(self) -> None:
        plan = self.ofile.ws.get("plan", self.plan_id)
        self.title.setText(plan["title"])

    def on_change(self, change: Change, reveal: bool = False) -> None:
        for page in list(self.pages.values()):  # pages not made yet read the file when made
            if hasattr(page, "on_change"):  # the timeline and risk panels listen to the events themselves
                page.on_change(change)
        if change.kind == "plan" and self.plan_id in change.ids and change.action == "updated":
            self._update_title()
        if reveal and change.plan_id == self.plan_id:
            self.reveal(change)

    def reveal(self, change: Change) -> None:
        """After undo/redo: show the page where the change happened."""
        key = change.kind
        if key == "plan" and "baseline_edition" in change.old:  # app.baseline.CHOSEN: chosen on the timeline
            key = "timeline"
        elif key == "plan":
            decision = {f.name for f in decision_fields()}
            key = "decision" if set(change.old) & decision else "metadata"
        if key in self._factories:
            self.show_page(key)


class _Pages(dict):
    """The pages made so far; asking for one not made yet makes it (iterating sees only those made)."""

    def __init__(self, editor: PlanEditor):
        super().__init__()
        self._editor = editor

    def __missing__(self, key: str) -> QWidget:
        if key not in self._editor._factories:
            raise KeyError(key)
        return self._editor._build(key)
