"""The default database in the user's data folder, made with the example plans on first start."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.errors import StoreError
from app.i18n import tr
from db.paths import data_dir, default_database_path


def data_folder() -> Path:
    """The user's data folder (UPPDRAG_DATA_DIR overrides it): the default database, backups, logs."""
    return data_dir()


def ensure_default_database() -> Path:
    """The default database, made with the example plans when it does not exist yet.

    A folder that cannot be made or written (a full disk, a file where the folder should be,
    a data folder on a share that is gone) is a StoreError that says where and what to do.
    """
    try:
        path = default_database_path()
    except OSError as exc:
        raise _cannot_create(os.environ.get("UPPDRAG_DATA_DIR") or exc.filename, exc) from exc
    if not path.exists():
        _create_with_examples(path)
    return path


def _create_with_examples(path: Path) -> None:
    from app.plans import add_examples
    from app.workspace import Workspace

    try:
        ws = Workspace.create(path)
    except OSError as exc:
        raise _cannot_create(path, exc) from exc
    try:
        add_examples(ws)
    except OSError as exc:
        ws.close()
        # Only the file made just now, holding nothing but the empty schema, is taken away,
        # so that the next start tries again instead of opening a file without the examples.
        path.unlink(missing_ok=True)
        raise _cannot_create(path, exc) from exc
    ws.close()


# The operating system's own texts are English; these are the reasons a person can act on.
def _reason(code: int) -> str:
    return {
        errno.EEXIST: tr("där mappen ska ligga finns redan en fil"),
        errno.ENOTDIR: tr("en del av sökvägen är en fil, inte en mapp"),
        errno.EACCES: tr("du saknar behörighet att skriva där"),
        errno.EPERM: tr("du saknar behörighet att skriva där"),
        errno.EROFS: tr("enheten är skrivskyddad"),
        errno.ENOSPC: tr("disken är full"),
        errno.ENOENT: tr("mappen finns inte (en nätverksenhet eller ett USB-minne kan saknas)"),
    }.get(code) or tr("operativsystemet nekade att skriva där")


def _cannot_create(where: object, exc: OSError) -> StoreError:
    return StoreError(tr(
        "Det gick inte att skapa standardfilen i {where}: {reason}.\n\nDu kan öppna en befintlig fil eller skapa en "
        "ny fil på en annan plats (Arkiv-menyn). Vill du använda en annan datamapp, starta programmet med "
        "miljövariabeln UPPDRAG_DATA_DIR satt till en mapp du kan skriva i.", where=where, reason=_reason(exc.errno or 0)))
