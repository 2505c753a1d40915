"""The ordered ladder of schema migrations.

Each step takes a file from version N to N+1 inside one IMMEDIATE transaction
that also sets `user_version`, so a step killed halfway leaves the file at
version N, untouched. The steps are frozen SQL: they must never follow later
changes to the models.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from db.schema_history import V2_NEW_OBJECTS, V3_NEW_OBJECTS, V5_ALTERATIONS, V6_ALTERATIONS, V7_ALTERATIONS

# User tables at version 2, parents before children.
V2_USER_TABLES = (
    "person", "plan", "section", "goal", "timeline_item", "dependency", "role", "resource_line",
    "budget_line", "risk", "risk_assessment", "log_entry", "status_report", "term", "reference", "edition",
)


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 2: dependencies, risk history, stored assets, periods on roles and resources."""
    for sql in V2_NEW_OBJECTS:
        conn.execute(sql)
    conn.execute('ALTER TABLE "section" ADD COLUMN "body_after" TEXT NOT NULL DEFAULT \'\'')
    conn.execute('ALTER TABLE "section" ADD COLUMN "empty_text" VARCHAR(255) NOT NULL DEFAULT \'\'')
    for table in ("role", "resource_line"):
        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "start" DATE')
        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "start_precision" VARCHAR(255)')
        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "end" DATE')
        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "end_precision" VARCHAR(255)')


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """Version 3: row history. Every user row gets a version id and `row_version` records versions.

    The first version id of an existing row is derived from what both copies of a file
    agree on (uuid, rev, modified time, tombstone), so two copies of one file that are
    migrated apart still see their unchanged rows as the same version.
    """
    import hashlib

    for sql in V3_NEW_OBJECTS:
        conn.execute(sql)
    for table in V2_USER_TABLES:
        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "version_id" VARCHAR(255) NOT NULL DEFAULT \'\'')
        rows = conn.execute(f'SELECT "id", "uuid", "rev", "modified_at", "deleted_at" FROM "{table}"').fetchall()
        conn.executemany(f'UPDATE "{table}" SET "version_id" = ? WHERE "id" = ?', [
            (hashlib.sha256(f"v2|{u}|{rev}|{mod}|{dead or ''}".encode()).hexdigest()[:32], i)
            for i, u, rev, mod, dead in rows])


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    """Version 4: a budget line may be shared with other plans and left out of the total."""
    conn.execute('ALTER TABLE "budget_line" ADD COLUMN "sum_rule" VARCHAR(255) NOT NULL DEFAULT \'\'')


def _v4_to_v5(conn: sqlite3.Connection) -> None:
    """Version 5: steering models and decisions at decision points (a plan's model, a point's
    answered checklist, a log entry's point, outcome and diarienummer)."""
    for sql in V5_ALTERATIONS:
        conn.execute(sql)


def _v5_to_v6(conn: sqlite3.Connection) -> None:
    """Version 6: budget follow-up (a budget line's tertial, utfall and prognos)."""
    for sql in V6_ALTERATIONS:
        conn.execute(sql)


def _v6_to_v7(conn: sqlite3.Connection) -> None:
    """Version 7: planning depth (a dependency's lag, an item's actual start and finish, a plan's
    automatic scheduling)."""
    for sql in V7_ALTERATIONS:
        conn.execute(sql)


# STEPS[n] takes a file from version n to n + 1.
STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
}


def apply_step(conn: sqlite3.Connection, from_version: int) -> None:
    """Run one step in its own transaction; `conn` must be in autocommit mode."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        STEPS[from_version](conn)
        conn.execute(f"PRAGMA user_version = {from_version + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def migrate(conn: sqlite3.Connection, from_version: int, to_version: int) -> None:
    for version in range(from_version, to_version):
        apply_step(conn, version)
