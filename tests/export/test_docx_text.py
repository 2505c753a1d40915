"""Writer: runs and paragraphs written by hand match what python-docx's own API writes."""

from __future__ import annotations

import pytest
from lxml import etree

from app.export.docx_reference import open_reference
from app.export.docx_styles import S, ensure_styles
from app.export.docx_text import Writer
from app.export.docx_xml import W
from app.export.sanitize import PAGE_BREAK, Sanitizer


@pytest.fixture
def writer() -> Writer:
    doc = open_reference(None)
    return Writer(doc, ensure_styles(doc), Sanitizer())


def test_body_paragraphs_go_before_the_section_properties_in_order(writer):
    body = writer.doc.element.body
    first = writer.paragraph(writer.doc, "ett")
    second = writer.paragraph(writer.doc, "två", S.H1)
    assert list(body)[-3:] == [first._p, second._p, body[-1]] and body[-1].tag == W.SECTPR
    assert second.style.style_id == writer.styles[S.H1] and second.text == "två"
    assert writer.doc.paragraphs[-1].text == "två"  # python-docx sees them as its own


@pytest.mark.parametrize("bold, italic, char_style", [(False, False, None), (True, False, None),
                                                      (True, True, S.HYPERLINK), (False, True, S.HYPERLINK)])
def test_run_properties_as_python_docx_writes_them(writer, bold, italic, char_style):
    ours = writer.paragraph(writer.doc)
    writer.text(ours, "a\tb\nc", bold=bold, italic=italic, char_style=char_style)
    theirs = writer.doc.add_paragraph()
    run = theirs.add_run("a\tb\nc")
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if char_style:
        run.style = writer.doc.styles.get_style_id(char_style, 2)  # WD_STYLE_TYPE.CHARACTER
    # python-docx marks xml:space only where spaces need it; the export always does
    assert etree.tostring(ours._p) == etree.tostring(theirs._p).replace(b"<w:t>", b'<w:t xml:space="preserve">')


def test_page_break_is_a_run_of_its_own(writer):
    p = writer.paragraph(writer.doc)
    writer.text(p, f"före{PAGE_BREAK}efter", bold=True)
    runs = p._p.findall(W.R)
    assert [r.text for r in p.runs] == ["före", "", "efter"]
    assert runs[1].find(W.BR).get(W.TYPE) == "page" and runs[1].find(W.RPR) is None
    assert [r.bold for r in p.runs] == [True, None, True]
