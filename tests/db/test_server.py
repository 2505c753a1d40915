"""The team server on a real PostgreSQL cluster: setting up, who may do what, and the faults
a person meets (wrong address, unreachable server, wrong password, a restart). Its schema's
upgrades: test_server_upgrade.py."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.plans import list_plans
from app.workspace import Workspace
from db.errors import FileRefused, ReadOnlyStore, StoreError
from db.identity import SCHEMA_VERSION
from db.server_connection import PasswordNeeded, ServerAddress, ServerError
from db.server_schema import grant, init_server

ROOT = Path(__file__).resolve().parents[2]


def plan_titles(ws: Workspace) -> list[str]:
    return sorted(p.title for p in list_plans(ws))


def test_a_server_store_has_everything_a_file_store_has():
    """The services and windows use either without knowing which: no attribute of a file's store is missing."""
    import dataclasses

    from db.server import ServerStore
    from db.store import Store

    assert {f.name for f in dataclasses.fields(Store)} <= {f.name for f in dataclasses.fields(ServerStore)}
    assert {n for n in vars(Store) if not n.startswith("_")} <= set(dir(ServerStore))


# --- addresses and TLS ---------------------------------------------------------------


def test_a_remote_server_gets_verified_tls_by_default():
    addr = ServerAddress.parse("postgresql://anna@db.region.example:5432/uppdrag")
    assert addr.host == "db.region.example" and not addr.local
    assert addr.connect_params()["sslmode"] == "verify-full"
    assert "sslmode" not in ServerAddress.parse("postgresql://anna@localhost/uppdrag").connect_params()
    assert "sslmode" not in ServerAddress.parse("postgresql://anna@/uppdrag?host=/run/postgresql").connect_params()
    ca = ServerAddress.parse("postgresql://anna@db.example/u?sslmode=verify-ca&sslrootcert=/etc/ca.pem")
    assert "sslmode" not in ca.connect_params()  # the address's own verify-ca stands


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "require"])
def test_a_remote_server_without_a_verified_certificate_is_refused(mode):
    addr = ServerAddress.parse(f"postgresql://anna@db.region.example/uppdrag?sslmode={mode}")
    with pytest.raises(ServerError, match="krypterat med kontrollerat certifikat"):
        addr.connect_params()


def test_a_password_in_the_address_is_refused():
    with pytest.raises(ServerError, match="sparar aldrig lösenord"):
        ServerAddress.parse("postgresql://anna:hemligt@db.example/uppdrag")


def test_a_service_name_is_read_from_the_service_file(tmp_path, monkeypatch):
    services = tmp_path / "pg_service.conf"
    services.write_text("[uppdrag]\nhost=db.region.example\ndbname=plans\nuser=anna\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    addr = ServerAddress.parse("postgresql:///?service=uppdrag")
    assert addr.host == "db.region.example" and addr.dbname == "plans"
    assert addr.connect_params()["sslmode"] == "verify-full"
    with pytest.raises(ServerError, match="Tjänsten ”saknas”"):
        ServerAddress.parse("postgresql:///?service=saknas")


def test_a_malformed_address_is_one_sentence():
    with pytest.raises(ServerError, match="ingen giltig serveradress"):
        ServerAddress.parse("postgresql://anna@db.example:port/uppdrag?nonsense=1")


# --- faults -------------------------------------------------------------------------------


def test_an_unreachable_server(pg_cluster):
    from tests.pg_cluster import free_port

    with pytest.raises(ServerError, match="svarar inte") as caught:
        Workspace.open(f"postgresql://alice@127.0.0.1:{free_port()}/uppdrag")
    assert "\n" not in str(caught.value)


def test_a_wrong_password_and_a_missing_one(server_db, monkeypatch, tmp_path):
    with pytest.raises(ServerError, match="Inloggningen .* misslyckades"):
        Workspace.open(server_db.url("alice"), password="fel")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(PasswordNeeded, match="vill ha ett lösenord"):
        Workspace.open(server_db.url("alice"))
    from tests.conftest import pg_password

    ws = Workspace.open(server_db.url("alice"), password=pg_password("alice"))  # typed for this session
    assert ws.store.author == "alice"
    ws.close()


def test_an_unknown_database_or_user(pg_cluster, server_db):
    with pytest.raises(ServerError, match="Databasen ”saknas” finns inte"):
        Workspace.open(pg_cluster.url("alice", "saknas", tcp=False))
    with pytest.raises(ServerError, match="Användaren finns inte"):
        Workspace.open(pg_cluster.url("okand", server_db.name, tcp=False))


def test_a_database_without_uppdrag_and_a_user_without_access(pg_cluster, server_db):
    pg_cluster.sql("CREATE DATABASE tom")
    try:
        with pytest.raises(FileRefused, match="ingen Uppdrag-databas.*server init"):
            Workspace.open(pg_cluster.url("alice", "tom", tcp=False))
    finally:
        pg_cluster.sql("DROP DATABASE tom")
    with pytest.raises(FileRefused, match="ingen behörighet"):
        Workspace.open(server_db.url("nora"))


def test_the_server_restarting_mid_edit(pg_cluster, alice_with_plans):
    """A restart between two edits goes unnoticed (the next statement reconnects); an edit while
    the server is down is refused in one sentence and nothing of it is stored."""
    ws = alice_with_plans
    plan_id = list_plans(ws)[0].id
    pg_cluster.restart()
    ws.update("plan", plan_id, title="Efter omstart")
    assert ws.get("plan", plan_id)["title"] == "Efter omstart"
    pg_cluster.stop()
    try:
        with pytest.raises(ServerError, match="svarar inte") as caught:
            ws.update("plan", plan_id, title="Medan servern är borta")
        assert "\n" not in str(caught.value)
    finally:
        pg_cluster.start()
        pg_cluster.wait_ready()
    assert ws.get("plan", plan_id)["title"] == "Efter omstart"
    ws.update("plan", plan_id, title="Igen")
    assert ws.get("plan", plan_id)["title"] == "Igen"


def test_an_import_cut_by_the_restart_leaves_nothing(pg_cluster, server_db):
    """A whole plan written in one transaction: the server killed in the middle leaves none of it."""
    from app.plans import example_files, import_plan_file

    ws = Workspace.open(server_db.url("alice"))
    try:
        for file in example_files():
            import_plan_file(ws, file)
        counts = server_db.sql("SELECT count(*) FROM timeline_item")
        ws.store.db.execute_sql("SELECT 1")

        original_touch = ws.store.db.execute_sql
        calls = {"n": 0}

        def stop_midway(sql, params=None):
            calls["n"] += 1
            if calls["n"] == 5:
                pg_cluster.stop("immediate")
            return original_touch(sql, params)

        ws.store.db.execute_sql = stop_midway
        try:
            with pytest.raises(StoreError):
                import_plan_file(ws, _renamed_copy(example_files()[0]))
        finally:
            del ws.store.db.execute_sql
            pg_cluster.start()
            pg_cluster.wait_ready()
        assert server_db.sql("SELECT count(*) FROM timeline_item") == counts
        assert len(list_plans(ws)) == len(example_files())
    finally:
        ws.close()


def _renamed_copy(path: Path) -> Path:
    import json
    import tempfile
    import uuid

    data = json.loads(path.read_text(encoding="utf-8"))
    data["uuid"] = str(uuid.uuid4())
    for key in ("timeline", "sections", "risks", "goals", "roles"):
        for row in data.get(key, []) or []:
            if isinstance(row, dict) and "uuid" in row:
                row["uuid"] = str(uuid.uuid4())
    out = Path(tempfile.mkdtemp()) / "kopia.json"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


# --- setting up and who may do what ---------------------------------------------------------


def test_init_is_idempotent_and_makes_the_roles(pg_cluster, server_db):
    assert init_server(server_db.admin_url) == ("current", SCHEMA_VERSION)
    roles = {r for (r,) in pg_cluster.sql("SELECT rolname FROM pg_roles WHERE rolname LIKE 'uppdrag_%%'")}
    assert roles == {"uppdrag_read", "uppdrag_write"}
    secured = server_db.sql("SELECT relname FROM pg_class WHERE relrowsecurity AND relkind = 'r'")
    assert {"plan", "timeline_item", "risk", "person", "plan_member"} <= {r for (r,) in secured}


def test_an_ordinary_writer_cannot_set_up_the_server(server_db):
    with pytest.raises(ServerError, match="får inte sätta upp"):
        init_server(server_db.url("alice"))


def test_only_the_author_or_named_editors_change_a_plan(server_db, alice_with_plans):
    plan = list_plans(alice_with_plans)[0]
    assert server_db.sql("SELECT created_by FROM plan WHERE id = %s", (plan.id,)) == [("alice",)]
    alice_with_plans.close()

    bob = Workspace.open(server_db.url("bob"))
    assert plan_titles(bob)  # every writer reads every plan
    with pytest.raises(StoreError, match="får inte ändra") as caught:
        bob.update("plan", plan.id, title="Bobs titel")
    assert "\n" not in str(caught.value)
    sections = bob.list("section", plan.id)
    with pytest.raises(StoreError, match="får inte ändra"):
        bob.update("section", sections[0]["id"], body="Bob skriver")
    with pytest.raises(StoreError, match="får inte ändra"):
        bob.add("risk", plan.id, title="Bobs risk")
    own = bob.add("plan", title="Bobs egen plan", doc_type="plan", template="plan")
    bob.update("plan", own.ids[0], title="Bobs egen plan, ändrad")
    bob.close()

    assert grant(server_db.admin_url, "bob", "editor", plan.uuid) == plan.title
    bob = Workspace.open(server_db.url("bob"))
    bob.update("plan", plan.id, title="Bob får")
    assert bob.get("plan", plan.id)["title"] == "Bob får"
    bob.close()

    grant(server_db.admin_url, "bob", "reader", str(plan.id))  # editing taken away again
    bob = Workspace.open(server_db.url("bob"))
    with pytest.raises(StoreError, match="får inte ändra"):
        bob.update("plan", plan.id, title="Inte längre")
    bob.close()


def test_a_row_never_moves_to_another_plan(server_db, alice_with_plans):
    """Not even into a plan of one's own: the policies see only the new row, a trigger the old one."""
    from db import models

    alice_plan = list_plans(alice_with_plans)[0].id
    section = alice_with_plans.list("section", alice_plan)[0]["id"]
    alice_with_plans.close()
    bob = Workspace.open(server_db.url("bob"))
    try:
        own = bob.add("plan", title="Bobs plan", doc_type="plan", template="plan").ids[0]
        with pytest.raises(StoreError, match="En rad kan inte flyttas från en plan till en annan"), bob.store.write():
            models.Section.update(plan=own).where(models.Section.id == section).execute()
        assert bob.get("section", section)["plan"] == alice_plan
    finally:
        bob.close()


def test_a_reader_gets_a_read_only_store(server_db, alice_with_plans):
    alice_with_plans.close()
    rita = Workspace.open(server_db.url("rita"))
    try:
        assert rita.read_only and rita.store.author == "rita"
        assert len(plan_titles(rita)) == 2
        with pytest.raises(ReadOnlyStore, match="bara läsbehörighet"):
            rita.update("plan", list_plans(rita)[0].id, title="x")
    finally:
        rita.close()


def test_grant_refuses_unknown_users_plans_and_roles(server_db, alice_with_plans):
    with pytest.raises(ServerError, match="Användaren ”okand” finns inte"):
        grant(server_db.admin_url, "okand", "editor", "1")
    with pytest.raises(LookupError, match="Hittar ingen plan"):
        grant(server_db.admin_url, "bob", "editor", "D-999")
    with pytest.raises(ServerError, match="Rollen ”chef” finns inte"):
        grant(server_db.admin_url, "bob", "chef", "1")
    with pytest.raises(ServerError, match="får inte dela ut"):
        grant(server_db.url("alice"), "bob", "editor", "1")


def test_a_name_that_looks_like_sql_is_only_a_name(server_db, pg_cluster):
    evil = 'x"; DROP TABLE plan; --'
    with pytest.raises(ServerError, match="finns inte"):
        grant(server_db.admin_url, evil, "editor")
    assert server_db.sql("SELECT count(*) FROM plan") == [(0,)]


# --- other clients see commits ----------------------------------------------------------------


def test_other_clients_hear_of_a_commit(server_db, alice_with_plans, tmp_path):
    """A second program's import reaches this client's listener (LISTEN/NOTIFY); its own edits do not count."""
    from app.plans import example_files

    alice_with_plans.close()
    ws = Workspace.open(server_db.url("bob"), listen=True)
    try:
        listener = ws.store.listener
        assert listener.connected.wait(10)
        own = bob_plan = ws.add("plan", title="Bobs plan", doc_type="plan", template="plan")
        ws.update("plan", bob_plan.ids[0], title="Bobs plan 2")
        assert own and listener.count == 0
        done = subprocess.run(
            [sys.executable, "-m", "app.cli", "import", server_db.url("alice"), str(example_files()[0])],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 0, done.stderr
        deadline = time.monotonic() + 10
        while listener.count == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert listener.count >= 1
    finally:
        ws.close()


def test_an_edit_never_overwrites_a_change_it_has_not_seen(server_db, alice_with_plans):
    """Optimistic concurrency: alice and bob read the same plan; bob changes the title; alice's
    later title is refused with both values, her change of another field goes through, and after
    reading again she can write hers."""
    from app.concurrency import EditConflict

    plan = list_plans(alice_with_plans)[0]
    grant(server_db.admin_url, "bob", "editor", plan.uuid)
    bob = Workspace.open(server_db.url("bob"))
    alice = alice_with_plans
    alice.get("plan", plan.id)
    bob.get("plan", plan.id)
    bob.update("plan", plan.id, title="Bobs titel")
    with pytest.raises(EditConflict, match="ditt värde ”Alices titel”, det sparade ”Bobs titel”") as caught:
        alice.update("plan", plan.id, title="Alices titel")
    assert "bob" in str(caught.value) and "\n" not in str(caught.value)
    assert alice.get("plan", plan.id)["title"] == "Bobs titel"  # nothing overwritten; now she has seen it
    bob.update("plan", plan.id, subtitle="Bobs undertitel")
    alice.update("plan", plan.id, diarienummer="RS 2025/1")  # another field: no conflict
    alice.update("plan", plan.id, title="Alices titel")
    got = bob.get("plan", plan.id)
    assert (got["title"], got["subtitle"], got["diarienummer"]) == ("Alices titel", "Bobs undertitel", "RS 2025/1")
    bob.close()


def test_an_edit_of_a_row_nobody_else_changed_is_one_statement_with_its_history(server_db, alice_with_plans):
    """The common case writes the row, both version records and the notice in one statement (the
    row is never locked while the client waits) and reads nothing first (the row as the window read
    it is checked; the write checks its version), and the history is the one any other write keeps."""
    from db import history, models

    ws = alice_with_plans
    plan = list_plans(ws)[0]
    section = ws.list("section", plan.id)[0]
    before = history.read_states(ws.store.db, history.shape_of("section"), ids=[section["id"]])[0]
    statements = []
    real, real_row = ws.store.db.execute_sql, ws.store.db.one_row

    def counted(sql, params=None):
        statements.append(sql)
        return real(sql, params)

    def counted_row(sql, params):  # the statements prepared on the connection (db.server_prepared)
        statements.append(sql)
        return real_row(sql, params)

    import psycopg

    listener = psycopg.connect(server_db.cluster.superuser_conninfo(server_db.name), autocommit=True)
    listener.execute("LISTEN uppdrag_changes")
    ws.store.db.execute_sql, ws.store.db.one_row = counted, counted_row
    try:
        ws.update("section", section["id"], body="Ny text")
    finally:
        del ws.store.db.execute_sql, ws.store.db.one_row
    try:  # other clients hear of it
        assert [n.payload for n in listener.notifies(timeout=5, stop_after=1)] == [ws.store.client_id]
    finally:
        listener.close()
    writes = [s for s in statements if not s.lstrip().startswith("SELECT")]
    assert len(writes) == 1 and writes[0].startswith("WITH old AS (SELECT") and 'UPDATE "section"' in writes[0]
    assert len(statements) == 1  # no read of the row: the content kept is read by the write
    assert not any(s.startswith(("BEGIN", "COMMIT")) for s in statements)
    after = models.Section.get_by_id(section["id"])
    assert (after.body, after.rev) == ("Ny text", before.rev + 1)
    records = {r.version: r for r in history.row_history(ws.store.db, section["uuid"])}
    assert records[before.version].values() == before.values  # the superseded content, foreign keys as uuids
    new = records[after.version_id]
    assert (new.parent, new.who, new.action, new.rev) == (before.version, "alice", "edit", before.rev + 1)


def test_an_edit_on_the_server_keeps_dates_and_links_as_any_other_write_keeps_them(alice_with_plans):
    """The content the one-statement edit keeps of a timeline item (dates, the plan and the parent as
    uuids) reads back as the history's own reader gives it."""
    from db import history, models

    ws = alice_with_plans
    plan = list_plans(ws)[0]
    items = ws.list("timeline", plan.id)
    item = next((i for i in items if i.get("start") and i.get("parent")), None) or next(i for i in items if i.get("start"))
    before = history.read_states(ws.store.db, history.shape_of("timeline_item"), ids=[item["id"]])[0]
    assert before.values["start"] and before.values["plan_id"] == plan.uuid
    ws.update("timeline", item["id"], title="Ny rubrik")
    after = models.TimelineItem.get_by_id(item["id"])
    records = {r.version: r for r in history.row_history(ws.store.db, item["uuid"])}
    assert records[before.version].values() == before.values
    assert records[after.version_id].parent == before.version


def test_an_edit_raced_between_its_read_and_its_write_is_checked_with_the_row_locked(
        server_db, alice_with_plans, monkeypatch):
    """Bob's change lands after alice's window read the row but before her one-statement write:
    nothing of hers is written over his field, and a field he did not touch still goes through."""
    from app.concurrency import EditConflict
    from db.server import ServerStore

    alice = alice_with_plans
    plan = list_plans(alice)[0]
    grant(server_db.admin_url, "bob", "editor", plan.uuid)
    bob = Workspace.open(server_db.url("bob"))
    alice.get("plan", plan.id)
    real = ServerStore.write_version

    def bob_first(store, model, row_id, expected, columns, **named):
        monkeypatch.setattr(ServerStore, "write_version", real)
        bob.update("plan", plan.id, title=f"Bobs titel {len(store.path.url)}")
        alice.store.activate()
        return real(store, model, row_id, expected, columns, **named)

    monkeypatch.setattr(ServerStore, "write_version", bob_first)
    with pytest.raises(EditConflict, match="Bobs titel"):
        alice.update("plan", plan.id, title="Alices titel")
    alice.get("plan", plan.id)
    monkeypatch.setattr(ServerStore, "write_version", bob_first)
    alice.update("plan", plan.id, subtitle="Alices undertitel")
    stored = server_db.sql(f"SELECT title, subtitle FROM plan WHERE id = {plan.id}")[0]
    assert stored[0].startswith("Bobs titel") and stored[1] == "Alices undertitel"
    bob.close()
