"""Search that finds what people type: no matter the case or å, ä, ö when the query has none (or when
asked), title and diarienummer hits first, the text around the match, and "Inga träffar"."""

from __future__ import annotations

from app.plans import create_plan
from tests.ui.ui_steps import type_into


def _search(qtbot, window, text: str) -> list[str]:
    """Type `text` into the search field, let the pause pass, and read the plans listed, in order."""
    type_into(qtbot, window.search, text, enter=False)
    window.search_timer.stop()
    window.refresh_list()  # what the timer does once typing pauses
    model, titles = window.plan_model, []
    for d in range(model.rowCount()):
        doc = model.index(d, 0)
        for s in range(model.rowCount(doc)):
            status = model.index(s, 0, doc)
            titles += [model.index(p, 0, status).data() for p in range(model.rowCount(status))]
    return titles


def test_diacritics_case_ranking_snippet_and_no_hits(qtbot, window) -> None:
    ws = window.ofile.ws
    first = create_plan(ws, "plan", "Annat uppdrag").ids[0]
    ws.add("term", first, term="Zebraövergång", explanation="Överlämningsmöte med förvaltningen i Ålgränd")
    second = create_plan(ws, "plan", "Zebraprojektet").ids[0]
    ws.add("term", second, term="Algebra", explanation="Kurs")
    window.reload_everything()

    assert _search(qtbot, window, "overlamningsm") == ["Annat uppdrag"]
    assert _search(qtbot, window, "ÖVERLÄMNINGSMÖTE") == ["Annat uppdrag"]
    assert _search(qtbot, window, "orebro") == ["Gemensam plan för primärvården som nav"]
    # Written with å, the query finds å only; without, both.
    assert _search(qtbot, window, "ålg") == ["Annat uppdrag"]
    assert sorted(_search(qtbot, window, "alg")) == ["Annat uppdrag", "Zebraprojektet"]
    window.fold_box.setChecked(True)
    assert sorted(_search(qtbot, window, "ålg")) == ["Annat uppdrag", "Zebraprojektet"]
    window.fold_box.setChecked(False)

    # A hit in the title comes before a hit in the text, whatever the alphabet says.
    assert _search(qtbot, window, "zebra") == ["Zebraprojektet", "Annat uppdrag"]
    window.select_plan(first)
    assert window.snippet_label.isVisible()
    assert "[Zebraövergång]" in window.snippet_label.text()
    assert window.count_label.text() == "2 träffar"

    assert _search(qtbot, window, "finnsintenågonstans") == []
    assert window.count_label.text().startswith("Inga träffar för ”finnsintenågonstans”")
    assert not window.snippet_label.isVisible()
    window.search.clear()
    window.refresh_list()
    assert window.count_label.text() == "4 planer"
