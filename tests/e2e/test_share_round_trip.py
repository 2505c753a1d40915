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


def test_six_rounds_of_one_sided_edits_on_copies_made_with_uppdrag_copy(tmp_path: Path, capsys) -> None:
    """The issue's measurement: six rounds of 8 one-sided edits (4 a side, on headings and goals of both
    plans, some rows edited again in later rounds), each round merged both ways: no edit lost, no
    conflict, and both files the same after every round."""
    import random

    from app.workspace import Workspace

    a, b = tmp_path / "a.uppdrag", tmp_path / "b.uppdrag"
    assert main(["init", str(a), "--examples"]) == 0
    assert main(["copy", str(a), str(b)]) == 0
    capsys.readouterr()
    rng = random.Random(14)
    for round_ in range(6):
        ws = Workspace.open(a)
        rows = [("section", r["id"], "heading") for p in ws.list("plan") for r in ws.list("section", p["id"])]
        rows += [("goal", r["id"], "text") for p in ws.list("plan") for r in ws.list("goal", p["id"])]
        ws.close()
        chosen = rng.sample(rows, 8)
        expected = {}
        for path, edits in ((a, chosen[:4]), (b, chosen[4:])):
            ws = Workspace.open(path)
            for kind, row_id, field in edits:
                value = f"runda {round_} i {path.stem}"
                ws.update(kind, row_id, **{field: value})
                expected[(kind, row_id, field)] = value
            ws.close()
        for mine, theirs in ((a, b), (b, a)):
            assert main(["merge", str(mine), str(theirs)]) == 0
            assert "Konflikter: 0" in capsys.readouterr().out
        for path in (a, b):
            ws = Workspace.open(path)
            for (kind, row_id, field), value in expected.items():
                row = next(r for p in ws.list("plan") for r in ws.list(kind, p["id"]) if r["id"] == row_id)
                assert row[field] == value, (round_, path.name, kind, field)
            ws.close()
        assert _content(a) == _content(b)


def _content(path: Path) -> dict:
    from tests.app.test_merge_property import _content as content

    return content(path, versions=True)
