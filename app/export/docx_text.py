"""Writing text into the document: sanitised runs, markup blocks, links, footnotes.

Every text of the export passes through here (and so through the one sanitiser).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from docx.text.paragraph import Paragraph

from app import markup
from app.export.docx_footnotes import Footnotes
from app.export.docx_lists import ListNumbering
from app.export.docx_styles import S, StyleIds
from app.export.docx_xml import W, front_child, sub
from app.export.sanitize import PAGE_BREAK, Sanitizer

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["Writer", "safe_url", "set_paragraph_style"]

_SCHEMES = {"http", "https", "mailto", "ftp", "file", "tel"}
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def safe_url(url: str) -> str | None:
    """A link target Word accepts, or None: web addresses without a scheme get https://,
    other schemes than the usual ones (javascript: …) are refused, and everything
    outside plain ASCII is percent-encoded (Word rejects a file with a malformed URI)."""
    url = url.strip()
    if not url or len(url) > 2000:
        return None
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in _SCHEMES:
        return None
    encoded = quote(url.encode("utf-8", "replace"), safe=_URL_SAFE)
    return encoded if encoded.isascii() and encoded.isprintable() else None


def _append_text(r: Any, text: str) -> None:
    """Text into a ``w:r``: "\n" → ``w:br``, "\t" → ``w:tab``, a soft hyphen → ``w:softHyphen``
    (Word's own optional hyphen), everything else in ``w:t`` with spaces preserved."""
    for i, line in enumerate(text.split("\n")):
        if i:
            sub(r, W.BR)
        for j, cell in enumerate(line.split("\t")):
            if j:
                sub(r, W.TAB)
            for k, piece in enumerate(cell.split("\u00ad")):
                if k:
                    sub(r, W.SOFT_HYPHEN)
                if piece:
                    t = sub(r, W.T)
                    t.set(W.SPACE, "preserve")
                    t.text = piece


def _new_run(parent: Any, bold: bool, italic: bool, style_id: str | None) -> Any:
    """A ``w:r`` at the end of ``parent``, its properties in schema order (rStyle, b, i)."""
    r = sub(parent, W.R)
    if bold or italic or style_id is not None:
        rpr = sub(r, W.RPR)
        if style_id is not None:
            sub(rpr, W.RSTYLE, style_id)
        if bold:
            sub(rpr, W.B)
        if italic:
            sub(rpr, W.I)
    return r


def set_paragraph_style(p: Any, style_id: str) -> None:
    """Set a ``w:p``'s style by hand (python-docx's schema-order search is slow)."""
    front_child(front_child(p, W.PPR), W.PSTYLE).set(W.VAL, style_id)


class Writer:
    """Writes sanitised text and markup into python-docx containers."""

    def __init__(self, doc: Document, styles: StyleIds, sanitizer: Sanitizer) -> None:
        self.doc = doc
        self.styles = styles
        self.clean = sanitizer
        self.lists = ListNumbering(doc)
        self.footnotes = Footnotes(doc)

    # --- paragraphs and runs ------------------------------------------------

    def paragraph(self, container: Any, text: Any = "", style: str | None = None, *,
                  bold: bool = False, italic: bool = False) -> Paragraph:
        """A new paragraph at the end of ``container`` (document, cell, header …)."""
        p = self.new_paragraph(container)
        if style is not None:
            self.set_style(p, style)
        if text:
            self.text(p, text, bold=bold, italic=italic)
        return p

    def new_paragraph(self, container: Any) -> Paragraph:
        """An empty paragraph at the end of ``container``. Body paragraphs are put
        before the final sectPr here: python-docx's add_paragraph finds the sectPr by
        walking every child of the body, which made a long document quadratic."""
        if container is not self.doc:
            return container.add_paragraph()
        body = self.doc.element.body
        p = sub(body, W.P)
        last = p.getprevious()
        if last is not None and last.tag == W.SECTPR:
            last.addprevious(p)
        return Paragraph(p, self.doc._body)

    def set_style(self, paragraph: Paragraph, style: str) -> None:
        """Give the paragraph the named style (by its id in this document)."""
        set_paragraph_style(paragraph._p, self.styles[style])

    def text(self, paragraph: Paragraph, value: Any, *, bold: bool = False, italic: bool = False,
             char_style: str | None = None, run_parent: Any = None) -> None:
        """Append sanitised text to the paragraph (or to ``run_parent``, a hyperlink in it)."""
        self.runs(paragraph._p if run_parent is None else run_parent, value, bold=bold, italic=italic,
                  char_style=char_style)

    def runs(self, parent: Any, value: Any, *, bold: bool = False, italic: bool = False,
             char_style: str | None = None) -> None:
        """Append sanitised text as runs to a ``w:p`` or ``w:hyperlink`` element; line
        breaks, tabs and page breaks become Word's own."""
        text = self.clean.text(value)
        if not text:
            return
        style_id = self.styles[char_style] if char_style is not None else None
        for k, piece in enumerate(text.split(PAGE_BREAK)):
            if k:
                sub(sub(parent, W.R), W.BR).set(W.TYPE, "page")
            if piece:
                _append_text(_new_run(parent, bold, italic, style_id), piece)

    # --- markup ---------------------------------------------------------------

    def markup(self, container: Any, source: Any, *, style: str = S.NORMAL,
               bullet_style: str = S.LIST_BULLET, number_style: str = S.LIST_NUMBER,
               first: Paragraph | None = None, italic: bool = False) -> int:
        """Write markup as paragraphs and real lists; returns the number of blocks.

        ``first`` is an empty paragraph to use for the first block (a new table cell
        already holds one)."""
        blocks = markup.parse(self.clean.text(source))
        numbered: dict[int, int] = {}  # level → the list instance of the numbered list open there
        for block in blocks:
            if first is not None:
                p, first = first, None
            else:
                p = self.new_paragraph(container)
            if block.kind is markup.BlockKind.PARAGRAPH:
                numbered.clear()
                self.set_style(p, style)
            else:
                for deeper in [lvl for lvl in numbered if lvl > block.level]:
                    del numbered[deeper]
                if block.kind is markup.BlockKind.BULLET:
                    numbered.pop(block.level, None)
                    self.set_style(p, bullet_style)
                    ListNumbering.apply(p, self.lists.bullets(), block.level)
                else:
                    if block.level not in numbered:
                        numbered[block.level] = self.lists.new_numbered(block.number or 1, block.level)
                    self.set_style(p, number_style)
                    ListNumbering.apply(p, numbered[block.level], block.level)
            self.inlines(p, block.inlines, italic=italic)
        return len(blocks)

    def inlines(self, paragraph: Paragraph, inlines: Any, *, italic: bool = False, notes: bool = True) -> None:
        for item in inlines:
            if isinstance(item, markup.Footnote):
                if notes:
                    self.footnote(paragraph, item.runs)
                else:  # a note inside a note cannot be: keep its text in brackets
                    self.text(paragraph, " (")
                    self.inlines(paragraph, item.runs, notes=False)
                    self.text(paragraph, ")")
            elif item.url is not None:
                self.link(paragraph, item.text, item.url, bold=item.bold, italic=item.italic or italic)
            else:
                self.text(paragraph, item.text, bold=item.bold, italic=item.italic or italic)

    def link(self, paragraph: Paragraph, text: str, url: str, *, bold: bool = False, italic: bool = False) -> None:
        """A hyperlink; an address Word would refuse is written as plain text."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        target = safe_url(self.clean.line(url))
        if target is None:
            self.text(paragraph, text, bold=bold, italic=italic)
            return
        r_id = paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), r_id)
        hyperlink.set(qn("w:history"), "1")
        paragraph._p.append(hyperlink)
        self.text(paragraph, text or target, bold=bold, italic=italic, char_style=S.HYPERLINK,
                  run_parent=hyperlink)

    def footnote(self, paragraph: Paragraph, runs: Any) -> None:
        note = self.footnotes.add(paragraph, self.styles[S.FOOTNOTE_REF], self.styles[S.FOOTNOTE_TEXT])
        self.inlines(note, runs, notes=False)
