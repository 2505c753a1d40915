"""Dependencies from the timeline item's form: added, changed and removed, each one undo step; a cycle refused."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.editor.dependency_box import DependencyDialog


def _choose(monkeypatch, item_title: str, kind: str = "FS", lag: int = 0, unit: str = "day") -> None:
    def run(dialog: DependencyDialog) -> int:
        dialog.item.setCurrentIndex(next(i for i in range(dialog.item.count()) if item_title in dialog.item.itemText(i)))
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.lag.setValue(lag)
        dialog.unit.setCurrentIndex(dialog.unit.findData(unit))
        return 1

    monkeypatch.setattr(DependencyDialog, "exec", run)


def test_a_dependency_is_added_changed_and_removed_from_the_form(qtbot, monkeypatch, window) -> None:
    page = window.editor.show_page("timeline")
    ws = window.ofile.ws
    plan_id = window.current_plan_id()
    items = ws.list("timeline", plan_id)
    first, second = items[0], items[1]
    page.select_row(page.model.row_of(second["id"]))
    box = page.dependencies
    _choose(monkeypatch, first["title"], "SS", -2, "week")
    qtbot.mouseClick(box.add_before, Qt.MouseButton.LeftButton)
    [dep] = ws.list("dependency")
    assert (dep["predecessor"], dep["successor"], dep["kind"], dep["lag"], dep["lag_unit"]) == (
        first["id"], second["id"], "SS", -2, "week")
    assert box.list.count() == 1 and box.list.item(0).text().startswith("Väntar på: ")
    assert "Start till start − 2 veckor" in box.list.item(0).text()

    _choose(monkeypatch, first["title"], "FF", 3, "day")
    box.list.setCurrentRow(0)
    qtbot.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    assert (ws.get("dependency", dep["id"])["kind"], ws.get("dependency", dep["id"])["lag"]) == ("FF", 3)

    # The other way round would wait for itself: refused, said in Swedish, nothing stored.
    page.select_row(page.model.row_of(first["id"]))
    _choose(monkeypatch, second["title"])
    qtbot.mouseClick(box.add_before, Qt.MouseButton.LeftButton)
    assert "cirkel" in window.statusBar().currentMessage() and len(ws.list("dependency")) == 1

    page.select_row(page.model.row_of(second["id"]))
    box.list.setCurrentRow(0)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert ws.list("dependency") == [] and box.list.count() == 0

    stack = window.ofile.stack
    stack.undo()  # the removal
    assert len(ws.list("dependency")) == 1 and box.list.count() == 1
    stack.undo()  # the change
    assert ws.get("dependency", dep["id"])["kind"] == "SS"
    stack.undo()  # the link
    assert ws.list("dependency") == []
