"""A genuine file left with a hot journal (a program stopped mid-write) rolls back to its last commit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from db import models
from db.errors import FileRefused
from db.store import create_store, open_store

CHILD = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=DELETE")
conn.execute("PRAGMA cache_size=1")  # spill pages to the file so the journal is hot
conn.execute("BEGIN IMMEDIATE")
for i in range(2000):
    conn.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (f"half-{i}", "x" * 200))
os._exit(9)  # stop without commit or rollback, like a crash
"""


@pytest.fixture
def crashed(tmp_path: Path) -> Path:
    path = tmp_path / "krasch.uppdrag"
    store = create_store(path)
    with store.write():
        models.Setting.create(key="committed", value='"ja"')
    store.close()
    subprocess.run([sys.executable, "-c", CHILD, str(path)], check=False)
    assert path.with_name(path.name + "-journal").exists()
    return path


def test_open_rolls_back_to_last_commit(crashed: Path) -> None:
    store = open_store(crashed)
    try:
        assert store.recovered
        keys = {s.key for s in models.Setting.select()}
        assert "committed" in keys
        assert not any(k.startswith("half-") for k in keys)
    finally:
        store.close()
    assert not crashed.with_name(crashed.name + "-journal").exists()


def test_hot_journal_in_read_only_open_is_refused(crashed: Path) -> None:
    from db.check import check_file

    with pytest.raises(FileRefused, match="höll på att skrivas"):
        check_file(crashed, allow_recovery=False)
