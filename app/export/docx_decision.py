"""The decision block (Ja | Nej | Kommentar) and the signature block at the end."""

from __future__ import annotations

from app.export.docx_context import CM, Context
from app.export.docx_styles import S
from app.export.docx_tables import HEADER_SHADE, Cell, Markup
from app.export.docx_xml import W
from app.export.plan_data import as_text, format_date, lower_month

__all__ = ["CONTENT", "has_decision", "has_signature", "render_decision", "render_signature"]

# w:pPr children that follow w:pBdr (schema order)
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
               "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
               "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
               "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def has_decision(ctx: Context) -> bool:
    """A decision is recorded: a date, a text, Ja/Nej or a comment."""
    d = ctx.plan.decision
    return any(as_text(d.get(k)).strip() for k in ("date", "text", "choice", "comment"))


def render_decision(ctx: Context) -> None:
    """The whole block: the decision (a form to fill in when none is recorded yet), then
    the signature lines. Each paragraph keeps with the next, so the block is not split
    from its heading and the signature never stands alone on the last page."""
    from app.export.docx_keep import keep_row_with_next, set_keep_next

    d = ctx.plan.decision
    start = len(ctx.doc.element.body)
    date = format_date(d.get("date"))
    ctx.paragraph(f"Datum: {lower_month(date)}" if date.strip() else "Datum:", S.NORMAL, bold=True)
    if as_text(d.get("text")).strip():
        ctx.writer.markup(ctx.body, d.get("text"))
    for p in list(ctx.doc.element.body)[start - 1:]:
        if p.tag == W.P:
            set_keep_next(p)
    choice = as_text(d.get("choice"))
    table = ctx.table([2.0, 2.0, 12.0])
    table.header([Cell("Ja", shade=HEADER_SHADE, style=S.TABLE_HEAD, align="center"),
                  Cell("Nej", shade=HEADER_SHADE, style=S.TABLE_HEAD, align="center"), "Kommentar"])
    table.row([Cell("X" if choice == "yes" else "", align="center", bold=True),
               Cell("X" if choice == "no" else "", align="center", bold=True),
               Markup(d.get("comment"))], keep_together=True, min_height=CM)
    if has_signature(ctx):
        keep_row_with_next(table.table._tbl.findall(W.TR)[-1])
        render_signature(ctx)


def has_signature(ctx: Context) -> bool:
    return bool(as_text(ctx.plan.decision.get("signature_title")).strip())


def _line(ctx: Context, value: str, label: str, last: bool) -> None:
    """A line to sign on (a bottom border), the pre-filled value above it, the label under it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt, Twips

    p = ctx.paragraph(value, S.SIGNATURE)
    fmt = p.paragraph_format
    fmt.space_before = Pt(30)
    fmt.keep_with_next = True
    fmt.right_indent = Twips(max(0, ctx.text_width - 8 * CM))
    border = parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" '
                       'w:color="000000"/></w:pBdr>')
    p._p.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)
    caption = ctx.paragraph(label, S.SIGNATURE)
    caption.paragraph_format.keep_with_next = not last


def render_signature(ctx: Context) -> None:
    d = ctx.plan.decision
    ctx.paragraph("", S.NORMAL).paragraph_format.keep_with_next = True
    _line(ctx, "", f"Underskrift {ctx.writer.clean.line(d.get('signature_title'))}", False)
    _line(ctx, format_date(d.get("signature_date")), "Datum", False)
    _line(ctx, as_text(d.get("signature_name")), "Namnförtydligande", True)


CONTENT = {"decision": (lambda ctx: True, render_decision)}
