"""What SQLite says is English and technical: a person reads a Swedish sentence instead, never SQLite's words."""

from __future__ import annotations

import sqlite3

import pytest

from db.errors import database_error_text

SQLITE_WORDS = ("disk I/O error", "malformed", "not a database", "near ", "syntax error", "no such table",
                "database is locked", "constraint failed", "SQL logic error")


@pytest.mark.parametrize("raw", [
    "disk I/O error", "database disk image is malformed", "file is not a database", "database is locked",
    "attempt to write a readonly database", 'near "x": syntax error', "no such table: plan",
    "UNIQUE constraint failed: plan.uuid", "SQL logic error",
])
def test_sqlite_errors_become_swedish_sentences_without_sqlite_words(raw) -> None:
    for exc in (sqlite3.OperationalError(raw), sqlite3.DatabaseError(raw), sqlite3.IntegrityError(raw)):
        text = database_error_text(exc)
        assert text and text.endswith(".")
        assert not any(word in text for word in SQLITE_WORDS), text
