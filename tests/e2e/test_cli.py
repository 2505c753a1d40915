"""The command line end to end, in a real subprocess like a user or a script runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import sha256

ROOT = Path(__file__).resolve().parents[2]


def uppdrag(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UPPDRAG_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "ui.entry", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def test_init_list_check_export_import(tmp_path: Path) -> None:
    db = tmp_path / "x.uppdrag"
    r = uppdrag("init", str(db), "--examples", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    r = uppdrag("list", str(db), "--json", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    plans = json.loads(r.stdout)
    assert len(plans) == 2
    assert set(plans[0]) == {"id", "uuid", "doc_type", "title", "diarienummer", "edition", "status", "modified"}
    assert {p["doc_type"] for p in plans} == {"directive", "plan"}

    r = uppdrag("check", str(db), data_dir=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Integritet: ok" in r.stdout

    out = tmp_path / "plan.json"
    r = uppdrag("export", str(db), plans[0]["uuid"], "-o", str(out), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    first = out.read_text(encoding="utf-8")
    r = uppdrag("import", str(db), str(out), data_dir=tmp_path)
    assert r.returncode == 0 and "Uppdaterade" in r.stdout
    assert len(json.loads(uppdrag("list", str(db), "--json", data_dir=tmp_path).stdout)) == 2
    r = uppdrag("export", str(db), str(plans[0]["id"]), "-o", str(out), data_dir=tmp_path)
    assert out.read_text(encoding="utf-8") == first


def test_user_errors_exit_1_in_swedish_without_traceback(tmp_path: Path) -> None:
    db = tmp_path / "x.uppdrag"
    uppdrag("init", str(db), data_dir=tmp_path)
    before = sha256(db)
    cases = [
        ("export", str(db), "999", "-o", str(tmp_path / "a.json")),
        ("export", str(db), "1", "-o", str(tmp_path / "a.xyz")),
        ("import", str(db), str(tmp_path / "saknas.json")),
        ("init", str(db)),
        ("list", str(tmp_path / "saknas.uppdrag")),
    ]
    for args in cases:
        r = uppdrag(*args, data_dir=tmp_path)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert r.stderr.startswith("uppdrag: ") and "Traceback" not in r.stderr, args
    assert sha256(db) == before


@pytest.mark.parametrize("args", [("list",), ("export", "x.uppdrag"), ("list", "x", "--bogus"), ("init",)])
def test_wrong_usage_exits_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    r = uppdrag(*args, data_dir=tmp_path)
    assert r.returncode == 2, (args, r.stderr)
    assert "Traceback" not in r.stderr


def test_version(tmp_path: Path) -> None:
    r = uppdrag("--version", data_dir=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("uppdrag ")


def test_export_with_answered_checklists_as_appendix(tmp_path: Path) -> None:
    from docx import Document

    db = tmp_path / "x.uppdrag"
    assert uppdrag("init", str(db), "--examples", data_dir=tmp_path).returncode == 0
    directive = next(p for p in json.loads(uppdrag("list", str(db), "--json", data_dir=tmp_path).stdout)
                     if p["doc_type"] == "directive")
    out = tmp_path / "direktiv.docx"
    r = uppdrag("export", str(db), directive["uuid"], "-o", str(out), "--med-checklistor", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "Bilaga: Checklistor inför beslut" in texts
    assert any(t.startswith("Checklista inför beslut, BP1") for t in texts)


def test_mistyped_command_exits_2_without_starting_the_app(tmp_path: Path) -> None:
    """No display is needed and nothing waits: a script gets its answer and exit code at once."""
    r = uppdrag("lsit", str(tmp_path / "x.uppdrag"), data_dir=tmp_path)
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith("uppdrag: okänt kommando ’lsit’ – menade du ’list’?")
    assert "list" in r.stderr.splitlines()[1] and r.stdout == ""
