"""Who changed what, when: the plan's change history (Redigera → Ändringshistorik…) and one row's
(Historik… on a table page), from edits made in the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.change_history import plan_history
from tests.ui.ui_steps import type_into


def _rows(dialog) -> list[list[str]]:
    tree = dialog.tree
    return [[tree.topLevelItem(i).text(c) for c in range(5)] for i in range(tree.topLevelItemCount())]


def test_row_and_plan_history_show_who_what_old_and_new(qtbot, window, monkeypatch) -> None:
    ws, plan_id = window.ofile.ws, window.current_plan_id()
    page = window.editor.show_page("budget")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.editor("description").line, "Konsultstöd")
    type_into(qtbot, page.form.editor("amount").line, "100000")
    type_into(qtbot, page.form.editor("amount").line, "250000")
    row_id = page.current_id()
    assert ws.get("budget", row_id)["amount"] == 250000
    seen: list[list[list[str]]] = []

    def exec_(dialog) -> int:
        dialog.show()
        seen.append(_rows(dialog))
        qtbot.keyClicks(dialog.filter, "250")
        seen.append(_rows(dialog))
        return 0

    monkeypatch.setattr("ui.dialogs.history_dialog.HistoryDialog.exec", exec_)
    assert page.history_button.isEnabled()
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    newest = seen[0][0]
    assert newest[2] == "Ändrad" and newest[4] == "belopp: 100000 → 250000"
    assert newest[1]  # who: the computer's user
    assert [r[4] for r in seen[1]] == ["belopp: 100000 → 250000"]

    window.actions_["history"].trigger()
    plan_rows = seen[2]
    assert any(r[3].startswith("Budgetrad") and r[4] == "belopp: 100000 → 250000" for r in plan_rows)
    assert len(plan_rows) == len(plan_history(ws, plan_id))
