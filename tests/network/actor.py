"""One "computer" working on a network file, as a child process of the network tests.

    actor.py services FILE TAG SECONDS   open with open_for_editing (as the window does), add terms,
                                         close; again and again; refusals are recorded
    actor.py imports FILE TAG SECONDS    `uppdrag import` of fresh copies of an example plan, again
                                         and again
    actor.py editor FILE BATCH           add terms one by one ("EDITED n" after each commit) and
                                         write back after every BATCH ("WRITTEN n"), until killed

The first two print one JSON line at the end: {"acked": [...], "refused": [...], "errors": [...]};
an edit is acked only after the call that made it has returned (and, for a session, after the
file was closed and written back without error).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

GRACE_S = 60  # an actor that never got the lock in its time keeps trying this long for one turn
EXAMPLE = Path(__file__).resolve().parents[2] / "app" / "resources" / "examples" / "uppdragsplan-primarvard-nav.json"


def services(path: Path, tag: str, seconds: float) -> dict:
    from app.plans import list_plans
    from app.sharing import FileInUse, close_shared, open_for_editing

    out: dict = {"acked": [], "refused": [], "errors": []}
    rng = random.Random(tag)
    end = time.monotonic() + seconds
    k = 0
    while time.monotonic() < end or (not out["acked"] and time.monotonic() < end + GRACE_S):
        try:
            ws, _ = open_for_editing(path)
        except FileInUse as busy:
            out["refused"].append(str(busy))
            time.sleep(rng.uniform(0.05, 0.3))
            continue
        except Exception as exc:  # noqa: BLE001 - every other failure is what the test looks for
            out["errors"].append(f"open: {type(exc).__name__}: {exc}")
            time.sleep(0.2)
            continue
        done = []
        try:
            plan_id = list_plans(ws)[0].id
            for _ in range(rng.randint(1, 4)):
                text = f"{tag}-{k}"
                ws.add("term", plan_id, term=text, explanation="")
                done.append(text)
                k += 1
        except Exception as exc:  # noqa: BLE001
            out["errors"].append(f"edit: {type(exc).__name__}: {exc}")
        try:
            status = close_shared(ws)
            if status is not None and not status.all_written:
                out["errors"].append(f"close: {status.message}")
            else:
                out["acked"] += done
        except Exception as exc:  # noqa: BLE001
            out["errors"].append(f"close: {type(exc).__name__}: {exc}\n{traceback.format_exc()[-800:]}")
        time.sleep(rng.uniform(0.3, 1.0))  # a person between two sessions: the others get their turn
    return out


def imports(path: Path, tag: str, seconds: float) -> dict:
    from app.plans import renew_uuids

    out: dict = {"acked": [], "refused": [], "errors": []}
    rng = random.Random(tag)
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    end = time.monotonic() + seconds
    with tempfile.TemporaryDirectory() as tmp:
        k = 0
        while time.monotonic() < end or (not out["acked"] and time.monotonic() < end + GRACE_S):
            plan = renew_uuids(json.loads(json.dumps(data)))
            plan["title"] = f"{tag}-{k}"
            k += 1
            plan_file = Path(tmp) / "plan.json"
            plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
            done = subprocess.run([sys.executable, "-m", "app.cli", "import", str(path), str(plan_file)],
                                  capture_output=True, text=True)
            if done.returncode == 0:
                out["acked"].append(plan["uuid"])
            elif "låst av" in done.stderr:
                out["refused"].append(done.stderr.strip())
                continue
            else:
                out["errors"].append(f"import rc={done.returncode}: {done.stderr.strip()[-800:]}")
            time.sleep(rng.uniform(0.05, 0.3))
    return out


def editor(path: Path, batch: int) -> None:
    from app.network_open import open_network
    from app.plans import list_plans

    ws, _ = open_network(path)
    nf = ws.sharing.netfile
    plan_id = list_plans(ws)[0].id
    print("READY", flush=True)
    n = 0
    while True:
        ws.add("term", plan_id, term=f"edit-{n}", explanation="")
        n += 1
        print(f"EDITED {n}", flush=True)
        if n % batch == 0:
            if not nf.write_back():
                print(f"FAILED {nf.status.message}", flush=True)
            else:
                print(f"WRITTEN {n}", flush=True)


if __name__ == "__main__":
    mode, file = sys.argv[1], Path(sys.argv[2])
    if mode == "editor":
        editor(file, int(sys.argv[3]))
    else:
        result = {"services": services, "imports": imports}[mode](file, sys.argv[3], float(sys.argv[4]))
        print(json.dumps(result, ensure_ascii=False), flush=True)
