"""What the network tests read back: the "edit-N" terms a file holds, after integrity_check."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def edit_terms(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {t for (t,) in conn.execute("SELECT term FROM term WHERE deleted_at IS NULL AND term LIKE 'edit-%'")}
    finally:
        conn.close()
