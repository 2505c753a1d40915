"""What changed since an edition, across every part of the plan (not only section text)."""

from __future__ import annotations

from typing import Any

import pytest

from app.dates import VagueDate
from app.editions import freeze_edition, plan_changes
from app.plan_diff import diff_plans, text_lines, word_diff
from app.plans import add_examples
from app.workspace import Workspace


@pytest.fixture
def ws(any_ws) -> Any:
    return any_ws


def _first(ws: Workspace, kind: str, plan: int, **where: Any) -> dict[str, Any]:
    return next(r for r in ws.list(kind, plan) if all(r[k] == v for k, v in where.items()))


def test_every_part_is_compared(ws: Workspace) -> None:
    plan = add_examples(ws)[1]
    goal = ws.add("goal", plan, kind="effect", text="Kortare väntetider").ids[0]
    freeze_edition(ws, plan, "1.0")
    item = _first(ws, "timeline", plan)
    ws.update("timeline", item["id"], title="Förstudie (ny titel)")
    moved = ws.list("timeline", plan)[1]
    ws.update("timeline", moved["id"], end=VagueDate.month(2031, 5))
    ws.add("budget", plan, kind="cost", description="Konsultstöd", amount=250000, year=2026)
    line = ws.list("budget", plan)[0]
    ws.update("budget", line["id"], amount=(line["amount"] or 0) + 1000)
    risk = ws.add("risk", plan, title="Sjukfrånvaro", probability=2, impact=2).ids[0]
    ws.delete("goal", goal)
    section = next(s for s in ws.list("section", plan) if s["body"])
    ws.update("section", section["id"], body=section["body"] + " Tillagd mening.")
    ws.update("plan", plan, diarienummer="RÖL 2026/1")

    diffs, old_label, new_label = plan_changes(ws, plan)
    assert (old_label, new_label) == ("1.0", "nu")
    by_part: dict[str, list[str]] = {}
    for d in diffs:
        by_part.setdefault(d.part, []).append(d.line())
    assert any("titel: ”" in line and "Förstudie (ny titel)" in line for line in by_part["timeline"])
    assert any(line.startswith("Flyttad") and "maj 2031" in line for line in by_part["timeline"])
    assert any(line.startswith("Tillagd: Kostnad Konsultstöd") for line in by_part["budget"])
    assert any("belopp:" in line for line in by_part["budget"])
    assert by_part["risks"] == ["Tillagd: Sjukfrånvaro"]
    assert by_part["goals"] == ["Borttagen: Effektmål Kortare väntetider"]
    assert any("[+Tillagd mening.]" in line for line in by_part["sections"])
    assert any("diarienummer" in line and "RÖL 2026/1" in line for line in by_part["metadata"])

    ws.update("risk", risk, probability=3)
    freeze_edition(ws, plan, "1.1")
    ws.update("risk", risk, impact=4)
    diffs, *_ = plan_changes(ws, plan, "1.1")
    assert [d.line() for d in diffs if d.part == "risks"] == [
        "Ändrad: Sjukfrånvaro (konsekvens: 2 → 4; riskvärde: 6 → 12)"]
    diffs, *_ = plan_changes(ws, plan, "1.0", "1.1")
    assert "Tillagd: Sjukfrånvaro" in [d.line() for d in diffs if d.part == "risks"]


def test_same_state_and_missing_editions(ws: Workspace) -> None:
    plan = add_examples(ws)[0]
    with pytest.raises(LookupError, match="ingen fryst utgåva"):
        plan_changes(ws, plan)
    freeze_edition(ws, plan, "1.0")
    diffs, old, new = plan_changes(ws, plan)
    assert diffs == []
    assert text_lines(diffs, old_label=old, new_label=new) == ["Ändringar från utgåva 1.0 till i dag", "Inga ändringar."]
    with pytest.raises(LookupError, match="ingen utgåva 2.0 .frysta utgåvor: 1.0"):
        plan_changes(ws, plan, "2.0")


def test_word_diff_shows_the_changed_words_in_context() -> None:
    old = "Uppdraget ska leverera en rapport till styrgruppen senast i oktober och sedan avslutas helt."
    new = "Uppdraget ska leverera två rapporter till styrgruppen senast i oktober och sedan avslutas helt."
    assert word_diff(old, new) == "Uppdraget ska leverera [−en rapport] [+två rapporter] till styrgruppen senast …"
    assert diff_plans({"title": "A"}, {"title": "B"})[0].line() == "Ändrad (titel: ”A” → ”B”)"
