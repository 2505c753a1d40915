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

FORMAT = "uppdrag-plan"
FORMAT_VERSION = 2  # 2: steering model, checklists and decisions at decision points; 1 still imports
