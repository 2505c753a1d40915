"""The Word reference document an export uses: the file's own choice, stored inside it.

An organisation picks a .docx or .dotx whose styles, page setup, header logo
and fonts the export takes over. It is kept as an asset in the database file
so that a shared file keeps its look on every laptop.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.i18n import tr
from app.workspace import Workspace
from db import models

ASSET_KEY = "word_reference"
MAX_REFERENCE_BYTES = 20 * 1024 * 1024
TEMP_PREFIX = "uppdrag-ref-"


def set_reference(ws: Workspace, path: Path) -> None:
    """Store `path` as the file's reference, without what would make Word contact anyone
    (external relationships, an attached template); a zip bomb is refused unopened."""
    from app.export.docx_safety import UnsafePackage, strip_external

    data = path.read_bytes()
    if len(data) > MAX_REFERENCE_BYTES:
        raise ValueError(tr("Mallen ”{name}” är större än 20 MB.", name=path.name))
    if not data.startswith(b"PK"):
        raise ValueError(tr("”{name}” är inget Word-dokument (.docx eller .dotx).", name=path.name))
    try:
        data = strip_external(data, path.name)
    except UnsafePackage:
        raise  # a ValueError with its Swedish message
    except Exception:  # noqa: BLE001 - zipfile's and lxml's errors on someone else's damaged file
        raise ValueError(tr("”{name}” är skadad och kan inte användas som Word-mall.", name=path.name)) from None
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


@contextmanager
def reference_for_export(ws: Workspace) -> Iterator[Path | None]:
    """The stored reference in a temporary file while the export runs (None for the default look);
    the folder is removed afterwards, and so are folders that a stopped export left."""
    row = models.Asset.get_or_none(models.Asset.key == ASSET_KEY)
    if row is None:
        yield None
        return
    remove_stale_reference_folders()
    folder = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    try:
        target = folder / (Path(row.name).name or "mall.docx")
        target.write_bytes(bytes(row.data))
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_reference_folders(now: float | None = None) -> None:
    from db.tempfiles import STALE_AFTER_S

    now = time.time() if now is None else now
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
        try:
            if folder.is_dir() and now - folder.stat().st_mtime > STALE_AFTER_S:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
