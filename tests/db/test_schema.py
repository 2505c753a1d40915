"""The frozen DDL of the current schema version is what the models make."""

from __future__ import annotations

from db.identity import SCHEMA_VERSION
from db.schema import DDL_BY_VERSION, current_ddl


def test_the_models_make_the_frozen_ddl_of_the_current_version() -> None:
    # A change to db.models needs a new schema version, its migration and its frozen DDL
    # in db.schema_history; otherwise files made before the change would be refused.
    assert current_ddl() == list(DDL_BY_VERSION[SCHEMA_VERSION])
