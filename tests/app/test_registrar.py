"""The registrar's check (app.registrar), the command line's `export --kontroll`, risk scores
outside the file's scale refused on import, and the shared budget line in the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.planfile.read import PlanFileError
from app.plans import add_examples, import_plan_data
from app.planfile.write import plan_to_dict
from app.registrar import registrar_check
from app.workspace import Workspace
from tests.export.fixtures import DIRECTIVE, PLAN, load, small_plan


@pytest.fixture
def ws(any_ws) -> Workspace:
    return any_ws


def test_a_complete_plan_has_nothing_to_send_back():
    assert registrar_check(small_plan()) == []


def test_everything_a_registrar_sends_back():
    plan = small_plan()
    plan["metadata"]["diarienummer"] = ""
    plan["decision"]["date"] = None
    plan["sections"] = [s for s in plan["sections"] if s["content"] != "decision"]
    plan["sections"].append({**plan["sections"][1], "uuid": "00000000-0000-4000-8000-000000000500",
                             "key": "tomt", "heading": "Tomt krav", "body": "", "content": ""})
    plan["risks"][0]["probability"] = 5
    plan["timeline"][0]["end"] = "någon gång"
    plan["timeline"][3]["start"] = None
    assert registrar_check(plan, risk_scale=4) == [
        "Diarienummer saknas.",
        "Dokumentet är beslutat men beslutsdatum saknas.",
        "Det obligatoriska avsnittet ”Tomt krav” är tomt.",
        "Ett beslut är registrerat men planen har inget avsnitt Beslut där det skrivs ut.",
        "Risken ”Låg risk” har sannolikhet eller konsekvens utanför skalan 1–4.",
        "Tidplanens post ”F1 Förstudie” har slutdatumet ”någon gång”, som inte kan placeras på tidslinjen.",
        "Beslutspunkten eller milstolpen ”MS1 Halvtid” saknar datum och kan inte placeras på tidslinjen.",
    ]


def test_the_examples_lack_only_their_diarienummer():
    assert registrar_check(load(DIRECTIVE)) == ["Diarienummer saknas."]
    assert registrar_check(load(PLAN)) == ["Diarienummer saknas."]


def test_export_kontroll_prints_the_list_and_exits_1(tmp_path, capsys):
    db = tmp_path / "f.uppdrag"
    assert main(["init", str(db), "--examples"]) == 0
    capsys.readouterr()
    assert main(["export", str(db), "1", "-o", str(tmp_path / "d.docx"), "--kontroll"]) == 1
    out = capsys.readouterr().out
    assert "- Diarienummer saknas." in out and (tmp_path / "d.docx").exists()
    data = small_plan()
    (tmp_path / "p.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", str(db), str(tmp_path / "p.json")]) == 0
    capsys.readouterr()
    assert main(["export", str(db), "RT 2025/17", "-o", str(tmp_path / "p.docx"), "--kontroll"]) == 0
    assert "inget att anmärka" in capsys.readouterr().out


def test_import_refuses_risk_scores_outside_the_files_scale(ws):
    data = small_plan()
    data["risks"][1]["probability"] = 5
    with pytest.raises(PlanFileError) as err:
        import_plan_data(ws, data)
    assert "skalan 1–4" in str(err.value) and "Sannolikheten måste vara mellan 1 och 4 (fick 5)" in str(err.value)
    from db import models

    assert models.Plan.select().count() == 0  # nothing written


def test_a_shared_budget_line_survives_the_file_and_the_example_follows_the_original(ws):
    data = small_plan()
    data["budget"][2]["sum_rule"] = "shared"
    plan_id, _ = import_plan_data(ws, data)
    assert [b["sum_rule"] for b in plan_to_dict(ws, plan_id)["budget"]] == ["", "", "shared"]
    old = small_plan()  # as files written before the rule: no sum_rule at all
    assert not any("sum_rule" in line for line in old["budget"])
    old["uuid"] = "00000000-0000-4000-8000-000000000998"
    other, _ = import_plan_data(ws, old)
    assert {b["sum_rule"] for b in plan_to_dict(ws, other)["budget"]} == {""}
    # The copy got rows of its own: the first plan keeps its lines.
    assert [b["sum_rule"] for b in plan_to_dict(ws, plan_id)["budget"]] == ["", "", "shared"]
    example = load(PLAN)
    assert [b["sum_rule"] for b in example["budget"]] == ["shared"]
    add_examples(ws)


def test_the_file_decides_whether_a_draft_is_marked(ws, tmp_path):
    import zipfile

    from app.exporters import DRAFT_MARK_KEY, export_plan

    data = small_plan()
    data["metadata"]["status"] = "draft"
    plan_id, _ = import_plan_data(ws, data)

    def header(out: Path) -> str:
        with zipfile.ZipFile(out) as z:
            return " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/header"))

    export_plan(ws, plan_id, tmp_path / "a.docx")
    assert "UTKAST" in header(tmp_path / "a.docx")
    ws.set_setting(DRAFT_MARK_KEY, False)
    export_plan(ws, plan_id, tmp_path / "b.docx")
    assert "UTKAST" not in header(tmp_path / "b.docx")
