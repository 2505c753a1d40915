"""Fields and the page frame: page numbers "Sida X (Y)", the header line, the TOC.

Fields are complex fields (begin, instruction, separate, cached result, end), which
Word and LibreOffice both compute when the page is laid out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.export.docx_styles import S

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

    from app.export.docx_text import Writer

__all__ = ["TocEntry", "add_bookmark", "add_field", "add_toc", "page_frame", "short"]

_MAX_FRAME_TEXT = 90


def short(text: str, limit: int = _MAX_FRAME_TEXT) -> str:
    """A header or footer text is one line: a long text is cut at a word boundary with an
    ellipsis (a single word longer than the line is cut inside it)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + "…"


def _fld_char(kind: str, dirty: bool = False):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = OxmlElement("w:r")
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), kind)
    if dirty:
        fc.set(qn("w:dirty"), "true")
    r.append(fc)
    return r


def _instr(text: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {text} "
    r.append(it)
    return r


def _text_run(text: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def add_field(parent: Any, instruction: str, cached: str = "", *, dirty: bool = False) -> None:
    """Append a complex field to a ``w:p`` or ``w:hyperlink`` element."""
    parent.append(_fld_char("begin", dirty))
    parent.append(_instr(instruction))
    parent.append(_fld_char("separate"))
    if cached:
        parent.append(_text_run(cached))
    parent.append(_fld_char("end"))


def add_bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    """Bookmark the whole paragraph (a TOC entry or cross-reference points here)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


# --- header and footer -----------------------------------------------------------


def _has_text(part_element: Any) -> bool:
    from docx.oxml.ns import qn

    return any((t.text or "").strip() for t in part_element.iter(qn("w:t")))


def _has_page_field(part_element: Any) -> bool:
    from docx.oxml.ns import qn

    instructions = [i.text or "" for i in part_element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr")) or "" for f in part_element.iter(qn("w:fldSimple"))]
    return any(i.split()[:1] == ["PAGE"] for i in instructions if i.strip())


def page_frame(writer: Writer, doc: Document, left: str, right: str, footer_left: str, text_width: int, *,
               footer_tail: str = "", mark: str = "") -> None:
    """Header "Organisation … Dokumenttyp" and footer "Titel, utgåva 0.3, 2024-11-18 … Sida X (Y)"
    on every page; only the title is shortened, the edition (``footer_tail``) stays whole.
    ``mark`` ("UTKAST") is printed in bold at the right of the header.

    A reference document's own header text or page number is kept as it is (the mark
    then gets its own line); a header holding only a logo gets our line under the logo."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Twips

    even = doc.settings.odd_and_even_pages_header_footer
    for section in doc.sections:
        headers = [section.header] + ([section.even_page_header] if even else [])
        footers = [section.footer] + ([section.even_page_footer] if even else [])
        for header in headers:
            if not _has_text(header._element):
                p = _first_empty(header)
                writer.set_style(p, S.HEADER)
                p.paragraph_format.tab_stops.add_tab_stop(Twips(text_width), WD_TAB_ALIGNMENT.RIGHT)
                writer.text(p, short(writer.clean.line(left)))
                writer.text(p, "\t")
                if mark:
                    writer.text(p, mark + "  ", bold=True)
                writer.text(p, short(writer.clean.line(right), 60))
            elif mark:
                p = header.add_paragraph()
                writer.set_style(p, S.HEADER)
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                writer.text(p, mark, bold=True)
        for footer in footers:
            if not _has_page_field(footer._element):
                p = _first_empty(footer)
                writer.set_style(p, S.FOOTER)
                p.paragraph_format.tab_stops.add_tab_stop(Twips(text_width), WD_TAB_ALIGNMENT.RIGHT)
                tail = writer.clean.line(footer_tail)
                writer.text(p, short(writer.clean.line(footer_left), max(20, 70 - len(tail))) + tail)
                writer.text(p, "\tSida ")
                add_field(p._p, "PAGE", "1")
                writer.text(p, " (")
                add_field(p._p, "NUMPAGES", "1")
                writer.text(p, ")")


def _first_empty(story: Any) -> Paragraph:
    """The story's last paragraph if it is empty (a fresh header has one), else a new one."""
    paragraphs = story.paragraphs
    if paragraphs and not paragraphs[-1].text and not len(paragraphs[-1]._p.xpath("./w:r")):
        return paragraphs[-1]
    return story.add_paragraph()


# --- table of contents -------------------------------------------------------------


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    bookmark: str


def add_toc(writer: Writer, container: Any, entries: Sequence[TocEntry], *, field: bool = True) -> Paragraph:
    """A table of contents after the heading "Innehåll".

    With ``field`` it is a real TOC field whose cached result already lists the
    headings, each linked to its heading; the field is marked dirty so Word rebuilds
    it, page numbers included, when the document opens. Without ``field`` the entries
    are plain paragraphs whose page numbers are PAGEREF fields: LibreOffice keeps a TOC
    field's cached text as it is but computes PAGEREF, so the PDF export uses this form
    to get real page numbers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    heading = writer.paragraph(container, "Innehåll", S.TOC_HEADING)
    instruction = 'TOC \\o "1-2" \\h \\z \\u'
    if not entries:
        p = writer.paragraph(container, style=S.TOC1)
        if field:
            p._p.append(_fld_char("begin", dirty=True))
            p._p.append(_instr(instruction))
            p._p.append(_fld_char("separate"))
        p._p.append(_text_run("Dokumentet har inga rubriker."))
        if field:
            p._p.append(_fld_char("end"))
        return heading
    for k, entry in enumerate(entries):
        p = writer.paragraph(container, style=S.TOC1 if entry.level <= 1 else S.TOC2)
        if field and k == 0:
            p._p.append(_fld_char("begin", dirty=True))
            p._p.append(_instr(instruction))
            p._p.append(_fld_char("separate"))
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), entry.bookmark)
        link.set(qn("w:history"), "1")
        p._p.append(link)
        writer.text(p, short(entry.text, 200), run_parent=link)
        writer.text(p, "\t", run_parent=link)
        add_field(link, f"PAGEREF {entry.bookmark} \\h", "")
        if field and k == len(entries) - 1:
            p._p.append(_fld_char("end"))
    return heading
