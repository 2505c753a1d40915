"""A plan file that names rows another plan holds is refused with what is wrong and what to do, on a
file and on the team server alike (where no row may move to another plan), and nothing is written."""

from __future__ import annotations

import pytest

from app.planfile.write import plan_to_dict
from app.plans import PlanOwnsRows, example_files, import_plan_data, import_plan_file
from app.workspace import Workspace
from db import models


def _counts() -> dict[str, int]:
    return {m.__name__: m.select().count() for m in models.MODELS if issubclass(m, models.UserRow)}


def test_reimport_with_another_plans_rows_is_refused_with_the_reason(any_ws: Workspace) -> None:
    first, second = example_files()
    a, _ = import_plan_file(any_ws, first)
    b, _ = import_plan_file(any_ws, second)
    data = plan_to_dict(any_ws, a)
    taken = plan_to_dict(any_ws, b)["sections"][0]
    data["sections"].append(taken)
    data["title"] = "Ändrad titel"
    before, b_sections = _counts(), [s["id"] for s in any_ws.list("section", b)]
    with pytest.raises(PlanOwnsRows) as refused:
        import_plan_data(any_ws, data)
    said = str(refused.value)
    b_title = any_ws.get("plan", b)["title"]
    assert said.startswith(f"Planen ”Ändrad titel” kan inte importeras: avsnittet ”{taken['heading']}”")
    assert f"hör redan till en annan plan här, ”{b_title}”" in said
    assert "Ta bort de raderna ur filen och importera igen" in said
    assert "behörighet" not in said  # not a permission problem
    assert _counts() == before  # nothing written
    assert [s["id"] for s in any_ws.list("section", b)] == b_sections
    assert any_ws.get("plan", a)["title"] != "Ändrad titel"


def test_several_rows_of_another_plan_are_counted(any_ws: Workspace) -> None:
    first, second = example_files()
    a, _ = import_plan_file(any_ws, first)
    b, _ = import_plan_file(any_ws, second)
    data = plan_to_dict(any_ws, a)
    other = plan_to_dict(any_ws, b)
    data["sections"] += other["sections"][:2]
    data["timeline"] += [t for t in other["timeline"] if not t["parent"] and not t["depends_on"]][:1]
    with pytest.raises(PlanOwnsRows, match=r"\(och 2 rader till i filen\)") as refused:
        import_plan_data(any_ws, data)
    assert len(refused.value.rows) == 3

