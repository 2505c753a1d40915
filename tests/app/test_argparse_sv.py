"""The command line speaks Swedish throughout: argparse's own headings, help and errors included."""

from __future__ import annotations

import re

import pytest

from app import cli

ENGLISH = re.compile(r"usage|positional arguments|options:|show this help|version number|required|"
                     r"unrecognized|invalid choice|expected one argument")


@pytest.mark.parametrize("argv", [["--help"], ["list", "--help"], ["export", "--help"]])
def test_help_has_no_english(argv, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: uppdrag")
    assert "flaggor:" in out and "visa den här hjälpen och avsluta" in out
    assert not ENGLISH.search(out), out


@pytest.mark.parametrize(("argv", "said"), [
    (["list"], "de här argumenten saknas: FIL"),
    (["export", "a.uppdrag", "1", "-o"], "argument -o/--output: ett värde behövs"),
    (["list", "a.uppdrag", "--nej"], "okända argument: --nej"),
])
def test_usage_errors_are_swedish(argv, said, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert said in err and not ENGLISH.search(err), err


def test_the_gui_arguments_say_their_help_in_swedish(capsys) -> None:
    from ui.entry import gui_arguments

    with pytest.raises(SystemExit):
        gui_arguments(["--help"])
    out = capsys.readouterr().out
    assert "argument:" in out and "flaggor:" in out and not ENGLISH.search(out), out
