"""The item models pass Qt's model tester and hold plain data."""

from __future__ import annotations

from ui.editor.section_page import SectionListModel, numbered_headings
from ui.editor.table_kinds import TABLES_BY_KIND
from ui.editor.table_model import RowTableModel
from ui.plan_list import PlanListModel, PlanRow
from ui.plan_panel import PlanListPanel


def test_plan_list_model_groups_by_type_and_status(qtmodeltester) -> None:
    model = PlanListModel()
    model.set_rows([
        PlanRow(1, "plan", "B-plan", "RS 1", "draft"),
        PlanRow(2, "directive", "Direktiv", "", "approved"),
        PlanRow(3, "plan", "A-plan", "", "draft"),
        PlanRow(4, "plan", "C-plan", "", "approved"),
    ])
    qtmodeltester.check(model)
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top == ["Uppdragsdirektiv (1)", "Uppdragsplan (3)"]
    plan_group = model.index(1, 0)
    statuses = [model.index(r, 0, plan_group).data() for r in range(model.rowCount(plan_group))]
    assert statuses == ["Utkast (2)", "Beslutad (1)"]
    drafts = model.index(0, 0, plan_group)
    assert [model.index(r, 0, drafts).data() for r in range(2)] == ["A-plan", "B-plan"]
    assert model.index_of_plan(1).data() == "B-plan"
    assert model.plan_count() == 4


def test_a_heading_of_the_plan_list_can_be_current_but_is_never_selected(qtbot) -> None:
    panel = PlanListPanel(lambda: None)
    qtbot.addWidget(panel)
    panel.model.set_rows([PlanRow(1, "plan", "A-plan", "", "draft"), PlanRow(2, "plan", "B-plan", "", "draft")])
    panel.tree.expandAll()
    plan_group = panel.model.index(0, 0)
    drafts = panel.model.index(0, 0, plan_group)
    selected = lambda: [i.data() for i in panel.tree.selectionModel().selectedIndexes()]  # noqa: E731
    panel.tree.setCurrentIndex(panel.model.index(0, 0, drafts))
    assert selected() == ["A-plan"]
    for heading in (drafts, plan_group):
        panel.tree.setCurrentIndex(heading)
        assert panel.tree.currentIndex() == heading
        assert selected() == []


def test_row_table_model_over_example_timeline(qtmodeltester, window) -> None:
    ws = window.ofile.ws
    model = RowTableModel(list(TABLES_BY_KIND["timeline"].fields))
    plan_id = window.current_plan_id()
    model.set_rows(ws.list("timeline", plan_id), {})
    qtmodeltester.check(model)
    assert model.rowCount() == len(ws.list("timeline", plan_id)) > 0
    assert all(isinstance(r, dict) for r in model.rows)


def test_section_list_numbers_like_the_document(qtmodeltester) -> None:
    sections = [
        {"id": 1, "heading": "Sammanfattning", "level": 1, "numbered": 0},
        {"id": 2, "heading": "Bakgrund", "level": 1, "numbered": 1},
        {"id": 3, "heading": "Idé", "level": 2, "numbered": 1},
        {"id": 4, "heading": "Mål", "level": 1, "numbered": 1},
    ]
    assert numbered_headings(sections) == ["Sammanfattning", "1. Bakgrund", "1.1. Idé", "2. Mål"]
    model = SectionListModel()
    model.set_sections(sections)
    qtmodeltester.check(model)
