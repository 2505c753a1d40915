"""`uppdrag merge` and `uppdrag send` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.workspace import Workspace
from db import models
from db.lock import FileLock


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    path = tmp_path / "min.uppdrag"
    ws = Workspace.create(path)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Min plan").ids[0]
    ws.add("goal", plan, kind="effect", text="mål")
    ws.close()
    return path


def test_send_edit_and_merge_back(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "skickad.uppdrag"
    ws = Workspace.open(dbfile, read_only=True)
    plan_uuid = models.Plan.get().uuid
    ws.close()
    assert main(["send", str(dbfile), plan_uuid, "-o", str(out)]) == 0
    ws = Workspace.open(out)
    goal = ws.list("goal", models.Plan.get().id)[0]
    ws.update("goal", goal["id"], text="ändrat av kollegan")
    ws.close()
    assert main(["merge", str(dbfile), str(out), "--forhandsgranska"]) == 0
    assert "Ändrade mål: 1" in capsys.readouterr().out
    assert main(["merge", str(dbfile), str(out), "--prefer", "mine"]) == 0
    assert "Konflikter: 0" in capsys.readouterr().out
    ws = Workspace.open(dbfile, read_only=True)
    assert [g["text"] for g in ws.list("goal", models.Plan.get().id)] == ["ändrat av kollegan"]
    ws.close()
    assert main(["merge", str(dbfile), str(out)]) == 0
    assert "Inget nytt att hämta" in capsys.readouterr().out


def test_merge_usage_and_errors(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["merge", str(dbfile), str(dbfile), "--prefer", "båda"])
    assert info.value.code == 2
    assert main(["merge", str(dbfile), str(dbfile)]) == 1
    assert "sig själv" in capsys.readouterr().err
    assert main(["merge", str(dbfile), str(tmp_path / "finns-inte.uppdrag")]) == 1
    assert "finns inte" in capsys.readouterr().err


def test_merge_refuses_a_file_someone_edits(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "annan.uppdrag"
    Workspace.create(other).close()
    import json
    from db.lock import lock_path
    lock_path(dbfile).write_text(json.dumps({"user": "karin", "machine": "annan-dator", "pid": 1,
                                             "since": "2099-01-01T00:00:00+00:00",
                                             "heartbeat": "2099-01-01T00:00:00+00:00"}))
    assert main(["merge", str(dbfile), str(other)]) == 1
    err = capsys.readouterr().err
    assert "karin" in err and "Traceback" not in err
    assert FileLock  # the lock module is what the CLI consults
