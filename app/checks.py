"""`uppdrag check`: identity, schema version, integrity and row counts, without changing the file."""

from __future__ import annotations

from pathlib import Path

from db import models
from db.errors import StoreError
from db.identity import APPLICATION_ID, SCHEMA_VERSION
from db.store import integrity_report, open_store


def check_report(path: Path) -> tuple[bool, list[str]]:
    """(all well, lines to show). Refused files give (False, [reason])."""
    try:
        store = open_store(path, read_only=True, migrate_old=False)
    except StoreError as exc:
        return False, [str(exc)]
    try:
        lines = [
            *store.notices,
            f"Fil: {path}",
            f"Identitet: Uppdrag-fil (application_id 0x{APPLICATION_ID:08X})",
            f"Schemaversion: {SCHEMA_VERSION}",
        ]
        problems = integrity_report(store)
        lines.append("Integritet: ok" if not problems else "Integritet: FEL")
        lines += [f"  {p}" for p in problems[:50]]
        lines.append("Rader (levande/borttagna):")
        for model in models.MODELS:
            if issubclass(model, models.UserRow):
                total = model.select().count()
                dead = model.select().where(model.deleted_at.is_null(False)).count()
                lines.append(f"  {model._meta.table_name:<16} {total - dead:>7} / {dead}")
        return not problems, lines
    finally:
        store.close()
