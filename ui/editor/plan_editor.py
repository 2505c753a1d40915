"""The open plan's editor: one tab per part of the plan, all sharing the file's undo stack."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.workspace import Change
from ui.document import OpenFile
from ui.editor.plan_form_page import PlanFormPage, decision_fields, metadata_fields
from ui.editor.section_page import SectionPage
from ui.editor.table_kinds import TABLES
from ui.editor.table_page import TablePage
from ui.i18n import tr


class PlanEditor(QWidget):
    def __init__(self, ofile: OpenFile, plan_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ofile, self.plan_id = ofile, plan_id
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
        self.tabs.setAccessibleName(tr("Editor", "Planens delar"))
        self.pages: dict[str, QWidget] = {}
        self._add("metadata", tr("Pages", "Metadata"),
                  PlanFormPage(ofile, plan_id, metadata_fields(), "page_metadata", self))
        self._add("section", tr("Pages", "Avsnitt"), SectionPage(ofile, plan_id, self))
        for config in TABLES:
            self._add(config.kind, tr("Pages", config.tab or config.title), TablePage(ofile, plan_id, config, self),
                      tr("Pages", config.title))
            if config.kind == "timeline":
                self._add_timeline()
        self._add_risks()
        self._add("decision", tr("Pages", "Beslut"),
                  PlanFormPage(ofile, plan_id, decision_fields(), "page_decision", self),
                  tr("Pages", "Beslut och underskrift"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self._update_title()

    def _add_timeline(self) -> None:
        from ui.timeline.panel import TimelinePanel

        panel = TimelinePanel(self.ofile.ws, self.ofile.events, self.ofile.stack, self)
        panel.set_plan(self.plan_id)
        panel.open_item_requested.connect(self.open_item)
        self._add("gantt", tr("Pages", "Tidslinje"), panel, tr("Pages", "Tidplanen som tidslinje"))

    def _add_risks(self) -> None:
        from ui.risks import RiskPanel

        panel = RiskPanel(self.ofile.ws, self.ofile.events, self.ofile.stack, self)
        panel.set_plan(self.plan_id)
        self._add("risk", tr("Pages", "Risker"), panel, tr("Pages", "Riskregister och riskmatris"))

    def open_item(self, kind: str, row_id: int) -> None:
        """Show a row (e.g. double-clicked in the timeline) on its table page."""
        page = self.pages.get(kind)
        if isinstance(page, TablePage):
            self.tabs.setCurrentWidget(page)
            page.reload(select_id=row_id)

    def _add(self, key: str, title: str, page: QWidget, tooltip: str = "") -> None:
        self.pages[key] = page
        index = self.tabs.addTab(page, title)
        self.tabs.setTabToolTip(index, tooltip or title)

    def flush(self) -> None:
        """Store whatever is typed but not yet stored, on every page."""
        for page in list(self.pages.values()):
            form = getattr(page, "form", None)  # the timeline and risk panels store at once
            if form is not None:
                form.flush()

    def page(self, key: str) -> QWidget:
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        page = self.pages[key]
        self.tabs.setCurrentWidget(page)
        return page

    def _update_title(self) -> None:
        plan = self.ofile.ws.get("plan", self.plan_id)
        self.title.setText(plan["title"])

    def on_change(self, change: Change, reveal: bool = False) -> None:
        for page in self.pages.values():
            if hasattr(page, "on_change"):  # the timeline and risk panels listen to the events themselves
                page.on_change(change)
        if change.kind == "plan" and self.plan_id in change.ids and change.action == "updated":
            self._update_title()
        if reveal and change.plan_id == self.plan_id:
            self.reveal(change)

    def reveal(self, change: Change) -> None:
        """After undo/redo: show the page where the change happened."""
        key = change.kind
        if key == "plan":
            decision = {f.name for f in decision_fields()}
            key = "decision" if set(change.old) & decision else "metadata"
        if key in self.pages:
            self.tabs.setCurrentWidget(self.pages[key])
