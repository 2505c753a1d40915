"""The one way to name a database file to SQLite as a `file:` URI.

In a URI `#` starts a fragment, `?` the query and `%` an escape, so a file
called "Plan #3.uppdrag" would be read as "Plan " unless its name is
percent-encoded. Every `file:` URI in the program is built here.
"""

from __future__ import annotations

from pathlib import Path

# What urllib.parse.quote(text, safe="/:") leaves as it is; every other byte of the UTF-8 text is
# percent-encoded, as quote does. Written out here: urllib.parse (and ipaddress, which it loads)
# would cost every start of the program a few milliseconds for this one function.
_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/:")


def _quote(text: str) -> str:
    return "".join(chr(b) if b in _SAFE else f"%{b:02X}" for b in text.encode("utf-8"))


def file_uri(path: Path | str, *, mode: str = "ro") -> str:
    """`file:` URI for `path` (made absolute), opened with `mode` (ro, rw, rwc)."""
    text = Path(path).resolve().as_posix()
    if not text.startswith("/"):
        text = "/" + text  # a Windows drive: file:///C:/...
    return f"file://{_quote(text)}?mode={mode}"
