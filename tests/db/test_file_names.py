"""File names that mean something in a URI (#, ?, %) or to a shell (a leading dash, spaces, å/ä/ö,
200+ characters) name that file and no other, in every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cli import main
from app.workspace import Workspace
from db.uri import file_uri
from tests.conftest import sha256, sidecars

NAMES = [
    "Plan #3.uppdrag",
    "Vad?mode=rw.uppdrag",
    "100% klart.uppdrag",
    "%23 kodad.uppdrag",
    "med  mellanslag .uppdrag",
    "Åtgärder för älg och ö.uppdrag",
    "-streck.uppdrag",
    "lång " + "x" * 200 + ".uppdrag",
]


def _make(path: Path, title: str) -> None:
    ws = Workspace.create(path)
    ws.add("plan", doc_type="plan", template="plan", title=title)
    ws.close()


def _titles(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["list", str(path), "--json"]) == 0, capsys.readouterr().err
    return [p["title"] for p in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize("name", NAMES)
def test_every_command_reads_the_named_file(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mapp"
    folder.mkdir()
    path = folder / name
    _make(path, "Rätt fil")
    # the names an unencoded URI would have read instead
    for decoy in {name.split("#")[0], name.split("?")[0], name.replace("%23", "#")} - {name}:
        if decoy.strip():
            _make(folder / decoy, "Fel fil")
    before = {p.name: sha256(p) for p in folder.iterdir()}

    assert _titles(path, capsys) == ["Rätt fil"]
    assert main(["check", str(path)]) == 0
    assert "Integritet: ok" in capsys.readouterr().out
    copy = tmp_path / ("kopia " + name)
    assert main(["copy", str(path), str(copy)]) == 0
    capsys.readouterr()
    assert _titles(copy, capsys) == ["Rätt fil"]
    assert main(["backups", str(path), "--ny"]) == 0
    assert "1 planer" in capsys.readouterr().out
    out = tmp_path / "plan.json"
    assert main(["export", str(path), "1", "-o", str(out)]) == 0, capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Rätt fil"
    assert {p.name: sha256(p) for p in folder.iterdir()} == before  # nothing else read, made or changed
    assert sidecars(path) == []

    assert main(["merge", str(path), str(copy)]) == 0, capsys.readouterr().err
    assert main(["import", str(path), str(out)]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == sorted(before)


def test_uri_is_percent_encoded(tmp_path: Path) -> None:
    uri = file_uri(tmp_path / "a #?%å.uppdrag", mode="rw")
    assert uri.startswith("file:///") and uri.endswith("a%20%23%3F%25%C3%A5.uppdrag?mode=rw")


@given(st.text())
def test_uri_encodes_every_name_as_urllib_does(name: str) -> None:
    """db.uri percent-encodes by itself (start-up does not load urllib.parse), exactly as quote does."""
    from urllib.parse import quote

    from db.uri import _quote

    assert _quote("/mapp/" + name) == quote("/mapp/" + name, safe="/:")
