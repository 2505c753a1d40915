"""An organisation's own look: the reference .docx/.dotx gives styles, page, header logo."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from app.export.docx_export import export_docx
from app.export.docx_reference import DEFAULT_REFERENCE
from app.export.result import ExportError
from tests.export.fixtures import ROOT, W, body_texts, numbered_headings, open_docx, part_names, part_xml, small_plan

NS = {"w": W[1:-1]}


def _png() -> bytes:
    """A small blue square, the organisation's "logo"."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x1f\x4e\x79" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _reference(tmp_path: Path, *, logo: bool = False, footer_page: bool = False, body: bool = True,
               font: str = "Georgia", swedish_ids: bool = False, footnote: bool = False) -> Path:
    """A reference made the way an organisation would: from the default, changed in 'Word'."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt

    doc = docx.Document(str(DEFAULT_REFERENCE))
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(12)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(3)
    if logo:
        section.header.paragraphs[0].add_run().add_picture(io.BytesIO(_png()), width=Cm(3))
    if footer_page:
        p = section.footer.paragraphs[0]
        p.add_run("Sidan ")
        p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    if body:
        doc.add_paragraph("Mallens exempeltext som inte ska följa med")
        doc.add_table(rows=1, cols=1).rows[0].cells[0].text = "Malltabell"
    if swedish_ids:  # Swedish Word: name "heading 1", id "Rubrik1"
        for el in doc.styles.element.iterchildren(qn("w:style")):
            if el.get(qn("w:styleId")) in ("Heading1", "Heading2"):
                el.set(qn("w:styleId"), el.get(qn("w:styleId")).replace("Heading", "Rubrik"))
    out = tmp_path / "mall.docx"
    doc.save(str(out))
    if footnote:
        _add_reference_footnote(out)
    return out


def _add_reference_footnote(path: Path) -> None:
    """Give the reference a footnotes part with separators and one ordinary note."""
    notes = (f'<w:footnotes xmlns:w="{W[1:-1]}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
             '</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
             '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Mallens fotnot'
             '</w:t></w:r></w:p></w:footnote></w:footnotes>')
    src = zipfile.ZipFile(path)
    items = {i.filename: src.read(i.filename) for i in src.infolist()}
    src.close()
    items["word/footnotes.xml"] = notes.encode()
    items["[Content_Types].xml"] = items["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.wordprocessingml.footnotes+xml"/></Types>')
    items["word/_rels/document.xml.rels"] = items["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
                             b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, blob in items.items():
            dst.writestr(name, blob)


def _as_template(path: Path, suffix: str = ".dotx") -> Path:
    out = path.with_suffix(suffix)
    src = zipfile.ZipFile(path)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            dst.writestr(info, blob)
    return out


def test_default_reference_is_a4_swedish_and_sober():
    import docx

    doc = docx.Document(str(DEFAULT_REFERENCE))
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == round(section.right_margin.cm, 2) == 2.5
    defaults = doc.styles.element.find(W + "docDefaults")
    assert defaults.xpath(".//w:lang/@w:val", namespaces=NS) == ["sv-SE"]
    assert defaults.xpath(".//w:rFonts/@w:ascii", namespaces=NS) == ["Arial"]
    for name in ("Heading 1", "Heading 2", "Tabelltext", "Tabellrubrik", "List Bullet", "Title"):
        assert doc.styles[name].element.xpath("./w:rPr/w:lang/@w:val") == ["sv-SE"], name
    assert not doc.paragraphs or not any(p.text for p in doc.paragraphs)


def test_default_reference_is_what_the_script_makes(tmp_path):
    """app/resources/reference.docx is generated by app/resources/make_reference_docx.py (committed together)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_reference", ROOT / "app" / "resources" / "make_reference_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.build(tmp_path / "ref.docx")
    for part in ("word/styles.xml", "word/document.xml", "word/settings.xml", "word/numbering.xml"):
        with zipfile.ZipFile(fresh) as a, zipfile.ZipFile(DEFAULT_REFERENCE) as b:
            assert a.read(part) == b.read(part), f"{part} differs: run app/resources/make_reference_docx.py"


def test_reference_styles_page_and_empty_body(tmp_path):
    ref = _reference(tmp_path)
    export_docx(small_plan(), tmp_path / "out.docx", reference=ref)
    doc = open_docx(tmp_path / "out.docx")
    assert doc.styles["Normal"].font.name == "Georgia"
    assert round(doc.sections[0].left_margin.cm, 1) == 3.0
    assert "Mallens exempeltext som inte ska följa med" not in body_texts(doc)
    assert not any(c.text == "Malltabell" for t in doc.tables for c in t.rows[0].cells)
    widths = [int(g.get(W + "w")) for g in doc.tables[2]._tbl.xpath("./w:tblGrid/w:gridCol")]
    assert abs(sum(widths) - 15 * 567) < 20  # tables fit the reference's narrower text width


def test_dotx_reference_becomes_a_document(tmp_path):
    ref = _as_template(_reference(tmp_path))
    export_docx(small_plan(), tmp_path / "out.docx", reference=ref)
    types = zipfile.ZipFile(tmp_path / "out.docx").read("[Content_Types].xml")
    assert b"document.main+xml" in types and b"template.main+xml" not in types
    assert open_docx(tmp_path / "out.docx").styles["Normal"].font.name == "Georgia"


def test_logo_in_the_reference_header_is_kept_with_our_line(tmp_path):
    ref = _reference(tmp_path, logo=True)
    export_docx(small_plan(), tmp_path / "out.docx", reference=ref)
    doc = open_docx(tmp_path / "out.docx")
    header = doc.sections[0].header
    assert header._element.xpath(".//pic:pic")
    assert header.paragraphs[-1].text == "Region Test\tProjektplan, Dnr RT 2025/17"
    assert any(n.startswith("word/media/") for n in part_names(tmp_path / "out.docx"))


def test_reference_footer_with_its_own_page_number_is_not_doubled(tmp_path):
    ref = _reference(tmp_path, footer_page=True)
    export_docx(small_plan(), tmp_path / "out.docx", reference=ref)
    footer = open_docx(tmp_path / "out.docx").sections[0].footer
    assert footer.paragraphs[0].text.startswith("Sidan")
    assert not any("Sida " in p.text for p in footer.paragraphs)


def test_localised_heading_ids_are_used(tmp_path):
    ref = _reference(tmp_path, swedish_ids=True)
    export_docx(small_plan(), tmp_path / "out.docx", reference=ref)
    doc = open_docx(tmp_path / "out.docx")
    ids = {p.style.style_id for p in doc.paragraphs if p.style.name == "Heading 1"}
    assert ids == {"Rubrik1"}
    assert [h for _, h in numbered_headings(doc)][:2] == ["Sammanfattning", "1. Bakgrund"]


def test_reference_without_our_styles_or_lists_gets_them(tmp_path):
    import docx

    plain = docx.Document()  # python-docx's own template: none of our custom styles
    plain.save(str(tmp_path / "plain.docx"))
    export_docx(small_plan(), tmp_path / "out.docx", reference=tmp_path / "plain.docx")
    doc = open_docx(tmp_path / "out.docx")
    for name in ("Tabelltext", "Tabellrubrik", "Uppdragstabell", "Gantttext", "Underskrift", "footnote text"):
        assert doc.styles[name] is not None
    assert doc.tables[1].style.name == "Uppdragstabell"


def test_reference_footnotes_are_replaced_but_separators_kept(tmp_path):
    ref = _reference(tmp_path, footnote=True)
    export_docx(small_plan(), tmp_path / "out.docx", reference=ref)
    notes = part_xml(tmp_path / "out.docx", "word/footnotes.xml")
    texts = ["".join(n.itertext()).strip() for n in notes.iterchildren(W + "footnote")]
    assert "Mallens fotnot" not in texts
    assert "En fotnot med länk." in texts and "Ersätter Kim från maj" in texts
    assert len(notes.xpath("//w:footnote[@w:type='separator']", namespaces=NS)) == 1


@pytest.mark.parametrize("content", [b"inte en zip", b"PK\x03\x04trasig", b""])
def test_a_broken_reference_is_a_plain_message(tmp_path, content):
    bad = tmp_path / "mall.docx"
    bad.write_bytes(content)
    with pytest.raises(ExportError) as err:
        export_docx(small_plan(), tmp_path / "out.docx", reference=bad)
    message = str(err.value)
    assert "mall.docx" in message and "välj en annan mall" in message.lower()
    assert not (tmp_path / "out.docx").exists()


def test_a_missing_reference_is_a_plain_message(tmp_path):
    with pytest.raises(ExportError) as err:
        export_docx(small_plan(), tmp_path / "out.docx", reference=tmp_path / "borta.dotx")
    assert "finns inte" in str(err.value)
