"""Fixtures shared by every test: a private home, settings and data folder, fresh files per test.

The whole run gets a temporary home (HOME and the XDG folders) and Qt's settings paths
point into it, so that nothing a test starts (the app, the command line, the benchmark)
can touch the user's own settings, recent files or data. At the end of the run the
user's real home is checked for anything of Uppdrag's written meanwhile; the run fails
if there is.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]  # tests/ui/test_error_hook.py runs a test run of its own

_HOME_VARIABLES = ("HOME", "USERPROFILE", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
# Where an app such as this one writes in a home folder (Linux, macOS, Windows): Uppdrag's traces
# are looked for one level down in each (the settings file, the data folder, logs).
_APP_PLACES = (".", ".config", ".local/share", ".local/state", ".cache", "Documents",
               "Library/Preferences", "Library/Application Support", "AppData/Roaming", "AppData/Local")


def _app_traces(home: Path) -> dict[str, int]:
    """Every file named after Uppdrag (or inside a folder so named) in the usual places of `home`,
    with its change time."""
    traces: dict[str, int] = {}
    for place in _APP_PLACES:
        try:
            entries = list((home / place).iterdir())
        except OSError:
            continue
        for entry in entries:
            if "uppdrag" not in entry.name.lower():
                continue
            for path in [*entry.rglob("*")] if entry.is_dir() else [entry]:
                try:
                    if path.is_file():
                        traces[str(path)] = path.stat().st_mtime_ns
                except OSError:
                    pass
    return traces


def _written_by(path: str, marks: tuple[str, ...]) -> bool:
    """Whether a changed file is this run's doing. A text file (the settings, a log) must name one of
    this run's temporary folders, since another program may use Uppdrag's settings at the same time;
    any other file (a database) counts as written by the run."""
    try:
        data = Path(path).read_bytes()[:1_000_000]
    except OSError:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return any(mark in text for mark in marks)


def pytest_configure(config: pytest.Config) -> None:
    """Before anything is imported or collected: the run's own home and settings folder."""
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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """The order's seed also under -q, where pytest-randomly's header is not shown."""
    seed = getattr(config.option, "randomly_seed", None)
    if config.pluginmanager.has_plugin("randomly") and isinstance(seed, int):
        terminalreporter.write_line(f"Tests in random order, seed {seed}; the same order again: "
                                    f"make test PYTEST_ARGS=--randomly-seed={seed}")


@pytest.fixture(scope="session", autouse=True)
def real_home_untouched(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Qt's settings go to the run's home too; at the end nothing of Uppdrag's has changed in the real one."""
    from PySide6.QtCore import QSettings

    settings = pytestconfig.test_home / ".config"  # type: ignore[attr-defined]
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(settings))
    yield pytestconfig.test_home  # type: ignore[attr-defined]
    before = pytestconfig.real_home_before  # type: ignore[attr-defined]
    after = _app_traces(pytestconfig.real_home)  # type: ignore[attr-defined]
    marks = (str(pytestconfig.test_home), str(tmp_path_factory.getbasetemp()))  # type: ignore[attr-defined]
    written = sorted(path for path, mtime in after.items() if before.get(path) != mtime and _written_by(path, marks))
    assert not written, f"Tests wrote in the user's real home: {', '.join(written)}"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups, logs, the default database and the window's settings go to a temporary folder of
    the test's own, never the user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("UPPDRAG_DATA_DIR", str(folder))
    monkeypatch.setenv("UPPDRAG_SETTINGS", str(folder / "settings.ini"))
    return folder


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[Path]:
    return [p for p in (path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm")) if p.exists()]
