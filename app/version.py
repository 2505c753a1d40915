"""Uppdrag's one version number: `version` in pyproject.toml.

Installed (also editable), the number comes from the package metadata. Inside a
PyInstaller bundle the spec writes both the metadata and `_version.txt` beside the
bundled resources, so the number is the same in `uppdrag --version`, the About
dialog and the installers.
"""

from __future__ import annotations

import sys
from pathlib import Path

UNKNOWN = "okänd"


def _from_metadata() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("uppdrag")
    except PackageNotFoundError:
        return None


def _from_bundle() -> str | None:
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return None
    try:
        return (Path(bundle) / "_version.txt").read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def _from_pyproject() -> str | None:
    """A checkout that was never installed (PYTHONPATH=...): read pyproject.toml itself."""
    import tomllib

    path = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, ValueError):
        return None


def get_version() -> str:
    return _from_bundle() or _from_metadata() or _from_pyproject() or UNKNOWN


__version__ = get_version()
