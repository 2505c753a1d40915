"""The window's saved language, read without Qt: the command line speaks the language the window
was last set to (`uppdrag --lang sv|en KOMMANDO` overrides it for one run).

The window keeps it under the key "language" of QSettings("Uppdrag", "Uppdrag") (ui.settings), or
in the ini file that UPPDRAG_SETTINGS names (the tests and the benchmark). QSettings keeps its
native settings in an ini file on Linux and other Unixes ($XDG_CONFIG_HOME/Uppdrag/Uppdrag.conf),
in the registry on Windows (HKEY_CURRENT_USER\\Software\\Uppdrag\\Uppdrag) and in a property list
on macOS (~/Library/Preferences/com.uppdrag.Uppdrag.plist); each is read here with the standard
library, so that `uppdrag list` still loads no Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app.i18n import LANGUAGES

SETTINGS_ENV = "UPPDRAG_SETTINGS"
KEY = "language"
LANG_OPTION = "--lang"  # before the command: the language to speak instead of the window's


def split_language(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The language a leading `--lang sv|en` (or `--lang=en`) names, and the arguments after it.
    A value that is no language is left in place, for the parser to refuse."""
    rest = list(argv)
    if rest and rest[0].startswith(LANG_OPTION + "="):
        value = rest[0].split("=", 1)[1]
        if value in LANGUAGES:
            return value, rest[1:]
    elif len(rest) >= 2 and rest[0] == LANG_OPTION and rest[1] in LANGUAGES:
        return rest[1], rest[2:]
    return None, rest


def language_of(argv: Sequence[str]) -> str:
    """The language to speak: the one `--lang` names, else the window's saved one, else Swedish."""
    named = split_language(argv)[0] or saved_language()
    return named if named in LANGUAGES else LANGUAGES[0]


def saved_language() -> str | None:
    """The language the window was last set to ("sv", "en"); None if it was never set or cannot be read."""
    named = os.environ.get(SETTINGS_ENV)
    try:
        if named:
            return _from_ini(Path(named))
        if sys.platform == "win32":
            return _from_registry()
        if sys.platform == "darwin":
            return _from_plist(Path.home() / "Library" / "Preferences" / "com.uppdrag.Uppdrag.plist")
        config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return _from_ini(Path(config) / "Uppdrag" / "Uppdrag.conf")
    except (OSError, ValueError):  # no settings, or unreadable ones: the default language
        return None


def _from_ini(path: Path) -> str | None:
    """The value of `language` in the [General] section of a QSettings ini file."""
    section = "General"
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == "General" and "=" in line:
            key, value = (part.strip() for part in line.split("=", 1))
            if key == KEY:
                return value.strip('"') or None
    return None


def _from_registry() -> str | None:  # pragma: no cover - Windows only
    import winreg  # type: ignore[import-not-found,unused-ignore]

    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Uppdrag\Uppdrag") as key:  # type: ignore[attr-defined,unused-ignore]
        value = winreg.QueryValueEx(key, KEY)[0]  # type: ignore[attr-defined,unused-ignore]
    return str(value) or None


def _from_plist(path: Path) -> str | None:  # pragma: no cover - macOS only
    import plistlib

    with path.open("rb") as fh:
        value = plistlib.load(fh).get(KEY)
    return str(value) if value else None
