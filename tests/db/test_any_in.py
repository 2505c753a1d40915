"""db.statements.any_in, the look-up that tells an import whether a file's rows are stored already:
the same answer on a file and on the team server, whichever chunk of the values holds the one found,
and for a row that is a tombstone."""

from __future__ import annotations

import uuid

from app.plans import create_plan
from app.templates import TEMPLATES
from app.workspace import Workspace
from db import models, statements


def test_any_in_finds_one_stored_value_among_many(any_ws: Workspace) -> None:
    plan_id = create_plan(any_ws, next(iter(TEMPLATES)), "Stärka nära vård").ids[0]
    sections = [s["uuid"] for s in any_ws.list("section", plan_id)]
    any_ws.delete("section", any_ws.list("section", plan_id)[0]["id"])
    others = [str(uuid.uuid4()) for _ in range(statements.CHUNK * 2 + 10)]
    db = models.database
    assert not statements.any_in(db, "section", "uuid", others)
    assert not statements.any_in(db, "section", "uuid", [])
    for place in (0, statements.CHUNK - 1, statements.CHUNK, len(others)):  # first, last of a chunk, next, end
        for found in (sections[0], sections[-1]):  # a tombstone, a live row
            assert statements.any_in(db, "section", "uuid", [*others[:place], found, *others[place:]])
    assert not statements.any_in(db, "timeline_item", "uuid", sections)  # another table's rows
