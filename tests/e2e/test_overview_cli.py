"""`uppdrag overview`: the portfolio overview as text and JSON, and "Portföljrapport" to Excel and Word,
in a real subprocess; bad input answered in Swedish."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from openpyxl import load_workbook

from app.plans import add_examples
from app.workspace import Workspace
from tests.e2e.test_cli import uppdrag


def test_overview_text_json_period_and_reports(tmp_path: Path) -> None:
    path = tmp_path / "fil.uppdrag"
    ws = Workspace.create(path)
    try:
        plan = add_examples(ws)[0]
        title = ws.get("plan", plan)["title"]
        ws.add("budget", plan, kind="cost", description="Konsult", amount=100000, year=2031, tertial=2, actual=20000,
               forecast=130000)
    finally:
        ws.close()
    r = uppdrag("overview", str(path), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 2

    r = uppdrag("overview", str(path), "--period", "2031 T2", "--json", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    [row] = json.loads(r.stdout)
    assert row["Plan"] == title
    assert (row["Största avvikelse"], row["Största avvikelse (dagar)"]) == ("", None)  # no frozen edition
    assert (row["Budget (kr)"], row["Utfall (kr)"], row["Prognos (kr)"], row["Avvikelse (kr)"]) == (
        100000, 20000, 130000, -30000)
    r = uppdrag("overview", str(path), "--period", "2031 T2", data_dir=tmp_path)
    assert "utfall 20\u00a0000\u00a0kr, prognos 130\u00a0000\u00a0kr" in r.stdout

    for name in ("rapport.xlsx", "rapport.docx"):
        out = tmp_path / name
        r = uppdrag("overview", str(path), "--period", "2031", "-o", str(out), data_dir=tmp_path)
        assert r.returncode == 0, r.stderr
    assert load_workbook(tmp_path / "rapport.xlsx").active["A4"].value == title
    assert "(period 2031)" in docx.Document(str(tmp_path / "rapport.docx")).paragraphs[0].text

    r = uppdrag("overview", str(path), "--period", "hösten", data_dir=tmp_path)
    assert r.returncode == 1 and "Perioden ”hösten” förstås inte" in r.stderr and "Traceback" not in r.stderr
    r = uppdrag("overview", str(path), "-o", str(tmp_path / "rapport.txt"), data_dir=tmp_path)
    assert r.returncode == 1 and "skrivs som .xlsx, .docx eller .pdf, inte ”.txt”" in r.stderr


def test_overview_as_pdf(tmp_path: Path) -> None:
    from tests.export.test_pdf_export import pdf_text, require_libreoffice

    require_libreoffice()
    path = tmp_path / "fil.uppdrag"
    ws = Workspace.create(path)
    try:
        titles = [ws.get("plan", p)["title"] for p in add_examples(ws)]
    finally:
        ws.close()
    out = tmp_path / "rapport.pdf"
    r = uppdrag("overview", str(path), "-o", str(out), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    text = " ".join(pdf_text(out).split())
    assert out.read_bytes().startswith(b"%PDF") and "Portföljrapport" in text and "Portföljens tidslinje" in text
    assert all(" ".join(t.split()[:3]) in text for t in titles)
