"""The errors a person can act on, as the layers above app/ see them; str() is always Swedish.

The storage layer raises these (db.errors); the window and the command line catch them from here,
and put SQLite's own (English) texts in Swedish with `database_error_text`.
"""

from __future__ import annotations

from db.errors import FileRefused, ReadOnlyStore, StoreError, database_error_text

__all__ = ["FileRefused", "ReadOnlyStore", "StoreError", "database_error_text"]
