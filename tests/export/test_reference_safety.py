"""A stored Word reference cannot make Word contact anyone, and a zip bomb is refused unopened."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from app.export.docx_export import export_docx
from app.export.docx_reference import DEFAULT_REFERENCE
from app.export.docx_safety import MAX_UNPACKED_BYTES, strip_external
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
