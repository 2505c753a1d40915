"""The sentences db/ and app/ say to a person, in the window's language.

They are written in Swedish through `tr(sentence, **values)`: the Swedish sentence is the key, with
{name} places for the values. The window installs the lookup of its language (ui.i18n.install_language
hands over Qt's translator in the context "App", so these sentences live in the same Linguist file
as the ui's strings and `make translations-update` collects them: ui.i18n_build finds every
`tr("…")` in app/ and db/). Without a lookup (the command line, app/'s own tests) every sentence
stays Swedish. The lookup lives here, at the bottom, because db/ says sentences too (a file refused
as damaged); app/ takes `tr` from app.i18n.

A sentence goes through `tr` only where it is said to a person (an error, a refusal, a validation
message); text that goes into a document for the registry stays Swedish in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_lookup: Callable[[str], str] | None = None
_label_lookup: Callable[[str], str] | None = None
_in_swedish: ContextVar[bool] = ContextVar("in_swedish", default=False)


def install(lookup: Callable[[str], str] | None, labels: Callable[[str], str] | None = None) -> None:
    """Say sentences through `lookup` (Swedish sentence -> the language's; "" for none), or in Swedish;
    `labels` likewise for the labels of coded values (app.kinds) a sentence names."""
    global _lookup, _label_lookup
    _lookup, _label_lookup = lookup, labels


def installed() -> tuple[Callable[[str], str] | None, Callable[[str], str] | None]:
    """The lookups installed now (sentences, labels), to put back after a while in another language."""
    return _lookup, _label_lookup


def swedish() -> bool:
    """Whether sentences are said in Swedish now (no other language installed, or in_swedish)."""
    return _lookup is None or _in_swedish.get()


def tr(sentence: str, /, **values: object) -> str:
    """`sentence` in the current language, its {name} places filled in from `values`."""
    text = (_lookup(sentence) or sentence) if _lookup is not None and not _in_swedish.get() else sentence
    return text.format(**values) if values else text


def label(text: str, /) -> str:
    """A Swedish label of a coded value (app.kinds: "risk", "tidplanspost") in the current language."""
    if _label_lookup is None or not text or _in_swedish.get():
        return text
    return _label_lookup(text) or text


@contextmanager
def in_swedish() -> Iterator[None]:
    """Sentences said inside stay Swedish whatever the window's language: they go into the file (its log)."""
    token = _in_swedish.set(True)
    try:
        yield
    finally:
        _in_swedish.reset(token)
