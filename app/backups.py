"""Copies of a file: a consistent copy of a file in use, the automatic session backups, restore.

The copying itself (SQLite's backup API, fsync, rename) is db.backup's; this is the face
the window and the command line use.
"""

from __future__ import annotations

from db.backup import BackupInfo, copy_database, list_backups, make_session_backup, restore_backup

__all__ = ["BackupInfo", "copy_database", "list_backups", "make_session_backup", "restore_backup"]
