"""The one way to name a database file to SQLite as a `file:` URI.

In a URI `#` starts a fragment, `?` the query and `%` an escape, so a file
called "Plan #3.uppdrag" would be read as "Plan " unless its name is
percent-encoded. Every `file:` URI in the program is built here.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote


def file_uri(path: Path | str, *, mode: str = "ro") -> str:
    """`file:` URI for `path` (made absolute), opened with `mode` (ro, rw, rwc)."""
    text = Path(path).resolve().as_posix()
    if not text.startswith("/"):
        text = "/" + text  # a Windows drive: file:///C:/...
    return f"file://{quote(text, safe='/:')}?mode={mode}"
