"""Some plans of a file alone in a new file, with their rows' versions and history.

A plan sent to a colleague (`uppdrag send`) or checked out from a server is a copy of
part of the file: its rows keep their versions, so when it comes back edited the merge
finds their common past by itself (app/merge.py).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from db import models
from db.backup import copy_database
from db.history import shapes


def keep_only_plans(conn: sqlite3.Connection, plan_uuids: list[str]) -> None:
    """Delete from `conn` every row that does not belong to these plans, and give the file a new identity."""
    marks = ", ".join("?" * len(plan_uuids))
    conn.execute(f'DELETE FROM "plan" WHERE "uuid" NOT IN ({marks})', plan_uuids)
    for model in models.PLAN_PART_MODELS:
        conn.execute(f'DELETE FROM "{model._meta.table_name}" WHERE "plan_id" NOT IN (SELECT "id" FROM "plan")')
    conn.execute('DELETE FROM "dependency" WHERE "successor_id" NOT IN (SELECT "id" FROM "timeline_item") '
                 'OR "predecessor_id" NOT IN (SELECT "id" FROM "timeline_item")')
    conn.execute('DELETE FROM "risk_assessment" WHERE "risk_id" NOT IN (SELECT "id" FROM "risk")')
    conn.execute('DELETE FROM "person" WHERE "id" NOT IN (SELECT "person_id" FROM "role" WHERE "person_id" IS NOT NULL '
                 'UNION SELECT "person_id" FROM "resource_line" WHERE "person_id" IS NOT NULL '
                 'UNION SELECT "responsible_person_id" FROM "timeline_item" WHERE "responsible_person_id" IS NOT NULL)')
    rows = " UNION ALL ".join(f'SELECT "uuid" FROM "{s.name}"' for s in shapes())
    conn.execute(f'DELETE FROM "row_version" WHERE "row_uuid" NOT IN ({rows})')
    conn.execute("""DELETE FROM "setting" WHERE "key" LIKE 'merge\\_base:%' ESCAPE '\\'""")
    conn.execute('UPDATE "setting" SET "value" = ? WHERE "key" = \'file_uuid\'', (json.dumps(models.new_uuid()),))


def extract_plans(source: Path, out: Path, plan_uuids: list[str]) -> Path:
    """Write the plans `plan_uuids` of `source` alone into `out` (a consistent copy, written beside and renamed)."""
    return copy_database(source, out, prepare=lambda conn: keep_only_plans(conn, plan_uuids))
