"""The one sanitiser for every text that goes into an exported document.

XML 1.0 (and so Word's file format) cannot hold C0 control characters other than TAB,
LF and CR, nor U+FFFE/U+FFFF, nor lone surrogates; lxml refuses them and a document
with them will not open. Two controls have a meaning people expect: a vertical tab is
Word's own manual line break (Shift+Enter, what pasting from Word gives) and a form
feed is a page break. So:

- ``\\v`` → line break (``\\n``, which python-docx writes as ``<w:br/>``)
- ``\\f`` → page break (kept as :data:`PAGE_BREAK` for the writer to turn into
  ``<w:br w:type="page"/>``; :meth:`Sanitizer.plain` makes it a line break)
- ``\\r\\n`` and ``\\r`` → ``\\n``
- lone surrogates → U+FFFD (counted as replaced)
- other illegal characters are removed (counted)

The counts become Swedish warnings in the export result.
"""

from __future__ import annotations

import re
from app.i18n import tr

__all__ = ["PAGE_BREAK", "Sanitizer"]

PAGE_BREAK = "\f"

# Everything XML 1.0 forbids, except \v and \f which have a meaning (handled first).
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEEDS_WORK = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")


class Sanitizer:
    """Cleans text for the document and counts what it had to drop or replace."""

    def __init__(self) -> None:
        self.removed = 0
        self.replaced = 0

    def text(self, value: object) -> str:
        """Text for the document body; may contain "\\n" (line break), "\\t" and PAGE_BREAK."""
        if value is None:
            return ""
        s = value if isinstance(value, str) else str(value)
        if not _NEEDS_WORK.search(s):
            return s
        s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
        s, n = _SURROGATE.subn("\ufffd", s)
        self.replaced += n
        s, n = _ILLEGAL.subn("", s)
        self.removed += n
        return s

    def plain(self, value: object) -> str:
        """Text for places without page breaks: document properties, attributes, field results."""
        return self.text(value).replace(PAGE_BREAK, "\n")

    def line(self, value: object) -> str:
        """One line of text (document properties such as the title): breaks become spaces."""
        return " ".join(self.plain(value).replace("\t", " ").split("\n")).strip()

    def warnings(self) -> list[str]:
        """Swedish messages for the export result, empty when nothing was changed."""
        out = []
        if self.removed:
            out.append(tr("1 otillåtet tecken togs bort") if self.removed == 1 else
                       tr("{n} otillåtna tecken togs bort", n=self.removed))
        if self.replaced:
            out.append(tr("1 ogiltigt tecken ersattes med \ufffd") if self.replaced == 1 else
                       tr("{n} ogiltiga tecken ersattes med \ufffd", n=self.replaced))
        return out
