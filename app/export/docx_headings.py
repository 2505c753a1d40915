"""Heading numbers as Word numbering bound to the Heading styles, never typed text.

A reference document whose "heading 1" style already carries a list (an organisation's
numbered template) keeps it: its look ("1", "1.", "§ 1" …) is the organisation's, and
the export writes the bare heading text, so nothing is printed twice ("1. 1. Bakgrund").
A reference without one gets our multi-level list "1." / "1.1." bound to the two
heading styles. Either way Word renumbers when a section is moved, and an unnumbered
section switches the list off on its own paragraph (``numId`` 0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.export.docx_lists import numbering_element, set_num_pr
from app.export.docx_xml import W, front_child

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

__all__ = ["HeadingNumbering"]

_LEVEL_TEXT = ("%1.", "%1.%2.", "%1.%2.%3.")


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _style_num_id(style: Any) -> int | None:
    ppr = style.find(W.PPR) if style is not None else None
    num_pr = ppr.find(W.NUMPR) if ppr is not None else None
    num_id = num_pr.find(W.NUMID) if num_pr is not None else None
    if num_id is None:
        return None
    value = _int(num_id.get(W.VAL))
    return value or None


class HeadingNumbering:
    """Binds the heading styles to a list; ``own`` says whether it is ours or the reference's."""

    def __init__(self, doc: Document, h1_id: str, h2_id: str) -> None:
        from docx.oxml.ns import qn

        styles = {el.get(qn("w:styleId")): el for el in doc.styles.element.iterchildren(qn("w:style"))}
        h1, h2 = styles.get(h1_id), styles.get(h2_id)
        reference_num = _style_num_id(h1)
        self.own = reference_num is None
        if self.own:
            self.num_id = self._add_list(doc, h1_id, h2_id)
            set_num_pr(front_child(h1, W.PPR), self.num_id, None)
            set_num_pr(front_child(h2, W.PPR), self.num_id, 1)
        else:
            self.num_id = reference_num
            if _style_num_id(h2) is None:  # the reference numbers only its first level
                set_num_pr(front_child(h2, W.PPR), self.num_id, 1)

    @staticmethod
    def _add_list(doc: Document, h1_id: str, h2_id: str) -> int:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        root = numbering_element(doc)
        abstract_id = max((_int(a.get(qn("w:abstractNumId"))) for a in root.iterchildren(qn("w:abstractNum"))),
                          default=-1) + 1
        num_id = max((_int(n.get(qn("w:numId"))) for n in root.iterchildren(qn("w:num"))), default=0) + 1
        levels = []
        for lvl in range(9):
            text = _LEVEL_TEXT[lvl] if lvl < len(_LEVEL_TEXT) else "".join(f"%{k + 1}." for k in range(lvl + 1))
            style = {0: h1_id, 1: h2_id}.get(lvl)
            bind = f'<w:pStyle w:val="{style}"/>' if style else ""
            levels.append(f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>{bind}'
                          f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                          '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>')
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                             '<w:multiLevelType w:val="multilevel"/><w:name w:val="Uppdrag rubriker"/>'
                             f'{"".join(levels)}</w:abstractNum>')
        num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        first_num = root.find(qn("w:num"))
        if first_num is None:
            first_num = root.find(qn("w:numIdMacAtCleanup"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            root.append(abstract)
        cleanup = root.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            root.append(num)
        return num_id

    @staticmethod
    def unnumbered(paragraph: Paragraph) -> None:
        """Switch the style's list off for this heading (an unnumbered section)."""
        set_num_pr(front_child(paragraph._p, W.PPR), 0, 0)
