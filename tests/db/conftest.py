"""Fixtures of the storage tests on the team server."""

from __future__ import annotations

import pytest


@pytest.fixture
def alice_with_plans(server_db):
    """The example plans on a fresh server database, opened as the ordinary writer `alice`."""
    from app.plans import add_examples
    from app.workspace import Workspace

    ws = Workspace.open(server_db.url("alice"))
    add_examples(ws)
    yield ws
    ws.close()
