"""The built bundle works on its own: version, a new .uppdrag file, the GUI on that file, a Word export.

Runs only with UPPDRAG_BUNDLE set to the bundle folder (dist/uppdrag, or dist/Uppdrag.app on macOS);
otherwise pytest deselects these tests (see conftest.py). `.ci/run` builds with `make package` and then:

    UPPDRAG_BUNDLE=dist/uppdrag .venv/bin/python -m pytest -q tests/packaging/test_bundle.py

Every run uses an empty HOME and UPPDRAG_DATA_DIR, no PYTHONPATH and a working folder outside the
checkout, so nothing can come from the repository or the developer's venv.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
GUI_SECONDS = 6


def _bundle() -> Path:
    folder = Path(os.environ["UPPDRAG_BUNDLE"]).resolve()
    assert folder.is_dir(), f"UPPDRAG_BUNDLE={folder} finns inte; bygg med make package"
    return folder


def _executables(bundle: Path) -> tuple[Path, Path]:
    """(GUI program, command-line program); the same file except on Windows."""
    if bundle.suffix == ".app":
        exe = bundle / "Contents" / "MacOS" / "uppdrag"
        return exe, exe
    if sys.platform == "win32":
        return bundle / "uppdrag.exe", bundle / "uppdrag-cli.exe"
    return bundle / "uppdrag", bundle / "uppdrag"


@pytest.fixture(scope="module")
def bundle() -> Path:
    return _bundle()


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    data = tmp_path / "data"
    home.mkdir()
    data.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "UPPDRAG_", "QT_", "XDG_"))}
    env.update(HOME=str(home), USERPROFILE=str(home), UPPDRAG_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen",
               LANG="sv_SE.UTF-8")
    return env


def run(exe: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def test_version(bundle: Path, sandbox: dict[str, str], tmp_path: Path) -> None:
    _, cli = _executables(bundle)
    r = run(cli, "--version", env=sandbox, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"uppdrag {VERSION}"


def test_the_bundle_reaches_for_a_team_server(bundle: Path, sandbox: dict[str, str], tmp_path: Path) -> None:
    """psycopg and its libpq are inside: a server that does not answer is the Swedish sentence."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _, cli = _executables(bundle)
    r = run(cli, "list", f"postgresql://anna@127.0.0.1:{port}/uppdrag", env=sandbox, cwd=tmp_path)
    assert r.returncode == 1 and "svarar inte" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_resources_are_inside_the_bundle(bundle: Path) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    import bundle_data

    candidates = [bundle / "_internal", bundle / "Contents" / "Resources", bundle / "Contents" / "Frameworks"]
    inside = next((c for c in candidates if (c / "app" / "resources").is_dir()), None)
    assert inside is not None, f"no app/resources/ in {bundle}"
    missing = [str(p.relative_to(ROOT)) for p in bundle_data.runtime_resources(ROOT)
               if not (inside / p.relative_to(ROOT)).is_file()]
    assert missing == []
    assert (inside / "_version.txt").read_text(encoding="utf-8").strip() == VERSION


def _holds_open(pid: int, path: Path) -> bool:
    """Whether process `pid` (or a child of it) has `path` open: SQLite keeps the database file open."""
    target = os.path.realpath(path)
    fd_dir = Path(f"/proc/{pid}/fd")
    if fd_dir.is_dir():
        pids = [pid]
        children = Path(f"/proc/{pid}/task/{pid}/children")
        if children.exists():
            pids += [int(c) for c in children.read_text().split()]
        for p in pids:
            try:
                for fd in Path(f"/proc/{p}/fd").iterdir():
                    try:
                        if os.readlink(fd) == target:
                            return True
                    except OSError:
                        continue
            except OSError:
                continue
        return False
    try:  # macOS
        out = subprocess.run(["lsof", "-p", str(pid), "-Fn"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return f"n{target}" in out.splitlines()


def test_init_open_in_the_gui_and_export_word(bundle: Path, sandbox: dict[str, str], tmp_path: Path) -> None:
    gui, cli = _executables(bundle)
    db = tmp_path / "Mina uppdrag.uppdrag"  # a space and å-free but real-world name

    r = run(cli, "init", str(db), "--examples", env=sandbox, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"

    # The GUI on that file, as the file association starts it: `uppdrag PATH`.
    log = tmp_path / "gui-stderr.txt"
    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen([str(gui), str(db)], stdout=subprocess.DEVNULL, stderr=err, env=sandbox, cwd=tmp_path)
        opened = False
        try:
            deadline = time.monotonic() + GUI_SECONDS
            while time.monotonic() < deadline and proc.poll() is None:
                opened = opened or _holds_open(proc.pid, db)
                time.sleep(0.25)
            alive = proc.poll() is None
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    stderr = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in stderr, stderr
    assert alive, f"the app ended by itself (exit {proc.returncode}):\n{stderr}"
    assert opened or db.name in stderr, f"the app never opened {db.name}:\n{stderr}"
    assert not (Path(sandbox["UPPDRAG_DATA_DIR"]) / "uppdrag.uppdrag").exists(), "it opened the default database"

    # A Word export through the bundle: python-docx's templates, the reference document, the fonts.
    out = tmp_path / "x.docx"
    r = run(cli, "export", str(db), "1", "-o", str(out), env=sandbox, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(out) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "<w:body>" in body and "Bakgrund" in body
