"""Every content kind of the plan format, read back from the .docx cell by cell."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from app.export.docx_export import export_docx
from app.export.docx_properties import revision_number
from tests.export.fixtures import (
    ROOT, W, body_texts, numbered_headings, open_docx, part_xml, rows, section, small_plan, table_with_header,
)

NS = {"w": W[1:-1]}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    out = tmp_path_factory.mktemp("small") / "plan.docx"
    result = export_docx(small_plan(), out, toc=True)
    return out, open_docx(out), result


def _fill(cell) -> str | None:
    shd = cell._tc.xpath("./w:tcPr/w:shd/@w:fill")
    return shd[0] if shd else None


def _num(paragraph):
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    return None if num_pr is None else (num_pr.numId.val, num_pr.ilvl.val)


def test_numbering_skips_left_out_and_unnumbered_sections(small):
    _, doc, result = small
    assert [h for _, h in numbered_headings(doc)] == [
        "Sammanfattning", "1. Bakgrund", "1.1. Idé", "1.2. Effektmål", "1.3. Projektmål", "2. Tidplan",
        "3. Tidslinje", "4. Milstolpar", "5. Delaktiviteter", "6. Aktivitetsplan", "7. Roller", "8. Organisation",
        "9. Resursplan", "10. Budget", "11. Risker", "12. Ärende- och beslutslogg", "13. Statusrapporter",
        "14. Kopplingar", "Definitioner och förkortningar", "15. Referenser", "16. Beslut"]
    texts = body_texts(doc)
    assert texts[texts.index("Kopplingar") + 1] == "Ej tillämpligt"
    assert "Tomt valfritt" not in " ".join(texts)
    assert not any("Hjälptext" in t for t in texts)  # guidance is never exported
    assert result.warnings == []


def test_inline_markup_bold_italic_link_and_footnote(small):
    path, doc, _ = small
    para = next(p for p in doc.paragraphs if p.text.startswith("Text med"))
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in para.runs]
    assert ("fet", True, False) in runs and ("kursiv", False, True) in runs
    (link,) = para.hyperlinks
    assert link.text == "en länk" and link.address == "https://example.se/a?b=1&c=2"
    (ref,) = para._p.xpath(".//w:footnoteReference")
    note = part_xml(path, "word/footnotes.xml").xpath(f"//w:footnote[@w:id='{ref.get(W + 'id')}']", namespaces=NS)[0]
    assert "".join(note.itertext()).strip() == "En fotnot med länk."
    rels = part_xml(path, "word/_rels/footnotes.xml.rels")
    assert [r.get("Target") for r in rels] == ["https://example.se/fot"]


def test_lists_are_word_lists_that_restart(small):
    path, doc, _ = small
    paras = {p.text: p for p in doc.paragraphs}
    bullet, nested = _num(paras["punkt ett"]), _num(paras["under"])
    assert paras["punkt ett"].style.name == "List Bullet"
    assert bullet[1] == 0 and nested == (bullet[0], 1)
    first, second = _num(paras["steg ett"]), _num(paras["steg två"])
    assert paras["steg ett"].style.name == "List Number"
    assert first == second and first[0] != bullet[0]
    numbering = part_xml(path, "word/numbering.xml")
    num = numbering.xpath(f"//w:num[@w:numId='{first[0]}']", namespaces=NS)[0]
    assert num.xpath("./w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val", namespaces=NS) == ["1"]
    abstract = num.xpath("./w:abstractNumId/@w:val", namespaces=NS)[0]
    fmt = numbering.xpath(f"//w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']/w:numFmt/@w:val",
                          namespaces=NS)
    assert fmt == ["decimal"]
    # the numbered lists of the Styrgrupp cell restart at 1 as well, each with its own instance
    cell_ids = [_num(p)[0] for p in table_with_header(doc, "Roll").rows[2].cells[1].paragraphs]
    assert len(set(cell_ids)) == 1 and cell_ids[0] not in (first[0], bullet[0])


def test_goals_as_bullets_with_measure(small):
    _, doc, _ = small
    goal = next(p for p in doc.paragraphs if p.text.startswith("Säkrare vård"))
    assert goal.text == "Säkrare vård\nMätetal: Färre avvikelser" and _num(goal) is not None


def test_gantt_table_months_bars_and_markers(small):
    _, doc, _ = small
    table = table_with_header(doc, "", "2025")
    grid = rows(table)
    assert grid[1] == ["Fas/aktivitet", "Jan", "Feb", "Mars", "Apr", "Maj", "Juni", "Juli", "Aug", "Sep", "Okt",
                       "Nov", "Dec"]
    assert all(r._tr.xpath("./w:trPr/w:tblHeader") for r in table.rows[:2])
    labels = [r[0] for r in grid[2:]]
    assert labels == ["F1 Förstudie", "BP1 Starta genomförande", "F2 Genomförande", "MS1 Halvtid",
                      "1. Upphandling", "2. Utbildning", "BP2 Avsluta"]
    fills = [[_fill(c) for c in row.cells[1:]] for row in table.rows[2:]]
    assert fills[0] == ["1F4E79"] * 3 + [None] * 9  # Förstudie Jan–Mar
    assert fills[2] == [None] * 3 + ["1F4E79"] * 9  # Genomförande Apr – Q4 2025
    assert fills[4] == [None] + ["8EAADB"] * 4 + [None] * 7  # Upphandling Feb–May
    assert fills[5] == [None] * 8 + ["8EAADB"] + [None] * 3  # Utbildning Sep 2025
    assert grid[3][4] == "◆ BP1" and grid[5][8] == "◆ MS1" and grid[8][12] == "◆ BP2"
    assert [c for c in grid[3][1:] if c] and not any(grid[3][k] for k in (1, 2, 3))


def test_gantt_axis_weeks_months_quarters():
    from app.export.docx_gantt import axis_for, item_span

    weeks = axis_for(dt.date(2025, 1, 8), dt.date(2025, 2, 20))
    assert weeks.unit == "week" and [c.label for c in weeks.columns] == ["2", "3", "4", "5", "6", "7", "8"]
    assert weeks.columns[0].group == "Jan 2025" and weeks.columns[-1].group == "Feb 2025"
    months = axis_for(dt.date(2024, 11, 18), dt.date(2025, 10, 31))
    assert months.unit == "month" and len(months.columns) == 12
    assert months.index(dt.date(2025, 6, 15)) == 7
    quarters = axis_for(dt.date(2024, 1, 1), dt.date(2027, 6, 30))
    assert quarters.unit == "quarter" and quarters.columns[0].label == "Q1" and len(quarters.columns) == 14
    assert item_span({"kind": "phase", "start": "2025-Q3", "end": None}) == (dt.date(2025, 7, 1), dt.date(2025, 9, 30))
    assert item_span({"kind": "milestone", "start": "2025-06"}) == (dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert item_span({"kind": "phase", "start": "inte ett datum", "end": None}) is None


def test_short_plan_gantt_has_iso_week_columns(tmp_path):
    plan = small_plan()
    plan["timeline"] = [t for t in plan["timeline"] if t["kind"] == "phase"][:1]
    plan["timeline"][0].update(start="2025-03-03", end="2025-04-11")
    plan["sections"] = [section("g", "Tidslinje", content="gantt")]
    export_docx(plan, tmp_path / "g.docx")
    grid = rows(open_docx(tmp_path / "g.docx").tables[1])
    assert grid[0][1:] == ["Mars 2025"] * 4 + ["Apr 2025"] * 2
    assert grid[1][1:] == ["10", "11", "12", "13", "14", "15"]


def test_risks_sorted_by_value_with_scale(small, tmp_path):
    _, doc, _ = small
    table = table_with_header(doc, "Risk")
    grid = rows(table)
    assert grid[0] == ["Risk", "Orsak", "Följd", "Sannolikhet", "Konsekvens", "Riskvärde", "Åtgärd",
                       "Ansvarig"]
    assert [r[0] for r in grid[1:]] == ["Hög risk", "Medel", "Låg risk"]
    assert [r[3:6] for r in grid[1:]] == [["4", "3", "12"], ["2", "3", "6"], ["1", "2", "2"]]
    assert grid[1][6] == "Åtgärda\nSenast: Q2 2025"
    assert [_fill(r.cells[5]) for r in table.rows[1:]] == ["F4B6B6", "FCE4A6", "C6E7C1"]
    assert any("skalan 1–4" in t for t in body_texts(doc))
    export_docx(small_plan(), tmp_path / "r5.docx", risk_scale=5)
    doc5 = open_docx(tmp_path / "r5.docx")
    assert any("skalan 1–5" in t for t in body_texts(doc5))
    assert [_fill(r.cells[5]) for r in table_with_header(doc5, "Risk").rows[1:]] == ["FCE4A6", "C6E7C1", "C6E7C1"]


def test_budget_groups_and_totals(small):
    _, doc, _ = small
    grid = [[c.replace("\xa0", " ") for c in r] for r in rows(table_with_header(doc, "Post"))]
    assert grid == [
        ["Post", "År", "Belopp", "Kommentar"],
        ["Kostnader"] * 4,
        ["Licenser", "2025", "1 050 000 kr", ""],
        ["Utbildning", "2025", "200 000 kr", "Inkl. lokaler"],
        ["Summa kostnader", "", "1 250 000 kr", ""],
        ["Finansiering"] * 4,
        ["Statsbidrag", "", "1 250 000 kr", ""],
        ["Summa finansiering", "", "1 250 000 kr", ""],
    ]
    texts = body_texts(doc)
    assert texts[texts.index("Budget"):].index("Efter budgeten.") > 0  # body_after follows the table


def test_people_tables_and_lines(small):
    path, doc, _ = small
    assert rows(table_with_header(doc, "Roll")) == [
        ["Roll", "Namn", "Verksamhet"], ["Projektägare", "Maja Ek", "Ekonomi"],
        ["Styrgrupp", "Maja Ek\nOlof Ström", "Ekonomi\nIT"], ["Mottagare", "Vårdcentralerna", "Primärvård"]]
    assert rows(table_with_header(doc, "Resurs/kompetens")) == [
        ["Resurs/kompetens", "Namn", "Andel"], ["Projektledare", "Maja Ek", "50\xa0%"], ["Utbildare", "Extern", ""]]
    texts = body_texts(doc)
    assert "Styrgrupp: Maja Ek (Ekonomi), Olof Ström (IT, Ersätter Kim från maj)" in texts
    assert "Mottagare av resultatet: Vårdcentralerna (Primärvård)" in texts


def test_timeline_tables(small):
    _, doc, _ = small
    assert rows(table_with_header(doc, "Fas/beslutspunkt")) == [
        ["Fas/beslutspunkt", "Start", "Slut"], ["F1 Förstudie", "Januari 2025", "Mars 2025"],
        ["F2 Genomförande", "April 2025", "Q4 2025"]]
    assert rows(table_with_header(doc, "Datum", "Beslut/milstolpe")) == [
        ["Datum", "Beslut/milstolpe", "Beslutspunkt/milstolpe", "Kommentar"], ["2025-04-01", "Starta genomförande", "BP1", ""],
        ["Augusti 2025", "Halvtid", "MS1", "Avstämning"], ["2025-12-15", "Avsluta", "BP2", ""]]
    assert rows(table_with_header(doc, "Delområde")) == [
        ["Delområde", "Beskrivning", "Tidsplan", "Ansvarig"],
        ["1. Upphandling", "Beskrivning med kursiv.\nkrav\navtal", "Feb 2025 – maj 2025", "Maja Ek"],
        ["2. Utbildning", "", "Sep 2025", "Olof Ström"]]


def test_registers(small):
    path, doc, _ = small
    assert rows(table_with_header(doc, "Datum", "Typ")) == [
        ["Datum", "Typ", "Ärende/beslut", "Beslutat av", "Status"],
        ["2025-02-03", "Beslut", "Beslut om start", "Styrgruppen", "Klar"]]
    status = table_with_header(doc, "Datum", "Status")
    assert rows(status)[1] == ["2025-03-01", "Gul", "Viss försening", "Maja Ek"]
    assert _fill(status.rows[1].cells[1]) == "FCE4A6"
    refs = table_with_header(doc, "Nr", "Referens")
    assert rows(refs) == [["Nr", "Referens", "Beskrivning"], ["1", "Förstudie", "Rapporten"],
                          ["2", "Bilaga utan länk", "Papper"]]
    (link,) = refs.rows[1].cells[2].paragraphs[0].hyperlinks
    assert link.address == "https://example.se/f%C3%B6rstudie%20rapport.pdf"  # Word refuses raw spaces


def test_decision_and_signature_with_prefilled_values(small):
    _, doc, _ = small
    assert rows(table_with_header(doc, "Ja", "Nej")) == [["Ja", "Nej", "Kommentar"], ["", "X", "Ny prövning i maj"]]
    texts = [t for t in body_texts(doc) if t.strip()]
    assert texts[-5:] == ["Underskrift Projektägare", "2025-04-02", "Datum", "Maja Ek", "Namnförtydligande"]
    assert "Datum: 2025-04-01" in texts


def test_properties_header_and_dates(small):
    path, doc, _ = small
    cp = doc.core_properties
    assert (cp.title, cp.subject, cp.author) == ("Nytt journalsystem", "RT 2025/17", "Maja Ek, Olof Ström")
    assert (cp.revision, cp.version, cp.category) == (12, "1.2", "Projektplan")
    assert cp.comments == "Utgåva 1.2, Version 3" and cp.content_status == "Beslutad"
    assert cp.created == dt.datetime(2025, 1, 2, 8, 30, tzinfo=dt.UTC)
    assert cp.modified == dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)
    assert doc.sections[0].header.paragraphs[-1].text == "Region Test\tProjektplan, Dnr RT 2025/17"
    assert rows(doc.tables[0])[2] == ["Datum", "September 2025"]


@pytest.mark.parametrize(("edition", "number"), [("1", 1), ("2", 2), ("0.3", 3), ("1.0", 10), ("1.2", 12),
                                                  ("2,1", 21), ("", 1), ("0", 1), ("utkast", 1)])
def test_revision_number_of_an_edition(edition, number):
    assert revision_number(edition) == number


def test_table_of_contents_field_and_bookmarks(small):
    path, doc, _ = small
    document = part_xml(path, "word/document.xml")
    instr = [t.text for t in document.iter(W + "instrText")]
    assert ' TOC \\o "1-2" \\h \\z \\u ' in instr
    assert document.xpath("//w:fldChar[@w:fldCharType='begin'][@w:dirty='true']", namespaces=NS)
    toc = [p.text.split("\t")[0] for p in doc.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert toc == [h for _, h in numbered_headings(doc)]
    marks = set(document.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    anchors = document.xpath("//w:hyperlink/@w:anchor", namespaces=NS)
    assert anchors and set(anchors) <= marks
    assert all(f"PAGEREF {a} \\h" in " ".join(instr) for a in anchors)


def test_no_toc_unless_asked(tmp_path):
    export_docx(small_plan(), tmp_path / "a.docx")
    assert not any("TOC" in (t.text or "") for t in part_xml(tmp_path / "a.docx", "word/document.xml").iter(W + "instrText"))


def test_page_and_line_breaks_from_control_characters(tmp_path):
    plan = small_plan()
    plan["sections"] = [section("s", "Text", body="rad ett\vrad två\fny sida"), section("d", "Beslut", content="decision")]
    result = export_docx(plan, tmp_path / "b.docx")
    p = next(p for p in open_docx(tmp_path / "b.docx").paragraphs if p.text.startswith("rad ett"))
    assert p._p.xpath(".//w:br[@w:type='page']") and p.text.startswith("rad ett\nrad två")
    assert result.warnings == []


def test_illegal_characters_are_dropped_and_reported(tmp_path):
    plan = small_plan()
    plan["title"] = "Titel\x00 med\x1b fel\ud800"
    plan["sections"][0]["body"] = "Brödtext\x07"
    plan["risks"][0]["title"] = "Risk\x01"
    result = export_docx(plan, tmp_path / "c.docx")
    doc = open_docx(tmp_path / "c.docx")
    assert doc.core_properties.title == "Titel med fel\ufffd"
    assert "Brödtext" in body_texts(doc)
    # the title appears in the title page, the footer and the properties: every copy is counted
    assert result.warnings[0].endswith("otillåtna tecken togs bort")
    assert int(result.warnings[0].split()[0]) >= 4
    assert result.warnings[1].endswith("ersattes med \ufffd")


def test_very_long_texts_and_empty_plans(tmp_path):
    long = ("Ett mycket långt stycke utan slut. " * 3000)[:100_000].rstrip()
    plan = small_plan()
    plan["sections"][1]["body"] = long
    plan["risks"][0]["cause"] = long
    plan["title"] = long
    export_docx(plan, tmp_path / "long.docx")
    doc = open_docx(tmp_path / "long.docx")
    assert long in body_texts(doc)
    assert len(doc.core_properties.title) <= 255
    assert rows(table_with_header(doc, "Risk"))[3][1] == long
    for empty in ({}, {"title": "Bara titel"}, {"sections": "fel typ", "timeline": [1, None], "metadata": []}):
        export_docx(empty, tmp_path / "e.docx")
        assert open_docx(tmp_path / "e.docx").paragraphs


def test_unknown_content_is_reported_not_fatal(tmp_path):
    plan = small_plan()
    plan["sections"] = [section("x", "Egen", content="karta", body="Text"), section("d", "Beslut", content="decision")]
    result = export_docx(plan, tmp_path / "u.docx")
    assert result.warnings == ["Avsnittet ”Egen” har okänt innehåll ”karta”; det hoppades över."]
    assert "1. Egen" in [h for _, h in numbered_headings(open_docx(tmp_path / "u.docx"))]


def test_tables_are_built_without_the_slow_cell_grid(tmp_path, monkeypatch):
    """python-docx issue 1209: Table.cell and _Row.cells rebuild the grid on every call."""
    import docx.table

    def forbidden(*_args, **_kwargs):
        raise AssertionError("Table.cell/_Row.cells used while exporting")

    monkeypatch.setattr(docx.table.Table, "cell", forbidden)
    monkeypatch.setattr(docx.table._Row, "cells", property(forbidden))
    monkeypatch.setattr(docx.table.Table, "_cells", property(forbidden))
    export_docx(small_plan(), tmp_path / "fast.docx", toc=True)


def test_command_line_starts_without_python_docx():
    code = ("import sys; import app.export.docx_export, app.export.pdf_export, app.markup; "
            "print('docx' in sys.modules, 'lxml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}).stdout
    assert out.split() == ["False", "False"]


def test_saving_replaces_atomically_and_reports_bad_folders(tmp_path):
    from app.export.result import ExportError

    out = tmp_path / "plan.docx"
    out.write_bytes(b"old")
    export_docx(small_plan(), out)
    assert out.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]  # no temporary file left behind
    with pytest.raises(ExportError) as err:
        export_docx(small_plan(), tmp_path / "finns-inte" / "plan.docx")
    assert "Kunde inte skriva i mappen" in str(err.value)


def test_risk_matrix_is_a_shaded_table_of_counts(small, tmp_path):
    _, doc, _ = small
    table = table_with_header(doc, "Sannolikhet \\ Konsekvens")
    grid = rows(table)
    assert grid[0] == ["Sannolikhet \\ Konsekvens", "1", "2", "3", "4"]
    assert [r[0] for r in grid[1:]] == ["4", "3", "2", "1"]
    # The small plan's risks: (4, 3), (2, 3), (1, 2) — one in each of those cells, nothing elsewhere.
    assert grid[1][3] == "1" and grid[3][3] == "1" and grid[4][2] == "1"
    assert sum(int(c) for r in grid[1:] for c in r[1:] if c) == 3
    assert _fill(table.rows[1].cells[4]) == "F4B6B6"  # 4 × 4 is red
    assert _fill(table.rows[4].cells[1]) == "C6E7C1"  # 1 × 1 is green
    export_docx(small_plan(), tmp_path / "r5.docx", risk_scale=5)
    assert rows(table_with_header(open_docx(tmp_path / "r5.docx"), "Sannolikhet \\ Konsekvens"))[0][-1] == "5"


def test_decision_point_table_and_checklist_appendix(tmp_path) -> None:
    """The decisions recorded at the points, in a section showing `decision_points`, and on request
    the answered checklists as an appendix; the file reads back."""
    from datetime import date

    from docx import Document

    from app.decisions import ChecklistAnswer, checklist, record_decision
    from app.exporters import export_plan
    from app.plans import create_plan
    from app.workspace import Workspace

    ws = Workspace.create(tmp_path / "beslut.uppdrag")
    try:
        plan_id = create_plan(ws, "project_plan", "Beslutstabell", steering_model="projektil").ids[0]
        section = ws.list("section", plan_id)[0]
        ws.update("section", section["id"], content="decision_points")
        bp2 = next(r for r in ws.list("timeline", plan_id) if r["code"] == "BP2")
        answers = [ChecklistAnswer(a.item, "ja", "se bilaga 2" if i == 0 else "") for i, a in enumerate(checklist(bp2))]
        record_decision(ws, bp2["id"], on=date(2026, 4, 1), decided_by="Styrgrupp", outcome="continue",
                        diarienummer="RS 2026/7", answers=answers)
        plain = export_plan(ws, plan_id, tmp_path / "utan.docx").path
        full = export_plan(ws, plan_id, tmp_path / "med.docx", checklists=True).path
    finally:
        ws.close()

    def tables(path):
        return [[[c.text for c in row.cells] for row in t.rows] for t in Document(str(path)).tables]

    table = next(t for t in tables(plain) if t[0][0] == "Beslutspunkt")
    assert table[0] == ["Beslutspunkt", "Planerad", "Beslut", "Beslutsdatum", "Beslutat av", "Diarienummer"]
    assert ["BP2 Beslut om genomförande", "", "Fortsätt", "2026-04-01", "Styrgrupp", "RS 2026/7"] in table
    assert not any(t[0] == ["Punkt", "Svar", "Kommentar"] for t in tables(plain))
    appendix = [t for t in tables(full) if t[0] == ["Punkt", "Svar", "Kommentar"]]
    rows = [r for t in appendix for r in t[1:]]
    assert [answers[0].item, "Ja", "se bilaga 2"] in rows
    texts = [p.text for p in Document(str(full)).paragraphs]
    assert "Bilaga: Checklistor inför beslut" in texts
    assert "Checklista inför beslut, BP2 Beslut om genomförande" in texts
