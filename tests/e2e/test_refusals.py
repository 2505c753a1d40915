"""Each refusal found by hand is a Swedish sentence on stderr, never a traceback, and changes nothing."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

from app.cli import main
from app.workspace import Workspace
from db import models
from db.errors import StoreError
from tests.conftest import sha256


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    path = tmp_path / "fil.uppdrag"
    ws = Workspace.create(path)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Planen").ids[0]
    ws.add("goal", plan, kind="effect", text="Ett mål")
    ws.close()
    return path


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main(argv) == 1
    out = capsys.readouterr()
    assert out.out == "" and out.err.startswith("uppdrag: ") and "Traceback" not in out.err
    for word in words:
        assert word in out.err, out.err
    return out.err


def test_export_error_is_a_user_error(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = Workspace.open(dbfile)
    with ws.store.write():
        models.Asset.replace(key="word_reference", name="mall.docx", data=b"PK trasig", modified_at="x").execute()
    ws.close()
    _refused(["export", str(dbfile), "1", "-o", str(tmp_path / "ut.docx")], capsys, "Mallen")
    assert not (tmp_path / "ut.docx").exists()


def test_invalid_utf8_in_a_cell(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(dbfile)
    conn.execute("UPDATE plan SET title = CAST(x'c328ff' AS TEXT)")
    conn.commit()
    conn.close()
    before = sha256(dbfile)
    _refused(["list", str(dbfile)], capsys, "UTF-8")
    assert sha256(dbfile) == before


@pytest.mark.parametrize(("depth", "said"), [(5_000, "Uppdrag-plan"), (100_000, "nästlad")])
def test_deeply_nested_json(dbfile: Path, tmp_path: Path, depth: int, said: str,
                            capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "djup.json"
    plan.write_text('{"format": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    before = sha256(dbfile)
    _refused(["import", str(dbfile), str(plan)], capsys, said)
    assert sha256(dbfile) == before


def test_lone_surrogate_is_located(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.json"
    assert main(["export", str(dbfile), "1", "-o", str(out)]) == 0
    capsys.readouterr()
    data = json.loads(out.read_text(encoding="utf-8"))
    data["goals"][0]["text"] = "\ud83d trasig"
    out.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii writes it as \\ud83d
    before = sha256(dbfile)
    _refused(["import", str(dbfile), str(out)], capsys, "surrogat", "goals[0].text", "\\ud83d")
    assert sha256(dbfile) == before


def test_full_disk_names_the_real_error(dbfile: Path) -> None:
    ws = Workspace.open(dbfile)
    plan = models.Plan.get().id
    pages = ws.store.db.execute_sql("PRAGMA page_count").fetchone()[0]
    ws.store.db.execute_sql(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(StoreError, match="disken är full") as full:
        for _ in range(50):
            ws.add("goal", plan, kind="effect", text="x" * 3000)
    assert "rollback" not in str(full.value)
    ws.close()
    ws = Workspace.open(dbfile, read_only=True)
    assert ws.list("goal", plan)[0]["text"] == "Ett mål"  # committed rows are intact
    ws.close()


def test_json_export_is_written_beside(dbfile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.json"
    out.write_text("den gamla exporten", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    _refused(["export", str(dbfile), "1", "-o", str(out)], capsys, "plan.json")
    assert out.read_text(encoding="utf-8") == "den gamla exporten"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fil.uppdrag", "plan.json"]


def test_temporary_files_of_killed_copies_are_removed(dbfile: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    old = time.time() - 3600
    left = [tmp_path / ".kopia.uppdrag.k3x9q2ab.tmp", tmp_path / ".kopia.uppdrag.k3x9q2ab.tmp-journal",
            tmp_path / ".fil.uppdrag.fore-aterstallning.a1b2c3d4.tmp"]
    for p in left:
        p.write_bytes(b"halv")
        os.utime(p, (old, old))
    running = tmp_path / ".annan.uppdrag.zz9q2abc.tmp"  # a copy still being written: recent
    running.write_bytes(b"skrivs")
    mine = tmp_path / ".ingen.tmp"  # not our pattern: never touched
    mine.write_bytes(b"annat")
    os.utime(mine, (old, old))
    assert main(["copy", str(dbfile), str(tmp_path / "kopia.uppdrag")]) == 0
    assert not any(p.exists() for p in left)
    assert running.exists() and mine.exists()


def test_reference_folders_are_removed(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import tempfile

    from app.export.docx_reference import DEFAULT_REFERENCE
    from app.word_reference import TEMP_PREFIX, set_reference

    ws = Workspace.open(dbfile)
    set_reference(ws, DEFAULT_REFERENCE)
    ws.close()
    stale = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    (stale / "mall.docx").write_bytes(b"PK")
    os.utime(stale, (time.time() - 3600,) * 2)
    before = set(Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"))
    assert main(["export", str(dbfile), "1", "-o", str(tmp_path / "ut.docx")]) == 0, capsys.readouterr().err
    after = set(Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"))
    assert not stale.exists() and after <= before - {stale}


def test_check_refusal_is_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "skräp.uppdrag"
    garbage.write_bytes(b"inte en databas" * 20)
    _refused(["check", str(garbage)], capsys, "ingen Uppdrag-fil")
