"""`uppdrag export … -o plan.xml` and `uppdrag import FIL plan.xml` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import sha256
from tests.e2e.test_cli import uppdrag


def test_export_and_import_ms_project_xml_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "a.uppdrag"
    assert uppdrag("init", str(db), "--examples", data_dir=tmp_path).returncode == 0
    plans = json.loads(uppdrag("list", str(db), "--json", data_dir=tmp_path).stdout)
    out = tmp_path / "plan.xml"
    r = uppdrag("export", str(db), plans[0]["uuid"], "-o", str(out), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").count("<Task>") > 0

    other = tmp_path / "b.uppdrag"
    assert uppdrag("init", str(other), data_dir=tmp_path).returncode == 0
    r = uppdrag("import", str(other), str(out), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Importerade plan 1 från plan.xml.\nLäste ")
    assert json.loads(uppdrag("list", str(other), "--json", data_dir=tmp_path).stdout)[0]["uuid"] == plans[0]["uuid"]


def test_a_hostile_file_is_refused_in_swedish_and_the_file_is_untouched(tmp_path: Path) -> None:
    db = tmp_path / "a.uppdrag"
    assert uppdrag("init", str(db), "--examples", data_dir=tmp_path).returncode == 0
    before = sha256(db)
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    '<Project xmlns="http://schemas.microsoft.com/project"><Title>&x;</Title></Project>')
    r = uppdrag("import", str(db), str(bomb), data_dir=tmp_path)
    assert r.returncode == 1
    assert "DOCTYPE" in r.stderr and "Traceback" not in r.stderr and "root:" not in r.stderr
    assert sha256(db) == before
