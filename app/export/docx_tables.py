"""Tables built row by row from XML.

python-docx's ``Table.cell(i, j)`` and ``table.rows[i].cells`` rebuild the whole
cell grid on every call (python-docx issue 1209: a 30-page plan took 52 s that way),
so rows are made here once, as ``w:tr`` elements. Most rows of a table differ
only in their text, so each kind of empty row and cell (width, span, borders,
shade, style) is built once per table and copied, then filled; a cell gets
python-docx proxies only when a fill function or markup needs them. Widths are fixed and add up to the text width,
so a table always fits the page; header rows repeat on every page (``w:tblHeader``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import re
from copy import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from app.export.docx_styles import S
from app.export.docx_text import set_paragraph_style
from app.export.docx_xml import W

if TYPE_CHECKING:
    from docx.table import Table

    from app.export.docx_text import Writer

__all__ = ["Cell", "Markup", "TableBuilder", "HEADER_SHADE", "fit_widths"]

HEADER_SHADE = "DCE3EE"
_ALIGN = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}


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
        self.w = writer
        self.text_style = text_style
        self.head_style = head_style
        weight = sum(widths) or 1
        self.widths = [max(1, int(total * x / weight)) for x in widths]
        self.widths[-1] += total - sum(self.widths)  # rounding rest to the last column
        self.table: Table = container.add_table(rows=0, cols=len(self.widths))
        tbl = self.table._tbl
        self._tbl = tbl
        self._skeletons: dict[tuple, Any] = {}
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

    def header(self, labels: Sequence[Any], *, shade: str = HEADER_SHADE) -> None:
        """A header row, repeated at the top of every page the table runs over."""
        cells = [c if isinstance(c, Cell) else Cell(c, shade=shade, style=self.head_style) for c in labels]
        self.row(cells, header=True)

    def row(self, values: Sequence[Any], *, header: bool = False, shade: str | None = None,
            keep_together: bool | None = None, min_height: int | None = None) -> None:
        """Append a row; each value is text, Markup, a fill function or a Cell.

        A row does not split across pages (``w:cantSplit``) unless it is likely taller
        than a page, where splitting is the only way to print it."""
        if keep_together is None:
            keep_together = self._fits_a_page(values)
        specs, cells = self._layout(values, header, shade)
        tr = self._copy(("tr", header, keep_together, min_height, *cells), self._empty_row,
                        header, keep_together, min_height, cells)
        for spec, cell, tc in zip(specs, cells, tr.iterchildren(W.TC)):  # padding cells stay empty
            self._fill(tc, spec, cell[-1])
        self._tbl.append(tr)

    def _fits_a_page(self, values: Sequence[Any]) -> bool:
        """A rough guess from the amount of text in the row's cells (a fill function counts as short)."""
        tallest = 0
        for value, width in zip(values, self.widths):
            content = value.content if isinstance(value, Cell) else value
            if isinstance(content, Markup):
                content = content.text
            if not isinstance(content, str) or len(content) * _CHAR < width * 20:
                continue  # fewer than 20 lines in any case
            per_line = max(1, (width - _PAD) // _CHAR)
            lines = sum(len(line) // per_line + 1 for line in content.split("\n"))
            tallest = max(tallest, lines)
        return tallest * _LINE_HEIGHT < _PAGE_BODY

    def _layout(self, values: Sequence[Any], header: bool, shade: str | None) -> tuple[list[Cell], list[tuple]]:
        """The row's cells, and for each the key of its empty form: (width, span,
        borders, shade, style). A short row is padded so the grid stays whole."""
        n = len(self.widths)
        specs: list[Cell] = []
        cells: list[tuple] = []
        col = 0
        for value in values:
            if col >= n:
                break
            spec = value if isinstance(value, Cell) else Cell(value)
            span = max(1, min(spec.span, n - col))
            style = spec.style or (self.head_style if header else self.text_style)
            specs.append(spec)
            cells.append((sum(self.widths[col:col + span]), span, spec.borders, spec.shade or shade, style))
            col += span
        cells += [(width, 1, None, None, self.text_style) for width in self.widths[col:]]
        return specs, cells

    def _empty_row(self, header: bool, keep_together: bool, min_height: int | None, cells: list[tuple]) -> Any:
        tr = _row_skeleton(header, keep_together, min_height)
        for width, span, borders, fill, style in cells:
            style_id = self.w.styles[style]
            tr.append(self._copy(("tc", width, span, borders, fill, style_id), _cell_skeleton,
                                 width, span, borders, fill, style_id))
        return tr

    def _copy(self, key: tuple, make: Callable[..., Any], *args: Any) -> Any:
        """A copy of the skeleton ``make(*args)``, built once per table and key.

        Copying an element is much cheaper than building it with python-docx, and
        most rows of a table have the same empty form, so a whole empty row is
        usually one copy. (lxml copies children either way; copy.copy skips
        deepcopy's memo bookkeeping.)"""
        skeleton = self._skeletons.get(key)
        if skeleton is None:
            skeleton = self._skeletons[key] = make(*args)
        return copy(skeleton)

    def _fill(self, tc: Any, spec: Cell, style: str) -> None:
        """Write a cell's content into its first paragraph (already in ``style``)."""
        content = spec.content
        if isinstance(content, str):  # the common case first: isinstance on Callable is slow
            if content:  # most Gantt cells are empty
                self.w.runs(tc[-1], content, bold=spec.bold)
        elif isinstance(content, Markup):
            cell = _Cell(tc, self.table)
            self.w.markup(cell, content.text, style=style, bullet_style=style, number_style=style,
                          first=Paragraph(tc[-1], cell), italic=content.italic)
        elif callable(content):
            cell = _Cell(tc, self.table)
            content(cell, Paragraph(tc[-1], cell))
        else:
            self.w.runs(tc[-1], content, bold=spec.bold)
        if spec.align:
            alignment = _ALIGN[spec.align]
            for p in tc.iterchildren(W.P):
                p.get_or_add_pPr().jc_val = alignment


def _row_skeleton(header: bool, keep_together: bool, min_height: int | None) -> Any:
    """An empty ``w:tr`` with its row properties."""
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
    return tr


def _cell_skeleton(width: int, span: int, borders: str | None, fill: str | None, style_id: str) -> Any:
    """An empty ``w:tc`` with its cell properties and one paragraph in ``style_id``."""
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
    if borders:
        tc_pr.append(parse_xml(f'<w:tcBorders {nsdecls("w")}>{borders}</w:tcBorders>'))
    if fill:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tc_pr.append(shd)
    tc.append(tc_pr)
    p = OxmlElement("w:p")
    set_paragraph_style(p, style_id)
    tc.append(p)
    return tc


# --- column widths fitted to the content ---------------------------------------------------

_LINE_HEIGHT = 260  # twips: a line of table text with its spacing
_PAGE_BODY = 12500  # twips: a little less than the text height of an A4 page with 2.5 cm margins
_CHAR = 100  # twips: a character of table text (9.5 pt) on average, a little generous
_HEAD_CHAR = 112  # a bold header character
_PAD = 2 * 85 + 40  # the cell's left and right margins, and a little air


_BREAKS = re.compile(r"[ \t\n]+")  # not the no-break space: "1 050 000 kr" stays one word


def _longest(text: str) -> int:
    return max((len(piece) for piece in _BREAKS.split(text)), default=0)


def fit_widths(labels: Sequence[str], rows: Sequence[Sequence[str]], total: int,
               minimum: Sequence[int] | None = None) -> list[int]:
    """Column widths in twips that add up to ``total``, fitted to the text of each column.

    Every column is at least as wide as its longest word (a header may break at its
    soft hyphens), so words are not cut in the middle ("Nyckelkompe|tens"); the width
    left over goes to the columns with the longest lines, as a browser lays out a table.
    Only when even the longest words do not fit are they scaled down together."""
    n = len(labels)
    low = [0] * n
    high = [0] * n
    for k, label in enumerate(labels):
        words = [w for piece in _BREAKS.split(label) for w in piece.split("\u00ad")]
        low[k] = max((len(w) for w in words), default=0) * _HEAD_CHAR + _PAD
        high[k] = len(label.replace("\u00ad", "")) * _HEAD_CHAR + _PAD
    for row in rows:
        for k, text in enumerate(row[:n]):
            if not text:
                continue
            low[k] = max(low[k], _longest(text) * _CHAR + _PAD)
            high[k] = max(high[k], max(len(line) for line in text.split("\n")) * _CHAR + _PAD)
    if minimum is not None:
        low = [max(a, b) for a, b in zip(low, minimum)]
    low = [min(x, int(total * 0.45)) for x in low]  # a URL or a very long word may break
    high = [max(a, b) for a, b in zip(low, high)]
    if sum(high) <= total:
        widths = [total * h / sum(high) for h in high]
    elif sum(low) <= total:
        room, spread = total - sum(low), sum(h - lo for h, lo in zip(high, low)) or 1
        widths = [lo + room * (h - lo) / spread for h, lo in zip(high, low)]
    else:
        widths = [total * lo / sum(low) for lo in low]
    out = [max(1, int(w)) for w in widths]
    out[-1] += total - sum(out)
    return out
