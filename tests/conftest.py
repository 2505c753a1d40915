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


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster for the whole session, started when a test first asks
    for it; it fails (never skips) when the server cannot start."""
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    yield cluster
    cluster.remove()


# Login users of the test cluster: writers, a reader, and one with no Uppdrag role at all.
PG_USERS = ("alice", "bob", "rita", "nora")


def pg_password(user: str) -> str:
    return f"pw-{user}-secret"


@pytest.fixture(scope="session")
def pg_template(pg_cluster, tmp_path_factory):
    """The login users (passwords in a .pgpass file, as people would keep them) and a database
    set up by `server init`, copied for each test by `server_db`."""
    import os

    from db.server_schema import init_server

    passfile = tmp_path_factory.mktemp("pgpass") / "pgpass"
    passfile.write_text("".join(f"127.0.0.1:{pg_cluster.port}:*:{u}:{pg_password(u)}\n" for u in PG_USERS))
    passfile.chmod(0o600)
    os.environ["PGPASSFILE"] = str(passfile)
    for user in PG_USERS:
        pg_cluster.sql(f"CREATE ROLE {user} LOGIN PASSWORD '{pg_password(user)}'")
    pg_cluster.sql("CREATE DATABASE uppdrag_template")
    init_server(pg_cluster.admin_url("uppdrag_template"))
    pg_cluster.sql("GRANT uppdrag_write TO alice, bob")
    pg_cluster.sql("GRANT uppdrag_read TO rita")
    return "uppdrag_template"


class ServerDb:
    """A fresh Uppdrag database on the test cluster; `url(user)` reaches it as that user."""

    def __init__(self, cluster, name: str):
        self.cluster = cluster
        self.name = name

    def url(self, user: str = "alice") -> str:
        return self.cluster.url(user, self.name)

    @property
    def admin_url(self) -> str:
        return self.cluster.admin_url(self.name)

    def sql(self, statement: str, params: tuple = ()) -> list[tuple]:
        return self.cluster.sql(statement, params, dbname=self.name)


_server_dbs = iter(range(1, 1_000_000))


@pytest.fixture
def server_db(pg_cluster, pg_template) -> ServerDb:
    name = f"t{next(_server_dbs)}"
    pg_cluster.sql(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield ServerDb(pg_cluster, name)
    from db import models

    if not isinstance(models.database.obj, type(None)) and getattr(models.database.obj, "param", "?") == "%s":
        try:
            models.database.obj.drop_connection()
        except Exception:  # noqa: BLE001
            pass
    pg_cluster.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
