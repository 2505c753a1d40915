"""Where Uppdrag keeps its own files: the default database, backups, logs.

UPPDRAG_DATA_DIR overrides the platform's user data folder, so that tests and
portable installs never touch the real one.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Uppdrag"
DEFAULT_DB_NAME = "uppdrag.uppdrag"


def data_dir() -> Path:
    override = os.environ.get("UPPDRAG_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def backup_dir() -> Path:
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
