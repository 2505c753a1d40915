"""Public entry point of the Word export.

    export_docx(plan, Path("uppdrag.docx"))  →  ExportResult(path, warnings)

``plan`` is the plain dict of the plan JSON format (docs/plan-format.md), exactly what
``json.load`` gives; the export never touches the database. python-docx is imported
only when an export runs, so the command line starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.export.result import ExportError, ExportResult, save_beside

__all__ = ["ExportError", "ExportResult", "export_docx", "write_docx"]


def export_docx(plan: dict[str, Any], out: Path, *, reference: Path | None = None, toc: bool = False,
                risk_scale: int = 4, draft_mark: bool = True, checklists: bool = False) -> ExportResult:
    """Write ``plan`` as a Word document to ``out``.

    ``reference`` is an organisation's .docx or .dotx whose styles, page setup, header
    (logo) and fonts are used; by default app/resources/reference.docx. ``toc`` adds a
    table of contents after the title page. ``risk_scale`` is the top of the risk
    scale (4 for 1–4). ``draft_mark`` prints "UTKAST" in the header of a draft. ``checklists`` adds the
    decision points' answered checklists as an appendix. Warnings (in Swedish) say what had to be changed,
    such as removed control characters. Raises ExportError with a Swedish message when the
    reference cannot be read or the file cannot be written.
    """
    return write_docx(plan, Path(out), reference=reference, toc=toc, risk_scale=risk_scale, draft_mark=draft_mark,
                      checklists=checklists)


def write_docx(plan: dict[str, Any], out: Path, *, reference: Path | None = None, toc: bool = False,
               risk_scale: int = 4, toc_field: bool = True, draft_mark: bool = True,
               checklists: bool = False) -> ExportResult:
    """export_docx with the choice of TOC form (the PDF export wants page numbers that
    LibreOffice computes; see docx_fields.add_toc)."""
    from app.export.docx_document import build_document

    doc, warnings = build_document(plan, reference=Path(reference) if reference else None, toc=toc,
                                   risk_scale=risk_scale, toc_field=toc_field, draft_mark=draft_mark,
                                   checklists=checklists)
    save_beside(out, doc.save, program="Word")
    return ExportResult(out, warnings)
