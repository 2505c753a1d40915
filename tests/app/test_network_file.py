"""Files on a network drive, on a folder declared as a share (UPPDRAG_NETWORK_FOLDERS): the
working copy, write-back, merge with a share file that changed behind our back, read-only
opens that never write, and every CLI writer going the same way. tests/network runs the same
code on real sshfs mounts."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.network_paths import is_network_path, location_of
from app.plans import list_plans, renew_uuids
from app.sharing import close_shared, open_for_editing
from app.workspace import Workspace
from db import share_write, workcopy
from db.lock import lock_path, read_lock
from db.sidecars import JOURNAL_MAGIC
from tests.conftest import foreign_lock, no_sqlite_in, sha256, sidecars, written_back_elsewhere


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "G"
    folder.mkdir()
    monkeypatch.setenv("UPPDRAG_NETWORK_FOLDERS", str(folder))
    return folder


@pytest.fixture
def share_file(share: Path) -> Path:
    path = share / "gemensam.uppdrag"
    assert main(["init", str(path), "--examples"]) == 0
    return path


def _terms(path: Path) -> set[str]:
    ws = Workspace.open(path, read_only=True)
    try:
        return {t["term"] for p in list_plans(ws) for t in ws.list("term", p.id)}
    finally:
        ws.close()


def _add_term(ws: Workspace, text: str) -> None:
    ws.add("term", list_plans(ws)[0].id, term=text, explanation="")


def test_declared_folders_are_network_paths(share: Path, tmp_path: Path) -> None:
    assert is_network_path(share / "a.uppdrag") and is_network_path(share / "under" / "b.uppdrag")
    assert not is_network_path(tmp_path / "G2" / "a.uppdrag")
    assert location_of(share / "a.uppdrag") == "network"
    assert location_of(tmp_path / "a.uppdrag") == "local"
    assert location_of("postgresql://server/uppdrag") == "server"


def test_init_writes_the_file_whole_and_leaves_nothing_beside_it(share_file: Path) -> None:
    assert sorted(p.name for p in share_file.parent.iterdir()) == [share_file.name]
    assert len(list_plans_of(share_file)) == 2


def list_plans_of(path: Path) -> list:
    ws = Workspace.open(path, read_only=True)
    try:
        return list_plans(ws)
    finally:
        ws.close()


def test_editing_works_on_a_local_copy_and_close_writes_it_back(share_file: Path, private_data_dir: Path) -> None:
    before = sha256(share_file)
    ws, holder = open_for_editing(share_file)
    assert holder is None and not ws.read_only
    assert ws.path.is_relative_to(private_data_dir) and ws.sharing.origin == share_file
    assert read_lock(share_file).is_mine()
    _add_term(ws, "lokal ändring")
    assert sha256(share_file) == before  # nothing on the share until the write-back
    assert ws.sharing.netfile.has_unsaved()
    status = close_shared(ws)
    assert status.all_written and status.message == f"Allt är sparat till {share_file}."
    assert "lokal ändring" in _terms(share_file)
    assert sorted(p.name for p in share_file.parent.iterdir()) == [share_file.name]


def test_a_share_file_replaced_behind_our_back_is_merged_not_overwritten(share_file: Path, tmp_path: Path) -> None:
    ws, _ = open_for_editing(share_file)
    nf = ws.sharing.netfile
    _add_term(ws, "min första")
    assert nf.write_back()
    # Someone edits a copy and puts it back over the file (a file manager, a broken stale lock).
    theirs = tmp_path / "deras.uppdrag"
    shutil.copyfile(share_file, theirs)
    other = Workspace.open(theirs)
    _add_term(other, "deras")
    other.close()
    shutil.copyfile(theirs, share_file.with_name(".inkommande"))
    os.replace(share_file.with_name(".inkommande"), share_file)
    ws.store.activate()
    _add_term(ws, "min andra")
    assert nf.write_back()
    assert nf.last_merge is not None
    close_shared(ws)
    assert {"min första", "min andra", "deras"} <= _terms(share_file)


def test_reading_never_writes_to_the_share_even_beside_a_hot_journal(share_file: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    journal = share_file.with_name(share_file.name + "-journal")
    journal.write_bytes(JOURNAL_MAGIC + os.urandom(4096))  # someone else's live transaction
    foreign_lock(share_file)
    before, journal_before = sha256(share_file), sha256(journal)
    ws, holder = open_for_editing(share_file, on_locked="read_only")
    assert ws.read_only and holder.user == "karin"
    assert "karin" in ws.sharing.read_only_reason and "senast sparade" in ws.sharing.read_only_reason
    assert len(list_plans(ws)) == 2
    close_shared(ws)
    for command in (["list", str(share_file)], ["check", str(share_file)],
                    ["export", str(share_file), "1", "-o", str(share_file.parent.parent / "p.json")]):
        assert main(command) == 0, capsys.readouterr().err
    assert sha256(share_file) == before and sha256(journal) == journal_before
    assert sorted(p.name for p in share_file.parent.iterdir()) == sorted(
        [share_file.name, journal.name, lock_path(share_file).name])


def test_a_lock_that_cannot_be_written_opens_read_only(share_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self, **_kw):
        raise PermissionError(13, "Åtkomst nekad")

    monkeypatch.setattr("db.lock.FileLock.acquire", refuse)
    ws, _ = open_for_editing(share_file)
    try:
        assert ws.read_only
        assert ws.sharing.read_only_reason.startswith("Låsfilen kunde inte skrivas på nätverksenheten (Åtkomst nekad)")
    finally:
        close_shared(ws)


def test_a_lost_lock_stops_the_write_back_and_keeps_the_edit(share_file: Path) -> None:
    ws, _ = open_for_editing(share_file)
    nf = ws.sharing.netfile
    before = sha256(share_file)
    foreign_lock(share_file)  # someone broke our lock and took the file
    _add_term(ws, "efter låset")
    assert not nf.write_back()
    assert nf.status.state == "blocked" and "karin" in nf.status.message
    assert sha256(share_file) == before
    close_shared(ws)
    assert read_lock(share_file).user == "karin"  # their lock is left alone
    assert "efter låset" in _terms(nf.local)


def test_edits_left_in_the_working_copy_are_written_back_at_the_next_open(share_file: Path, tmp_path: Path) -> None:
    ws, _ = open_for_editing(share_file)
    nf = ws.sharing.netfile
    share = share_file.parent
    share.rename(tmp_path / "borta")  # the network is gone when the program closes
    _add_term(ws, "sparad lokalt")
    status = close_shared(ws)
    assert status.state == "failed" and status.message == f"Ej sparad till {share_file} – försöker igen"
    (tmp_path / "borta").rename(share)
    assert "sparad lokalt" not in _terms(share_file)
    ws, _ = open_for_editing(share_file)
    assert ws.sharing.netfile.status.state == "saved"
    close_shared(ws)
    assert "sparad lokalt" in _terms(share_file)
    assert nf.local.exists()


def test_cli_writers_take_the_lock_and_write_back(share_file: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).resolve().parents[2] / "app" / "resources" / "examples" / "uppdragsplan-primarvard-nav.json"
    plan = renew_uuids(json.loads(example.read_text(encoding="utf-8")))
    plan["title"] = "Importerad över nätverket"
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")

    foreign_lock(share_file)
    assert main(["import", str(share_file), str(plan_file)]) == 1
    assert "låst av karin" in capsys.readouterr().err
    lock_path(share_file).unlink()

    other = tmp_path / "annan.uppdrag"
    shutil.copyfile(share_file, other)
    ws = Workspace.open(other)
    _add_term(ws, "från den andra filen")
    ws.close()
    assert main(["backups", str(share_file), "--ny"]) == 0
    assert main(["import", str(share_file), str(plan_file)]) == 0
    assert main(["merge", str(share_file), str(other)]) == 0
    titles = {p.title for p in list_plans_of(share_file)}
    assert "Importerad över nätverket" in titles
    assert "från den andra filen" in _terms(share_file)
    assert sorted(p.name for p in share_file.parent.iterdir()) == [share_file.name]

    capsys.readouterr()
    assert main(["backups", str(share_file)]) == 0
    backup = capsys.readouterr().out.strip().splitlines()[-1].split()[-1]
    assert main(["restore", backup, str(share_file)]) == 0
    assert "Importerad över nätverket" not in {p.title for p in list_plans_of(share_file)}
    assert sorted(p.name for p in share_file.parent.iterdir()) == [share_file.name]
    assert sidecars(share_file) == []


def test_an_exclusive_create_that_lost_the_race_as_eperm_is_a_held_lock(tmp_path: Path, monkeypatch) -> None:
    """sshfs reports an O_EXCL create that lost to another computer as EPERM, not EEXIST."""
    from db import lock as lockmod

    path = tmp_path / "delad.uppdrag"
    foreign_lock(path)
    real_open = os.open

    def sshfs_open(p, flags, *args):
        if flags & os.O_EXCL and Path(p).exists():
            raise PermissionError(1, "Operation not permitted")
        return real_open(p, flags, *args)

    monkeypatch.setattr(lockmod.os, "open", sshfs_open)
    with pytest.raises(lockmod.LockHeld) as held:
        lockmod.FileLock(path).acquire()
    assert held.value.holder.user == "karin"


def test_a_write_back_is_counted_only_once_the_file_on_the_share_is_read_back_whole(
        share_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, _ = open_for_editing(share_file)
    nf = ws.sharing.netfile
    _add_term(ws, "måste fram hel")
    real_confirm = share_write.confirm_on_share

    def damaged_in_the_middle_then_confirm(share: Path, written: workcopy.Written) -> bool:
        # A share that damaged one byte of what it stored, in the middle of the file; its size,
        # time and first and last pages are as written, so only a whole read-back can tell.
        st = share.stat()
        with open(share, "r+b") as fh:
            middle = os.pread(fh.fileno(), 1, st.st_size // 2)
            os.pwrite(fh.fileno(), bytes([middle[0] ^ 0xFF]), st.st_size // 2)
        os.utime(share, ns=(st.st_atime_ns, st.st_mtime_ns))
        return real_confirm(share, written)

    monkeypatch.setattr(share_write, "confirm_on_share", damaged_in_the_middle_then_confirm)
    assert not nf.write_back()
    assert nf.status.state == "failed" and "inte lika med arbetskopian" in nf.last_error
    assert nf.has_unsaved()  # the edit does not count as written back
    monkeypatch.undo()
    assert nf.write_back() and not nf.has_unsaved()
    close_shared(ws)
    assert "måste fram hel" in _terms(share_file)
    conn = sqlite3.connect(f"file:{share_file}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def test_a_read_only_view_follows_what_the_editor_writes_back(share_file: Path, tmp_path: Path) -> None:
    foreign_lock(share_file)
    ws, holder = open_for_editing(share_file, on_locked="read_only")
    nf = ws.sharing.netfile
    plan_id = list_plans(ws)[0].id

    def title() -> str:
        return next(p.title for p in list_plans(ws) if p.id == plan_id)

    try:
        assert holder.user == "karin" and title() != "Karins rubrik"
        assert not nf.refresh_snapshot()  # nothing new on the share
        written_back_elsewhere(share_file, tmp_path, "UPDATE plan SET title = ? WHERE id = ?", ("Karins rubrik", plan_id))
        shared = sha256(share_file)
        assert nf.refresh_snapshot()
        assert title() == "Karins rubrik"
        assert nf.status.state == "read_only" and "karin" in nf.status.message and "uppdaterat" in nf.status.message
        assert not nf.refresh_snapshot()
        assert sha256(share_file) == shared  # the view never writes to the share
        # A file on the share that does not pass the check is not taken; the view keeps what it had.
        share_file.write_bytes(share_file.read_bytes()[:4096])
        assert not nf.refresh_snapshot()
        assert title() == "Karins rubrik"
    finally:
        close_shared(ws)
    assert sorted(p.name for p in share_file.parent.iterdir()) == sorted([share_file.name, lock_path(share_file).name])


def test_writers_that_make_a_file_make_it_here_and_put_it_on_the_share(share_file: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    local = tmp_path / "lokal.uppdrag"
    assert main(["copy", str(share_file), str(local)]) == 0
    refused = no_sqlite_in(share_file.parent, monkeypatch)
    copy, sent = share_file.with_name("kopia.uppdrag"), share_file.with_name("skickad.uppdrag")
    assert main(["copy", str(local), str(copy)]) == 0
    assert main(["copy", str(share_file), str(copy), "--skriv-over"]) == 0
    assert main(["send", str(share_file), "1", "-o", str(sent)]) == 0
    assert main(["copy", str(local), str(copy)]) == 1  # it is there: not replaced without --skriv-over
    foreign_lock(copy)
    assert main(["copy", str(local), str(copy), "--skriv-over"]) == 1  # someone has it open
    assert refused == []
    monkeypatch.undo()
    assert len(list_plans_of(copy)) == 2 and len(list_plans_of(sent)) == 1
    assert sorted(p.name for p in share_file.parent.iterdir()) == sorted(
        [share_file.name, copy.name, sent.name, lock_path(copy).name])


def test_removing_personal_data_from_a_network_file_goes_through_its_working_copy(
        share_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    foreign_lock(share_file)
    assert main(["anonymise", str(share_file), "Karin Lindqvist"]) == 1  # someone has it open
    assert "låst av karin" in capsys.readouterr().err
    lock_path(share_file).unlink()
    refused = no_sqlite_in(share_file.parent, monkeypatch)
    assert main(["anonymise", str(share_file), "Karin Lindqvist"]) == 0, capsys.readouterr().err
    assert refused == []
    monkeypatch.undo()
    assert b"Karin Lindqvist" not in share_file.read_bytes()
    assert sorted(p.name for p in share_file.parent.iterdir()) == [share_file.name]
