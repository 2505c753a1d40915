"""Storage: peewee models, opening and checking files, migrations, copies. Never imports Qt."""
