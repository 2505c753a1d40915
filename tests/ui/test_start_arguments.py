"""What `uppdrag ARG` starts: a mistyped command is answered on the terminal and never opens a window."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui import entry


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The argument lists the app's window would have been started with."""
    calls: list[list[str]] = []
    monkeypatch.setattr(entry, "start_gui", lambda argv: calls.append(argv) or 0)
    return calls


def test_mistyped_command_suggests_the_nearest_and_exits_2(started, capsys, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert entry.main(["lsit", "plan.uppdrag"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("uppdrag: okänt kommando ’lsit’ – menade du ’list’?\n")
    assert "Kommandon: init, list, import, export, check" in err
    assert started == []
    assert entry.main(["qwerty"]) == 2
    assert "okänt kommando ’qwerty’\n" in capsys.readouterr().err
    assert started == []


def test_a_file_to_open_still_starts_the_app(started, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lista").write_bytes(b"")  # an existing file, whatever its name
    for argv in (["ny.uppdrag"], ["lista"], ["--db", "x.uppdrag"], ["postgresql://kim@server/plan"], []):
        assert entry.main(argv) == 0
    assert started == [["ny.uppdrag"], ["lista"], ["--db", "x.uppdrag"], ["postgresql://kim@server/plan"], []]
