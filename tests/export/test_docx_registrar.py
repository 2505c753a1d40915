"""What a registrar, a nämndsekreterare or a leader notices first (issue 17): each defect of
the Word export as a test, read back with python-docx and from the package's XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.export.docx_export import export_docx
from tests.export.fixtures import (
    DIRECTIVE, PLAN, W, body_texts, clone, load, numbered_headings, open_docx, part_xml, rows, section,
    small_plan, table_with_header,
)

WP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def _export(plan: dict, tmp_path: Path, name: str = "ut.docx", **options):
    out = tmp_path / name
    result = export_docx(plan, out, **options)
    return out, open_docx(out), result


def _header_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.startswith("word/header")]
    return " ".join("".join(t.text or "" for t in part_xml(path, n).iter(f"{W}t")) for n in names)


def _footer_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.startswith("word/footer")]
    return " ".join("".join(t.text or "" for t in part_xml(path, n).iter(f"{W}t")) for n in names)


def _metadata(doc) -> dict[str, str]:
    return {r[0]: r[1] for r in rows(doc.tables[0])}


# --- 1. the decision block ----------------------------------------------------------------


def test_a_directive_prints_its_decision_and_signature(tmp_path):
    plan = load(DIRECTIVE)
    plan["decision"].update(date="2024-12-17", text="Nämnden beslutar att ge uppdraget", choice="yes",
                            comment="Enligt förslag", signature_name="Eva Berg")
    _, doc, result = _export(plan, tmp_path)
    assert result.warnings == []
    texts = body_texts(doc)
    start = texts.index("Beslut")
    assert texts[start + 1:start + 3] == ["Datum: 2024-12-17", "Nämnden beslutar att ge uppdraget"]
    assert rows(table_with_header(doc, "Ja", "Nej")) == [["Ja", "Nej", "Kommentar"], ["X", "", "Enligt förslag"]]
    signature = [t for t in texts[start:] if t]
    assert signature[-4:] == ["Underskrift Uppdragsägare", "Datum", "Eva Berg", "Namnförtydligande"]


def test_a_decision_without_its_section_is_printed_last_and_reported(tmp_path):
    plan = small_plan()
    plan["sections"] = [s for s in plan["sections"] if s["content"] != "decision"]
    _, doc, result = _export(plan, tmp_path)
    assert any("inget avsnitt för beslutet" in w for w in result.warnings)
    assert rows(table_with_header(doc, "Ja", "Nej"))[1][:2] == ["", "X"]
    assert "Datum: 2025-04-01" in body_texts(doc)


def test_the_directive_template_has_a_decision_section():
    from app.templates import TEMPLATES

    for key, template in TEMPLATES.items():
        assert [s.content for s in template.sections].count("decision") == 1, key


# --- 2. the document's own language ---------------------------------------------------------


def test_a_project_document_speaks_of_the_project(tmp_path):
    plan = small_plan()
    plan["doc_type"] = plan["metadata"]["template"] = "project_directive"
    plan["organisation"]["roles"] += [
        {"uuid": f"00000000-0000-4000-8000-0000000009{k}0", "kind": kind, "person": None, "name": name,
         "unit": "", "allocation": None, "start": None, "end": None, "note": ""}
        for k, (kind, name) in enumerate([("leader", "Pia Lund"), ("reference_group", "Patientrådet"),
                                          ("project_group", "Team A"), ("working_group", "Team B")])]
    _, doc, _ = _export(plan, tmp_path)
    labels = [r[0] for r in rows(table_with_header(doc, "Roll"))[1:]]
    assert labels[:1] == ["Projektägare"] and "Uppdragsägare" not in labels
    assert {"Projektledare", "Referensgrupp", "Projektgrupp", "Arbetsgrupp"} <= set(labels)
    assert "Projekt" in _metadata(doc) and "Uppdrag" not in _metadata(doc)


def test_the_new_role_kinds_are_known_to_the_file_format_and_the_editor():
    from app import kinds
    from app.planfile.schema import plan_schema

    enum = plan_schema()["properties"]["organisation"]["properties"]["roles"]["items"]["properties"]["kind"]["enum"]
    for kind in ("reference_group", "project_group", "working_group"):
        assert kind in kinds.ROLE_KINDS and kind in enum


# --- 3. heading numbers are Word numbering -------------------------------------------------------


def test_headings_are_numbered_by_word_not_typed(tmp_path):
    _, doc, _ = _export(load(DIRECTIVE), tmp_path)
    heads = [p for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert [p.text for p in heads][:3] == ["Sammanfattning 2024 och rekommendationer 2025", "Sammanfattning", "Bakgrund"]
    assert not any(p.text[:1].isdigit() for p in heads)
    h1 = doc.styles["Heading 1"].element
    num_id = h1.pPr.numPr.numId.val
    assert num_id and doc.styles["Heading 2"].element.pPr.numPr.ilvl.val == 1
    abstract = next(a for a in doc.part.numbering_part.element.findall(f"{W}abstractNum")
                    if a.find(f"{W}name") is not None and a.find(f"{W}name").get(f"{W}val") == "Uppdrag rubriker")
    assert abstract.find(f"{W}lvl/{W}pStyle").get(f"{W}val") == h1.get(f"{W}styleId")
    assert heads[0]._p.pPr.numPr.numId.val == 0  # an unnumbered section switches the list off
    assert ("Heading 2", "1.1. Idé") in numbered_headings(doc)


def numbered_reference(path: Path, font: str = "Georgia") -> Path:
    """An organisation's template: headings numbered "1" / "1.1" by its own list, another font."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/>'
        '<w:lvlJc w:val="left"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for name, level in (("Heading 1", 0), ("Heading 2", 1)):
        style = doc.styles[name]
        style.font.name = font
        ppr = style.element.get_or_add_pPr()
        ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    doc.styles["Normal"].font.name = font
    doc.save(path)
    return path


def test_an_organisations_numbered_headings_are_used_once(tmp_path):
    reference = numbered_reference(tmp_path / "org.docx")
    _, doc, _ = _export(load(PLAN), tmp_path, reference=reference)
    assert doc.styles["Heading 1"].element.pPr.numPr.numId.val == 90
    assert doc.styles["Heading 1"].font.name == "Georgia"
    heads = numbered_headings(doc)
    assert ("Heading 1", "1\tBakgrund/inledning") in heads and ("Heading 2", "4.1\tFörutsättningar") in heads
    assert not any(text.split("\t")[-1][:1].isdigit() for _, text in heads)


# --- 4. status, draft marking, edition ------------------------------------------------------------


def test_status_on_the_cover_and_a_draft_marked_in_the_header(tmp_path):
    plan = small_plan()
    plan["metadata"]["status"] = "draft"
    plan["editions"] = [{"uuid": "00000000-0000-4000-8000-000000000777", "label": "1.2", "date": "2025-09-12",
                         "comment": "", "snapshot": {}}]
    path, doc, _ = _export(plan, tmp_path)
    assert _metadata(doc)["Status"] == "Utkast"
    assert _metadata(doc)["Utgåva"] == "1.2 (2025-09-12)"
    assert "UTKAST" in _header_text(path)
    assert "utgåva 1.2, 2025-09-12" in _footer_text(path)
    quiet, _, _ = _export(plan, tmp_path, "utan.docx", draft_mark=False)
    assert "UTKAST" not in _header_text(quiet)
    decided, doc, _ = _export(small_plan(), tmp_path, "beslutad.docx")
    assert _metadata(doc)["Status"] == "Beslutad" and "UTKAST" not in _header_text(decided)


def test_a_month_inside_a_line_is_written_in_lower_case(tmp_path):
    """A date that starts a cell may be capitalised ("Mars 2026"); inside a line it never is."""
    plan = small_plan()  # edition 1.2, dated September 2025
    path, doc, _ = _export(plan, tmp_path)
    assert _metadata(doc)["Utgåva"] == "1.2 (september 2025)"
    assert "utgåva 1.2, september 2025" in _footer_text(path)


# --- 5. empty required sections ---------------------------------------------------------------


def test_an_empty_required_section_prints_its_text_or_is_left_out_with_a_warning(tmp_path):
    plan = small_plan()
    plan["sections"] += [section("tom", "Tomt krav"), section("na", "Ej aktuellt", empty_text="Ej tillämpligt")]
    _, doc, result = _export(plan, tmp_path)
    texts = body_texts(doc)
    assert "Tomt krav" not in texts
    assert texts[texts.index("Ej aktuellt") + 1] == "Ej tillämpligt"
    assert result.warnings == ["Det obligatoriska avsnittet ”Tomt krav” är tomt och skrevs inte ut."]


# --- 6. keeping together ---------------------------------------------------------------------


def test_rows_do_not_split_headings_keep_with_next_and_last_rows_keep_company(tmp_path):
    plan = small_plan()
    plan["risks"][0]["cause"] = "Lång orsak. " * 900  # taller than a page: may split
    _, doc, _ = _export(plan, tmp_path)
    body = doc.element.body
    for tbl in body.iter(f"{W}tbl"):
        for tr in tbl.findall(f"{W}tr"):
            text = "".join(t.text or "" for t in tr.iter(f"{W}t"))
            assert (tr.find(f"{W}trPr/{W}cantSplit") is not None) == (len(text) < 5000), text[:40]
        first = tbl.find(f"{W}tr")
        assert first.find(f"{W}trPr/{W}tblHeader") is not None or tbl.getparent().tag != body.tag or \
            first is tbl.findall(f"{W}tr")[0]
        trs = tbl.findall(f"{W}tr")
        if tbl.getparent() is body and len(trs) >= 3:
            assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in trs[-2].iter(f"{W}p"))
    for p in doc.paragraphs:
        if p.style.name.startswith("Heading"):
            assert p.paragraph_format.keep_with_next
    texts = body_texts(doc)
    decision = doc.paragraphs[texts.index("Beslut")]
    chain = [p for p in doc.paragraphs[texts.index("Beslut"):] if p.text.startswith("Datum: ")]
    assert decision.paragraph_format.keep_with_next and chain[0].paragraph_format.keep_with_next
    before = decision._p.getprevious()
    while before.tag == f"{W}p" and not "".join(t.text or "" for t in before.iter(f"{W}t")).strip():
        assert before.find(f"{W}pPr/{W}keepNext") is not None
        before = before.getprevious()
    kept = before.findall(f"{W}tr")[-1].iter(f"{W}p") if before.tag == f"{W}tbl" else [before]
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in kept)


def test_every_table_in_the_examples_repeats_its_header_and_rows_do_not_split(tmp_path):
    for source in (DIRECTIVE, PLAN):
        _, doc, _ = _export(load(source), tmp_path, source.stem + ".docx")
        for table in doc.tables[1:]:
            trs = table._tbl.findall(f"{W}tr")
            assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None
            assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs)


# --- 7. column widths -------------------------------------------------------------------------


def _widths(table) -> list[int]:
    return [int(c.get(f"{W}w")) for c in table._tbl.find(f"{W}tblGrid").findall(f"{W}gridCol")]


def test_columns_fit_their_words_and_empty_ones_are_dropped(tmp_path):
    plan = small_plan()
    plan["risks"] = [{**plan["risks"][0], "title": "Nyckelkompetens", "cause": "", "consequence": "",
                      "mitigation": "", "owner": ""}]
    plan["organisation"]["roles"] = [{**r, "unit": "", "note": ""} for r in plan["organisation"]["roles"]]
    plan["organisation"]["people"] = [{**p, "unit": ""} for p in plan["organisation"]["people"]]
    _, doc, _ = _export(plan, tmp_path)
    risks = table_with_header(doc, "Risk")
    assert rows(risks)[0] == ["Risk", "Sannolikhet", "Konsekvens", "Riskvärde"]
    assert _widths(risks)[0] >= len("Nyckelkompetens") * 100  # the word fits on one line
    roles = table_with_header(doc, "Roll")
    assert rows(roles)[0] == ["Roll", "Namn"]  # no unit anywhere: no Verksamhet column
    steering = roles.rows[2]._tr
    assert steering.find(f".//{W}numPr") is not None  # two names: a numbered list …
    plan["organisation"]["roles"] = [{**plan["organisation"]["roles"][1], "unit": ""},
                                     {**plan["organisation"]["roles"][2], "unit": "IT", "note": ""}]
    _, doc, _ = _export(plan, tmp_path, "b.docx")
    assert rows(table_with_header(doc, "Roll"))[1] == ["Styrgrupp", "Maja Ek\nOlof Ström", "\nIT"]


def test_the_examples_tables_add_up_to_the_text_width(tmp_path):
    for source in (DIRECTIVE, PLAN):
        _, doc, _ = _export(load(source), tmp_path, source.stem + ".docx")
        for table in doc.tables[1:]:
            assert abs(sum(_widths(table)) - 9072) <= 2


# --- 8. risk values outside the scale ------------------------------------------------------------


def test_the_export_never_contradicts_its_scale(tmp_path):
    plan = small_plan()
    plan["risks"][1]["probability"] = 5
    _, doc, result = _export(plan, tmp_path, risk_scale=4)
    table = rows(table_with_header(doc, "Risk"))
    row = next(r for r in table if r[0] == "Hög risk")
    assert row[5] == ""  # no riskvärde 15 on a 1–4 scale
    assert any("utanför skalan 1–4" in t.lower() and "Hög risk" in t for t in body_texts(doc))
    assert any("utanför skalan 1–4" in w for w in result.warnings)


# --- 9. a shared budget line -----------------------------------------------------------------


def test_a_shared_budget_line_is_shown_but_not_summed(tmp_path):
    plan = small_plan()
    plan["budget"][2]["sum_rule"] = "shared"
    _, doc, _ = _export(plan, tmp_path)
    table = [[c.replace("\xa0", " ") for c in r] for r in rows(table_with_header(doc, "Post"))]
    assert ["Statsbidrag", "", "1 250 000 kr\n(delad, summeras inte)", ""] in table
    assert not any(r[0] == "Summa finansiering" for r in table)
    assert ["Summa kostnader", "", "1 250 000 kr", ""] in table


# --- 10. metadata ---------------------------------------------------------------------------


def test_app_and_core_properties_for_a_records_system(tmp_path):
    from app.version import get_version

    plan = small_plan()
    plan["title"] = "Införande av ett nytt journalsystem i hela regionens primärvård och den specialiserade vården"
    path, doc, _ = _export(plan, tmp_path)
    app = part_xml(path, "docProps/app.xml")
    assert app.findtext(f"{WP}Application") == f"Uppdrag {get_version()}"
    assert app.findtext(f"{WP}Company") == "Region Test"
    assert app.find(f"{WP}Pages") is None and app.find(f"{WP}Words") is None
    assert len(app.findtext(f"{WP}AppVersion")) == 7
    cp = doc.core_properties
    assert cp.subject == "RT 2025/17" and "RT 2025/17" in cp.keywords and cp.content_status == "Beslutad"
    footer = _footer_text(path)
    title_part = footer.split(", utgåva")[0]
    assert title_part.endswith("…") and plan["title"].startswith(title_part[:-1].rstrip())
    assert plan["title"].split()[len(title_part[:-1].split()) - 1] == title_part[:-1].split()[-1]  # a whole word


# --- 11. the small ones --------------------------------------------------------------------------


def test_the_series_label_keeps_its_letters(tmp_path):
    _, doc, _ = _export(load(DIRECTIVE), tmp_path)
    p = doc.paragraphs[0]
    assert p.text == "UPPDRAGiL 3.0"
    style = p.style.element
    assert style.find(f"{W}rPr/{W}caps") is None
    assert all(r.font.all_caps is False for r in p.runs)


def test_a_vague_milestone_covers_its_whole_period_in_the_gantt_table(tmp_path):
    plan = small_plan()
    plan["timeline"][3]["start"] = "2025-Q3"  # MS1
    _, doc, _ = _export(plan, tmp_path)
    table = table_with_header(doc, "", "2025")
    cells = table.rows[5]._tr.findall(f"{W}tc")
    marker = next(c for c in cells[1:] if "MS1" in "".join(t.text or "" for t in c.iter(f"{W}t")))
    span = marker.find(f"{W}tcPr/{W}gridSpan")
    assert span is not None and int(span.get(f"{W}val")) >= 3
    before = sum(int(c.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val")) if c.find(f"{W}tcPr/{W}gridSpan") is not None
                 else 1 for c in cells[1:cells.index(marker)])
    assert before == 6  # starts in July


def test_months_are_lower_case_inside_a_sentence_and_measures_are_matetal(tmp_path):
    plan = small_plan()
    _, doc, _ = _export(plan, tmp_path)
    mitigation = next(r[6] for r in rows(table_with_header(doc, "Risk")) if r[0] == "Hög risk")
    assert mitigation == "Åtgärda\nSenast: Q2 2025"
    plan["risks"][1]["due"] = "2026-03"
    _, doc, _ = _export(plan, tmp_path, "b.docx")
    mitigation = next(r[6] for r in rows(table_with_header(doc, "Risk")) if r[0] == "Hög risk")
    assert mitigation == "Åtgärda\nSenast: mars 2026"
    assert any(p.text.endswith("Mätetal: Färre avvikelser") for p in doc.paragraphs)


def test_a_schedule_of_decision_points_only_is_not_an_empty_tidplan(tmp_path):
    plan = small_plan()
    plan["timeline"] = [t for t in plan["timeline"] if t["kind"] == "decision_point"]
    _, doc, _ = _export(plan, tmp_path)
    assert rows(table_with_header(doc, "Fas/beslutspunkt")) == [
        ["Fas/beslutspunkt", "Start"], ["BP1 Starta genomförande", "2025-04-01"], ["BP2 Avsluta", "2025-12-15"]]
    assert rows(table_with_header(doc, "Datum", "Beslut"))[0] == ["Datum", "Beslut", "Beslutspunkt"]


@pytest.mark.parametrize("source", [DIRECTIVE, PLAN], ids=["directive", "plan"])
def test_the_examples_export_without_warnings(source, tmp_path):
    _, _, result = _export(clone(load(source)), tmp_path)
    assert result.warnings == []
