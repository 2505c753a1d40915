"""The file's shared settings (table `setting`): one JSON value per key, kept in the file so that
colleagues who open it see the same organisation rules (risk scale, closed days, date style)."""

from __future__ import annotations

import json
from typing import Any

from db import models

__all__ = ["read_setting", "write_setting"]


def read_setting(key: str, default: Any = None) -> Any:
    """The stored value, or `default` when the key is absent. ValueError for a damaged value."""
    row = models.Setting.get_or_none(models.Setting.key == key)
    return default if row is None else json.loads(row.value)


def write_setting(key: str, value: Any) -> None:
    """Store `value` under `key`, replacing any earlier one (inside the caller's transaction)."""
    models.Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict(
        conflict_target=[models.Setting.key], preserve=[models.Setting.value]).execute()
