"""Named styles of the exported document.

All formatting goes through named styles so an organisation's reference document can
restyle everything. A style the reference lacks is added here with a sober default
that inherits the reference's own fonts. Styles are looked up by *name*, never by
id: a Swedish Word saves "heading 1" with the id "Rubrik1".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # python-docx is imported lazily: the command line must start without it
    from docx.document import Document

__all__ = ["S", "StyleIds", "ensure_styles", "ensure_language", "LANGUAGE"]

LANGUAGE = "sv-SE"
TEXT_COLOR = "1F3864"  # dark navy for headings and the title page
MUTED = "595959"


class S:
    """Style names (Word's own names for built-in styles)."""

    NORMAL = "Normal"
    TITLE = "Title"
    SUBTITLE = "Subtitle"
    H1 = "heading 1"
    H2 = "heading 2"
    LIST_BULLET = "List Bullet"
    LIST_NUMBER = "List Number"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE_TEXT = "footnote text"
    FOOTNOTE_REF = "footnote reference"
    TOC_HEADING = "TOC Heading"
    TOC1 = "toc 1"
    TOC2 = "toc 2"
    HYPERLINK = "Hyperlink"
    TABLE = "Uppdragstabell"
    TABLE_TEXT = "Tabelltext"
    TABLE_HEAD = "Tabellrubrik"
    GANTT = "Gantttext"
    PROGRAMME = "Serieetikett"
    DOC_TYPE = "Dokumenttyp"
    ORGANISATION = "Organisationsnamn"
    NOTE = "Tabellförklaring"
    SIGNATURE = "Underskrift"


# name → (type, preferred id, basedOn name or None, inner XML of pPr, rPr and extras)
_DEFS: dict[str, tuple[str, str, str | None, str]] = {
    S.TITLE: ("paragraph", "Title", S.NORMAL,
              f'<w:pPr><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/></w:pPr>'
              f'<w:rPr><w:b/><w:color w:val="{TEXT_COLOR}"/><w:kern w:val="28"/><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr>'),
    S.SUBTITLE: ("paragraph", "Subtitle", S.NORMAL,
                 f'<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:color w:val="{MUTED}"/>'
                 '<w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>'),
    S.H1: ("paragraph", "Heading1", S.NORMAL,
           '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>'
           f'<w:rPr><w:b/><w:bCs/><w:color w:val="{TEXT_COLOR}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'),
    S.H2: ("paragraph", "Heading2", S.NORMAL,
           '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>'
           f'<w:rPr><w:b/><w:bCs/><w:color w:val="{TEXT_COLOR}"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'),
    # contextualSpacing: no space between the items of a list, the usual space after it
    S.LIST_BULLET: ("paragraph", "ListBullet", S.NORMAL,
                    '<w:pPr><w:spacing w:after="120"/><w:contextualSpacing/></w:pPr>'),
    S.LIST_NUMBER: ("paragraph", "ListNumber", S.NORMAL,
                    '<w:pPr><w:spacing w:after="120"/><w:contextualSpacing/></w:pPr>'),
    S.HEADER: ("paragraph", "Header", S.NORMAL,
               '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
               f'<w:rPr><w:color w:val="{MUTED}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'),
    S.FOOTER: ("paragraph", "Footer", S.NORMAL,
               '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
               f'<w:rPr><w:color w:val="{MUTED}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'),
    S.FOOTNOTE_TEXT: ("paragraph", "FootnoteText", S.NORMAL,
                      '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                      '<w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>'),
    S.FOOTNOTE_REF: ("character", "FootnoteReference", None, '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'),
    S.TOC_HEADING: ("paragraph", "TOCHeading", S.NORMAL,
                    '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>'
                    f'<w:rPr><w:b/><w:color w:val="{TEXT_COLOR}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'),
    S.TOC1: ("paragraph", "TOC1", S.NORMAL,
             '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs><w:spacing w:after="60"/></w:pPr>'),
    S.TOC2: ("paragraph", "TOC2", S.NORMAL,
             '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs>'
             '<w:spacing w:after="40"/><w:ind w:left="284"/></w:pPr>'),
    S.HYPERLINK: ("character", "Hyperlink", None, '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'),
    S.TABLE_TEXT: ("paragraph", "Tabelltext", S.NORMAL,
                   '<w:pPr><w:spacing w:before="0" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
                   '<w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>'),
    S.TABLE_HEAD: ("paragraph", "Tabellrubrik", S.TABLE_TEXT, '<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>'),
    S.GANTT: ("paragraph", "Gantttext", S.NORMAL,
              '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
              '<w:rPr><w:sz w:val="14"/><w:szCs w:val="14"/></w:rPr>'),
    S.PROGRAMME: ("paragraph", "Serieetikett", S.NORMAL,
                  '<w:pPr><w:spacing w:before="0" w:after="360"/></w:pPr>'
                  f'<w:rPr><w:b/><w:color w:val="{MUTED}"/><w:sz w:val="20"/></w:rPr>'),
    S.DOC_TYPE: ("paragraph", "Dokumenttyp", S.NORMAL,
                 '<w:pPr><w:spacing w:before="1200" w:after="60"/></w:pPr>'
                 f'<w:rPr><w:color w:val="{TEXT_COLOR}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>'),
    S.ORGANISATION: ("paragraph", "Organisationsnamn", S.NORMAL,
                     '<w:pPr><w:spacing w:before="120" w:after="480"/></w:pPr>'
                     '<w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'),
    S.NOTE: ("paragraph", "Tabellforklaring", S.NORMAL,
             '<w:pPr><w:spacing w:before="60" w:after="120"/></w:pPr>'
             f'<w:rPr><w:color w:val="{MUTED}"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'),
    S.SIGNATURE: ("paragraph", "Underskrift", S.NORMAL,
                  '<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0"/></w:pPr>'
                  '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'),
    S.TABLE: ("table", "Uppdragstabell", None,
              '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
              '<w:tblPr><w:tblBorders>'
              '<w:top w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
              '<w:left w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
              '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
              '<w:right w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
              '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
              '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
              '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
              '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'),
}

# Order matters for basedOn: a style's base is ensured before it.
_ORDER = [S.TABLE_TEXT] + [name for name in _DEFS if name != S.TABLE_TEXT]


@dataclass
class StyleIds:
    """Style name → the id it has in this document (ids differ between Word languages)."""

    ids: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.ids[name]


def _styles_element(doc: Document):
    return doc.styles.element


def _by_name(styles_el) -> dict[str, Any]:
    """Lower-case style name → the first style with that name. One pass: walking the
    styles part once per looked-up name cost ~0.5 ms a name."""
    from docx.oxml.ns import qn

    name_tag, val = qn("w:name"), qn("w:val")
    index: dict[str, Any] = {}
    for el in styles_el.iterchildren(qn("w:style")):
        n = el.find(name_tag)
        if n is not None:
            index.setdefault((n.get(val) or "").lower(), el)
    return index


def _find(styles_el, name: str):
    """The first style named ``name`` (case-insensitive), or None."""
    return _by_name(styles_el).get(name.lower())


def _free_id(styles_el, wanted: str) -> str:
    from docx.oxml.ns import qn

    taken = {el.get(qn("w:styleId")) for el in styles_el.iterchildren(qn("w:style"))}
    sid, k = wanted, 1
    while sid in taken:
        k += 1
        sid = f"{wanted}{k}"
    return sid


def ensure_styles(doc: Document) -> StyleIds:
    """Add every style the document lacks; return the ids of all of them."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    styles_el = _styles_element(doc)
    by_name = _by_name(styles_el)
    ids: dict[str, str] = {}
    normal = by_name.get(S.NORMAL.lower())
    if normal is None:
        normal = parse_xml(f'<w:style {nsdecls("w")} w:type="paragraph" w:default="1" w:styleId="{_free_id(styles_el, "Normal")}">'
                           '<w:name w:val="Normal"/><w:qFormat/></w:style>')
        styles_el.append(normal)
    ids[S.NORMAL] = normal.get(qn("w:styleId"))
    for name in _ORDER:
        kind, wanted, based, inner = _DEFS[name]
        el = by_name.get(name.lower())
        if el is None:
            sid = _free_id(styles_el, wanted)
            based_xml = f'<w:basedOn w:val="{ids[based]}"/>' if based else ""
            custom = "" if name in _BUILTIN_NAMES else ' w:customStyle="1"'
            el = parse_xml(f'<w:style {nsdecls("w")} w:type="{kind}"{custom} w:styleId="{sid}">'
                           f'<w:name w:val="{name}"/>{based_xml}<w:uiPriority w:val="{_PRIORITY.get(name, 39)}"/>'
                           f'<w:qFormat/>{inner}</w:style>')
            styles_el.append(el)
        ids[name] = el.get(qn("w:styleId"))
    return StyleIds(ids)


_PRIORITY = {S.H1: 9, S.H2: 9, S.TITLE: 10, S.SUBTITLE: 11, S.TABLE_TEXT: 20, S.TABLE_HEAD: 21}

_BUILTIN_NAMES = {S.TITLE, S.SUBTITLE, S.H1, S.H2, S.LIST_BULLET, S.LIST_NUMBER, S.HEADER, S.FOOTER,
                  S.FOOTNOTE_TEXT, S.FOOTNOTE_REF, S.TOC_HEADING, S.TOC1, S.TOC2, S.HYPERLINK}


def ensure_language(doc: Document, lang: str = LANGUAGE) -> None:
    """Give the document a default language when the reference has none (spell checking)."""
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    styles_el = _styles_element(doc)
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        el = OxmlElement("w:lang")
        el.set(qn("w:val"), lang)
        rpr.append(el)  # w:lang comes late in rPr; appending keeps the schema order here
