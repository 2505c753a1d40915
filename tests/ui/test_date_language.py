"""Dates in the window's language: in English mode a person may type a date in English or in Swedish,
the change history and the comparison of editions show dates in English, and the Word appendix of
the same changes stays Swedish; in Swedish mode all of it is Swedish, as before."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction

from app.dates import MONTHS_LONG, VagueDate
from ui_steps import type_into
from wrong_language import english_in, swedish_in

_MONTHS_SV = re.compile(r"\b(" + "|".join(name.lower() for name in MONTHS_LONG) + r")\b")


def _history_rows(window, monkeypatch) -> list[str]:
    seen: list[str] = []

    def exec_(dialog) -> int:
        tree = dialog.tree
        seen.extend(tree.topLevelItem(i).text(4) for i in range(tree.topLevelItemCount()))
        return 0

    monkeypatch.setattr("ui.dialogs.history_dialog.HistoryDialog.exec", exec_)
    window.actions_["history"].trigger()
    return seen


def _comparison(window, monkeypatch) -> str:
    shown: list[str] = []

    def exec_(dialog) -> int:
        shown.append(dialog.summary.toPlainText())
        return 0

    monkeypatch.setattr("ui.dialogs.edition_dialogs.CompareEditionsDialog.exec", exec_)
    window.actions_["compare"].trigger()
    return shown[0]


def _dates_in(lines: list[str]) -> list[str]:
    """The lines of a history or comparison that name a date the test typed (March, April 2026)."""
    return [line for line in lines if "2026" in line and re.search(r"(?i)mar|apr", line)]


def test_english_mode_reads_english_and_swedish_and_shows_dates_in_english(qtbot, window, monkeypatch) -> None:
    from app.editions import freeze_edition

    ws, plan = window.ofile.ws, window.current_plan_id()
    freeze_edition(ws, plan, "1.0")
    window.findChild(QAction, "actionLanguage_en").trigger()
    page = window.editor.show_page("timeline")
    page.view.selectRow(0)
    item_id = page.current_id()
    start, end = page.form.editors["start"].edit, page.form.editors["end"].edit
    type_into(qtbot, end.line, "")  # an open end, so no start typed below lies after it
    type_into(qtbot, start.line, "end of March 2026", enter=False)  # English, typed
    assert start.feedback.text() == ""  # understood and committed: nothing to say
    assert ws.get("timeline", item_id)["start"] == VagueDate.month_part(2026, 3, 3)
    type_into(qtbot, end.line, "slutet av april 2026", enter=False)  # Swedish, in English mode
    assert end.feedback.text() == ""
    assert ws.get("timeline", item_id)["end"] == VagueDate.month_part(2026, 4, 3)
    page.view.selectRow(0)
    assert (start.line.text(), end.line.text()) == ("late March 2026", "late April 2026")
    start.line.setText("31 February 2026")  # what it understands is said as it is typed
    start.line.textEdited.emit(start.line.text())
    assert start.feedback.text() == "Invalid date: February 2026 does not have 31 days, only 28."
    start.line.setText("Q3 2026")
    start.line.textEdited.emit(start.line.text())
    assert start.feedback.text() == "→ Q3 2026 (quarter)"
    start.line.setText("mitten av april 2026")
    start.line.textEdited.emit(start.line.text())
    assert start.feedback.text() == "→ mid-April 2026 (part of a month)"
    start.set_value(ws.get("timeline", item_id)["start"])

    history = _dates_in(_history_rows(window, monkeypatch))
    assert any("late March 2026" in line for line in history), history
    assert any("late April 2026" in line for line in history), history
    assert [line for line in history if _MONTHS_SV.search(line) or swedish_in(line)] == []
    comparison = _comparison(window, monkeypatch)
    assert "late March 2026" in comparison and "late April 2026" in comparison, comparison
    dated = _dates_in(comparison.splitlines())
    assert dated and [line for line in dated if _MONTHS_SV.search(line)] == [], dated

    # the same changes as the Word appendix writes them: Swedish in every language
    from app.exporters import changes_appendix

    appendix = str(changes_appendix(ws, plan, "1.0"))
    assert "slutet av mars 2026" in appendix and "late March" not in appendix


def test_swedish_mode_shows_the_same_dates_in_swedish(qtbot, window, monkeypatch) -> None:
    from app.editions import freeze_edition

    ws, plan = window.ofile.ws, window.current_plan_id()
    freeze_edition(ws, plan, "1.0")
    page = window.editor.show_page("timeline")
    page.view.selectRow(0)
    start, end = page.form.editors["start"].edit, page.form.editors["end"].edit
    type_into(qtbot, end.line, "")
    type_into(qtbot, start.line, "mid-March 2026")  # English typed in Swedish mode reads too
    assert start.line.text() == "mitten av mars 2026" and start.feedback.text() == ""
    history = _dates_in(_history_rows(window, monkeypatch))
    assert any("mitten av mars 2026" in line for line in history), history
    assert [line for line in history if english_in(line)] == []
    assert "mitten av mars 2026" in _comparison(window, monkeypatch)
