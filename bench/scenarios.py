"""One run of one benchmark scenario, in a fresh process.

    python -m bench.scenarios NAME FILE

FILE is the benchmark database made by bench.generate; helper files (copies,
bar files) are made beside it. The last line printed is JSON:
`{"results": {NAME: {"value", "floor", "unit", ...}}}` with times in seconds and
memory in MB. A scenario whose code has not landed yet reports value null and
the note "ej tillgänglig ännu"; it never makes up a number.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.generate import SEED
from bench.common import (
    NotAvailable, biggest_plan, cold_start, diverge, fresh_copy, need, now, p95, raw_connect, size_of,
)
from bench.edits import UndoableEdits, edit_ids
from bench.interop_scenarios import b11_csv, b11_ics
from bench.mspdi_scenarios import b11_mspdi
from bench.network_scenarios import b5_network, b14
from bench.planning_scenarios import b13
from bench.timeline_scenarios import b2, b3, rss
from db.uri import file_uri

# --- B1: cold start ----------------------------------------------------------


def b1(path: Path) -> dict[str, Any]:
    need("ui.entry", "main")
    data = path.parent / "b1-data"
    data.mkdir(exist_ok=True)
    # its own data folder and settings file: the user's recent files and window state stay untouched
    env = {**os.environ, "UPPDRAG_DATA_DIR": str(data), "UPPDRAG_SETTINGS": str(data / "settings.ini"),
           "QT_QPA_PLATFORM": "offscreen"}
    # The default database is made on first start; that first start is not measured.
    subprocess.run([sys.executable, "-c", "from app.startup import ensure_default_database as e; e()"],
                   env=env, check=True)
    # An installed program starts from bytecode (pip compiles a wheel when it installs it, the
    # bundle ships it), as PySide6 does in the floor; a checkout run with PYTHONDONTWRITEBYTECODE
    # would otherwise compile every module of its own on every start.
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", *(str(root / p) for p in ("app", "db", "ui"))],
                   check=True)
    floor, floor_rss = cold_start("bare", env)
    value, rss = cold_start("app", env)
    return {"B1": {"value": value, "floor": floor, "unit": "s", "rss_mb": rss, "floor_rss_mb": floor_rss}}


# --- B4: search as you type --------------------------------------------------


def keystrokes() -> list[str]:
    from bench.text import search_words

    return [word[:n] for word in search_words() for n in range(1, len(word) + 1)]


def _match(typed: str) -> str | None:
    import re

    words = re.findall(r"\w+", typed)
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words) if words else None


def b4(path: Path) -> dict[str, Any]:
    from app.workspace import Workspace

    ws = Workspace.open(path, read_only=True)
    extra: dict[str, Any] = {}
    try:
        SearchIndex = need("app.search_index", "SearchIndex")
        started = now()
        index = SearchIndex()
        index.rebuild(ws)
        extra["build_s"] = now() - started
        extra["via"] = "app.search_index.SearchIndex"
        db, table = index.text.db, "plan_fts"

        # What a keystroke does: the ranked hits, and the text around the match in the first of them.
        def keystroke(typed: str) -> object:
            hits = index.hits(typed)
            return hits and index.snippet(typed, hits[0].plan_id)

        search = keystroke if hasattr(index, "snippet") else index.search
    except NotAvailable:
        # The same query shape, straight on SQLite: a TEMP FTS5 table of every plan's texts.
        started = now()
        db, table = sqlite3.connect(":memory:"), "plan_fts"
        db.execute("CREATE VIRTUAL TABLE plan_fts USING fts5(title, diarienummer, body)")
        src = sqlite3.connect(file_uri(path), uri=True)
        texts: dict[int, list[str]] = {}
        for pid, body in src.execute("SELECT plan_id, body FROM section WHERE deleted_at IS NULL"):
            texts.setdefault(pid, []).append(body)
        for pid, title in src.execute("SELECT plan_id, title FROM timeline_item WHERE deleted_at IS NULL"):
            texts.setdefault(pid, []).append(title)
        db.executemany("INSERT INTO plan_fts(rowid, title, diarienummer, body) VALUES (?, ?, ?, ?)",
                       [(pid, t, d, "\n".join(texts.get(pid, [])))
                        for pid, t, d in src.execute("SELECT id, title, diarienummer FROM plan WHERE deleted_at IS NULL")])
        db.commit()
        extra["build_s"] = now() - started
        extra["via"] = "direct FTS5"

        def search(typed: str) -> set[int] | None:
            match = _match(typed)
            return None if match is None else {r for (r,) in db.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (match,))}

    keys = keystrokes()
    for k in keys[:5]:
        search(k)
    values, floors = [], []
    for typed in keys:
        started = now()
        search(typed)
        values.append(now() - started)
        match = _match(typed)
        started = now()
        db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (match,)).fetchall()
        floors.append(now() - started)
    ws.close()
    return {"B4": {"value": p95(values), "floor": p95(floors), "unit": "s", "keystrokes": len(keys), **extra}}


# --- B5: one edit through the service and the undo stack ----------------------


def b5(path: Path, edits: int = 30) -> dict[str, Any]:
    from app.workspace import Workspace

    edit_file = fresh_copy(path, "b5-edit.uppdrag")
    raw_file = fresh_copy(path, "b5-raw.uppdrag")
    conn = raw_connect(raw_file)
    ids = edit_ids(conn, edits + 1)
    ws = Workspace.open(edit_file)
    edit = UndoableEdits(ws)
    values, floors = [], []
    for k, row_id in enumerate(ids):
        title = f"Ändrad rubrik {k}"
        value = edit(row_id, title)
        started = now()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE timeline_item SET title = ? WHERE id = ?", (title, row_id))
        conn.execute("COMMIT")
        floor = now() - started
        if k:  # the first of each is a warm-up
            values.append(value)
            floors.append(floor)
    ws.close()
    conn.close()
    return {"B5": {"value": statistics.median(values), "floor": statistics.median(floors), "unit": "s",
                   "edits": len(values)}}


# --- B6: Word export ---------------------------------------------------------


def plain_texts(plan: dict[str, Any]) -> list[str]:
    """Every text of a plan dict, one string per paragraph or table row, for the plain-docx floor."""
    out = [plan["title"]]
    for s in plan["sections"]:
        out.append(s["heading"])
        for body in (s["body"], s["body_after"]):
            out += [p for p in body.split("\n") if p.strip()]
    for key in ("goals", "timeline", "resources", "budget", "risks", "log", "status_reports", "terms", "references"):
        for row in plan[key]:
            out.append("\t".join(str(v) for k, v in row.items() if k not in ("uuid", "history", "depends_on")
                                 and isinstance(v, str | int) and v != ""))
    for row in plan["organisation"]["roles"]:
        out.append("\t".join(str(v) for k, v in row.items() if k != "uuid" and isinstance(v, str | int) and v != ""))
    return out


def plain_docx(plan: dict[str, Any], out: Path) -> None:
    import docx

    document = docx.Document()
    for line in plain_texts(plan):
        document.add_paragraph(line)
    document.save(str(out))


def scaled(plan: dict[str, Any], factor: int) -> dict[str, Any]:
    """A copy of a plan dict with every table's rows repeated `factor` times (new uuids)."""
    import copy
    import uuid

    big = copy.deepcopy(plan)

    def grow(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        more = list(rows)
        for _ in range(factor - 1):
            for row in rows:
                twin = copy.deepcopy(row)
                twin["uuid"] = str(uuid.uuid4())
                if "depends_on" in twin:
                    twin["depends_on"], twin["parent"] = [], None
                for a in twin.get("history", []):
                    a["uuid"] = str(uuid.uuid4())
                more.append(twin)
        return more

    for key in ("goals", "timeline", "resources", "budget", "risks", "log", "status_reports", "terms", "references"):
        big[key] = grow(big[key])
    big["organisation"]["roles"] = grow(big["organisation"]["roles"])
    return big


def b6(path: Path) -> dict[str, Any]:
    export_docx = need("app.export.docx_export", "export_docx")
    from app.planfile.write import plan_to_dict
    from app.workspace import Workspace

    ws = Workspace.open(path, read_only=True)
    plan = plan_to_dict(ws, biggest_plan(path))
    ws.close()
    tenfold = scaled(plan, 10)
    out = path.parent / "b6"
    out.mkdir(exist_ok=True)
    plain_docx(plan, out / "warm.docx")  # imports and first-use costs are not the export's
    export_docx(plan, out / "warm-export.docx")
    started = now()
    plain_docx(plan, out / "plain.docx")
    floor = now() - started
    started = now()
    export_docx(plan, out / "export.docx")
    value = now() - started
    started = now()
    export_docx(tenfold, out / "export-10x.docx")
    value10 = now() - started
    words = sum(len(t.split()) for t in plain_texts(plan))
    return {
        "B6": {"value": value, "floor": floor, "unit": "s", "words": words,
               "rows": len(plan["timeline"]) + len(plan["risks"])},
        "B6-10x": {"value": value10, "floor": value, "unit": "s"},
    }


# --- B7: import of a plan with 20,000 items ----------------------------------


def b7(path: Path) -> dict[str, Any]:
    from app.date_text import from_canonical
    from app.plans import import_plan_data
    from app.workspace import Workspace
    from bench.generate import one_plan
    from db import models

    items = 20_000 if size_of(path) == "full" else 2_000
    data = one_plan(items)
    # The floor: the same timeline rows, converted beforehand, written with one executemany.
    meta = models.TimelineItem._meta
    columns = [f.column_name for f in meta.sorted_fields if f is not meta.primary_key]
    rows = []
    for position, t in enumerate(data["timeline"]):
        start = from_canonical(t["start"]) if t["start"] else None
        end = from_canonical(t["end"]) if t["end"] else None
        values = {
            "uuid": t["uuid"], "created_at": models.utc_now(), "modified_at": models.utc_now(), "rev": 1,
            "deleted_at": None, "version_id": models.new_version(), "plan_id": 1, "position": position, "kind": t["kind"], "code": t["code"],
            "title": t["title"], "description": t["description"],
            "start": start.start.isoformat() if start else None, "start_precision": str(start.precision) if start else None,
            "end": end.start.isoformat() if end else None, "end_precision": str(end.precision) if end else None,
            "responsible": t["responsible"], "responsible_person_id": None, "status": t["status"],
            "progress": t["progress"], "comment": t["comment"], "parent_id": None, "checklist": "",
            "actual_start": None, "actual_finish": None,
        }
        rows.append(tuple(values[c] for c in columns))
    raw_file = fresh_copy(path, "b7-raw.uppdrag")
    conn = raw_connect(raw_file)
    started = now()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        f'INSERT INTO timeline_item ({", ".join(f'"{c}"' for c in columns)}) VALUES ({", ".join("?" * len(columns))})',
        rows)
    conn.execute("COMMIT")
    floor = now() - started
    conn.close()

    ws = Workspace.open(fresh_copy(path, "b7-import.uppdrag"))
    started = now()
    import_plan_data(ws, data)
    value = now() - started
    ws.close()
    return {"B7": {"value": value, "floor": floor, "unit": "s", "items": items}}


# --- B8: merge of two diverged copies ----------------------------------------


def b8(path: Path) -> dict[str, Any]:
    """The causal merge of two diverged copies, beside SQLite's own sqldiff between the same two files."""
    merge = need("app.merge", "merge_files")
    sqldiff = shutil.which("sqldiff")
    if sqldiff is None:
        raise NotAvailable("sqldiff saknas (Debian-paketet sqlite3-tools)")
    mine, theirs = fresh_copy(path, "b8-mine.uppdrag"), fresh_copy(path, "b8-theirs.uppdrag")
    diverge(mine, 1)
    diverge(theirs, 2)
    started = now()
    subprocess.run([sqldiff, str(mine), str(theirs)], check=True, stdout=subprocess.DEVNULL)
    floor = now() - started
    started = now()
    report = merge(mine, theirs, prefer="mine")
    value = now() - started
    changed = sum(report.added.values()) + sum(report.updated.values())
    return {"B8": {"value": value, "floor": floor, "unit": "s", "rows_taken": changed,
                   "conflicts": len(report.conflicts)}}


# --- HIST: what the row history costs in file size ------------------------------


def hist(path: Path) -> dict[str, Any]:
    """File size after 10,000 edits through the services (floor: the same file before them), and after
    the history of a year later is pruned."""
    import random
    from datetime import UTC, datetime, timedelta

    Workspace = need("app.workspace", "Workspace")
    add_examples = need("app.plans", "add_examples")
    history = need("db.history")
    prune = need("db.history_prune", "prune")
    target = path.parent / "hist.uppdrag"
    for p in (target, target.with_name(target.name + "-journal")):
        p.unlink(missing_ok=True)
    ws = Workspace.create(target)
    add_examples(ws)
    before = target.stat().st_size
    rng = random.Random(SEED)
    rows = [("timeline", r["id"], "title", r["title"]) for plan in (1, 2) for r in ws.list("timeline", plan)]
    rows += [("risk", r["id"], "mitigation", r["mitigation"]) for plan in (1, 2) for r in ws.list("risk", plan)]
    with ws.store.write():  # one commit: the history is the same as for 10,000 separate ones
        for n in range(10_000):
            kind, row_id, field, text = rng.choice(rows)
            ws.update(kind, row_id, **{field: f"{text} ({n})"})
    after = target.stat().st_size
    prune(ws.store.db, now=datetime.now(UTC) + timedelta(days=history.HISTORY_DAYS + 1))
    ws.store.db.execute_sql("VACUUM")
    pruned = target.stat().st_size
    ws.close()
    mb = 1024 * 1024
    return {"HIST": {"value": after / mb, "floor": before / mb, "unit": "MB",
                     "after_pruning_a_year_later_mb": round(pruned / mb, 2)}}


def b2_server(path: Path) -> dict[str, Any]:
    from bench.server_scenarios import b2_server as run

    return run(path)


def b9(path: Path) -> dict[str, Any]:
    from bench.server_scenarios import b9 as run

    return run(path)


def b10(path: Path) -> dict[str, Any]:
    from bench.server_scenarios import b10 as run

    return run(path)


def b12(path: Path) -> dict[str, Any]:
    from bench.overview_scenarios import b12 as run

    return run(path)


SCENARIOS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "B1": b1, "B2": b2, "B3": b3, "B4": b4, "B5": b5, "B6": b6, "B7": b7, "B8": b8, "HIST": hist, "B14": b14,
    "B5-network": b5_network, "RSS": rss, "B2-server": b2_server, "B9": b9, "B10": b10, "B12": b12, "B13": b13,
    "B11-csv": b11_csv, "B11-ics": b11_ics, "B11-mspdi-export": b11_mspdi,
}
# Results a scenario reports besides its own name.
ALSO = {"B6": ("B6-10x",), "B14": ("B14-confirmed",), "B11-mspdi-export": ("B11-mspdi-import",)}
UNITS = {"RSS": "MB", "HIST": "MB"}


def run(name: str, path: Path) -> dict[str, Any]:
    names = (name, *ALSO.get(name, ()))
    try:
        return {"results": SCENARIOS[name](path)}
    except NotAvailable as exc:
        return {"results": {n: {"value": None, "floor": None, "unit": UNITS.get(n, "s"), "note": str(exc)} for n in names}}
    except Exception as exc:  # noqa: BLE001 - one failing scenario must not end the run
        traceback.print_exc()
        return {"results": {n: {"value": None, "floor": None, "unit": UNITS.get(n, "s"),
                                "note": f"fel: {type(exc).__name__}: {exc}"[:300]} for n in names}}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in SCENARIOS:
        print(f"användning: python -m bench.scenarios {{{','.join(SCENARIOS)}}} FIL", file=sys.stderr)
        return 2
    result = run(argv[0], Path(argv[1]))
    print(json.dumps(result, ensure_ascii=False), flush=True)
    os._exit(0)  # Qt objects need no orderly teardown here


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
