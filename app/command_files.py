"""How a command of the command line opens and closes its file, and the options they share.

A file on a network drive goes through its local working copy and is written back when the command
closes it; what opening did beside a file (a stray WAL set aside, a recovery) is said on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import tr
from app.network_paths import is_network_path
from db.errors import StoreError

if TYPE_CHECKING:
    from app.workspace import Workspace


def add_break_lock_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bryt-las", dest="break_lock", action="store_true",
                   help=tr("ta bort ett övergivet lås (programmet som tog det körs inte längre)"))


def open_file(path: Path, *, read_only: bool = False) -> Workspace:
    """A file for one command; a file on a network drive goes through its local working copy."""
    if is_network_path(path):
        from app.network_open import open_network

        return open_network(path, read_only=read_only)[0]
    from app.workspace import Workspace

    return tell(Workspace.open(path, read_only=read_only))


def tell(ws: Workspace) -> Workspace:
    """Say on stderr what opening the file did beside it (a stray WAL set aside, a recovery)."""
    for notice in ws.store.notices:
        print(f"uppdrag: {notice}", file=sys.stderr)
    return ws


def close_file(ws: Workspace) -> None:
    """Close what open_file (or app.sharing.open_for_writing) opened; a network file is written back
    first (a failure is exit 1)."""
    from app.sharing import close_shared

    written_back_or_raise(close_shared(ws))


def written_back_or_raise(status: Any) -> None:
    """After a command wrote a network file: a write-back that failed is a user error (exit 1)."""
    if status is not None and not status.all_written:
        raise StoreError(status.message + tr(". Ändringen finns kvar i arbetskopian på den här datorn och skrivs "
                                             "tillbaka nästa gång filen öppnas."))
