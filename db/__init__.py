"""Storage: peewee models, opening and checking files, migrations, copies. Never imports Qt."""

import sys

# peewee imports the PostgreSQL driver when it is installed, which costs about 130 ms of every
# start-up although a file never needs it; db.server hands the driver to peewee when a team server
# is opened (peewee_with_psycopg).
if "peewee" not in sys.modules and "psycopg" not in sys.modules:
    sys.modules["psycopg"] = None  # type: ignore[assignment]
    try:
        import peewee  # noqa: F401
    finally:
        if sys.modules.get("psycopg", ...) is None:
            del sys.modules["psycopg"]
