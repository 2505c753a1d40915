"""The whole Word document: title page, sections in the plan's order, signature block,
page frame and properties. The parts live in the docx_* modules beside this one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from app.i18n import tr

from app import kinds, markup
from app.export import (
    docx_baseline, docx_changes, docx_decision, docx_decision_points, docx_gantt, docx_people, docx_registers,
    docx_timeline,
)
from app.export.docx_context import CM, Context
from app.export.docx_fields import TocEntry, add_bookmark, add_toc, page_frame
from app.export.docx_headings import HeadingNumbering
from app.export.docx_keep import keep_tables_together, keep_with_previous, set_keep_next
from app.export.docx_properties import set_properties
from app.export.docx_reference import open_reference, text_width
from app.export.docx_styles import S, ensure_language, ensure_styles
from app.export.docx_tables import Cell
from app.export.docx_text import Writer
from app.export.docx_xml import W
from app.export.plan_data import PlanData, as_text, format_date, lower_month
from app.export.sanitize import Sanitizer

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["CONTENT", "OutlineEntry", "build_document", "edition_date", "empty_required", "outline", "status_label"]

# content kind → (has rows?, render)
CONTENT: dict[str, tuple[Callable[[Context], bool], Callable[[Context], None]]] = {
    **docx_timeline.CONTENT,
    **docx_people.CONTENT,
    **docx_registers.CONTENT,
    **docx_decision.CONTENT,
    **docx_decision_points.CONTENT,
    **docx_baseline.CONTENT,
    **docx_gantt.CONTENT,
}


@dataclass(frozen=True)
class OutlineEntry:
    section: dict
    level: int  # 1 or 2
    number: str  # "1.", "1.1." or "" for an unnumbered section (as our own list prints it)
    heading: str  # with its number, for the table of contents
    content: str  # the content kind to render, "" for none
    empty_text: str  # shown instead of everything else, "" when the section has content
    bookmark: str
    title: str = ""  # the heading's own text; Word's numbering puts the number before it


def _has_markup(value: Any) -> bool:
    return bool(markup.parse(as_text(value)))


def _shown_when_empty(section: dict) -> bool:
    """An empty section is written only when its template gives it a text for that ("Ej tillämpligt")."""
    return bool(as_text(section.get("empty_text")).strip())


def empty_required(ctx: Context) -> list[str]:
    """Headings of the required sections that have nothing to say, no text for that and no
    subsection that says something: the export leaves them out."""
    return [clean_heading for clean_heading, required in _empty_sections(ctx) if required]


def _empty_sections(ctx: Context) -> list[tuple[str, bool]]:
    drafts = _drafts(ctx)
    out = []
    for k, (section, _level, _, empty) in enumerate(drafts):
        if not empty or _shown_when_empty(section) or _has_written_child(drafts, k):
            continue
        out.append((ctx.writer.clean.line(section.get("heading")), not section.get("optional")))
    return out


def _has_written_child(drafts: list[tuple[dict, int, str, bool]], k: int) -> bool:
    if drafts[k][1] != 1:
        return False
    for child, child_level, _, child_empty in drafts[k + 1:]:
        if child_level == 1:
            return False
        if not child_empty or _shown_when_empty(child):
            return True
    return False


def _drafts(ctx: Context) -> list[tuple[dict, int, str, bool]]:
    """Every section with its level, the content kind it renders and whether it is empty."""
    clean = ctx.writer.clean
    drafts = []
    for section in ctx.plan.sections():
        kind = as_text(section.get("content"))
        if kind and kind not in CONTENT:
            message = tr("Avsnittet ”{heading}” har okänt innehåll ”{kind}”; det hoppades över.",
                         heading=clean.line(section.get("heading"))[:60], kind=clean.line(kind)[:40])
            if message not in ctx.warnings:
                ctx.warnings.append(message)
        has_table = kind in CONTENT and CONTENT[kind][0](ctx)
        empty = not (has_table or _has_markup(section.get("body")) or _has_markup(section.get("body_after")))
        level = 2 if section.get("level") == 2 else 1
        drafts.append((section, level, kind if has_table else "", empty))
    return drafts


def outline(ctx: Context) -> list[OutlineEntry]:
    """Which sections are written, with their numbers.

    An empty section shows its ``empty_text`` or is left out, required or not (a
    required one is reported before export, see app.registrar); a left-out section
    takes no number. A main section whose subsections are written is kept."""
    clean = ctx.writer.clean
    drafts = _drafts(ctx)
    entries = []
    major = minor = 0
    for k, (section, level, kind, empty) in enumerate(drafts):
        if empty and not _shown_when_empty(section) and not _has_written_child(drafts, k):
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
        empty_text = as_text(section.get("empty_text")) if empty and not _has_written_child(drafts, k) else ""
        entries.append(OutlineEntry(section, level, number, heading, kind, empty_text,
                                    f"_Toc{len(entries) + 1:08d}", title))
    return entries


# --- title page --------------------------------------------------------------------


def edition_date(plan: PlanData) -> str:
    """The date of the current edition: the frozen edition of that label, else the document's date."""
    label = plan.meta("edition").strip()
    if label:
        for edition in reversed(plan.items("editions")):
            if as_text(edition.get("label")).strip() == label and as_text(edition.get("date")).strip():
                return format_date(edition.get("date"))
    return format_date(plan.metadata.get("document_date"))


def status_label(plan: PlanData) -> str:
    status = plan.meta("status")
    return kinds.DOC_STATUSES.get(status, status)


def _title_page(ctx: Context) -> None:
    plan = ctx.plan
    if plan.meta("programme").strip():
        p = ctx.paragraph(plan.meta("programme"), S.PROGRAMME)
        keep_letters(p)
    ctx.paragraph(plan.doc_type_label, S.DOC_TYPE)
    ctx.paragraph(plan.title, S.TITLE)
    if plan.meta("subtitle").strip():
        ctx.paragraph(plan.meta("subtitle"), S.SUBTITLE)
    if plan.meta("organisation").strip():
        ctx.paragraph(plan.meta("organisation"), S.ORGANISATION)
    _metadata_table(ctx)


def keep_letters(paragraph: Any) -> None:
    """The user's own letters ("UPPDRAGiL"), whatever capitals a reference's style asks for."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for r in paragraph._p.iterchildren(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
        for name in ("w:caps", "w:smallCaps"):
            el = OxmlElement(name)
            el.set(qn("w:val"), "0")
            rpr.append(el)


def _metadata_table(ctx: Context) -> None:
    plan = ctx.plan
    edition = plan.meta("edition").strip()
    edition_day = edition_date(plan)
    rows = [
        ("Organisation", plan.meta("organisation")),
        ("Diarienummer", plan.meta("diarienummer")),
        ("Datum", format_date(plan.metadata.get("document_date"))),
        ("Dokumenttyp", plan.doc_type_label),
        (kinds.undertaking_label(plan.doc_type), plan.meta("assignment")),
        ("Utgåva", f"{edition} ({lower_month(edition_day)})" if edition and edition_day.strip() else edition),
        ("Status", status_label(plan)),
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


def _heading(ctx: Context, text: str, level: int, numbered: bool) -> Any:
    p = ctx.paragraph(text, S.H1 if level == 1 else S.H2)
    set_keep_next(p._p)  # also under a reference whose heading style lacks it
    if not numbered:
        HeadingNumbering.unnumbered(p)
    return p


def _render_section(ctx: Context, entry: OutlineEntry, page_break: bool, bookmark_id: int | None) -> None:
    w = ctx.writer
    if entry.content == "decision":
        keep_with_previous(ctx.doc)
    p = _heading(ctx, entry.title, entry.level, bool(entry.number))
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


def _after_sections(ctx: Context, entries: list[OutlineEntry], checklists: bool) -> None:
    """What follows the outline's sections: a decision without a section of its own, the
    signature, the checklists' appendix and the changes since the last edition."""
    doc = ctx.doc
    decision_section = any(e.content == "decision" for e in entries)
    if not decision_section and docx_decision.has_decision(ctx):
        # A decision recorded in the app is never lost: without a section for it, it goes last.
        keep_with_previous(doc)
        _heading(ctx, "Beslut", 1, False)
        docx_decision.render_decision(ctx)
        ctx.warnings.append(tr("Planen har inget avsnitt för beslutet; beslutet skrevs sist i dokumentet. "
                               "Lägg till avsnittet Beslut för att välja var det står."))
    elif not decision_section and docx_decision.has_signature(ctx):
        docx_decision.render_signature(ctx)
    if checklists and docx_decision_points.has_checklists(ctx):
        docx_decision_points.render_checklists(ctx)
    if docx_changes.has_changes(ctx):
        docx_changes.render_changes(ctx)
    if _body_ends_with_table(doc):
        ctx.paragraph("", S.NOTE)


def _page_frame(ctx: Context, draft_mark: bool) -> None:
    """Header and footer of every page: organisation, document type and Dnr; title, edition and date;
    "UTKAST" on a draft."""
    plan = ctx.plan
    organisation = plan.meta("organisation")
    right = plan.doc_type_label
    if plan.meta("diarienummer").strip():
        right = f"{right}, Dnr {plan.meta('diarienummer')}"
    edition = plan.meta("edition").strip()
    footer_left = plan.title
    if edition:
        day = edition_date(plan)
        footer_tail = f", utgåva {edition}" + (f", {lower_month(day)}" if day.strip() else "")
    else:
        footer_tail = ""
    mark = "UTKAST" if draft_mark and plan.meta("status") == "draft" else ""
    page_frame(ctx.writer, ctx.doc, organisation, right, footer_left, ctx.text_width, footer_tail=footer_tail,
               mark=mark)


def build_document(plan_dict: Any, *, reference: Path | None = None, toc: bool = False,
                   risk_scale: int = 4, toc_field: bool = True,
                   draft_mark: bool = True, checklists: bool = False) -> tuple[Document, list[str]]:
    """The finished python-docx document and the export's Swedish warnings. ``checklists`` adds
    the decision points' answered checklists as an appendix.

    ``toc_field=False`` writes the table of contents without the TOC field around it
    (see docx_fields.add_toc): for LibreOffice's PDF conversion only. ``draft_mark``
    puts "UTKAST" in the header of a draft."""
    clean = Sanitizer()
    doc = open_reference(reference)
    styles = ensure_styles(doc)
    ensure_language(doc)
    HeadingNumbering(doc, styles[S.H1], styles[S.H2])  # before the lists take their numbers
    writer = Writer(doc, styles, clean)
    plan = PlanData(plan_dict)
    scale = risk_scale if isinstance(risk_scale, int) and 1 <= risk_scale <= 10 else 4
    ctx = Context(doc, writer, plan, text_width(doc), scale)

    entries = outline(ctx)
    for heading in empty_required(ctx):
        ctx.warnings.append(tr("Det obligatoriska avsnittet ”{heading}” är tomt och skrevs inte ut.",
                               heading=heading[:60]))
    _title_page(ctx)
    page_break = True
    if toc:
        toc_heading = add_toc(writer, doc, [TocEntry(e.level, e.heading, e.bookmark) for e in entries],
                              field=toc_field)
        toc_heading.paragraph_format.page_break_before = True
    for k, entry in enumerate(entries):
        _render_section(ctx, entry, page_break, k + 1 if toc else None)
        page_break = False
    _after_sections(ctx, entries, checklists)
    keep_tables_together(doc)
    _page_frame(ctx, draft_mark)
    set_properties(doc, plan, clean, status=status_label(plan))
    return doc, clean.warnings() + ctx.warnings
