"""`uppdrag copy`, `uppdrag backups` and `uppdrag restore`: exit codes, Swedish messages, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.workspace import Workspace
from db import models
from tests.conftest import sha256, sidecars


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    path = tmp_path / "planer.uppdrag"
    ws = Workspace.create(path)
    ws.add("plan", doc_type="plan", template="plan", title="Original")
    ws.close()
    return path


def test_copy_makes_a_sound_copy_and_refuses_the_source(dbfile: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    before = sha256(dbfile)
    assert main(["copy", str(dbfile), str(dbfile)]) == 1
    assert "originalfilen" in capsys.readouterr().err
    out = tmp_path / "kopia.uppdrag"
    assert main(["copy", str(dbfile), str(out)]) == 0
    assert main(["check", str(out)]) == 0
    assert main(["copy", str(dbfile), str(out)]) == 1
    assert "finns redan" in capsys.readouterr().err
    assert sha256(dbfile) == before and sidecars(dbfile) == []


def test_copy_refuses_garbage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "skräp.uppdrag"
    junk.write_bytes(b"inte en databas" * 100)
    assert main(["copy", str(junk), str(tmp_path / "ut.uppdrag")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "SQLite" in err
    assert not (tmp_path / "ut.uppdrag").exists()


def test_backups_and_restore(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backups", str(dbfile)]) == 0
    assert "inga säkerhetskopior" in capsys.readouterr().out
    assert main(["backups", str(dbfile), "--ny"]) == 0
    out = capsys.readouterr().out
    assert "1 planer" in out
    backup = Path(out.strip().splitlines()[-1].split()[-1])
    ws = Workspace.open(dbfile)
    ws.update("plan", models.Plan.get().id, title="Ändrad")
    ws.close()
    assert main(["restore", str(backup), str(dbfile)]) == 0
    assert "fore-aterstallning" in capsys.readouterr().out
    ws = Workspace.open(dbfile, read_only=True)
    assert models.Plan.get().title == "Original"
    ws.close()
    assert dbfile.with_name(dbfile.name + ".fore-aterstallning").exists()
