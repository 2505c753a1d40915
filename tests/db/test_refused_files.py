"""Files that are not Uppdrag files are refused with a Swedish message and left byte-identical."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from db.errors import FileRefused
from db.identity import APPLICATION_ID, SCHEMA_VERSION
from db.store import create_store, open_store
from tests.conftest import sha256, sidecars


@pytest.fixture
def genuine(tmp_path: Path) -> Path:
    path = tmp_path / "riktig.uppdrag"
    store = create_store(path)
    store.close()
    return path


def _garbage(tmp_path: Path, _genuine: Path) -> Path:
    p = tmp_path / "skräp.uppdrag"
    p.write_bytes(os.urandom(8192))
    return p


def _zero(tmp_path: Path, _genuine: Path) -> Path:
    p = tmp_path / "tom.uppdrag"
    p.write_bytes(b"")
    return p


def _truncated_half(tmp_path: Path, genuine: Path) -> Path:
    p = tmp_path / "halv.uppdrag"
    data = genuine.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


def _truncated_header(tmp_path: Path, genuine: Path) -> Path:
    p = tmp_path / "huvud.uppdrag"
    p.write_bytes(genuine.read_bytes()[:100])
    return p


def _foreign(tmp_path: Path, _genuine: Path) -> Path:
    p = tmp_path / "annan.sqlite"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('hej')")
    conn.commit()
    conn.close()
    return p


def _newer(tmp_path: Path, genuine: Path) -> Path:
    p = tmp_path / "nyare.uppdrag"
    p.write_bytes(genuine.read_bytes())
    conn = sqlite3.connect(p)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return p


def _crafted(extra_sql: str):
    def make(tmp_path: Path, genuine: Path) -> Path:
        p = tmp_path / "preparerad.uppdrag"
        p.write_bytes(genuine.read_bytes())
        conn = sqlite3.connect(p)
        conn.execute(extra_sql)
        conn.commit()
        conn.close()
        return p

    return make


CASES = {
    "skräp": (_garbage, "inte en SQLite-databas"),
    "noll byte": (_zero, "tom (0 byte)"),
    "halv fil": (_truncated_half, "avkortad"),
    "bara huvudet": (_truncated_header, "avkortad"),
    "annat program": (_foreign, "annat program"),
    "nyare version": (_newer, "nyare version"),
    "extra trigger": (_crafted("CREATE TRIGGER t AFTER INSERT ON plan BEGIN DELETE FROM plan; END"), "trigger t"),
    "extra vy": (_crafted("CREATE VIEW v AS SELECT * FROM plan"), "view v"),
    "extra tabell": (_crafted("CREATE TABLE extra (x)"), "table extra"),
    "uttrycksindex": (_crafted("CREATE INDEX ix ON plan (lower(title))"), "index ix"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_refused_with_message_and_unchanged(case: str, tmp_path: Path, genuine: Path) -> None:
    make, expected = CASES[case]
    path = make(tmp_path, genuine)
    before = sha256(path)
    with pytest.raises(FileRefused) as info:
        open_store(path)
    assert expected in str(info.value)
    assert sha256(path) == before
    assert sidecars(path) == []


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("command", [["check"], ["list"], ["list", "--json"]])
def test_cli_exits_1_in_swedish(case: str, command: list[str], tmp_path: Path, genuine: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    make, expected = CASES[case]
    path = make(tmp_path, genuine)
    before = sha256(path)
    argv = [command[0], str(path), *command[1:]]
    assert main(argv) == 1
    out = capsys.readouterr()
    assert expected in out.err + out.out
    assert "Traceback" not in out.err
    assert sha256(path) == before


def test_missing_file_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(tmp_path / "finns-inte.uppdrag")]) == 1
    assert "finns inte" in capsys.readouterr().err
    assert not (tmp_path / "finns-inte.uppdrag").exists()


def test_trigger_fixture_is_real(tmp_path: Path, genuine: Path) -> None:
    """The crafted trigger does fire under default settings, so refusing it matters."""
    path = _crafted("CREATE TRIGGER t AFTER INSERT ON setting BEGIN DELETE FROM setting; END")(tmp_path, genuine)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")
    assert conn.execute("SELECT count(*) FROM setting").fetchone()[0] == 0
    conn.close()


def test_genuine_file_opens(genuine: Path) -> None:
    store = open_store(genuine)
    assert store.db.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert store.db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    store.close()


def test_create_refuses_existing_file(genuine: Path) -> None:
    before = sha256(genuine)
    with pytest.raises(Exception, match="finns redan"):
        create_store(genuine)
    assert sha256(genuine) == before
