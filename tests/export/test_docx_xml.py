"""The export's own element helpers give the same XML and classes as python-docx."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.text.parfmt import CT_PPr
from lxml import etree

from app.export.docx_xml import W, front_child, sub, tag


def test_tag_is_the_clark_name():
    assert tag("w:p") == "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
    assert tag("xml:space") == "{http://www.w3.org/XML/1998/namespace}space"


def test_sub_appends_python_docx_elements_with_a_value():
    p = OxmlElement("w:p")
    sub(p, W.R)
    ppr = sub(p, W.PPR)
    sub(ppr, W.PSTYLE, "Rubrik1")
    assert isinstance(ppr, CT_PPr) and ppr.style == "Rubrik1"
    assert [c.tag for c in p] == [W.R, W.PPR]


def test_front_child_finds_or_puts_the_child_first():
    p = OxmlElement("w:p")
    sub(p, W.R)
    ppr = front_child(p, W.PPR)
    assert p[0] is ppr and front_child(p, W.PPR) is ppr and len(p) == 2
    assert etree.tostring(p) == etree.tostring(_python_docx_p_with_ppr())


def _python_docx_p_with_ppr():
    p = OxmlElement("w:p")
    p.append(OxmlElement("w:r"))
    p.get_or_add_pPr()
    return p
