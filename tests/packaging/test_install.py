"""A normal install works: the wheel of this checkout, installed (not editable) into a fresh
environment, makes a file with the example plans and exports one to Word, run from a folder
that is not the checkout.

The fresh environment borrows the test environment's dependencies (PySide6, peewee,
python-docx, …) through a .pth line, so the test needs no network; the project itself comes
from the wheel alone, which is what would be missing if a run-time file were not packaged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.install


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("install")
    # Built from a copy, so that no build/ left in the checkout can add stale files to the wheel.
    source = shutil.copytree(ROOT, tmp / "source", ignore=shutil.ignore_patterns(
        ".*", "build", "dist", "*.egg-info", "__pycache__", "out", "docs", "tests"))
    wheels = tmp / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(source)], check=True, cwd=tmp, timeout=300)
    wheel = next(wheels.glob("uppdrag-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # The dependencies, but not this checkout: a bare path line, so the editable hook is not run.
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, timeout=300)
    return venv


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = venv / ("Scripts/uppdrag.exe" if os.name == "nt" else "bin/uppdrag")
    env = {"PATH": os.environ.get("PATH", ""), "UPPDRAG_DATA_DIR": str(cwd / "data"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(script), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_the_installed_program_comes_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    python = installed / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    out = subprocess.run([str(python), "-c", "import app.resources as r; print(r.resource_path('plan.schema.json'))"],
                         capture_output=True, text=True, cwd=tmp_path, env={"PATH": os.environ.get("PATH", "")},
                         check=True)
    schema = Path(out.stdout.strip())
    assert schema.is_file() and not schema.is_relative_to(ROOT)


def test_init_with_examples_and_a_word_export(installed: Path, tmp_path: Path) -> None:
    r = _run(installed, "init", "planer.uppdrag", "--examples", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = _run(installed, "list", "planer.uppdrag", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.count('"uuid"') == 2
    r = _run(installed, "export", "planer.uppdrag", "1", "-o", "plan.docx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(tmp_path / "plan.docx") as docx:
        assert "word/document.xml" in docx.namelist()
