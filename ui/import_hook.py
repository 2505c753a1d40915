"""PySide6's import hook, made lighter for start-up.

Once PySide6 is loaded, its import hook asks of every module imported after it
whether its source names PySide6 (so that it knows which modules may select a
`from __feature__ import`). It asks through inspect.getsource, which fills
linecache and decodes each file line by line: for the fifty-odd modules the
first window imports, a measurable part of the start. The same question answered
from the file's bytes costs about a quarter as much.
"""

from __future__ import annotations

import sys


def lighten() -> None:
    """Answer PySide6's question from the file's bytes; a PySide6 without that hook is left as it is."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # a built-in or compiled module: PySide6's own answer
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
