"""The team server's schema: a newer one is refused, an older one is upgraded step by step
(`server init`) with the data it holds, and every file step has its server step."""

from __future__ import annotations

import pytest

from app.plans import list_plans
from app.workspace import Workspace
from db.errors import FileRefused
from db.identity import SCHEMA_VERSION
from db.server_connection import ServerError
from db.server_schema import init_server


def test_a_newer_schema_on_the_server_is_refused_and_left_alone(server_db):
    server_db.sql("UPDATE uppdrag_schema SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(FileRefused, match="nyare än den här versionen"):
        Workspace.open(server_db.url("alice"))
    with pytest.raises(ServerError, match="nyare än den här versionen"):
        init_server(server_db.admin_url)
    assert server_db.sql("SELECT version FROM uppdrag_schema") == [(SCHEMA_VERSION + 1,)]


def test_an_older_schema_asks_for_an_upgrade(server_db):
    server_db.sql("UPDATE uppdrag_schema SET version = 1")
    with pytest.raises(FileRefused, match="äldre schemaversion"):
        Workspace.open(server_db.url("alice"))


def _drop_version_7(server_db) -> None:
    """The server as it was before planning depth (version 7's columns gone)."""
    for table, column in (("dependency", "lag"), ("dependency", "lag_unit"), ("timeline_item", "actual_start"),
                          ("timeline_item", "actual_finish"), ("plan", "auto_schedule")):
        server_db.sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')


def _drop_version_6(server_db) -> None:
    """The server as it was before budget follow-up (version 6's columns gone, and later ones)."""
    _drop_version_7(server_db)
    for column in ("tertial", "actual", "forecast"):
        server_db.sql(f'ALTER TABLE "budget_line" DROP COLUMN "{column}"')


def test_a_version_5_server_is_upgraded_with_budget_follow_up(server_db):
    from app.plans import create_plan

    _drop_version_6(server_db)
    server_db.sql("UPDATE uppdrag_schema SET version = 5")
    assert init_server(server_db.admin_url) == ("upgraded", 5)
    ws = Workspace.open(server_db.url("alice"))
    try:
        plan = create_plan(ws, "plan", "Uppföljd").ids[0]
        line = ws.add("budget", plan, kind="cost", description="Konsult", amount=100, year=2026, tertial=2,
                      actual=40, forecast=120).ids[0]
        assert {k: ws.get("budget", line)[k] for k in ("tertial", "actual", "forecast")} == {
            "tertial": 2, "actual": 40, "forecast": 120}
    finally:
        ws.close()


def _drop_version_5(server_db) -> None:
    """The server as it was before steering models (version 5's columns gone, and later ones)."""
    _drop_version_6(server_db)
    server_db.sql('DROP INDEX IF EXISTS "log_entry_item_id"')
    for table, column in (("plan", "steering_model"), ("timeline_item", "checklist"), ("log_entry", "item_id"),
                          ("log_entry", "outcome"), ("log_entry", "diarienummer")):
        server_db.sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')


def test_an_older_server_is_upgraded_with_decision_points(server_db):
    """A server set up before steering models: init_server adds the columns, and a decision is stored."""
    from datetime import date

    from app.decisions import record_decision
    from app.plans import create_plan

    _drop_version_5(server_db)
    server_db.sql('ALTER TABLE "budget_line" DROP COLUMN "sum_rule"')
    server_db.sql("UPDATE uppdrag_schema SET version = 3")  # before shared budget lines and steering models
    assert init_server(server_db.admin_url)[0] == "upgraded"
    ws = Workspace.open(server_db.url("alice"))
    try:
        plan_id = create_plan(ws, "project_plan", "På servern", steering_model="xlpm").ids[0]
        tg0 = next(t for t in ws.list("timeline", plan_id) if t["code"] == "TG0")
        record_decision(ws, tg0["id"], on=date(2026, 2, 2), decided_by="Styrgrupp", outcome="continue")
        assert ws.get("plan", plan_id)["steering_model"] == "xlpm"
        assert [e["outcome"] for e in ws.list("log", plan_id)] == ["continue"]
    finally:
        ws.close()


def test_a_version_2_server_is_upgraded_along_the_ladder(server_db, alice_with_plans):
    """A server set up before the row history: `server init` adds the versions (derived as a file's
    migration derives them) and the history table, and the app opens it again."""
    from db.server_schema import V2_USER_TABLES

    alice_with_plans.close()
    server_db.sql("DROP TABLE row_version")
    for table in V2_USER_TABLES:
        server_db.sql(f'ALTER TABLE "{table}" DROP COLUMN version_id')
    server_db.sql('ALTER TABLE budget_line DROP COLUMN sum_rule')  # version 4's
    _drop_version_5(server_db)
    server_db.sql("UPDATE uppdrag_schema SET version = 2")
    with pytest.raises(FileRefused, match="äldre schemaversion"):
        Workspace.open(server_db.url("alice"))
    assert init_server(server_db.admin_url) == ("upgraded", 2)
    import hashlib

    uuid, rev, modified, version = server_db.sql("SELECT uuid, rev, modified_at, version_id FROM plan LIMIT 1")[0]
    assert version == hashlib.sha256(f"v2|{uuid}|{rev}|{modified}|".encode()).hexdigest()[:32]
    ws = Workspace.open(server_db.url("alice"))
    plan = list_plans(ws)[0]
    ws.update("plan", plan.id, title="Efter uppgraderingen")
    # the version it replaced (with its content) and the new one, made by the database user
    assert server_db.sql("SELECT action, who, data IS NOT NULL FROM row_version ORDER BY id") == [
        ("create", "", True), ("edit", "alice", False)]
    ws.close()


def test_the_server_ladder_has_a_step_for_every_file_step():
    """A schema change for files needs its step for servers too (db/server_schema.py)."""
    from db.migrations import STEPS
    from db.server_schema import SERVER_STEPS

    assert {v for v in STEPS if v >= 2} == set(SERVER_STEPS)


def test_the_user_tables_leave_room_on_their_pages_and_an_older_server_gets_it_at_init(server_db):
    """A server's rows are written anew at every edit, and a version's record once more when it gains
    the row's content; room on their pages keeps those updates off the indexes (db.server_schema.FILLFACTOR,
    HISTORY_FILLFACTOR). A server set up before that gets it from `server init`."""
    from db.history import shapes
    from db.server_schema import FILLFACTOR, HISTORY_FILLFACTOR

    def room() -> dict[str, list[str] | None]:
        return dict(server_db.sql("SELECT relname, reloptions FROM pg_class WHERE relkind = 'r' AND relname = ANY(%s)",
                                  ([s.name for s in shapes()] + ["row_version"],)))

    tables = room()
    assert tables == {**{s.name: [f"fillfactor={FILLFACTOR}"] for s in shapes()},
                      "row_version": [f"fillfactor={HISTORY_FILLFACTOR}"]}
    for name in tables:
        server_db.sql(f'ALTER TABLE "{name}" RESET (fillfactor)')
    assert all(options is None for options in room().values())
    assert init_server(server_db.admin_url) == ("current", SCHEMA_VERSION)
    assert room() == tables
