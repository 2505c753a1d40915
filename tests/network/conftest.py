"""The stand-in share for the network-file tests: a private sshd on a free localhost port and
three sshfs mounts of one exported folder, each mount one "computer" with its own data folder.

Nothing here skips: if sshd or sshfs is missing, or a mount fails, every test here fails
with the reason (CI installs openssh-server and sshfs and runs as root with /dev/fuse).
"""

from __future__ import annotations

import itertools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.share import StandInShare

ROOT = Path(__file__).resolve().parents[2]
_folders = itertools.count(1)


@pytest.fixture(scope="session")
def standin(tmp_path_factory: pytest.TempPathFactory) -> StandInShare:
    with StandInShare(tmp_path_factory.mktemp("share"), mounts=3) as share:
        yield share


@dataclass
class Computer:
    """One computer: its own mount of the share and its own data folder (working copies)."""

    index: int
    folder: Path  # this test's folder on the share, as this computer sees it
    data: Path

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["UPPDRAG_DATA_DIR"] = str(self.data)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
        env.pop("UPPDRAG_NETWORK_FOLDERS", None)
        return env

    def uppdrag(self) -> list[str]:
        return [sys.executable, "-m", "app.cli"]


@dataclass
class Net:
    share: StandInShare
    server: Path  # this test's folder as the server holds it (the exported folder itself)
    computers: list[Computer]

    def on(self, i: int, name: str) -> Path:
        return self.computers[i].folder / name


@pytest.fixture
def net(standin: StandInShare, tmp_path: Path) -> Net:
    for i in range(len(standin.mounts)):
        standin.mount(i)  # a test that unmounted one and failed must not break the next
    if standin.sshd is None:
        standin.start_server()
    name = f"t{next(_folders)}"
    server = standin.export / name
    server.mkdir()
    computers = []
    for i, point in enumerate(standin.mounts):
        data = tmp_path / f"computer{i + 1}-data"
        data.mkdir()
        computers.append(Computer(i, point / name, data))
    return Net(standin, server, computers)
