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

__all__ = ["STATUS_LABELS", "revision_number", "set_properties"]

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


def set_properties(doc: Document, plan: PlanData, clean: Sanitizer) -> None:
    """Fill every core property; a reference document's own values never leak through."""
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
    cp.subject = _fit(clean.line(plan.meta("diarienummer")))
    authors = [a for a in (clean.line(x) for x in plan.authors) if a]
    cp.author = _fit(", ".join(authors))
    cp.last_modified_by = _fit(authors[0] if authors else "")
    cp.keywords = _fit(", ".join(x for x in (doc_type, organisation) if x))
    cp.category = _fit(doc_type)
    cp.comments = _fit(", ".join(comments))
    cp.content_status = _fit(STATUS_LABELS.get(plan.meta("status"), clean.line(plan.meta("status"))))
    cp.identifier = _fit(clean.line(plan.raw.get("uuid") or ""))
    cp.language = LANGUAGE
    cp.version = _fit(edition or version)
    cp.revision = revision_number(edition or version)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    created = _timestamp(plan.meta("created_at")) or now
    cp.created = created
    cp.modified = _timestamp(plan.meta("modified_at")) or created
