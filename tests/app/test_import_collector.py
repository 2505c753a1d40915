"""An import holds the cyclic garbage collector off while it works, and leaves it as it found it."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator

import pytest

from app import plans
from app.planfile.read import PlanFileError
from app.plans import example_files, import_plan_data, import_plan_file
from app.workspace import Workspace


@pytest.fixture
def collector_on() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


def test_the_collector_is_off_while_a_plan_is_written_and_on_again_after(
        ws: Workspace, collector_on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    checked = plans._import_checked
    monkeypatch.setattr(plans, "_import_checked", lambda w, d: (seen.append(gc.isenabled()), checked(w, d))[1])
    import_plan_data(ws, json.loads(example_files()[0].read_text(encoding="utf-8")))
    import_plan_file(ws, example_files()[1])
    assert seen == [False, False] and gc.isenabled()


def test_a_refused_plan_turns_the_collector_on_again(ws: Workspace, collector_on: None) -> None:
    with pytest.raises(PlanFileError):
        import_plan_data(ws, {"format": "uppdrag-plan"})
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(ws: Workspace) -> None:
    was_on = gc.isenabled()
    gc.disable()
    try:
        import_plan_data(ws, json.loads(example_files()[0].read_text(encoding="utf-8")))
        assert not gc.isenabled()
    finally:
        if was_on:
            gc.enable()
