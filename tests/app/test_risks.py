"""Risk services: scale validation, values, assessments with history, scale changes, the matrix."""

from __future__ import annotations

from datetime import date

import pytest

from app import risks
from app.plans import create_plan
from app.validation import ValidationError
from app.workspace import Workspace
from db import models


@pytest.fixture
def ws(any_ws: Workspace) -> Workspace:
    """A new file, and a new database on the team server: the same tests on both."""
    return any_ws


@pytest.fixture
def plan_id(ws: Workspace) -> int:
    return create_plan(ws, "plan", "Titel").ids[0]


def _history(risk_id: int, *, alive: bool = True) -> list[models.RiskAssessment]:
    A = models.RiskAssessment
    q = A.select().where(A.risk == risk_id)
    if alive:
        q = q.where(A.deleted_at.is_null())
    return list(q.order_by(A.id))


def test_score_above_scale_is_refused_in_swedish(ws: Workspace, plan_id: int) -> None:
    with pytest.raises(ValidationError) as err:
        ws.add("risk", plan_id, title="Brist på personal", probability=5, impact=2)
    assert "Sannolikheten måste vara mellan 1 och 4 (fick 5)" in str(err.value)
    rid = ws.add("risk", plan_id, title="Brist på personal", probability=2, impact=2).ids[0]
    with pytest.raises(ValidationError, match="Konsekvensen måste vara mellan 1 och 4"):
        risks.assess(ws, rid, 2, 5)
    assert ws.get("risk", rid)["impact"] == 2
    assert _history(rid) == []  # the refused assessment left no history row


def test_score_5_allowed_on_scale_5(ws: Workspace, plan_id: int) -> None:
    risks.change_scale(ws, 5)
    rid = ws.add("risk", plan_id, title="R", probability=5, impact=5).ids[0]
    assert ws.get("risk", rid)["probability"] == 5


def test_risk_value_and_levels() -> None:
    assert risks.risk_value(3, 4) == 12
    assert risks.risk_value(None, 4) is None
    s = risks.default_settings(4)
    assert [s.level(v) for v in (1, 3, 4, 7, 8, 16)] == ["green", "green", "yellow", "yellow", "red", "red"]
    assert s.level(None) is None
    assert s.probability_label(1) == "Mycket liten" and s.probability_label(4) == "Mycket stor"


def test_settings_round_trip_and_are_checked(ws: Workspace) -> None:
    s = risks.load_settings(ws)
    assert s == risks.default_settings(4)
    mine = risks.RiskSettings(4, ("A", "B", "C", "D"), ("E", "F", "G", "H"), 3, 10)
    risks.save_settings(ws, mine)
    assert risks.load_settings(ws) == mine
    with pytest.raises(ValidationError, match="benämning för varje nivå"):
        risks.save_settings(ws, risks.RiskSettings(4, ("A", "B"), ("E", "F", "G", "H"), 3, 10))
    with pytest.raises(ValidationError, match="gul ≤ röd"):
        risks.save_settings(ws, risks.RiskSettings(4, ("A", "B", "C", "D"), ("E", "F", "G", "H"), 10, 3))


def test_assess_updates_risk_and_appends_history_and_reverts(ws: Workspace, plan_id: int) -> None:
    rid = ws.add("risk", plan_id, title="R", probability=1, impact=1).ids[0]
    change = risks.assess(ws, rid, 3, 4, "Efter workshop", today=date(2025, 3, 1))
    assert (ws.get("risk", rid)["probability"], ws.get("risk", rid)["impact"]) == (3, 4)
    [row] = _history(rid)
    assert (row.probability, row.impact, row.scale, row.note) == (3, 4, 4, "Efter workshop")
    assert str(row.assessed_on) == "2025-03-01"
    assert change.ids == (rid, row.id) and change.old == {"probability": 1, "impact": 1}

    risks.revert_assessment(ws, change)
    assert (ws.get("risk", rid)["probability"], ws.get("risk", rid)["impact"]) == (1, 1)
    assert _history(rid) == [] and _history(rid, alive=False)[0].deleted_at is not None

    risks.reapply_assessment(ws, change, 3, 4)
    assert [a.uuid for a in _history(rid)] == [row.uuid]
    assert ws.get("risk", rid)["probability"] == 3


def test_rescale_maps_proportionally() -> None:
    assert [risks.rescale(s, 4, 5) for s in (1, 2, 3, 4)] == [1, 2, 4, 5]
    assert [risks.rescale(s, 5, 4) for s in (1, 2, 3, 4, 5)] == [1, 2, 3, 3, 4]
    assert risks.rescale(None, 4, 5) is None


def test_change_scale_4_to_5_and_back_keeps_order_and_records_history(ws: Workspace, plan_id: int) -> None:
    scores = [(1, 1), (2, 3), (3, 2), (4, 4), (2, 4), (None, None)]
    ids = [ws.add("risk", plan_id, title=f"R{n}", probability=p, impact=i).ids[0]
           for n, (p, i) in enumerate(scores)]

    def values() -> list[int | None]:
        return [risks.risk_value(ws.get("risk", r)["probability"], ws.get("risk", r)["impact"]) for r in ids]

    before = values()
    change = risks.change_scale(ws, 5, today=date(2025, 5, 1))
    assert ws.risk_scale == 5
    assert [(ws.get("risk", r)["probability"], ws.get("risk", r)["impact"]) for r in ids] == [
        (1, 1), (2, 4), (4, 2), (5, 5), (2, 5), (None, None)]
    after = values()
    scored = [k for k, v in enumerate(before) if v is not None]
    # Ordering by value is kept (ties may stay ties, never swap).
    for a in scored:
        for b in scored:
            if before[a] < before[b]:
                assert after[a] <= after[b]
    assert set(change.ids) == set(ids[:5])
    for r in ids[:5]:
        last = _history(r)[-1]
        assert last.scale == 5 and "skala 1–4 till 1–5" in last.note
    assert _history(ids[5]) == []

    risks.change_scale(ws, 4)
    assert ws.risk_scale == 4
    assert [(ws.get("risk", r)["probability"], ws.get("risk", r)["impact"]) for r in ids] == scores
    assert all(len(_history(r)) == 2 for r in ids[:5])


def test_change_scale_is_one_transaction(ws: Workspace, plan_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [ws.add("risk", plan_id, title=f"R{n}", probability=n, impact=n).ids[0] for n in (2, 3)]
    real_add = ws.add
    calls = {"n": 0}

    def failing_add(kind: str, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real_add(kind, *a, **kw)

    monkeypatch.setattr(ws, "add", failing_add)
    with pytest.raises(RuntimeError):
        risks.change_scale(ws, 5)
    monkeypatch.undo()
    assert ws.risk_scale == 4
    assert [ws.get("risk", r)["probability"] for r in ids] == [2, 3]
    assert all(_history(r) == [] for r in ids)


def test_revert_scale_restores_exact_scores(ws: Workspace, plan_id: int) -> None:
    rid = ws.add("risk", plan_id, title="R", probability=3, impact=2).ids[0]
    risks.change_scale(ws, 5)
    ch = risks.change_scale(ws, 4)  # 5 -> 4 may be lossy in general; revert restores exactly
    risks.revert_scale(ws, ch)
    assert ws.risk_scale == 5
    assert (ws.get("risk", rid)["probability"], ws.get("risk", rid)["impact"]) == (4, 2)
    assert len(_history(rid)) == 1


def test_register_and_matrix_across_plans(ws: Workspace, plan_id: int) -> None:
    other = create_plan(ws, "plan", "Annan plan").ids[0]
    ws.add("risk", plan_id, title="A", probability=2, impact=3)
    ws.add("risk", plan_id, title="B", probability=2, impact=3)
    ws.add("risk", plan_id, title="Obedömd")
    ws.add("risk", other, title="C", probability=2, impact=3)
    gone = ws.add("risk", other, title="D", probability=4, impact=4).ids[0]
    ws.add("risk", other, title="E", probability=1, impact=4)
    ws.delete("risk", gone)

    assert risks.matrix_counts(plan_id) == {(2, 3): 2}
    assert risks.matrix_counts(other) == {(2, 3): 1, (1, 4): 1}
    assert risks.matrix_counts(None) == {(2, 3): 3, (1, 4): 1}
    rows = risks.risk_rows(None, cell=(2, 3))
    assert [(r.title, r.plan_title) for r in rows] == [("A", "Titel"), ("B", "Titel"), ("C", "Annan plan")]
    assert rows[0].value == 6 and rows[0].status_label == "Öppen"
    assert [r.title for r in risks.risk_rows(plan_id)] == ["A", "B", "Obedömd"]
