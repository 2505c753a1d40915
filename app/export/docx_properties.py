"""Document properties (File → Properties), which registry systems read on import."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from app import kinds
from app.export.docx_styles import LANGUAGE
from app.export.plan_data import PlanData
from app.export.sanitize import Sanitizer

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["STATUS_LABELS", "app_version", "revision_number", "set_app_properties", "set_properties"]

STATUS_LABELS = kinds.DOC_STATUSES  # the status as the registry reads it: the editor's label

_MAX_PROPERTY = 255  # python-docx's limit, and Word's (in UTF-16 units)


def revision_number(edition: str) -> int:
    """The revision number Word wants (a positive int) for an edition label.

    "1" → 1, "2" → 2, "0.3" → 3, "1.0" → 10, "1.2" → 12 (major × 10 + minor for a
    minor below 10; a larger minor is added as is: "1.12" → 22); anything else → 1.
    The exact label goes into the version property and the comments."""
    m = re.fullmatch(r"\s*([0-9]{1,6})(?:[.,]([0-9]{1,6}))?\s*", edition or "")
    if m is None:
        return 1
    major, minor = int(m[1]), int(m[2]) if m[2] is not None else None
    number = major if minor is None else major * 10 + minor
    return max(1, number)


def _fit(text: str) -> str:
    """Cut a property to 255 UTF-16 units, with an ellipsis when cut."""
    if len(text.encode("utf-16-le")) // 2 <= _MAX_PROPERTY:
        return text
    out = ""
    for ch in text:
        if len((out + ch).encode("utf-16-le")) // 2 > _MAX_PROPERTY - 1:
            break
        out += ch
    return out + "…"


def _timestamp(value: object) -> dt.datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    return stamp


_APP_XML = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_APP_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"


def app_version(version: str) -> str:
    """Word's form of a version, "XX.YYYY" ("1.4.2" → "01.0004"); "00.0000" when unknown."""
    numbers = [int(x) for x in re.findall(r"[0-9]+", version)[:2]] + [0, 0]
    return f"{min(numbers[0], 99):02d}.{min(numbers[1], 9999):04d}"


def _app_xml(company: str) -> bytes:
    """docProps/app.xml naming this program; no page or word counts (Word computes those)."""
    from xml.sax.saxutils import escape

    from app.version import get_version

    version = get_version()
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Application>{escape('Uppdrag ' + version)}</Application><DocSecurity>0</DocSecurity>"
            f"<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate>"
            f"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
            f"<AppVersion>{app_version(version)}</AppVersion></Properties>").encode()


def set_app_properties(doc: Document, company: str) -> None:
    """Replace the reference's extended properties ("Microsoft Macintosh Word", 1 page, 0 words)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = doc.part.package
    blob = _app_xml(company)
    for rel in package.rels.values():
        if rel.reltype == _APP_REL and not rel.is_external:
            rel.target_part._blob = blob
            return
    part = Part(PackURI("/docProps/app.xml"), _APP_XML, blob, package)
    package.relate_to(part, _APP_REL)


def set_properties(doc: Document, plan: PlanData, clean: Sanitizer, *, status: str = "") -> None:
    """Fill every core property and the extended ones; a reference document's own values never leak through.

    A records system reads the diarienummer from the subject and the keywords, the
    organisation from the company and the status from the content status."""
    cp = doc.core_properties
    edition = clean.line(plan.meta("edition"))
    version = clean.line(plan.meta("version"))
    organisation = clean.line(plan.meta("organisation"))
    doc_type = clean.line(plan.doc_type_label)
    comments = []
    if edition:
        comments.append(f"Utgåva {edition}")
    if version:
        comments.append(f"Version {version}")

    cp.title = _fit(clean.line(plan.title))
    diarienummer = clean.line(plan.meta("diarienummer"))
    cp.subject = _fit(diarienummer)
    authors = [a for a in (clean.line(x) for x in plan.authors) if a]
    cp.author = _fit(", ".join(authors))
    cp.last_modified_by = _fit(authors[0] if authors else "")
    cp.keywords = _fit(", ".join(x for x in (diarienummer, doc_type, organisation) if x))
    cp.category = _fit(doc_type)
    cp.comments = _fit(", ".join(comments))
    cp.content_status = _fit(clean.line(status) or STATUS_LABELS.get(plan.meta("status"), clean.line(plan.meta("status"))))
    cp.identifier = _fit(clean.line(plan.raw.get("uuid") or ""))
    cp.language = LANGUAGE
    cp.version = _fit(edition or version)
    cp.revision = revision_number(edition or version)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    created = _timestamp(plan.meta("created_at")) or now
    cp.created = created
    cp.modified = _timestamp(plan.meta("modified_at")) or created
    set_app_properties(doc, _fit(organisation))
