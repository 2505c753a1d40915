"""Tables built row by row from XML.

python-docx's ``Table.cell(i, j)`` and ``table.rows[i].cells`` rebuild the whole
cell grid on every call (python-docx issue 1209: a 30-page plan took 52 s that way),
so rows are made here once, as ``w:tr`` elements, and their cells are wrapped once.
Widths are fixed and add up to the text width, so a table always fits the page;
header rows repeat on every page (``w:tblHeader``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.export.docx_styles import S

if TYPE_CHECKING:
    from docx.table import _Cell

    from app.export.docx_text import Writer

__all__ = ["Cell", "Markup", "TableBuilder", "HEADER_SHADE"]

HEADER_SHADE = "DCE3EE"


@dataclass(frozen=True)
class Markup:
    """Cell content to be read as markup (lists, bold, links, footnotes)."""

    text: Any
    italic: bool = False


@dataclass(frozen=True)
class Cell:
    """A cell with options; plain values (text, Markup, a fill function) need no wrapper."""

    content: Any = ""
    span: int = 1
    shade: str | None = None
    bold: bool = False
    align: str | None = None  # "right", "center"
    style: str | None = None
    borders: str | None = None  # inner XML of w:tcBorders


class TableBuilder:
    """One table: ``widths`` are relative weights, scaled to ``total`` twips."""

    def __init__(self, writer: Writer, container: Any, widths: Sequence[float], total: int, *,
                 style: str = S.TABLE, text_style: str = S.TABLE_TEXT, head_style: str = S.TABLE_HEAD,
                 cell_margin: int | None = None) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn
        from docx.table import Table

        self.w = writer
        self.text_style = text_style
        self.head_style = head_style
        weight = sum(widths) or 1
        self.widths = [max(1, int(total * x / weight)) for x in widths]
        self.widths[-1] += total - sum(self.widths)  # rounding rest to the last column
        self.table: Table = container.add_table(rows=0, cols=len(self.widths))
        tbl = self.table._tbl
        self._tbl = tbl
        self._qn = qn
        tbl_pr = tbl.tblPr
        for child in list(tbl_pr):
            tbl_pr.remove(child)
        margins = ""
        if cell_margin is not None:
            margins = (f'<w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/>'
                       f'<w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>')
        for el in parse_xml(
            f'<w:tblPr {nsdecls("w")}><w:tblStyle w:val="{writer.styles[style]}"/>'
            f'<w:tblW w:w="{total}" w:type="dxa"/><w:tblLayout w:type="fixed"/>{margins}'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        ):
            tbl_pr.append(el)
        grid = tbl.find(qn("w:tblGrid"))
        for col, width in zip(grid.iterchildren(qn("w:gridCol")), self.widths, strict=True):
            col.set(qn("w:w"), str(width))

    def header(self, labels: Sequence[Any], *, shade: str = HEADER_SHADE) -> list[_Cell]:
        """A header row, repeated at the top of every page the table runs over."""
        cells = [c if isinstance(c, Cell) else Cell(c, shade=shade, style=self.head_style) for c in labels]
        return self.row(cells, header=True)

    def row(self, values: Sequence[Any], *, header: bool = False, shade: str | None = None,
            keep_together: bool = False, min_height: int | None = None) -> list[_Cell]:
        """Append a row; each value is text, Markup, a fill function or a Cell."""
        from docx.oxml import OxmlElement
        from docx.table import _Cell

        qn = self._qn
        tr = OxmlElement("w:tr")
        if header or keep_together or min_height:
            tr_pr = OxmlElement("w:trPr")
            if header or keep_together:
                tr_pr.append(OxmlElement("w:cantSplit"))
            if min_height:
                height = OxmlElement("w:trHeight")
                height.set(qn("w:val"), str(min_height))
                height.set(qn("w:hRule"), "atLeast")
                tr_pr.append(height)
            if header:
                tr_pr.append(OxmlElement("w:tblHeader"))
            tr.append(tr_pr)
        cells: list[_Cell] = []
        col = 0
        for value in values:
            spec = value if isinstance(value, Cell) else Cell(value)
            span = max(1, min(spec.span, len(self.widths) - col))
            width = sum(self.widths[col:col + span])
            tc = OxmlElement("w:tc")
            tc_pr = OxmlElement("w:tcPr")
            tc_w = OxmlElement("w:tcW")
            tc_w.set(qn("w:w"), str(width))
            tc_w.set(qn("w:type"), "dxa")
            tc_pr.append(tc_w)
            if span > 1:
                grid_span = OxmlElement("w:gridSpan")
                grid_span.set(qn("w:val"), str(span))
                tc_pr.append(grid_span)
            if spec.borders:
                from docx.oxml import parse_xml
                from docx.oxml.ns import nsdecls

                tc_pr.append(parse_xml(f'<w:tcBorders {nsdecls("w")}>{spec.borders}</w:tcBorders>'))
            fill = spec.shade or shade
            if fill:
                shd = OxmlElement("w:shd")
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:color"), "auto")
                shd.set(qn("w:fill"), fill)
                tc_pr.append(shd)
            tc.append(tc_pr)
            tc.append(OxmlElement("w:p"))
            tr.append(tc)
            cell = _Cell(tc, self.table)
            self._fill(cell, spec, header)
            cells.append(cell)
            col += span
            if col >= len(self.widths):
                break
        while col < len(self.widths):  # a short row is padded so the grid stays whole
            cells.extend(self.row_pad(tr, col))
            col += 1
        self._tbl.append(tr)
        return cells

    def row_pad(self, tr: Any, col: int) -> list[_Cell]:
        from docx.oxml import OxmlElement
        from docx.table import _Cell

        qn = self._qn
        tc = OxmlElement("w:tc")
        tc_pr = OxmlElement("w:tcPr")
        tc_w = OxmlElement("w:tcW")
        tc_w.set(qn("w:w"), str(self.widths[col]))
        tc_w.set(qn("w:type"), "dxa")
        tc_pr.append(tc_w)
        tc.append(tc_pr)
        p = OxmlElement("w:p")
        tc.append(p)
        tr.append(tc)
        cell = _Cell(tc, self.table)
        self.w.set_style(cell.paragraphs[0], self.text_style)
        return [cell]

    def _fill(self, cell: _Cell, spec: Cell, header: bool) -> None:
        first = cell.paragraphs[0]
        style = spec.style or (self.head_style if header else self.text_style)
        content = spec.content
        self.w.set_style(first, style)
        if isinstance(content, Markup):
            if not self.w.markup(cell, content.text, style=style, bullet_style=style, number_style=style,
                                 first=first, italic=content.italic):
                self.w.set_style(first, style)
        elif isinstance(content, Callable):
            content(cell, first)
        else:
            self.w.text(first, content, bold=spec.bold)
        if spec.align:
            from docx.enum.text import WD_ALIGN_PARAGRAPH

            alignment = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}[spec.align]
            for p in cell.paragraphs:
                p.alignment = alignment

