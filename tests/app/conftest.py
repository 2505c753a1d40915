"""Fixtures shared by the merge's and the sync's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.merge import merge_files
from app.plans import add_examples
from app.sync import push
from app.workspace import Workspace


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """Two files that have been merged once both ways (so each has a base for the other)."""
    a, b = tmp_path / "min.uppdrag", tmp_path / "din.uppdrag"
    ws = Workspace.create(a)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Gemensam").ids[0]
    for n in range(3):
        ws.add("goal", plan, kind="effect", text=f"mål {n}", measure="")
    uuids = [g["uuid"] for g in ws.list("goal", plan)]
    ws.close()
    Workspace.create(b).close()
    merge_files(b, a)
    merge_files(a, b)
    return a, b, uuids


@pytest.fixture
def pushed(server_db, tmp_path: Path) -> Path:
    """alice's file with the two example plans, pushed onto the server."""
    source = tmp_path / "alice.uppdrag"
    ws = Workspace.create(source)
    add_examples(ws)
    ws.close()
    written = push(source, server_db.url("alice"))
    assert written["plan"] == 2
    return source
