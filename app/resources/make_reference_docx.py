"""Build app/resources/reference.docx, the default look of the Word export.

    python app/resources/make_reference_docx.py

A4 with 2.5 cm margins, Arial (every office machine has it; LibreOffice substitutes the
metric-compatible Liberation Sans), Swedish (sv-SE) as the language of every style,
sober dark-blue headings, and every style the export uses. Organisations can start
from this file in Word, add their logo to the header and change the styles; the
export keeps whatever the reference defines and adds only what is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FONT = "Arial"
OUT = Path(__file__).resolve().parent / "reference.docx"


def _strip_theme_fonts(styles_el) -> None:
    """Theme font attributes win over named fonts; remove them so Arial applies."""
    from docx.oxml.ns import qn

    for rfonts in styles_el.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)


def _set_defaults(doc) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is not None:
        styles_el.remove(defaults)
    styles_el.insert(0, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
        '</w:pPr></w:pPrDefault></w:docDefaults>'))


def _replace_style(doc, name: str) -> None:
    """Remove a built-in style of python-docx's template so ensure_styles adds ours."""
    from app.export.docx_styles import _find

    el = _find(doc.styles.element, name)
    if el is not None:
        el.getparent().remove(el)


def _language_on_styles(doc) -> None:
    """sv-SE on every paragraph and character style, not only the defaults."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for el in doc.styles.element.iterchildren(qn("w:style")):
        if el.get(qn("w:type")) not in ("paragraph", "character"):
            continue
        rpr = el.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            el.append(rpr)
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "sv-SE")
        # w:lang precedes only eastAsianLayout, specVanish and oMath in rPr
        later = [c for c in rpr if c.tag in (qn("w:eastAsianLayout"), qn("w:specVanish"), qn("w:oMath"))]
        if later:
            later[0].addprevious(lang)
        else:
            rpr.append(lang)


def _trim(doc) -> None:
    """Leave out python-docx's ~80 sample table styles and the Word 2010 style copy
    (stylesWithEffects): an organisation editing the reference sees only what matters."""
    from docx.oxml.ns import qn

    keep = {"Normal Table", "Table Grid", "Uppdragstabell"}
    for el in list(doc.styles.element.iterchildren(qn("w:style"))):
        name = el.find(qn("w:name"))
        if el.get(qn("w:type")) == "table" and (name is None or name.get(qn("w:val")) not in keep):
            el.getparent().remove(el)
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(r_id)


def _settings(doc) -> None:
    from docx.oxml.ns import qn

    settings = doc.settings.element
    for tag, val in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        el = settings.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), val)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "sv-SE")
        lang.attrib.pop(qn("w:eastAsia"), None)


def build(out: Path = OUT) -> Path:
    import docx
    from docx.shared import Cm

    from app.export.docx_styles import S, ensure_styles

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.2)
    # An empty header and footer of our own, for organisations to put a logo in.
    section.header.paragraphs[0].style = doc.styles["Header"]
    section.footer.paragraphs[0].style = doc.styles["Footer"]

    body = doc.element.body
    for child in list(body):
        if child.tag.endswith("}p"):
            body.remove(child)

    _set_defaults(doc)
    _strip_theme_fonts(doc.styles.element)
    for name in (S.TITLE, S.SUBTITLE, S.H1, S.H2, S.LIST_BULLET, S.LIST_NUMBER, S.HEADER, S.FOOTER,
                 S.TOC_HEADING, S.HYPERLINK):
        _replace_style(doc, name)
    ensure_styles(doc)
    _language_on_styles(doc)
    _trim(doc)
    _settings(doc)
    # The header and footer paragraphs lost their styles above; point them at the new ones.
    section.header.paragraphs[0].style = doc.styles["Header"]
    section.footer.paragraphs[0].style = doc.styles["Footer"]

    cp = doc.core_properties
    cp.title = "Uppdrag – referensmall"
    cp.author = "Uppdrag"
    cp.last_modified_by = "Uppdrag"
    cp.comments = "Formatmall för Word-exporten. Ändra formaten här; innehållet ersätts vid export."
    cp.keywords = ""
    cp.subject = ""
    cp.category = ""
    cp.language = "sv-SE"
    cp.revision = 1
    import datetime as dt

    fixed = dt.datetime(2025, 1, 1, 0, 0, 0)  # reproducible file
    cp.created = cp.modified = fixed
    cp.last_printed = fixed
    # python-docx's template carries a preview picture of its own; a reference has none.
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package_rels = doc.part.package.rels
    for r_id in [k for k, rel in package_rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package_rels[r_id]
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
