"""One row read by its id (db.rows.by_id, what every edit reads first): the same model instance
peewee's own select gives, on a file and on the team server."""

from __future__ import annotations

from datetime import date

import pytest

from app.dates import VagueDate
from app.plans import create_plan
from app.templates import TEMPLATES
from app.workspace import Workspace
from db import models
from db.rows import by_id


@pytest.fixture
def ws(any_ws: Workspace) -> Workspace:
    return any_ws


def test_a_row_read_by_id_is_the_row_peewee_reads(ws: Workspace) -> None:
    plan_id = create_plan(ws, next(iter(TEMPLATES)), "Stärka nära vård").ids[0]
    item = ws.add("timeline", plan_id, kind="activity", title="Förstudie", start=VagueDate.day(2026, 3, 2),
                  end=VagueDate.month(2026, 5)).ids[0]
    section = ws.list("section", plan_id)[0]["id"]
    ws.delete("section", section)
    for model, row_id in ((models.Plan, plan_id), (models.TimelineItem, item), (models.Section, section)):
        read, expected = by_id(model, row_id), model.get_or_none(model.id == row_id)
        assert type(read) is model
        assert read.__data__ == expected.__data__
        assert not read.is_dirty()
    assert by_id(models.TimelineItem, item).start == date(2026, 3, 2)
    assert by_id(models.Section, section).deleted_at is not None  # a tombstone is read all the same


def test_a_missing_id_is_none(ws: Workspace) -> None:
    assert by_id(models.Plan, 424242) is None
