"""A journal or WAL left beside a file by another database never replaces the file's data."""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.workspace import Workspace
from db import models
from db.errors import FileRefused
from db.identity import read_header
from db.store import open_store
from tests.conftest import sha256, sidecars

CRASH = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size=1")  # spill pages to the file so the journal is hot
conn.execute("BEGIN IMMEDIATE")
if sys.argv[2] == "page1":
    conn.execute("PRAGMA user_version = 2")  # the transaction changes page 1 too
for i in range(int(sys.argv[3])):
    conn.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (f"half-{i}", "x" * 200))
os._exit(9)  # stop without commit or rollback, like a crash
"""


def _file(path: Path, titles: list[str]) -> Path:
    ws = Workspace.create(path)
    for t in titles:
        plan = ws.add("plan", doc_type="plan", template="plan", title=t).ids[0]
        ws.add("goal", plan, kind="effect", text=t * 20)
    ws.close()
    return path


def _crash(path: Path, variant: str, rows: int = 2000) -> Path:
    subprocess.run([sys.executable, "-c", CRASH, str(path), variant, str(rows)], check=False)
    journal = path.with_name(path.name + "-journal")
    assert journal.exists()
    return journal


def _titles(path: Path) -> list[str]:
    ws = Workspace.open(path, read_only=True)
    try:
        return [p.title for p in models.Plan.select().order_by(models.Plan.id)]
    finally:
        ws.close()


def _assert_refused_untouched(path: Path, journal: Path, private_data_dir: Path) -> None:
    before = {p: sha256(p) for p in (path, journal)}
    with pytest.raises(FileRefused, match="hör inte till den här filen") as refused:
        open_store(path)
    assert {p: sha256(p) for p in (path, journal)} == before  # both untouched
    kept = [d for d in (private_data_dir / "aterstallning").iterdir()]
    assert len(kept) == 1 and str(kept[0]) in str(refused.value)
    assert {sha256(p) for p in kept[0].iterdir()} == set(before.values())  # byte copies of both


@pytest.mark.parametrize("variant", ["rows", "page1"])
def test_journal_of_another_file_is_not_played_back(tmp_path: Path, private_data_dir: Path, variant: str) -> None:
    mine = _file(tmp_path / "min.uppdrag", ["Min plan A", "Min plan B"])
    other = _file(tmp_path / "annan.uppdrag", [])
    journal = _crash(other, variant)
    shutil.move(journal, mine.with_name(mine.name + "-journal"))
    _assert_refused_untouched(mine, mine.with_name(mine.name + "-journal"), private_data_dir)


@pytest.mark.parametrize("variant", ["rows", "page1"])
def test_old_journal_beside_a_colleagues_copy_is_not_played_back(tmp_path: Path, private_data_dir: Path,
                                                                 variant: str) -> None:
    """The file crashed, then was replaced by a colleague's edited copy of it: same uuid, other content."""
    path = _file(tmp_path / "delad.uppdrag", ["Plan 1", "Plan 2"])
    colleague = tmp_path / "kollega.uppdrag"
    shutil.copyfile(path, colleague)
    ws = Workspace.open(colleague)
    for i in range(30):
        ws.add("plan", doc_type="plan", template="plan", title=f"Kollegans plan {i}")
    ws.close()
    journal = _crash(path, variant, rows=300)
    os.replace(colleague, path)
    _assert_refused_untouched(path, journal, private_data_dir)


@pytest.mark.parametrize("variant", ["rows", "page1"])
def test_own_journal_is_played_back_after_copies_are_kept(tmp_path: Path, private_data_dir: Path,
                                                          variant: str) -> None:
    path = _file(tmp_path / "egen.uppdrag", ["Plan 1", "Plan 2"])
    journal = _crash(path, variant)
    before = {sha256(path), sha256(journal)}
    store = open_store(path)
    try:
        assert store.recovered and "återställts" in store.notices[0]
        assert [p.title for p in models.Plan.select()] == ["Plan 1", "Plan 2"]
        assert not models.Setting.select().where(models.Setting.key.startswith("half-")).exists()
    finally:
        store.close()
    assert sidecars(path) == []
    (kept,) = (private_data_dir / "aterstallning").iterdir()
    assert {sha256(p) for p in kept.iterdir()} == before and str(kept) in store.notices[0]


def test_stray_wal_is_set_aside_unread(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = _file(tmp_path / "min.uppdrag", ["Min plan"])
    other = _file(tmp_path / "annan.uppdrag", ["En plan", "Två planer"])
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE plan SET title = 'Annans plan'")  # only in annan.uppdrag-wal
    for suffix in ("-wal", "-shm"):
        shutil.copyfile(other.with_name(other.name + suffix), mine.with_name(mine.name + suffix))
    conn.close()
    before = sha256(mine)

    assert main(["list", str(mine), "--json"]) == 0
    out = capsys.readouterr()
    assert "Min plan" in out.out and "Annans plan" not in out.out
    assert "flyttats undan" in out.err
    assert sha256(mine) == before and sidecars(mine) == []
    assert sorted(p.name.split(".undanlagd")[0] for p in tmp_path.glob("min.uppdrag-*.undanlagd-*")) == [
        "min.uppdrag-shm", "min.uppdrag-wal"]
    assert main(["check", str(mine)]) == 0
    assert sidecars(mine) == [] and sha256(mine) == before


def test_stray_wal_in_a_read_only_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = _file(tmp_path / "min.uppdrag", ["Min plan"])
    wal = mine.with_name(mine.name + "-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(60))
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == tmp_path else real(p, mode))
    before = sha256(mine), sha256(wal)
    with pytest.raises(FileRefused, match="min.uppdrag-wal"):
        open_store(mine, read_only=True)
    assert (sha256(mine), sha256(wal)) == before


def test_file_switched_to_wal_is_not_read_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path / "wal.uppdrag", ["Plan"])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    before = sha256(path)
    assert main(["list", str(path)]) == 1
    assert "WAL-läge" in capsys.readouterr().err
    assert main(["check", str(path)]) == 1
    assert sidecars(path) == [] and sha256(path) == before  # a read-only look leaves nothing behind
    Workspace.open(path).close()  # opening it for editing switches it back
    assert _titles(path) == ["Plan"] and sidecars(path) == []


def _journal(pages: dict[int, bytes], *, initial: int, page_size: int) -> bytes:
    """A hot rollback journal as SQLite writes it (one segment, sector 512, nonce 0)."""
    head = struct.pack(">8sIIIII", bytes.fromhex("d9d505f920a163d7"), len(pages), 0, initial, 512, page_size)
    out = head.ljust(512, b"\0")
    for number, data in pages.items():
        checksum = sum(data[i] for i in range(page_size - 200, 0, -200)) & 0xFFFFFFFF
        out += struct.pack(">I", number) + data + struct.pack(">I", checksum)
    return out


@pytest.mark.parametrize("case", ["size", "content"])
def test_journal_without_page_one_is_proven_too(tmp_path: Path, private_data_dir: Path, case: str) -> None:
    """A journal that did not save page 1: its recorded size must match the file, and a trial
    rollback on copies must give a sound file with the same identity."""
    mine = _file(tmp_path / "min.uppdrag", ["Min plan"])
    other = _file(tmp_path / "annan.uppdrag", ["Annans plan", "Och en till"])
    header = read_header(mine)
    size = header.page_size
    donor = other.read_bytes()
    pages = {n: donor[(n - 1) * size:n * size] for n in range(2, header.page_count + 1)}
    initial = header.page_count + (3 if case == "size" else 0)
    journal = mine.with_name(mine.name + "-journal")
    journal.write_bytes(_journal(pages, initial=initial, page_size=size))
    _assert_refused_untouched(mine, journal, private_data_dir)
    journal.unlink()
    assert _titles(mine) == ["Min plan"]

