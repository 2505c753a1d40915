"""A Word package that cannot make Word contact anyone, and that is not unpacked when it would be huge.

A reference document comes from someone else and is stored in a shared file,
so every export would carry what it holds. Word follows external
relationships when it opens a document: an `attachedTemplate` pointing to
http://… is fetched, and on Windows a UNC path (\\\\server\\share) sends the
user's credentials hash to that server. Every relationship with
TargetMode="External" is removed, with the attributes that point to it, and
so is `w:attachedTemplate`; the rest of the package is copied unchanged.

The unpacked size is the sum of the sizes each zip entry declares; Python's
zipfile never inflates an entry beyond its declared size, so the sum bounds
what unpacking can cost and a zip bomb is refused before it is opened.
"""

from __future__ import annotations

import io
import zipfile

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class UnsafePackage(ValueError):
    """The package would be too large unpacked; str() is Swedish."""


def check_unpacked_size(data: bytes, name: str) -> zipfile.ZipFile:
    """The zip in `data`, after checking what unpacking it would cost (nothing is inflated here).
    Raises zipfile.BadZipFile for what is not a zip, as opening it would."""
    package = zipfile.ZipFile(io.BytesIO(data))
    entries = package.infolist()
    total = sum(info.file_size for info in entries)
    if len(entries) > MAX_ENTRIES or total > MAX_UNPACKED_BYTES:
        raise UnsafePackage(
            f"”{name}” skulle bli {total // (1024 * 1024)} MB i {len(entries)} delar när den packas upp; "
            f"en Word-mall får bli högst {MAX_UNPACKED_BYTES // (1024 * 1024)} MB. Den används inte. "
            "Spara mallen på nytt i Word, utan stora inbäddade filer, och välj den igen."
        )
    return package


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


def _rels_owner(rels_name: str) -> str:
    """The part a .rels file belongs to: word/_rels/settings.xml.rels -> word/settings.xml."""
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file.removesuffix(".rels")


def strip_external(data: bytes, name: str) -> bytes:
    """`data` (a .docx/.dotx) without external relationships and attachedTemplate.

    Raises UnsafePackage for a zip bomb; a damaged package raises what zipfile or lxml raise."""
    from lxml import etree

    package = check_unpacked_size(data, name)
    parts = {info.filename: info for info in package.infolist()}
    dropped: dict[str, set[str]] = {}  # part -> relationship ids removed
    rewritten: dict[str, bytes] = {}
    for part in parts:
        if not part.endswith(".rels"):
            continue
        root = etree.fromstring(package.read(part), _parser())
        gone = set()
        for rel in list(root):
            if (rel.get("TargetMode") or "").lower() == "external" or rel.get("Type", "").endswith(
                    "/attachedTemplate"):
                gone.add(rel.get("Id"))
                root.remove(rel)
        if gone:
            dropped[_rels_owner(part)] = gone
            rewritten[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    for part in parts:
        if not part.endswith(".xml") or part in rewritten:
            continue
        raw = package.read(part)
        ids = dropped.get(part, set())
        if not ids and b"attachedTemplate" not in raw:
            continue
        root = etree.fromstring(raw, _parser())
        for el in list(root.iter(f"{{{_W_NS}}}attachedTemplate")):
            el.getparent().remove(el)
        for el in root.iter():
            for attr in [a for a in el.attrib if a.startswith(f"{{{_R_NS}}}")]:
                if el.get(attr) in ids:
                    del el.attrib[attr]
        rewritten[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not rewritten:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in package.infolist():
            dst.writestr(info, rewritten.get(info.filename) or package.read(info.filename))
    return out.getvalue()
