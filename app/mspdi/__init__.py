"""MS Project XML (MSPDI): a plan's timeline, people and resource plan to and from the file format
Microsoft Project and most project tools read and write (`write` and `read` beside this; `read`
uses the modules named in its text).

What Uppdrag holds and MS Project does not (a vague date's precision, an item's kind, code and
status) travels in task custom text fields named below, so that a file Uppdrag wrote reads back
unchanged; a file from elsewhere is read from MS Project's own fields.
"""

from __future__ import annotations

import re

NS = "http://schemas.microsoft.com/project"
MINUTES_PER_DAY = 480  # the working day MS Project assumes: 08:00–12:00 and 13:00–17:00
LAG_TENTHS = {"day": MINUTES_PER_DAY * 10, "week": MINUTES_PER_DAY * 5 * 10}  # LinkLag counts tenths of minutes
LAG_FORMAT = {"day": 7, "week": 9}  # MSPDI duration formats: 7 days, 9 weeks
LINK_TYPE = {"FF": 0, "FS": 1, "SS": 3}  # 2 is start-to-finish, which Uppdrag has no kind for
LINK_KIND = {v: k for k, v in LINK_TYPE.items()}

# Task custom text fields (name in MS Project, field id, the alias Uppdrag gives it) → the item's value.
TASK_FIELDS = {
    "start": ("Text1", 188743731, "Uppdrag start"),
    "end": ("Text2", 188743734, "Uppdrag slut"),
    "kind": ("Text3", 188743737, "Uppdrag typ"),
    "code": ("Text4", 188743740, "Uppdrag kod"),
    "status": ("Text5", 188743743, "Uppdrag status"),
    "responsible": ("Text6", 188743746, "Uppdrag ansvarig"),
    "comment": ("Text7", 188743747, "Uppdrag kommentar"),
}
FIELD_OF_ID = {str(field_id): key for key, (_name, field_id, _alias) in TASK_FIELDS.items()}
# A resource's custom text field: what Uppdrag exported it for, when that is not plain (a person with rows
# in the resource plan, or a row without a person named by its resource's name).
RESOURCE_FIELD = ("Text1", 205520904, "Uppdrag resursplan")
ROLE_RESPONSIBLE_ONLY = "ansvarig, ingen rad i resursplanen"
ROLE_NAMELESS = "rad utan namn"


def status_of(progress: int) -> str:
    """An item's status as progress alone says it (a task from elsewhere, or one whose status says no more)."""
    return "done" if progress >= 100 else "ongoing" if progress > 0 else "planned"


# A gate by name: "BP2", "BP 2 Beslut om start", "TG1: Tollgate", "Grind 3", "G4", "Beslutspunkt 1", "Tollgate 2".
GATE = re.compile(r"^\s*(BP|TG|G|Grind|Gate|Tollgate|Beslutspunkt)\s*-?\s*(\d{1,2})(?![\d.])\s*[:.–-]?\s*(.*)$",
                  re.IGNORECASE | re.DOTALL)


def kind_needs_saying(kind: str, code: str, name: str, summary: bool) -> bool:
    """Whether a task's kind must be written for the reader to know it: not for a summary task that is a
    phase, nor an ordinary task that is an activity, when neither has a code or a name that reads as a gate."""
    if code or GATE.match(name):
        return True
    return not ((summary and kind == "phase") or (not summary and kind == "activity"))
