"""`uppdrag diff` and the Word appendix from the command line, in a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from app.editions import freeze_edition
from app.plans import add_examples
from app.workspace import Workspace
from tests.e2e.test_cli import uppdrag


def test_diff_text_json_and_appendix(tmp_path: Path) -> None:
    path = tmp_path / "fil.uppdrag"
    ws = Workspace.create(path)
    try:
        plan = add_examples(ws)[0]
        r = uppdrag("diff", str(path), str(plan), data_dir=tmp_path)
        freeze_edition(ws, plan, "1.0")
        item = ws.list("timeline", plan)[0]
        ws.update("timeline", item["id"], title="Ny titel")
        freeze_edition(ws, plan, "1.1")
        ws.add("risk", plan, title="Sjukfrånvaro", probability=3, impact=2)
    finally:
        ws.close()
    assert r.returncode == 1 and "ingen fryst utgåva" in r.stderr and "Traceback" not in r.stderr

    r = uppdrag("diff", str(path), str(plan), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["Ändringar från utgåva 1.1 till i dag", "", "Risker", "- Tillagd: Sjukfrånvaro"]
    r = uppdrag("diff", str(path), str(plan), "--from", "1.0", "--to", "1.1", "--json", data_dir=tmp_path)
    data = json.loads(r.stdout)
    assert (data["from"], data["to"]) == ("1.0", "1.1")
    assert [(c["part"], c["action"]) for c in data["changes"]] == [("timeline", "changed")]
    assert "Ny titel" in data["changes"][0]["details"][0]
    r = uppdrag("diff", str(path), str(plan), "--from", "9.9", data_dir=tmp_path)
    assert r.returncode == 1 and "ingen utgåva 9.9" in r.stderr

    out = tmp_path / "plan.docx"
    r = uppdrag("export", str(path), str(plan), "-o", str(out), "--andringar-sedan", "1.0", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    start = texts.index("Bilaga: Ändringar sedan utgåva 1.0")
    assert texts[start + 1:start + 3] == ["Tidplan", texts[start + 2]] and "Ny titel" in texts[start + 2]
    assert "Risker" in texts[start:]
    r = uppdrag("export", str(path), str(plan), "-o", str(tmp_path / "p.json"), "--andringar-sedan", "1.0",
                data_dir=tmp_path)
    assert r.returncode == 1 and "bara i Word och PDF" in r.stderr


def test_history_lists_who_changed_what(tmp_path: Path) -> None:
    path = tmp_path / "fil.uppdrag"
    ws = Workspace.create(path)
    try:
        plan = add_examples(ws)[0]
        ws.update("plan", plan, diarienummer="RÖL 2026/7")
    finally:
        ws.close()
    r = uppdrag("history", str(path), str(plan), "--json", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    entries = json.loads(r.stdout)
    assert entries[0]["action"] == "Ändrad" and entries[0]["changes"] == ["diarienummer: (tomt) → ”RÖL 2026/7”"]
    r = uppdrag("history", str(path), str(plan), data_dir=tmp_path)
    assert "diarienummer: (tomt) → ”RÖL 2026/7”" in r.stdout.splitlines()[0]
