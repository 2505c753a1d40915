"""The benchmark suite: each figure beside a floor measured in the same run.

    python -m bench [--only B2,B3] [--size full|small] [--repeat N] [--write-results] [--out FILE] [--md FILE]

Makes the benchmark database (bench.generate), runs every scenario N times, each
time in a fresh process (`python -m bench.scenarios NAME FILE`), takes the median
of the value and of the floor, and writes JSON
`{"machine": {...}, "results": {NAME: {value, unit, floor, ratio, target, pass}}}`
to --out and a readable table to --md. The committed bench/results.json and
bench/RESULTS.md are rewritten only with --write-results; otherwise the figures
are only printed.
Times are in seconds, memory in MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.scenarios import ALSO, SCENARIOS
from db.uri import file_uri

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Target:
    text: str
    ok: Callable[[float, float | None], bool]
    what: str  # what the figure is, for the table


TARGETS: dict[str, Target] = {
    "B1": Target("≤ floor + 150 ms", lambda v, f: f is not None and v <= f + 0.150,
                 "cold start to an idle main window (floor: bare QMainWindow)"),
    "B2": Target("≤ 1.5 × floor + 50 ms", lambda v, f: f is not None and v <= 1.5 * f + 0.050,
                 "open file + first paint of the portfolio timeline (floor: raw sqlite3 fetch)"),
    "B3": Target("p95 ≤ 8 ms and ratio ≤ 1.2", lambda v, f: bool(f) and v <= 0.008 and v / f <= 1.2,
                 "scroll/zoom frame p95, 100,000 bars (floor: 10,000 bars)"),
    "B4": Target("p95 ≤ 30 ms", lambda v, f: v <= 0.030,
                 "search as you type, p95 per keystroke (floor: the FTS5 query alone)"),
    "B12": Target("≤ 1.5 × floor + 50 ms", lambda v, f: f is not None and v <= 1.5 * f + 0.050,
                  "portfolio overview (Översikt) computed and painted (floor: raw SQL fetch of its figures)"),
    "B5": Target("≤ 3 × floor + 1 ms", lambda v, f: f is not None and v <= 3 * f + 0.001,
                 "one edit through service + undo stack (floor: raw UPDATE + COMMIT)"),
    "B6": Target("≤ 2 × floor", lambda v, f: f is not None and v <= 2 * f,
                 "Word export of the 30-page plan (floor: plain python-docx paragraphs)"),
    "B6-10x": Target("ratio ≤ 12", lambda v, f: bool(f) and v / f <= 12,
                     "Word export with 10× the rows (floor: B6 export)"),
    "B7": Target("≤ 3 × floor", lambda v, f: f is not None and v <= 3 * f,
                 "import of a plan with 20,000 items (floor: raw executemany)"),
    "B11-csv": Target("≤ 3 × floor", lambda v, f: f is not None and v <= 3 * f,
                      "every plan's activity list out as CSV and back in (floor: the same rows as plain JSON)"),
    "B11-ics": Target("≤ 3 × floor", lambda v, f: f is not None and v <= 3 * f,
                      "the whole file's calendar with activities (floor: the same items written as JSON)"),
    "B8": Target("≤ 5 × floor and < 1 s", lambda v, f: f is not None and v <= 5 * f and v < 1.0,
                 "causal merge of two diverged copies, 20 % changed each (floor: sqldiff of the same files)"),
    "HIST": Target("≤ floor + 10 MB (1 KB an edit)", lambda v, f: f is not None and v <= f + 10,
                   "file size after 10,000 edits with their row history (floor: the file before)"),
    "B2-server": Target("≤ 1.5 × floor + 50 ms", lambda v, f: f is not None and v <= 1.5 * f + 0.050,
                        "B2 with the portfolio on a local PostgreSQL team server (floor: raw psycopg fetch)"),
    "B13": Target("≤ 100 ms", lambda v, f: v <= 0.100,
                  "schedule + critical path, 5,000 items and 10,000 dependencies (floor: one topological pass)"),
    "B11-mspdi-export": Target("≤ 3 × floor", lambda v, f: f is not None and v <= 3 * f,
                               "every plan's timeline, people and resource plan written as MS Project XML "
                               "(floor: the same rows written as the plan file's JSON)"),
    "B11-mspdi-import": Target("≤ 3 × floor", lambda v, f: f is not None and v <= 3 * f,
                               "the MS Project XML files read, mapped and checked into plans "
                               "(floor: the same rows' JSON files read and checked)"),
    "B14": Target("≤ 2 × floor", lambda v, f: f is not None and v <= 2 * f,
                  "write-back of the bench file to a network share (floor: plain file copy to the same share)"),
    "B14-confirmed": Target("ratio reported", lambda v, f: v is not None,
                            "B14 and its confirmation: the file read back whole from the share (floor: as B14)"),
    "B5-network": Target("≤ 1.2 × floor + 1 ms", lambda v, f: f is not None and v <= 1.2 * f + 0.001,
                         "B5's edit on a network file's working copy (floor: the same edit on a local file)"),
    "B9": Target("p95 ≤ 3 × floor and ≤ 20 ms, 0 lost, 0 errors",
                 lambda v, f: f is not None and v <= 3 * f and v <= 0.020,
                 "20 client processes × 200 edits on a local server (floor: the same edits by 20 raw psycopg "
                 "clients at once, UPDATE … WHERE version; COMMIT)"),
    "B10": Target("≤ 5 × floor and < 3 s", lambda v, f: f is not None and v <= 5 * f and v < 3.0,
                  "sync of a checked-out portfolio, 20 % changed each side (floor: raw read of the changed rows)"),
    "RSS": Target("≤ 250 MB", lambda v, f: v <= 250,
                  "peak RSS, full file + portfolio timeline (floor: bare QMainWindow)"),
}
NOTES = {
    "B1": "both processes start from bytecode, as an installed program does (the scenario compiles "
          "app/, db/ and ui/ first); the probe runs the program's own step before Qt (ui.entry.before_qt) "
          "before its hook loads Qt; ready means the window, the plan list and the editor have painted.",
    "B2": "the first paint of the chart, with timers held back; the portfolio paints from the bands a "
          "screen shows and reads the rest right after (the last line below says when that is done).",
    "B14": "the share is bench/share.py's stand-in (a private sshd, an sshfs mount on this machine); the "
           "write-back after one edit: snapshot of the working copy, written beside the share file with fsync, "
           "checked (quick_check and identity of the snapshot, the written copy read back in sampled blocks), "
           "renamed over; B14-confirmed adds the confirmation after the rename (the file read back whole and "
           "its hash compared with the snapshot's), without which the edits do not count as written back; "
           "the floor copies the same bytes to the same share with shutil.copyfile and fsync; "
           "3 of each, interleaved, medians.",
    "B5-network": "the same 30 edits on the working copy of the bench file on the stand-in share (its write-back "
                  "worker running) and on a local copy, interleaved in one process; the details give the edits "
                  "made while a write-back to the share runs on another thread (median and slowest).",
    "B11-mspdi-import": "both sides stop before the database (the write is the JSON import's own); the plan file's "
                        "JSON reader checks what it reads as the MSPDI reader does, both with the cyclic garbage "
                        "collector held off as the app's imports hold it, and bare json.loads of the same "
                        "files is in results.json (details) with the ratio to it.",
    "B3": "each frame is one scroll (a third of a page, down or sideways) or one Ctrl+wheel zoom step, "
          "then a synchronous repaint of the chart's viewport.",
}
ORDER = ["B1", "B2", "B3", "B4", "B12", "B5", "B6", "B6-10x", "B7", "B8", "HIST", "B13", "B14", "B14-confirmed",
         "B5-network", "B2-server", "B9", "B10", "B11-csv", "B11-ics", "B11-mspdi-export", "B11-mspdi-import", "RSS"]


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import PySide6

        pyside6 = PySide6.__version__
    except ImportError:
        pyside6 = None
    return {"cpu": cpu, "cores": os.cpu_count(), "load": [round(x, 1) for x in os.getloadavg()],
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "pyside6": pyside6, "platform": platform.platform()}


def counted(db: Path) -> dict[str, int]:
    """What a benchmark file made earlier holds, in the words `bench.generate` reports it."""
    conn = sqlite3.connect(file_uri(db), uri=True)
    try:
        return {key: conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
                for key, table in (("plans", "plan"), ("timeline_items", "timeline_item"), ("risks", "risk"),
                                   ("people", "person"))}
    finally:
        conn.close()


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run_once(name: str, db: Path) -> dict[str, Any]:
    """One fresh process for one scenario; its last stdout line is the JSON result."""
    proc = subprocess.run([sys.executable, "-m", "bench.scenarios", name, str(db)], capture_output=True,
                          text=True, env=child_env(), cwd=ROOT, timeout=1800)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        tail = (proc.stderr.strip().splitlines() or ["(inget)"])[-1]
        note = f"fel: processen slutade med kod {proc.returncode}: {tail}"[:300]
        return {n: {"value": None, "floor": None, "note": note} for n in (name, *ALSO.get(name, ()))}
    return json.loads(lines[-1])["results"]


def summarise(name: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    target = TARGETS[name]
    values = [r["value"] for r in runs if r.get("value") is not None]
    floors = [r["floor"] for r in runs if r.get("floor") is not None]
    unit = next((r["unit"] for r in runs if "unit" in r), "MB" if name == "RSS" else "s")
    out: dict[str, Any] = {"value": None, "unit": unit, "floor": None, "ratio": None, "target": target.text,
                           "pass": False}
    if not values:
        out["note"] = next((r["note"] for r in runs if r.get("note")), "inget resultat")
        return out
    value = statistics.median(values)
    floor = statistics.median(floors) if floors else None
    clean = all(not r.get("lost") and not r.get("error") for r in runs)  # B9: no edit lost, no error shown
    out.update(value=value, floor=floor, ratio=(value / floor) if floor else None,
               pass_=bool(target.ok(value, floor)) and clean)
    out["pass"] = out.pop("pass_")
    out["runs"] = len(values)
    extras = {k: v for k, v in runs[-1].items() if k not in ("value", "floor", "unit", "note")}
    if extras:
        out["details"] = extras
    return out


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.1f} {unit}"


def write_markdown(report: dict[str, Any], path: Path, size: str, repeat: int, generated: dict[str, Any]) -> None:
    m = report["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"`python -m bench --size {size} --repeat {repeat} --write-results` (`make bench` runs the full size "
        "and only prints the figures). "
        "Each figure is the median of fresh processes; each floor is measured in the same run.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['platform']}; Python {m['python']}, "
        f"SQLite {m['sqlite']}, PySide6 {m['pyside6']}; load average at the end {m.get('load', '–')} "
        "(1, 5, 15 min).",
        "",
        f"Data: {generated.get('plans')} plans, {generated.get('timeline_items')} timeline items, "
        f"{generated.get('risks')} risks, {generated.get('people')} people "
        f"(generated in {generated.get('seconds')} s).",
        "",
        "| | figure | value | floor | ratio | target | pass |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ORDER:
        r = report["results"].get(name)
        if r is None:
            continue
        ratio = f"{r['ratio']:.2f}" if r.get("ratio") is not None else "–"
        ok = "yes" if r["pass"] else "**no**"
        value = fmt(r["value"], r["unit"]) if r["value"] is not None else f"– ({r.get('note', '')})"
        lines.append(f"| {name} | {TARGETS[name].what} | {value} | {fmt(r['floor'], r['unit'])} | {ratio} | "
                     f"{r['target']} | {ok} |")
    lines += ["", "How some figures are taken:", ""]
    b2 = report["results"].get("B2", {}).get("details", {})
    for name, note in NOTES.items():
        if name in report["results"]:
            lines.append(f"- {name}: {note}")
    if b2.get("all_rows_s") is not None:
        lines.append(f"- B2, every row read and shown: {fmt(b2['all_rows_s'], 's')} after the start.")
    lines += _cpu_lines(report["results"], m["cores"])
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _cpu_lines(results: dict[str, Any], cores: int | None) -> list[str]:
    """What B9 and B10 took of the machine's cores in their last run (the server's share where /proc
    shows it), beside their times: both run the app and the server on the same cores."""
    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f} ms"

    lines = []
    b9 = results.get("B9", {}).get("details", {})
    if "cpu_ms_an_edit" in b9:
        ours, floor = b9["cpu_ms_an_edit"], b9["floor_cpu_ms_an_edit"]
        lines.append(f"- B9, CPU an edit: {ms(ours['app'])} in the client and {ms(ours['server'])} in the server "
                     f"(floor: {ms(floor['app'])} and {ms(floor['server'])}); the {b9['clients']} clients and their "
                     f"{b9['clients']} server processes share {cores} cores.")
    b10 = results.get("B10", {}).get("details", {}).get("cpu")
    if b10:
        server = "–" if b10["server"] is None else fmt(b10["server"], "s")
        lines.append(f"- B10, CPU of the sync: {fmt(b10['app'], 's')} in the app's process and {server} in the "
                     f"server's, in {fmt(b10['wall_s'], 's')} on {cores} cores (the last run).")
    return lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Kör Uppdrags benchmark.")
    parser.add_argument("--only", help="kommaseparerade scenarier, t.ex. B2,B3")
    parser.add_argument("--write-results", action="store_true",
                        help="skriv om bench/results.json och bench/RESULTS.md (de incheckade resultaten)")
    parser.add_argument("--out", type=Path, help="skriv JSON-resultatet hit")
    parser.add_argument("--md", type=Path, help="skriv tabellen i Markdown hit")
    parser.add_argument("--size", choices=("full", "small"), default="full")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="mapp för testdatabaser (standard: en tillfällig)")
    return parser


def _generated(db: Path, size: str) -> dict[str, Any]:
    """The benchmark file, made in a child process unless --workdir already holds it, and its counts."""
    if db.exists():
        return {**counted(db), "seconds": "– (given with --workdir)"}
    print(f"Skapar {db.name} …", flush=True)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "bench.generate", str(db), "--size", size],
                          capture_output=True, text=True, env=child_env(), cwd=ROOT, check=True)
    generated: dict[str, Any] = dict(kv.split("=", 1) for kv in proc.stdout.split())
    generated["seconds"] = round(time.perf_counter() - started, 1)
    return generated


def _measured(name: str, db: Path, repeat: int) -> dict[str, Any]:
    """Each figure of scenario `name` over `repeat` fresh runs, summarised."""
    runs: dict[str, list[dict[str, Any]]] = {}
    for _ in range(max(1, repeat)):
        for result_name, result in run_once(name, db).items():
            runs.setdefault(result_name, []).append(result)
        if all(r.get("value") is None and str(r.get("note", "")).startswith("ej tillgänglig")
               for rs in runs.values() for r in rs):
            break  # not landed yet: once is enough
    return {result_name: summarise(result_name, rs) for result_name, rs in runs.items()}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    names = list(SCENARIOS) if not args.only else [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        parser.error(f"okända scenarier: {', '.join(unknown)} (finns: {', '.join(SCENARIOS)})")

    with tempfile.TemporaryDirectory(prefix="uppdrag-bench-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db = work / f"bench-{args.size}.uppdrag"
        generated = _generated(db, args.size)
        results: dict[str, Any] = {}
        for name in names:
            print(f"{name} …", end=" ", flush=True)
            results.update(_measured(name, db, args.repeat))
            r = results[name]
            print(fmt(r["value"], r["unit"]) if r["value"] is not None else r.get("note"), flush=True)
        from bench.server_scenarios import discard

        discard(db)  # the team server the server scenarios kept for this file

    report = {"machine": machine(), "size": args.size, "repeat": args.repeat, "generated": generated,
              "results": {n: results[n] for n in ORDER if n in results}}
    out = args.out or (HERE / "results.json" if args.write_results else None)
    md = args.md or (HERE / "RESULTS.md" if args.write_results else None)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"Skrev {out}")
    if md is not None:
        write_markdown(report, md, args.size, args.repeat, generated)
        print(f"Skrev {md}")
    if out is None and md is None:
        print("Resultaten skrevs inte till någon fil (--write-results skriver bench/RESULTS.md och results.json).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
