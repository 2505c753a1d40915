"""The benchmark suite runs: `python -m bench` at small size, once, gives a well-formed report.

No timing is asserted here (DESIGN.md: speed is measured in bench/, never with
timers in the test suite); the point is that the suite cannot rot unnoticed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = {"B1", "B2", "B3", "B4", "B12", "B5", "B6", "B7", "B8", "HIST", "B14", "B14-confirmed", "B5-network",
             "B2-server", "B9", "B10", "B11-csv", "B11-ics", "RSS", "B11-mspdi-export", "B11-mspdi-import"}
RESULT_KEYS = {"value", "unit", "floor", "ratio", "target", "pass"}


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["UPPDRAG_DATA_DIR"] = str(tmp / "data")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    tmp = tmp_path_factory.mktemp("bench")
    out, md = tmp / "results.json", tmp / "RESULTS.md"
    subprocess.run(
        [sys.executable, "-m", "bench", "--size", "small", "--repeat", "1", "--out", str(out), "--md", str(md),
         "--workdir", str(tmp / "work")],
        cwd=ROOT, env=_env(tmp), check=True, timeout=900,
    )
    return json.loads(out.read_text(encoding="utf-8")), md


def test_report_has_machine_and_every_scenario(report: tuple[dict, Path]) -> None:
    data, md = report
    assert set(data["machine"]) == {"cpu", "cores", "load", "python", "sqlite", "pyside6", "platform"}
    assert set(data["results"]) >= SCENARIOS
    for name, r in data["results"].items():
        assert set(r) >= RESULT_KEYS, name
        assert r["unit"] in ("s", "MB"), name
        assert isinstance(r["pass"], bool), name
        assert isinstance(r["target"], str) and r["target"], name
    table = md.read_text(encoding="utf-8")
    for name in SCENARIOS:
        assert f"| {name} |" in table


def test_every_available_scenario_produced_a_number(report: tuple[dict, Path]) -> None:
    data, _ = report
    for name, r in data["results"].items():
        if r["value"] is None:
            # Only code that has not landed may be missing, and it says so; a crash is a failure.
            assert r["pass"] is False, name
            assert r.get("note", "").startswith("ej tillgänglig ännu"), f"{name}: {r.get('note')}"
        else:
            assert isinstance(r["value"], int | float) and r["value"] > 0, name
            assert r["floor"] is None or r["floor"] > 0, name


def test_the_server_figures_say_what_they_took_of_the_cores(report: tuple[dict, Path]) -> None:
    """B9 and B10 run the app and the server on the same cores: the report gives each side's CPU."""
    data, md = report
    b9, b10 = data["results"]["B9"]["details"], data["results"]["B10"]["details"]
    for split in (b9["cpu_ms_an_edit"], b9["floor_cpu_ms_an_edit"], b10["cpu"]):
        assert split["app"] > 0
        assert split["server"] is None if sys.platform != "linux" else split["server"] >= 0
    assert b10["cpu"]["wall_s"] > 0
    table = md.read_text(encoding="utf-8")
    assert "- B9, CPU an edit: " in table and "- B10, CPU of the sync: " in table


def test_generator_is_reproducible_and_its_fast_path_writes_what_import_plan_writes(tmp_path: Path) -> None:
    """The generator's shortcut for new rows gives the same rows as app.planfile.apply.import_plan itself."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.workspace import Workspace\n"
        "from bench.generate import SIZES, build_plans, import_plans\n"
        "plans = build_plans(SIZES['small'])[:6]\n"
        "for name, fast in (('fast', True), ('plain', False)):\n"
        "    ws = Workspace.create(Path(sys.argv[1]) / f'{name}.uppdrag')\n"
        "    import_plans(ws, plans, check=name == 'plain', fast=fast)\n"
        "    ws.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, env=_env(tmp_path), check=True)

    def content(path: Path) -> dict[str, list[tuple]]:
        conn = sqlite3.connect(path)
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
        out = {}
        for t in tables:
            # Times differ between runs; the import gives dependencies and the file random uuids, every row a random version.
            cols = [c[1] for c in conn.execute(f'PRAGMA table_info("{t}")')
                    if c[1] not in ("created_at", "modified_at", "version_id")
                    and not (t == "setting" and c[1] == "value") and not (t == "dependency" and c[1] == "uuid")]
            out[t] = sorted(map(tuple, conn.execute(f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in cols)} FROM "{t}"')),
                            key=repr)
        conn.close()
        return out

    fast, plain = content(tmp_path / "fast.uppdrag"), content(tmp_path / "plain.uppdrag")
    assert fast.keys() == plain.keys()
    for table in fast:
        assert fast[table] == plain[table], table
    assert len(fast["timeline_item"]) > 500 and len(fast["dependency"]) > 100


def test_a_start_that_shows_no_window_fails_instead_of_waiting_forever(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A start held by a dialog (a lock left by a killed start) never prints READY; the benchmark says so."""
    from bench import common

    stuck = tmp_path / "stuck"
    stuck.write_text("#!/bin/sh\nexec sleep 600\n")
    stuck.chmod(0o755)
    monkeypatch.setattr(common.sys, "executable", str(stuck))
    with pytest.raises(RuntimeError, match="visade inget fönster inom 1 s"):
        common.cold_start("app", dict(os.environ), limit_s=1)
