"""Errors the storage layer reports to people, each with a plain Swedish message."""

from __future__ import annotations


class StoreError(Exception):
    """A problem with a database file that the user can act on; str() is Swedish."""


class FileRefused(StoreError):
    """The file is not one we may open (garbage, foreign, newer, crafted); it was not changed."""


class ReadOnlyStore(StoreError):
    """A write was attempted on a file opened read-only."""
