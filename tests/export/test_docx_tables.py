"""TableBuilder: cells copied from one skeleton are separate cells with their own content."""

from __future__ import annotations

from app.export.docx_reference import open_reference
from app.export.docx_styles import S, ensure_styles
from app.export.docx_tables import Cell, Markup, TableBuilder
from app.export.docx_text import Writer
from app.export.docx_xml import W, tag
from app.export.sanitize import Sanitizer

TC, TC_PR = W.TC, tag("w:tcPr")


def _table(widths=(1, 1, 2)) -> TableBuilder:
    doc = open_reference(None)
    return TableBuilder(Writer(doc, ensure_styles(doc), Sanitizer()), doc, widths, 4000)


def test_alike_cells_are_separate_copies():
    table = _table()
    table.row(["a", "b", "c"])
    table.row(["d", Cell("e", bold=True, align="right"), Markup("- f\n- g")])
    rows = table.table.rows
    assert [[c.text for c in r.cells] for r in rows] == [["a", "b", "c"], ["d", "e", "f\ng"]]
    assert rows[1].cells[1].paragraphs[0].runs[0].bold and not rows[0].cells[1].paragraphs[0].runs[0].bold
    assert rows[1].cells[1].paragraphs[0].alignment is not None and rows[0].cells[1].paragraphs[0].alignment is None


def test_short_rows_are_padded_and_spans_fill_the_width():
    table = _table()
    table.header(["Rubrik"])
    table.row([Cell("över två", span=2), "sista"])
    head, body = table.table.rows
    widths = [int(tc.find(TC_PR).find(tag("w:tcW")).get(tag("w:w"))) for tc in head._tr.findall(TC)]
    assert widths == [1000, 1000, 2000]
    assert head._tr.find(tag("w:trPr")).find(tag("w:tblHeader")) is not None
    pad_style = head._tr.findall(TC)[1].find(W.P).find(W.PPR).find(W.PSTYLE).get(W.VAL)
    assert pad_style == table.w.styles[S.TABLE_TEXT]
    assert [tc.find(TC_PR).find(tag("w:gridSpan")) is not None for tc in body._tr.findall(TC)] == [True, False]
