"""`uppdrag resources` and `uppdrag export --utan-kontaktuppgifter` in a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.workspace import Workspace
from tests.app.test_load import build_small_file

ROOT = Path(__file__).resolve().parents[2]


def uppdrag(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UPPDRAG_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "ui.entry", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


@pytest.fixture
def small_file(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    path = tmp_path / "small.uppdrag"
    ws = Workspace.create(path)
    try:
        ids = build_small_file(ws)
    finally:
        ws.close()
    return path, ids


def test_resources_json_against_hand_computed_loads(small_file: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, ids = small_file
    r = uppdrag("resources", str(path), "--json", "--from", "2025-02", "--to", "2025-05", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["periods"] == ["2025-02", "2025-03", "2025-04", "2025-05"]
    people = {p["name"]: p for p in data["people"]}
    assert list(people) == ["Anna Andersson", "Bertil Berg", "Extern konsult"]
    anna = people["Anna Andersson"]
    assert anna["person_id"] == ids["anna"]
    assert anna["totals"] == {"2025-02": 20.0, "2025-03": 69.4, "2025-04": 110.0, "2025-05": 20.0}
    assert anna["over_100"] == ["2025-04"]
    assert [(p["title"], p["share"]) for p in anna["periods"]["2025-04"]["plans"]] == [
        ("Plan ett", 20.0), ("Plan två", 90.0)]
    assert people["Bertil Berg"]["totals"] == {"2025-02": 0, "2025-03": 0, "2025-04": 50.0, "2025-05": 50.0}
    assert people["Bertil Berg"]["over_100"] == []
    assert people["Extern konsult"]["person_id"] is None


def test_resources_text_marks_over_allocation(small_file: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, _ids = small_file
    r = uppdrag("resources", str(path), data_dir=tmp_path)  # the span of all bookings: Jan–Jun 2025
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["Person", "jan", "2025", "feb", "2025", "mar", "2025", "apr", "2025",
                                "maj", "2025", "jun", "2025"]
    anna = next(line for line in lines if line.startswith("Anna Andersson"))
    assert anna.split()[2:] == ["20", "20", "69,4", "[110]*", "20", "20"]
    assert "[…]* = över 100 %" in r.stdout


def test_resources_errors_in_swedish(small_file: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, _ids = small_file
    r = uppdrag("resources", str(path), "--from", "2025-13", data_dir=tmp_path)
    assert r.returncode == 1 and "ingen månad" in r.stderr and "Traceback" not in r.stderr
    r = uppdrag("resources", str(tmp_path / "saknas.uppdrag"), data_dir=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    r = uppdrag("resources", data_dir=tmp_path)
    assert r.returncode == 2


def test_export_without_contact_details(small_file: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, ids = small_file
    full, bare = tmp_path / "full.json", tmp_path / "bare.json"
    assert uppdrag("export", str(path), str(ids["p2"]), "-o", str(full), data_dir=tmp_path).returncode == 0
    r = uppdrag("export", str(path), str(ids["p2"]), "-o", str(bare), "--utan-kontaktuppgifter", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "anna@region.se" in full.read_text(encoding="utf-8")
    people = json.loads(bare.read_text(encoding="utf-8"))["organisation"]["people"]
    assert [(p["name"], p["email"], p["phone"]) for p in people] == [
        ("Anna Andersson", "", ""), ("Bertil Berg", "", "")]
