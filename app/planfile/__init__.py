"""The plan file (docs/plan-format.md): one plan with all its parts as JSON.

- ``schema``: the JSON Schema, its quick yes and jsonschema's errors in Swedish with their paths;
- ``semantics``: what the schema cannot say (real dates, references that resolve, unique uuids);
- ``read``: reading and checking a file;
- ``write``: a plan from the database as the file's plain dict, part by part, and its text;
- ``apply``: a checked dict written into the open file.

Import the part you need: this package itself loads nothing, so that starting the app does not
pay for the JSON Schema.
"""

from __future__ import annotations

from typing import Any

FORMAT = "uppdrag-plan"
# 2: steering model, checklists and decisions at decision points; 3: dependency kinds and lags, actual
# start and finish, automatic scheduling, the organisation's closed days. 1 and 2 still import.
FORMAT_VERSION = 3


def dependency_parts(entry: str | dict[str, Any]) -> tuple[str, str, int, str]:
    """A `depends_on` entry as (predecessor uuid, kind, lag, lag unit): a bare uuid is finish-to-start
    without lag (all that versions 1 and 2 knew)."""
    if isinstance(entry, str):
        return entry, "FS", 0, "day"
    return entry["item"], entry.get("kind", "FS"), entry.get("lag", 0), entry.get("lag_unit", "day")


def predecessors(entries: list[str | dict[str, Any]]) -> list[str]:
    """The predecessor uuids of a `depends_on` list, in its order: each entry's first part as
    dependency_parts gives it, read without its other parts (a plan's checks ask this of every item)."""
    return [e if isinstance(e, str) else e["item"] for e in entries]


def dependency_entry(uuid: str, kind: str, lag: int, lag_unit: str) -> str | dict[str, Any]:
    """The `depends_on` entry of a dependency: the bare uuid when it is finish-to-start without lag."""
    if (kind, lag) == ("FS", 0):
        return uuid
    return {"item": uuid, "kind": kind, "lag": lag, "lag_unit": lag_unit}
