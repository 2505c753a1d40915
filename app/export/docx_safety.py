"""A Word package that cannot make Word contact anyone, and that is not unpacked when it would be huge.

A reference document comes from someone else and is stored in a shared file,
so every export would carry what it holds. Word follows external
relationships when it opens a document: an `attachedTemplate` pointing to
http://… is fetched, and on Windows a UNC path (\\\\server\\share) sends the
user's credentials hash to that server. Every relationship with
TargetMode="External" is removed, with the attributes that point to it, and
so is `w:attachedTemplate`. Fields that fetch something when Word updates them
(INCLUDEPICTURE and INCLUDETEXT with a path or URL in their code, and their
kin: see FETCHING_FIELDS) are unlinked: the field code goes, the result Word
last showed stays as ordinary content. The rest of the package is copied unchanged.

The unpacked size is the sum of the sizes each zip entry declares; Python's
zipfile never inflates an entry beyond its declared size, so the sum bounds
what unpacking can cost and a zip bomb is refused before it is opened.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any
from app.i18n import tr

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# Fields whose update reaches outside the document: a picture or text from a path or URL (INCLUDEPICTURE,
# INCLUDETEXT, and their old names IMPORT and INCLUDE), a link to another file (LINK), a conversation with
# another program (DDE, DDEAUTO), a query of a database (DATABASE).
FETCHING_FIELDS = frozenset({"INCLUDEPICTURE", "INCLUDETEXT", "IMPORT", "INCLUDE", "LINK", "DDE", "DDEAUTO",
                             "DATABASE"})
_FIELD_PARTS = (b"instrText", b"fldSimple")  # a part holds fields only if it names one of these
_NESTED = "\0"  # where a field's code holds another field


class UnsafePackage(ValueError):
    """The package would be too large unpacked; str() is Swedish."""


def check_unpacked_size(data: bytes, name: str) -> zipfile.ZipFile:
    """The zip in `data`, after checking what unpacking it would cost (nothing is inflated here).
    Raises zipfile.BadZipFile for what is not a zip, as opening it would."""
    package = zipfile.ZipFile(io.BytesIO(data))
    entries = package.infolist()
    total = sum(info.file_size for info in entries)
    if len(entries) > MAX_ENTRIES or total > MAX_UNPACKED_BYTES:
        raise UnsafePackage(tr(
            "”{name}” skulle bli {mb} MB i {parts} delar när den packas upp; "
            "en Word-mall får bli högst {most} MB. Den används inte. "
            "Spara mallen på nytt i Word, utan stora inbäddade filer, och välj den igen.",
            name=name, mb=total // (1024 * 1024), parts=len(entries), most=MAX_UNPACKED_BYTES // (1024 * 1024)))
    return package


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


def _rels_owner(rels_name: str) -> str:
    """The part a .rels file belongs to: word/_rels/settings.xml.rels -> word/settings.xml."""
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file.removesuffix(".rels")


def _fetches(code: str) -> bool:
    """Whether a field with this code fetches. A name made by another field (the code begins with
    one, or one follows the first letters at once) is taken to."""
    match = re.match(r"\s*([A-Za-z]*)(\0?)", code)
    return match is not None and (bool(match.group(2)) or match.group(1).upper() in FETCHING_FIELDS)


def _unlink_fetching_fields(root: Any) -> bool:
    """Unlink every fetching field in the part `root`: its code is removed, its last result stays.
    Returns whether anything was removed."""
    w = f"{{{_W_NS}}}"
    changed = False
    for simple in list(root.iter(f"{w}fldSimple")):
        if _fetches(simple.get(f"{w}instr") or ""):
            parent = simple.getparent()
            at = parent.index(simple)
            for child in list(simple):  # the result's runs take the field's place
                if child.tag != f"{w}fldData":
                    parent.insert(at, child)
                    at += 1
            parent.remove(simple)
            changed = True
    # A complex field is runs in document order: begin, its code (instrText, perhaps other fields),
    # separate, its result, end. The runs from begin to separate (or to end, without a result) go,
    # and the end's run; the result's runs stay.
    stack: list[dict[str, Any]] = []
    doomed: list[tuple[Any, Any, Any]] = []  # (begin, last element of the code, end)
    for el in root.iter(f"{w}fldChar", f"{w}instrText"):
        if el.tag == f"{w}instrText":
            if stack and stack[-1]["separate"] is None:
                stack[-1]["code"].append(el.text or "")
            continue
        kind = el.get(f"{w}fldCharType")
        if kind == "begin":
            if stack and stack[-1]["separate"] is None:
                stack[-1]["code"].append(_NESTED)
            stack.append({"begin": el, "code": [], "separate": None})
        elif kind == "separate" and stack:
            stack[-1]["separate"] = el
        elif kind == "end" and stack:
            field = stack.pop()
            if _fetches("".join(field["code"])):
                doomed.append((field["begin"], field["separate"] if field["separate"] is not None else el, el))
    if not doomed:
        return changed
    runs = list(root.iter(f"{w}r"))
    order = {id(r): n for n, r in enumerate(runs)}

    def run_of(el: Any) -> Any:
        parent = el.getparent()
        return parent if parent is not None and parent.tag == f"{w}r" else el

    gone: list[Any] = []
    for begin, code_end, end in doomed:
        first, last = run_of(begin), run_of(code_end)
        if id(first) in order and id(last) in order:
            gone += runs[order[id(first)]:order[id(last)] + 1]
        else:
            gone += [first, last]
        gone.append(run_of(end))
    for el in gone:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    return True


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
        fields = any(word in raw for word in _FIELD_PARTS)
        if not ids and b"attachedTemplate" not in raw and not fields:
            continue
        root = etree.fromstring(raw, _parser())
        changed = bool(ids)
        for el in list(root.iter(f"{{{_W_NS}}}attachedTemplate")):
            el.getparent().remove(el)
            changed = True
        for el in root.iter():
            for attr in [a for a in el.attrib if a.startswith(f"{{{_R_NS}}}")]:
                if el.get(attr) in ids:
                    del el.attrib[attr]
        if fields and _unlink_fetching_fields(root):
            changed = True
        if changed:
            rewritten[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not rewritten:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in package.infolist():
            dst.writestr(info, rewritten.get(info.filename) or package.read(info.filename))
    return out.getvalue()
