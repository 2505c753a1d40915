"""Editions: freeze, list, view an old one, compare section by section."""

from __future__ import annotations

from datetime import date

import pytest

from app.editions import compare_editions, freeze_edition, list_editions, suggest_label, view_edition
from app.planfile.write import plan_to_dict
from db import models


@pytest.fixture
def ws(any_ws):
    w = any_ws
    plan = w.add("plan", doc_type="plan", template="plan", title="Plan").ids[0]
    w.add("section", plan, key="background", heading="Bakgrund", body="Rad ett\nRad två")
    w.add("section", plan, key="purpose", heading="Syfte", body="Syftet")
    return w, plan


def test_freeze_sets_label_and_snapshot(ws) -> None:
    w, plan = ws
    e = freeze_edition(w, plan, "0.1", "Första utkast", on=date(2025, 1, 10))
    assert models.Plan.get_by_id(plan).edition == "0.1"
    snap = view_edition(w, e.id)
    assert snap["editions"] == [] and [s["heading"] for s in snap["sections"]] == ["Bakgrund", "Syfte"]
    assert snap == {**plan_to_dict(w, plan, with_editions=False), "metadata": snap["metadata"]}
    w.update("section", w.list("section", plan)[0]["id"], body="Ändrad")
    assert view_edition(w, e.id)["sections"][0]["body"] == "Rad ett\nRad två"  # frozen
    assert [x.label for x in list_editions(w, plan)] == ["0.1"]


def test_labels_are_checked(ws) -> None:
    w, plan = ws
    freeze_edition(w, plan, "0.2")
    for bad in ("0.2", "0.1", "v1", "1"):
        with pytest.raises(ValueError):
            freeze_edition(w, plan, bad)
    assert suggest_label("0.2") == "0.3" and suggest_label("0.3", major=True) == "1.0"


def test_compare_section_by_section(ws) -> None:
    w, plan = ws
    first = freeze_edition(w, plan, "0.1")
    sections = w.list("section", plan)
    w.update("section", sections[0]["id"], body="Rad ett\nRad tre")
    w.delete("section", sections[1]["id"])
    w.add("section", plan, key="scope", heading="Avgränsningar", body="Inte X")
    second = freeze_edition(w, plan, "1.0")
    changes = {c.heading: c for c in compare_editions(w, first.id, second.id)}
    assert changes["Bakgrund"].status == "changed"
    assert "-Rad två" in changes["Bakgrund"].diff and "+Rad tre" in changes["Bakgrund"].diff
    assert changes["Syfte"].status == "removed"
    assert changes["Avgränsningar"].status == "added" and changes["Avgränsningar"].diff == ["+Inte X"]
    assert all(c.status == "same" for c in compare_editions(w, second.id))
