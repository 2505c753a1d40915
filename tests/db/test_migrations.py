"""A version-1 file built by hand migrates to the current schema, keeping every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.cli import main
from db import models
from db.identity import APPLICATION_ID, SCHEMA_VERSION
from db.paths import backup_dir
from db.schema_history import V1_DDL
from db.check import check_file
from db.store import integrity_report, open_store


def build_v1_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    for sql in V1_DDL:
        conn.execute(sql)
    now = "2024-11-18T08:00:00.000000Z"
    common = f"'{now}', '{now}', 1, NULL"
    conn.execute("INSERT INTO setting (key, value) VALUES ('file_uuid', '\"11111111-1111-4111-8111-111111111111\"')")
    conn.execute(
        "INSERT INTO plan (id, uuid, created_at, modified_at, rev, deleted_at, doc_type, template, title, subtitle,"
        " programme, organisation, diarienummer, assignment, document_date, document_date_precision, edition,"
        " version, authors, status, decision_date, decision_date_precision, decision_text, decision_choice,"
        " decision_comment, signature_title, signature_name, signature_date, signature_date_precision)"
        f" VALUES (1, '22222222-2222-4222-8222-222222222222', {common}, 'directive', 'directive',"
        " 'Nära vård', '', '', 'Region Västerbotten', 'RV 2024/1', '', '2024-11-18', 'day', '0.3', '', '',"
        " 'draft', NULL, NULL, '', '', '', 'Uppdragsägare', '', NULL, NULL)"
    )
    conn.execute(
        "INSERT INTO section (uuid, created_at, modified_at, rev, deleted_at, plan_id, position, key, heading,"
        f" level, numbered, content, body, guidance, optional) VALUES ('33333333-3333-4333-8333-333333333333',"
        f" {common}, 1, 0, 'background', 'Bakgrund', 1, 1, '', 'Fullmäktige har gett…', '', 0)"
    )
    conn.execute(
        "INSERT INTO role (uuid, created_at, modified_at, rev, deleted_at, plan_id, position, kind, person_id,"
        f" name, unit, allocation, note) VALUES ('44444444-4444-4444-8444-444444444444', {common}, 1, 0,"
        " 'leader', NULL, 'Karin Lind', 'HSF', 20, '')"
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_v1_file_passes_the_v1_check(tmp_path: Path) -> None:
    path = tmp_path / "gammal.uppdrag"
    build_v1_file(path)
    assert check_file(path).version == 1


def test_v1_file_migrates_keeping_rows(tmp_path: Path) -> None:
    path = tmp_path / "gammal.uppdrag"
    build_v1_file(path)
    store = open_store(path)
    try:
        assert store.migrated_from == 1
        assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert integrity_report(store) == []
        plan = models.Plan.get_by_id(1)
        assert plan.title == "Nära vård" and plan.diarienummer == "RV 2024/1"
        section = models.Section.get(models.Section.plan == 1)
        assert (section.body, section.body_after, section.empty_text) == ("Fullmäktige har gett…", "", "")
        role = models.Role.get(models.Role.plan == 1)
        assert (role.name, role.allocation, role.start) == ("Karin Lind", 20, None)
        # The new tables work.
        models.Asset.create(key="k", name="n", data=b"x")
    finally:
        store.close()
    # A migrated file passes the schema check as a current file, again and again.
    assert check_file(path).version == SCHEMA_VERSION
    store = open_store(path)
    assert store.migrated_from is None
    store.close()


def test_migration_keeps_a_backup_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "gammal.uppdrag"
    build_v1_file(path)
    open_store(path).close()
    backups = list(backup_dir().glob("gammal.v1.*"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT title FROM plan").fetchone()[0] == "Nära vård"
    conn.close()


def test_read_only_open_of_old_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "gammal.uppdrag"
    build_v1_file(path)
    before = path.read_bytes()
    assert main(["list", str(path)]) == 1
    assert path.read_bytes() == before


def test_v2_file_gets_the_budget_sum_rule(tmp_path: Path) -> None:
    from db.schema_history import V2_DDL

    path = tmp_path / "v2.uppdrag"
    conn = sqlite3.connect(path)
    for sql in V2_DDL:
        conn.execute(sql)
    now = "2024-11-18T08:00:00.000000Z"
    conn.execute("INSERT INTO setting (key, value) VALUES ('file_uuid', '\"11111111-1111-4111-8111-111111111112\"')")
    conn.execute(
        "INSERT INTO plan (id, uuid, created_at, modified_at, rev, doc_type, template, title, subtitle, programme,"
        " organisation, diarienummer, assignment, edition, version, authors, status, decision_text, decision_choice,"
        " decision_comment, signature_title, signature_name)"
        f" VALUES (1, '22222222-2222-4222-8222-222222222223', '{now}', '{now}', 1, 'plan', 'plan', 'Plan', '', '',"
        " '', '', '', '1', '', '', 'draft', '', '', '', '', '')")
    conn.execute(
        "INSERT INTO budget_line (uuid, created_at, modified_at, rev, plan_id, position, kind, description, amount,"
        f" year, note) VALUES ('55555555-5555-4555-8555-555555555555', '{now}', '{now}', 1, 1, 0, 'financing',"
        " 'Medel till tre deluppdrag', 1050000, NULL, '')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    assert check_file(path).version == 2
    store = open_store(path)
    try:
        assert store.migrated_from == 2
        line = models.BudgetLine.get()
        assert (line.amount, line.sum_rule) == (1050000, "")
    finally:
        store.close()
    assert check_file(path).version == SCHEMA_VERSION
