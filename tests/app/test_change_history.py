"""The change history from the row history: who, when, what part, old → new; it survives a merge."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.change_history import plan_history, row_history
from app.merge import merge_into
from app.plans import add_examples
from app.workspace import Workspace


# Merges a copied file into a file (the server's side of it, sync, is tested in tests/app/test_sync.py): files.
def test_history_of_a_plan_and_of_a_row_across_a_merge(tmp_path: Path) -> None:
    mine = tmp_path / "min.uppdrag"
    ws = Workspace.create(mine)
    plan = add_examples(ws)[0]
    item = ws.list("timeline", plan)[0]
    ws.close()
    theirs = tmp_path / "kollegans.uppdrag"
    shutil.copy(mine, theirs)

    other = Workspace.open(theirs)
    other.store.db.author = "karin på laptop"
    other.update("plan", plan, diarienummer="RÖL 2026/7")
    risk = other.add("risk", plan, title="Sjukfrånvaro", probability=2, impact=3).ids[0]
    other.delete("risk", risk)
    other.close()

    ws = Workspace.open(mine)
    ws.store.db.author = "anna på kontoret"
    ws.update("timeline", item["id"], title="Förstudie")
    merge_into(ws.store, theirs)
    entries = plan_history(ws, plan)
    lines = [(e.who, e.action, e.part, e.changes) for e in entries]
    assert ("anna på kontoret", "Ändrad", "tidplanspost",
            [f"titel: ”{item['title']}” → ”Förstudie”"]) in lines
    assert ("karin på laptop", "Ändrad", "plan", ["diarienummer: (tomt) → ”RÖL 2026/7”"]) in lines
    assert any(e.who == "karin på laptop" and e.action == "Borttagen" and e.item == "Sjukfrånvaro" for e in entries)
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)

    row = row_history(ws, "timeline", item["id"])
    assert [e.action for e in row] == ["Ändrad", "Skapad"]
    assert row[0].line().endswith(f"Tidplanspost ”Förstudie”: titel: ”{item['title']}” → ”Förstudie”")
    ws.close()
