"""The test run's own home: nothing a test starts may touch the user's settings, recent files or data.

Before anything is imported or collected, HOME and the XDG folders point to a temporary home
for the whole run, and Qt's settings paths into it; each test has its own data folder and
settings file besides (tests/conftest.py). What reaches the real home anyway is caught two ways:

- an audit hook sees every file this process opens for writing, every folder it makes or
  renames into and every SQLite file it opens, and notes those under the real home;
- at the end, files named after Uppdrag in the usual places of the real home (the settings,
  the data folder) are compared with the start; a changed text file counts if it names one of
  this run's temporary folders (another program may use Uppdrag's settings at the same time).

Either fails the run, at the teardown of its last test.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_HOME_VARIABLES = ("HOME", "USERPROFILE", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
# Where an app such as this one writes in a home folder (Linux, macOS, Windows).
_APP_PLACES = (".", ".config", ".local/share", ".local/state", ".cache", "Documents",
               "Library/Preferences", "Library/Application Support", "AppData/Roaming", "AppData/Local")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class _Writes:
    """The audit hook (one per process; audit hooks cannot be removed): writes under `home`."""

    def __init__(self) -> None:
        self.home: str | None = None
        self.allowed: tuple[str, ...] = ()
        self.seen: list[str] = []

    def watch(self, home: Path, allowed: list[Path]) -> None:
        if self.home is not None:  # a test run inside the run (pytester) watches the outer run's home
            return
        self.home = str(home) + os.sep
        self.allowed = tuple(str(p) + os.sep for p in allowed)

    def _note(self, event: str, path: object) -> None:
        if isinstance(path, int) or path is None:
            return
        text = os.path.abspath(os.fsdecode(path))  # type: ignore[arg-type]
        if (self.home is not None and text.startswith(self.home) and not text.startswith(self.allowed)
                and "__pycache__" not in text):
            self.seen.append(f"{text} ({event})")

    def __call__(self, event: str, args: tuple) -> None:
        try:
            if event == "open":
                path, mode, flags = args
                if (mode is not None and any(c in mode for c in "wax+")) or (mode is None and flags & _WRITE_FLAGS):
                    self._note(event, path)
            elif event == "sqlite3.connect":
                database = str(args[0])
                self._note(event, database.removeprefix("file:").split("?")[0])
            elif event in ("os.mkdir", "os.rename", "os.replace", "shutil.copyfile", "shutil.copytree"):
                self._note(event, args[1] if event != "os.mkdir" else args[0])
        except Exception:  # noqa: BLE001 - an audit hook must never break what it watches
            pass


_writes = _Writes()
sys.addaudithook(_writes)


def _app_traces(home: Path) -> dict[str, int]:
    """Every file named after Uppdrag (or inside a folder so named) in the usual places of `home`,
    with its change time."""
    traces: dict[str, int] = {}
    for place in _APP_PLACES:
        try:
            entries = [e for e in (home / place).iterdir() if "uppdrag" in e.name.lower()]
        except OSError:
            continue
        for entry in entries:
            for path in [*entry.rglob("*")] if entry.is_dir() else [entry]:
                try:
                    if path.is_file():
                        traces[str(path)] = path.stat().st_mtime_ns
                except OSError:
                    pass
    return traces


def _names_this_run(path: str, marks: tuple[str, ...]) -> bool:
    try:
        text = Path(path).read_bytes()[:1_000_000].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False  # a database or another binary file: the audit hook has seen this process write it
    return any(mark in text for mark in marks)


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "real_home"):
        return
    home = Path(tempfile.mkdtemp(prefix="uppdrag-test-home-"))
    config.real_home = Path.home()  # type: ignore[attr-defined]
    config.saved_environment = {name: os.environ.get(name) for name in _HOME_VARIABLES}  # type: ignore[attr-defined]
    config.test_home = home  # type: ignore[attr-defined]
    os.environ["HOME"] = os.environ["USERPROFILE"] = str(home)
    for name, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                         ("XDG_STATE_HOME", ".local/state"), ("XDG_CACHE_HOME", ".cache")):
        os.environ[name] = str(home / folder)
    config.real_home_before = _app_traces(config.real_home)  # type: ignore[attr-defined]
    # The checkout (pytest's and hypothesis' own files) and the Python installation may lie in a home.
    _writes.watch(config.real_home, [config.rootpath, Path(sys.prefix), Path(sys.base_prefix)])  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    saved = getattr(config, "saved_environment", None)
    if saved is None:
        return
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    shutil.rmtree(config.test_home, ignore_errors=True)  # type: ignore[attr-defined]


@pytest.fixture(scope="session", autouse=True)
def real_home_untouched(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The run's home, with Qt's settings in it; at the end nothing was written in the real one."""
    from PySide6.QtCore import QSettings

    settings = pytestconfig.test_home / ".config"  # type: ignore[attr-defined]
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(settings))
    yield pytestconfig.test_home  # type: ignore[attr-defined]
    before = pytestconfig.real_home_before  # type: ignore[attr-defined]
    after = _app_traces(pytestconfig.real_home)  # type: ignore[attr-defined]
    marks = (str(pytestconfig.test_home), str(tmp_path_factory.getbasetemp()))  # type: ignore[attr-defined]
    written = sorted({*_writes.seen, *(path for path, mtime in after.items()
                                       if before.get(path) != mtime and _names_this_run(path, marks))})
    assert not written, f"Tests wrote in the user's real home: {', '.join(written)}"
