"""Fixtures shared by every test: a private home (tests/home_guard.py), settings and data folder,
fresh files per test."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a profile sized for `make test` on two cores, and a thorough one for thousands
# of cases (UPPDRAG_HYPOTHESIS=thorough); the properties are the same in all of them. Neither times
# an example or its generation: on a loaded machine that fails a test for the machine, not the code.
_UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=40, **_UNTIMED)
settings.register_profile("thorough", max_examples=2000, **_UNTIMED)
# Mutation testing (tools/mutate.py): the same examples on every mutant, and no deadline (mutmut's
# tracing and a busy machine slow each example), so a verdict is not luck.
settings.register_profile("mutate", max_examples=20, derandomize=True, database=None, deadline=None)
settings.load_profile(os.environ.get("UPPDRAG_HYPOTHESIS", "ci"))

if os.environ.get("UPPDRAG_HYPOTHESIS") == "mutate":
    @pytest.fixture(autouse=True)
    def _fresh_caches() -> None:
        """mutmut runs each mutant in a process forked from one that has run the code already: what a
        function keeps (functools.cache, e.g. the compiled forms of app.date_text) would be the
        unmutated code's. So every kept result of app/ and db/ is forgotten before each test."""
        for name, module in list(sys.modules.items()):
            if name.split(".")[0] in ("app", "db"):
                for value in list(vars(module).values()):
                    if isinstance(value, functools._lru_cache_wrapper):
                        value.cache_clear()

# tests.home_guard: the run's own home, and the check that the real one is untouched;
# pytester: tests/ui/test_error_hook.py runs a test run of its own.
pytest_plugins = ["tests.home_guard", "pytester"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """The order's seed also under -q, where pytest-randomly's header is not shown."""
    seed = getattr(config.option, "randomly_seed", None)
    if config.pluginmanager.has_plugin("randomly") and isinstance(seed, int):
        terminalreporter.write_line(f"Tests in random order, seed {seed}; the same order again: "
                                    f"make test PYTEST_ARGS=--randomly-seed={seed}")


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


def foreign_lock(path: Path) -> None:
    """The sidecar lock of someone else (karin on another computer), fresh, held for an hour."""
    from db.lock import lock_path

    now = datetime.now(UTC)
    lock_path(path).write_text(json.dumps({
        "user": "karin", "machine": "annan-dator", "pid": 1,
        "since": (now - timedelta(hours=1)).isoformat(), "heartbeat": now.isoformat()}))


def written_back_elsewhere(share_file: Path, tmp: Path, sql: str, params: tuple[Any, ...]) -> None:
    """Another computer's write-back of a network file: one statement run on a copy (by a plain
    connection, as another program would), which is then renamed over the file on the share."""
    theirs = tmp / f"deras-{share_file.name}"
    shutil.copyfile(share_file, theirs)
    conn = sqlite3.connect(theirs)
    try:
        with conn:
            conn.execute(sql, params)
    finally:
        conn.close()
    incoming = share_file.with_name(".inkommande")
    shutil.copyfile(theirs, incoming)
    os.replace(incoming, share_file)


def no_sqlite_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, any SQLite connection to a file in `folder` (a share) fails the test: the
    refused names are listed, and the connection raises."""
    from urllib.parse import unquote, urlsplit

    refused: list[str] = []
    real = sqlite3.connect
    inside = Path(folder).resolve()

    def connect(database, *args, **kwargs):
        name = str(database)
        if name.startswith("file:"):
            name = unquote(urlsplit(name).path)
        if name not in ("", ":memory:") and Path(os.path.abspath(name)).resolve().is_relative_to(inside):
            refused.append(name)
            raise AssertionError(f"SQLite opened {name} on the share")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)
    return refused


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


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty file and its Workspace, closed after the test. Modules whose tests run on both
    backends (`any_ws`) or need a filled file define a `ws` of their own."""
    from app.workspace import Workspace

    w = Workspace.create(tmp_path / "test.uppdrag")
    yield w
    w.close()


@pytest.fixture(params=["file", "server"])
def any_ws(request, tmp_path: Path):
    """A fresh, empty Workspace on each backend: a new file, and a new database on the test
    cluster opened as an ordinary writer (`alice`), so the storage tests run on both."""
    from app.workspace import Workspace

    if request.param == "file":
        ws = Workspace.create(tmp_path / "test.uppdrag")
    else:
        ws = Workspace.open(request.getfixturevalue("server_db").url("alice"))
    yield ws
    ws.close()
