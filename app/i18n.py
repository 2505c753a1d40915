"""The sentences app/ says to a person (errors, refusals, validation), in the window's language.

`tr("Svensk mening om {namn}.", namn=...)` as db.i18n describes; `marked_sentences()` lists every
sentence app/ and db/ mark so, for the Linguist file (ui.i18n_build) and for the test that each has
its English.

The window hands over Qt's translator (ui.i18n); the command line, which loads no Qt, reads the
same compiled Linguist file itself (`install_language`, `read_qm`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from db.i18n import in_swedish, install, installed, label, swedish, tr

ROOT = Path(__file__).resolve().parent.parent
MARKED_FOLDERS = ("app", "db")
LANGUAGES = ("sv", "en")  # Swedish, the source language, first
_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_MESSAGES, _QM_END, _QM_TRANSLATION, _QM_SOURCE, _QM_CONTEXT, _QM_COMMENT = 0x69, 1, 3, 6, 7, 8


def read_qm(path: Path, contexts: tuple[str, ...] = ("App", "Kinds")) -> dict[tuple[str, str], str]:
    """(context, Swedish source) -> translation, for the messages of `contexts` in a compiled Linguist
    file (Qt's .qm format, as lrelease writes it with the source texts kept). {} if it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(_QM_MAGIC):
        return {}
    at, out = len(_QM_MAGIC), {}
    while at + 5 <= len(data):
        tag, size = data[at], int.from_bytes(data[at + 1:at + 5], "big")
        at += 5
        if tag == _QM_MESSAGES:
            out.update(_qm_messages(data[at:at + size], set(contexts)))
        at += size
    return out


def _qm_messages(block: bytes, contexts: set[str]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    at, fields = 0, dict[int, bytes]()
    while at < len(block):
        tag = block[at]
        at += 1
        if tag == _QM_END:
            context, source = fields.get(_QM_CONTEXT, b"").decode("utf-8"), fields.get(_QM_SOURCE, b"")
            if context in contexts and _QM_TRANSLATION in fields:
                out[(context, source.decode("utf-8"))] = fields[_QM_TRANSLATION].decode("utf-16-be")
            fields = {}
            continue
        size = int.from_bytes(block[at:at + 4], "big")
        at += 4
        if size == 0xFFFFFFFF:  # a null text
            size = 0
        if tag in (_QM_TRANSLATION, _QM_SOURCE, _QM_CONTEXT, _QM_COMMENT):
            fields.setdefault(tag, block[at:at + size])  # a plural's first form
        at += size
    return out


def install_language(language: str) -> bool:
    """Say app/'s and db/'s sentences in `language` without Qt (the command line); False, and Swedish,
    if its compiled translation is missing (`make translations` builds it)."""
    from app.resources import resource_path

    if language == LANGUAGES[0]:
        install(None)
        return True
    found = read_qm(resource_path("translations", f"uppdrag_{language}.qm"))
    if not found:
        install(None)
        return False
    install(lambda text: found.get(("App", text), ""), lambda text: found.get(("Kinds", text), ""))
    return True


@contextmanager
def speaking(language: str) -> Iterator[bool]:
    """Sentences in `language` inside (see install_language), and in the language of before after."""
    before = installed()
    try:
        yield install_language(language)
    finally:
        install(*before)


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


__all__ = ["in_swedish", "install", "install_language", "label", "marked_sentences", "read_qm", "speaking", "swedish",
           "tr"]
