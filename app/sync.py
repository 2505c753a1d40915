"""Offline work against a team server: push a file's plans up, check plans out to a file, sync.

A checked-out file and the server are two copies of the same rows, each with its history
(db/history.py), so sync is the causal merge (app/merge.py), decided once for both ways:

1. the file's changes go to the server in one server transaction, a snapshot (REPEATABLE READ),
   for the plans the user may change there (the server's own rule, `uppdrag_may_edit`); a field
   changed differently on both sides is a conflict, decided once (`prefer`, or the user's
   choices in `resolve`). In the same snapshot the sync reads what the file lacks of the server:
   rows the file has not, and rows the server holds at another version, with the history records
   the file lacks (not a row's older history, which it has already). Once the file's changes are
   in, each of those versions descends from the file's (the server's alone, or merged from both
   and so carrying both versions as parents), so nothing of it needs deciding again;
2. the file takes those rows as they are, with their history, in one file transaction that
   commits right after the server's: every conflict is listed once, and the server is read and
   compared only once. The two databases work at once (app/sync_exchange.py).

Plans the user may no longer change on the server keep their local edits in the file (their rows
are neither sent nor fetched) and are named in the report. When nothing can be sent (read access
only), the file takes the server's rows through the merge as a fast-forward. A sync stopped at any
moment can be run again: whatever was committed on either side is already known to the other
side's history the next time (stopped between the two transactions, the server has the merged
rows, which descend from the file's, and the next sync only fetches them).

The file remembers its server in the setting `team_server` ({"url": …, "plans": [uuid…] | null}).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.i18n import in_swedish, tr
from app.merge import Conflict, Resolver, decide
from app.sync_exchange import exchange
from db import history, statements
from db.errors import ChangedMeanwhile, StoreError
from db.merge import Side, SteadySide, add_log_entries, roomy_cache
from db.merge_write import apply, rows_per_table
from db.plan_side import PlanSide, editable_plans, plan_uuids

from app.team import TEAM_SETTING


@dataclass
class SyncReport:
    server: str
    sent: dict[str, int] = field(default_factory=dict)
    fetched: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # titles of plans whose local edits stayed local

    def lines(self) -> list[str]:
        from app.kinds import counted

        out = [tr("Synkronisering med {server}:", server=self.server)]
        if not (self.sent or self.fetched or self.conflicts or self.refused):
            out.append("  " + tr("Allt var redan lika på båda sidor."))
        for what, counts in ((tr("Skickade"), self.sent), (tr("Hämtade"), self.fetched)):
            for table, n in counts.items():
                out.append(f"  {what} {counted(table)}: {n}")
        out.append("  " + tr("Konflikter: {count}", count=len(self.conflicts)))
        out += [f"    {c.describe(self.server)}" for c in self.conflicts]
        for title in self.refused:
            out.append("  " + tr("Planen ”{title}” får du inte längre ändra på servern: dina ändringar i den finns "
                                 "kvar i filen men skickades inte. Be planens ägare om behörighet och synkronisera "
                                 "igen.", title=title))
        return out


def _bring(into: Any, source: Side, *, prefer: str, resolve: Resolver | None, peer: str,
           ready: Callable[[], None] | None = None, mine: Side | None = None,
           snapshot: bool = False) -> tuple[Any, dict[str, int]]:
    """Merge `source` into the store `into` (seen as `mine`, when given) in one transaction there;
    (the decisions, rows written). `ready` is called after the reading, before the first write (the
    source file's integrity check). `snapshot`: `into` is a server others write to meanwhile (see
    ServerStore.write); a file's write transaction keeps other writers out already."""
    with into.write(snapshot=True) if snapshot else into.write():
        decided = decide(mine or Side(into.db, str(into.path.name)), source, prefer, resolve, history.author_of(into.db))
        if ready is not None:
            ready()
        apply(into.db, decided.writes)
        _log_conflicts(into.db, decided.conflicts, peer)
    return decided, rows_per_table(decided.writes)


def _log_conflicts(db: Any, conflicts: list[Conflict], peer: str) -> None:
    add_log_entries(db, _log_lines(conflicts, peer))


def _log_lines(conflicts: list[Conflict], peer: str) -> list[tuple[str, str, str]]:
    """The conflicts' lines in their plans' logs: (plan uuid, text, outcome)."""
    with in_swedish():  # the plan's log is part of the document: Swedish in every language
        return [(c.plan_uuid, f"Synkronisering med {peer}. {c.describe(peer)}", c.outcome)
                for c in conflicts if c.plan_uuid]


def _bring_again_if_changed(bring: Callable[[], Any], tries: int = 3) -> Any:
    """`bring()`; read, decided and written again when another client changed the same rows on the
    server between its reading and its writing (nothing of the refused attempt was kept)."""
    for _ in range(tries - 1):
        try:
            return bring()
        except ChangedMeanwhile:
            continue
    return bring()


# --- push ------------------------------------------------------------------------------


def push(file: Path | str, url: str, *, password: str | None = None) -> dict[str, int]:
    """Every plan of `file` onto the server, with its history; returns rows written per table."""
    from db.merge import other_side
    from db.server import open_server_store
    from db.server_schema import refresh_statistics

    server = open_server_store(url, password=password)
    try:
        if server.read_only:
            raise StoreError(tr("Du har bara läsbehörighet på {server}; planerna kan inte skickas dit.",
                                server=server.path.name))
        from app.plans import collector_held

        with other_side(Path(file)) as source, collector_held():
            _decided, written = _bring_again_if_changed(
                lambda: _bring(server, source, prefer="theirs", resolve=None, peer=Path(file).name, snapshot=True))
        if written:  # (the first syncs after a load need the planner's statistics: see refresh_statistics)
            refresh_statistics(server.db)
        return written
    finally:
        server.close()


# --- checkout --------------------------------------------------------------------------


def checkout(url: str, out: Path | str, plans: list[str] | None = None, *,
             password: str | None = None) -> tuple[Path, int]:
    """The chosen plans (ids, uuids or diarienummer; None: every plan) in a new file that remembers
    the server. Written beside `out` and renamed into place: a stopped checkout leaves no file."""
    from app.network_paths import is_network_path
    from db.server import open_server_store

    out = Path(out)
    if is_network_path(out):  # made on this computer, then put on the share as a write-back puts it
        from app.network_open import put_new_on_share

        made: list[int] = []
        share = put_new_on_share(out, lambda local: made.append(checkout(url, local, plans, password=password)[1]))
        return share, made[0]
    if out.exists():
        raise StoreError(tr("Filen ”{name}” finns redan; välj ett annat namn.", name=out.name))
    server = open_server_store(url, read_only=True, password=password)
    try:
        return _checkout_from(server, url, out, plans)
    finally:
        server.close()


def checkout_workspace(ws: Any, out: Path | str, plans: list[str] | None = None) -> tuple[Path, int]:
    """`checkout` from the server a window has open (its connection, its password); the window's
    workspace stays the active one."""
    from app.network_paths import is_network_path

    out = Path(out)
    if is_network_path(out):  # made on this computer, then put on the share as a write-back puts it
        from app.network_open import put_new_on_share

        made: list[int] = []
        share = put_new_on_share(out, lambda local: made.append(checkout_workspace(ws, local, plans)[1]))
        return share, made[0]
    if out.exists():
        raise StoreError(tr("Filen ”{name}” finns redan; välj ett annat namn.", name=out.name))
    try:
        return _checkout_from(ws.store, str(ws.store.path), out, plans)
    finally:
        ws.store.activate()


def _checkout_from(server: Any, url: str, out: Path, plans: list[str] | None) -> tuple[Path, int]:
    from app.plans import find_plan
    from app.workspace import Workspace
    from db import models
    from db.connection import fsync_dir
    from db.store import create_store

    tmp = out.with_name(f".{out.name}.{os.getpid()}.checkout")
    try:
        chosen = None
        if plans:
            ws = Workspace(server)
            chosen = sorted({models.Plan.get_by_id(find_plan(ws, ref)).uuid for ref in plans})
        tmp.unlink(missing_ok=True)
        local = create_store(tmp)
        try:
            server_side = PlanSide(Side(server.db, server.path.name), chosen)
            with local.write():
                decided = decide(Side(local.db, out.name), server_side, "theirs", None, history.author_of(local.db))
                apply(local.db, decided.writes)
                models.Setting.insert(key=TEAM_SETTING, value=_setting(url, chosen)).execute()
            count = len(plan_uuids(local.db))
        finally:
            local.close()
        os.replace(tmp, out)
        fsync_dir(out.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out, count


def _setting(url: str, plans: list[str] | None) -> str:
    import json

    return json.dumps({"url": url, "plans": plans}, ensure_ascii=False)


def team_server_of(local: Any) -> dict[str, Any] | None:
    import json

    row = local.db.execute_sql(statements.in_style(local.db, 'SELECT "value" FROM "setting" WHERE "key" = ?'),
                               (TEAM_SETTING,)).fetchone()
    return None if row is None else json.loads(row[0])


# --- sync ------------------------------------------------------------------------------


SYNC_STEPS = ("Ansluter till servern …", "Skickar dina ändringar till servern …",
              "Hämtar ändringar från servern …")
Progress = Callable[[int, str], None]  # (step number from 1 of len(SYNC_STEPS), what is being done)


def sync(file: Path | str, *, prefer: str = "newest", resolve: Resolver | None = None,
         password: str | None = None, break_stale: bool = False) -> SyncReport:
    """Both ways between a checked-out file and its server (see the module's docstring)."""
    from app.sharing import close_shared, open_for_writing

    file = Path(file)
    ws = open_for_writing(file, break_stale=break_stale, reads_first=True)
    try:
        with ws.store.damage_told():  # (read before the integrity check's verdict: `reads_first`)
            return sync_workspace(ws, prefer=prefer, resolve=resolve, password=password)
    finally:
        close_shared(ws)


def sync_workspace(ws: Any, *, prefer: str = "newest", resolve: Resolver | None = None,
                   password: str | None = None, progress: Progress | None = None) -> SyncReport:
    """`sync` of a file open under its lock (the window's); the file's workspace stays the active one."""
    from app.plans import collector_held

    with collector_held():
        return _sync_workspace(ws, prefer=prefer, resolve=resolve, password=password, progress=progress)


def _sync_workspace(ws: Any, *, prefer: str, resolve: Resolver | None, password: str | None,
                    progress: Progress | None) -> SyncReport:
    step = progress or (lambda _n, _text: None)
    local = ws.store
    step(1, SYNC_STEPS[0])
    with _server_of(local, password) as server, roomy_cache(local.db):
        report = SyncReport(server.path.name)
        scope = team_server_of(local).get("plans")  # type: ignore[union-attr]
        local_plans = plan_uuids(local.db)
        allowed = _allowed(server, local_plans)
        refused = [u for u in local_plans if u not in allowed]
        local_side = SteadySide(local.db, local.path.name)  # the file is written only in the last step
        keep_local = _with_local_edits(server, local_side, refused)
        step(2, SYNC_STEPS[1])

        def fetched() -> set[str] | None:
            """The plans the file takes from the server (None: every plan)."""
            if scope is None and not keep_local:
                return None
            return (set(plan_uuids(server.db)) if scope is None else set(scope) | set(local_plans)) - set(keep_local)

        if allowed:  # (every plan of the file: no plan to leave out)
            sent = local_side if allowed == set(local_plans) else PlanSide(local_side, allowed)
            report.sent, report.fetched, report.conflicts = _bring_again_if_changed(
                lambda: exchange(server, local, sent, local_side, fetched, prefer=prefer, resolve=resolve,
                                 log_lines=lambda conflicts: _log_lines(conflicts, local.path.name),
                                 begun=lambda: step(3, SYNC_STEPS[2])))
        else:  # nothing to send: the file takes what the server has (each row a fast-forward)
            step(3, SYNC_STEPS[2])
            plans = fetched()
            server_side = Side(server.db, server.path.name)
            _decided, report.fetched = _bring(local, server_side if plans is None else PlanSide(server_side, plans),
                                              prefer="theirs", resolve=None, peer=server.path.name, mine=local_side)
        report.refused = _titles(local, keep_local)
        return report


def sync_conflicts(ws: Any, *, prefer: str = "newest", password: str | None = None) -> list[Conflict]:
    """What `sync_workspace` would find in conflict (each with the outcome `prefer` gives), without
    writing anything: the window shows them before the user synchronises."""
    from app.merge import _fill_plan_titles

    local = ws.store
    with _server_of(local, password) as server:
        allowed = _allowed(server, plan_uuids(local.db))
        if not allowed:
            return []
        mine, theirs = Side(server.db, server.path.name), PlanSide(Side(local.db, local.path.name), allowed)
        decided = decide(mine, theirs, prefer, None, history.author_of(server.db))
        _fill_plan_titles(decided.conflicts, mine, theirs)
        return decided.conflicts


@contextmanager
def _server_of(local: Any, password: str | None) -> Iterator[Any]:
    """The server `local` was checked out from, open; the file's store is the active one again after."""
    from db.server import open_server_store

    remembered = team_server_of(local)
    if remembered is None:
        raise StoreError(tr("Filen ”{name}” är inte utcheckad från en server; använd ”uppdrag checkout” först.",
                            name=local.path.name))
    try:
        server = open_server_store(remembered["url"], password=password, shared=True)
        try:
            yield server
        finally:
            server.close()
    finally:
        local.activate()


def _allowed(server: Any, local_plans: list[str]) -> set[str]:
    """The plans of the file the user may change on the server (a plan made offline is the user's own)."""
    if server.read_only:
        return set()
    may, present = editable_plans(server.db, local_plans)
    return may | (set(local_plans) - present)


def _with_local_edits(server: Any, local_side: Side, plans: list[str]) -> list[str]:
    """Those of `plans` in which the file has something the server has not."""
    if not plans:
        return []
    mine = Side(server.db, server.path.name)
    out = []
    for plan in plans:
        decided = decide(mine, PlanSide(local_side, [plan]), "theirs", None, "")
        if decided.writes:
            out.append(plan)
    return out


def _titles(local: Any, plans: list[str]) -> list[str]:
    if not plans:
        return []
    rows = dict(statements.select_in(local.db, 'SELECT "uuid", "title" FROM "plan" WHERE "uuid" IN ({})', plans))
    return [rows.get(u, u) for u in plans]
