"""A file that passes quick_check but fails integrity_check (an index that no longer matches its
table) is never written: it opens read-only with a message that offers the latest good backup."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.cli import main
from app.sharing import close_shared, open_for_editing
from app.workspace import Workspace
from db.backup import list_backups, make_session_backup
from db.errors import FileRefused, ReadOnlyStore, StoreError
from db.store import open_store
from db.uri import file_uri
from tests.conftest import sha256


def damage_index(path: Path) -> None:
    """Change one character of a plan uuid inside the index plan_uuid, not in the table."""
    conn = sqlite3.connect(file_uri(path), uri=True)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'plan_uuid'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    uuid = conn.execute("SELECT uuid FROM plan ORDER BY id LIMIT 1").fetchone()[0].encode()
    conn.close()
    data = bytearray(path.read_bytes())
    at = data.index(uuid, (root - 1) * page_size, root * page_size) + len(uuid) - 1
    data[at] = ord("0") if data[at] != ord("0") else ord("1")
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(file_uri(path), uri=True)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    conn.close()


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "skadad.uppdrag"
    ws = Workspace.create(path)
    for i in range(3):
        ws.add("plan", doc_type="plan", template="plan", title=f"Plan {i}")
    ws.close()
    backup = make_session_backup(path)
    damage_index(path)
    return path, backup


def test_opening_for_editing_never_writes_a_damaged_file(damaged: tuple[Path, Path]) -> None:
    path, backup = damaged
    before = sha256(path)
    ws, _ = open_for_editing(path)
    try:
        with pytest.raises(ReadOnlyStore) as refused:
            ws.add("plan", doc_type="plan", template="plan", title="Ny")
        assert ws.read_only
        assert "skadad" in str(refused.value) and str(backup) in str(refused.value)
    finally:
        close_shared(ws)
    assert sha256(path) == before


def test_a_history_a_year_old_is_not_pruned_in_a_damaged_file(tmp_path: Path) -> None:
    """Opening for editing prunes the row history when it holds anything a year old: a write like
    any other, so it waits for the integrity check's verdict, and a damaged file is left alone and
    said to be damaged."""
    path = tmp_path / "gammal.uppdrag"
    ws = Workspace.create(path)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Plan").ids[0]
    ws.update("plan", plan, title="Plan, ändrad")  # (its first version's record, with its content)
    ws.close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE row_version SET at = '2000-01-01T00:00:00.000000Z'")
    backup = make_session_backup(path)
    damage_index(path)
    before = sha256(path)
    ws, _ = open_for_editing(path)
    try:
        assert ws.read_only and ws.sharing is not None
        reason = ws.sharing.read_only_reason or ""
        assert "skadad" in reason and str(backup) in reason
    finally:
        close_shared(ws)
    assert sha256(path) == before


def test_cli_list_warns_and_writers_refuse(damaged: tuple[Path, Path], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path, backup = damaged
    before = sha256(path)
    assert main(["list", str(path)]) == 0
    out = capsys.readouterr()
    assert "Plan 0" in out.out and "skadad" in out.err and "uppdrag restore" in out.err and str(backup) in out.err
    plan = tmp_path / "plan.json"
    assert main(["export", str(path), "1", "-o", str(plan)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), str(plan)]) == 1
    assert "skadad" in capsys.readouterr().err
    assert main(["check", str(path)]) == 1
    assert "Integritet: FEL" in capsys.readouterr().out
    assert sha256(path) == before


def test_damaged_file_is_not_upgraded(damaged: tuple[Path, Path]) -> None:
    path, _ = damaged
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    before = sha256(path)
    with pytest.raises(FileRefused, match="skadad"):
        open_store(path)
    assert sha256(path) == before


def test_backup_of_a_damaged_file_is_not_taken(damaged: tuple[Path, Path]) -> None:
    path, backup = damaged
    with pytest.raises(StoreError, match="verifieras"):
        make_session_backup(path)
    assert [b.path for b in list_backups(path)] == [backup]


def test_a_backup_is_not_listed_while_its_check_runs(damaged: tuple[Path, Path],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The window lists the backups (to offer the latest good one) while the session backup of the
    same damaged file may still be checking its copy: that copy is never among them, nor left."""
    from db import backup as backup_module

    path, backup = damaged
    seen: list[list[Path]] = []
    real_check = backup_module._integrity_check

    def check_while_listed(copy: Path) -> str:
        seen.append([b.path for b in list_backups(path)])
        return real_check(copy)

    monkeypatch.setattr(backup_module, "_integrity_check", check_while_listed)
    with pytest.raises(StoreError, match="verifieras"):
        make_session_backup(path)
    assert seen == [[backup]]
    assert [b.path for b in list_backups(path)] == [backup]
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]


def test_a_merge_into_a_damaged_file_reads_but_never_writes(damaged: tuple[Path, Path], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The merge reads while the integrity check runs, and waits for its verdict before writing."""
    path, backup = damaged
    other = tmp_path / "annan.uppdrag"
    ws = Workspace.create(other)
    ws.add("plan", doc_type="plan", template="plan", title="Från den andra")
    ws.close()
    before = sha256(path)
    assert main(["merge", str(path), str(other)]) == 1
    err = capsys.readouterr().err
    assert "skadad" in err and str(backup) in err
    assert sha256(path) == before
