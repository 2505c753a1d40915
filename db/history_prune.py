"""The row history's pruning (db/history.py): the content of versions superseded more than
history.HISTORY_DAYS ago, and the records of versions older than history.IDENTITY_DAYS that no row
holds. A file prunes as it is opened for editing (db.store.Store.prune_history_if_due); a team
server when IT runs `uppdrag server prune` (app.team.prune_server)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from db import history
from db.statements import in_style, on_postgres


def prune(db: Any, *, now: datetime | None = None, history_days: int | None = None,
          identity_days: int | None = None) -> tuple[int, int]:
    """Forget old history: the content of versions superseded more than `history_days` ago, and
    the records of versions older than `identity_days` that no row holds. Returns the counts."""
    cleared, dropped = [db.execute_sql(sql, params).rowcount
                        for sql, params in prune_statements(db, now or datetime.now(UTC), history_days, identity_days)]
    return cleared, dropped


def prune_statements(db: Any, now: datetime, history_days: int | None = None,
                     identity_days: int | None = None) -> list[tuple[str, tuple[str]]]:
    """`prune`'s two statements: the content cleared, then the records dropped (the periods
    history.HISTORY_DAYS and IDENTITY_DAYS when not given)."""
    history_days = history.HISTORY_DAYS if history_days is None else history_days
    identity_days = history.IDENTITY_DAYS if identity_days is None else identity_days

    unheld = _held_by_no_row(db)
    # A version's content is needed until a later version has stood for the whole period.
    return [(in_style(db, 'UPDATE "row_version" SET "data" = NULL WHERE "data" IS NOT NULL AND "version" IN ('
                          'SELECT p."version" FROM "row_version" p JOIN "row_version" c ON c."parent" = p."version" '
                          f'WHERE c."at" < ?) AND {unheld}'), (_stamp(now, history_days),)),
            (in_style(db, f'DELETE FROM "row_version" WHERE "at" < ? AND {unheld}'), (_stamp(now, identity_days),))]


def _stamp(now: datetime, days: int) -> str:
    """`days` before `now`, as the records' `at` is written."""
    return (now - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _held_by_no_row(db: Any) -> str:
    """A condition on a `row_version` record: no row holds its version now. On SQLite NOT IN over every
    table's versions (looked up in one index SQLite builds for the statement); on PostgreSQL one NOT
    EXISTS a table, each an anti-join: a NOT IN over more versions than fit in `work_mem` would compare
    every record with every version instead (a large portfolio's pruning would never end)."""
    if not on_postgres(db):
        return f'"version" NOT IN ({" UNION ALL ".join(f'SELECT "version_id" FROM "{s.name}"' for s in history.shapes())})'
    return " AND ".join(f'NOT EXISTS (SELECT 1 FROM "{s.name}" t WHERE t."version_id" = "row_version"."version")'
                        for s in history.shapes())


def prune_due(db: Any, *, now: datetime | None = None) -> bool:
    """Whether `prune` has something to forget: the content of a version superseded more than
    HISTORY_DAYS ago, or a superseded version older than IDENTITY_DAYS. One look at the records, led
    by the ones that superseded others (an index look-up of each one's parent); none is older than
    HISTORY_DAYS in a young file. Once pruned, nothing is due until more grows old: a file a year
    old does not prune, nor wait for its integrity check to do so, every time it opens. (A version
    only superseded by a merge's second parent waits, as `prune` leaves its content too.)"""
    now = now or datetime.now(UTC)
    return db.execute_sql(in_style(db, 'SELECT 1 FROM "row_version" c JOIN "row_version" p ON p."version" = c."parent" '
                                       'WHERE c."at" < ? AND (p."data" IS NOT NULL OR p."at" < ?) LIMIT 1'),
                          (_stamp(now, history.HISTORY_DAYS), _stamp(now, history.IDENTITY_DAYS))).fetchone() is not None

