"""Fixtures shared by every test: a private data folder, fresh files per test."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: a profile sized for `make test` on two cores, and a thorough one for thousands
# of cases (UPPDRAG_HYPOTHESIS=thorough); the properties are the same in both.
settings.register_profile("ci", max_examples=40)
settings.register_profile("thorough", max_examples=2000)
settings.load_profile(os.environ.get("UPPDRAG_HYPOTHESIS", "ci"))


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups, logs and the default database go to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("UPPDRAG_DATA_DIR", str(folder))
    return folder


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[Path]:
    return [p for p in (path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm")) if p.exists()]
