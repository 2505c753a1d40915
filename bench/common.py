"""What the benchmark scenarios share: imports that may not have landed, copies, raw
connections, the bench file's size, percentiles, a Qt application, a timed cold start, and the
edits that make two copies diverge (B8 on files, B9 on a team server)."""

from __future__ import annotations

import importlib
import json
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from db.uri import file_uri

NOT_YET = "ej tillgänglig ännu"
now = time.perf_counter


class NotAvailable(Exception):
    """The code a scenario measures has not landed (or does not import yet)."""


def need(module: str, attr: str | None = None) -> Any:
    """Import `module` (and get `attr`), or raise NotAvailable saying what is missing."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise NotAvailable(f"{NOT_YET} ({module} saknas)") from None
        raise NotAvailable(f"{NOT_YET} ({module}: {exc})") from None
    except Exception as exc:  # noqa: BLE001 - a colleague's half-written module
        raise NotAvailable(f"{NOT_YET} ({module}: {type(exc).__name__}: {exc})") from None
    if attr is None:
        return mod
    if not hasattr(mod, attr):
        raise NotAvailable(f"{NOT_YET} ({module}.{attr} saknas)")
    return getattr(mod, attr)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def fresh_copy(src: Path, name: str) -> Path:
    dst = src.parent / name
    for p in (dst, dst.with_name(dst.name + "-journal")):
        p.unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    return dst


def raw_connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the app's write pragmas (DELETE journal, synchronous FULL)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = 1")
    return conn


def biggest_plan(path: Path) -> int:
    conn = sqlite3.connect(file_uri(path), uri=True)
    try:
        return conn.execute(
            "SELECT plan_id FROM timeline_item WHERE deleted_at IS NULL "
            "GROUP BY plan_id ORDER BY count(*) DESC, plan_id LIMIT 1"
        ).fetchone()[0]
    finally:
        conn.close()


def size_of(path: Path) -> str:
    """'full' or 'small', from the number of plans in the file."""
    conn = sqlite3.connect(file_uri(path), uri=True)
    try:
        plans = conn.execute("SELECT count(*) FROM plan").fetchone()[0]
    finally:
        conn.close()
    return "full" if plans >= 100 else "small"


def qapp() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["uppdrag-bench"])


# A start that shows no window by then never will: a dialog waits for an answer (a lock left by a killed start).
START_LIMIT_S = 60.0


def cold_start(kind: str, env: dict[str, str], limit_s: float = START_LIMIT_S) -> tuple[float, float]:
    started = now()
    proc = subprocess.Popen([sys.executable, "-m", "bench.probe", kind], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    with proc:  # closes both pipes, whichever way this ends
        watchdog = threading.Timer(limit_s, proc.kill)  # ends the read below instead of waiting forever
        watchdog.start()
        try:
            for line in proc.stdout:
                if line.startswith("READY "):
                    elapsed = now() - started
                    rss = json.loads(line[6:])["rss_mb"]
                    break
            else:
                why = proc.stderr.read()[-500:]
                raise RuntimeError(f"{kind} visade inget fönster inom {limit_s:.0f} s: {why}")
        finally:
            watchdog.cancel()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return elapsed, rss


# Each side changes its own columns and a few the other changes too: on rows both sides chose, a
# timeline title is a real conflict and a risk's mitigation against its owner is a field-level merge.
SIDE_COLUMNS = {
    1: (("timeline_item", "title"), ("risk", "mitigation"), ("section", "body"), ("person", "notes"), ("role", "note")),
    2: (("timeline_item", "title"), ("risk", "owner"), ("section", "guidance"), ("person", "title"), ("role", "unit")),
}


def diverge(path: Path, seed: int, share: float = 0.2) -> None:
    """Edit `share` of the rows of the main tables as the app does: each change a new version in the history."""
    from db.store import open_store

    store = open_store(path)
    try:
        diverge_store(store, seed, share)
    finally:
        store.close()


def diverge_store(store: Any, seed: int, share: float = 0.2) -> dict[str, list[str]]:
    """`diverge` on an open store (a file or a team server); returns table -> uuids of the rows changed."""
    import random

    from db import history, statements

    rng = random.Random(seed)
    changed: dict[str, list[str]] = {}
    with store.write():
        for table, column in SIDE_COLUMNS[seed]:
            ids = sorted(r for (r,) in store.db.execute_sql(f'SELECT "id" FROM "{table}"'))
            chosen = rng.sample(ids, int(len(ids) * share))
            current = {i: (u, v) for i, u, v in statements.select_in(
                store.db, f'SELECT "id", "uuid", "{column}" FROM "{table}" WHERE "id" IN ({{}})', chosen)}
            history.update_each(store.db, history.shape_of(table),
                                {i: {column: f"{current[i][1]} (ändrad {seed})"} for i in chosen})
            changed.setdefault(table, []).extend(current[i][0] for i in chosen)
    return changed
