"""The bulk writer (db.upsert) stores each value as peewee would store it through the model: text
as text (a str subclass too), a number given for a text field as its text, a whole float or a bool
given for an integer field as the integer, None as NULL, on a file and on the team server."""

from __future__ import annotations

import uuid
from typing import Any

from app.plans import create_plan
from app.templates import TEMPLATES
from app.workspace import Workspace
from db import models
from db.statements import in_style
from db.upsert import Upserter


class Text(str):
    pass


TERMS: list[Any] = ["vanlig", 5, Text("egen"), 2.5, "ännu en"]
POSITIONS: list[Any] = [0, True, 2.0, 3, 4]


def _stored(uuids: list[str]) -> list[tuple[Any, ...]]:
    """The rows' values as the database holds them (on a file, an integer stored in a text column
    comes back as an integer), each with its Python type."""
    rows = {r[0]: tuple((v, type(v)) for v in r[1:]) for r in models.database.execute_sql(
        in_style(models.database, 'SELECT "uuid", "term", "position", "explanation" FROM "term"'))}
    return [rows[u] for u in uuids]


def test_the_bulk_writer_stores_values_as_the_model_does(any_ws: Workspace) -> None:
    plan_id = create_plan(any_ws, next(iter(TEMPLATES)), "Stärka nära vård").ids[0]
    for terms in (TERMS, [str(t) for t in TERMS], [Text(t) for t in TERMS]):  # mixed, text alone, subclass alone
        by_model = [str(uuid.uuid4()) for _ in terms]
        by_writer = [str(uuid.uuid4()) for _ in terms]
        with any_ws.store.write():
            any_ws.store.activate()
            for u, term, position in zip(by_model, terms, POSITIONS, strict=True):
                models.Term.create(uuid=u, plan=plan_id, position=position, term=term, explanation="",
                                   version_id=models.new_version(), created_at="x", modified_at="x", rev=1)
            Upserter(models.utc_now()).put_columns(models.Term, by_writer, {
                "plan": [plan_id] * len(terms), "position": POSITIONS, "term": terms, "explanation": [""] * len(terms)})
        assert _stored(by_writer) == _stored(by_model)
        assert [row[0][0] for row in _stored(by_writer)] == [str(t) for t in terms]
