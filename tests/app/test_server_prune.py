"""`uppdrag server prune URL`: a server's row history forgets what a file's forgets as it opens."""

from __future__ import annotations

import pytest

from app.cli import main
from app.workspace import Workspace
from db import history_prune, models


def _history_of(server_db, uuid: str) -> list[tuple[str, bool]]:
    return server_db.sql("SELECT version, data IS NOT NULL FROM row_version WHERE row_uuid = %s ORDER BY rev", (uuid,))


@pytest.fixture
def old_history(server_db) -> tuple[str, str]:
    """(plan uuid, its current version) of a plan edited three times, its history dated in 2000."""
    ws = Workspace.open(server_db.url("alice"))
    try:
        plan = ws.add("plan", doc_type="plan", template="plan", title="P").ids[0]
        for n in range(3):
            ws.update("plan", plan, title=f"P{n}")
        row = models.Plan.get_by_id(plan)
        uuid, current = row.uuid, row.version_id
    finally:
        ws.close()
    assert [kept for _v, kept in _history_of(server_db, uuid)] == [True, True, True, False]
    server_db.sql("UPDATE row_version SET at = '2000-01-01T00:00:00.000000Z'")
    return uuid, current


def test_a_writer_prunes_the_servers_history_as_a_file_is_pruned(server_db, old_history, capsys) -> None:
    uuid, current = old_history
    assert main(["check", server_db.url("rita")]) == 0  # (anyone who may read sees that it is due)
    assert "rensa dem med ”uppdrag server prune”" in capsys.readouterr().out
    assert main(["server", "prune", server_db.url("alice")]) == 0
    out = capsys.readouterr().out
    assert "3 gamla versioners innehåll och 3 versioner" in out
    assert _history_of(server_db, uuid) == [(current, False)]  # the version the row holds stays
    assert server_db.sql("SELECT title FROM plan WHERE uuid = %s", (uuid,)) == [("P2",)]
    assert main(["server", "prune", server_db.url("alice")]) == 0
    assert "0 gamla versioners innehåll och 0 versioner" in capsys.readouterr().out
    assert main(["check", server_db.url("rita")]) == 0
    assert "server prune" not in capsys.readouterr().out


def test_a_reader_may_not_prune_and_nothing_is_lost(server_db, old_history, capsys) -> None:
    uuid, _current = old_history
    before = _history_of(server_db, uuid)
    assert main(["server", "prune", server_db.url("rita")]) == 1
    err = capsys.readouterr().err
    assert "läsbehörighet" in err and "Traceback" not in err
    assert _history_of(server_db, uuid) == before


def test_the_servers_pruning_never_compares_every_record_with_every_version(server_db) -> None:
    """NOT IN over more versions than fit in `work_mem` is planned as a scan of all of them for every
    record: each statement must be anti-joins, whatever the memory."""
    from datetime import UTC, datetime

    from db.server import open_server_store

    store = open_server_store(server_db.url("alice"))
    try:
        store.db.execute_sql("SET work_mem = '64kB'")
        for sql, params in history_prune.prune_statements(store.db, datetime.now(UTC)):
            plan = "\n".join(r[0] for r in store.db.execute_sql("EXPLAIN " + sql, params).fetchall())
            assert "Anti Join" in plan and "SubPlan" not in plan.replace("hashed SubPlan", ""), plan
    finally:
        store.close()
