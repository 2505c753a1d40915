"""The default database on first start: made with the examples, or a plain message when it cannot be."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from app.errors import StoreError
from app.startup import ensure_default_database
from app.workspace import Workspace


def test_first_start_makes_the_default_file_with_the_example_plans(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPPDRAG_DATA_DIR", str(tmp_path / "data"))
    path = ensure_default_database()
    assert path.parent == tmp_path / "data"
    ws = Workspace.open(path, read_only=True)
    try:
        assert len(ws.list("plan")) >= 2  # the example plans are there
    finally:
        ws.close()
    assert ensure_default_database() == path  # the second start opens the same file


def test_a_full_disk_while_seeding_leaves_no_half_made_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPPDRAG_DATA_DIR", str(tmp_path))

    def full_disk(_ws: Workspace) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.plans.add_examples", full_disk)
    with pytest.raises(StoreError) as refused:
        ensure_default_database()
    assert "disken är full" in str(refused.value) and "No space" not in str(refused.value)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".uppdrag"]  # the next start tries again
