"""The files the app reads at run time, kept inside this package so that every install carries them:
example plans, the plan file's JSON Schema, the Word reference document, translations, the icon.

Found through importlib.resources, which knows the package's place in a checkout, an installed
wheel and the PyInstaller bundle alike. (make_reference_docx.py beside them builds reference.docx.)
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def resources_dir() -> Path:
    folder = files(__name__)
    if not isinstance(folder, Path):  # a zipped install: the export and Qt need real files
        raise RuntimeError(f"Uppdrags resursfiler måste ligga som vanliga filer, inte i {folder}.")
    return folder


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
