"""SQLite's checks quote names from the file's own schema; in a damaged file those may be invalid
UTF-8. Every place that reads `quick_check` or `integrity_check` reports such a file as damaged, with
the line readable (replacement characters), never with sqlite3's decoding error or a traceback,
and without changing the file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.cli import main
from app.workspace import Workspace
from db.backup import copy_database
from db.check import check_file, start_integrity_check
from db.connection import check_lines
from db.errors import FileRefused, StoreError
from db.uri import file_uri
from db.workcopy import CopyDamaged, check_copy
from tests.conftest import sha256

BAD_NAME = "CAST(X'74FF' AS TEXT)"  # 't' and a byte that is never UTF-8
LINE = "NULL value in t\ufffd.a"  # what the checks say of it, read leniently


def add_bad_line(path: Path, *, damage: bool = True) -> None:
    """A table whose name is invalid UTF-8, holding a NULL its schema (changed afterwards) forbids:
    both checks then report a line that quotes the name. Without `damage`, only the name."""
    conn = sqlite3.connect(file_uri(path, mode="rw"), uri=True)
    try:
        conn.execute("CREATE TABLE t(a)")
        conn.execute("INSERT INTO t VALUES (NULL)")
        conn.commit()
        conn.execute("PRAGMA writable_schema = ON")
        column = "a NOT NULL" if damage else "a"
        conn.execute(f"UPDATE sqlite_schema SET name = {BAD_NAME}, tbl_name = {BAD_NAME}, "
                     f"sql = 'CREATE TABLE ' || {BAD_NAME} || '({column})' WHERE name = 't'")
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "skadad.uppdrag"
    ws = Workspace.create(path)
    ws.add("plan", doc_type="plan", template="plan", title="Planen")
    ws.close()
    add_bad_line(path)
    return path


@pytest.mark.parametrize("pragma", ["quick_check", "integrity_check"])
def test_the_checks_line_is_read_with_replacement_characters(damaged: Path, pragma: str) -> None:
    conn = sqlite3.connect(file_uri(damaged, mode="ro"), uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError, match="decode to UTF-8"):  # the fixture is real
            conn.execute(f"PRAGMA {pragma}").fetchall()
        assert check_lines(conn, pragma) == [LINE]
        assert conn.execute("SELECT 'å'").fetchone()[0] == "å"  # the connection reads text as before
    finally:
        conn.close()


def test_check_lines_reads_only_the_two_checks(damaged: Path) -> None:
    conn = sqlite3.connect(file_uri(damaged, mode="ro"), uri=True)
    try:
        with pytest.raises(ValueError):
            check_lines(conn, "table_info(plan)")
    finally:
        conn.close()
    with closing(sqlite3.connect(":memory:")) as sound:
        assert check_lines(sound) == ["ok"]


def test_opening_refuses_the_file_as_damaged_and_quotes_the_line(damaged: Path) -> None:
    before = sha256(damaged)
    with pytest.raises(FileRefused) as refused:
        check_file(damaged)
    message = str(refused.value)
    assert "är skadad" in message and LINE in message and "säkerhetskopia" in message
    assert "decode" not in message
    assert start_integrity_check(damaged)() == [LINE]
    assert sha256(damaged) == before


def test_a_sound_file_with_a_name_that_is_not_utf8_is_refused_by_the_allow_list(tmp_path: Path) -> None:
    path = tmp_path / "främmande.uppdrag"
    Workspace.create(path).close()
    add_bad_line(path, damage=False)
    before = sha256(path)
    with pytest.raises(FileRefused) as refused:
        check_file(path)
    message = str(refused.value)
    assert "databasobjekt som en Uppdrag-fil inte har" in message and "table t\ufffd" in message
    assert "decode" not in message
    assert sha256(path) == before


@pytest.mark.parametrize("command", ["check", "list", "backups"])
def test_the_command_line_says_it_in_swedish_without_a_traceback(damaged: Path, command: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    before = sha256(damaged)
    code = main([command, str(damaged)])
    out = capsys.readouterr()
    if command == "backups":  # lists the (no) backups without reading the file's contents
        assert code == 0 and "Traceback" not in out.err
    else:
        assert code == 1
        assert "skadad" in out.err and LINE in out.err
        assert "Traceback" not in out.err + out.out and "decode" not in out.err
    assert sha256(damaged) == before
    assert not any(damaged.parent.glob("*-journal")) and not any(damaged.parent.glob("*-wal"))


def test_a_working_copy_with_the_line_is_damaged(damaged: Path) -> None:
    with pytest.raises(CopyDamaged) as refused:
        check_copy(damaged)
    assert "är skadad" in str(refused.value) and LINE in str(refused.value)


def test_a_copy_that_does_not_check_ok_is_not_written(damaged: Path, tmp_path: Path) -> None:
    target = tmp_path / "kopia.uppdrag"
    with pytest.raises(StoreError) as refused:
        copy_database(damaged, target)
    assert "blev inte hel" in str(refused.value) and LINE in str(refused.value)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == [damaged.name]  # no temporary file left behind
