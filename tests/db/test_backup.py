"""Session backups: rotation policy, verified copies, restore to exactly the saved content."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.planfile.write import plan_to_dict
from app.plans import add_examples
from app.workspace import Workspace
from db import models
from db.backup import (
    ASIDE_SUFFIX,
    DAILY_DAYS_KEPT,
    SESSIONS_KEPT,
    backups_to_keep,
    copy_database,
    list_backups,
    make_session_backup,
    restore_backup,
)
from db.errors import FileRefused, StoreError
from tests.conftest import sha256


def _exports(path: Path) -> dict[str, dict]:
    ws = Workspace.open(path, read_only=True)
    try:
        ids = [p.id for p in models.Plan.select().where(models.Plan.deleted_at.is_null())]
        return {models.Plan.get_by_id(i).uuid: plan_to_dict(ws, i) for i in ids}
    finally:
        ws.close()


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "planer.uppdrag"
    ws = Workspace.create(path)
    add_examples(ws)
    ws.close()
    return path


def test_rotation_over_30_simulated_days() -> None:
    rng = random.Random(7)
    start = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
    existing: dict[str, datetime] = {}
    for day in range(30):
        for n in range(rng.choice([0, 1, 3, 6])):  # some days without any session
            when = start + timedelta(days=day, hours=n, minutes=rng.randint(0, 59))
            existing[f"b{day:02d}-{n}"] = when
            keep = backups_to_keep(existing.items(), when)
            existing = {k: v for k, v in existing.items() if k in keep}
    now = max(existing.values())
    by_time = sorted(existing.items(), key=lambda kv: kv[1], reverse=True)
    # the newest ten sessions are all there
    assert len(existing) >= SESSIONS_KEPT
    # each of the last 14 days that had a session keeps exactly its newest one, plus the last ten
    last_ten = {k for k, _ in by_time[:SESSIONS_KEPT]}
    for name, when in existing.items():
        if name in last_ten:
            continue
        age = (now.date() - when.date()).days
        assert age < DAILY_DAYS_KEPT, name
        same_day = [k for k, v in existing.items() if v.date() == when.date() and k not in last_ten]
        assert same_day == [name]
    # nothing older than 14 days survives (the last ten cover only recent days here)
    assert all((now.date() - v.date()).days < DAILY_DAYS_KEPT for v in existing.values())
    assert len(existing) <= SESSIONS_KEPT + DAILY_DAYS_KEPT


def test_rotation_keeps_daily_when_sessions_are_many() -> None:
    now = datetime(2025, 5, 20, 12, tzinfo=UTC)
    items = [(f"d{d}-{h}", now - timedelta(days=d, hours=h)) for d in range(20) for h in range(5)]
    keep = backups_to_keep(items, now)
    newest = sorted(items, key=lambda i: i[1], reverse=True)
    assert {n for n, _ in newest[:SESSIONS_KEPT]} <= keep
    days = {dict(items)[n].date() for n in keep}
    assert days == {(now - timedelta(days=d)).date() for d in range(DAILY_DAYS_KEPT)}
    assert len(keep) == len({n for n, _ in newest[:SESSIONS_KEPT]} | {f"d{d}-0" for d in range(14)})


def test_session_backups_rotate_and_list(filled: Path) -> None:
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    for i in range(25):
        make_session_backup(filled, now=start + timedelta(hours=i))
    listed = list_backups(filled)
    assert len(listed) == SESSIONS_KEPT + 1  # ten sessions and the newest of the day before
    assert listed[0].taken_at == start + timedelta(hours=24)
    assert all(b.plan_count == 2 and not b.problem for b in listed)


def test_a_backup_taken_away_while_listed_is_left_out(filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A backup that fails its check is removed by the session that made it, perhaps while another
    thread lists the backups (the window's integrity check offering the latest good one)."""
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    for i in range(2):
        make_session_backup(filled, now=start + timedelta(hours=i))
    newest = list_backups(filled)[0].path
    import db.backup

    count = db.backup._plan_count

    def removed_meanwhile(p: Path) -> int:
        if p == newest:
            p.unlink()
            raise StoreError("finns inte")
        return count(p)

    monkeypatch.setattr(db.backup, "_plan_count", removed_meanwhile)
    assert [b.taken_at for b in list_backups(filled)] == [start]


def test_restore_gives_identical_exports(filled: Path) -> None:
    before = _exports(filled)
    backup = make_session_backup(filled)
    ws = Workspace.open(filled)
    plan_id = models.Plan.select().first().id
    ws.update("plan", plan_id, title="Ändrad efter kopian")
    sec = ws.list("section", plan_id)[0]
    ws.delete("section", sec["id"])
    ws.close()
    assert _exports(filled) != before
    changed = _exports(filled)
    target, aside = restore_backup(backup, filled)
    assert _exports(filled) == before
    assert aside is not None and aside.name == filled.name + ASIDE_SUFFIX
    assert _exports(aside) == changed  # the replaced file is kept, with its content


def test_restore_keeps_damaged_file_aside(filled: Path) -> None:
    backup = make_session_backup(filled)
    before = _exports(filled)
    data = bytearray(filled.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    filled.write_bytes(bytes(data))
    damaged = sha256(filled)
    _, aside = restore_backup(backup, filled)
    assert sha256(aside) == damaged
    assert _exports(filled) == before


def test_restore_refuses_a_garbage_backup(filled: Path, tmp_path: Path) -> None:
    junk = tmp_path / "skräp.uppdrag"
    junk.write_bytes(b"x" * 5000)
    before = sha256(filled)
    with pytest.raises(FileRefused):
        restore_backup(junk, filled)
    assert sha256(filled) == before


def test_backup_during_write_transaction_is_sound(filled: Path) -> None:
    other = sqlite3.connect(filled, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE plan SET title = 'oavslutad'")
    other.execute("INSERT INTO setting (key, value) VALUES ('halvfärdig', '1')")
    try:
        backup = make_session_backup(filled)
    finally:
        other.execute("ROLLBACK")
        other.close()
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("SELECT count(*) FROM setting WHERE key='halvfärdig'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM plan WHERE title='oavslutad'").fetchone()[0] == 0
    conn.close()


def test_a_copy_into_a_missing_folder_is_refused_in_swedish(filled: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Kopian kunde inte skrivas i mappen"):
        copy_database(filled, tmp_path / "saknas" / "kopia.uppdrag")
    assert not (tmp_path / "saknas").exists()
