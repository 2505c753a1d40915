"""`uppdrag anonymise` and `export --utan-kontaktuppgifter` in a real subprocess: the bytes of the file
and of its backups are searched for the name afterwards."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from app.workspace import Workspace
from db.backup import backups_of, make_session_backup
from tests.app.test_anonymise import EMAIL, NAME, PHONE, build
from tests.e2e.test_cli import uppdrag


def _data() -> Path:
    """The test's own data folder, where make_session_backup put the backups."""
    return Path(os.environ["UPPDRAG_DATA_DIR"])


def _grep(path: Path) -> int:
    data = path.read_bytes()
    return sum(data.count(n.encode()) for n in (NAME, EMAIL, PHONE))


def _file(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "fil.uppdrag"
    ws = Workspace.create(path)
    try:
        ids = build(ws)
    finally:
        ws.close()
    make_session_backup(path)
    return path, ids


def test_anonymise_file_then_backups(tmp_path: Path) -> None:
    path, ids = _file(tmp_path)
    before = path.read_bytes()
    r = uppdrag("anonymise", str(path), NAME, "--forhandsgranska", data_dir=_data())
    assert r.returncode == 0, r.stderr
    assert "Förhandsgranskning: inget har ändrats." in r.stdout
    assert "beslutat av" in r.stdout and "(borttagen)" in r.stdout
    assert path.read_bytes() == before

    r = uppdrag("anonymise", str(path), NAME.lower(), data_dir=_data())
    assert r.returncode == 0, r.stderr
    assert "Anonymiserad person 1" in r.stdout and "--med-sakerhetskopior" in r.stdout
    assert _grep(path) == 0
    copies = backups_of(path)
    assert copies and all(_grep(p) for p in copies)

    # Once more, by id, with the backups: the person is still found under its new name.
    r = uppdrag("anonymise", str(path), str(ids["asa"]), "--med-sakerhetskopior", data_dir=_data())
    assert r.returncode == 0, r.stderr
    assert [p for p in [path, *backups_of(path)] if _grep(p)] == []
    r = uppdrag("check", str(path), data_dir=_data())
    assert r.returncode == 0 and "Integritet: ok" in r.stdout


def test_anonymise_refusals_in_swedish(tmp_path: Path) -> None:
    path, _ids = _file(tmp_path)
    r = uppdrag("anonymise", str(path), "Ingen Alls", data_dir=_data())
    assert r.returncode == 1 and "Hittar ingen person" in r.stderr and "Traceback" not in r.stderr
    r = uppdrag("anonymise", str(tmp_path / "saknas.uppdrag"), NAME, data_dir=_data())
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_export_without_contact_details_in_every_format(tmp_path: Path) -> None:
    path, ids = _file(tmp_path)
    for suffix in (".json", ".docx", ".xlsx"):
        out = tmp_path / f"ut{suffix}"
        r = uppdrag("export", str(path), str(ids["plan"]), "-o", str(out), "--utan-kontaktuppgifter",
                    data_dir=_data())
        assert r.returncode == 0, r.stderr
        if suffix == ".json":
            text = out.read_text(encoding="utf-8")
        else:
            with zipfile.ZipFile(out) as z:
                text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
        assert EMAIL not in text and PHONE not in text, suffix
        if suffix != ".xlsx":
            assert NAME in text, suffix  # the name stays: only contact details are left out
