"""Starting the document from a reference (an organisation's .docx or .dotx).

The reference gives styles, page setup, headers with the logo, footers and fonts. Its
body is emptied (keeping the last section's properties), its footnotes, endnotes and
comments go with it, and a template (.dotx/.dotm) becomes a document: the main part's
content type is switched and any macro project is left out, since a .docx may hold none.
External relationships and an attached template are removed first (app.export.docx_safety).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from app.i18n import tr

from app.export.docx_safety import UnsafePackage, strip_external
from app.export.result import ExportError
from app.resources import resource_path

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["DEFAULT_REFERENCE", "open_reference", "text_width"]

DEFAULT_REFERENCE = resource_path("reference.docx")

_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_MACRO_RELS = ("vbaProject", "keyMapCustomizations", "wordVbaData")


def _as_document_package(data: bytes) -> bytes:
    """A template's or macro document's bytes rewritten as a plain .docx package."""
    src = zipfile.ZipFile(io.BytesIO(data))
    types = src.read("[Content_Types].xml").decode("utf-8")
    if not any(ct in types for ct in _OTHER_MAINS):
        return data
    for ct in _OTHER_MAINS:
        types = types.replace(ct, _DOCUMENT_MAIN)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            name = info.filename
            blob = types.encode("utf-8") if name == "[Content_Types].xml" else src.read(name)
            dst.writestr(info, blob)
    return out.getvalue()


def _drop_macro_rels(doc: Document) -> None:
    """A macro project left unreachable is not written out with the document."""
    for rel in list(doc.part.rels.values()):
        if any(rel.reltype.endswith(x) for x in _MACRO_RELS):
            doc.part.drop_rel(rel.rId)


def _empty_body(doc: Document) -> None:
    """Remove all content, keeping the final section properties (page setup, headers)."""
    from docx.oxml.ns import qn

    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _drop_comments(doc: Document) -> None:
    for rel in list(doc.part.rels.values()):
        if rel.reltype.endswith("/comments") or rel.reltype.endswith("/commentsExtended") \
                or rel.reltype.endswith("/commentsIds") or rel.reltype.endswith("/commentsExtensible"):
            doc.part.drop_rel(rel.rId)


def open_reference(reference: Path | None) -> Document:
    """A document to write into: the reference's look with an empty body."""
    import docx

    from app.export.docx_footnotes import reset_notes_parts

    path = reference if reference is not None else DEFAULT_REFERENCE
    if reference is None and not path.exists():
        doc = docx.Document()  # python-docx's own template, set to A4 below
        _a4(doc)
    else:
        try:
            data = Path(path).read_bytes()
            if reference is not None:  # someone else's file: cleaned again, whatever was stored
                data = strip_external(data, Path(path).name)
            doc = docx.Document(io.BytesIO(_as_document_package(data)))
        except UnsafePackage as err:
            raise ExportError(str(err)) from None
        except FileNotFoundError:
            raise ExportError(tr("Mallen {path} finns inte. Välj en annan Word-fil som mall.", path=path)) from None
        except (OSError, zipfile.BadZipFile, KeyError, ValueError) as err:
            raise ExportError(tr(
                "Mallen {name} kunde inte läsas som ett Word-dokument (.docx eller .dotx). "
                "Öppna den i Word och spara den som .docx, eller välj en annan mall. ({error})",
                name=Path(path).name, error=err)) from None
        except Exception as err:  # noqa: BLE001 - lxml errors and other damage in someone else's file
            raise ExportError(tr("Mallen {name} är skadad och kunde inte användas ({error}). Välj en annan mall.",
                                 name=Path(path).name, error=type(err).__name__)) from None
    _drop_macro_rels(doc)
    _empty_body(doc)
    _drop_comments(doc)
    reset_notes_parts(doc)
    return doc


def _a4(doc: Document) -> None:
    from docx.shared import Cm

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.25)


def text_width(doc: Document) -> int:
    """Twips between the margins of the last section (16 cm when the reference is silent)."""
    section = doc.sections[-1]
    try:
        width = section.page_width - section.left_margin - section.right_margin
        twips = int(width / 635)  # EMU → twips
    except TypeError:
        twips = 0
    return twips if twips > 1000 else 9072
