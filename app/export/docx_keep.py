"""Keeping things together across page breaks, as a registrar expects a printed document.

Headings keep with the next paragraph (docx_document), rows do not split (docx_tables);
here a table's last row never stands alone on a page, and the decision and signature
block keeps at least the paragraph before it on its page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.export.docx_xml import W, front_child, sub

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["keep_row_with_next", "keep_tables_together", "keep_with_previous", "set_keep_next"]

_KEEP_NEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}keepNext"
_FIRST_IN_PPR = {"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pStyle"}


def set_keep_next(p: Any) -> None:
    """``w:keepNext`` on a ``w:p`` (second in pPr, after the style)."""
    ppr = front_child(p, W.PPR)
    if ppr.find(_KEEP_NEXT) is not None:
        return
    el = sub(ppr, _KEEP_NEXT)
    first = ppr[0]
    if first is not el and first.tag in _FIRST_IN_PPR:
        first.addnext(el)
    else:
        ppr.insert(0, el)


def keep_row_with_next(tr: Any) -> None:
    """Every paragraph of a table row keeps with the next: Word then keeps the row with the next row."""
    for p in tr.iter(W.P):
        set_keep_next(p)


def keep_tables_together(doc: Document) -> None:
    """The last row of each table of the body keeps the row before it on its page."""
    for tbl in doc.element.body.iterchildren(W.TBL):
        rows = tbl.findall(_TR)
        if len(rows) >= 3:  # a header and at least two rows; a header already keeps with its next
            keep_row_with_next(rows[-2])


_TR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr"


def keep_with_previous(doc: Document) -> None:
    """What comes next keeps the element before it on its page: the last paragraph before
    it (past an empty spacer) or, after a table, the table's last row."""
    last = doc.element.body[-1] if len(doc.element.body) else None
    if last is not None and last.tag == W.SECTPR:
        last = last.getprevious()
    for _ in range(2):
        if last is None:
            return
        if last.tag == W.TBL:
            rows = last.findall(_TR)
            if rows:
                keep_row_with_next(rows[-1])
            return
        if last.tag == W.P:
            set_keep_next(last)
            if "".join(t.text or "" for t in last.iter(W.T)).strip():
                return
        last = last.getprevious()
