"""The errors a person can act on, as the layers above app/ see them; str() is always Swedish.

The storage layer raises these (db.errors); the window and the command line catch them from here.
"""

from __future__ import annotations

from db.errors import FileRefused, ReadOnlyStore, StoreError

__all__ = ["FileRefused", "ReadOnlyStore", "StoreError"]
