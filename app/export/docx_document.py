"""The whole Word document: title page, sections in the plan's order, signature block,
page frame and properties. The parts live in the docx_* modules beside this one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import markup
from app.export import docx_decision, docx_decision_points, docx_gantt, docx_people, docx_registers, docx_timeline
from app.export.docx_context import CM, Context
from app.export.docx_fields import TocEntry, add_bookmark, add_toc, page_frame
from app.export.docx_properties import set_properties
from app.export.docx_reference import open_reference, text_width
from app.export.docx_styles import S, ensure_language, ensure_styles
from app.export.docx_tables import Cell
from app.export.docx_text import Writer
from app.export.docx_xml import W
from app.export.plan_data import PlanData, as_text, format_date
from app.export.sanitize import Sanitizer

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["CONTENT", "OutlineEntry", "build_document", "outline"]

# content kind → (has rows?, render)
CONTENT: dict[str, tuple[Callable[[Context], bool], Callable[[Context], None]]] = {
    **docx_timeline.CONTENT,
    **docx_people.CONTENT,
    **docx_registers.CONTENT,
    **docx_decision.CONTENT,
    **docx_decision_points.CONTENT,
    **docx_gantt.CONTENT,
}


@dataclass(frozen=True)
class OutlineEntry:
    section: dict
    level: int  # 1 or 2
    number: str  # "1.", "1.1." or "" for an unnumbered section
    heading: str  # with its number
    content: str  # the content kind to render, "" for none
    empty_text: str  # shown instead of everything else, "" when the section has content
    bookmark: str


def _has_markup(value: Any) -> bool:
    return bool(markup.parse(as_text(value)))


def outline(ctx: Context) -> list[OutlineEntry]:
    """Which sections are written, with their numbers.

    An empty optional section shows its ``empty_text`` or is left out; a left-out
    section takes no number. A main section whose subsections are written is kept."""
    clean = ctx.writer.clean
    drafts = []
    for section in ctx.plan.sections():
        kind = as_text(section.get("content"))
        if kind and kind not in CONTENT:
            message = f"Avsnittet ”{clean.line(section.get('heading'))[:60]}” har okänt innehåll ”{clean.line(kind)[:40]}”; det hoppades över."
            if message not in ctx.warnings:
                ctx.warnings.append(message)
        has_table = kind in CONTENT and CONTENT[kind][0](ctx)
        empty = not (has_table or _has_markup(section.get("body")) or _has_markup(section.get("body_after")))
        level = 2 if section.get("level") == 2 else 1
        drafts.append((section, level, kind if has_table else "", empty))

    keep: list[bool] = []
    for k, (section, level, _, empty) in enumerate(drafts):
        show = not empty or not section.get("optional") or bool(as_text(section.get("empty_text")).strip())
        if not show and level == 1:  # kept if one of its subsections is written
            for child, child_level, _, child_empty in drafts[k + 1:]:
                if child_level == 1:
                    break
                if not child_empty or not child.get("optional") or as_text(child.get("empty_text")).strip():
                    show = True
                    break
        keep.append(show)

    entries = []
    major = minor = 0
    for (section, level, kind, empty), show in zip(drafts, keep, strict=True):
        if not show:
            continue
        number = ""
        if section.get("numbered", True) is not False:
            if level == 1:
                major, minor = major + 1, 0
                number = f"{major}."
            else:
                minor += 1
                number = f"{major}.{minor}."
        title = clean.line(section.get("heading"))
        heading = f"{number} {title}".strip() if number else title
        empty_text = as_text(section.get("empty_text")) if empty and section.get("optional") else ""
        entries.append(OutlineEntry(section, level, number, heading, kind, empty_text,
                                    f"_Toc{len(entries) + 1:08d}"))
    return entries


# --- title page --------------------------------------------------------------------


def _title_page(ctx: Context) -> None:
    plan = ctx.plan
    if plan.meta("programme").strip():
        ctx.paragraph(plan.meta("programme"), S.PROGRAMME)
    ctx.paragraph(plan.doc_type_label, S.DOC_TYPE)
    ctx.paragraph(plan.title, S.TITLE)
    if plan.meta("subtitle").strip():
        ctx.paragraph(plan.meta("subtitle"), S.SUBTITLE)
    if plan.meta("organisation").strip():
        ctx.paragraph(plan.meta("organisation"), S.ORGANISATION)
    _metadata_table(ctx)


def _metadata_table(ctx: Context) -> None:
    plan = ctx.plan
    rows = [
        ("Organisation", plan.meta("organisation")),
        ("Diarienummer", plan.meta("diarienummer")),
        ("Datum", format_date(plan.metadata.get("document_date"))),
        ("Dokumenttyp", plan.doc_type_label),
        ("Uppdrag", plan.meta("assignment")),
        ("Utgåva", plan.meta("edition")),
    ]
    if plan.meta("version").strip():
        rows.append(("Version", plan.meta("version")))
    if plan.authors:
        rows.append(("Författare", "\n".join(plan.authors)))
    table = ctx.table([3.2, 7.3], total=min(ctx.text_width, int(10.5 * CM)))
    for label, value in rows:
        table.row([Cell(label, shade="EEF1F6", style=S.TABLE_HEAD), value], keep_together=True)


# --- sections ------------------------------------------------------------------------


def _body_ends_with_table(doc: Document) -> bool:
    body = doc.element.body
    last = body[-1] if len(body) else None
    if last is not None and last.tag == W.SECTPR:
        last = last.getprevious()
    return last is not None and last.tag == W.TBL


def _render_section(ctx: Context, entry: OutlineEntry, page_break: bool, bookmark_id: int | None) -> None:
    w = ctx.writer
    p = ctx.paragraph(entry.heading, S.H1 if entry.level == 1 else S.H2)
    if page_break:
        p.paragraph_format.page_break_before = True
    if bookmark_id is not None:
        add_bookmark(p, entry.bookmark, bookmark_id)
    if entry.empty_text:
        ctx.paragraph(entry.empty_text, S.NORMAL)
        return
    w.markup(ctx.body, entry.section.get("body"))
    if entry.content:
        CONTENT[entry.content][1](ctx)
        if _body_ends_with_table(ctx.doc):
            ctx.paragraph("", S.NOTE)
    w.markup(ctx.body, entry.section.get("body_after"))


def build_document(plan_dict: Any, *, reference: Path | None = None, toc: bool = False,
                   risk_scale: int = 4, toc_field: bool = True, checklists: bool = False
                   ) -> tuple[Document, list[str]]:
    """The finished python-docx document and the export's Swedish warnings. ``checklists`` adds
    the decision points' answered checklists as an appendix.

    ``toc_field=False`` writes the table of contents without the TOC field around it
    (see docx_fields.add_toc): for LibreOffice's PDF conversion only."""
    clean = Sanitizer()
    doc = open_reference(reference)
    styles = ensure_styles(doc)
    ensure_language(doc)
    writer = Writer(doc, styles, clean)
    plan = PlanData(plan_dict)
    scale = risk_scale if isinstance(risk_scale, int) and 1 <= risk_scale <= 10 else 4
    ctx = Context(doc, writer, plan, text_width(doc), scale)

    entries = outline(ctx)
    _title_page(ctx)
    page_break = True
    if toc:
        toc_heading = add_toc(writer, doc, [TocEntry(e.level, e.heading, e.bookmark) for e in entries],
                              field=toc_field)
        toc_heading.paragraph_format.page_break_before = True
    for k, entry in enumerate(entries):
        _render_section(ctx, entry, page_break, k + 1 if toc else None)
        page_break = False
    if docx_decision.has_signature(ctx):
        docx_decision.render_signature(ctx)
    if checklists and docx_decision_points.has_checklists(ctx):
        docx_decision_points.render_checklists(ctx)
    if _body_ends_with_table(doc):
        ctx.paragraph("", S.NOTE)

    organisation = plan.meta("organisation")
    right = plan.doc_type_label
    if plan.meta("diarienummer").strip():
        right = f"{right}, Dnr {plan.meta('diarienummer')}"
    edition = plan.meta("edition").strip()
    footer_left = plan.title + (f", utgåva {edition}" if edition else "")
    page_frame(writer, doc, organisation, right, footer_left, ctx.text_width)
    set_properties(doc, plan, clean)
    return doc, clean.warnings() + ctx.warnings
