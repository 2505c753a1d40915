"""One row read by its id (db.rows.by_id, what an edit reads first unless the team server's window
holds the row as it read it): the same model instance peewee's own select gives, on a file and on
the team server; and with the records of its versions (db.rows.with_records, for an edit over a
version someone else has replaced)."""

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
        assert (read.__data__, read.__rel__) == (expected.__data__, expected.__rel__)
        assert not read.is_dirty()
    assert by_id(models.TimelineItem, item).start == date(2026, 3, 2)
    assert by_id(models.Section, section).deleted_at is not None  # a tombstone is read all the same


def test_a_missing_id_is_none(ws: Workspace) -> None:
    assert by_id(models.Plan, 424242) is None


def test_a_row_read_with_the_records_of_its_versions(ws: Workspace) -> None:
    """db.rows.with_records: the row, its state and the records of the versions asked for and of its
    own, as by_id, read_states and records_by_version give them (on the server in one statement)."""
    from db import history
    from db.rows import with_records

    plan_id = create_plan(ws, next(iter(TEMPLATES)), "Stärka nära vård").ids[0]
    parent = ws.add("timeline", plan_id, kind="phase", title="Fas 1").ids[0]
    item = ws.add("timeline", plan_id, kind="activity", title="Förstudie", start=VagueDate.day(2026, 3, 2),
                  parent=parent).ids[0]
    first = by_id(models.TimelineItem, item).version_id
    ws.update("timeline", item, title="Förstudie 2", end=VagueDate.month(2026, 5))
    db, shape = ws.store.db, history.shape_of("timeline_item")
    row, state, records = with_records(db, models.TimelineItem, item, [first, "okänd"])
    assert row.__data__ == by_id(models.TimelineItem, item).__data__ and not row.is_dirty()
    assert state == history.read_states(db, shape, ids=[item])[0]
    assert state.values["parent_id"] == by_id(models.TimelineItem, parent).uuid
    assert records == history.records_by_version(db, [first, row.version_id])
    assert sorted(records) == sorted([first, row.version_id])
    assert with_records(db, models.TimelineItem, 424242, [first]) == (None, None, {first: records[first]})


def test_a_refused_write_on_the_server_reads_back_what_with_records_reads(alice_with_plans: Workspace) -> None:
    """db.rows.write_or_read (db.history.update_if_current answering a refusal with the row): over a
    version that has moved on, nothing is
    written and the same statement answers with the row, its state and the records of both versions,
    as with_records reads them (in a transaction that notifies too); over the version stored, the
    new version; for a row that is gone, (None, None, {})."""
    from db.rows import with_records, write_or_read

    ws = alice_with_plans
    db, model = ws.store.db, models.TimelineItem
    item = model.select().order_by(model.id).first()
    ws.update("timeline", item.id, title="Ändrad av någon annan")
    expected = with_records(db, model, item.id, [item.version_id])
    assert sorted(expected[2]) == sorted([item.version_id, expected[0].version_id])
    assert expected[1].values["plan_id"] == by_id(models.Plan, item.plan_id).uuid  # a foreign key as a uuid
    for notify in (None, ("uppdrag_prov", "ändrat")):
        with ws.store.write():
            row, state, records = write_or_read(db, model, item.id, item.version_id, {"title": "Förgäves"},
                                                notify=notify)
        assert row.__data__ == expected[0].__data__ and not row.is_dirty()
        assert (state, records) == (expected[1], expected[2])
    assert by_id(model, item.id).title == "Ändrad av någon annan"
    written = write_or_read(db, model, item.id, expected[0].version_id, {"title": "Skrivet"})
    assert (written, "Skrivet") == (by_id(model, item.id).version_id, by_id(model, item.id).title)
    assert write_or_read(db, model, 424242, item.version_id, {"title": "x"}) == (None, None, {})
