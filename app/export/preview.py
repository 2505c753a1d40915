"""The plan's pages as the Word export writes them, as HTML for an on-screen preview and printing.

    job = collect(ws, plan_id)     # on the thread that owns the file: reads the plan and the styles
    page = job.build()             # on any thread: the same Word document as the export, as HTML

The preview is the export itself: build_document makes the very document "Exportera till Word"
saves, and that document (not the plan) is turned into HTML here, paragraph by paragraph and table
by table, with its pictures (the timeline). So the preview cannot drift from the export, and it needs
no Word reader: LibreOffice, which the PDF export uses, is often not installed. What a word processor
alone decides (exact line breaks, the organisation's fonts) the ui's text engine approximates.
"""

from __future__ import annotations

import contextvars
import html
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.export.docx_xml import W, tag

if TYPE_CHECKING:
    from app.workspace import Workspace

__all__ = ["PreviewJob", "PreviewPage", "collect", "document_html", "page_number_text"]

# Word's elements this module reads beyond those app.export.docx_xml names.
DRAWING, PAGE_BREAK_BEFORE = tag("w:drawing"), tag("w:pageBreakBefore")
TRPR, TBL_HEADER, TCPR, GRID_SPAN, SHD, FILL = (tag("w:trPr"), tag("w:tblHeader"), tag("w:tcPr"), tag("w:gridSpan"),
                                              tag("w:shd"), tag("w:fill"))
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_EMU_PER_PT = 12700
HEADING_SIZES = {1: "15pt", 2: "13pt", 3: "11.5pt"}
# Paragraph styles of the title page and the metadata (their names in the reference document).
TITLE_STYLES = {"Title": "20pt", "Subtitle": "13pt", "Dokumenttyp": "13pt", "Serieetikett": "9pt",
                "Organisationsnamn": "11pt"}


def page_number_text(number: int, total: int) -> str:
    """The foot of a page as the Word export numbers it: "Sida 2 (9)"."""
    return f"Sida {number} ({total})"


@dataclass
class PreviewPage:
    """The document as HTML, its pictures by name (PNG or JPEG bytes), and its page in points."""

    html: str
    images: dict[str, bytes] = field(default_factory=dict)
    page_width_pt: float = 595.3  # A4
    page_height_pt: float = 841.9
    margins_pt: tuple[float, float, float, float] = (56.7, 56.7, 56.7, 56.7)  # left, top, right, bottom
    warnings: list[str] = field(default_factory=list)


@dataclass
class PreviewJob:
    """Everything the export needs, read from the file; build() touches the file no more."""

    plan: dict[str, Any]
    reference: Path | None
    risk_scale: int
    draft_mark: bool
    context: contextvars.Context  # the file's date style (app.export.plan_data.dates_capitalised)
    _folder: Path | None = None

    def build(self) -> PreviewPage:
        from app.export.docx_document import build_document

        try:
            doc, warnings = self.context.run(
                build_document, self.plan, reference=self.reference, risk_scale=self.risk_scale,
                draft_mark=self.draft_mark)
            page = document_html(doc)
            page.warnings = list(warnings)
            return page
        finally:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)


def collect(ws: Workspace, plan_id: int) -> PreviewJob:
    """Read what the export of plan `plan_id` needs (on the thread that owns `ws`)."""
    from app.exporters import _draft_mark
    from app.export.plan_data import dates_capitalised
    from app.planfile.write import plan_to_dict
    from app.word_reference import reference_for_export

    with dates_capitalised(ws.dates_capitalised):
        plan = plan_to_dict(ws, plan_id)
        context = contextvars.copy_context()
    folder = None
    reference = None
    with reference_for_export(ws) as stored:
        if stored is not None:  # its temporary copy goes when this block ends: keep one for the build
            folder = Path(tempfile.mkdtemp(prefix="uppdrag-forhandsgranskning-"))
            reference = folder / stored.name
            shutil.copyfile(stored, reference)
    return PreviewJob(plan, reference, ws.risk_scale, _draft_mark(ws), context, folder)


def document_html(doc: Any) -> PreviewPage:
    """A python-docx Document as HTML: headings numbered as Word numbers them, lists, tables, pictures,
    page breaks; the page size and margins of its first section."""
    writer = _HtmlWriter(doc)
    for element in doc.element.body.iterchildren():
        if element.tag == W.P:
            writer.paragraph(element)
        elif element.tag == W.TBL:
            writer.table(element)
    page = PreviewPage("".join(writer.out), writer.images)
    if doc.sections:
        s = doc.sections[0]
        pt = [(v or 0) / _EMU_PER_PT for v in (s.page_width, s.page_height, s.left_margin, s.top_margin,
                                               s.right_margin, s.bottom_margin)]
        if pt[0] and pt[1]:
            page.page_width_pt, page.page_height_pt = pt[0], pt[1]
            page.margins_pt = (pt[2], pt[3], pt[4], pt[5])
    return page


class _HtmlWriter:
    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.part = doc.part
        self.out: list[str] = []
        self.images: dict[str, bytes] = {}
        self.numbers = [0, 0, 0]
        self.styles = {s.style_id: s.name for s in doc.styles}
        self.list_counter = 0

    # --- paragraphs ---------------------------------------------------------------

    def _style(self, p: Any) -> str:
        ppr = p.find(W.PPR)
        style = ppr.find(W.PSTYLE) if ppr is not None else None
        return self.styles.get(style.get(W.VAL), "") if style is not None else "Normal"

    @staticmethod
    def _num_id(p: Any) -> str | None:
        ppr = p.find(W.PPR)
        num_pr = ppr.find(W.NUMPR) if ppr is not None else None
        num_id = num_pr.find(W.NUMID) if num_pr is not None else None
        return num_id.get(W.VAL) if num_id is not None else None

    def _runs(self, p: Any) -> tuple[str, bool]:
        """The paragraph's text as HTML, and whether it ends with a page break."""
        parts: list[str] = []
        page_break = False
        for run in p.iter(W.R):
            rpr = run.find(W.RPR)
            bold = rpr is not None and rpr.find(W.B) is not None and rpr.find(W.B).get(W.VAL) not in ("0", "false")
            italic = rpr is not None and rpr.find(W.I) is not None and rpr.find(W.I).get(W.VAL) not in ("0", "false")
            for child in run.iterchildren():
                if child.tag == W.T:
                    text = html.escape(child.text or "")
                    if bold:
                        text = f"<b>{text}</b>"
                    if italic:
                        text = f"<i>{text}</i>"
                    parts.append(text)
                elif child.tag == W.TAB:
                    parts.append("&emsp;")
                elif child.tag == W.BR:
                    if child.get(W.TYPE) == "page":
                        page_break = True
                    else:
                        parts.append("<br/>")
                elif child.tag == DRAWING:
                    parts.append(self._picture(child))
        return "".join(parts), page_break

    def _picture(self, drawing: Any) -> str:
        blip = next(drawing.iter(f"{_A}blip"), None)
        extent = next((e for e in drawing.iter() if e.tag.endswith("}extent")), None)
        rid = blip.get(f"{_R}embed") if blip is not None else None
        if rid is None or rid not in self.part.related_parts:
            return ""
        name = f"bild{len(self.images) + 1}"
        self.images[name] = self.part.related_parts[rid].blob
        width = ""
        if extent is not None and extent.get("cx"):
            width = f' width="{int(int(extent.get("cx")) / _EMU_PER_PT)}"'
        return f'<img src="{name}"{width}/>'

    def paragraph(self, p: Any) -> None:
        text, page_break = self._runs(p)
        style = self._style(p)
        ppr = p.find(W.PPR)
        before = ppr is not None and ppr.find(PAGE_BREAK_BEFORE) is not None
        css = "page-break-before: always;" if before else ""
        if style.startswith("Heading ") and style[8:].isdigit():
            level = min(int(style[8:]), 3)
            number = ""
            if self._num_id(p) != "0":
                self.numbers[level - 1] += 1
                self.numbers[level:] = [0] * (3 - level)
                number = ".".join(str(n) for n in self.numbers[:level]) + ". "
            self.out.append(f'<h{level} style="{css}font-size: {HEADING_SIZES[level]};">{number}{text}</h{level}>')
        elif style in TITLE_STYLES:
            weight = "bold" if style == "Title" else "normal"
            self.out.append(f'<p style="{css}font-size: {TITLE_STYLES[style]}; font-weight: {weight};">{text}</p>')
        elif style.startswith("List Number"):
            self.list_counter += 1
            self.out.append(f'<p style="{css}margin-left: 18px;">{self.list_counter}.&nbsp;{text}</p>')
        elif style.startswith("List"):
            self.out.append(f'<p style="{css}margin-left: 18px;">•&nbsp;{text}</p>')
        else:
            self.out.append(f'<p style="{css}">{text or "&nbsp;"}</p>')
        if not style.startswith("List Number"):
            self.list_counter = 0
        if page_break:
            self.out.append('<p style="page-break-after: always; margin: 0;"></p>')

    # --- tables -------------------------------------------------------------------

    def table(self, tbl: Any) -> None:
        rows = []
        for tr in tbl.iterchildren(W.TR):
            cells = []
            header = tr.find(TRPR) is not None and tr.find(TRPR).find(TBL_HEADER) is not None
            for tc in tr.iterchildren(W.TC):
                tcpr = tc.find(TCPR)
                span = tcpr.find(GRID_SPAN) if tcpr is not None else None
                shading = tcpr.find(SHD) if tcpr is not None else None
                attrs = ""
                if span is not None and span.get(W.VAL, "1") != "1":
                    attrs += f' colspan="{span.get(W.VAL)}"'
                fill = shading.get(FILL) if shading is not None else None
                if fill and fill.lower() not in ("auto", "ffffff"):
                    attrs += f' bgcolor="#{fill}"'
                content = "<br/>".join(self._runs(p)[0] for p in tc.iterchildren(W.P))
                tag = "th" if header else "td"
                cells.append(f"<{tag}{attrs}>{content}</{tag}>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        self.out.append('<table border="1" cellspacing="0" cellpadding="3" width="100%" '
                        'style="border-collapse: collapse; margin-top: 4px; margin-bottom: 8px;">'
                        + "".join(rows) + "</table>")
