"""The command line speaks the app's language: the one the window was last set to, or the one
`--lang sv|en` names before the command; argparse's own texts included. Run as a user runs it (a
real subprocess through the `uppdrag` entry point) and through ui.entry.main(argv)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(och|eller|inte|att|för|med|till|som|kan|finns|filen|planen|visa|skriv|användning|"
                     r"flaggor|kommandon)\b")
ARGPARSE_ENGLISH = re.compile(r"usage:|positional arguments|options:|show this help|error:|required")


@pytest.fixture(autouse=True, scope="module")
def compiled() -> None:
    from ui.i18n_build import build

    assert build()


def uppdrag(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UPPDRAG_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "ui.entry", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def _window_language(language: str) -> None:
    """Set the language as the window does (ui.settings over QSettings, in the test's settings file)."""
    from ui.settings import AppSettings

    settings = AppSettings()
    settings.language = language
    settings.q.sync()


def _without_user_text(text: str, *names: str) -> str:
    """What the program said, without the names of the files and plans the test gave it."""
    for name in names:
        text = text.replace(name, "")
    return re.sub(r"”[^”]*”|“[^”]*”", "", text)


def test_help_in_english_with_lang_and_in_swedish_without(tmp_path: Path) -> None:
    english = uppdrag("--lang", "en", "--help", data_dir=tmp_path)
    assert english.returncode == 0, english.stderr
    assert english.stdout.startswith("usage: uppdrag")
    assert "positional arguments" in english.stdout or "commands:" in english.stdout
    assert "options:" in english.stdout and "show this help message and exit" in english.stdout
    assert "list the plans in a file" in english.stdout and "--lang LANGUAGE" in english.stdout
    said = _without_user_text(english.stdout, "--portfolj", "--med-", "--lista", "--blad", "--andringar-sedan")
    assert not SWEDISH.search(said.replace("Uppdrag: ", "")), english.stdout
    export = uppdrag("--lang", "en", "export", "--help", data_dir=tmp_path)
    assert "without the people's e-mail, phone and notes (every format)" in " ".join(export.stdout.split())
    swedish = uppdrag("--help", data_dir=tmp_path)
    assert swedish.stdout.startswith("användning: uppdrag") and "flaggor:" in swedish.stdout
    assert "lista planerna i en fil" in swedish.stdout and not ARGPARSE_ENGLISH.search(swedish.stdout)


def test_the_window_s_saved_language_is_followed_and_lang_overrides_it(tmp_path: Path) -> None:
    db = tmp_path / "x.uppdrag"
    _window_language("en")
    made = uppdrag("init", str(db), "--examples", data_dir=tmp_path)
    assert made.returncode == 0 and made.stdout == f"Created {db} with 2 example plans.\n", made.stdout
    check = uppdrag("check", str(db), data_dir=tmp_path)
    assert "Integrity: ok" in check.stdout and "Rows (live/deleted):" in check.stdout, check.stdout
    missing = uppdrag("list", str(tmp_path / "saknas.uppdrag"), data_dir=tmp_path)
    assert missing.returncode == 1 and missing.stderr.startswith("uppdrag: ") and "does not exist" in missing.stderr
    wrong = uppdrag("list", data_dir=tmp_path)
    assert wrong.returncode == 2 and "uppdrag list: error: the following arguments are required: FILE" in wrong.stderr
    overridden = uppdrag("--lang", "sv", "check", str(db), data_dir=tmp_path)
    assert "Integritet: ok" in overridden.stdout, overridden.stdout
    _window_language("sv")
    assert "Integritet: ok" in uppdrag("check", str(db), data_dir=tmp_path).stdout
    assert "Integrity: ok" in uppdrag("--lang=en", "check", str(db), data_dir=tmp_path).stdout


def test_a_command_s_report_and_a_refusal_in_english(tmp_path: Path) -> None:
    db = tmp_path / "x.uppdrag"
    assert uppdrag("init", str(db), "--examples", data_dir=tmp_path).returncode == 0
    history = uppdrag("--lang", "en", "history", str(db), "1", data_dir=tmp_path)
    assert history.returncode == 0 and "Created" in history.stdout, history.stderr
    diff = uppdrag("--lang", "en", "diff", str(db), "1", data_dir=tmp_path)
    assert diff.returncode == 1 and diff.stderr == (
        "uppdrag: The plan has no frozen edition to compare with. Freeze an edition first (Edit → Freeze edition…).\n")
    bad = tmp_path / "trasig.json"
    bad.write_text("{", encoding="utf-8")
    refused = uppdrag("--lang", "en", "import", str(db), str(bad), data_dir=tmp_path)
    assert refused.returncode == 1 and refused.stderr == (
        "uppdrag: The file “trasig.json” is not valid JSON (line 1, column 2).\n"), refused.stderr


def test_a_mistyped_command_and_a_wrong_language_through_main(capsys, tmp_path: Path) -> None:
    from app.i18n import tr
    from ui.entry import main

    assert main(["--lang", "en", "lsit", "x"]) == 2
    assert capsys.readouterr().err.startswith("uppdrag: unknown command ’lsit’ – did you mean ’list’?\nCommands: ")
    assert main(["lsit", "x"]) == 2
    assert capsys.readouterr().err.startswith("uppdrag: okänt kommando ’lsit’ – menade du ’list’?")
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "de", "list", "x"])
    assert stop.value.code == 2
    assert "argument --lang: ogiltigt val: 'de'" in capsys.readouterr().err
    assert tr("Skrev {path}.", path="a") == "Skrev a."  # the command line put back the language of before


def test_the_window_can_be_started_in_a_language_for_once() -> None:
    from ui.entry import gui_start

    assert gui_start(["--lang", "en", "plan.uppdrag", "-style", "fusion"]) == (Path("plan.uppdrag"),
                                                                                ["-style", "fusion"], "en")
    assert gui_start(["plan.uppdrag"]) == (Path("plan.uppdrag"), [], None)
