"""The Word reference document an export uses: the file's own choice, stored inside it.

An organisation picks a .docx or .dotx whose styles, page setup, header logo
and fonts the export takes over. It is kept as an asset in the database file
so that a shared file keeps its look on every laptop.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.workspace import Workspace
from db import models

ASSET_KEY = "word_reference"
MAX_REFERENCE_BYTES = 20 * 1024 * 1024


def set_reference(ws: Workspace, path: Path) -> None:
    data = path.read_bytes()
    if len(data) > MAX_REFERENCE_BYTES:
        raise ValueError(f"Mallen ”{path.name}” är större än 20 MB.")
    if not data.startswith(b"PK"):
        raise ValueError(f"”{path.name}” är inget Word-dokument (.docx eller .dotx).")
    with ws.store.write():
        A = models.Asset
        A.insert(key=ASSET_KEY, name=path.name, data=data, modified_at=models.utc_now()).on_conflict(
            conflict_target=[A.key], preserve=[A.name, A.data, A.modified_at]).execute()


def clear_reference(ws: Workspace) -> None:
    with ws.store.write():
        models.Asset.delete().where(models.Asset.key == ASSET_KEY).execute()


def reference_name(ws: Workspace) -> str | None:
    row = models.Asset.get_or_none(models.Asset.key == ASSET_KEY)
    return row.name if row else None


def reference_for_export(ws: Workspace) -> Path | None:
    """The stored reference written to a temporary file, or None for the default look."""
    row = models.Asset.get_or_none(models.Asset.key == ASSET_KEY)
    if row is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="uppdrag-ref-"))
    target = folder / Path(row.name).name
    target.write_bytes(bytes(row.data))
    return target
