"""The command line against a team server, in real subprocesses: every FIL also takes a server address."""

from __future__ import annotations

import json
from pathlib import Path

from app.plans import example_files
from tests.e2e.test_cli import uppdrag


def test_setting_up_a_server_and_working_on_it(pg_cluster, pg_template, tmp_path: Path) -> None:
    pg_cluster.sql("CREATE DATABASE cli_team")
    try:
        admin = pg_cluster.admin_url("cli_team")
        alice = pg_cluster.url("alice", "cli_team")
        r = uppdrag("server", "init", admin, data_dir=tmp_path)
        assert r.returncode == 0, r.stderr
        assert "Skapade Uppdrags tabeller" in r.stdout
        assert "redan" in uppdrag("server", "init", admin, data_dir=tmp_path).stdout

        for file in example_files():
            r = uppdrag("import", alice, str(file), data_dir=tmp_path)
            assert r.returncode == 0 and "Importerade" in r.stdout, r.stderr
        plans = json.loads(uppdrag("list", alice, "--json", data_dir=tmp_path).stdout)
        assert len(plans) == 2

        out = tmp_path / "plan.json"
        r = uppdrag("export", alice, plans[0]["uuid"], "-o", str(out), data_dir=tmp_path)
        assert r.returncode == 0, r.stderr
        docx = tmp_path / "plan.docx"
        assert uppdrag("export", alice, str(plans[0]["id"]), "-o", str(docx), data_dir=tmp_path).returncode == 0
        assert docx.stat().st_size > 10_000

        r = uppdrag("check", alice, data_dir=tmp_path)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "Användare: alice (läser och skriver)" in r.stdout

        # bob may not change alice's plan until he is named editor on it
        bob = pg_cluster.url("bob", "cli_team")
        r = uppdrag("import", bob, str(out), data_dir=tmp_path)
        assert r.returncode == 1 and "får inte ändra" in r.stderr and "Traceback" not in r.stderr
        r = uppdrag("server", "grant", admin, "bob", "--plan", plans[0]["uuid"], "--role", "editor",
                    data_dir=tmp_path)
        assert r.returncode == 0 and "bob är nu redigerare för planen" in r.stdout, r.stderr
        r = uppdrag("import", bob, str(out), data_dir=tmp_path)
        assert r.returncode == 0 and "Uppdaterade" in r.stdout, r.stderr
    finally:
        pg_cluster.sql("DROP DATABASE cli_team WITH (FORCE)")


def test_server_faults_are_one_swedish_line(pg_cluster, server_db, tmp_path: Path) -> None:
    from tests.pg_cluster import free_port

    cases = {
        f"postgresql://alice@127.0.0.1:{free_port()}/uppdrag": "svarar inte",
        "postgresql://alice@127.0.0.1:x/uppdrag": "ingen giltig serveradress",
        "postgresql://alice:lösen@127.0.0.1/uppdrag": "sparar aldrig lösenord",
        "postgresql://alice@db.example.org/uppdrag?sslmode=disable": "krypterat",
        server_db.url("nora"): "ingen behörighet",
    }
    for url, said in cases.items():
        r = uppdrag("list", url, data_dir=tmp_path)
        assert r.returncode == 1, (url, r.stdout, r.stderr)
        assert said in r.stderr and "Traceback" not in r.stderr and r.stderr.count("\n") == 1, (url, r.stderr)
    r = uppdrag("server", "init", "inte-en-adress", data_dir=tmp_path)
    assert r.returncode == 1 and "ingen serveradress" in r.stderr
