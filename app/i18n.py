"""The sentences app/ says to a person (errors, refusals, validation), in the window's language.

`tr("Svensk mening om {namn}.", namn=...)` as db.i18n describes; `marked_sentences()` lists every
sentence app/ and db/ mark so, for the Linguist file (ui.i18n_build) and for the test that each has
its English.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from db.i18n import in_swedish, install, label, tr

ROOT = Path(__file__).resolve().parent.parent
MARKED_FOLDERS = ("app", "db")


def marked_sentences(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """(where, sentence) for every `tr("…")` in app/ and db/; a `tr` whose sentence is not one literal
    text (an f-string, a name) is yielded with the sentence "" so that a test can point at it."""
    import ast  # only the translation build and the tests read the source

    for folder in MARKED_FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
                    where = f"{path.relative_to(root)}:{node.lineno}"
                    first = node.args[0] if node.args else None
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        yield where, first.value
                    else:
                        yield where, ""


__all__ = ["in_swedish", "install", "label", "marked_sentences", "tr"]
