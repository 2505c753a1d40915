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

from collections.abc import Callable

_lookup: Callable[[str], str] | None = None


def install(lookup: Callable[[str], str] | None) -> None:
    """Say sentences through `lookup` (Swedish sentence -> the language's; "" for none), or in Swedish."""
    global _lookup
    _lookup = lookup


def tr(sentence: str, /, **values: object) -> str:
    """`sentence` in the current language, its {name} places filled in from `values`."""
    text = (_lookup(sentence) or sentence) if _lookup is not None else sentence
    return text.format(**values) if values else text
