"""Errors the storage layer reports to people, each with a plain Swedish message."""

from __future__ import annotations

from db.i18n import tr


class StoreError(Exception):
    """A problem with a database file that the user can act on; str() is Swedish."""


class FileRefused(StoreError):
    """The file is not one we may open (garbage, foreign, newer, crafted); it was not changed."""


class ReadOnlyStore(StoreError):
    """A write was attempted on a file opened read-only."""


class ChangedMeanwhile(StoreError):
    """Someone else committed a change to rows a snapshot transaction read and then wrote; nothing
    of that transaction was kept (the caller reads again and decides again)."""


def database_error_text(exc: BaseException) -> str | None:
    """A sentence in words (Swedish, or the window's language) for an error SQLite (or peewee over it) raised; None for other errors.

    SQLite's own words ("disk I/O error", "database disk image is malformed") are English and
    mean nothing to the reader: they never go into the sentence (the log keeps the exception)."""
    if not (isinstance(exc, OSError | UnicodeError) or type(exc).__module__ in ("sqlite3", "peewee")
            or type(exc).__name__ in ("OperationalError", "DatabaseError")):
        return None
    text = str(exc)
    if "no transaction is active" in text and exc.__context__ is not None:
        return database_error_text(exc.__context__)  # the rollback failed because SQLite already did it
    if "disk is full" in text or getattr(exc, "errno", None) == 28:
        return tr("Ändringen kunde inte sparas: disken är full. Filen har inte ändrats; frigör utrymme "
                  "och försök igen.")
    if "decode to UTF-8" in text or isinstance(exc, UnicodeError):
        return tr("Filen innehåller text som inte är giltig UTF-8 (den är skadad eller ändrad av ett annat "
                  "program) och kan inte läsas. Filen har inte ändrats. Använd en säkerhetskopia.")
    if "database is locked" in text:
        return tr("Filen används av ett annat program som skriver i den. Försök igen om en stund.")
    if "readonly database" in text:
        return tr("Filen kan inte skrivas här (den eller mappen är skrivskyddad). Spara en kopia i en skrivbar mapp.")
    if "disk I/O error" in text:
        return tr("Ändringen kunde inte sparas: disken svarade med ett fel vid skrivning. Filen har inte ändrats.")
    if "malformed" in text or "not a database" in text:
        return tr("Filen är skadad och kan inte läsas. Använd en säkerhetskopia.")
    if isinstance(exc, OSError):
        return None
    return tr("Databasen svarade med ett oväntat fel. Filen har inte ändrats; försök igen, eller öppna en säkerhetskopia.")
