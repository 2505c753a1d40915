"""Real Word lists: one bullet definition and one numbered definition of our own,
and a fresh list instance (``w:num`` with a start override) for every numbered list,
so each list starts at its own first number instead of continuing the previous one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.export.docx_xml import W, front_child, sub

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

__all__ = ["ListNumbering", "numbering_element", "set_num_pr"]

_INDENT = 357  # twips per level (0.63 cm, Word's own default)
_BULLETS = ("•", "–", "•")
_NUMBERS = (("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3."))


def _abstract_xml(abstract_id: int, numbered: bool) -> str:
    from docx.oxml.ns import nsdecls

    levels = []
    for lvl in range(9):
        k = min(lvl, 2)
        if numbered:
            fmt, text = _NUMBERS[k]
            if lvl > 2:
                text = f"%{lvl + 1}."
        else:
            fmt, text = "bullet", _BULLETS[k]
        left = _INDENT * (lvl + 1)
        levels.append(
            f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{_INDENT}"/></w:pPr></w:lvl>'
        )
    kind = "numbered" if numbered else "bullet"
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="Uppdrag {kind}"/>'
            f'{"".join(levels)}</w:abstractNum>')


def numbering_element(doc: Document):
    """The numbering part's root, creating the part when the reference has none."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.parts.numbering import NumberingPart

    part = doc.part
    try:
        return part.part_related_by(RT.NUMBERING).element
    except KeyError:
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        taken = {str(p.partname) for p in part.package.iter_parts()}
        name, k = "/word/numbering.xml", 1
        while name in taken:
            k += 1
            name = f"/word/numbering{k}.xml"
        numbering = NumberingPart(PackURI(name), CT.WML_NUMBERING, element, part.package)
        part.relate_to(numbering, RT.NUMBERING)
        return element


_BEFORE_NUMPR = {f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{t}" for t in
                 ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")}


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


class ListNumbering:
    """Hands out list instances and applies them to paragraphs."""

    def __init__(self, doc: Document) -> None:
        from docx.oxml.ns import qn

        self._root = numbering_element(doc)
        self._qn = qn
        abstract_ids = [_int(a.get(qn("w:abstractNumId"))) for a in self._root.iterchildren(qn("w:abstractNum"))]
        next_abstract = max(abstract_ids, default=-1) + 1
        self._bullet_abstract = self._add_abstract(next_abstract, numbered=False)
        self._number_abstract = self._add_abstract(next_abstract + 1, numbered=True)
        self._next_num = max((_int(n.get(qn("w:numId"))) for n in self._root.iterchildren(qn("w:num"))),
                             default=0) + 1
        self._bullet_num = self._add_num(self._bullet_abstract, None)

    def _add_abstract(self, abstract_id: int, numbered: bool) -> int:
        from docx.oxml import parse_xml

        el = parse_xml(_abstract_xml(abstract_id, numbered))
        # schema order: every abstractNum before the first num (and before numIdMacAtCleanup)
        later = self._root.find(self._qn("w:num"))
        if later is None:
            later = self._root.find(self._qn("w:numIdMacAtCleanup"))
        if later is not None:
            later.addprevious(el)
        else:
            self._root.append(el)
        return abstract_id

    def _add_num(self, abstract_id: int, start: int | None, level: int = 0) -> int:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        num_id = self._next_num
        self._next_num += 1
        override = ""
        if start is not None:
            override = "".join(f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start if lvl == level else 1}"/>'
                               "</w:lvlOverride>" for lvl in range(3))
        el = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                       f"{override}</w:num>")
        num_after = self._root.find(self._qn("w:numIdMacAtCleanup"))
        if num_after is not None:
            num_after.addprevious(el)
        else:
            self._root.append(el)
        return num_id

    def bullets(self) -> int:
        """The list instance for bullets (bullet lists need no restart)."""
        return self._bullet_num

    def new_numbered(self, start: int = 1, level: int = 0) -> int:
        """A new numbered list whose items at ``level`` start at ``start``."""
        return self._add_num(self._number_abstract, max(0, min(start, 32767)), level)

    @staticmethod
    def apply(paragraph: Paragraph, num_id: int, level: int = 0) -> None:
        """Make the paragraph an item of list ``num_id`` at ``level`` (numPr built by hand:
        python-docx's schema-order search is the slow part of big exports)."""
        set_num_pr(front_child(paragraph._p, W.PPR), num_id, level)


def set_num_pr(ppr: Any, num_id: int, level: int | None) -> None:
    """Replace a paragraph's or style's ``w:pPr`` numPr with list ``num_id`` (at ``level``;
    None leaves the level to the style), in schema order."""
    old = ppr.find(W.NUMPR)
    if old is not None:
        ppr.remove(old)
    before = [c for c in ppr if c.tag in _BEFORE_NUMPR]
    num_pr = sub(ppr, W.NUMPR)
    if before:
        before[-1].addnext(num_pr)
    else:
        ppr.insert(0, num_pr)
    if level is not None:
        sub(num_pr, W.ILVL, str(level))
    sub(num_pr, W.NUMID, str(num_id))
