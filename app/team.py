"""Team mode: the app on a shared PostgreSQL server (db.server) beside the local file.

- `location(text)`: what the command line's FIL arguments take, a file path or a server address.
- `uppdrag server init URL`, `uppdrag server grant URL USER --plan PLAN --role editor|reader`,
  `uppdrag server prune URL` (`prune_server`).
- `open_team(url, password)`: a Workspace on the server that hears other clients' commits.

None of it imports Qt; the GUI's "Öppna server…" calls `open_team`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from db.server_connection import PasswordNeeded as PasswordNeeded  # the window asks for the password on this
from db.server_connection import ServerAddress
from db.server_connection import is_server_url as is_server_url

if TYPE_CHECKING:
    from app.workspace import Workspace

TEAM_SETTING = "team_server"  # a checked-out file's server: {"url": …, "plans": [uuid…] | null} (app.sync)




def server_name(url: str) -> str:
    """The server's name as a person knows it (host and database), for a password prompt."""
    return ServerAddress.parse(url).name


def location(text: str) -> Path | str:
    """A FIL argument: a server address stays text (checked when opened), anything else is a path."""
    return text.strip() if is_server_url(text.strip()) else Path(text)


def open_team(url: str, *, password: str | None = None, read_only: bool = False,
              listen: bool = False) -> Workspace:
    """The server as a Workspace; with `listen` it counts other clients' commits
    (store.changes_from_others). No sidecar lock: the server checks every write itself."""
    from app.workspace import SharingState, Workspace

    ws = Workspace.open(url, read_only=read_only, password=password, listen=listen)
    reason = None
    if ws.read_only and not read_only:
        from app.i18n import tr

        reason = tr("Du har bara läsbehörighet på {server}; be IT om skrivrätt (uppdrag server grant) för att kunna "
                    "ändra.", server=ws.store.path.name)
    ws.sharing = SharingState(lock=None, holder=None, network=False, read_only_reason=reason)
    return ws


def is_checked_out(ws: Workspace) -> bool:
    """Whether `ws` is a file checked out from a team server, which "Synkronisera" brings together with it."""
    return not ws.on_server and ws.setting(TEAM_SETTING) is not None


def prune_server(url: str, *, password: str | None = None) -> tuple[int, int]:
    """The server's row history pruned as a file's is when it is opened for editing (db.history_prune.prune:
    the content of versions superseded a year ago, the records of versions three years old that no
    row holds), in one transaction; (versions whose content was let go, records dropped). Nothing
    does it by itself on a server: IT runs it, nightly say (docs/team-mode.md)."""
    from db.errors import StoreError
    from db.history_prune import prune
    from db.server import open_server_store
    from app.i18n import tr

    store = open_server_store(url, password=password)
    try:
        if store.read_only:
            raise StoreError(tr("Du har bara läsbehörighet på {server}; historiken kan inte rensas där.",
                                server=store.path.name))
        with store.write():
            return prune(store.db)
    finally:
        store.close()
