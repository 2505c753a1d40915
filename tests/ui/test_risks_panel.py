"""The risk page driven like a person would: clicking and dragging in the matrix, editing the register, undo."""

from __future__ import annotations


import pytest


from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QUndoStack

from app import risks
from app.plans import create_plan
from app.workspace import Workspace
from db import models
from ui.risks import RiskPanel
from ui.risks.model import RISK_MIME
from ui.undo import WorkspaceEvents


@pytest.fixture
def setup(ws: Workspace, qtbot):
    plan_id = create_plan(ws, "plan", "Titel").ids[0]
    ids = {
        "a": ws.add("risk", plan_id, title="A", probability=2, impact=3).ids[0],
        "b": ws.add("risk", plan_id, title="B", probability=2, impact=3).ids[0],
        "c": ws.add("risk", plan_id, title="C", probability=4, impact=1).ids[0],
        "d": ws.add("risk", plan_id, title="D").ids[0],
    }
    events, stack = WorkspaceEvents(), QUndoStack()
    errors: list[str] = []
    events.error.connect(errors.append)
    panel = RiskPanel(ws, events, stack)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.set_plan(plan_id)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, plan_id, ids, stack, errors


def _titles(panel: RiskPanel) -> list[str]:
    m = panel.model
    return [m.data(m.index(r, m.column_of("title"))) for r in range(m.rowCount())]


def test_models_pass_the_model_tester(setup, qtmodeltester) -> None:
    panel, *_ = setup
    qtmodeltester.check(panel.model)
    panel.select_risk(panel.model.row_at(0).id)
    qtmodeltester.check(panel.history_model)


def test_click_on_a_cell_filters_the_register(setup, qtbot) -> None:
    panel, _plan, _ids, _stack, _errors = setup
    assert _titles(panel) == ["A", "B", "C", "D"]
    matrix = panel.matrix
    assert matrix.counts == {(2, 3): 2, (4, 1): 1}
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=matrix.cell_center((2, 3)))
    assert _titles(panel) == ["A", "B"]
    assert panel.show_all.isEnabled() and "sannolikhet 2" in panel.filter_label.text()
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=matrix.cell_center((4, 1)))
    assert _titles(panel) == ["C"]
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=matrix.cell_center((4, 1)))  # again: cleared
    assert _titles(panel) == ["A", "B", "C", "D"]
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=matrix.cell_center((1, 1)))  # an empty cell
    assert _titles(panel) == []
    qtbot.mouseClick(panel.show_all, Qt.MouseButton.LeftButton)
    assert _titles(panel) == ["A", "B", "C", "D"]


def _drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    mid = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(widget, mid)
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def _scores(risk_id: int) -> tuple[int | None, int | None]:
    r = models.Risk.get_by_id(risk_id)
    return r.probability, r.impact


def test_drag_between_cells_reassesses_and_undoes(setup, qtbot) -> None:
    panel, _plan, ids, stack, errors = setup
    matrix = panel.matrix
    panel.select_risk(ids["b"])  # the selected risk is the one that moves out of a shared cell
    _drag(qtbot, matrix, matrix.cell_center((2, 3)), matrix.cell_center((4, 4)))
    assert errors == []
    assert _scores(ids["b"]) == (4, 4) and _scores(ids["a"]) == (2, 3)
    history = risks.assessment_rows(panel.ws, ids["b"])
    assert [(h.probability, h.impact, h.scale) for h in history] == [(4, 4, 4)]
    assert matrix.counts == {(2, 3): 1, (4, 1): 1, (4, 4): 1}
    assert panel.history_model.rowCount() == 1  # the selected risk's history shows the new row
    assert stack.count() == 1

    stack.undo()
    assert _scores(ids["b"]) == (2, 3)
    A = models.RiskAssessment
    row = A.get(A.risk == ids["b"])
    assert row.deleted_at is not None
    assert risks.assessment_rows(panel.ws, ids["b"]) == []
    assert matrix.counts == {(2, 3): 2, (4, 1): 1}

    stack.redo()
    assert _scores(ids["b"]) == (4, 4)
    assert [h.id for h in risks.assessment_rows(panel.ws, ids["b"])] == [row.id]


def test_drag_from_an_empty_cell_or_click_does_not_assess(setup, qtbot) -> None:
    panel, _plan, ids, stack, _errors = setup
    matrix = panel.matrix
    _drag(qtbot, matrix, matrix.cell_center((1, 1)), matrix.cell_center((3, 3)))
    assert stack.count() == 0
    assert all(risks.assessment_rows(panel.ws, r) == [] for r in ids.values())


def test_drop_of_a_register_row_on_a_cell_reassesses(setup, qtbot) -> None:
    panel, _plan, ids, stack, _errors = setup
    matrix = panel.matrix
    mime = panel.model.mimeData([panel.model.index(panel.model.row_of(ids["d"]), 0)])
    assert mime.hasFormat(RISK_MIME)
    drop = QDropEvent(QPointF(matrix.cell_center((3, 2))), Qt.DropAction.MoveAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    matrix.dropEvent(drop)
    assert _scores(ids["d"]) == (3, 2)
    stack.undo()
    assert _scores(ids["d"]) == (None, None)


def test_editing_the_register_is_undoable_and_validated(setup, qtbot) -> None:
    panel, _plan, ids, stack, errors = setup
    m = panel.model
    row = m.row_of(ids["c"])
    assert m.setData(m.index(row, m.column_of("owner")), "Karin")
    assert models.Risk.get_by_id(ids["c"]).owner == "Karin"
    assert m.setData(m.index(m.row_of(ids["c"]), m.column_of("status")), "Hanteras")
    assert models.Risk.get_by_id(ids["c"]).status == "handled"
    assert not m.setData(m.index(m.row_of(ids["c"]), m.column_of("probability")), 5)
    assert errors and "mellan 1 och 4" in errors[-1]
    assert m.setData(m.index(m.row_of(ids["c"]), m.column_of("impact")), 2)
    assert _scores(ids["c"]) == (4, 2) and len(risks.assessment_rows(panel.ws, ids["c"])) == 1
    value = m.index(m.row_of(ids["c"]), m.column_of("value"))
    assert m.data(value) == "8 hög" and m.data(value, Qt.ItemDataRole.BackgroundRole) is not None
    stack.undo()
    stack.undo()
    stack.undo()
    c = models.Risk.get_by_id(ids["c"])
    assert (c.owner, c.status, c.impact) == ("", "open", 1)


def test_portfolio_counts_across_two_plans(ws: Workspace, qtbot) -> None:
    first = create_plan(ws, "plan", "Första").ids[0]
    second = create_plan(ws, "plan", "Andra").ids[0]
    ws.add("risk", first, title="A", probability=2, impact=3)
    ws.add("risk", second, title="B", probability=2, impact=3)
    ws.add("risk", second, title="C", probability=1, impact=4)
    panel = RiskPanel(ws, WorkspaceEvents(), QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    panel.set_plan(None)
    assert panel.matrix.counts == {(2, 3): 2, (1, 4): 1}
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Plan"
    assert {panel.model.row_at(r).plan_title for r in range(panel.model.rowCount())} == {"Första", "Andra"}
    panel.set_plan(first)
    assert panel.matrix.counts == {(2, 3): 1}


def test_scale_change_from_settings_is_one_undo_step(setup, qtbot) -> None:
    panel, _plan, ids, stack, _errors = setup
    five = risks.default_settings(5)
    assert panel.apply_settings(five)
    assert panel.matrix.settings.scale == 5
    assert _scores(ids["a"]) == (2, 4) and _scores(ids["c"]) == (5, 1)
    assert panel.matrix.counts == {(2, 4): 2, (5, 1): 1}
    stack.undo()
    assert panel.ws.risk_scale == 4 and _scores(ids["a"]) == (2, 3)
    assert risks.assessment_rows(panel.ws, ids["a"]) == []
    assert panel.matrix.settings.scale == 4


@pytest.mark.parametrize("size", [(360, 300), (420, 340), (700, 560)])
def test_matrix_axis_labels_are_never_cut(qtbot, size: tuple[int, int]) -> None:
    """Each label of both axes ("4 Katastrofal", "5 Mycket sannolik") fits whole in its place."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from ui.risks.matrix import RiskMatrixView

    for scale in (4, 5):
        view = RiskMatrixView(risks.default_settings(scale))
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        inside = QRectF(view.rect())
        for rect, flags, text, font in view.axis_labels():
            metrics = QFontMetricsF(font)
            needed = metrics.boundingRect(rect, flags, text)
            words = text.split()
            assert max(metrics.horizontalAdvance(w) for w in words) <= rect.width() + 0.5, (size, text)
            assert needed.height() <= rect.height() + 0.5, (size, text)
            assert inside.contains(rect), (size, text)
