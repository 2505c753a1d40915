"""Compile the Qt Linguist sources in app/resources/translations (*.ts) to *.qm with pyside6-lrelease.

Run as `python -m ui.i18n_build`; the Makefile does. The .qm files are build
products (git-ignored), never edited by hand.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from app.resources import resource_path


def _lrelease() -> list[str]:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / "lrelease", folder / "lrelease.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return [found]
    raise FileNotFoundError("Hittar inte lrelease (ingår i PySide6).")


def build() -> list[Path]:
    out = []
    for ts in sorted(resource_path("translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


if __name__ == "__main__":
    for path in build():
        print(path)
    sys.exit(0)
