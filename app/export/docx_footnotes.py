"""Real Word footnotes (python-docx has no API for them, so the part is built here).

The footnotes part holds two special notes (the separator line and its continuation)
and then one ``w:footnote`` per note; the body refers to a note with a
``w:footnoteReference`` run. A reference document's own footnotes part is reused for
its separators; its ordinary notes belonged to the emptied body and are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

__all__ = ["Footnotes", "reset_notes_parts"]

_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)

# w:settings children that come after w:footnotePr (schema order)
_SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def _notes_rel(doc: Document, reltype: str):
    for rel in list(doc.part.rels.values()):
        if rel.reltype == reltype and not rel.is_external:
            return rel
    return None


def reset_notes_parts(doc: Document) -> None:
    """Drop the reference's own footnotes and endnotes (their anchors left with its body),
    keeping the separator notes; replace the parts by editable XML parts."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    for reltype, content_type, tag in ((RT.FOOTNOTES, CT.WML_FOOTNOTES, "w:footnote"),
                                       (RT.ENDNOTES, CT.WML_ENDNOTES, "w:endnote")):
        rel = _notes_rel(doc, reltype)
        if rel is None:
            continue
        old = rel.target_part
        element = parse_xml(old.blob)
        for note in list(element.iterchildren(qn(tag))):
            if note.get(qn("w:type")) in (None, "normal"):
                element.remove(note)
        doc.part.drop_rel(rel.rId)
        doc.part.relate_to(XmlPart(old.partname, content_type, element, doc.part.package), reltype)


class Footnotes:
    """Adds footnotes to the document; the part is created on the first note."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._part = None
        self._next_id = 1

    @property
    def part(self):
        if self._part is None:
            self._part = self._get_or_create_part()
        return self._part

    def _get_or_create_part(self):
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        rel = _notes_rel(self._doc, RT.FOOTNOTES)
        if rel is not None and isinstance(rel.target_part, XmlPart):
            part = rel.target_part
        else:
            element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{_SEPARATORS}</w:footnotes>")
            taken = {str(p.partname) for p in self._doc.part.package.iter_parts()}
            name, k = "/word/footnotes.xml", 1
            while name in taken:
                k += 1
                name = f"/word/footnotes{k}.xml"
            part = XmlPart(PackURI(name), CT.WML_FOOTNOTES, element, self._doc.part.package)
            self._doc.part.relate_to(part, RT.FOOTNOTES)
            self._declare_separators()
        ids = [int(n.get(qn("w:id"))) for n in part.element.iterchildren(qn("w:footnote"))
               if (n.get(qn("w:id")) or "").lstrip("-").isdigit()]
        self._next_id = max(ids + [0]) + 1
        return part

    def _declare_separators(self) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        settings = self._doc.settings.element
        if settings.find(qn("w:footnotePr")) is None:
            el = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
            settings.insert_element_before(el, *_SETTINGS_AFTER_FOOTNOTEPR)

    def add(self, paragraph: Paragraph, ref_style_id: str, text_style_id: str) -> Paragraph:
        """Put a footnote mark at the end of ``paragraph``; return the note's (empty)
        paragraph, in which the caller writes the note's text."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls
        from docx.text.paragraph import Paragraph

        part = self.part
        note_id = self._next_id
        self._next_id += 1
        paragraph._p.append(parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="{ref_style_id}"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>'))
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="{text_style_id}"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{ref_style_id}"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:footnote>')
        part.element.append(note)
        return Paragraph(note[0], part)
