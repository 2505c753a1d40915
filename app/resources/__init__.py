"""The files the app reads at run time, kept inside this package so that every install carries them:
example plans, templates and steering models, the plan file's JSON Schema, the Word reference
document, translations, the icon.

They are found beside this module, which is where a checkout, an installed wheel and the
PyInstaller bundle all keep them. (importlib.resources.files gives the same folder, but importing
it costs some 9 ms of the start-up, B1, to learn nothing more.) make_reference_docx.py beside
them builds reference.docx.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    return _HERE


def resource_path(*parts: str) -> Path:
    return _HERE.joinpath(*parts)
