"""`uppdrag check`: identity, schema version, integrity and row counts, without changing the file."""

from __future__ import annotations

from pathlib import Path

from app.i18n import tr
from db import models
from db.identity import APPLICATION_ID, SCHEMA_VERSION
from db.store import integrity_report, open_store


def check_report(path: Path | str) -> tuple[bool, list[str]]:
    """(all well, lines to show); a file that cannot be opened raises StoreError (FileRefused).

    A file on a network drive is checked in a local byte copy: SQLite never opens it on the share."""
    from app.network_paths import is_network_path
    from db.server_connection import is_server_url

    if is_server_url(path):
        return _server_report(str(path))
    if is_network_path(path):
        from app.network_open import readable_copy

        with readable_copy(path) as copy:
            return _report(copy, Path(path))
    return _report(Path(path), Path(path))


def _report(path: Path, shown: Path) -> tuple[bool, list[str]]:
    store = open_store(path, read_only=True, migrate_old=False)
    try:
        lines = [
            *store.notices,
            tr("Fil: {path}", path=shown),
            tr("Identitet: Uppdrag-fil (application_id {id})", id=f"0x{APPLICATION_ID:08X}"),
            tr("Schemaversion: {version}", version=SCHEMA_VERSION),
        ]
        problems = integrity_report(store)
        lines.append(tr("Integritet: ok") if not problems else tr("Integritet: FEL"))
        lines += [f"  {p}" for p in problems[:50]]
        lines += _row_counts()
        return not problems, lines
    finally:
        store.close()


def _row_counts() -> list[str]:
    lines = [tr("Rader (levande/borttagna):")]
    for model in models.MODELS:
        if issubclass(model, models.UserRow):
            total = model.select().count()
            dead = model.select().where(model.deleted_at.is_null(False)).count()
            lines.append(f"  {model._meta.table_name:<16} {total - dead:>7} / {dead}")
    return lines


def _server_report(url: str) -> tuple[bool, list[str]]:
    """What `check` can say about a server: who we are there, what we may do, the schema, the rows.
    (The server looks after its own pages; IT checks those with PostgreSQL's tools.)"""
    from db.history_prune import prune_due
    from db.server import open_server_store

    store = open_server_store(url, read_only=True)
    try:
        may_write = store.db.execute_sql("SELECT has_table_privilege('plan', 'INSERT')").fetchone()[0]
        lines = [
            tr("Server: {server}", server=store.path.name),
            tr("Identitet: Uppdrag-databas på PostgreSQL {version}",
               version=f"{store.db.server_version // 10000}.{store.db.server_version % 10000}"),
            tr("Schemaversion: {version}", version=store.version),
            tr("Användare: {user} ({may})", user=store.author, may=tr("läser och skriver") if may_write else tr("läser")),
        ]
        if prune_due(store.db):  # nothing prunes a server by itself: say so to whoever looks after it
            lines.append(tr("Historik: har versioner äldre än ett år; rensa dem med ”uppdrag server prune” "
                            "(gärna varje natt, se docs/team-mode.md)."))
        return True, lines + _row_counts()
    finally:
        store.close()
