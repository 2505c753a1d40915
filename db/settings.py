"""The file's shared settings (table `setting`): one JSON value per key, kept in the file so that
colleagues who open it see the same organisation rules (risk scale, closed days, date style)."""

from __future__ import annotations

import json
from typing import Any

from db import models

__all__ = ["encoded", "read_setting", "write_setting"]


def read_setting(key: str, default: Any = None) -> Any:
    """The stored value, or `default` when the key is absent. ValueError for a damaged value."""
    row = models.Setting.get_or_none(models.Setting.key == key)
    return default if row is None else json.loads(row.value)


def encoded(value: Any) -> str:
    """A setting's value as the file stores it (a merge writes the other file's settings so too)."""
    return json.dumps(value, ensure_ascii=False)


def write_setting(key: str, value: Any) -> None:
    """Store `value` under `key`, replacing any earlier one (inside the caller's transaction)."""
    models.Setting.insert(key=key, value=encoded(value)).on_conflict(
        conflict_target=[models.Setting.key], preserve=[models.Setting.value]).execute()
