"""The default database in the user's data folder, made with the example plans on first start."""

from __future__ import annotations

from pathlib import Path

from db.paths import data_dir, default_database_path


def data_folder() -> Path:
    """The user's data folder (UPPDRAG_DATA_DIR overrides it): the default database, backups, logs."""
    return data_dir()


def ensure_default_database() -> Path:
    path = default_database_path()
    if not path.exists():
        from app.plans import add_examples
        from app.workspace import Workspace

        ws = Workspace.create(path)
        try:
            add_examples(ws)
        finally:
            ws.close()
    return path
