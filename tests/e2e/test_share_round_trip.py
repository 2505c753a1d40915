"""The round trip people make: a copy made in the file manager, edited for a week, brought back.

The same steps as the sharing issue's reproduction, on the command line: export a plan to
JSON, edit it, import it (the way a script would edit), in two byte copies of one file.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import sha256


def _titles(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT uuid, title FROM plan"))
    finally:
        conn.close()


def _retitle(path: Path, plan_uuid: str, title: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"{plan_uuid}.json"
    assert main(["export", str(path), plan_uuid, "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["title"] = title
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(path), str(out)]) == 0
    out.unlink()
    capsys.readouterr()


def test_byte_copies_edited_apart_converge_without_losing_an_edit(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.uppdrag", tmp_path / "b.uppdrag"
    assert main(["init", str(a), "--examples"]) == 0
    shutil.copyfile(a, b)
    first, second = sorted(_titles(a))
    _retitle(a, first, "Ändrad i a", tmp_path, capsys)
    _retitle(b, second, "Ändrad i b", tmp_path, capsys)
    assert main(["merge", str(a), str(b)]) == 0
    assert "Konflikter: 0" in capsys.readouterr().out
    assert main(["merge", str(b), str(a)]) == 0
    assert "Konflikter: 0" in capsys.readouterr().out
    assert _titles(a) == _titles(b) == {first: "Ändrad i a", second: "Ändrad i b"}
    before = (sha256(a), sha256(b))
    assert main(["merge", str(a), str(b)]) == 0
    assert "Inget nytt att hämta" in capsys.readouterr().out
    assert (sha256(a), sha256(b)) == before


def test_only_a_field_changed_differently_on_both_sides_is_a_conflict(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.uppdrag", tmp_path / "b.uppdrag"
    assert main(["init", str(a), "--examples"]) == 0
    shutil.copyfile(a, b)
    plan = sorted(_titles(a))[0]
    _retitle(a, plan, "Titel enligt a", tmp_path, capsys)
    _retitle(b, plan, "Titel enligt b", tmp_path, capsys)
    assert main(["merge", str(a), str(b), "--prefer", "theirs"]) == 0
    out = capsys.readouterr().out
    assert "Konflikter: 1" in out and "Titel enligt a" in out and "Titel enligt b" in out
    assert _titles(a)[plan] == "Titel enligt b"
    assert main(["merge", str(b), str(a)]) == 0
    assert "Konflikter: 0" in capsys.readouterr().out  # reported once, in a, and settled there
    assert _titles(a) == _titles(b)


def test_two_files_made_apart_keep_each_others_plans_side_by_side(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.uppdrag", tmp_path / "b.uppdrag"
    assert main(["init", str(a), "--examples"]) == 0
    assert main(["init", str(b), "--examples"]) == 0
    assert not set(_titles(a)) & set(_titles(b))  # the examples get new uuids in every file
    assert main(["merge", str(a), str(b)]) == 0
    assert "Konflikter: 0" in capsys.readouterr().out
    assert len(_titles(a)) == 4
